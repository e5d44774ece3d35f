import assert from "node:assert/strict";
import { LISA_QUADRANTS, localMoran } from "../../../src/indicators/spatial/local_moran.ts";
import { spatialWeights } from "../../../src/indicators/spatial/weights.ts";
import { spatialWeightsFromGrid } from "../../../src/indicators/spatial/grid_weights.ts";
import { ValidationError } from "../../../src/core/validation_error.ts";
import { LATTICE_VALUES, localRows, ukKnn4 } from "./reference.ts";

const close = (a: number, b: number, rel: number, what: string) =>
  assert.ok(Math.abs(a - b) <= rel * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);
const lattice = Array.from(
  { length: 25 },
  (_, i) => ({ region: String(i), col: i % 5, row: Math.floor(i / 5) }),
);
const values = Object.fromEntries(LATTICE_VALUES.map((v, i) => [String(i), v]));
const QUADRANT: Record<string, string> = {
  "High-High": "HH",
  "Low-High": "LH",
  "Low-Low": "LL",
  "High-Low": "HL",
};

function compare(table: ReturnType<typeof localMoran>["table"], ref: Record<string, string>[], what: string) {
  assert.equal(table.numRows(), ref.length);
  ref.forEach((r, i) => {
    assert.equal(table.get("id", i), r.id);
    for (const k of ["Ii", "expected", "variance", "z", "p"]) {
      close(table.get(k, i), Number(r[k]), 1e-9, `${what} ${r.id} ${k}`);
    }
    assert.equal(table.get("quadrant", i), QUADRANT[r.quadrant!], `${what} ${r.id} quadrant`);
  });
}

Deno.test("localMoran: equals spdep's localmoran on the 5 × 5 lattice (conditional and total randomisation)", async () => {
  const W = spatialWeightsFromGrid(lattice);
  compare(localMoran(values, W).table, await localRows("lattice5-W-conditional"), "conditional");
  compare(localMoran(values, W, { conditional: false }).table, await localRows("lattice5-W-total"), "total");
});

Deno.test("localMoran: equals spdep on the KIBS location quotients with spdep's own k = 4 neighbour lists", async () => {
  const { neighbours, lq } = await ukKnn4();
  compare(
    localMoran(lq, spatialWeights(neighbours)).table,
    await localRows("uk-kibs-2018-knn4-conditional"),
    "uk",
  );
});

Deno.test("localMoran: hand-computed I_i, quadrants, and Σ I_i = n · I for row-standardised weights", () => {
  const W = spatialWeights({ a: ["b"], b: ["a", "c"], c: ["b", "d"], d: ["c"] });
  const { table } = localMoran({ a: 1, b: 2, c: 3, d: 4 }, W);
  // z = (−1.5, −0.5, 0.5, 1.5), m2 = 5/4; lags: a z_b = −0.5, b (z_a + z_c)/2 = −0.5, c 0.5, d z_c = 0.5;
  // I_a = (−1.5/1.25)(−0.5) = 0.6, I_b = (−0.5/1.25)(−0.5) = 0.2, I_c = 0.2, I_d = 0.6.
  assert.deepEqual((table.array("Ii") as number[]).map((v) => Math.round(v * 1e12) / 1e12), [
    0.6,
    0.2,
    0.2,
    0.6,
  ]);
  assert.deepEqual(table.array("quadrant"), ["LL", "LL", "HH", "HH"]);
  // Global I with the same weights: (4/4)·Σ z_i lag_i / Σ z² = (0.75 + 0.25 + 0.25 + 0.75)/5 = 0.4 = Σ I_i / n.
  const sum = (table.array("Ii") as number[]).reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(sum / 4 - 0.4) < 1e-12);
  assert.deepEqual([...LISA_QUADRANTS], ["HH", "LH", "LL", "HL"]);
});

Deno.test("localMoran: seeded conditional permutations, significance flag and cluster column", () => {
  const W = spatialWeightsFromGrid(lattice);
  const a = localMoran(values, W, { permutations: 499, seed: 11 });
  const b = localMoran(values, W, { permutations: 499, seed: 11 });
  assert.deepEqual(a.table.array("p_permutation"), b.table.array("p_permutation"));
  assert.equal(a.pValue, "permutation");
  const p = a.table.array("p_permutation") as number[];
  assert.ok(p.every((x) => x >= 1 / 500 && x <= 0.5 + 1e-12));
  // Corner 0 (value 9, neighbours 8 and 9) is a hot spot: its permuted I are rarely as high.
  assert.ok(p[0]! < 0.05, `p0 = ${p[0]}`);
  const sig = a.table.array("significant") as boolean[], cluster = a.table.array("cluster") as string[];
  sig.forEach((s, i) => assert.equal(cluster[i], s ? a.table.get("quadrant", i) : "not significant"));
  assert.deepEqual(sig, p.map((x) => x < 0.05));
  const analytic = localMoran(values, W, { level: 0.01 });
  assert.equal(analytic.pValue, "analytic");
  assert.deepEqual(
    analytic.table.array("significant"),
    (analytic.table.array("p") as number[]).map((x) => x < 0.01),
  );
  assert.ok(!analytic.table.columnNames().includes("p_permutation"));
});

Deno.test("localMoran: with an island, the other regions equal spdep's localmoran(zero.policy = TRUE)", async () => {
  const W = spatialWeights({ a: ["b"], b: ["a", "c"], c: ["b", "d"], d: ["c", "e"], e: ["d"], f: [] });
  const { table } = localMoran({ a: 1, b: 2, c: 3, d: 4, e: 7, f: 3 }, W);
  const ref = await localRows("island-conditional");
  compare(table.slice(0, 5), ref.slice(0, 5), "island case");
  assert.equal(ref[5]!.z, "NA"); // spdep: no z for the island; ClusterLab leaves it empty (null) too
  assert.equal(table.get("z", 5), null);
});

Deno.test("localMoran: an island has empty z and p, is not significant, and is named in a warning", () => {
  const W = spatialWeights({ a: ["b"], b: ["a", "c"], c: ["b"], d: [] });
  const r = localMoran({ a: 1, b: 2, c: 4, d: 8 }, W);
  assert.equal(r.table.get("z", 3), null);
  assert.equal(r.table.get("p", 3), null);
  assert.equal(r.table.get("significant", 3), false);
  assert.ok(r.warnings.some((w) => w.includes('"d"') && w.includes("Var[I_i] = 0")));
  assert.throws(() => localMoran({ a: 1, b: 2, c: 4, d: 8 }, W, { level: 5 }), ValidationError);
});
