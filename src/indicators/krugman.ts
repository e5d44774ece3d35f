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
 * import assert from "node:assert/strict";
 * import { krugman, matrixFrom } from "clusterlab";
 * const m = matrixFrom([[6, 2, 2], [0, 5, 5]], { regions: ["R1", "R2"], sectors: ["A", "B", "C"] });
 * // R1: shares (0.6, 0.2, 0.2) against the whole (0.3, 0.35, 0.35): 0.3 + 0.15 + 0.15 = 0.6
 * assert.ok(Math.abs(krugman(m).get("R1") - 0.6) < 1e-15);
 * ```
 */
export function krugman(m: Matrix): Series {
  return shareDistance(m, "krugman", "krugman", 1);
}
