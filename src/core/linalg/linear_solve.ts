/**
 * Solution of a small dense linear system A x = b (equilibria of the dynamic models) by Gaussian elimination
 * with partial pivoting (Golub & Van Loan, *Matrix Computations*, 4th ed. 2013, §3.4). 线性方程组求解。
 * @module
 */

/** Options of {@link solveLinearSystem}. */
export interface SolveLinearSystemOptions {
  /**
   * A is singular when a pivot is at most `tolerance` times the largest absolute entry of A (default 1e-12).
   */
  readonly tolerance?: number;
}

/**
 * Solve A x = b by Gaussian elimination with partial pivoting. Returns `null` when A is singular (a pivot
 * below `tolerance` times the largest absolute entry of A).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { solveLinearSystem } from "clusterlab/advanced";
 * // 2x + y = 3, x + 3y = 5 → x = 4/5, y = 7/5
 * assert.deepEqual(solveLinearSystem([[2, 1], [1, 3]], [3, 5]), [0.8, 1.4]);
 * assert.equal(solveLinearSystem([[1, 2], [2, 4]], [1, 2]), null); // singular
 * ```
 */
export function solveLinearSystem(
  A: readonly (readonly number[])[],
  b: readonly number[],
  options?: SolveLinearSystemOptions,
): number[] | null;
/** @deprecated the 0.1 form `solveLinearSystem(A, b, tolerance)`; use `{ tolerance }`. */
export function solveLinearSystem(
  A: readonly (readonly number[])[],
  b: readonly number[],
  tolerance?: number,
): number[] | null;
export function solveLinearSystem(
  A: readonly (readonly number[])[],
  b: readonly number[],
  options: SolveLinearSystemOptions | number = {},
): number[] | null {
  const tolerance = (typeof options === "number" ? options : options.tolerance) ?? 1e-12;
  const n = A.length;
  const m = A.map((row, i) => [...row, b[i]!]);
  let scale = 0;
  for (const row of A) for (const v of row) scale = Math.max(scale, Math.abs(v));
  if (scale === 0) return n === 0 ? [] : null;
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[piv]![c]!)) piv = r;
    if (Math.abs(m[piv]![c]!) <= tolerance * scale) return null;
    [m[c], m[piv]] = [m[piv]!, m[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / m[c]![c]!;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) m[r]![k] = m[r]![k]! - f * m[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= m[r]![k]! * x[k]!;
    x[r] = s / m[r]![r]!;
  }
  return x;
}
