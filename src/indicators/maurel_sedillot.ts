/**
 * Maurel–Sédillot index of geographic concentration.
 * @module
 */
import {
  agglomerationParts,
  type PlantHerfindahlOptions,
  resolvePlantHerfindahl,
} from "./concentration_input.ts";
import { type Matrix, Series } from "./matrix.ts";

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
 * import { maurelSedillot, matrixFrom } from "clusterlab";
 * const m = matrixFrom([[8, 42], [1, 29], [1, 19]], { rows: ["R1", "R2", "R3"], cols: ["A", "B"] });
 * maurelSedillot(m, { plantHerfindahl: 0.1 }).get("A"); // (0.28/0.62 − 0.1)/0.9 ≈ 0.39068
 * ```
 */
export function maurelSedillot(m: Matrix, options: MaurelSedillotOptions = {}): Series {
  const warnings: string[] = [];
  const { sumX2, colSums } = agglomerationParts(m, "maurelSedillot", warnings);
  const H = resolvePlantHerfindahl(m, options, "maurelSedillot", warnings);
  const { nrow, ncol, data } = m;
  const out = new Float64Array(ncol);
  const a = 1 - sumX2;
  for (let j = 0; j < ncol; j++) {
    const t = colSums[j]!;
    if (t === 0 || !(a > 0)) {
      out[j] = NaN;
      continue;
    }
    let s2 = 0;
    for (let i = 0; i < nrow; i++) {
      const s = data[i * ncol + j]! / t;
      s2 += s * s;
    }
    const h = H[j]!;
    out[j] = ((s2 - sumX2) / a - h) / (1 - h);
  }
  return new Series(m.cols, out, "maurel_sedillot", warnings);
}
