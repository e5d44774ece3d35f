import assert from "node:assert/strict";
import { eigenvaluesGeneral } from "../../../src/core/linalg/general_eigen.ts";

Deno.test("eigenvaluesGeneral() finds the roots of a companion matrix, (x−1)…(x−5)", () => {
  const ev = eigenvaluesGeneral([
    [15, -85, 225, -274, 120],
    [1, 0, 0, 0, 0],
    [0, 1, 0, 0, 0],
    [0, 0, 1, 0, 0],
    [0, 0, 0, 1, 0],
  ]);
  ev.forEach((z, i) => {
    assert.ok(Math.abs(z.re - (5 - i)) < 1e-9);
    assert.equal(z.im, 0);
  });
});

Deno.test("eigenvaluesGeneral() returns complex pairs: rotation by 90° and a 2×2 with a ± bi", () => {
  assert.deepEqual(eigenvaluesGeneral([[0, 1], [-1, 0]]), [{ re: 0, im: 1 }, { re: 0, im: -1 }]);
  const ev = eigenvaluesGeneral([[1, -2], [2, 1]]); // 1 ± 2i
  assert.ok(Math.abs(ev[0]!.re - 1) < 1e-12 && Math.abs(Math.abs(ev[0]!.im) - 2) < 1e-12);
});

Deno.test("eigenvaluesGeneral(): a double real root of a 2×2 block (discriminant exactly 0) is real, im = +0", () => {
  // [[3, 1], [−1, 1]]: trace 4, determinant 4 → (λ − 2)² = 0. In hqr's 2×2 step p = (a₀₀ − a₁₁)/2 = 1,
  // w = a₁₀·a₀₁ = −1, q = p² + w = 0 exactly: the real branch gives x + p = 2 and x − w/(p + √q) = 2 with
  // im = 0 (a zero discriminant is a real double root, not a complex pair with imaginary parts ±0)
  for (const [M, root] of [[[[3, 1], [-1, 1]], 2], [[[2, 1], [-1, 0]], 1], [[[0, 4], [-1, 4]], 2]] as const) {
    const ev = eigenvaluesGeneral(M.map((r) => [...r]));
    assert.deepEqual(ev.map((z) => z.re), [root, root]);
    for (const z of ev) assert.ok(Object.is(z.im, 0), `im ${Object.is(z.im, -0) ? "-0" : z.im}`);
  }
});

Deno.test("eigenvaluesGeneral() of a random 40×40 matrix: sums to the trace, multiplies to the determinant sign", () => {
  let s = 7;
  const rnd = () => ((s = (s * 16807) % 2147483647) / 2147483647) - 0.5;
  const M = Array.from({ length: 40 }, () => Array.from({ length: 40 }, rnd));
  const ev = eigenvaluesGeneral(M);
  let tr = 0;
  for (let i = 0; i < 40; i++) tr += M[i]![i]!;
  assert.ok(Math.abs(ev.reduce((a, z) => a + z.re, 0) - tr) < 1e-10);
  assert.ok(Math.abs(ev.reduce((a, z) => a + z.im, 0)) < 1e-10);
  // trace of M² equals Σ λ²
  let tr2 = 0;
  for (let i = 0; i < 40; i++) for (let k = 0; k < 40; k++) tr2 += M[i]![k]! * M[k]![i]!;
  const sumSq = ev.reduce((a, z) => a + z.re * z.re - z.im * z.im, 0);
  assert.ok(Math.abs(sumSq - tr2) < 1e-9);
});
