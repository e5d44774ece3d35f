import assert from "node:assert/strict";
import { locationalGini } from "../../src/indicators/locational_gini.ts";
import { matrixFrom } from "../../src/indicators/matrix.ts";

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) < tol, `${a} vs ${b}`);

Deno.test("locationalGini(): two equal regions, sector in one → area 0.25", () => {
  const g = locationalGini(matrixFrom([[10, 0], [0, 10]], { regions: ["R1", "R2"], sectors: ["A", "B"] }));
  close(g.get("A"), 0.25);
  close(g.get("B"), 0.25);
});

Deno.test("locationalGini(): EconGeo's example; regions of equal size make it half the Gini", () => {
  // Every row of EconGeo's locational_gini example sums to 100, so the locational Gini is Gini/2:
  // I1 (100,0,0,0,0): 0.8/2; I2 (0,15,20,25,40): 0.36/2; I3 (0,5,10,30,55): 0.54/2; I4: 0.62/2; I5: 0.56/2.
  const m = matrixFrom(
    [[100, 0, 0, 0, 0], [0, 15, 5, 70, 10], [0, 20, 10, 20, 50], [0, 25, 30, 5, 40], [0, 40, 55, 5, 0]],
    { regions: ["R1", "R2", "R3", "R4", "R5"], sectors: ["I1", "I2", "I3", "I4", "I5"] },
  );
  const g = locationalGini(m);
  close(g.get("I1"), 0.4);
  close(g.get("I2"), 0.18);
  close(g.get("I3"), 0.27);
  close(g.get("I4"), 0.31);
  close(g.get("I5"), 0.28);
});

Deno.test("locationalGini(): unequal regions; a sector spread like all activity scores 0", () => {
  // Regions of sizes 30 and 70 (shares 0.3, 0.7); sector A: 3 and 7 (proportional) → 0.
  // Sector B: 20 in R1, 0 in R2 → sorted R2 (0) then R1; points (0.7, 0), (1, 1); area under = 0.15 → 0.35.
  const m = matrixFrom([[3, 20, 7], [7, 0, 63]], { regions: ["R1", "R2"], sectors: ["A", "B", "C"] });
  const g = locationalGini(m);
  close(g.get("A"), 0);
  close(g.get("B"), 0.35);
});

Deno.test("locationalGini(): empty sector NaN and empty region skipped, both with warnings", () => {
  const g = locationalGini(
    matrixFrom([[1, 0], [0, 0], [1, 0]], { regions: ["a", "b", "c"], sectors: ["A", "B"] }),
  );
  assert.ok(Number.isNaN(g.get("B")));
  close(g.get("A"), 0);
  assert.equal(g.warnings.length, 2);
});
