import assert from "node:assert/strict";
import { matrixFrom, technologySpaceChart } from "../../src/mod.ts";
import { assertSnapshot } from "./snapshot.ts";

const labels = ["a", "b", "c", "d"];
// φ = 1 − distance for four points on a line at 0, 0.2, 0.5, 0.9: classical MDS recovers the distances
const pos = [0, 0.2, 0.5, 0.9];
const phi = matrixFrom(pos.map((x, i) => pos.map((y, j) => (i === j ? 0 : 1 - Math.abs(x - y)))), {
  rows: labels,
  cols: labels,
});

Deno.test("technologySpaceChart: bilingual title and an SVG", () => {
  const zh = technologySpaceChart(phi, { highlight: ["b"], highlightName: "中国", lang: "zh" }).toSVG();
  assert.ok(zh.startsWith("<svg"));
  const en = technologySpaceChart(phi, { highlight: ["b"], highlightName: "China" });
  assert.ok(en.toSVG().includes("<svg"));
});

Deno.test("technologySpaceChart: long labels of the outermost nodes stay inside the chart", () => {
  const left = "A very long label on the left edge", right = "Another very long label on the right";
  const svg = technologySpaceChart(phi, { names: { a: left, d: right }, width: 760 }).toSVG();
  const xOf = (text: string) => {
    const m = svg.match(new RegExp(`<text[^>]*translate\\(([0-9.]+),[^>]*>${text}</text>`));
    assert.ok(m, `label "${text}" drawn`);
    return Number(m[1]);
  };
  // 9 px labels are about 5 px per Latin character, centred on the node
  assert.ok(xOf(left) - (left.length * 5) / 2 >= 0, "left label inside");
  assert.ok(xOf(right) + (right.length * 5) / 2 <= 760, "right label inside");
});

Deno.test("technologySpaceChart: snapshots (English highlight, Chinese)", async () => {
  await assertSnapshot(
    import.meta.url,
    "technology-space",
    technologySpaceChart(phi, { highlight: ["b", "c"], highlightName: "China" }).toSVG(),
  );
  await assertSnapshot(
    import.meta.url,
    "technology-space-zh",
    technologySpaceChart(phi, { highlight: ["b"], highlightName: "中国", lang: "zh", names: { a: "甲" } })
      .toSVG(),
  );
});

Deno.test("technologySpaceChart: the 0.1 labels equal names", () => {
  const today = technologySpaceChart(phi, { names: { a: "Alpha", d: "Delta" } }).toSVG();
  assert.equal(technologySpaceChart(phi, { labels: { a: "Alpha", d: "Delta" } }).toSVG(), today);
  assert.ok(today.includes(">Alpha</text>"));
  assert.throws(() => technologySpaceChart(phi, { labels: { a: "x" }, names: { a: "y" } }), /"labels"/);
});
