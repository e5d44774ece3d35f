import assert from "node:assert/strict";
import { matrixFrom } from "../../src/indicators/matrix.ts";
import { technologySpaceLayout } from "../../src/plot/technology_space_layout.ts";

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

Deno.test("technologySpaceLayout: names give the node labels (bilingual by lang); bad input is a ValidationError", () => {
  const { nodes } = technologySpaceLayout(phi, { names: { a: { en: "Alpha", zh: "甲" } }, lang: "zh" });
  assert.deepEqual(nodes.map((n) => n.label), ["甲", "b", "c", "d"]);
  assert.throws(
    () => technologySpaceLayout(matrixFrom([[1]], { rows: ["a"], cols: ["a"] })),
    /at least 3 sectors/,
  );
  assert.throws(() => technologySpaceLayout(phi, { names: ["a"] as never }), /column "names"/);
});
