import assert from "node:assert/strict";
import {
  complexity,
  locationQuotient,
  matrixFrom,
  presence,
  reflections,
  ValidationError,
} from "../../src/mod.ts";
import { fitnessComplexity } from "../../src/advanced.ts";
import { correlation } from "../../src/indicators/complexity.ts";
import { assertClose, assertColumn, assertThrowsAs, stataExports, stataRows } from "./stata_fixture.ts";
import { referenceFitness, referenceOnes, worldTrade } from "./world_trade_fixture.ts";

const rows = stataRows();
const M = presence(locationQuotient(stataExports()));

Deno.test("complexity: eigenvector ECI/PCI/diversity/ubiquity reproduce Stata ecomplexity to 1e-9", () => {
  const c = complexity(M);
  assert.deepEqual(c.warnings, []);
  assertColumn(rows, "eci", (r) => c.eci.get(r.origin));
  assertColumn(rows, "pci", (r) => c.pci.get(r.hs92));
  assertColumn(rows, "diversity", (r) => c.diversity.get(r.origin), 0);
  assertColumn(rows, "ubiquity", (r) => c.ubiquity.get(r.hs92), 0);
  assert.equal(c.eigenvalues![0], 1);
  assert.ok(c.eigenvalues![1]! > c.eigenvalues![2]!);
});

Deno.test("complexity: sd conventions differ by the closed-form ratio", () => {
  const st = complexity(M), pop = complexity(M, { sd: "population" }), smp = complexity(M, { sd: "sample" });
  const N = 10, P = 30;
  // sd_stata² = P·SS/(NP − 1), sd_pop² = SS/N, sd_sample² = SS/(N − 1)
  for (const r of ["aut", "deu", "pol"]) {
    assertClose(pop.eci.get(r) / st.eci.get(r), Math.sqrt((P * N) / (N * P - 1)), 1e-12);
    assertClose(smp.eci.get(r) / st.eci.get(r), Math.sqrt((P * (N - 1)) / (N * P - 1)), 1e-12);
  }
  // population z-scores have mean 0 and population s.d. 1 over regions
  const v = Array.from(pop.eci.values);
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  assertClose(mean, 0, 1e-12);
  assertClose(v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length, 1, 1e-12);
});

Deno.test("complexity: pciScale own standardises PCI by itself", () => {
  const c = complexity(M, { pciScale: "own", sd: "sample" });
  const v = Array.from(c.pci.values);
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  assertClose(mean, 0, 1e-12);
  assertClose(Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (v.length - 1)), 1, 1e-12);
  // same ranking as the Stata PCI
  assert.deepEqual(c.pci.ranked(), complexity(M).pci.ranked());
});

Deno.test("complexity: sign aligned with reflections correlates positively with k_r,18", () => {
  const c = complexity(M, { sign: "reflections" });
  const k18 = reflections(M, { steps: 18 }).regions;
  const col = Float64Array.from(M.rows, (_, i) => k18.at(i, 18));
  assert.ok(correlation(c.eci.values, col) > 0);
  // on this fixture both conventions agree
  const d = complexity(M);
  for (const r of M.rows) assertClose(c.eci.get(r), d.eci.get(r), 1e-12);
});

Deno.test("complexity: sign conventions disagree where corr(K, diversity) and corr(K, k_r,18) differ", () => {
  // A 4 × 6 matrix (found by a seeded search) on which the eigenvector correlates positively with diversity
  // but negatively with the 18th reflection: the two sign options give opposite ECI and PCI.
  const m = matrixFrom([[1, 1, 0, 0, 1, 1], [0, 0, 0, 0, 0, 1], [0, 0, 0, 1, 1, 0], [1, 1, 1, 1, 0, 1]], {
    rows: ["A", "B", "C", "D"],
    cols: ["a", "b", "c", "d", "e", "f"],
  });
  const byDiv = complexity(m), byRefl = complexity(m, { sign: "reflections" });
  assert.deepEqual(byDiv.warnings, []);
  assert.deepEqual(byRefl.warnings, []);
  const k18 = reflections(m, { steps: 18 }).regions;
  const col = Float64Array.from(m.rows, (_, i) => k18.at(i, 18));
  assert.ok(correlation(byDiv.eci.values, byDiv.diversity.values) > 0);
  assert.ok(correlation(byDiv.eci.values, col) < 0);
  assert.ok(correlation(byRefl.eci.values, col) > 0);
  for (const r of m.rows) assertClose(byRefl.eci.get(r), -byDiv.eci.get(r), 1e-12, `ECI ${r}`);
  for (const s of m.cols) assertClose(byRefl.pci.get(s), -byDiv.pci.get(s), 1e-12, `PCI ${s}`);
});

