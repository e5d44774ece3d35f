/**
 * Binary presence (specialisation) matrix M_rs = 1[LQ_rs ≥ threshold] (py-ecomplexity convention) or
 * 1[LQ_rs > threshold] (Stata `ecomplexity`), with Stata's `rca2` and `herf` rules and RPOP. 二值专业化矩阵。
 * @module
 */
import { checkChoice, checkNumber, listLabels, ParamChecker } from "../core/checks.ts";
import { ValidationError } from "../core/validation_error.ts";
import type { PerLabel } from "./concentration_input.ts";
import { asMatrix, checkBinary, checkNonNegative, noPresenceWarnings, readingWarnings } from "./input.ts";
import { locationQuotientInto } from "./location_quotient.ts";
import { finiteResult } from "./finite_result.ts";
import { rpop } from "./rpop.ts";
import { Matrix, type MatrixInput, type MatrixInputOptions, type MatrixOptions } from "./matrix.ts";
import { SparseBinaryMatrix } from "./sparse.ts";
import { shareable } from "../core/parallel.ts";
import { csrToDense } from "./sparse_products.ts";

/**
 * Whose rule {@link presence} follows: `"py-ecomplexity"` (default) compares with `≥` (py-ecomplexity, EconGeo,
 * R `economiccomplexity`), `"stata"` with a strict `>` (the Stata `ecomplexity` package).
 */
export type PresenceConvention = "py-ecomplexity" | "stata";

/** The conventions of {@link presence}, the default first. */
export const PRESENCE_CONVENTIONS: readonly PresenceConvention[] = ["py-ecomplexity", "stata"];

/** Options of {@link presence}. */
export interface PresenceOptions extends MatrixInputOptions {
  /**
   * Whose comparison every rule uses (default `"py-ecomplexity"`: M = 1[v ≥ threshold]; `"stata"`:
   * M = 1[v > threshold]). See {@link presence} for the sources.
   */
  readonly convention?: PresenceConvention;
  /**
   * Use `>` (true) or `≥` (false) in every rule, whatever the convention (default: the convention's, false
   * for "py-ecomplexity", true for "stata").
   */
  readonly strict?: boolean;
  /** The threshold of the RCA (and RCA2) rule (default 1). */
  readonly threshold?: number;
  /**
   * The counts (exports, employment, patents) the location quotients were computed from, same region and
   * sector labels (in any order). Needed by `rca2`, `herf` and `population`.
   */
  readonly counts?: MatrixInput;
  /**
   * Stata's `rca2` rule (`calculate_mcp.ado`): the cells whose location quotient exceeds `rca2` are taken
   * out of `counts`, the location quotients are recomputed on what is left (RCA2), and a cell is also present
   * when RCA2 passes `threshold`. Default: not applied.
   */
  readonly rca2?: number;
  /**
   * Stata's `herf` rule (`calculate_mcp.ado`): a cell is also present when the region's share of the sector,
   * x_rs / x_·s, exceeds `herf` · HH_s, HH_s = Σ_r (x_rs / x_·s)² the sector's Herfindahl over regions.
   * Default: not applied.
   */
  readonly herf?: number;
  /**
   * Population per region (a Series or record by region, an array in row order, or one number): a cell is
   * also present when its RPOP (see `rpop`) passes `rpopThreshold` (py-ecomplexity `presence_test="both"`,
   * Stata `rca() rpop() pop()`). Default: not applied.
   */
  readonly population?: PerLabel;
  /** The threshold of the RPOP rule (default 1). */
  readonly rpopThreshold?: number;
}

/**
 * A 0/1 {@link Matrix} kept in sparse CSR form ({@link SparseBinaryMatrix}), so every complexity function
 * multiplies it sparsely. Returned by {@link presence}. The dense values (`data`, 8 bytes a cell) are built
 * only when first read, by `data` itself or by a method that needs them (`map`, `transpose`, `toArrays`,
 * `toTable`); `get`, `at`, `rowSums` and `colSums` read the sparse form. Once built, the matrix is an ordinary
 * `Matrix` with the same values as before.
 */
