/**
 * Hoover index of each sector's concentration relative to a reference distribution (e.g. population).
 * @module
 */
import { ValidationError } from "../core/validation_error.ts";
import { noActivityWarnings, type PerLabel, perNonZero, resolvePerLabel } from "./concentration_input.ts";
import { checkCounts } from "./input.ts";
import { type Matrix, Series } from "./matrix.ts";
import { finiteResult } from "./finite_result.ts";

/** Options of {@link hooverIndex}. */
export interface HooverIndexOptions {
  /**
   * Reference amount per region (population, land area, total employment…): a Series or record by region
   * label, or an array in row order. Default: every region equal (EconGeo's default when `pop` is missing).
   */
  readonly reference?: PerLabel;
}

/**
 * Hoover index per sector: HI_s = ½ Σ_r |x_rs/x_·s − p_r/P|, the share of the sector's activity that would have
 * to move between regions for it to be distributed like the reference p (Hoover 1936). It is a **fraction
 * in [0, 1)**; EconGeo's `hoover_index` reports the same quantity × 100 rounded to 2 digits (we do not
 * round). Example of EconGeo: activity (0, 10, 10, 30, 50) against population (10, 15, 20, 25, 30) gives
 * 0.25 (EconGeo: 25).
 *
 * A sector with no activity gets NaN and a warning. Reference values must be finite and ≥ 0 with a positive
 * total; otherwise a {@link ValidationError} names the region.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { hooverIndex, matrixFrom } from "clusterlab";
 * const m = matrixFrom([[0], [10], [10], [30], [50]], { regions: ["R1", "R2", "R3", "R4", "R5"], sectors: ["I1"] });
 * // ½ (|0 − 0.1| + |0.1 − 0.15| + |0.1 − 0.2| + |0.3 − 0.25| + |0.5 − 0.3|) = ½ · 0.5
 * assert.equal(hooverIndex(m, { reference: [10, 15, 20, 25, 30] }).get("I1"), 0.25);
 * ```
 */
export function hooverIndex(m: Matrix, options: HooverIndexOptions = {}): Series {
  checkCounts(m, "input of hooverIndex");
  const { nrow, ncol, data } = m;
  const ref = options.reference === undefined ? new Float64Array(nrow).fill(1) : resolvePerLabel(
    options.reference,
    m.rows,
    "options of hooverIndex",
    "reference",
    (v) => (v < 0 ? "a number ≥ 0" : undefined),
  );
  let refTotal = 0;
  for (let i = 0; i < nrow; i++) refTotal += ref[i]!;
  if (!(refTotal > 0)) {
    throw new ValidationError("options of hooverIndex", [{
      column: "reference",
      expected: "reference values with a positive total",
      received: `total ${refTotal}`,
    }]);
  }
  const cs = m.colSums();
  const out = perNonZero(cs, (j, t) => {
    let s = 0;
    for (let i = 0; i < nrow; i++) s += Math.abs(data[i * ncol + j]! / t - ref[i]! / refTotal);
    return s / 2;
  });
  const warnings = noActivityWarnings(m.cols, cs, "sector(s) with no activity", "Hoover index");
  return finiteResult("hooverIndex", new Series(m.cols, out, { name: "hoover_index", warnings }));
}
