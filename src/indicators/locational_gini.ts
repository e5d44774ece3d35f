/**
 * Krugman's locational Gini coefficient of each sector.
 * @module
 */
import { checkCounts, listLabels, zeroLabels } from "./concentration_input.ts";
import { type Matrix, Series } from "./matrix.ts";

/**
 * Locational Gini per sector (Krugman 1991, *Geography and Trade*, ch. 2, p. 56): regions are sorted by
 * x_rs / (x_r·/x) (the sector's amount relative to the region's share of all activity, i.e. by location
 * quotient); the locational Lorenz curve plots the cumulative share of the sector against the cumulative
 * share of all activity; the coefficient is the area between that curve and the diagonal. 0 when the sector
 * is spread like all activity; the theoretical limit is 0.5. Same computation as EconGeo's `locational_gini`
 * (a shoelace sum over the curve's points, halved). No rounding.
 *
 * Regions with no activity add nothing to either axis and are skipped; a sector with no activity gets NaN and
 * a warning.
 *
 * @example
 * ```ts
 * import { locationalGini, matrixFrom } from "clusterlab";
 * const m = matrixFrom([[10, 0], [0, 10]], { rows: ["R1", "R2"], cols: ["A", "B"] });
 * locationalGini(m).get("A"); // 0.25
 * ```
 */
export function locationalGini(m: Matrix): Series {
  checkCounts(m, "input of locationalGini");
  const { nrow, ncol, data } = m;
  const rs = m.rowSums(), cs = m.colSums();
  let total = 0;
  for (let i = 0; i < nrow; i++) total += rs[i]!;
  const active: number[] = [];
  for (let i = 0; i < nrow; i++) if (rs[i]! > 0) active.push(i);
  const out = new Float64Array(ncol);
  const ratio = new Float64Array(nrow);
  for (let j = 0; j < ncol; j++) {
    const t = cs[j]!;
    if (t === 0) {
      out[j] = NaN;
      continue;
    }
    for (const i of active) ratio[i] = data[i * ncol + j]! / (rs[i]! / total);
    const order = active.slice().sort((a, b) => ratio[a]! - ratio[b]! || a - b);
    // Shoelace over (cpop, cind) points from (0, 0): 2·area = Σ (cpop_k · cind_{k+1} − cpop_{k+1} · cind_k).
    let cp = 0, ci = 0, twice = 0;
    for (const i of order) {
      const np = cp + rs[i]! / total, ni = ci + data[i * ncol + j]! / t;
      twice += cp * ni - np * ci;
      cp = np;
      ci = ni;
    }
    out[j] = twice / 2;
  }
  const warnings: string[] = [];
  const empty = zeroLabels(m.cols, cs);
  if (empty.length) {
    warnings.push(
      `${empty.length} sector(s) with no activity (${
        listLabels(empty)
      }): locational Gini undefined, set to NaN`,
    );
  }
  const emptyRows = zeroLabels(m.rows, rs);
  if (emptyRows.length) {
    warnings.push(
      `${emptyRows.length} region(s) with no activity (${
        listLabels(emptyRows)
      }) add nothing and were skipped`,
    );
  }
  return new Series(m.cols, out, "locational_gini", warnings);
}
