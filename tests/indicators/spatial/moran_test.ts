import assert from "node:assert/strict";
import { moranI } from "../../../src/indicators/spatial/moran.ts";
import { spatialWeights } from "../../../src/indicators/spatial/weights.ts";
import { spatialWeightsFromGrid } from "../../../src/indicators/spatial/grid_weights.ts";
import { spatialWeightsFromPoints } from "../../../src/indicators/spatial/point_weights.ts";
import { loadDataset } from "../../../src/data/datasets.ts";
import { ValidationError } from "../../../src/core/validation_error.ts";
import { LATTICE_VALUES, statistics, ukKibsLq } from "./reference.ts";

const close = (a: number, b: number, rel = 1e-10, what = "") =>
  assert.ok(Math.abs(a - b) <= rel * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);

const lattice = Array.from(
  { length: 25 },
  (_, i) => ({ region: String(i), col: i % 5, row: Math.floor(i / 5) }),
);
const latticeValues = Object.fromEntries(LATTICE_VALUES.map((v, i) => [String(i), v]));

Deno.test("moranI: hand-computed I on a 3 × 3 rook lattice (binary weights)", () => {
  // Values 1 2 3 / 4 5 6 / 7 8 9, mean 5, z = −4 … 4, Σz² = 60. Rook pairs (12, each counted twice):
  // horizontal (−4·−3)+(−3·−2)+(−1·0)+(0·1)+(2·3)+(3·4) = 12 + 6 + 0 + 0 + 6 + 12 = 36,
  // vertical (−4·−1)+(−3·0)+(−2·1)+(−1·2)+(0·3)+(1·4) = 4 + 0 − 2 − 2 + 0 + 4 = 4;
  // Σ_ij w_ij z_i z_j = 2·40 = 80, S0 = 24, I = (9/24)·80/60 = 0.5; E[I] = −1/8.
  const grid = Array.from({ length: 9 }, (_, i) => ({ region: `c${i}`, col: i % 3, row: Math.floor(i / 3) }));
  const W = spatialWeightsFromGrid(grid, { style: "B" });
  const m = moranI(Object.fromEntries(grid.map((g, i) => [g.region, i + 1])), W, { assumption: "normality" });
  close(m.I, 0.5, 1e-14, "I");
  close(m.expected, -1 / 8, 1e-14, "E");
  // Normality: S1 = 2·S0 = 48 (binary symmetric), S2 = Σ (2k_i)² = 4·(4·4 + 4·9 + 16) = 272 →
  // Var = (81·48 − 9·272 + 3·576) / (576·80) − 1/64 = 3168/46080 − 0.015625 = 0.053125
  close(m.variance, 0.053125, 1e-13, "Var");
  assert.equal(m.pPermutation, null);
});

Deno.test("moranI: equals spdep's moran.test on the 5 × 5 lattice (W and B, randomisation and normality)", async () => {
  const ref = await statistics("spdep_moran.csv");
  for (const style of ["W", "B"] as const) {
    const W = spatialWeightsFromGrid(lattice, { style });
    for (const assumption of ["randomisation", "normality"] as const) {
      const r = ref[`lattice5-${style}-${assumption}`]!;
      const m = moranI(latticeValues, W, { assumption });
      for (const k of ["I", "expected", "variance", "z", "p"] as const) {
        close(m[k], r[k]!, 1e-9, `${style} ${assumption} ${k}`);
      }
    }
  }
});

Deno.test("moranI: KIBS location quotient across GB's NUTS-2 regions, k = 4 seats, equals spdep", async () => {
  const ref = await statistics("spdep_moran.csv");
  const points = (await loadDataset("region-points")).params({}).filter((d: { set: string }) =>
    d.set === "uk-nuts2"
  );
  const W = spatialWeightsFromPoints(points, { k: 4 });
  const lq = await ukKibsLq();
  for (const assumption of ["randomisation", "normality"] as const) {
    const r = ref[`uk-kibs-2018-knn4-${assumption}`]!;
    const m = moranI(lq, W, { assumption });
    for (const k of ["I", "expected", "variance", "z", "p"] as const) {
      close(m[k], r[k]!, 1e-9, `${assumption} ${k}`);
    }
  }
});

