/**
 * A long region × sector × year table read once into one region × sector matrix per year: the input of the
 * panel indicators (`complexityPanel`, `entryExit`) and of `relatednessEntry`. 面板数据：逐年的地区 × 部门矩阵。
 * @module
 */
import type { ColumnTable } from "../deps/arquero.ts";
import { type TableInput, toTable } from "../data/adapters.ts";
import { missingColumns } from "../core/checks.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../core/validation_error.ts";
import {
  type LongCells,
  type Matrix,
  type MatrixInputOptions,
  matrixOfCells,
  type MatrixReading,
  readingOf,
  readLong,
} from "./matrix.ts";

/** How a long panel table is read: the columns of {@link MatrixInputOptions} plus the year column. */
export interface PanelInputOptions extends MatrixInputOptions {
  /** Column of the year (default `"year"`): integers (`null` is refused: a panel needs its years). */
  readonly year?: string | null;
}

/** A long table split by year (see {@link yearPanel}); internal. */
export interface YearPanel {
  /** The years found, ascending. */
  readonly years: readonly number[];
  /** The region × sector matrix of year `y` (labels found in that year, sorted, unless the options list them). */
  matrix(y: number): Matrix;
}

/**
 * Read a long table with a year column once: the region, sector and value cells are checked as
 * `matrixFrom` checks them, the year cells must be integers (else a {@link ValidationError} naming the row),
 * and `matrix(y)` builds year y's matrix exactly as `matrixFrom` would from that year's rows.
 */
export function yearPanel(input: TableInput, options: PanelInputOptions, subject: string): YearPanel {
  const reading = readingOf(options);
  if (options.year === null) {
    throw new ValidationError(subject, [{
      column: "year",
      expected: "the column of the years (a panel needs one)",
      received: "null",
    }]);
  }
  const yearColumn = options.year ?? "year";
  const table = toTable(input);
  const missing = missingColumns(table.columnNames(), [
    reading.region,
    reading.sector,
    reading.value,
    yearColumn,
  ]);
  if (missing.length) throw new ValidationError(subject, missing);
  const cells = readLong(table, reading);
  const byYear = rowsByYear(table, yearColumn, subject);
  const years = [...byYear.keys()].sort((a, b) => a - b);
  return { years, matrix: (y) => yearMatrix(cells, reading, byYear, y, subject) };
}

function yearMatrix(
  cells: LongCells,
  reading: MatrixReading,
  byYear: Map<number, Int32Array>,
  y: number,
  subject: string,
): Matrix {
  const rows = byYear.get(y);
  if (!rows) throw missingYears([y], [...byYear.keys()].sort((a, b) => a - b), subject);
  return matrixOfCells(cells, reading, rows);
}

/** Row numbers of each year, ascending within a year. */
function rowsByYear(table: ColumnTable, column: string, subject: string): Map<number, Int32Array> {
  const n = table.numRows();
  const get = table.getter(column);
  const year = new Float64Array(n);
  const issues: ValidationIssue[] = [];
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const v = get(i);
    if (typeof v !== "number" || !Number.isInteger(v)) {
      if (issues.length < 50) {
        issues.push({ row: i + 1, column, expected: "a year (an integer)", received: describeValue(v) });
      }
      continue;
    }
    year[i] = v;
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  if (issues.length) throw new ValidationError(subject, issues);
  const out = new Map<number, Int32Array>();
  const fill = new Map<number, number>();
  for (const [y, c] of counts) {
    out.set(y, new Int32Array(c));
    fill.set(y, 0);
  }
  for (let i = 0; i < n; i++) {
    const y = year[i]!;
    const k = fill.get(y)!;
    out.get(y)![k] = i;
    fill.set(y, k + 1);
  }
  return out;
}

/**
 * The {@link ValidationError} for years asked for but absent from the table, naming the years present.
 *
 * Internal: `entryExit` and `complexityPanel` (the anchor year) use it.
 */
export function missingYears(
  asked: readonly number[],
  present: readonly number[],
  subject: string,
): ValidationError {
  const shown = present.length > 30
    ? `${present.slice(0, 30).join(", ")} and ${present.length - 30} more`
    : present.join(", ");
  return new ValidationError(
    subject,
    asked.map((y) => ({
      column: "year",
      expected: `a year of the table (${shown || "none"})`,
      received: describeValue(y),
    })),
  );
}
