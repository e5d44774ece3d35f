/**
 * k-nearest-neighbour density: density computed over the k sectors closest to each sector only (the `knn`
 * option of py-ecomplexity and of the Stata `ecomplexity` package). Internal: reached through
 * `density(M, { method: "knn", k })`. k 近邻密度。
 * @module
 */
import { describeValue, ValidationError } from "../core/validation_error.ts";

/**
 * φ with every entry φ_ab (a ≠ b) set to 0 unless a is among the k nearest neighbours of b: the sectors
 * a ≠ b whose φ_ab is at least the k-th largest of column b's off-diagonal entries (ties at the k-th value
 * are all kept, as Stata does); the diagonal is set to 0. Column b then feeds the usual density
 * d_rb = Σ_a M_ra φ_ab / Σ_a φ_ab.
 */
export function knnFilter(phi: Float64Array, n: number, k: number): Float64Array {
  const out = new Float64Array(n * n);
  const col = new Float64Array(n - 1);
  for (let b = 0; b < n; b++) {
    let m = 0;
    for (let a = 0; a < n; a++) if (a !== b) col[m++] = phi[a * n + b]!;
    const sorted = col.slice(0, m).sort();
    const kth = sorted[m - k]!; // the k-th largest
    for (let a = 0; a < n; a++) {
      if (a === b) continue;
      const v = phi[a * n + b]!;
      if (v >= kth) out[a * n + b] = v;
    }
  }
  return out;
}

/** Throw a {@link ValidationError} unless k is an integer in [1, n − 1]. */
export function checkK(k: unknown, n: number, subject: string): asserts k is number {
  if (!(typeof k === "number" && Number.isInteger(k) && k >= 1 && k <= n - 1)) {
    throw new ValidationError(subject, [{
      column: "k",
      expected: n >= 2
        ? `an integer number of neighbours in [1, ${n - 1}] (the other sectors)`
        : "at least 2 sectors for nearest neighbours",
      received: describeValue(k),
    }]);
  }
}
