/**
 * Shared input handling of the complexity family: turn "a `Matrix` or anything `matrixFrom` accepts" into a
 * {@link Matrix}, check option values, and validate binary presence matrices. Internal helpers (not
 * re-exported from the barrel) except the {@link MatrixInput} and {@link MatrixInputOptions} types.
 * @module
 */
import type { TableInput } from "../data/adapters.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../data/validation_error.ts";
import { type LongOptions, Matrix, matrixFrom } from "./matrix.ts";
import type { SparseBinaryMatrix } from "./sparse.ts";

/** A region × sector matrix: a {@link Matrix}, nested arrays (with `rows`/`cols`), or a long table. */
export type MatrixInput = Matrix | TableInput | readonly (readonly number[])[];

/** How to read a non-`Matrix` input: `row`/`col`/`value` column names of a long table (defaults
 * `region`, `sector`, `value`), or `rows`/`cols` labels for nested arrays. */
export interface MatrixInputOptions {
  /** Long table: the column of row (region) labels (default `"region"`). */
  readonly row?: string;
  /** Long table: the column of column (sector) labels (default `"sector"`). */
  readonly col?: string;
  /** Long table: the column of values (default `"value"`; repeated region–sector pairs are summed). */
  readonly value?: string;
  /** Row labels: required for nested arrays; for a long table, the row order, listing every label found
   * (default: the labels found, sorted). */
  readonly rows?: readonly string[];
  /** Column labels: required for nested arrays; for a long table, the column order, listing every label
   * found (default: the labels found, sorted). */
  readonly cols?: readonly string[];
}

/** Turn any {@link MatrixInput} into a {@link Matrix} (a `Matrix` is returned unchanged). */
export function asMatrix(input: MatrixInput, options: MatrixInputOptions = {}): Matrix {
  if (input instanceof Matrix) return input;
  if (Array.isArray(input) && (input.length === 0 || Array.isArray(input[0]))) {
    if (!options.rows || !options.cols) {
      throw new ValidationError("matrix input", [{
        column: "rows/cols",
        expected: "row and column labels (options.rows, options.cols) for nested arrays",
        received: "none",
      }]);
    }
    return matrixFrom(input as readonly (readonly number[])[], { rows: options.rows, cols: options.cols });
  }
  const long: LongOptions = {
    row: options.row ?? "region",
    col: options.col ?? "sector",
    value: options.value ?? "value",
    ...(options.rows ? { rows: options.rows } : {}),
    ...(options.cols ? { cols: options.cols } : {}),
  };
  return matrixFrom(input as TableInput, long);
}

/**
 * Throw a {@link ValidationError} unless every value of `m` is finite and ≥ 0 (counts, exports), naming each
 * offending cell by region (row) and sector (column); the first `limit` cells are collected.
 */
export function checkNonNegative(
  m: Matrix,
  subject: string,
  expected = "a finite number ≥ 0",
  limit = 50,
): void {
  const issues: ValidationIssue[] = [];
  const { data, ncol } = m;
  for (let k = 0; k < data.length; k++) {
    const v = data[k]!;
    if (!(v >= 0 && v < Infinity)) {
      issues.push({
        row: Math.floor(k / ncol) + 1,
        column: m.cols[k % ncol]!,
        expected,
        received: describeValue(v),
        message: `region "${m.rows[Math.floor(k / ncol)]}"`,
      });
      if (issues.length >= limit) break;
    }
  }
  if (issues.length) throw new ValidationError(subject, issues);
}

/** Throw a {@link ValidationError} unless every value of `m` is 0 or 1. */
export function checkBinary(m: Matrix, subject: string): void {
  const issues: ValidationIssue[] = [];
  const { data, ncol } = m;
  for (let k = 0; k < data.length && issues.length < 50; k++) {
    const v = data[k]!;
    if (v !== 0 && v !== 1) {
      issues.push({
        row: Math.floor(k / ncol) + 1,
        column: m.cols[k % ncol]!,
        expected: "0 or 1 (a presence matrix; use presence() on counts)",
        received: describeValue(v),
        message: `region "${m.rows[Math.floor(k / ncol)]}"`,
      });
    }
  }
  if (issues.length) throw new ValidationError(subject, issues);
}

