/**
 * Labelled matrices and series: the region × sector matrix every indicator works on, stored row-major in a
 * `Float64Array`, and per-row or per-column results as a {@link Series}; {@link matrixFrom} builds a matrix from
 * a long table or from nested arrays. 带标签的矩阵与序列。
 * @module
 */
import * as aq from "../deps/arquero.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import { type TableInput, toTable } from "../data/adapters.ts";
import { missingColumns } from "../core/checks.ts";
import { checkSize } from "../core/size_guard.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../core/validation_error.ts";

/** A result with notes on degenerate input (all-zero rows, disconnected graphs, …). */
export interface WithWarnings {
  /** What was found in the input that the caller should know; empty when nothing. */
  readonly warnings: readonly string[];
}

/** Options of the {@link Series} constructor. */
export interface SeriesOptions {
  /** Name of the quantity, used as the value column of {@link Series.toTable} (default `"value"`). */
  readonly name?: string;
  /** Notes on degenerate input (default none). */
  readonly warnings?: readonly string[];
}

/** Options of {@link Series.toTable}. */
export interface SeriesTableOptions {
  /** Name of the label column (default `"label"`). */
  readonly label?: string;
  /** Name of the value column (default: the series' `name`). */
  readonly value?: string;
}

/**
 * A labelled vector: one value per region or per sector.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Series } from "clusterlab";
 * const lq = new Series(["A", "B", "C"], Float64Array.from([0.5, 2, 1]), { name: "lq" });
 * assert.equal(lq.get("B"), 2);
 * assert.deepEqual(lq.ranked(), ["B", "C", "A"]);
 * assert.deepEqual(lq.toTable({ label: "region" }).objects()[0], { region: "A", lq: 0.5 });
 * ```
 */
export class Series implements WithWarnings {
  /** One label per value (regions or sectors), in the order of `values`. */
  readonly labels: readonly string[];
  /** The values: `values[i]` belongs to `labels[i]`. */
  readonly values: Float64Array;
  /** Notes on degenerate input; empty when nothing was found. */
  readonly warnings: readonly string[];
  /** Name of the quantity (used as the value column of {@link Series.toTable}). */
  readonly name: string;
  #index: Map<string, number> | undefined;

  /**
   * Pair `labels` with `values` (used as is, not copied; a length mismatch is a `RangeError`). `name` names
   * the quantity (default `"value"`); `warnings` are notes on degenerate input (default none).
   */
  constructor(labels: readonly string[], values: Float64Array, options?: SeriesOptions);
  /** @deprecated the 0.1 form `new Series(labels, values, name, warnings)`; use `{ name, warnings }`. */
  constructor(labels: readonly string[], values: Float64Array, name?: string, warnings?: readonly string[]);
  constructor(
    labels: readonly string[],
    values: Float64Array,
    options?: SeriesOptions | string,
    warnings01?: readonly string[],
  ) {
    if (typeof options !== "object") options = { name: options, warnings: warnings01 };
    if (labels.length !== values.length) {
      throw new RangeError(
        `Series needs one value per label: ${labels.length} labels, ${values.length} values`,
      );
    }
    this.labels = labels;
    this.values = values;
    this.name = options.name ?? "value";
    this.warnings = options.warnings ?? [];
  }

  /** The value for `label`; throws on an unknown label. */
  get(label: string): number {
    this.#index ??= new Map(this.labels.map((l, i) => [l, i]));
    const i = this.#index.get(label);
    if (i === undefined) throw new RangeError(`Unknown label "${label}" in series "${this.name}"`);
    return this.values[i]!;
  }

  /** The series as a table with a label column (default `"label"`) and a value column (default its name). */
  toTable(options?: SeriesTableOptions): ColumnTable;
  /** @deprecated the 0.1 form `toTable(labelName, valueName)`; use `toTable({ label, value })`. */
  toTable(labelName?: string, valueName?: string): ColumnTable;
  toTable(options?: SeriesTableOptions | string, valueName?: string): ColumnTable {
    const { label = "label", value = this.name } = typeof options === "object"
      ? options
      : { label: options, value: valueName };
    return aq.table({ [label]: [...this.labels], [value]: Array.from(this.values) });
  }

  /** Labels sorted by decreasing value (ties keep label order). */
  ranked(): string[] {
    const idx = this.labels.map((_, i) => i);
    idx.sort((a, b) => this.values[b]! - this.values[a]! || a - b);
    return idx.map((i) => this.labels[i]!);
  }
}

