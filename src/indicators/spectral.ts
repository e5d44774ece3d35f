/**
 * Symmetric eigen-solvers for the complexity family, written here (no dependency): the implicit QL
 * algorithm for symmetric tridiagonal matrices (Bowdler, Martin, Reinsch & Wilkinson 1968, EISPACK
 * `tql2`), and the Lanczos method with full re-orthogonalisation (Lanczos 1950; Golub & Van Loan,
 * *Matrix Computations*, §10.1) for the top eigenpairs of a large sparse symmetric operator, optionally
 * restricted to the complement of known eigenvectors (deflation). 对称矩阵特征分解。
 *
 * Non-symmetric matrices (model Jacobians, complex eigenvalues) are the job of `eigenvaluesGeneral` in
 * src/models/eigen.ts (Hessenberg + shifted QR); the two solvers do not overlap.
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
 * import { tridiagonalEigen } from "clusterlab";
 * const { values } = tridiagonalEigen(new Float64Array([2, 2]), new Float64Array([1]));
 * Array.from(values); // [3, 1]
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

/**
 * All eigenpairs of a dense symmetric matrix (row-major n × n): {@link lanczosEigen} run to n steps (with
 * full re-orthogonalisation this is a tridiagonalisation, exact in exact arithmetic) followed by
 * {@link tridiagonalEigen}. O(n³): meant for small n (tests, ≤ a few hundred).
 *
 * @example
 * ```ts
 * import { symmetricEigen } from "clusterlab";
 * Array.from(symmetricEigen(new Float64Array([2, 1, 1, 2]), 2).values); // [3, 1]
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

/** Options of {@link lanczosEigen}. */
export interface LanczosOptions {
  /** How many top eigenpairs to return (default 2). */
  readonly count?: number;
  /** Unit vectors to project out (known eigenvectors: deflation). */
  readonly deflate?: readonly Float64Array[];
  /** Residual tolerance relative to the largest Ritz value (default 1e-13). */
  readonly tol?: number;
  /** Maximum Krylov dimension (default n minus the deflated count). */
  readonly maxSteps?: number;
}

/** Result of {@link lanczosEigen}. */
export interface LanczosResult extends SymmetricEigen {
  /** Residual norms ‖A v − λ v‖ of the returned pairs. */
  readonly residuals: Float64Array;
  /** Krylov dimension used. */
  readonly steps: number;
  /** True when every returned pair met the tolerance (or the Krylov space became invariant). */
  readonly converged: boolean;
}

/**
 * Top `count` eigenpairs of a symmetric operator given by `matvec(x, out)` (out = A x), restricted to the
 * orthogonal complement of `deflate`, by Lanczos with full re-orthogonalisation. The start vector is fixed
 * (deterministic). The Krylov dimension grows (40, 80, …) until the residuals meet `tol`.
 *
 * @example
 * ```ts
 * import { lanczosEigen } from "clusterlab";
 * // A = [[2, 1], [1, 2]]
 * const r = lanczosEigen((x, out) => { out[0] = 2 * x[0]! + x[1]!; out[1] = x[0]! + 2 * x[1]!; }, 2, { count: 1 });
 * r.values[0]; // 3
 * ```
 */
export function lanczosEigen(
  matvec: (x: Float64Array, out: Float64Array) => void,
  n: number,
  opts: LanczosOptions = {},
): LanczosResult {
  const deflate = opts.deflate ?? [];
  const maxSteps = Math.max(1, Math.min(opts.maxSteps ?? n - deflate.length, n - deflate.length));
  const count = Math.min(opts.count ?? 2, maxSteps);
  const tol = opts.tol ?? 1e-13;
  const Q = new Float64Array(maxSteps * n);
  const alpha = new Float64Array(maxSteps), beta = new Float64Array(maxSteps);
  const w = new Float64Array(n);
  // deterministic start vector with no special structure
  const q0 = new Float64Array(n);
  for (let i = 0; i < n; i++) q0[i] = 1 + ((i * 7919 + 13) % 101) / 101;
  orthogonalise(q0, deflate, Q, 0, n);
  let nrm = norm(q0);
  if (nrm === 0) {
    q0.fill(0);
    q0[0] = 1;
    orthogonalise(q0, deflate, Q, 0, n);
    nrm = norm(q0);
  }
  for (let i = 0; i < n; i++) Q[i] = q0[i]! / nrm;
  let m = 0;
  let target = Math.min(maxSteps, Math.max(40, 2 * count));
  let result: LanczosResult | undefined;
  for (;;) {
    let invariant = false;
    while (m < target) {
      const q = Q.subarray(m * n, (m + 1) * n);
      matvec(q, w);
      let a = 0;
      for (let i = 0; i < n; i++) a += w[i]! * q[i]!;
      alpha[m] = a;
      // full re-orthogonalisation (twice is enough: Kahan–Parlett)
      for (let pass = 0; pass < 2; pass++) orthogonalise(w, deflate, Q, m + 1, n);
      const b = norm(w);
      m++;
      if (m === maxSteps) break;
      if (b <= 1e-14 * Math.max(1, Math.abs(a))) {
        invariant = true;
        break;
      }
      beta[m - 1] = b;
      for (let i = 0; i < n; i++) Q[m * n + i] = w[i]! / b;
    }
    const te = tridiagonalEigen(alpha.slice(0, m), beta.slice(0, Math.max(0, m - 1)));
    const k = Math.min(count, m);
    const values = te.values.slice(0, k);
    const vectors = new Float64Array(k * n);
    const residuals = new Float64Array(k);
    const bm = m < maxSteps && !invariant ? norm(w) : 0;
    const scale = Math.max(1e-300, Math.abs(te.values[0]!));
    let ok = true;
    for (let r = 0; r < k; r++) {
      const y = te.vectors.subarray(r * m, (r + 1) * m);
      for (let j = 0; j < m; j++) {
        const yj = y[j]!;
        if (yj === 0) continue;
        for (let i = 0; i < n; i++) vectors[r * n + i]! += yj * Q[j * n + i]!;
      }
      residuals[r] = Math.abs(bm * y[m - 1]!);
      if (residuals[r]! > tol * scale) ok = false;
    }
    result = { values, vectors, residuals, steps: m, converged: ok || invariant || m === maxSteps };
    if (result.converged) break;
    target = Math.min(maxSteps, target * 2);
  }
  return result;
}

function norm(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]! * x[i]!;
  return Math.sqrt(s);
}

/** Remove from x its components along each `deflate` vector and along Q rows 0..m−1. */
function orthogonalise(
  x: Float64Array,
  deflate: readonly Float64Array[],
  Q: Float64Array,
  m: number,
  n: number,
) {
  for (const v of deflate) {
    let d = 0;
    for (let i = 0; i < n; i++) d += x[i]! * v[i]!;
    for (let i = 0; i < n; i++) x[i]! -= d * v[i]!;
  }
  for (let j = 0; j < m; j++) {
    let d = 0;
    const off = j * n;
    for (let i = 0; i < n; i++) d += x[i]! * Q[off + i]!;
    for (let i = 0; i < n; i++) x[i]! -= d * Q[off + i]!;
  }
}
