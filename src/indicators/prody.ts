/**
 * PRODY and EXPY (Hausmann, Hwang & Rodrik 2007): the income level associated with a sector, and the
 * income level associated with a region's specialisation pattern. 产品收入水平与出口复杂度。
 * @module
 */
import { listLabels } from "../core/checks.ts";
import { type PerLabel, resolvePerLabel } from "./concentration_input.ts";
import { asMatrix, checkNonNegative } from "./input.ts";
import { type Matrix, type MatrixInput, type MatrixInputOptions, Series } from "./matrix.ts";

/** The region shares x_rs / x_r· (0 for a region with no activity) and the income per region. */
function prepare(x: MatrixInput, income: PerLabel, opts: MatrixInputOptions, subject: string): {
  m: Matrix;
  shares: Float64Array;
  y: Float64Array;
  emptyRegions: string[];
} {
  const m = asMatrix(x, opts);
  checkNonNegative(m, `input of ${subject}`);
  const y = resolvePerLabel(income, m.rows, `options of ${subject}`, "income", () => undefined);
  const rs = m.rowSums();
  const shares = new Float64Array(m.data.length);
  for (let i = 0; i < m.nrow; i++) {
    if (rs[i] === 0) continue;
    for (let j = 0; j < m.ncol; j++) shares[i * m.ncol + j] = m.data[i * m.ncol + j]! / rs[i]!;
  }
  const emptyRegions = m.rows.filter((_, i) => rs[i] === 0);
  return { m, shares, y, emptyRegions };
}

/** PRODY per sector from the shares, NaN for a sector no region is active in (named in `warnings`). */
function prodyOf(m: Matrix, shares: Float64Array, y: Float64Array, warnings: string[]): Float64Array {
  const { nrow, ncol } = m;
  const num = new Float64Array(ncol), den = new Float64Array(ncol);
  for (let i = 0; i < nrow; i++) {
    for (let j = 0; j < ncol; j++) {
      const s = shares[i * ncol + j]!;
      num[j]! += s * y[i]!;
      den[j]! += s;
    }
  }
  const out = new Float64Array(ncol);
  const empty: string[] = [];
  for (let j = 0; j < ncol; j++) {
    out[j] = den[j] === 0 ? NaN : num[j]! / den[j]!;
    if (den[j] === 0) empty.push(m.cols[j]!);
  }
  if (empty.length) {
    warnings.push(
      `${empty.length} sector(s) with no activity (${listLabels(empty)}): PRODY undefined, set to NaN`,
    );
  }
  return out;
}

/**
 * PRODY per sector k (Hausmann, Hwang & Rodrik 2007, *Journal of Economic Growth* 12(1), eq. 1):
 *
 *   PRODY_k = Σ_j [(x_jk / X_j) / Σ_j' (x_j'k / X_j')] · Y_j,
 *
 * the average income Y_j of the regions j active in k, weighted by the share of k in each region's
 * activity (so by revealed comparative advantage: RCA_jk is that share divided by a constant of k). `income`
 * is one number per region (GDP per capita in the paper; EconGeo `prody` allows R&D, education, …): a Series
 * or record by region, an array in row order, or one number. EconGeo's `prody` (`PABalland/EconGeo`
 * 420c3c5, `R/prody.r` line 27) weighs by `RCA(mat)`, which it rounds to 2 digits; nothing is rounded here.
 *
 * A region with no activity has no shares and takes no part (a warning names it); a sector with no activity
 * is NaN with a warning. Counts must be finite and ≥ 0, incomes finite ({@link ValidationError} otherwise).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { matrixFrom, prody } from "clusterlab";
 * const x = matrixFrom([[10, 10], [0, 20]], { regions: ["rich", "poor"], sectors: ["s", "t"] });
 * const p = prody(x, { rich: 40, poor: 10 });
 * assert.equal(p.get("s"), 40); // only the rich region makes s
 * // t: shares 0.5 (rich) and 1 (poor): (0.5 · 40 + 1 · 10) / 1.5 = 20
 * assert.equal(p.get("t"), 20);
 * ```
 */
export function prody(x: MatrixInput, income: PerLabel, opts: MatrixInputOptions = {}): Series {
  const { m, shares, y, emptyRegions } = prepare(x, income, opts, "prody");
  const warnings = regionWarnings(emptyRegions, "left out of PRODY");
  const out = prodyOf(m, shares, y, warnings);
  return new Series(m.cols, out, { name: "prody", warnings });
}

/**
 * EXPY per region i (Hausmann, Hwang & Rodrik 2007, eq. 2): EXPY_i = Σ_k (x_ik / X_i) · PRODY_k, the
 * income level of the region's specialisation pattern, with PRODY from the same matrix and incomes
 * ({@link prody}; EconGeo `expy`, `R/expy.r` lines 27–34, again with RCA rounded there, not here).
 *
 * A region with no activity is NaN with a warning (it is also left out of PRODY).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { expy, matrixFrom } from "clusterlab";
 * const x = matrixFrom([[10, 10], [0, 20]], { regions: ["rich", "poor"], sectors: ["s", "t"] });
 * const e = expy(x, { rich: 40, poor: 10 });
 * assert.equal(e.get("rich"), 0.5 * 40 + 0.5 * 20); // PRODY_s = 40, PRODY_t = 20
 * assert.equal(e.get("poor"), 20);
 * ```
 */
export function expy(x: MatrixInput, income: PerLabel, opts: MatrixInputOptions = {}): Series {
  const { m, shares, y, emptyRegions } = prepare(x, income, opts, "expy");
  const warnings = regionWarnings(emptyRegions, "EXPY undefined, set to NaN");
  const p = prodyOf(m, shares, y, warnings);
  const { nrow, ncol } = m;
  const out = new Float64Array(nrow);
  const rs = m.rowSums();
  for (let i = 0; i < nrow; i++) {
    if (rs[i] === 0) {
      out[i] = NaN;
      continue;
    }
    let e = 0;
    for (let j = 0; j < ncol; j++) {
      const s = shares[i * ncol + j]!;
      if (s > 0) e += s * p[j]!;
    }
    out[i] = e;
  }
  return new Series(m.rows, out, { name: "expy", warnings });
}

function regionWarnings(empty: readonly string[], what: string): string[] {
  return empty.length ? [`${empty.length} region(s) with no activity (${listLabels(empty)}): ${what}`] : [];
}
