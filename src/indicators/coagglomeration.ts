/**
 * Ellison–Glaeser coagglomeration of sector pairs: do two sectors locate in the same regions more than
 * their overall spread predicts? 产业协同集聚指数。
 * @module
 */
import { agglomerationParts } from "./concentration_input.ts";
import { Matrix } from "./matrix.ts";

/**
 * Ellison–Glaeser coagglomeration γᶜ_jk of every pair of sectors (Ellison & Glaeser 1997, *Journal of
 * Political Economy* 105(5), the index γᶜ of a group of industries; for a pair it reduces exactly to the
 * form of Ellison, Glaeser & Kerr 2010, *American Economic Review* 100(3), eq. 1):
 *
 *   γᶜ_jk = Σ_i (s_ij − x_i)(s_ik − x_i) / (1 − Σ_i x_i²),
 *
 * s_ij = x_ij / x_·j region i's share of sector j, x_i = x_i· / x its share of all activity. For two
 * industries EG's γᶜ = [G/(1 − Σx²) − H − Σ_j γ_j w_j²(1 − H_j)] / (1 − Σ_j w_j²) loses its plant Herfindahls
 * and employment weights w_j (the H terms cancel with those inside the γ_j), so no plant data are needed:
 * the test suite checks the identity against the group formula with arbitrary H. γᶜ > 0: the two sectors
 * share locations beyond chance (input–output links, labour pooling, knowledge spillovers in EGK 2010);
 * < 0: they avoid each other. No rounding.
 *
 * Returns a symmetric sector × sector {@link Matrix}. Its diagonal is the same expression with j = k,
 * G_j / (1 − Σ x_i²) (= `ellisonGlaeser` γ_j with H_j = 0; design choice: the formula's value, not a blank).
 * A sector with no activity has NaN in its row and column; all activity in one region makes every value
 * NaN; both with a warning. Counts must be finite and ≥ 0 ({@link ValidationError} otherwise).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { coagglomeration, matrixFrom } from "clusterlab";
 * const m = matrixFrom([[6, 6, 0], [2, 2, 4]], { regions: ["R1", "R2"], sectors: ["a", "b", "c"] });
 * const g = coagglomeration(m);
 * // x = (0.6, 0.4), Σx² = 0.52; a and b: s = (0.75, 0.25), deviations (0.15, −0.15); c: s = (0, 1)
 * assert.ok(Math.abs(g.get("a", "b") - (0.15 * 0.15 + 0.15 * 0.15) / 0.48) < 1e-12); // 0.09375
 * assert.ok(Math.abs(g.get("a", "c") - (0.15 * -0.6 + -0.15 * 0.6) / 0.48) < 1e-12); // −0.375
 * assert.equal(g.get("a", "c"), g.get("c", "a"));
 * ```
 */
export function coagglomeration(m: Matrix): Matrix {
  const warnings: string[] = [];
  const { x, sumX2, colSums } = agglomerationParts(m, "coagglomeration", warnings);
  const { nrow, ncol, data } = m;
  const out = new Float64Array(ncol * ncol);
  const a = 1 - sumX2;
  if (!(a > 0)) {
    out.fill(NaN);
    return new Matrix([...m.cols], [...m.cols], out, { warnings });
  }
  // Σ_i (s_ij − x_i)(s_ik − x_i) = Σ_i s_ij s_ik − c_j − c_k + Σ_i x_i², c_j = Σ_i x_i s_ij: the first sum
  // runs over the pairs of sectors active in the same region only (sparse), the rest is O(regions × sectors)
  const c = new Float64Array(ncol);
  const nz = new Int32Array(ncol), sv = new Float64Array(ncol);
  for (let i = 0; i < nrow; i++) {
    let m = 0;
    for (let j = 0; j < ncol; j++) {
      const v = data[i * ncol + j]!;
      if (v > 0) {
        const sij = v / colSums[j]!;
        nz[m] = j;
        sv[m++] = sij;
        c[j]! += x[i]! * sij;
      }
    }
    for (let p = 0; p < m; p++) {
      const row = nz[p]! * ncol, sp = sv[p]!;
      for (let q = p; q < m; q++) out[row + nz[q]!]! += sp * sv[q]!;
    }
  }
  for (let j = 0; j < ncol; j++) {
    for (let k = j; k < ncol; k++) out[j * ncol + k]! += sumX2 - c[j]! - c[k]!;
  }
  for (let j = 0; j < ncol; j++) {
    for (let k = j; k < ncol; k++) {
      const v = colSums[j]! > 0 && colSums[k]! > 0 ? out[j * ncol + k]! / a : NaN;
      out[j * ncol + k] = v;
      out[k * ncol + j] = v;
    }
  }
  return new Matrix([...m.cols], [...m.cols], out, { warnings });
}
