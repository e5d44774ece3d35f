/**
 * Herfindahl(–Hirschman) index of each region's sectoral structure.
 * @module
 */
import { noActivityWarnings, sumOfRowShares } from "./concentration_input.ts";
import { checkCounts } from "./input.ts";
import { type Matrix, Series } from "./matrix.ts";
import { finiteResult } from "./finite_result.ts";

/**
 * Herfindahl index per region: H_r = Σ_s s_rs², with s_rs = x_rs / x_r· the sector's share of the region's
 * total. H_r = 1 when the region holds one sector only, 1/n when its n sectors are equal. Same definition as
 * EconGeo's `herfindahl` (Balland; Herfindahl 1959, Hirschman 1945). No rounding.
 *
 * A region with no activity (x_r· = 0) has no shares: its value is NaN and a warning names it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { herfindahl, matrixFrom } from "clusterlab";
 * const m = matrixFrom([[10, 10, 0], [1, 1, 2]], { regions: ["R1", "R2"], sectors: ["A", "B", "C"] });
 * assert.equal(herfindahl(m).get("R1"), 0.5); // ½² + ½²
 * assert.equal(herfindahl(m).get("R2"), 0.375); // ¼² + ¼² + ½²
 * ```
 */
export function herfindahl(m: Matrix): Series {
  checkCounts(m, "input of herfindahl");
  const sums = m.rowSums();
  const out = sumOfRowShares(m, sums, "square");
  const warnings = noActivityWarnings(m.rows, sums, "region(s) with no activity", "Herfindahl");
  return finiteResult("herfindahl", new Series(m.rows, out, { name: "herfindahl", warnings }));
}
