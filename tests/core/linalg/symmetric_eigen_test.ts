import { symmetricEigen } from "../../../src/core/linalg/symmetric_eigen.ts";
import { assertClose } from "../../indicators/stata_fixture.ts";

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