export class PresenceMatrix extends Matrix {
  /** The same matrix in CSR form. */
  readonly sparse: SparseBinaryMatrix;

  /** The 0/1 matrix of `sparse` (same labels), carrying `warnings` (default none). */
  constructor(sparse: SparseBinaryMatrix, options: MatrixOptions = {}) {
    super(sparse.rows, sparse.cols, Matrix.deferred, options);
    this.sparse = sparse;
  }

  /** The dense 0/1 values of `sparse`, built on the first read of `data`. */
  protected override denseData(): Float64Array {
    return csrToDense(this.sparse);
  }

  /** The value (0 or 1) at (row label, column label), from the sparse form. */
  override get(row: string, col: string): number {
    return this.sparse.at(this.rowIndex(row), this.colIndex(col));
  }

  /** The value (0 or 1) at (i, j), from the sparse form (outside the matrix: what `Matrix.at` reads). */
  override at(i: number, j: number): number {
    const inside = Number.isInteger(i) && Number.isInteger(j) && i >= 0 && i < this.nrow && j >= 0 &&
      j < this.ncol;
    return inside ? this.sparse.at(i, j) : super.at(i, j);
  }

  /** Row sums (diversity when rows are regions), from the sparse form. */
  override rowSums(): Float64Array {
    return this.sparse.rowCounts();
  }

  /** Column sums (ubiquity when columns are sectors), from the sparse form. */
  override colSums(): Float64Array {
    return this.sparse.colCounts();
  }

  /**
   * Deno's inspection (`console.log`, a notebook cell's value): the dense values are built first, so the
   * matrix shows as it always did (its values, not an unread accessor).
   */
  [Symbol.for("Deno.customInspect")](inspect: typeof Deno.inspect, options: Deno.InspectOptions): string {
    void this.data;
    // Deno's inspection context: `currentDepth` is how deep this matrix sits, and `customInspect: false`
    // (Deno's and Node's option, not in the type) shows it as a plain object instead of calling this again
    const o = options as Deno.InspectOptions & { currentDepth?: number };
    const depth = (o.depth ?? 4) - (o.currentDepth ?? 0);
    return inspect(this, { ...options, depth, customInspect: false } as Deno.InspectOptions);
  }

  /** The CSR form (same as `.sparse`). */
  toSparse(): SparseBinaryMatrix {
    return this.sparse;
  }

  /** A plain dense {@link Matrix} copy. */
  toMatrix(): Matrix {
    return this.sparse.toMatrix({ warnings: this.warnings });
  }
}