/** Options of the {@link Matrix} constructor and of {@link Matrix.map}. */
export interface MatrixOptions {
  /** Notes on degenerate input (default none). */
  readonly warnings?: readonly string[];
}

/** Options of {@link Matrix.toTable}: the names of the three columns of the long table. */
export interface MatrixTableOptions {
  /** Name of the row-label column (default `"row"`). */
  readonly row?: string;
  /** Name of the column-label column (default `"col"`). */
  readonly col?: string;
  /** Name of the value column (default `"value"`). */
  readonly value?: string;
}

/**
 * A labelled dense matrix, row-major `Float64Array` storage. Regions × sectors for most indicators, but
 * generic (proximity is sector × sector), so its own methods speak of rows and columns.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Matrix } from "clusterlab";
 * const m = new Matrix(["A", "B"], ["s", "t"], Float64Array.from([1, 2, 3, 4]));
 * assert.equal(m.get("B", "s"), 3);
 * assert.deepEqual(Array.from(m.rowSums()), [3, 7]);
 * assert.deepEqual(m.transpose().toArrays(), [[1, 3], [2, 4]]);
 * ```
 */
export class Matrix implements WithWarnings {
  /** Row labels (usually regions), in storage order. */
  readonly rows: readonly string[];
  /** Column labels (usually sectors), in storage order. */
  readonly cols: readonly string[];
  /**
   * The values, row-major: cell (i, j) is `data[i * ncol + j]` (a subclass may build them on first read:
   * {@link Matrix.deferred}).
   */
  readonly data: Float64Array;
  /** Notes on degenerate input; empty when nothing was found. */
  readonly warnings: readonly string[];
  #rowIndex: Map<string, number> | undefined;
  #colIndex: Map<string, number> | undefined;

  /**
   * Wrap row-major `data` of length rows × cols (used as is, not copied) with its labels; a length mismatch
   * is a `RangeError`. `warnings` are notes on degenerate input (default none).
   */
  constructor(rows: readonly string[], cols: readonly string[], data: Float64Array, options?: MatrixOptions);
  /**
   * @deprecated the 0.1 form: `data` optional (zeros) and `warnings` as the fourth argument; use
   * `new Matrix(rows, cols, data, { warnings })`.
   */
  constructor(
    rows: readonly string[],
    cols: readonly string[],
    data?: Float64Array,
    warnings?: readonly string[],
  );
  constructor(
    rows: readonly string[],
    cols: readonly string[],
    data: Float64Array = new Float64Array(rows.length * cols.length),
    options: MatrixOptions | readonly string[] = {},
  ) {
    const warnings = Array.isArray(options)
      ? options as readonly string[]
      : (options as MatrixOptions).warnings;
    if (data !== Matrix.deferred) checkLength(rows, cols, data);
    this.rows = rows;
    this.cols = cols;
    this.data = data;
    this.warnings = warnings ?? [];
    if (data === Matrix.deferred) deferData(this, () => checkLength(rows, cols, this.denseData()));
  }

  /**
   * What a subclass passes as `data` to the constructor when it builds its values only on first use: `data`
   * is then an own accessor that calls {@link Matrix.denseData} once and turns back into the plain own
   * property a `Matrix` has (so equality, cloning and every method see the same values).
   */
  protected static readonly deferred: Float64Array = new Float64Array(0);

  /** The values of a matrix constructed with {@link Matrix.deferred} (row-major, length rows × cols). */
  protected denseData(): Float64Array {
    throw new Error("Matrix.denseData: a matrix constructed with deferred data must override it");
  }

  /** Number of rows. */
  get nrow(): number {
    return this.rows.length;
  }

  /** Number of columns. */
  get ncol(): number {
    return this.cols.length;
  }

  /** Index of a row label; throws on an unknown label. */
  rowIndex(label: string): number {
    this.#rowIndex ??= new Map(this.rows.map((l, i) => [l, i]));
    const i = this.#rowIndex.get(label);
    if (i === undefined) throw new RangeError(`Unknown row "${label}"`);
    return i;
  }

  /** Index of a column label; throws on an unknown label. */
  colIndex(label: string): number {
    this.#colIndex ??= new Map(this.cols.map((l, i) => [l, i]));
    const i = this.#colIndex.get(label);
    if (i === undefined) throw new RangeError(`Unknown column "${label}"`);
    return i;
  }

