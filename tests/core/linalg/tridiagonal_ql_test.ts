import { tridiagonalEigen } from "../../../src/core/linalg/tridiagonal_ql.ts";
import { assertClose } from "../../indicators/stata_fixture.ts";

Deno.test("tridiagonalEigen: tridiag(−1, 2, −1) has eigenvalues 2 − 2cos(kπ/(n+1))", () => {
  const n = 12;
  const r = tridiagonalEigen(new Float64Array(n).fill(2), new Float64Array(n - 1).fill(-1));
  for (let k = 1; k <= n; k++) {
    assertClose(r.values[n - k]!, 2 - 2 * Math.cos((k * Math.PI) / (n + 1)), 1e-13);
  }
});
