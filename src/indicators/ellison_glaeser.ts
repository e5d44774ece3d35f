/**
 * Ellison–Glaeser index of geographic concentration (agglomeration beyond what plant lumpiness explains).
 * @module
 */
import {
  agglomerationParts,
  type PlantHerfindahlOptions,
  resolvePlantHerfindahl,
} from "./concentration_input.ts";
import { type Matrix, Series } from "./matrix.ts";

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
 * import { ellisonGlaeser, matrixFrom } from "clusterlab";
 * const m = matrixFrom([[8, 42], [1, 29], [1, 19]], { rows: ["R1", "R2", "R3"], cols: ["A", "B"] });
 * ellisonGlaeser(m, { plantHerfindahl: 0.1 }).get("A"); // 0.078 / 0.558 ≈ 0.13978
 * ```
 */
export function ellisonGlaeser(m: Matrix, options: EllisonGlaeserOptions = {}): Series {
  const warnings: string[] = [];
  const { x, sumX2, colSums } = agglomerationParts(m, "ellisonGlaeser", warnings);
  const H = resolvePlantHerfindahl(m, options, "ellisonGlaeser", warnings);
  const { nrow, ncol, data } = m;
  const out = new Float64Array(ncol);
  const a = 1 - sumX2;
  for (let j = 0; j < ncol; j++) {
    const t = colSums[j]!;
    if (t === 0 || !(a > 0)) {
      out[j] = NaN;
      continue;
    }
    let G = 0;
    for (let i = 0; i < nrow; i++) {
      const d = data[i * ncol + j]! / t - x[i]!;
      G += d * d;
    }
    const h = H[j]!;
    out[j] = (G - a * h) / (a * (1 - h));
  }
  return new Series(m.cols, out, "ellison_glaeser", warnings);
}
