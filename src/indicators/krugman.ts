/**
 * Krugman specialisation index of each region against the reference (all regions together).
 * @module
 */
import { shareDistance } from "./concentration_input.ts";
import type { Matrix, Series } from "./matrix.ts";

/**
 * Krugman specialisation index per region: K_r = Σ_s |s_rs − s_s|, s_rs = x_rs/x_r· (the region's sector
 * shares), s_s = x_·s/x (the shares of all regions together). 0 = same structure as the whole; the maximum
 * is 2. Krugman (1991, *Geography and Trade*); same definition as EconGeo's `krugman_index`. No rounding.
 *
 * Regions with no activity get NaN and a warning.
 *
 * @example
 * ```ts
 * import { krugman, matrixFrom } from "clusterlab";
 * const m = matrixFrom([[6, 2, 2], [0, 5, 5]], { rows: ["R1", "R2"], cols: ["A", "B", "C"] });
 * krugman(m).get("R1"); // 0.6 (up to floating point)
 * ```
 */
export function krugman(m: Matrix): Series {
  return shareDistance(m, "krugman", "krugman", 1);
}
