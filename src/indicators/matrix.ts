/**
 * Labelled matrices and series: the region × sector matrix every indicator works on, stored row-major in a
 * `Float64Array`, and per-row or per-column results as a {@link Series}.
 * @module
 */
import * as aq from "arquero";
import type { ColumnTable } from "arquero";
import { type TableInput, toTable } from "../data/adapters.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../data/validation_error.ts";

/** A result with notes on degenerate input (all-zero rows, disconnected graphs, …). */
export interface WithWarnings {
  /** What was found in the input that the caller should know; empty when nothing. */
  readonly warnings: readonly string[];
}

/** A labelled vector: one value per region or per sector. */
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
  constructor(
    labels: readonly string[],
    values: Float64Array,
    name = "value",
    warnings: readonly string[] = [],
  ) {
    if (labels.length !== values.length) {
      throw new RangeError(
        `Series needs one value per label: ${labels.length} labels, ${values.length} values`,
      );
    }
    this.labels = labels;
    this.values = values;
    this.name = name;
    this.warnings = warnings;
  }

  /** The value for `label`; throws on an unknown label. */
  get(label: string): number {
    this.#index ??= new Map(this.labels.map((l, i) => [l, i]));
    const i = this.#index.get(label);
    if (i === undefined) throw new RangeError(`Unknown label "${label}" in series "${this.name}"`);
    return this.values[i]!;
  }

  /** The series as a table with columns `label` (or `labelName`) and the series name. */
  toTable(labelName = "label", valueName: string = this.name): ColumnTable {
    return aq.table({ [labelName]: [...this.labels], [valueName]: Array.from(this.values) });
  }

  /** Labels sorted by decreasing value (ties keep label order). */
  ranked(): string[] {
    const idx = this.labels.map((_, i) => i);
    idx.sort((a, b) => this.values[b]! - this.values[a]! || a - b);
    return idx.map((i) => this.labels[i]!);
  }
}

/** A labelled dense matrix, row-major `Float64Array` storage. */
export class Matrix implements WithWarnings {
  /** Row labels (usually regions), in storage order. */
  readonly rows: readonly string[];
  /** Column labels (usually sectors), in storage order. */
  readonly cols: readonly string[];
  /** The values, row-major: cell (i, j) is `data[i * ncol + j]`. */
  readonly data: Float64Array;
  /** Notes on degenerate input; empty when nothing was found. */
  readonly warnings: readonly string[];
  #rowIndex: Map<string, number> | undefined;
  #colIndex: Map<string, number> | undefined;

  /**
   * Wrap row-major `data` of length rows × cols (used as is, not copied; default all zeros) with its labels;
   * a length mismatch is a `RangeError`. `warnings` are notes on degenerate input (default none).
   */
  constructor(
    rows: readonly string[],
    cols: readonly string[],
    data?: Float64Array,
    warnings: readonly string[] = [],
  ) {
    const size = rows.length * cols.length;
    if (data && data.length !== size) {
      throw new RangeError(
        `Matrix ${rows.length} × ${cols.length} needs ${size} values, received ${data.length}`,
      );
    }
    this.rows = rows;
    this.cols = cols;
    this.data = data ?? new Float64Array(size);
    this.warnings = warnings;
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
    const { nrow, ncol, data } = this;
    const out = new Float64Array(nrow);
    for (let i = 0; i < nrow; i++) {
      let s = 0;
      const off = i * ncol;
      for (let j = 0; j < ncol; j++) s += data[off + j]!;
      out[i] = s;
    }
    return out;
  }

  /** Column sums x_·s. */
  colSums(): Float64Array {
    const { nrow, ncol, data } = this;
    const out = new Float64Array(ncol);
    for (let i = 0; i < nrow; i++) {
      const off = i * ncol;
      for (let j = 0; j < ncol; j++) out[j] += data[off + j]!;
    }
    return out;
  }

  /** A new matrix with the same labels and `f` applied to each value. */
  map(f: (value: number, i: number, j: number) => number, warnings: readonly string[] = []): Matrix {
    const { nrow, ncol, data } = this;
    const out = new Float64Array(data.length);
    for (let i = 0; i < nrow; i++) {
      for (let j = 0; j < ncol; j++) out[i * ncol + j] = f(data[i * ncol + j]!, i, j);
    }
    return new Matrix(this.rows, this.cols, out, warnings);
  }

  /** The transposed matrix (sectors × regions). */
  transpose(): Matrix {
    const { nrow, ncol, data } = this;
    const out = new Float64Array(data.length);
    for (let i = 0; i < nrow; i++) for (let j = 0; j < ncol; j++) out[j * nrow + i] = data[i * ncol + j]!;
    return new Matrix(this.cols, this.rows, out, this.warnings);
  }

  /** Rows as nested arrays (for display and tests). */
  toArrays(): number[][] {
    return this.rows.map((_, i) => Array.from(this.data.subarray(i * this.ncol, (i + 1) * this.ncol)));
  }

  /** The matrix as a long table with one row per cell: `row`, `col`, `value` column names are options. */
  toTable(names: { row?: string; col?: string; value?: string } = {}): ColumnTable {
    const { row = "row", col = "col", value = "value" } = names;
    const n = this.data.length;
    const r = new Array<string>(n), c = new Array<string>(n);
    for (let i = 0; i < this.nrow; i++) {
      for (let j = 0; j < this.ncol; j++) {
        r[i * this.ncol + j] = this.rows[i]!;
        c[i * this.ncol + j] = this.cols[j]!;
      }
    }
    return aq.table({ [row]: r, [col]: c, [value]: Array.from(this.data) });
  }
}