  /** The value at (row label, column label). */
  get(row: string, col: string): number {
    return this.data[this.rowIndex(row) * this.ncol + this.colIndex(col)]!;
  }

  /** The value at (i, j). */
  at(i: number, j: number): number {
    return this.data[i * this.ncol + j]!;
  }

  /** Row sums x_r·. */
  rowSums(): Float64Array {
    return sums(this, "rows");
  }

  /** Column sums x_·s. */
  colSums(): Float64Array {
    return sums(this, "cols");
  }

  /** A new matrix with the same labels and `f` applied to each value, carrying `warnings` (default none). */
  map(f: (value: number, i: number, j: number) => number, options?: MatrixOptions): Matrix;
  /** @deprecated the 0.1 form `map(f, warnings)`; use `map(f, { warnings })`. */
  map(f: (value: number, i: number, j: number) => number, warnings?: readonly string[]): Matrix;
  map(
    f: (value: number, i: number, j: number) => number,
    options: MatrixOptions | readonly string[] = {},
  ): Matrix {
    const { nrow, ncol, data } = this;
    const out = new Float64Array(data.length);
    for (let i = 0; i < nrow; i++) {
      for (let j = 0; j < ncol; j++) out[i * ncol + j] = f(data[i * ncol + j]!, i, j);
    }
    const warnings = Array.isArray(options)
      ? options as readonly string[]
      : (options as MatrixOptions).warnings;
    return new Matrix(this.rows, this.cols, out, { warnings });
  }

  /** The transposed matrix (columns × rows), with the same warnings. */
  transpose(): Matrix {
    const { nrow, ncol, data } = this;
    const out = new Float64Array(data.length);
    for (let i = 0; i < nrow; i++) for (let j = 0; j < ncol; j++) out[j * nrow + i] = data[i * ncol + j]!;
    return new Matrix(this.cols, this.rows, out, { warnings: this.warnings });
  }

  /** Rows as nested arrays (for display and tests). */
  toArrays(): number[][] {
    return this.rows.map((_, i) => Array.from(this.data.subarray(i * this.ncol, (i + 1) * this.ncol)));
  }

  /** The matrix as a long table with one row per cell (columns named by the options). */
  toTable(options: MatrixTableOptions = {}): ColumnTable {
    const { row = "row", col = "col", value = "value" } = options;
    const n = this.data.length;
    const r = new Array<string>(n), c = new Array<string>(n);
    for (let k = 0; k < n; k++) {
      r[k] = this.rows[Math.floor(k / this.ncol)]!;
      c[k] = this.cols[k % this.ncol]!;
    }
    return aq.table({ [row]: r, [col]: c, [value]: Array.from(this.data) });
  }
}

/** `data` of length rows × cols, or a `RangeError`. */
function checkLength(rows: readonly string[], cols: readonly string[], data: Float64Array): Float64Array {
  const size = rows.length * cols.length;
  if (data.length !== size) {
    throw new RangeError(
      `Matrix ${rows.length} × ${cols.length} needs ${size} values, received ${data.length}`,
    );
  }
  return data;
}

/**
 * Make `m.data` an own enumerable accessor that builds the values with `build` on first read and then
 * replaces itself with a plain own property holding them (writable, enumerable, configurable: what the class
 * field is), so the matrix is afterwards indistinguishable from one constructed with its data.
 */
function deferData(m: Matrix, build: () => Float64Array): void {
  Object.defineProperty(m, "data", {
    enumerable: true,
    configurable: true,
    get(): Float64Array {
      const value = build();
      Object.defineProperty(m, "data", { value, writable: true, enumerable: true, configurable: true });
      return value;
    },
  });
}

/** Row sums (x_r·) or column sums (x_·s) of a matrix, summed in storage order. */
function sums(m: Matrix, of: "rows" | "cols"): Float64Array {
  const { nrow, ncol, data } = m;
  if (of === "cols") {
    const out = new Float64Array(ncol);
    for (let i = 0; i < nrow; i++) {
      const off = i * ncol;
      for (let j = 0; j < ncol; j++) out[j] += data[off + j]!;
    }
    return out;
  }
  const out = new Float64Array(nrow);
  for (let i = 0; i < nrow; i++) {
    let s = 0;
    const off = i * ncol;
    for (let j = 0; j < ncol; j++) s += data[off + j]!;
    out[i] = s;
  }
  return out;
}

/** A region × sector matrix: a {@link Matrix}, nested arrays (with `regions`/`sectors`), or a long table. */
export type MatrixInput = Matrix | TableInput | readonly (readonly number[])[];