/**
 * Presence M_rs of a matrix of location quotients / RCA values v: M_rs = 1[v_rs ≥ threshold] by default, or
 * 1[v_rs > threshold] (Hidalgo et al. 2007; Hausmann et al. 2014). Pass the output of `locationQuotient`.
 *
 * The two reference packages differ at exactly v = 1, so the rule is named after them (`convention`):
 * - `"py-ecomplexity"` (default): `≥`. py-ecomplexity 0.5.2 (`cid-harvard/py-ecomplexity` d22c0f7,
 *   `ecomplexity/ComplexityData.py` line 139: `np.where(x >= threshold, 1, 0)`); EconGeo's
 *   `location.quotient(binary = TRUE)` and `RCA(binary = TRUE)` (`R/location.quotient.r` lines 32–33: only
 *   LQ < 1 becomes 0) and R `economiccomplexity`'s `balassa_index` ("anything below the cutoff is 0") agree.
 * - `"stata"`: strict `>`. Stata `ecomplexity` (`cid-harvard/ecomplexity` 8229f7a, `ecomplexity.ado`
 *   line 209 `M = (RCA:>rca)`, line 216 `M = (RPOP:>rpop)`; `calculate_mcp.ado` line 80 `M1=(RCA:>rca)`).
 * The Stata fixture of the tests (`tests/fixtures/ecomplexity-stata/`) has no cell at RCA = 1 (the closest
 * is 1.0013), so both conventions reproduce its `M` column.
 *
 * Stata's extra rules, each OR-ed with the RCA rule (`calculate_mcp.ado` lines 82–113, `M = (M1+M2+M3 :> 0)`),
 * need the `counts` behind the location quotients:
 * - `rca2` (lines 84–98): cells with v > rca2 are removed from the counts, RCA2 is the location quotient of
 *   what is left, and RCA2 passing `threshold` also makes a cell present (a region specialised in a few
 *   extreme products is not denied the others). A region left with no counts has RCA2 0 (design choice:
 *   Stata's Mata reads its missing 0/0 as larger than any number).
 * - `herf` (lines 100–109): present also when the region's share x_rs / x_·s of the sector exceeds
 *   herf · Σ_r (x_rs / x_·s)² (a large producer of a concentrated product).
 * - `population`: present also when RPOP (`rpop`) passes `rpopThreshold` (py-ecomplexity
 *   `presence_test="both"`, `ComplexityData.py` lines 149–153, which adds the two 0/1 matrices and so can give
 *   2 where both hold — here a cell is 0 or 1; Stata `ecomplexity.ado` lines 226–229).
 * Every comparison uses the convention's operator (`strict` overrides it); Stata writes all of them as `>`.
 *
 * Signature (stable): `presence(m: Matrix | MatrixInput, opts?: PresenceOptions): PresenceMatrix` (a
 * `Matrix` subclass with `.sparse` CSR storage). Warnings of the input are carried over, and all-zero
 * rows/columns of M are reported. A NaN location quotient is a {@link ValidationError} naming the cell, and
 * so are `rca2`/`herf`/`population` without `counts`, or counts with other labels.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { matrixFrom, presence } from "clusterlab";
 * const lq = matrixFrom([[1, 0.5], [2, 1.2]], { regions: ["A", "B"], sectors: ["s1", "s2"] });
 * assert.deepEqual(presence(lq).toArrays(), [[1, 0], [1, 1]]); // py-ecomplexity: 1 ≥ 1 counts
 * assert.deepEqual(presence(lq, { convention: "stata" }).toArrays(), [[0, 0], [1, 1]]); // Stata: 1 > 1 does not
 * assert.deepEqual(presence(lq, { strict: true }).toArrays(), [[0, 0], [1, 1]]);
 * assert.equal(presence(lq).sparse.nnz, 3);
 * ```
 */
export function presence(m: MatrixInput, opts: PresenceOptions = {}): PresenceMatrix {
  const x = asMatrix(m, opts);
  const rule = checkPresenceOptions(opts);
  const bad = x.data.findIndex((v) => Number.isNaN(v));
  if (bad >= 0) {
    throw new ValidationError("input of presence", [{
      row: Math.floor(bad / x.ncol) + 1,
      column: x.cols[bad % x.ncol]!,
      expected: "a number (a location quotient)",
      received: "NaN",
    }]);
  }
  const { threshold, pass } = rule;
  const isOne = rule.strict ? (v: number) => v > threshold : (v: number) => v >= threshold;
  const extra = extraRules(x, opts, pass, threshold);
  const sp = extra
    ? fromRule(x, (v, k) => isOne(v) || extra[k] === 1)
    : SparseBinaryMatrix.fromMatrix(x, { isOne });
  return new PresenceMatrix(sp, { warnings: [...x.warnings, ...presenceWarnings(sp)] });
}

