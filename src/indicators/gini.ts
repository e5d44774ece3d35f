/**
 * Gini coefficient of each sector's distribution across regions.
 * @module
 */
import { noActivityWarnings } from "./concentration_input.ts";
import { checkCounts } from "./input.ts";
import { type Matrix, Series } from "./matrix.ts";
import { finiteResult } from "./finite_result.ts";

/**
 * Gini coefficient of `values` (non-negative): G = Σ_a Σ_b |x_a − x_b| / (2 n² μ), computed in O(n log n) as
 * Σ_i (2i − n − 1) x_(i) / (n Σ x) over the ascending order x_(1) ≤ … ≤ x_(n). NaN when Σ x = 0.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { giniOfValues } from "clusterlab/advanced";
 * assert.equal(giniOfValues([5, 5, 5]), 0); // equal shares
 * assert.equal(giniOfValues([0, 0, 0, 12]), 0.75); // one holds all: (n − 1)/n
 * assert.ok(Number.isNaN(giniOfValues([0, 0])));
 * ```
 */
export function giniOfValues(values: ArrayLike<number>): number {
  const x = Float64Array.from(values).sort();
  const n = x.length;
  let sum = 0, weighted = 0;
  for (let i = 0; i < n; i++) {
    sum += x[i]!;
    weighted += (2 * (i + 1) - n - 1) * x[i]!;
  }
  return sum === 0 ? NaN : weighted / (n * sum);
}

/**
 * Gini coefficient per sector across regions: G_s = Σ_a Σ_b |x_as − x_bs| / (2 n² μ_s), n regions, μ_s the
 * mean of the sector over regions (Gini 1921). It is the Lorenz-curve formula of EconGeo's `gini` (regions
 * equally weighted): 0 when every region holds the same amount, (n − 1)/n when one region holds everything.
 * No rounding. (For concentration relative to the size of regions use {@link locationalGini}.)
 *
 * A sector with no activity in any region gets NaN and a warning.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { gini, matrixFrom } from "clusterlab";
 * const m = matrixFrom([[0], [10], [10], [30], [50]], { regions: ["R1", "R2", "R3", "R4", "R5"], sectors: ["I1"] });
 * // Σ_a Σ_b |x_a − x_b| = 480, 2 n² μ = 2 · 25 · 20 = 1000
 * assert.equal(gini(m).get("I1"), 0.48);
 * ```
 */
export function gini(m: Matrix): Series {
  checkCounts(m, "input of gini");
  const { nrow, ncol, data } = m;
  const out = new Float64Array(ncol);
  const col = new Float64Array(nrow);
  for (let j = 0; j < ncol; j++) {
    for (let i = 0; i < nrow; i++) col[i] = data[i * ncol + j]!;
    out[j] = giniOfValues(col);
  }
  const warnings = noActivityWarnings(
    m.cols,
    m.colSums(),
    "sector(s) with no activity in any region",
    "Gini",
  );
  return finiteResult("gini", new Series(m.cols, out, { name: "gini", warnings }));
}
