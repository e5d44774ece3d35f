/**
 * The Lanczos method with full re-orthogonalisation (Lanczos 1950, *J. Res. Nat. Bur. Standards* 45: 255–282;
 * Golub & Van Loan, *Matrix Computations*, 4th ed. 2013, §10.1) for the top eigenpairs of a large sparse
 * symmetric operator given only by its product with a vector, optionally restricted to the complement of
 * known eigenvectors (deflation). Used by the complexity eigenvector and the technology-space layout.
 * Lanczos 方法（完全再正交化）。
 * @module
 */
import { checkNumber } from "../checks.ts";
import { type SymmetricEigen, tridiagonalEigen } from "./tridiagonal_ql.ts";

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
  /**
   * Check convergence every this many steps after the first check at 40 (default: none, the Krylov
   * dimension doubles between checks). A check costs a tridiagonal eigen-decomposition, O(m³) for dimension
   * m, against m products with the operator: a cheap operator with a slow-converging pair (a small gap
   * λ₂ − λ₃) needs fewer products with a step of 10 than with doubling, a dense one run to n steps does not.
   */
  readonly checkEvery?: number;
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
 * (deterministic). The Krylov dimension grows (40, 80, …, or by `checkEvery`) until the residuals meet `tol`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { lanczosEigen } from "clusterlab/advanced";
 * // A = [[2, 1], [1, 2]], given only by its product with a vector: the top eigenvalue is 3
 * const matvec = (x: Float64Array, out: Float64Array) => {
 *   out[0] = 2 * x[0]! + x[1]!;
 *   out[1] = x[0]! + 2 * x[1]!;
 * };
 * const r = lanczosEigen(matvec, 2, { count: 1 });
 * assert.ok(r.converged && Math.abs(r.values[0]! - 3) < 1e-12);
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
  const every = opts.checkEvery;
  if (every !== undefined) {
    checkNumber("options of lanczosEigen", "checkEvery", every, { min: 1, integer: true });
  }
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
    target = Math.min(maxSteps, every ? target + every : target * 2);
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
