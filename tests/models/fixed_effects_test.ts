import assert from "node:assert/strict";
import { FixedEffects } from "../../src/models/fixed_effects.ts";
import { solveLinearSystem } from "../../src/core/linalg/linear_solve.ts";
import { Random } from "../../src/core/random.ts";

const factor = (name: string, codes: number[]) => ({
  name,
  codes: Int32Array.from(codes),
  levels: Math.max(...codes) + 1,
});

/** The weighted residual of v on [dummies of a, dummies of b (first level dropped)], by dense normal equations. */
function denseResidual(v: number[], a: number[], b: number[], w: number[]): number[] {
  const la = Math.max(...a) + 1, lb = Math.max(...b) + 1;
  const cols: number[][] = Array.from({ length: la }, (_, g) => a.map((x) => (x === g ? 1 : 0)));
  for (let g = 1; g < lb; g++) cols.push(b.map((x) => (x === g ? 1 : 0)));
  const dot = (c: number[], d: number[]) =>
    c.reduce((s: number, x: number, i: number) => s + x * w[i]! * d[i]!, 0);
  const beta = solveLinearSystem(
    cols.map((ci) => cols.map((cj) => dot(ci, cj))),
    cols.map((ci) => dot(ci, v)),
  )!;
  return v.map((x, i) => x - cols.reduce((s: number, c, j) => s + c[i]! * beta[j]!, 0));
}

Deno.test("FixedEffects.demean: one factor is the (weighted) group mean, in one sweep", () => {
  const fe = new FixedEffects([factor("g", [0, 0, 1, 1, 1])]);
  const v = Float64Array.from([1, 3, 2, 4, 9]);
  const w = Float64Array.from([1, 3, 1, 1, 2]);
  const r = fe.demean([v], { weights: w });
  // weighted means: group 0 (1·1 + 3·3) / 4 = 2.5, group 1 (2 + 4 + 18) / 4 = 6
  assert.deepEqual(Array.from(v), [-1.5, 0.5, -4, -2, 3]);
  assert.deepEqual(r, { sweeps: 1, converged: true });
  assert.equal(fe.rank(), 2);
});

Deno.test("FixedEffects.demean: two unbalanced factors converge to the projection on both sets of dummies", () => {
  const rng = new Random(5);
  const n = 60;
  const a = Array.from({ length: n }, () => rng.int(7)), b = Array.from({ length: n }, () => rng.int(5));
  const w = Array.from({ length: n }, () => 0.1 + rng.next());
  const v = Array.from({ length: n }, () => rng.normal());
  const fe = new FixedEffects([factor("a", a), factor("b", b)]);
  const x = Float64Array.from(v);
  const report = fe.demean([x], { weights: Float64Array.from(w) });
  assert.ok(report.converged && report.sweeps > 1);
  const expected = denseResidual(v, a, b, w);
  for (let i = 0; i < n; i++) {
    assert.ok(Math.abs(x[i]! - expected[i]!) < 1e-10, `${i}: ${x[i]} vs ${expected[i]}`);
  }
  assert.equal(fe.rank(), 7 + 5 - 1);
});

Deno.test("FixedEffects.rank: levels₁ + levels₂ − connected components; unused levels count for nothing", () => {
  // {a0, b0, a1} and {a2, b1} are two components; level b2 is never used (levels: 3)
  const fe = new FixedEffects([
    { name: "a", codes: Int32Array.from([0, 1, 2]), levels: 3 },
    { name: "b", codes: Int32Array.from([0, 0, 1]), levels: 3 },
  ]);
  assert.equal(fe.rank(), 3 + 2 - 2);
  assert.equal(new FixedEffects([]).rank(), 0);
  assert.throws(() => new FixedEffects([factor("a", [0]), factor("b", [0, 1])]), RangeError);
});

Deno.test("FixedEffects.demean: reports non-convergence when the sweeps run out", () => {
  const rng = new Random(2);
  const a = Array.from({ length: 40 }, () => rng.int(6)), b = Array.from({ length: 40 }, () => rng.int(6));
  const fe = new FixedEffects([factor("a", a), factor("b", b)]);
  const x = Float64Array.from({ length: 40 }, () => rng.normal());
  assert.equal(fe.demean([x], { maxSweeps: 1 }).converged, false);
});