/** The comparison and threshold of {@link presence}, validated. */
function checkPresenceOptions(opts: PresenceOptions): {
  threshold: number;
  strict: boolean;
  pass: (v: number, t: number) => boolean;
} {
  const subject = "options of presence";
  const convention = opts.convention ?? "py-ecomplexity";
  checkChoice(subject, "convention", convention, PRESENCE_CONVENTIONS);
  const strict = opts.strict ?? convention === "stata";
  checkChoice(subject, "strict", strict, [true, false] as const);
  const threshold = opts.threshold ?? 1;
  checkNumber(subject, "threshold", threshold);
  const c = new ParamChecker(subject);
  if (opts.rca2 !== undefined) c.number("rca2", opts.rca2, { min: 0 });
  if (opts.herf !== undefined) c.number("herf", opts.herf, { min: 0 });
  if (opts.rpopThreshold !== undefined) c.number("rpopThreshold", opts.rpopThreshold);
  for (const k of ["rca2", "herf", "population"] as const) {
    if (opts[k] !== undefined && opts.counts === undefined) {
      c.add("counts", `the counts behind the location quotients (needed by ${k})`, undefined);
    }
  }
  c.done();
  const pass = strict ? (v: number, t: number) => v > t : (v: number, t: number) => v >= t;
  return { threshold, strict, pass };
}

/** CSR of the cells where `isOne(value, index)` holds (counted first: no growing list of the ones). */
function fromRule(x: Matrix, isOne: (v: number, k: number) => boolean): SparseBinaryMatrix {
  const { nrow, ncol, data } = x;
  let nnz = 0;
  for (let k = 0; k < data.length; k++) if (isOne(data[k]!, k)) nnz++;
  const ptr = shareable(Uint32Array, nrow + 1), idx = shareable(Int32Array, nnz);
  let p = 0;
  for (let i = 0; i < nrow; i++) {
    for (let j = 0; j < ncol; j++) if (isOne(data[i * ncol + j]!, i * ncol + j)) idx[p++] = j;
    ptr[i + 1] = p;
  }
  return new SparseBinaryMatrix(x.rows, x.cols, ptr, idx);
}

/**
 * The cells made present by the rules that need counts (`rca2`, `herf`, `population`), OR-ed together, as a
 * 0/1 array in the layout of `lq`; undefined when none is asked for.
 */
function extraRules(
  lq: Matrix,
  opts: PresenceOptions,
  pass: (v: number, t: number) => boolean,
  threshold: number,
): Uint8Array | undefined {
  if (opts.rca2 === undefined && opts.herf === undefined && opts.population === undefined) return undefined;
  const x = alignCounts(asMatrix(opts.counts!, opts), lq);
  checkNonNegative(x, "counts of presence");
  const out = new Uint8Array(x.data.length);
  const { nrow, ncol } = x;
  if (opts.rca2 !== undefined) {
    const rest = x.data.slice();
    for (let k = 0; k < rest.length; k++) if (pass(lq.data[k]!, opts.rca2)) rest[k] = 0;
    // RCA2, the location quotients of what is left, in place of it (no second region × sector array)
    const rca2 = new Matrix(x.rows, x.cols, rest);
    locationQuotientInto(rca2, rest);
    finiteResult("locationQuotient", rca2);
    for (let k = 0; k < out.length; k++) if (pass(rest[k]!, threshold)) out[k] = 1;
  }
  if (opts.herf !== undefined) {
    const cs = x.colSums(), hh = new Float64Array(ncol);
    for (let i = 0; i < nrow; i++) {
      for (let j = 0; j < ncol; j++) if (cs[j]! > 0) hh[j]! += (x.data[i * ncol + j]! / cs[j]!) ** 2;
    }
    for (let i = 0; i < nrow; i++) {
      for (let j = 0; j < ncol; j++) {
        const k = i * ncol + j;
        if (cs[j]! > 0 && pass(x.data[k]! / cs[j]!, opts.herf * hh[j]!)) out[k] = 1;
      }
    }
  }
  if (opts.population !== undefined) {
    const r = rpop(x, opts.population).data, t = opts.rpopThreshold ?? 1;
    for (let k = 0; k < out.length; k++) if (pass(r[k]!, t)) out[k] = 1;
  }
  return out;
}

