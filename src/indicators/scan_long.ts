/**
 * `scanLong`: aggregate long-format files that are too big for arquero (Parquet, CSV, gzipped CSV; one
 * file, a list or a glob; 10⁸ rows and more) to region × sector (× year) in DuckDB, and return an arquero
 * table, the {@link Matrix} ready for the indicators, or one matrix per year. DuckDB is imported on first
 * use only; the hand-over is columnar (typed arrays, labels once each), never row objects.
 * @module
 */
import * as aq from "../deps/arquero.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import { ValidationError, type ValidationIssue } from "../core/validation_error.ts";
import type { FileSource } from "../data/file_sources.ts";
import { jsRows, type ScanCells, scanCells, type ScanCellsOptions } from "../data/scan_long.ts";
import { denseFromRows, yearSlots } from "../data/row_sums.ts";
import { absentNote, Matrix } from "./matrix.ts";

/** Options of {@link scanLong}: the columns, the filter, the aggregate, and what to return. */
export interface ScanLongOptions extends ScanCellsOptions {
  /**
   * What to return: `"table"` (default) an arquero table with one row per cell; `"matrix"` the region ×
   * sector {@link Matrix} (no `year` option: use `where` to pick years); `"matrices"` one matrix per year
   * (needs `year`), all with the same labels.
   */
  readonly as?: "table" | "matrix" | "matrices";
  /** Matrix row labels in this order, listing every region found (default: the regions found, sorted). */
  readonly regions?: readonly string[];
  /** Matrix column labels in this order, listing every sector found (default: the sectors found, sorted). */
  readonly sectors?: readonly string[];
  /**
   * Matrices: how a region × sector pair without rows (in a year) is read, as in `matrixFrom`: `"zero"`
   * (default) 0, counted in `warnings`; `"error"` a {@link ValidationError} naming the pairs.
   */
  readonly missing?: "zero" | "error";
}

/** What every {@link scanLong} result carries besides its data. */
export interface ScanLongInfo {
  /**
   * The aggregation as one SQL statement, runnable in DuckDB as it is; on another engine, replace the
   * `FROM read_parquet(…)`/`read_csv(…)` clause by the engine's table (README, "Large inputs").
   */
  readonly sql: string;
  /** The files read. */
  readonly files: readonly string[];
  /** Number of input rows aggregated (after `where`). */
  readonly inputRows: number;
  /** Notes on the input and on cells set to zero; empty when nothing was found. */
  readonly warnings: readonly string[];
  /**
   * The engine that read the files: `"duckdb"`, or `"js"` (the JS reader of plain CSV, see the `engine`
   * option; `sql` is then the aggregation DuckDB would have run, with the same result).
   */
  readonly engine: "duckdb" | "js";
}

/** {@link scanLong} with `as: "table"` (default): one row per cell, ordered by region, sector, year. */
export interface ScanLongResult extends ScanLongInfo {
  /** Columns region, sector, [year,] value under the input's column names; codes are text. */
  readonly table: ColumnTable;
}

/** {@link scanLong} with `as: "matrix"`. */
export interface ScanMatrixResult extends ScanLongInfo {
  /** The region × sector matrix (absent cells are 0, counted in `warnings`). */
  readonly matrix: Matrix;
}

/** {@link scanLong} with `as: "matrices"`. */
export interface ScanMatricesResult extends ScanLongInfo {
  /** The years, ascending. */
  readonly years: readonly number[];
  /** One region × sector matrix per year, all with the same labels. */
  readonly matrices: ReadonlyMap<number, Matrix>;
}

