/**
 * Maurel–Sédillot index of geographic concentration.
 * @module
 */
import { agglomerationIndex, type PlantHerfindahlOptions } from "./concentration_input.ts";
import type { Matrix, Series } from "./matrix.ts";

/** Options of {@link maurelSedillot}. */
export type MaurelSedillotOptions = PlantHerfindahlOptions;

/**
 * Maurel–Sédillot γ per sector j (Maurel & Sédillot 1999, *Regional Science and Urban Economics* 29(5)):
 *
 *   γ_j = [(Σ_i s_ij² − Σ_i x_i²)/(1 − Σ_i x_i²) − H_j] / (1 − H_j),
 *
 * with s_ij = x_ij/x_·j, x_i = x_i·/x and H_j the plant Herfindahl (`plantHerfindahl`, or `plants` for
 * H = 1/P). Like Ellison–Glaeser γ it is 0 in expectation under random location of plants; the two differ
 * in how G is estimated. No rounding.
 *
 * Design choice: without plant data H = 0 is used and a warning says so. Degenerate input gives NaN with a
 * warning.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { matrixFrom, maurelSedillot } from "clusterlab";
 * const m = matrixFrom([[8, 42], [1, 29], [1, 19]], { regions: ["R1", "R2", "R3"], sectors: ["A", "B"] });
 * // sector A: Σ s² = 0.64 + 0.01 + 0.01 = 0.66; Σ x² = 0.25 + 0.09 + 0.04 = 0.38
 * const gamma = ((0.66 - 0.38) / 0.62 - 0.1) / 0.9; // ≈ 0.3907
 * assert.ok(Math.abs(maurelSedillot(m, { plantHerfindahl: 0.1 }).get("A") - gamma) < 1e-12);
 * ```
 */
export function maurelSedillot(m: Matrix, options: MaurelSedillotOptions = {}): Series {
  return agglomerationIndex(m, options, "maurelSedillot", "maurel_sedillot", (s, { sumX2 }, h) => {
    let s2 = 0;
    for (let i = 0; i < s.length; i++) s2 += s[i]! * s[i]!;
    return ((s2 - sumX2) / (1 - sumX2) - h) / (1 - h);
  });
}