/** Throw a {@link ValidationError} unless `value` is one of `allowed`. */
export function checkChoice<T extends string | number | boolean>(
  subject: string,
  name: string,
  value: unknown,
  allowed: readonly T[],
): asserts value is T {
  if (!allowed.includes(value as T)) {
    throw new ValidationError(subject, [{
      column: name,
      expected: `one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`,
      received: describeValue(value),
    }]);
  }
}

/** Throw a {@link ValidationError} unless `value` is a finite number in [min, max] (integer if asked). */
export function checkNumber(
  subject: string,
  name: string,
  value: unknown,
  { min = -Infinity, max = Infinity, integer = false }: { min?: number; max?: number; integer?: boolean } =
    {},
): asserts value is number {
  if (
    typeof value !== "number" || !Number.isFinite(value) || value < min || value > max ||
    (integer && !Number.isInteger(value))
  ) {
    const range = `${integer ? "an integer" : "a finite number"}${min > -Infinity ? ` ≥ ${min}` : ""}${
      max < Infinity ? ` ≤ ${max}` : ""
    }`;
    throw new ValidationError(subject, [{ column: name, expected: range, received: describeValue(value) }]);
  }
}

/** Format up to `limit` labels for a warning ("a, b, c and 4 more"). */
export function listLabels(labels: readonly string[], limit = 8): string {
  const shown = labels.slice(0, limit).map((l) => `"${l}"`).join(", ");
  return labels.length > limit ? `${shown} and ${labels.length - limit} more` : shown;
}

/**
 * The warning (none or one) naming the rows with diversity 0 or the columns with ubiquity 0 of a presence
 * matrix, given its row or column counts.
 */
export function noPresenceWarnings(
  labels: readonly string[],
  counts: Float64Array,
  side: "rows" | "cols",
): string[] {
  const zero = labels.filter((_, i) => counts[i] === 0);
  if (!zero.length) return [];
  const what = side === "rows"
    ? "row(s) with no presence (diversity 0)"
    : "column(s) with no presence (ubiquity 0)";
  return [`${zero.length} ${what}: ${listLabels(zero)}`];
}

/**
 * Re-order a sector × sector matrix to the column order of `sp` (labels must match as sets); returns the
 * row-major data.
 */
export function alignSquare(phi: Matrix, cols: readonly string[], subject: string): Float64Array {
  const n = cols.length;
  const same = phi.nrow === n && phi.ncol === n && phi.rows.every((l, i) => l === cols[i]) &&
    phi.cols.every((l, i) => l === cols[i]);
  if (same) return phi.data;
  if (phi.nrow !== n || phi.ncol !== n) {
    throw new ValidationError(subject, [{
      column: "phi",
      expected: `a ${n} × ${n} sector × sector matrix (the columns of M)`,
      received: `${phi.nrow} × ${phi.ncol}`,
    }]);
  }
  const out = new Float64Array(n * n);
  const missing = cols.filter((l) => !phi.rows.includes(l) || !phi.cols.includes(l));
  if (missing.length) {
    throw new ValidationError(subject, [{
      column: "phi",
      expected: "rows and columns labelled with the sectors of M",
      received: `missing ${missing.slice(0, 5).join(", ")}`,
    }]);
  }
  const ri = cols.map((l) => phi.rowIndex(l)), ci = cols.map((l) => phi.colIndex(l));
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) out[a * n + b] = phi.data[ri[a]! * n + ci[b]!]!;
  return out;
}

/**
 * out_rs = scale · Σ_j M_rj φ_js / Σ_j φ_js, sparse in M (O(nnz · n)). Columns of φ that sum to 0 give 0
 * (reported in the warnings).
 */
export function weightedDensity(
  sp: SparseBinaryMatrix,
  phi: Float64Array,
  scale: number,
  warnings: string[],
): Float64Array {
  const n = sp.ncol;
  const out = sp.mulDense(phi, n);
  const cs = new Float64Array(n);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) cs[b]! += phi[a * n + b]!;
  const zero: string[] = [];
  for (let b = 0; b < n; b++) if (cs[b] === 0) zero.push(sp.cols[b]!);
  for (let i = 0; i < sp.nrow; i++) {
    const off = i * n;
    for (let b = 0; b < n; b++) out[off + b] = cs[b] === 0 ? 0 : out[off + b]! * scale / cs[b]!;
  }
  if (zero.length) {
    warnings.push(
      `${zero.length} sector(s) related to no other sector (Σ φ = 0): density 0/0 set to 0 for ${
        listLabels(zero)
      }`,
    );
  }
  return out;
}
