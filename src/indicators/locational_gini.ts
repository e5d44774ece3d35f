/**
 * Krugman's locational Gini coefficient of each sector.
 * @module
 */
import { listLabels } from "../core/checks.ts";
import { noActivityWarnings, perNonZero, zeroLabels } from "./concentration_input.ts";
import { checkCounts } from "./input.ts";
import { type Matrix, Series } from "./matrix.ts";
import { finiteResult } from "./finite_result.ts";

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
 * import assert from "node:assert/strict";
 * import { locationalGini, matrixFrom } from "clusterlab";
 * const m = matrixFrom([[10, 0], [0, 10]], { regions: ["R1", "R2"], sectors: ["A", "B"] });
 * // A lies in R1 only: the Lorenz curve (0, 0) → (½, 0) → (1, 1) leaves an area ¼ to the diagonal
 * assert.equal(locationalGini(m).get("A"), 0.25);
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
  const ratio = new Float64Array(nrow);
  const out = perNonZero(cs, (j, t) => {
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
    return twice / 2;
  });
  const warnings = noActivityWarnings(m.cols, cs, "sector(s) with no activity", "locational Gini");
  const emptyRows = zeroLabels(m.rows, rs);
  if (emptyRows.length) {
    warnings.push(
      `${emptyRows.length} region(s) with no activity (${
        listLabels(emptyRows, { limit: 5 })
      }) add nothing and were skipped`,
    );
  }
  return finiteResult("locationalGini", new Series(m.cols, out, { name: "locational_gini", warnings }));
}
