import assert from "node:assert/strict";
import { ellisonGlaeser } from "../../src/indicators/ellison_glaeser.ts";
import { maurelSedillot } from "../../src/indicators/maurel_sedillot.ts";
import { matrixFrom } from "../../src/indicators/matrix.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) < tol, `${a} vs ${b}`);

// Region totals 50, 30, 20 → x = (0.5, 0.3, 0.2), Σx² = 0.38. Sector A = (8, 1, 1) → s = (0.8, 0.1, 0.1),
// G = 0.09 + 0.04 + 0.01 = 0.14, Σs² = 0.66.
const m = matrixFrom([[8, 42], [1, 29], [1, 19]], { regions: ["R1", "R2", "R3"], sectors: ["A", "B"] });

Deno.test("ellisonGlaeser(): γ = [G − (1 − Σx²)H]/[(1 − Σx²)(1 − H)] by hand", () => {
  const g = ellisonGlaeser(m, { plantHerfindahl: { A: 0.1, B: 0.05 } });
  close(g.get("A"), (0.14 - 0.62 * 0.1) / (0.62 * 0.9));
  // Sector B = (42, 29, 19)/90: s − x = (−1/30, 1/45, 1/90) → G = (9 + 4 + 1)/8100 = 14/8100.
  close(g.get("B"), (14 / 8100 - 0.62 * 0.05) / (0.62 * 0.95));
  assert.deepEqual(g.warnings, []);
});

Deno.test("ellisonGlaeser(): plants → H = 1/P; no plant data → H = 0 with a warning", () => {
  close(ellisonGlaeser(m, { plants: 10 }).get("A"), (0.14 - 0.062) / 0.558);
  const g0 = ellisonGlaeser(m);
  close(g0.get("A"), 0.14 / 0.62);
  assert.match(g0.warnings[0]!, /H = 0 assumed/);
});

Deno.test("maurelSedillot(): γ = [(Σs² − Σx²)/(1 − Σx²) − H]/(1 − H) by hand", () => {
  close(maurelSedillot(m, { plantHerfindahl: 0.1 }).get("A"), (0.28 / 0.62 - 0.1) / 0.9);
  close(maurelSedillot(m, { plants: [10, 20] }).get("A"), (0.28 / 0.62 - 0.1) / 0.9);
  // Sector B: Σs² = (42² + 29² + 19²)/90² = 2966/8100, H = 1/20.
  close(maurelSedillot(m, { plants: [10, 20] }).get("B"), ((2966 / 8100 - 0.38) / 0.62 - 0.05) / 0.95);
});

Deno.test("agglomeration indices: a sector spread exactly like all activity with H = 0 gives 0", () => {
  const p = matrixFrom([[5, 45], [3, 27], [2, 18]], { regions: ["a", "b", "c"], sectors: ["A", "B"] });
  close(ellisonGlaeser(p, { plantHerfindahl: 0 }).get("A"), 0);
  close(maurelSedillot(p, { plantHerfindahl: 0 }).get("A"), 0);
});

Deno.test("agglomeration indices: degenerate input warns; bad H is rejected naming the sector", () => {
  const one = ellisonGlaeser(matrixFrom([[1, 2]], { regions: ["a"], sectors: ["A", "B"] }), {
    plantHerfindahl: 0,
  });
  assert.ok(Number.isNaN(one.get("A")));
  assert.match(one.warnings[0]!, /all activity is in one region/);
  assert.throws(() => maurelSedillot(m, { plantHerfindahl: { A: 1, B: 0 } }), (e: unknown) => {
    assert.ok(e instanceof ValidationError);
    assert.equal(
      e.message,
      'Invalid options of maurelSedillot: 1 problem\n  - row 1, column "plantHerfindahl": expected a plant Herfindahl in [0, 1), received 1 (label "A")',
    );
    return true;
  });
  assert.throws(
    () => ellisonGlaeser(m, { plants: 1.5 }),
    /expected an integer number of plants ≥ 2, received 1.5/,
  );
});
