/**
 * All eigenpairs of a small dense symmetric matrix: Lanczos tridiagonalisation run to n steps followed by the
 * implicit QL algorithm (`lanczos.ts`, `tridiagonal_ql.ts`). Non-symmetric matrices (model Jacobians, complex
 * eigenvalues) are the job of `eigenvaluesGeneral` (`general_eigen.ts`). 对称矩阵特征分解。
 * @module
 */
import { lanczosEigen } from "./lanczos.ts";
import type { SymmetricEigen } from "./tridiagonal_ql.ts";

/**
 * All eigenpairs of a dense symmetric matrix (row-major n × n): {@link lanczosEigen} run to n steps (with
 * full re-orthogonalisation this is a tridiagonalisation, exact in exact arithmetic) followed by
 * `tridiagonalEigen`. O(n³): meant for small n (tests, ≤ a few hundred).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { symmetricEigen } from "clusterlab/advanced";
 * // [[2, 1], [1, 2]]: eigenvalues 3 and 1
 * const { values } = symmetricEigen(new Float64Array([2, 1, 1, 2]), 2);
 * assert.deepEqual(Array.from(values, (v) => Math.round(v * 1e12) / 1e12), [3, 1]);
 * ```
 */
export function symmetricEigen(a: Float64Array, n: number): SymmetricEigen {
  if (a.length !== n * n) throw new RangeError(`symmetricEigen needs ${n * n} values, received ${a.length}`);
  // Lanczos with full re-orthogonalisation run to n steps is an exact (in exact arithmetic) tridiagonalisation.
  const r = lanczosEigen(
    (x, out) => {
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += a[i * n + j]! * x[j]!;
        out[i] = s;
      }
    },
    n,
    { count: n, maxSteps: n },
  );
  return { values: r.values, vectors: r.vectors };
}
