/**
 * Revealed per-capita advantage (RPOP): activity per inhabitant relative to the world's, the population-
 * normalised counterpart of the location quotient. 人均显示性优势。
 * @module
 */
import { listLabels } from "../core/checks.ts";
import { type PerLabel, resolvePerLabel } from "./concentration_input.ts";
import { asMatrix, checkNonNegative } from "./input.ts";
import { Matrix, type MatrixInput, type MatrixInputOptions } from "./matrix.ts";

/**
 * RPOP_rs = (x_rs / pop_r) / (x_·s / Σ_r pop_r): region r's activity in sector s per inhabitant, relative to
 * the activity in s per inhabitant of all regions together (Hausmann et al. 2014, *Atlas of Economic
 * Complexity*; py-ecomplexity 0.5.2 `ComplexityData.calculate_rpop`, `ecomplexity/ComplexityData.py`
 * lines 104–130, computed in the same order: `num = x / pop`, `den = x_·s / Σ pop`, `num / den`; the Stata
 * `ecomplexity` `complexity_rpop.ado` line 5 gives the same value as `(x_rs / x_·s) / (pop_r / Σ pop)`).
 * RPOP ≥ 1 (py-ecomplexity) or > 1 (Stata) is the `presence_test="rpop"` rule of those packages: pass the
 * result to `presence`, or give `population` to `presence` to combine it with the RCA rule.
 *
 * `population` is one positive number per region: a Series or record by region, an array in row order, or
 * one number for all. Σ pop is taken over the regions of `x`. A sector with no activity has 0/0: it is set
 * to 0 and a warning names it. Negative or non-finite counts and a population ≤ 0 are a
 * {@link ValidationError} naming the cell or region.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { matrixFrom } from "clusterlab";
 * import { rpop } from "clusterlab/advanced";
 * const x = matrixFrom([[30, 10], [10, 10]], { regions: ["A", "B"], sectors: ["s", "t"] });
 * const r = rpop(x, { A: 1, B: 3 });
 * // s: A has 30 per inhabitant, the world 40 / 4 = 10 per inhabitant: RPOP = 3
 * assert.equal(r.get("A", "s"), 3);
 * assert.equal(r.get("B", "t"), (10 / 3) / (20 / 4)); // 2/3
 * ```
 */
export function rpop(x: MatrixInput, population: PerLabel, opts: MatrixInputOptions = {}): Matrix {
  const m = asMatrix(x, opts);
  checkNonNegative(m, "input of rpop");
  const pop = resolvePerLabel(
    population,
    m.rows,
    "options of rpop",
    "population",
    (v) => (v > 0 ? undefined : "a population > 0"),
  );
  let total = 0;
  for (let i = 0; i < pop.length; i++) total += pop[i]!;
  const { nrow, ncol, data } = m;
  const cs = m.colSums();
  const den = new Float64Array(ncol);
  for (let j = 0; j < ncol; j++) den[j] = cs[j]! / total;
  const out = new Float64Array(data.length);
  for (let i = 0; i < nrow; i++) {
    const p = pop[i]!, off = i * ncol;
    for (let j = 0; j < ncol; j++) out[off + j] = cs[j] === 0 ? 0 : data[off + j]! / p / den[j]!;
  }
  const zc = m.cols.filter((_, j) => cs[j] === 0);
  const warnings = zc.length
    ? [`${zc.length} all-zero column(s) (${listLabels(zc)}): RPOP 0/0 set to 0`]
    : [];
  return new Matrix(m.rows, m.cols, out, { warnings });
}
