/**
 * Ellison–Glaeser index of geographic concentration (agglomeration beyond what plant lumpiness explains).
 * @module
 */
import { agglomerationIndex, type PlantHerfindahlOptions } from "./concentration_input.ts";
import type { Matrix, Series } from "./matrix.ts";

/** Options of {@link ellisonGlaeser}. */
export type EllisonGlaeserOptions = PlantHerfindahlOptions;

/**
 * Ellison–Glaeser γ per sector j (Ellison & Glaeser 1997, *Journal of Political Economy* 105(5), eq. 5):
 *
 *   γ_j = [G_j − (1 − Σ_i x_i²) H_j] / [(1 − Σ_i x_i²)(1 − H_j)],  G_j = Σ_i (s_ij − x_i)²,
 *
 * with s_ij = x_ij/x_·j the region's share of the sector, x_i = x_i·/x the region's share of all activity and
 * H_j the plant Herfindahl of the sector (`plantHerfindahl`, or `plants` for H = 1/P with equal plants).
 * γ ≈ 0: as concentrated as random location of the plants would give; > 0: localised (Ellison & Glaeser
 * read > 0.05 as highly localised); < 0: more dispersed than random. No rounding.
 *
 * Design choice: without plant data H = 0 is used and a warning says so. Degenerate input (a sector with no
 * activity, all activity in one region) gives NaN with a warning.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ellisonGlaeser, matrixFrom } from "clusterlab";
 * const m = matrixFrom([[8, 42], [1, 29], [1, 19]], { regions: ["R1", "R2", "R3"], sectors: ["A", "B"] });
 * // sector A: s = (0.8, 0.1, 0.1); all activity: x = (0.5, 0.3, 0.2), Σx² = 0.38; G = 0.09 + 0.04 + 0.01 = 0.14
 * const gamma = (0.14 - 0.62 * 0.1) / (0.62 * 0.9); // ≈ 0.1398
 * assert.ok(Math.abs(ellisonGlaeser(m, { plantHerfindahl: 0.1 }).get("A") - gamma) < 1e-12);
 * ```
 */
export function ellisonGlaeser(m: Matrix, options: EllisonGlaeserOptions = {}): Series {
  return agglomerationIndex(m, options, "ellisonGlaeser", "ellison_glaeser", (s, { x, sumX2 }, h) => {
    const a = 1 - sumX2;
    let G = 0;
    for (let i = 0; i < s.length; i++) {
      const d = s[i]! - x[i]!;
      G += d * d;
    }
    return (G - a * h) / (a * (1 - h));
  });
}
