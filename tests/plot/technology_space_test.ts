import assert from "node:assert/strict";
import { matrixFrom, technologySpaceChart, technologySpaceLayout } from "../../src/mod.ts";

const labels = ["a", "b", "c", "d"];
// φ = 1 − distance for four points on a line at 0, 0.2, 0.5, 0.9: classical MDS recovers the distances
const pos = [0, 0.2, 0.5, 0.9];
const phi = matrixFrom(pos.map((x, i) => pos.map((y, j) => (i === j ? 0 : 1 - Math.abs(x - y)))), {
  rows: labels,
  cols: labels,
});

Deno.test("technologySpaceLayout: MDS recovers Euclidean distances, MST + threshold links", () => {
  const { nodes, links, threshold } = technologySpaceLayout(phi, { highlight: ["b"] });
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) {
      const d = Math.hypot(nodes[i]!.x - nodes[j]!.x, nodes[i]!.y - nodes[j]!.y);
      assert.ok(Math.abs(d - Math.abs(pos[i]! - pos[j]!)) < 1e-9, `distance ${i}-${j}`);
    }
  }
  assert.equal(links.filter((l) => l.mst).length, 3); // a spanning tree of 4 nodes
  assert.deepEqual(links.filter((l) => l.mst).map((l) => l.source + l.target).sort(), ["ab", "bc", "cd"]);
  assert.ok(threshold > 0.5);
  assert.deepEqual(nodes.filter((n) => n.highlighted).map((n) => n.sector), ["b"]);
  // deterministic
  assert.deepEqual(technologySpaceLayout(phi).nodes, technologySpaceLayout(phi).nodes);
});

Deno.test("technologySpaceChart: bilingual title and an SVG", () => {
  const zh = technologySpaceChart(phi, { highlight: ["b"], highlightName: "中国", lang: "zh" }).toSVG();
  assert.ok(zh.startsWith("<svg"));
  const en = technologySpaceChart(phi, { highlight: ["b"], highlightName: "China" });
  assert.ok(en.toSVG().includes("<svg"));
});

Deno.test("technologySpaceChart: long labels of the outermost nodes stay inside the chart", () => {
  const left = "A very long label on the left edge", right = "Another very long label on the right";
  const svg = technologySpaceChart(phi, { labels: { a: left, d: right }, width: 760 }).toSVG();
  const xOf = (text: string) => {
    const m = svg.match(new RegExp(`<text[^>]*translate\\(([0-9.]+),[^>]*>${text}</text>`));
    assert.ok(m, `label "${text}" drawn`);
    return Number(m[1]);
  };
  // 9 px labels are about 5 px per Latin character, centred on the node
  assert.ok(xOf(left) - (left.length * 5) / 2 >= 0, "left label inside");
  assert.ok(xOf(right) + (right.length * 5) / 2 <= 760, "right label inside");
});