Deno.test("moranI: seeded permutations — same seed same p, strong clustering gives the minimum p = 1/(R + 1)", () => {
  const W = spatialWeightsFromGrid(lattice);
  const a = moranI(latticeValues, W, { permutations: 199, seed: 7 });
  const b = moranI(latticeValues, W, { permutations: 199, seed: 7 });
  assert.equal(a.pPermutation, b.pPermutation);
  assert.equal(a.pPermutation, 1 / 200); // I = 0.79 is far beyond every permuted I
  assert.equal(a.permutations, 199);
  // A checkerboard is dispersed: I < E[I], and the folded p counts the permuted I at or below it.
  const checker = Object.fromEntries(lattice.map((c) => [c.region, (c.col + c.row) % 2]));
  const d = moranI(checker, W, { permutations: 99, seed: 1 });
  assert.ok(d.I < -0.9 && d.z < -4);
  assert.equal(d.pPermutation, 1 / 100);
  // Random values: the permutation p is near the analytic one (within sampling error of 999 draws).
  const noise = Object.fromEntries(lattice.map((c, i) => [c.region, Math.sin(i * 12.9898) * 43758.5453 % 1]));
  const n = moranI(noise, W, { permutations: 999, seed: 3 });
  assert.ok(Math.abs(n.pPermutation! - n.p / 2) < 0.06, `${n.pPermutation} vs ${n.p / 2}`);
});

Deno.test("moranI: with an island, equals spdep's moran.test(zero.policy = TRUE) (adjust.n: n counts 5 of 6)", async () => {
  const ref = await statistics("spdep_moran.csv");
  const W = spatialWeights({ a: ["b"], b: ["a", "c"], c: ["b", "d"], d: ["c", "e"], e: ["d"], f: [] });
  for (const assumption of ["randomisation", "normality"] as const) {
    const m = moranI({ a: 1, b: 2, c: 3, d: 4, e: 7, f: 3 }, W, { assumption });
    for (const k of ["I", "expected", "variance", "z", "p"] as const) {
      close(m[k], ref[`island-${assumption}`]![k]!, 1e-9, `${assumption} ${k}`);
    }
  }
});

Deno.test("moranI: values as a table with named columns; islands leave n and are reported", () => {
  const W = spatialWeights({ a: ["b"], b: ["a", "c"], c: ["b", "d"], d: ["c", "e"], e: ["d"], f: [] });
  const m = moranI(
    [{ id: "a", x: 1 }, { id: "b", x: 2 }, { id: "c", x: 3 }, { id: "d", x: 4 }, { id: "e", x: 7 }, {
      id: "f",
      x: 3,
    }],
    W,
    { region: "id", value: "x" },
  );
  assert.equal(m.n, 5);
  assert.equal(m.expected, -1 / 4);
  assert.ok(m.warnings.some((w) => w.includes('island: "f"')));
  assert.ok(m.warnings.some((w) => w.includes("adjust.n")));
});

Deno.test("moranI: unknown and missing ids, non-finite values and constant values are ValidationErrors naming them", () => {
  const W = spatialWeights({ a: ["b"], b: ["a", "c"], c: ["b", "d"], d: ["c"] });
  const fails = (values: Record<string, number>, text: string) =>
    assert.throws(
      () => moranI(values, W),
      (e: unknown) => e instanceof ValidationError && e.message.includes(text),
    );
  fails({ a: 1, b: 2, c: 3, d: 4, zz: 5 }, '1 unknown: "zz"');
  fails({ a: 1, b: 2, c: 3 }, 'none for 1: "d"');
  fails({ a: 1, b: 2, c: NaN, d: 4 }, 'column "c": expected a finite number, received NaN');
  fails({ a: 1, b: 1, c: 1, d: 1 }, "not all equal");
  assert.throws(() => moranI({ a: 1, b: 2, c: 3, d: 4 }, W, { permutations: -1 }), /permutations/);
  assert.throws(
    () => moranI({ a: 1, b: 2, c: 3, d: 4 }, W, { assumption: "free" as never }),
    /"randomisation" or "normality"/,
  );
});
