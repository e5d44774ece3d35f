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