/** Options of {@link matrixFrom} for long tables. */
export interface LongOptions {
  /** Column holding the row label (region). */
  readonly row: string;
  /** Column holding the column label (sector). */
  readonly col: string;
  /** Column holding the value. */
  readonly value: string;
  /** Row labels in this order (default: sorted labels found in the data). */
  readonly rows?: readonly string[];
  /** Column labels in this order (default: sorted labels found in the data). */
  readonly cols?: readonly string[];
}

/** Options of {@link matrixFrom} for nested arrays. */
export interface NestedOptions {
  /** Row labels, one per inner array (unique). */
  readonly rows: readonly string[];
  /** Column labels, one per value of each inner array (unique). */
  readonly cols: readonly string[];
}

function compareLabels(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Build a labelled region × sector matrix from a long table (arquero table, array of objects or danfojs
 * DataFrame; duplicate (row, col) pairs are summed) or from nested arrays with `rows`/`cols` labels.
 * Values must be finite numbers; labels are text (numbers are turned into their decimal text).
 *
 * @example
 * ```ts
 * import { matrixFrom } from "clusterlab";
 * const m = matrixFrom([{ region: "R1", sector: "I1", value: 3 }], { row: "region", col: "sector", value: "value" });
 * m.get("R1", "I1"); // 3
 * ```
 */
export function matrixFrom(input: TableInput, options: LongOptions): Matrix;
/**
 * Build a matrix from nested arrays: `input[i][j]` is the value of row `rows[i]` and column `cols[j]`. A
 * wrong number of rows or values, a non-finite value or a repeated label is a {@link ValidationError}.
 */
export function matrixFrom(input: readonly (readonly number[])[], options: NestedOptions): Matrix;
export function matrixFrom(
  input: TableInput | readonly (readonly number[])[],
  options: LongOptions | NestedOptions,
): Matrix {
  if ("value" in options) return fromLong(input as TableInput, options);
  return fromNested(input as readonly (readonly number[])[], options);
}

function fromNested(arrays: readonly (readonly number[])[], { rows, cols }: NestedOptions): Matrix {
  const issues: ValidationIssue[] = [];
  if (arrays.length !== rows.length) {
    issues.push({
      column: "rows",
      expected: `${rows.length} rows (one per label)`,
      received: `${arrays.length} rows`,
    });
  }
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
    issues.push({ column: "rows", expected: "unique row labels", received: "duplicates" });
  }
  if (new Set(cols).size !== cols.length) {
    issues.push({ column: "cols", expected: "unique column labels", received: "duplicates" });
  }
  if (issues.length) throw new ValidationError("matrix", issues);
  return new Matrix([...rows], [...cols], data);
}

function fromLong(input: TableInput, options: LongOptions): Matrix {
  const table = toTable(input);
  const names = new Set(table.columnNames());
  const issues: ValidationIssue[] = [];
  for (const c of [options.row, options.col, options.value]) {
    if (!names.has(c)) {
      issues.push({ column: c, expected: `a column "${c}"`, received: `columns ${[...names].join(", ")}` });
    }
  }
  if (issues.length) throw new ValidationError("matrix input", issues);
  const n = table.numRows();
  const gr = table.getter(options.row), gc = table.getter(options.col), gv = table.getter(options.value);
  const rl = new Array<string>(n), cl = new Array<string>(n), vals = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = gr(i), c = gc(i), v = gv(i);
    for (const [name, x] of [[options.row, r], [options.col, c]] as const) {
      if (typeof x !== "string" && !(typeof x === "number" && Number.isFinite(x))) {
        issues.push({ row: i + 1, column: name, expected: "a label (text)", received: describeValue(x) });
      }
    }
    if (typeof v !== "number" || !Number.isFinite(v)) {
      issues.push({
        row: i + 1,
        column: options.value,
        expected: "a finite number",
        received: describeValue(v),
      });
    }
    rl[i] = String(r);
    cl[i] = String(c);
    vals[i] = v as number;
  }
  if (issues.length) throw new ValidationError("matrix input", issues);
  const rows = options.rows ? [...options.rows] : [...new Set(rl)].sort(compareLabels);
  const cols = options.cols ? [...options.cols] : [...new Set(cl)].sort(compareLabels);
  const ri = new Map(rows.map((l, i) => [l, i])), ci = new Map(cols.map((l, i) => [l, i]));
  const data = new Float64Array(rows.length * cols.length);
  for (let k = 0; k < n; k++) {
    const i = ri.get(rl[k]!), j = ci.get(cl[k]!);
    if (i === undefined || j === undefined) {
      issues.push({
        row: k + 1,
        column: i === undefined ? options.row : options.col,
        expected: "a label listed in the rows/cols option",
        received: describeValue(i === undefined ? rl[k] : cl[k]),
      });
      continue;
    }
    data[i * cols.length + j] += vals[k]!;
  }
  if (issues.length) throw new ValidationError("matrix input", issues);
  return new Matrix(rows, cols, data);
}
