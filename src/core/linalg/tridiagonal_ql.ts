/**
 * All eigenpairs of a symmetric tridiagonal matrix by the implicit QL algorithm with Wilkinson shifts
 * (Bowdler, Martin, Reinsch & Wilkinson 1968, *Numerische Mathematik* 11: 293–306; EISPACK `tql2`). The last
 * stage of `symmetricEigen` and of the Lanczos method. 对称三对角矩阵的 QL 算法。
 * @module
 */

/** Eigenvalues (descending) and unit eigenvectors (one row of `vectors` per eigenvalue, row-major n × n). */
export interface SymmetricEigen {
  /** The eigenvalues, in descending order. */
  readonly values: Float64Array;
  /** The unit eigenvectors, row-major: eigenvector k is `vectors[k * n .. (k + 1) * n)`, for `values[k]`. */
  readonly vectors: Float64Array;
}

/**
 * All eigenpairs of the symmetric tridiagonal matrix with diagonal `d` (length n) and off-diagonal `e`
 * (length n − 1; e[i] couples i and i + 1), by the implicit QL method with Wilkinson shifts (tql2).
 * Returns values sorted descending with matching unit eigenvectors.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tridiagonalEigen } from "clusterlab/advanced";
 * // [[2, 1], [1, 2]] has eigenvalues 3 and 1, eigenvectors (1, 1)/√2 and (1, −1)/√2
 * const { values, vectors } = tridiagonalEigen(new Float64Array([2, 2]), new Float64Array([1]));
 * assert.deepEqual(Array.from(values, (v) => Math.round(v * 1e12) / 1e12), [3, 1]);
 * assert.ok(Math.abs(Math.abs(vectors[0]!) - Math.SQRT1_2) < 1e-15);
 * ```
 */
export function tridiagonalEigen(d: Float64Array, e: Float64Array): SymmetricEigen {
  const n = d.length;
  const dd = Float64Array.from(d);
  const ee = new Float64Array(n);
  for (let i = 0; i < n - 1; i++) ee[i] = e[i]!;
  const z = new Float64Array(n * n); // column k of z (z[i*n+k]) is the k-th eigenvector
  for (let i = 0; i < n; i++) z[i * n + i] = 1;
  const EPS = 2.220446049250313e-16;
  for (let l = 0; l < n; l++) {
    let iter = 0;
    for (;;) {
      let m = l;
      for (; m < n - 1; m++) {
        const s = Math.abs(dd[m]!) + Math.abs(dd[m + 1]!);
        if (Math.abs(ee[m]!) <= EPS * s) break;
      }
      if (m === l) break;
      if (iter++ === 200) throw new Error("tridiagonalEigen: no convergence after 200 iterations");
      let g = (dd[l + 1]! - dd[l]!) / (2 * ee[l]!);
      let r = Math.hypot(g, 1);
      g = dd[m]! - dd[l]! + ee[l]! / (g + (g >= 0 ? Math.abs(r) : -Math.abs(r)));
      let s = 1, c = 1, p = 0;
      let i = m - 1;
      let early = false;
      for (; i >= l; i--) {
        let f = s * ee[i]!;
        const b = c * ee[i]!;
        r = Math.hypot(f, g);
        ee[i + 1] = r;
        if (r === 0) {
          dd[i + 1]! -= p;
          ee[m] = 0;
          early = true;
          break;
        }
        s = f / r;
        c = g / r;
        g = dd[i + 1]! - p;
        r = (dd[i]! - g) * s + 2 * c * b;
        p = s * r;
        dd[i + 1] = g + p;
        g = c * r - b;
        for (let k = 0; k < n; k++) {
          f = z[k * n + i + 1]!;
          z[k * n + i + 1] = s * z[k * n + i]! + c * f;
          z[k * n + i] = c * z[k * n + i]! - s * f;
        }
      }
      if (early) continue;
      dd[l]! -= p;
      ee[l] = g;
      ee[m] = 0;
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => dd[b]! - dd[a]! || a - b);
  const values = new Float64Array(n), vectors = new Float64Array(n * n);
  order.forEach((k, r) => {
    values[r] = dd[k]!;
    for (let i = 0; i < n; i++) vectors[r * n + i] = z[i * n + k]!;
  });
  return { values, vectors };
}
