/**
 * Location quotient (LQ), also called revealed comparative advantage (RCA, Balassa 1965) or, on patents,
 * revealed technological advantage (RTA). 区位商 / 显示性比较优势。
 * @module
 */
import { listLabels } from "../core/checks.ts";
import { asMatrix, checkNonNegative, readingWarnings } from "./input.ts";
import { Matrix, type MatrixInput, type MatrixInputOptions } from "./matrix.ts";
import { finiteResult } from "./finite_result.ts";

/**
 * Location quotient LQ_rs = (x_rs / x_r·) / (x_·s / x) of a region × sector matrix of non-negative counts
 * (Balassa 1965; EconGeo `location_quotient`; the Stata `ecomplexity` RCA). Computed in exactly this order,
 * no rounding. A cell whose row or column sums to zero has 0/0: it is set to 0 and a warning names the
 * empty rows/columns.
 *
 * Signature (stable): `locationQuotient(x: Matrix | MatrixInput, opts?: MatrixInputOptions): Matrix`.
 * Non-`Matrix` input is read by `matrixFrom` (long tables: columns `region`, `sector`, `value` unless
 * `opts.region/sector/value` say otherwise; nested arrays need `opts.regions/sectors`); the warnings then
 * start with those of the reading (cells absent from the table and set to 0, or `missing: "error"`).
 *
 * @throws {ValidationError} when a value is negative, NaN or infinite (row, column and value named).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { locationQuotient, matrixFrom } from "clusterlab";
 * const x = matrixFrom([[10, 0], [10, 20]], { regions: ["A", "B"], sectors: ["s1", "s2"] });
 * assert.equal(locationQuotient(x).get("A", "s1"), 2); // (10/10) / (20/40)
 * assert.equal(locationQuotient(x).get("B", "s2"), 4 / 3); // (20/30) / (20/40)
 * // a long table with the columns region, sector, value needs no options
 * const long = [{ region: "A", sector: "s1", value: 10 }, { region: "B", sector: "s2", value: 10 }];
 * assert.equal(locationQuotient(long).get("A", "s1"), 2);
 * assert.match(locationQuotient(long).warnings[0]!, /^2 of 4 region × sector cells are absent/);
 * ```
 */
export function locationQuotient(x: MatrixInput, opts: MatrixInputOptions = {}): Matrix {
  const m = asMatrix(x, opts);
  checkNonNegative(m, "input of locationQuotient");
  const out = new Float64Array(m.data.length);
  const { rs, cs, total } = locationQuotientInto(m, out);
  const warnings: string[] = [...readingWarnings(x, m)];
  if (total === 0) {
    warnings.push("the matrix sums to zero: every location quotient is 0/0 and set to 0");
    return finiteResult("locationQuotient", new Matrix(m.rows, m.cols, out, { warnings }));
  }
  const zr = m.rows.filter((_, i) => rs[i] === 0), zc = m.cols.filter((_, j) => cs[j] === 0);
  if (zr.length) {
    warnings.push(`${zr.length} all-zero row(s) (${listLabels(zr)}): location quotient 0/0 set to 0`);
  }
  if (zc.length) {
    warnings.push(`${zc.length} all-zero column(s) (${listLabels(zc)}): location quotient 0/0 set to 0`);
  }
  return finiteResult("locationQuotient", new Matrix(m.rows, m.cols, out, { warnings }));
}

/**
 * The location quotients of the checked counts `m` written into `out` (its length; `out` may be `m.data`
 * itself, as each cell is read just before it is written: `presence`'s rca2 rule computes RCA2 in place), with
 * the row sums, column sums and total they come from; a cell whose row or column sums to zero is 0 (internal).
 */
export function locationQuotientInto(
  m: Matrix,
  out: Float64Array,
): { rs: Float64Array; cs: Float64Array; total: number } {
  const { nrow, ncol, data } = m;
  const rs = m.rowSums(), cs = m.colSums();
  let total = 0;
  for (let i = 0; i < nrow; i++) total += rs[i]!;
  if (total === 0) {
    out.fill(0);
    return { rs, cs, total };
  }
  const share = new Float64Array(ncol);
  for (let j = 0; j < ncol; j++) share[j] = cs[j]! / total;
  for (let i = 0; i < nrow; i++) {
    const r = rs[i]!, off = i * ncol;
    if (r === 0) {
      out.fill(0, off, off + ncol);
      continue;
    }
    for (let j = 0; j < ncol; j++) {
      const s = share[j]!;
      out[off + j] = s === 0 ? 0 : data[off + j]! / r / s;
    }
  }
  return { rs, cs, total };
}

/**
 * Revealed comparative advantage: the same function as {@link locationQuotient} (Balassa 1965).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { matrixFrom, rca } from "clusterlab";
 * const x = matrixFrom([[1, 1], [1, 3]], { regions: ["A", "B"], sectors: ["s1", "s2"] });
 * assert.equal(rca(x).get("A", "s1"), 1.5); // (1/2) / (2/6)
 * ```
 */
export const rca: typeof locationQuotient = locationQuotient;
