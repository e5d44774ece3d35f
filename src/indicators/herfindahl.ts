/**
 * Herfindahl(–Hirschman) index of each region's sectoral structure.
 * @module
 */
import { checkCounts, listLabels, zeroLabels } from "./concentration_input.ts";
import { type Matrix, Series } from "./matrix.ts";

/**
 * Herfindahl index per region: H_r = Σ_s s_rs², with s_rs = x_rs / x_r· the sector's share of the region's
 * total. H_r = 1 when the region holds one sector only, 1/n when its n sectors are equal. Same definition as
 * EconGeo's `herfindahl` (Balland; Herfindahl 1959, Hirschman 1945). No rounding.
 *
 * A region with no activity (x_r· = 0) has no shares: its value is NaN and a warning names it.
 *
 * @example
 * ```ts
 * import { herfindahl, matrixFrom } from "clusterlab";
 * const m = matrixFrom([[10, 10, 0], [1, 1, 2]], { rows: ["R1", "R2"], cols: ["A", "B", "C"] });
 * herfindahl(m).get("R1"); // 0.5
 * herfindahl(m).get("R2"); // 0.375
 * ```
 */
export function herfindahl(m: Matrix): Series {
  checkCounts(m, "input of herfindahl");
  const { nrow, ncol, data } = m;
  const sums = m.rowSums();
  const out = new Float64Array(nrow);
  for (let i = 0; i < nrow; i++) {
    const t = sums[i]!;
    if (t === 0) {
      out[i] = NaN;
      continue;
    }
    let h = 0;
    for (let j = 0; j < ncol; j++) {
      const s = data[i * ncol + j]! / t;
      h += s * s;
    }
    out[i] = h;
  }
  const empty = zeroLabels(m.rows, sums);
  const warnings = empty.length
    ? [`${empty.length} region(s) with no activity (${listLabels(empty)}): Herfindahl undefined, set to NaN`]
    : [];
  return new Series(m.rows, out, "herfindahl", warnings);
}
