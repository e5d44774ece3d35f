import assert from "node:assert/strict";
import { lanczosEigen, symmetricEigen, tridiagonalEigen } from "../../src/mod.ts";
import { assertClose } from "./stata_fixture.ts";

Deno.test("tridiagonalEigen: tridiag(−1, 2, −1) has eigenvalues 2 − 2cos(kπ/(n+1))", () => {
  const n = 12;
  const r = tridiagonalEigen(new Float64Array(n).fill(2), new Float64Array(n - 1).fill(-1));
  for (let k = 1; k <= n; k++) {
    assertClose(r.values[n - k]!, 2 - 2 * Math.cos((k * Math.PI) / (n + 1)), 1e-13);
  }
});

Deno.test("symmetricEigen: Hilbert(4) eigenvalues and A v = λ v", () => {
  const n = 4, a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] = 1 / (i + j + 1);
  const r = symmetricEigen(a, n);
  // known values: 1.5002142801, 0.1691412202, 0.0067382736, 0.0000967023
  assertClose(r.values[0]!, 1.500214280, 1e-9);
  assertClose(r.values[1]!, 0.169141220, 1e-9);
  assertClose(r.values[2]!, 0.0067382736057, 1e-12);
  assertClose(r.values[3]!, 0.0000967023, 1e-10);
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += a[i * n + j]! * r.vectors[k * n + j]!;
      assertClose(s, r.values[k]! * r.vectors[k * n + i]!, 1e-14);
    }
  }
});

Deno.test("lanczosEigen: deflating the top eigenvector gives the second", () => {
  // diag(5, 4, 3, 2, 1) rotated is not needed: the deflated top of a diagonal matrix is its second entry
  const n = 50;
  const diag = Float64Array.from({ length: n }, (_, i) => n - i);
  const mv = (x: Float64Array, out: Float64Array) => {
    for (let i = 0; i < n; i++) out[i] = diag[i]! * x[i]!;
  };
  const e1 = new Float64Array(n);
  e1[0] = 1;
  const r = lanczosEigen(mv, n, { count: 2, deflate: [e1] });
  assert.ok(r.converged);
  assertClose(r.values[0]!, n - 1, 1e-10);
  assertClose(r.values[1]!, n - 2, 1e-10);
  assertClose(Math.abs(r.vectors[1]!), 1, 1e-8);
});