Deno.test("complexity: reflections method converges to the eigenvector ranking", () => {
  const e = complexity(M);
  const r = complexity(M, { method: "reflections", steps: 40 });
  assert.ok(correlation(e.eci.values, r.eci.values) > 0.9999);
  const r2 = complexity(M, { method: "reflections", steps: 2 });
  // k_r,2 by hand for the first region
  const kc0 = M.rowSums(), kp0 = M.colSums();
  const i = 0;
  let s = 0;
  for (let j = 0; j < M.ncol; j++) {
    if (!M.at(i, j)) continue;
    let t = 0;
    for (let k = 0; k < M.nrow; k++) if (M.at(k, j)) t += kc0[k]!;
    s += t / kp0[j]!;
  }
  assertClose(r2.kc[0]!, s / kc0[0]!, 1e-12);
});

Deno.test("complexity: binary RCA ≥ 1 and fitness–complexity reproduce R economiccomplexity (226 × 785)", async () => {
  const x = await worldTrade();
  const Mw = presence(locationQuotient(x));
  const ones = await referenceOnes();
  assert.equal(Mw.sparse.nnz, ones.size);
  for (let i = 0; i < Mw.nrow; i++) {
    for (let j = 0; j < Mw.ncol; j++) {
      assert.equal(Mw.at(i, j) === 1, ones.has(`${Mw.rows[i]}|${Mw.cols[j]}`));
    }
  }
  const f = fitnessComplexity(Mw);
  const ref = referenceFitness();
  assert.equal(ref.fitness.size, 226);
  for (const [c, v] of ref.fitness) assertClose(f.eci.get(c), v, 1e-12 * v, `fitness ${c}`);
  for (const [p, v] of ref.complexity) assertClose(f.pci.get(p), v, 1e-12 * v, `complexity ${p}`);
  const e = complexity(Mw);
  assert.deepEqual(e.warnings, []);
  assert.deepEqual(e.eci.ranked().slice(0, 3), ["sgs", "jpn", "hmd"]);
});

Deno.test("complexity: fitness closed form on a nested 2 × 2 matrix", () => {
  // M = [[1,1],[1,0]]: F1 = Q1+Q2, F2 = Q1; Q1 = 1/(1/F1 + 1/F2), Q2 = F1
  const m = matrixFrom([[1, 1], [1, 0]], { regions: ["A", "B"], sectors: ["s", "t"] });
  const f = fitnessComplexity(m, { iterations: 2 });
  // one step from ones: F = (2, 1) → mean 1.5 → (4/3, 2/3); Q = (1/2, 1) → mean 3/4 → (2/3, 4/3)
  assertClose(f.eci.get("A"), 4 / 3, 1e-15);
  assertClose(f.eci.get("B"), 2 / 3, 1e-15);
  assertClose(f.pci.get("s"), 2 / 3, 1e-15);
  assertClose(f.pci.get("t"), 4 / 3, 1e-15);
});

