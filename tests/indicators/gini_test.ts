import assert from "node:assert/strict";
import { gini, giniOfValues } from "../../src/indicators/gini.ts";
import { matrixFrom } from "../../src/indicators/matrix.ts";

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) < tol, `${a} vs ${b}`);
const rows = ["R1", "R2", "R3", "R4", "R5"];

Deno.test("gini(): EconGeo's documented examples (max (n−1)/n; top 40% holds all → 0.6; equality → 0)", () => {
  // EconGeo `gini` example matrix: I1 all zero, I2 equal, I3 one region ((5−1)/5), I4 top 40 % holds all.
  const m = matrixFrom([[0, 1, 0, 0], [0, 1, 0, 0], [0, 1, 0, 0], [0, 1, 0, 1], [0, 1, 1, 1]], {
    rows,
    cols: ["I1", "I2", "I3", "I4"],
  });
  const g = gini(m);
  assert.ok(Number.isNaN(g.get("I1")));
  assert.match(g.warnings[0]!, /1 sector\(s\) with no activity in any region \("I1"\)/);
  assert.equal(g.get("I2"), 0);
  close(g.get("I3"), 0.8);
  close(g.get("I4"), 0.6);
});

Deno.test("gini(): (0, 10, 10, 30, 50) → Σ|x_a − x_b|/(2n²μ) = 480/1000 = 0.48", () => {
  const m = matrixFrom([[0], [10], [10], [30], [50]], { regions: rows, sectors: ["I"] });
  close(gini(m).get("I"), 0.48);
  close(giniOfValues([50, 0, 30, 10, 10]), 0.48);
});

Deno.test("giniOfValues(): agrees with the O(n²) definition on an irregular vector", () => {
  const x = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];
  let s = 0, mean = 0;
  for (const a of x) for (const b of x) s += Math.abs(a - b);
  for (const a of x) mean += a / x.length;
  close(giniOfValues(x), s / (2 * x.length * x.length * mean));
});
