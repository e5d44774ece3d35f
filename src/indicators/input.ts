/**
 * Matrix-specific input handling of the indicators (internal: not re-exported): turn "a `Matrix` or anything
 * `matrixFrom` accepts" into a {@link Matrix}, check its cells (counts, presence), align a sector × sector
 * matrix with the sectors of a presence matrix, and the density product they share. The generic checks are
 * in `src/core/checks.ts`.
 * @module
 */
import { listLabels } from "../core/checks.ts";
import type { WorkersOption } from "../core/parallel.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../core/validation_error.ts";
import { Matrix, matrixFrom, type MatrixInput, type MatrixInputOptions } from "./matrix.ts";
import type { SparseBinaryMatrix } from "./sparse.ts";

/** Turn any {@link MatrixInput} into a {@link Matrix} (a `Matrix` is returned unchanged). */
export function asMatrix(input: MatrixInput, options: MatrixInputOptions = {}): Matrix {
  return input instanceof Matrix ? input : matrixFrom(input, options);
}

/**
 * The warnings of reading `input` into `m` (cells of a long table zero-filled by `matrixFrom`), which an
 * indicator that read the table itself passes on in its own result; none when `input` was already a
 * {@link Matrix} (its warnings are the caller's).
 */
export function readingWarnings(input: unknown, m: Matrix): readonly string[] {
  return input instanceof Matrix ? [] : m.warnings;
}

/** What {@link checkCells} accepts and how it reports the others. */
export interface CellRule {
  /** Is the value acceptable? */
  readonly ok: (v: number) => boolean;
  /** What was expected, in words ("a finite number ≥ 0"). */
  readonly expected: string;
  /** How many offending cells to collect at most (default 50). */
  readonly limit?: number;
}

/**
 * Throw a {@link ValidationError} unless every value of `m` passes `rule.ok`, naming each offending cell by
 * region (row) and sector (column); the first `rule.limit` cells are collected.
 */
export function checkCells(m: Matrix, subject: string, rule: CellRule): void {
  const issues: ValidationIssue[] = [];
  const { data, ncol } = m;
  const limit = rule.limit ?? 50;
  for (let k = 0; k < data.length && issues.length < limit; k++) {
    const v = data[k]!;
    if (!rule.ok(v)) {
      issues.push({
        row: Math.floor(k / ncol) + 1,
        column: m.cols[k % ncol]!,
        expected: rule.expected,
        received: describeValue(v),
        message: `region "${m.rows[Math.floor(k / ncol)]}"`,
      });
    }
  }
  if (issues.length) throw new ValidationError(subject, issues);
}

const nonNegative = (v: number) => v >= 0 && v < Infinity;

/** Throw a {@link ValidationError} unless every value of `m` is finite and ≥ 0 (counts, exports). */
export function checkNonNegative(m: Matrix, subject: string): void {
  checkCells(m, subject, { ok: nonNegative, expected: "a finite number ≥ 0" });
}

/**
 * Throw a {@link ValidationError} unless `m` is a {@link Matrix} of finite counts ≥ 0, naming every offending
 * cell (the concentration and specialisation indices).
 */
export function checkCounts(m: Matrix, subject: string): void {
  if (!(m instanceof Matrix)) {
    throw new ValidationError(subject, [{
      column: "input",
      expected: "a Matrix (build one with matrixFrom)",
      received: describeValue(m),
    }]);
  }
  checkCells(m, subject, { ok: nonNegative, expected: "a finite count ≥ 0", limit: Infinity });
}