/**
 * How {@link matrixFrom} (and every indicator that takes a {@link MatrixInput}) reads its input: the column
 * names of a long table, and the label orders. A long table needs no options when its columns are named
 * `region`, `sector` and `value`; nested arrays need `regions` and `sectors`.
 */
export interface MatrixInputOptions {
  /** Long table: the column of region (row) labels (default `"region"`). */
  readonly region?: string;
  /** Long table: the column of sector (column) labels (default `"sector"`). */
  readonly sector?: string;
  /** Long table: the column of values (default `"value"`). */
  readonly value?: string;
  /**
   * Long table: what a region–sector pair found on several rows means. `"error"` (default): each repeat is a
   * {@link ValidationError} naming its row and the row it repeats (and the years, when the `year` column
   * tells them apart), since a repeat is more often a forgotten filter than an intended sum. `"sum"`: the
   * values are added up, and the matrix's `warnings` count the repeats (and name the years summed across).
   * Design choice: summing is asked for, never assumed.
   */
  readonly duplicates?: "error" | "sum";
  /**
   * Long table: the column that tells observations of one pair apart (default `"year"`, used when the table
   * has it; `null` for none): repeats across its values are named in the error or the warning.
   */
  readonly year?: string | null;
  /**
   * Region (row) labels: required for nested arrays, one per inner array; for a long table, the row order,
   * listing every label found (default: the labels found, sorted).
   */
  readonly regions?: readonly string[];
  /**
   * Sector (column) labels: required for nested arrays, one per value of each inner array; for a long table,
   * the column order, listing every label found (default: the labels found, sorted).
   */
  readonly sectors?: readonly string[];
  /**
   * Long table: how a region × sector pair that no row lists is read (nested arrays have no absent cell).
   * `"zero"` (default): the cell is 0, as the peers read a long table (Datawheel's `economic-complexity`
   * fills the pivot with `fillna(0)`; the Stata and Python `ecomplexity` packages fill in zeros), and the
   * matrix's `warnings` say how many cells were filled. `"error"`: an absent pair is a
   * {@link ValidationError} naming the pairs (for data where absent means "not reported", not "none").
   */
  readonly missing?: "zero" | "error";
  /** @deprecated Use `region`: the same option under its old name (giving both is an error). */
  readonly row?: string;
  /** @deprecated Use `sector`: the same option under its old name (giving both is an error). */
  readonly col?: string;
  /** @deprecated Use `regions`: the same option under its old name (giving both is an error). */
  readonly rows?: readonly string[];
  /** @deprecated Use `sectors`: the same option under its old name (giving both is an error). */
  readonly cols?: readonly string[];
}

/** @deprecated Use {@link MatrixInputOptions} (the options of {@link matrixFrom} for long tables). */
export type LongOptions = MatrixInputOptions;
/** @deprecated Use {@link MatrixInputOptions} (the options of {@link matrixFrom} for nested arrays). */
export type NestedOptions = MatrixInputOptions;

/** {@link MatrixInputOptions} with the deprecated aliases resolved and the defaults filled in (internal). */
export interface MatrixReading {
  readonly region: string;
  readonly sector: string;
  readonly value: string;
  readonly duplicates: "error" | "sum";
  readonly year: string | null;
  readonly missing: "zero" | "error";
  readonly regions?: readonly string[];
  readonly sectors?: readonly string[];
}

const ALIASES = [["region", "row"], ["sector", "col"], ["regions", "rows"], ["sectors", "cols"]] as const;

/**
 * Resolve the deprecated aliases (an alias together with its new name is a {@link ValidationError}); internal,
 * shared with the panel reader (`panel.ts`).
 */