/** `counts` re-ordered to the labels of `lq` (the same labels as sets, else a {@link ValidationError}). */
function alignCounts(counts: Matrix, lq: Matrix): Matrix {
  const same = counts.rows.length === lq.nrow && counts.cols.length === lq.ncol &&
    counts.rows.every((l, i) => l === lq.rows[i]) && counts.cols.every((l, j) => l === lq.cols[j]);
  if (same) return counts;
  const ri = new Map(counts.rows.map((l, i) => [l, i])), ci = new Map(counts.cols.map((l, j) => [l, j]));
  const missing = [...lq.rows.filter((l) => !ri.has(l)), ...lq.cols.filter((l) => !ci.has(l))];
  if (missing.length || counts.nrow !== lq.nrow || counts.ncol !== lq.ncol) {
    throw new ValidationError("options of presence", [{
      column: "counts",
      expected: `a ${lq.nrow} × ${lq.ncol} matrix with the regions and sectors of the location quotients`,
      received: `${counts.nrow} × ${counts.ncol}${missing.length ? `, missing ${listLabels(missing)}` : ""}`,
    }]);
  }
  const data = new Float64Array(lq.nrow * lq.ncol);
  lq.rows.forEach((r, i) => {
    const a = ri.get(r)!;
    lq.cols.forEach((c, j) => (data[i * lq.ncol + j] = counts.data[a * counts.ncol + ci.get(c)!]!));
  });
  return new Matrix(lq.rows, lq.cols, data);
}

/**
 * Warnings about all-zero rows/columns of a presence matrix.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { matrixFrom, presence } from "clusterlab";
 * import { presenceWarnings } from "clusterlab/advanced";
 * const M = presence(matrixFrom([[1, 0], [0, 0]], { regions: ["A", "B"], sectors: ["s", "t"] }));
 * assert.deepEqual(presenceWarnings(M.sparse), [
 *   '1 row(s) with no presence (diversity 0): "B"',
 *   '1 column(s) with no presence (ubiquity 0): "t"',
 * ]);
 * ```
 */
export function presenceWarnings(sp: SparseBinaryMatrix): string[] {
  return [
    ...noPresenceWarnings(sp.rows, sp.rowCounts(), "rows"),
    ...noPresenceWarnings(sp.cols, sp.colCounts(), "cols"),
  ];
}

/**
 * The CSR form of a presence matrix: `.sparse` of a {@link PresenceMatrix}, or built from a 0/1
 * {@link Matrix} (any other value is a {@link ValidationError} naming the cell).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { matrixFrom } from "clusterlab";
 * import { toSparsePresence } from "clusterlab/advanced";
 * const s = toSparsePresence(matrixFrom([[1, 0], [1, 1]], { regions: ["A", "B"], sectors: ["s1", "s2"] }));
 * assert.equal(s.nnz, 3);
 * assert.deepEqual(Array.from(s.colIdx), [0, 0, 1]); // the ones of A, then of B
 * assert.throws(() => toSparsePresence(matrixFrom([[2]], { regions: ["A"], sectors: ["s1"] })), /0 or 1/);
 * ```
 */
export function toSparsePresence(
  m: MatrixInput | SparseBinaryMatrix,
  opts: MatrixInputOptions = {},
): SparseBinaryMatrix {
  return presenceInput(m, opts).sparse;
}

/**
 * {@link toSparsePresence} and the warnings of reading a long table (absent cells zero-filled), which the
 * complexity functions pass on in their results (internal: not re-exported).
 */
export function presenceInput(
  m: MatrixInput | SparseBinaryMatrix,
  opts: MatrixInputOptions = {},
): { readonly sparse: SparseBinaryMatrix; readonly warnings: readonly string[] } {
  if (m instanceof SparseBinaryMatrix) return { sparse: m, warnings: [] };
  if (m instanceof PresenceMatrix) return { sparse: m.sparse, warnings: [] };
  const x = asMatrix(m, opts);
  checkBinary(x, "presence matrix");
  return { sparse: SparseBinaryMatrix.fromMatrix(x), warnings: readingWarnings(m, x) };
}