Deno.test("complexity: degenerate inputs warn instead of crashing", () => {
  // all-zero row and column
  const z = matrixFrom([[1, 1, 0, 0], [1, 0, 0, 1], [0, 0, 0, 0], [0, 1, 0, 1]], {
    rows: ["A", "B", "empty", "D"],
    cols: ["a", "b", "none", "d"],
  });
  const cz = complexity(z);
  assert.ok(Number.isNaN(cz.eci.get("empty")) && Number.isNaN(cz.pci.get("none")));
  assert.ok(["A", "B", "D"].every((r) => Number.isFinite(cz.eci.get(r))));
  assert.ok(cz.warnings.some((w) => w.includes('"empty"')));
  assert.ok(cz.warnings.some((w) => w.includes('"none"')));
  // disconnected bipartite graph: two blocks
  const b = matrixFrom([[1, 1, 0, 0], [1, 0, 0, 0], [0, 0, 1, 1], [0, 0, 0, 1]], {
    rows: ["A", "B", "C", "D"],
    cols: ["a", "b", "c", "d"],
  });
  const cb = complexity(b);
  assert.ok(cb.warnings.some((w) => w.includes("2 disconnected components")));
  assert.ok(cb.eci.values.every(Number.isFinite));
  assertClose(cb.eigenvalues![1]!, 1, 1e-12);
  // repeated second eigenvalue: M = J − I (3 × 3) gives M̃ = (J + I)/4, λ₂ = λ₃ = 1/4
  const r = matrixFrom([[0, 1, 1], [1, 0, 1], [1, 1, 0]], {
    regions: ["A", "B", "C"],
    sectors: ["a", "b", "c"],
  });
  const cr = complexity(r);
  assertClose(cr.eigenvalues![1]!, 0.25, 1e-12);
  assert.ok(cr.warnings.some((w) => w.includes("repeated second eigenvalue")));
  assert.ok(cr.eci.values.every(Number.isFinite));
  // a single sector
  const one = complexity(matrixFrom([[1], [1]], { regions: ["A", "B"], sectors: ["a"] }));
  assert.ok(one.warnings.some((w) => w.includes("at least 2 regions and 2 sectors")));
});

Deno.test("complexity: options are validated", () => {
  const e = assertThrowsAs(() => complexity(M, { method: "pagerank" as "fitness" }), ValidationError);
  assert.equal(e.issues[0]!.column, "method");
  assertThrowsAs(() => complexity(M, { sd: "robust" as "stata" }), ValidationError);
  assertThrowsAs(() => complexity(M, { steps: 1.5 }), ValidationError);
});

Deno.test("correlation(): Pearson's r by hand (the sign and value used by the sign conventions)", () => {
  assertClose(correlation([1, 2, 3], [2, 4, 6]), 1, 1e-15);
  assertClose(correlation([1, 2, 3], [3, 2, 1]), -1, 1e-15);
  // deviations (−1.5, −0.5, 0.5, 1.5) and (−1.5, 0.5, −0.5, 1.5): Σxy = 4, Σx² = Σy² = 5 → r = 0.8
  assertClose(correlation([1, 2, 3, 4], [1, 3, 2, 4]), 0.8, 1e-15);
  // r is scale-free: multiplying one vector by 10 leaves 0.8
  assertClose(correlation([10, 20, 30, 40], [1, 3, 2, 4]), 0.8, 1e-15);
  assert.ok(Number.isNaN(correlation([1, 1, 1], [1, 2, 3]))); // no spread
});

Deno.test("complexity: the eigen-solver's products on 1, 2 and 3 threads give the same bits", async () => {
  const { synthetic } = await import("../../bench/_complexity_pipeline.ts");
  const { locationQuotient, presence } = await import("../../src/mod.ts");
  const P = presence(locationQuotient(synthetic(400, 150, 0.25, 3)));
  const one = complexity(P, { workers: 1 });
  for (const workers of [2, 3]) {
    const c = complexity(P, { workers });
    assert.deepEqual(Array.from(c.eci.values), Array.from(one.eci.values), `ECI, workers ${workers}`);
    assert.deepEqual(Array.from(c.pci.values), Array.from(one.pci.values), `PCI, workers ${workers}`);
    assert.deepEqual(Array.from(c.eigenvalues!), Array.from(one.eigenvalues!));
  }
  assert.throws(() => complexity(P, { workers: 0 }), /workers/);
});