export function readingOf(options: MatrixInputOptions): MatrixReading {
  const issues: ValidationIssue[] = [];
  const pick = <K extends typeof ALIASES[number]>([name, alias]: K) => {
    const a = options[name], b = options[alias];
    if (a !== undefined && b !== undefined) {
      issues.push({
        column: alias,
        expected: `either "${name}" or its deprecated alias "${alias}", not both`,
        received: `${name} ${describeValue(a)} and ${alias} ${describeValue(b)}`,
      });
    }
    return a ?? b;
  };
  const [region, sector, regions, sectors] = ALIASES.map(pick);
  const duplicates = options.duplicates ?? "error";
  if (duplicates !== "error" && duplicates !== "sum") {
    issues.push({
      column: "duplicates",
      expected: 'one of "error", "sum"',
      received: describeValue(duplicates),
    });
  }
  const missing = options.missing ?? "zero";
  if (missing !== "zero" && missing !== "error") {
    issues.push({ column: "missing", expected: '"zero" or "error"', received: describeValue(missing) });
  }
  if (issues.length) throw new ValidationError("options of matrixFrom", issues);
  return {
    region: (region as string | undefined) ?? "region",
    sector: (sector as string | undefined) ?? "sector",
    value: options.value ?? "value",
    duplicates,
    year: options.year === undefined ? "year" : options.year,
    missing,
    regions: regions as readonly string[] | undefined,
    sectors: sectors as readonly string[] | undefined,
  };
}

/** Does `input` hold nested arrays? An empty array does unless a long-table column is named. */
function isNested(input: unknown, options: MatrixInputOptions): input is readonly (readonly number[])[] {
  if (!Array.isArray(input)) return false;
  if (input.length > 0) return Array.isArray(input[0]);
  return ["region", "sector", "value", "row", "col"].every((k) =>
    options[k as keyof MatrixInputOptions] === undefined
  );
}

