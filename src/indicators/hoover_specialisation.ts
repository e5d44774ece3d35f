/**
 * Hoover coefficient of specialisation of each region.
 * @module
 */
import { shareDistance } from "./concentration_input.ts";
import type { Matrix, Series } from "./matrix.ts";

/**
 * Hoover coefficient of specialisation per region: ½ Σ_s |s_rs − s_s| (half the {@link krugman} index),
 * the share of the region's activity that would have to move between sectors for the region to match the
 * structure of all regions together; between 0 and 1. Hoover & Giarratani (1985, *An Introduction to
 * Regional Economics*, table 9-4); same definition as EconGeo's `spec_coeff`. No rounding.
 *
 * Regions with no activity get NaN and a warning.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { hooverSpecialisation, matrixFrom } from "clusterlab";
 * const m = matrixFrom([[6, 2, 2], [0, 5, 5]], { regions: ["R1", "R2"], sectors: ["A", "B", "C"] });
 * // R2: shares (0, ½, ½) against the whole (0.3, 0.35, 0.35): ½ (0.3 + 0.15 + 0.15) = 0.3
 * assert.ok(Math.abs(hooverSpecialisation(m).get("R2") - 0.3) < 1e-15);
 * ```
 */
export function hooverSpecialisation(m: Matrix): Series {
  return shareDistance(m, "hooverSpecialisation", "hoover_specialisation", 0.5);
}