/** Throw a {@link ValidationError} unless every value of `m` is 0 or 1. */
export function checkBinary(m: Matrix, subject: string): void {
  checkCells(m, subject, {
    ok: (v) => v === 0 || v === 1,
    expected: "0 or 1 (a presence matrix; use presence() on counts)",
  });
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

/** Options of {@link checkSymmetric}. */
export interface SymmetryOptions {
  /** The name of the matrix in messages (default `"phi"`). */
  readonly column?: string;
  /** Relative tolerance: |a_ij − a_ji| ≤ tolerance · max(|a_ij|, |a_ji|) (default 1e-9). */
  readonly tolerance?: number;
  /** Also require every value to be a finite number ≥ 0 (default false). */
  readonly nonNegative?: boolean;
}

/**
 * Throw a {@link ValidationError} unless the square `data` (n × n, labelled by `labels`) is symmetric (and,
 * with `nonNegative`, ≥ 0): the measures that assume a symmetric proximity or co-occurrence (density,
 * opportunity, relatedness, the technology space) would otherwise read one triangle or mix both silently.
 * Each offending pair (the first 10) is named by its labels.
 */
export function checkSymmetric(
  data: Float64Array,
  labels: readonly string[],
  subject: string,
  options: SymmetryOptions = {},
): void {
  const { column = "phi", tolerance = 1e-9, nonNegative = false } = options;
  const n = labels.length;
  const issues: ValidationIssue[] = [];
  let count = 0;
  for (let i = 0; i < n && issues.length < 10; i++) {
    for (let j = nonNegative ? 0 : i + 1; j < n; j++) {
      const a = data[i * n + j]!, b = data[j * n + i]!;
      if (nonNegative && !(a >= 0 && a < Infinity)) {
        if (count++ < 10) {
          issues.push({
            row: i + 1,
            column: labels[j]!,
            expected: `${column}: a finite number ≥ 0`,
            received: describeValue(a),
            message: `row "${labels[i]}"`,
          });
        }
      } else if (j > i && Math.abs(a - b) > tolerance * Math.max(Math.abs(a), Math.abs(b))) {
        if (count++ < 10) {
          issues.push({
            row: i + 1,
            column: labels[j]!,
            expected: `a symmetric ${column} (${column}[${labels[i]}, ${labels[j]}] = ${column}[${
              labels[j]
            }, ${labels[i]}])`,
            received: `${a} vs ${b}`,
            message: "symmetrise it first, e.g. (φ + φᵀ)/2, or build it with proximity()/cooccurrence()",
          });
        }
      }
    }
  }
  if (issues.length) throw new ValidationError(subject, issues);
}

/**
 * Re-order a sector × sector matrix to the column order of `sp` (labels must match as sets); returns the
 * row-major data, checked symmetric and ≥ 0 ({@link checkSymmetric}).
 */
export function alignSquare(phi: Matrix, cols: readonly string[], subject: string): Float64Array {
  const aligned = alignedSquare(phi, cols, subject);
  checkSymmetric(aligned, cols, subject, { nonNegative: true });
  return aligned;
}

function alignedSquare(phi: Matrix, cols: readonly string[], subject: string): Float64Array {
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

/** The warning for sectors related to no other sector (Σ_s' φ_s's = 0 in `cs`): their density 0/0 is 0. */
export function zeroRelatednessWarning(cols: readonly string[], cs: Float64Array, warnings: string[]): void {
  const zero: string[] = [];
  for (let b = 0; b < cs.length; b++) if (cs[b] === 0) zero.push(cols[b]!);
  if (zero.length) {
    warnings.push(
      `${zero.length} sector(s) related to no other sector (Σ φ = 0): density 0/0 set to 0 for ${
        listLabels(zero)
      }`,
    );
  }
}

/**
 * out_rs = scale · Σ_j M_rj φ_js / Σ_j φ_js, sparse in M (O(nnz · n)). Columns of φ that sum to 0 give 0
 * (reported in the warnings). On `workers` threads (default `"auto"`).
 */
export function weightedDensity(
  sp: SparseBinaryMatrix,
  phi: Float64Array,
  scale: number,
  warnings: string[],
  workers: WorkersOption = "auto",
): Float64Array {
  const n = sp.ncol;
  const out = sp.mulDense(phi, n, { workers });
  const cs = new Float64Array(n);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) cs[b]! += phi[a * n + b]!;
  for (let i = 0; i < sp.nrow; i++) {
    const off = i * n;
    for (let b = 0; b < n; b++) out[off + b] = cs[b] === 0 ? 0 : out[off + b]! * scale / cs[b]!;
  }
  zeroRelatednessWarning(sp.cols, cs, warnings);
  return out;
}