function compareLabels(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Build a labelled region × sector matrix from a long table (arquero table, array of objects or danfojs
 * DataFrame; columns `region`, `sector`, `value` unless the options name others; a (region, sector) pair on
 * several rows is an error unless `duplicates: "sum"` asks for the sum) or from nested arrays with `regions`/`sectors` labels (`input[i][j]` is the value of
 * region `regions[i]` and sector `sectors[j]`). Values must be finite numbers; labels are text (numbers are
 * turned into their decimal text). A missing column, a bad value, a label outside `regions`/`sectors`, a
 * wrong number of rows or values or a repeated label is a {@link ValidationError}.
 *
 * Missing is not zero unless you say so: a region × sector pair that no row of a long table lists is 0 by
 * default (`missing: "zero"`, as the peers read long tables), and the matrix's `warnings` then count the
 * cells filled in; with `missing: "error"` an absent pair is a {@link ValidationError} naming the pairs. An
 * empty cell of a row that is listed is never 0: it is a bad value (above).
 *
 * The options `row`, `col`, `rows`, `cols` of earlier versions still work as deprecated aliases of `region`,
 * `sector`, `regions`, `sectors`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { matrixFrom } from "clusterlab";
 * const rows = [
 *   { region: "R1", sector: "I1", value: 3 },
 *   { region: "R1", sector: "I1", value: 2 },
 *   { region: "R2", sector: "I2", value: 1 },
 * ];
 * assert.throws(() => matrixFrom(rows), /row 2, column "region \+ sector": .*a repeat of row 1/);
 * const long = matrixFrom(rows, { duplicates: "sum" }); // repeated pairs summed when asked
 * assert.equal(long.get("R1", "I1"), 5);
 * assert.deepEqual(long.toArrays(), [[5, 0], [0, 1]]); // (R1, I2) and (R2, I1) are absent: zero-filled
 * assert.deepEqual(long.warnings, [
 *   '1 repeated region–sector pair(s) summed (duplicates: "sum"), first "R1" × "I1" (rows 1 and 2)',
 *   '2 of 4 region × sector cells are absent from the input and set to 0: ("R1", "I2"), ("R2", "I1") (missing: "error" makes them an error)',
 * ]);
 * assert.throws(
 *   () => matrixFrom([{ region: "R1", sector: "I1", value: 3 }, { region: "R2", sector: "I2", value: 1 }], { missing: "error" }),
 *   /2 region × sector pairs absent/,
 * );
 * const nested = matrixFrom([[5, 0], [0, 1]], { regions: ["R1", "R2"], sectors: ["I1", "I2"] });
 * assert.deepEqual(nested.toArrays(), long.toArrays());
 * const named = matrixFrom([{ economy: "CN", field: "f1", patents: 7 }], { region: "economy", sector: "field", value: "patents" });
 * assert.equal(named.get("CN", "f1"), 7);
 * ```
 */
export function matrixFrom(
  input: TableInput | readonly (readonly number[])[],
  options: MatrixInputOptions = {},
): Matrix {
  const reading = readingOf(options);
  return isNested(input, options) ? fromNested(input, reading) : fromLong(input as TableInput, reading);
}

function fromNested(arrays: readonly (readonly number[])[], reading: MatrixReading): Matrix {
  const { regions: rows, sectors: cols } = reading;
  if (!rows || !cols) {
    throw new ValidationError("matrix input", [{
      column: "regions/sectors",
      expected: "region and sector labels (options.regions, options.sectors) for nested arrays",
      received: "none",
    }]);
  }
  const issues: ValidationIssue[] = [];
  if (arrays.length !== rows.length) {
    issues.push({
      column: "regions",
      expected: `${rows.length} rows (one per label)`,
      received: `${arrays.length} rows`,
    });
  }
  checkMatrixSize(rows.length, cols.length);
  const data = new Float64Array(rows.length * cols.length);
  arrays.forEach((r, i) => {
    if (r.length !== cols.length) {
      issues.push({
        row: i + 1,
        column: "(all)",
        expected: `${cols.length} values`,
        received: `${r.length} values`,
      });
      return;
    }
    r.forEach((v, j) => {
      if (typeof v !== "number" || !Number.isFinite(v)) {
        issues.push({
          row: i + 1,
          column: cols[j]!,
          expected: "a finite number",
          received: describeValue(v),
        });
      } else data[i * cols.length + j] = v;
    });
  });
  if (new Set(rows).size !== rows.length) {
    issues.push({ column: "regions", expected: "unique region labels", received: "duplicates" });
  }
  if (new Set(cols).size !== cols.length) {
    issues.push({ column: "sectors", expected: "unique sector labels", received: "duplicates" });
  }
  if (issues.length) throw new ValidationError("matrix", issues);
  return new Matrix([...rows], [...cols], data);
}

/** The label and value columns of a long table, as read by {@link readLong}: labels interned as codes. */
export interface LongCells {
  /** Region of each row: an index into `regionLabels`. */
  readonly regionCode: Int32Array;
  /** The distinct region labels (text), in order of first appearance. */
  readonly regionLabels: readonly string[];
  /** Sector of each row: an index into `sectorLabels`. */
  readonly sectorCode: Int32Array;
  /** The distinct sector labels (text), in order of first appearance. */
  readonly sectorLabels: readonly string[];
  /** Value of each row (finite). */
  readonly vals: Float64Array;
  /** The `year` column's value of each row (row index, 0-based), when the table has that column. */
  readonly year?: (row: number) => unknown;
}

/** Codes of labels, in order of first appearance (the last label is remembered: long tables come in runs). */
class Interner {
  readonly labels: string[] = [];
  readonly #index = new Map<string, number>();
  #last: string | undefined;
  #lastCode = -1;
  code(label: string): number {
    if (label === this.#last) return this.#lastCode;
    let k = this.#index.get(label);
    if (k === undefined) {
      k = this.labels.length;
      this.#index.set(label, k);
      this.labels.push(label);
    }
    this.#last = label;
    this.#lastCode = k;
    return k;
  }
}

const isLabel = (x: unknown) => typeof x === "string" || (typeof x === "number" && Number.isFinite(x));

/** The label and value columns of a long table, read and checked cell by cell (internal: shared with `panel.ts`). */
export function readLong(table: ColumnTable, reading: MatrixReading): LongCells {
  const { region, sector, value } = reading;
  const issues = missingColumns(table.columnNames(), [region, sector, value]);
  if (issues.length) throw new ValidationError("matrix input", issues);
  const n = table.numRows();
  const gr = table.getter(region), gc = table.getter(sector), gv = table.getter(value);
  const regions = new Interner(), sectors = new Interner();
  const regionCode = new Int32Array(n), sectorCode = new Int32Array(n), vals = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = gr(i), c = gc(i), v = gv(i);
    if (!isLabel(r)) {
      issues.push({ row: i + 1, column: region, expected: "a label (text)", received: describeValue(r) });
    }
    if (!isLabel(c)) {
      issues.push({ row: i + 1, column: sector, expected: "a label (text)", received: describeValue(c) });
    }
    if (typeof v !== "number" || !Number.isFinite(v)) {
      issues.push({ row: i + 1, column: value, expected: "a finite number", received: describeValue(v) });
    }
    regionCode[i] = regions.code(typeof r === "string" ? r : String(r));
    sectorCode[i] = sectors.code(typeof c === "string" ? c : String(c));
    vals[i] = v as number;
  }
  if (issues.length) throw new ValidationError("matrix input", issues);
  const year = reading.year !== null && table.columnNames().includes(reading.year)
    ? table.getter(reading.year)
    : undefined;
  return { regionCode, regionLabels: regions.labels, sectorCode, sectorLabels: sectors.labels, vals, year };
}

function fromLong(input: TableInput, reading: MatrixReading): Matrix {
  return matrixOfCells(readLong(toTable(input), reading), reading);
}

/**
 * The labels of a matrix side and each code's index among them (−1: a label not listed in `listed`): the
 * labels found among the rows, sorted, unless the options list them.
 */
function sideOf(
  codes: Int32Array,
  labels: readonly string[],
  listed: readonly string[] | undefined,
  rows: ArrayLike<number> | undefined,
  n: number,
) {
  const index = new Int32Array(labels.length).fill(-1);
  if (listed) {
    const pos = new Map(listed.map((l, i) => [l, i]));
    labels.forEach((l, k) => (index[k] = pos.get(l) ?? -1));
    return { labels: [...listed], index };
  }
  const seen = new Uint8Array(labels.length);
  for (let q = 0; q < n; q++) seen[codes[rows ? rows[q]! : q]!] = 1;
  const found = labels.map((l, k) => ({ l, k })).filter(({ k }) => seen[k]).sort((a, b) =>
    compareLabels(a.l, b.l)
  );
  found.forEach(({ k }, i) => (index[k] = i));
  return { labels: found.map(({ l }) => l), index };
}

/**
 * The matrix of long-table cells (repeated pairs summed; labels sorted unless `reading` lists them), over the
 * rows listed in `subset` (row numbers, ascending; default all rows). Internal: shared with `panel.ts`, which
 * builds one matrix per year from a single reading of the table.
 */
export function matrixOfCells(cells: LongCells, reading: MatrixReading, subset?: ArrayLike<number>): Matrix {
  const { regionCode, sectorCode, vals } = cells;
  const n = subset ? subset.length : vals.length;
  const rows = sideOf(regionCode, cells.regionLabels, reading.regions, subset, n);
  const cols = sideOf(sectorCode, cells.sectorLabels, reading.sectors, subset, n);
  const nc = cols.labels.length;
  checkMatrixSize(rows.labels.length, nc);
  const data = new Float64Array(rows.labels.length * nc);
  const listed = new Uint8Array(data.length);
  const issues: ValidationIssue[] = [];
  const repeated: number[] = []; // rows (0-based) whose cell already had a value
  for (let q = 0; q < n; q++) {
    const k = subset ? subset[q]! : q;
    const i = rows.index[regionCode[k]!]!, j = cols.index[sectorCode[k]!]!;
    if (i < 0 || j < 0) {
      issues.push({
        row: k + 1,
        column: i < 0 ? reading.region : reading.sector,
        expected: "a label listed in the regions/sectors option",
        received: describeValue(
          i < 0 ? cells.regionLabels[regionCode[k]!] : cells.sectorLabels[sectorCode[k]!],
        ),
      });
      continue;
    }
    const cell = i * nc + j;
    if (listed[cell]) repeated.push(k);
    else listed[cell] = 1;
    data[cell] += vals[k]!;
  }
  if (issues.length) throw new ValidationError("matrix input", issues);
  const warnings = repeated.length ? duplicateReport(cells, reading, firstRows(cells, repeated)) : [];
  warnings.push(...absentCells(rows.labels, cols.labels, listed, reading));
  return new Matrix(rows.labels, cols.labels, data, { warnings });
}

/** The absent-cell warning (none or one) of a long table, or the {@link ValidationError} of `missing: "error"`. */
function absentCells(
  rows: readonly string[],
  cols: readonly string[],
  listed: Uint8Array,
  reading: MatrixReading,
): string[] {
  const ncol = cols.length;
  let absent = 0;
  const first: string[] = [];
  for (let k = 0; k < listed.length; k++) {
    if (listed[k]) continue;
    absent++;
    if (first.length < 5) {
      first.push(`(${JSON.stringify(rows[Math.floor(k / ncol)])}, ${JSON.stringify(cols[k % ncol])})`);
    }
  }
  if (absent === 0) return [];
  const pairs = first.join(", ") + (absent > first.length ? ` and ${absent - first.length} more` : "");
  if (reading.missing === "error") {
    throw new ValidationError("matrix input", [{
      column: `${reading.region} × ${reading.sector}`,
      expected: 'a row for every region × sector pair (missing: "error")',
      received: `${absent} region × sector pair${absent === 1 ? "" : "s"} absent: ${pairs}`,
      message: 'add the rows with value 0, or pass missing: "zero" to read absent pairs as 0',
    }]);
  }
  return [`${absentNote(absent, listed.length)}: ${pairs} (missing: "error" makes them an error)`];
}

/**
 * The words of the warning on zero-filled cells, shared by {@link matrixFrom} and `scanLong`: "`absent` of
 * `size` region × sector cells`what` are absent from the input and set to 0".
 */
export function absentNote(absent: number, size: number, what = ""): string {
  return `${absent} of ${size} region × sector cells${what} are absent from the input and set to 0`;
}

/** Refuse a matrix too large for memory before allocating it (a long table of 10⁵ × 10⁵ labels). */
function checkMatrixSize(nrow: number, ncol: number): void {
  checkSize("matrix input", "regions × sectors", {
    what: `${nrow} regions × ${ncol} sectors`,
    values: nrow * ncol * 1.125,
    hint: "aggregate the labels (e.g. 2-digit codes), or use scanLong and sparse indicators for large inputs",
  });
}

/** Pair each repeated row (the first 51) with the row of the pair's first value. */
function firstRows(cells: LongCells, repeated: readonly number[]): [number, number][] {
  const { regionCode: rc, sectorCode: sc } = cells, ns = cells.sectorLabels.length;
  const wanted = repeated.slice(0, 51);
  const keys = new Set(wanted.map((k) => rc[k]! * ns + sc[k]!));
  const first = new Map<number, number>();
  for (let k = 0; k < rc.length && first.size < keys.size; k++) {
    const key = rc[k]! * ns + sc[k]!;
    if (keys.has(key) && !first.has(key)) first.set(key, k);
  }
  const pairs = wanted.map((k): [number, number] => [k, first.get(rc[k]! * ns + sc[k]!)!]);
  // the total count of repeats is kept by padding with the rows not paired (only their number is reported)
  for (let k = wanted.length; k < repeated.length; k++) pairs.push([repeated[k]!, -1]);
  return pairs;
}

/**
 * Repeated region–sector pairs: the {@link ValidationError} of `duplicates: "error"`, or the warnings of
 * `duplicates: "sum"` (how many were summed, and across which years when the `year` column tells them apart).
 */
function duplicateReport(
  cells: LongCells,
  reading: MatrixReading,
  repeats: readonly [number, number][],
): string[] {
  const regionOf = (k: number) => cells.regionLabels[cells.regionCode[k]!];
  const sectorOf = (k: number) => cells.sectorLabels[cells.sectorCode[k]!];
  const yearCol = cells.year === undefined ? undefined : reading.year!;
  const year = cells.year;
  const paired = repeats.filter(([, f]) => f >= 0); // the first 51 repeats, with the rows they repeat
  const acrossYears = year !== undefined && paired.some(([k, f]) => year(k) !== year(f));
  if (reading.duplicates === "error") {
    const issues: ValidationIssue[] = paired.slice(0, 50).map(([k, f]) => ({
      row: k + 1,
      column: `${reading.region} + ${reading.sector}`,
      expected: 'a region–sector pair used once (or duplicates: "sum" to add the repeats up)',
      received: `${describeValue(regionOf(k))} × ${describeValue(sectorOf(k))}, a repeat of row ${f + 1}`,
      ...(year !== undefined && year(k) !== year(f)
        ? {
          message: `${yearCol} ${describeValue(year(k))} vs ${
            describeValue(year(f))
          }: filter one ${yearCol} first`,
        }
        : {}),
    }));
    if (repeats.length > 50) {
      issues.push({
        column: `${reading.region} + ${reading.sector}`,
        expected: "pairs used once",
        received: `${repeats.length} repeats in all`,
      });
    }
    throw new ValidationError("matrix input", issues);
  }
  const [k, f] = repeats[0]!;
  const warnings = [
    `${repeats.length} repeated region–sector pair(s) summed (duplicates: "sum"), first ${
      describeValue(regionOf(k))
    } × ${describeValue(sectorOf(k))} (rows ${f + 1} and ${k + 1})`,
  ];
  if (acrossYears) {
    const years = [...new Set(paired.flatMap(([k, f]) => [String(year!(k)), String(year!(f))]))].sort();
    warnings.push(
      `the sum adds up rows of different ${yearCol} values (${years.length}: ${years[0]}–${
        years.at(-1)
      }): the matrix is a total over ${yearCol}s, not one ${yearCol}`,
    );
  }
  return warnings;
}
