import assert from "node:assert/strict";
import { lanczosEigen } from "../../../src/core/linalg/lanczos.ts";
import { assertClose } from "../../indicators/stata_fixture.ts";

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

Deno.test("lanczosEigen { checkEvery }: checks between the doublings, same pair; bad values throw", () => {
  // 300 × 300 diagonal with a close pair at the top (1, 0.999): convergence needs a few dozen steps past 40
  const n = 300;
  const diag = Float64Array.from({ length: n }, (_, i) => i === 0 ? 1 : i === 1 ? 0.999 : 0.9 * (1 - i / n));
  const mv = (x: Float64Array, out: Float64Array) => {
    for (let i = 0; i < n; i++) out[i] = diag[i]! * x[i]!;
  };
  const doubling = lanczosEigen(mv, n, { count: 1 });
  const stepped = lanczosEigen(mv, n, { count: 1, checkEvery: 10 });
  assert.ok(doubling.converged && stepped.converged);
  assert.ok(stepped.steps < doubling.steps, `${stepped.steps} steps against ${doubling.steps}`);
  assert.equal(stepped.steps % 10, 0); // 40 + a multiple of 10
  assertClose(stepped.values[0]!, 1, 1e-13);
  assertClose(Math.abs(stepped.vectors[0]!), 1, 1e-10);
  for (const bad of [0, -1, 2.5]) {
    assert.throws(() => lanczosEigen(mv, n, { checkEvery: bad }), /checkEvery/);
  }
});