function compareLabels(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Label order of the matrix, and the position of each DuckDB label id in it. */
function labelOrder(found: readonly string[], given: readonly string[] | undefined, column: string) {
  const labels = given ? [...given] : [...found].sort(compareLabels);
  const index = new Map(labels.map((l, i) => [l, i]));
  const issues: ValidationIssue[] = [];
  if (index.size !== labels.length) {
    issues.push({ column, expected: "labels listed once each", received: "repeated labels" });
  }
  const position = new Int32Array(found.length);
  found.forEach((l, id) => {
    const i = index.get(l);
    if (i === undefined) {
      issues.push({
        column,
        expected: `a label listed in the ${column} option`,
        received: JSON.stringify(l),
      });
    } else position[id] = i;
  });
  return { labels, position, issues };
}

function toTable(cells: ScanCells): ColumnTable {
  const n = cells.value.length;
  const region = new Array<string>(n), sector = new Array<string>(n);
  for (let k = 0; k < n; k++) {
    region[k] = cells.regions[cells.region[k]!]!;
    sector[k] = cells.sectors[cells.sector[k]!]!;
  }
  const { columns } = cells;
  return aq.table({
    [columns.region]: region,
    [columns.sector]: sector,
    ...(cells.year && columns.year ? { [columns.year]: cells.year } : {}),
    [columns.value]: cells.value,
  });
}

/** The first absent pairs of a matrix (at most 5), as `("R1", "S2")`, and how many more. */
function absentPairs(filled: Uint8Array, rows: readonly string[], cols: readonly string[], absent: number) {
  const first: string[] = [];
  for (let k = 0; k < filled.length && first.length < 5; k++) {
    if (!filled[k]) {
      first.push(
        `(${JSON.stringify(rows[Math.floor(k / cols.length)])}, ${JSON.stringify(cols[k % cols.length])})`,
      );
    }
  }
  return first.join(", ") + (absent > first.length ? ` and ${absent - first.length} more` : "");
}

/** The sums of one matrix per year slot, and how many rows each cell had (0 absent, ≥ 1 present). */
interface Filled {
  readonly years: readonly number[];
  readonly data: Float64Array[];
  /** Per slot, the number of present cells. */
  readonly present: Float64Array;
  /** Per slot, 1 where a cell is present (only with missing: "error"; `count` of the JS reader is one). */
  readonly listed: Uint8Array[] | undefined;
}

/** Scatter the (DuckDB) cells into one matrix per year. */
function fillFromCells(
  cells: ScanCells,
  rowPos: Int32Array,
  colPos: Int32Array,
  ncol: number,
  size: number,
  listAll: boolean,
): Filled {
  const years = cells.year ? [...new Set(cells.year)].sort((a, b) => a - b) : [0];
  const slot = new Map(years.map((y, i) => [y, i]));
  const data = years.map(() => new Float64Array(size));
  const present = new Float64Array(years.length);
  const listed = listAll ? years.map(() => new Uint8Array(size)) : undefined;
  const { region, sector, value, year } = cells;
  for (let k = 0; k < value.length; k++) {
    const t = year ? slot.get(year[k]!)! : 0;
    const cell = rowPos[region[k]!]! * ncol + colPos[sector[k]!]!;
    data[t]![cell] = value[k]!;
    if (listed) listed[t]![cell] = 1;
    present[t]!++;
  }
  return { years, data, present, listed };
}

/** Label orders of the matrices (sorted, or the options' orders) and the position of each found label. */
function matrixLabels(
  regions: readonly string[],
  sectors: readonly string[],
  options: ScanLongOptions,
  subject: string,
) {
  const r = labelOrder(regions, options.regions, "regions");
  const s = labelOrder(sectors, options.sectors, "sectors");
  const issues = [...r.issues, ...s.issues];
  if (issues.length > 0) throw new ValidationError(subject, issues);
  return { r, s };
}

/** The matrices of the filled sums: absent cells are 0 (counted in warnings) or an error (missing: "error"). */
function assemble(
  filled: Filled,
  labels: { readonly rows: readonly string[]; readonly cols: readonly string[] },
  what: { readonly byYear: boolean; readonly columns: ScanCells["columns"]; readonly subject: string },
) {
  const size = labels.rows.length * labels.cols.length;
  const matrices = filled.years.map((y, t) => {
    const absent = size - filled.present[t]!;
    const of = what.byYear ? ` of ${y}` : "";
    if (absent > 0 && filled.listed) {
      throw new ValidationError(what.subject, [{
        column: `${what.columns.region} × ${what.columns.sector}`,
        expected: `a row for every region × sector pair${of} (missing: "error")`,
        received: `${absent} pair(s) absent: ${
          absentPairs(filled.listed[t]!, labels.rows, labels.cols, absent)
        }`,
      }]);
    }
    const note = absent > 0 ? [absentNote(absent, size, of)] : [];
    return new Matrix(labels.rows, labels.cols, filled.data[t]!, { warnings: note });
  });
  return { years: filled.years, matrices };
}

/** Fill one matrix per year (or one in all) from the cells. */
function toMatrices(cells: ScanCells, options: ScanLongOptions, subject: string) {
  const { r, s } = matrixLabels(cells.regions, cells.sectors, options, subject);
  const ncol = s.labels.length, size = r.labels.length * ncol;
  const filled = fillFromCells(cells, r.position, s.position, ncol, size, options.missing === "error");
  const what = { byYear: cells.year !== undefined, columns: cells.columns, subject };
  return assemble(filled, { rows: r.labels, cols: s.labels }, what);
}

/** The JS reader's rows summed straight into the matrices (no list of cells in between). */
function rowsToMatrices(js: NonNullable<Awaited<ReturnType<typeof jsRows>>>, options: ScanLongOptions) {
  const { rows, files, plan } = js;
  const subject = files.length === 1 ? files[0]! : `scanLong input (${files.length} files)`;
  const { r, s } = matrixLabels(rows.regions.labels, rows.sectors.labels, options, subject);
  const slots = rows.year ? yearSlots(rows.year, rows.n) : { years: [0], slot: undefined };
  const shape = { nrow: r.labels.length, ncol: s.labels.length, slots: slots.years.length, slot: slots.slot };
  const sums = denseFromRows(rows, r.position, s.position, shape);
  const present = new Float64Array(sums.count.length);
  sums.count.forEach((count, t) => {
    let n = 0;
    for (let i = 0; i < count.length; i++) if (count[i] !== 0) n++;
    present[t] = n;
  });
  const listed = options.missing === "error" ? sums.count : undefined;
  const columns = {
    region: plan.region,
    sector: plan.sector,
    value: plan.value,
    ...(plan.year ? { year: plan.year } : {}),
  };
  const filled = { years: slots.years, data: sums.data, present, listed };
  const out = assemble(filled, { rows: r.labels, cols: s.labels }, {
    byYear: rows.year !== undefined,
    columns,
    subject,
  });
  return { ...out, warnings: sums.warnings };
}

function checkAs(options: ScanLongOptions): void {
  const as = options.as ?? "table";
  const issues: ValidationIssue[] = [];
  if (as !== "table" && as !== "matrix" && as !== "matrices") {
    issues.push({ column: "as", expected: '"table", "matrix" or "matrices"', received: JSON.stringify(as) });
  } else if (as === "matrix" && options.year !== undefined) {
    issues.push({
      column: "year",
      expected: 'no year with as: "matrix" (use as: "matrices", or where to pick years)',
      received: JSON.stringify(options.year),
    });
  } else if (as === "matrices" && options.year === undefined) {
    issues.push({ column: "year", expected: 'a year column with as: "matrices"', received: "none" });
  }
  if (options.missing !== undefined && options.missing !== "zero" && options.missing !== "error") {
    issues.push({
      column: "missing",
      expected: '"zero" or "error"',
      received: JSON.stringify(options.missing),
    });
  }
  if (issues.length > 0) throw new ValidationError("scanLong options", issues);
}

/**
 * Aggregate long-format files (Parquet, CSV, gzipped CSV; a path, a list or a glob) to region × sector
 * (× year) in DuckDB, with `sum` of `value` (default) or `count` of rows, after an optional SQL `where`
 * filter, and return an arquero table (default), the matrix (`as: "matrix"`, labels sorted as
 * `matrixFrom` sorts them) or one matrix per year (`as: "matrices"`). Codes stay text (CSV code columns
 * are read as VARCHAR); a missing file or column, an empty code, a value that is not a finite number or a
 * year that is not an integer is a {@link ValidationError} naming the file, row and column. The SQL run is
 * returned as `sql`, to run the same aggregation on a distributed engine when a study outgrows one machine.
 * Plain and gzipped CSV files without `where` are read by ClusterLab's JS reader instead of DuckDB (option
 * `engine`, default `"auto"`; design choice: same result to the bit, DuckDB not loaded; `engine` on the
 * result says which ran, and `sql` stays the statement DuckDB would run).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { scanLong } from "clusterlab";
 * const dir = await Deno.makeTempDir();
 * await Deno.writeTextFile(
 *   `${dir}/jobs.csv`,
 *   "region,sector,year,value\nR1,0161,2020,2\nR1,0161,2020,3\nR2,0162,2021,4\nR2,0161,2021,1\n",
 * );
 * const { table, sql } = await scanLong(`${dir}/jobs.csv`, { year: "year" });
 * assert.deepEqual(table.objects(), [
 *   { region: "R1", sector: "0161", year: 2020, value: 5 },
 *   { region: "R2", sector: "0161", year: 2021, value: 1 },
 *   { region: "R2", sector: "0162", year: 2021, value: 4 },
 * ]);
 * assert.match(sql, /GROUP BY 1, 2, 3/);
 * const { matrix } = await scanLong(`${dir}/jobs.csv`, { as: "matrix", where: "year = 2021" });
 * assert.deepEqual(matrix.toArrays(), [[1, 4]]);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function scanLong(
  source: FileSource,
  options?: ScanLongOptions & { readonly as?: "table" },
): Promise<ScanLongResult>;
/** {@link scanLong} returning the region × sector matrix. */
export async function scanLong(
  source: FileSource,
  options: ScanLongOptions & { readonly as: "matrix" },
): Promise<ScanMatrixResult>;
/** {@link scanLong} returning one region × sector matrix per year. */
export async function scanLong(
  source: FileSource,
  options: ScanLongOptions & { readonly as: "matrices"; readonly year: string },
): Promise<ScanMatricesResult>;
export async function scanLong(
  source: FileSource,
  options: ScanLongOptions = {},
): Promise<ScanLongResult | ScanMatrixResult | ScanMatricesResult> {
  checkAs(options);
  const as = options.as ?? "table";
  if (as !== "table") {
    const js = await jsRows(source, options);
    if (js) {
      const { years, matrices, warnings: sums } = rowsToMatrices(js, options);
      const info = { sql: js.sql, files: js.files, inputRows: js.rows.n, engine: "js" as const };
      return result(as, years, matrices, info, sums);
    }
  }
  const cells = await scanCells(source, { ...options, ordered: as === "table" });
  const info = { sql: cells.sql, files: cells.files, inputRows: cells.inputRows, engine: cells.engine };
  if (as === "table") return { table: toTable(cells), ...info, warnings: cells.warnings };
  const subject = cells.files.length === 1 ? cells.files[0]! : `scanLong input (${cells.files.length} files)`;
  const { years, matrices } = toMatrices(cells, options, subject);
  return result(as, years, matrices, info, cells.warnings);
}

function result(
  as: "matrix" | "matrices",
  years: readonly number[],
  matrices: readonly Matrix[],
  info: Omit<ScanLongInfo, "warnings">,
  notes: readonly string[],
): ScanMatrixResult | ScanMatricesResult {
  const warnings = [...notes, ...matrices.flatMap((m) => m.warnings)];
  if (as === "matrix") return { matrix: matrices[0]!, ...info, warnings };
  return { years, matrices: new Map(years.map((y, t) => [y, matrices[t]!])), ...info, warnings };
}
