/**
 * Aggregate a long table held in files (Parquet, CSV, gzipped CSV; one file, a list or a glob) to region ×
 * sector (× year) cells in DuckDB, and hand the cells over column by column in typed arrays. This is the
 * engine under `scanLong` (which turns the cells into an arquero table or a `Matrix`); the SQL it runs is
 * returned so that the same aggregation can be run on a distributed SQL engine.
 *
 * Codes stay text: region and sector columns of CSV files are read as VARCHAR (a sector `0161` stays
 * `"0161"`), values as DOUBLE, years as numbers checked to be integers. Every row is checked in the same
 * pass as the aggregation (what the column types do not guarantee is flagged per cell): a missing or empty
 * code, a missing or non-finite value, a year that is not an integer or a malformed CSV row is a
 * {@link ValidationError} naming the file, row, column, expected and received value; nothing is dropped or
 * summed over silently.
 * @module
 */
import { ValidationError, type ValidationIssue } from "../core/validation_error.ts";
import {
  asValidation,
  type Engine,
  readNumbers,
  readValues,
  sqlList,
  sqlString,
  withEngine,
} from "./duckdb_engine.ts";
import { type FileFormat, type FileSource, resolveFiles } from "./file_sources.ts";
import {
  csvIssueFromMessage,
  invalidRowIssues,
  type InvalidRowsContext,
  moreIssue,
  rejectIssues,
} from "./scan_issues.ts";
import {
  aggregationSql,
  exactSumBits,
  FLAG,
  readFunction,
  type ScanAggregate,
  type ScanPlan,
  sumsAreExact,
} from "./scan_sql.ts";
import { jsBlocker, jsRefusal, NotForJs, readJsRows, type ScanEngine } from "./csv_scan.ts";
import { cellsFromRows } from "./row_sums.ts";
import { roundingNote } from "./exact_sums.ts";

export type { ScanEngine } from "./csv_scan.ts";

/** Options of {@link scanCells} (and of `scanLong`). */
export interface ScanCellsOptions {
  /** Column of the region code (default `"region"`). Read as text. */
  readonly region?: string;
  /** Column of the sector code (default `"sector"`). Read as text. */
  readonly sector?: string;
  /**
   * Column of the value to sum (default `"value"`). With `aggregate: "count"` no column is read and this
   * only names the count column of the result.
   */
  readonly value?: string;
  /** Column of the year: cells are region × sector × year. Without it (default) years are summed over. */
  readonly year?: string;
  /**
   * A filter on the input rows, as an SQL expression over the columns of the files, passed to DuckDB as
   * SQL (`"year >= 2000 AND country = 'DE'"`). It is the user's own SQL, run locally: it is not escaped,
   * only checked to be one expression. Default: every row.
   */
  readonly where?: string;
  /** `"sum"` (default) of the value column, or `"count"` of rows (patents, firms) per cell. */
  readonly aggregate?: ScanAggregate;
  /** Force the format instead of reading it from the file extensions. */
  readonly format?: FileFormat;
  /** Field delimiter of CSV files (default `","`; `.tsv` files use a tab). */
  readonly delimiter?: string;
  /**
   * Which engine reads and aggregates (default `"auto"`). `"js"`: ClusterLab's own reader of plain and
   * gzipped CSV/TSV files (no DuckDB loaded: in a fresh process it reads a 15 MB long CSV several times
   * faster than DuckDB starts); `"duckdb"`: DuckDB, always. `"auto"` takes the JS reader when it gives
   * the same result as DuckDB: CSV/TSV files (optionally `.gz`) given by path (no glob), no `where`
   * filter (SQL), sum or count, and files without double quotes or bare CR line ends; anything else, and
   * any input the JS reader finds wrong, goes to DuckDB (so its errors are DuckDB's). Design choice: the
   * result is identical either way (labels, order, the bits of every sum, warnings, `sql`) and the JS
   * reader reports the same errors for what it checks (missing columns, rows with another number of
   * fields, values that are not numbers, empty codes and values, non-finite values, non-integer years);
   * `"js"` on an input it does not read is a {@link ValidationError} saying why. Two inputs DuckDB
   * forgives and the JS reader refuses: a trailing delimiter after the last field, and numbers written
   * with `_` between digits.
   */
  readonly engine?: ScanEngine;
}

/** Region × sector (× year) cells aggregated by DuckDB, column by column. */
export interface ScanCells {
  /** Region labels, indexed by the ids in {@link ScanCells.region} (sorted by Unicode code point). */
  readonly regions: readonly string[];
  /** Sector labels, indexed by the ids in {@link ScanCells.sector} (sorted by Unicode code point). */
  readonly sectors: readonly string[];
  /** Region id of each cell. */
  readonly region: Int32Array;
  /** Sector id of each cell. */
  readonly sector: Int32Array;
  /** Year of each cell, when the `year` option was given. */
  readonly year: Int32Array | undefined;
  /** Aggregated value of each cell (sum or count). */
  readonly value: Float64Array;
  /** Names of the result columns: the input's column names (`value` names the count). */
  readonly columns: {
    readonly region: string;
    readonly sector: string;
    readonly value: string;
    readonly year?: string;
  };
  /** The aggregation in SQL, runnable in DuckDB as it is (see the README for other engines). */
  readonly sql: string;
  /** The files read. */
  readonly files: readonly string[];
  /** Their format. */
  readonly format: FileFormat;
  /** Number of input rows aggregated (after `where`). */
  readonly inputRows: number;
  /** Notes on the input (integer code columns whose leading zeros may already be lost); empty when none. */
  readonly warnings: readonly string[];
  /** The engine that ran: `"duckdb"`, or `"js"` (then `sql` is what DuckDB would have run). */
  readonly engine: "duckdb" | "js";
}

function checkOptions(options: ScanCellsOptions): ScanPlan {
  const { region = "region", sector = "sector", value = "value", year, where } = options;
  const aggregate = options.aggregate ?? "sum";
  const issues: ValidationIssue[] = [];
  const named = { region, sector, value, ...(year === undefined ? {} : { year }) };
  for (const [key, name] of Object.entries(named)) {
    if (typeof name !== "string" || name.length === 0) {
      issues.push({ column: key, expected: "a column name", received: JSON.stringify(name) });
    }
  }
  // The result has these four columns (value names the count), so they must differ even when counting.
  const names = [region, sector, ...(year === undefined ? [] : [year]), value];
  if (new Set(names).size !== names.length) {
    issues.push({
      column: "region/sector/value/year",
      expected: "distinct columns",
      received: names.join(", "),
    });
  }
  const cols = [
    region,
    sector,
    ...(year === undefined ? [] : [year]),
    ...(aggregate === "sum" ? [value] : []),
  ];
  if (aggregate !== "sum" && aggregate !== "count") {
    issues.push({ column: "aggregate", expected: '"sum" or "count"', received: JSON.stringify(aggregate) });
  }
  if (where !== undefined && (typeof where !== "string" || where.trim() === "")) {
    issues.push({ column: "where", expected: "an SQL expression", received: JSON.stringify(where) });
  }
  const delimiter = options.delimiter ?? ",";
  if (typeof delimiter !== "string" || delimiter.length !== 1) {
    issues.push({ column: "delimiter", expected: "one character", received: JSON.stringify(delimiter) });
  }
  const engine = options.engine ?? "auto";
  if (engine !== "auto" && engine !== "duckdb" && engine !== "js") {
    issues.push({ column: "engine", expected: '"auto", "duckdb" or "js"', received: JSON.stringify(engine) });
  }
  if (issues.length > 0) throw new ValidationError("scanLong options", issues);
  return { region, sector, value, year, where, aggregate, delimiter, needed: cols };
}

/** Column names and DuckDB types of the files, and whether every file has the same header (CSV). */
interface Inspection {
  readonly types: ReadonlyMap<string, string>;
  readonly sameHeader: boolean;
}

async function describe(engine: Engine, from: string): Promise<[string, string][]> {
  const rows = await engine.rows(`DESCRIBE SELECT * FROM ${from}`);
  return rows.map((r) => [String(r.column_name), String(r.column_type)]);
}

async function inspect(
  engine: Engine,
  files: readonly string[],
  format: FileFormat,
  plan: ScanPlan,
  subject: string,
): Promise<Inspection> {
  const issue = (message: string): ValidationIssue => ({
    column: "source",
    expected: `${format === "parquet" ? "Parquet" : "delimited text"} files DuckDB can read`,
    received: message,
  });
  const headers: [string, [string, string][]][] = [];
  if (format === "parquet") {
    headers.push([
      "(all files)",
      await asValidation(subject, issue, () => describe(engine, readFunction(files, format))),
    ]);
  } else {
    for (const f of files) {
      headers.push([
        f,
        await asValidation(
          subject,
          issue,
          () =>
            describe(engine, readFunction([f], format, { delimiter: plan.delimiter, ignoreErrors: true })),
        ),
      ]);
    }
  }
  const issues: ValidationIssue[] = [];
  for (const [file, columns] of headers) {
    const names = columns.map(([n]) => n);
    for (const c of plan.needed) {
      if (!names.includes(c)) {
        issues.push({
          column: c,
          expected: `a column "${c}"`,
          received: `columns ${names.map((n) => JSON.stringify(n)).join(", ")}`,
          message: `in ${file}`,
        });
      }
    }
  }
  if (issues.length > 0) throw new ValidationError(subject, issues);
  const first = headers[0]![1].map(([n]) => n).join("\u0000");
  return {
    types: new Map(headers[0]![1]),
    sameHeader: headers.every(([, cols]) => cols.map(([n]) => n).join("\u0000") === first),
  };
}

const INTEGER = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/;
const NUMERIC =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL.*)$/;

/** Parquet column types: codes text or integer (warned), values numeric or text, years numeric or text. */
function checkTypes(types: ReadonlyMap<string, string>, plan: ScanPlan, subject: string): string[] {
  const warnings: string[] = [];
  const issues: ValidationIssue[] = [];
  for (const c of [plan.region, plan.sector]) {
    const t = types.get(c)!;
    if (INTEGER.test(t)) {
      warnings.push(
        `column "${c}" holds integers (${t}): codes are read as their decimal text; leading zeros (a sector 0161) were lost when the file was written`,
      );
    } else if (t !== "VARCHAR") {
      issues.push({
        column: c,
        expected: "a column of text codes (VARCHAR) or integer codes",
        received: `a ${t} column`,
      });
    }
  }
  const numericOrText = [
    ...(plan.aggregate === "sum" ? [plan.value] : []),
    ...(plan.year ? [plan.year] : []),
  ];
  for (const c of numericOrText) {
    const t = types.get(c)!;
    if (!NUMERIC.test(t) && t !== "VARCHAR") {
      issues.push({
        column: c,
        expected: c === plan.year ? "a column of integer years" : "a numeric column",
        received: `a ${t} column`,
      });
    }
  }
  if (issues.length > 0) throw new ValidationError(subject, issues);
  return warnings;
}

/** Run the aggregation; translate DuckDB's errors (a bad `where`, a CSV value that is not a number). */
async function runAggregation(
  engine: Engine,
  run: string,
  plan: ScanPlan,
  subject: string,
  explain: () => Promise<unknown>,
): Promise<void> {
  if (plan.where !== undefined) {
    const statements = await engine.connection.extractStatements(run).catch(() => undefined);
    if (statements !== undefined && statements.count !== 1) {
      throw new ValidationError(subject, [{
        column: "where",
        expected: "one SQL expression (no ; or further statements)",
        received: JSON.stringify(plan.where),
      }]);
    }
  }
  try {
    await engine.run(run);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/^Binder Error/.test(message)) await explain(); // a missing column is named with its file
    const csv = csvIssueFromMessage(message, plan);
    if (csv) throw new ValidationError(subject, [csv]);
    const first = message.split("\n")[0]!;
    const whereIssue = plan.where !== undefined && /^(Binder|Parser|Catalog) Error/.test(first);
    throw new ValidationError(subject, [{
      column: whereIssue ? "where" : "source",
      expected: whereIssue ? "an SQL expression over the columns of the input" : "files DuckDB can aggregate",
      received: whereIssue ? JSON.stringify(plan.where) : first,
      message: whereIssue ? first : undefined,
    }]);
  }
}

/** Fetch labels (ids by code point order) and the cells as typed arrays. */
async function fetchCells(engine: Engine, plan: ScanPlan, ordered: boolean) {
  const labels = async (key: string, table: string) => {
    await engine.run(
      `CREATE TEMP TABLE ${table} AS SELECT ${key} AS label, CAST(row_number() OVER (ORDER BY ${key}) - 1 AS INTEGER) AS id FROM (SELECT DISTINCT ${key} FROM agg)`,
    );
    return readValues(await engine.run(`SELECT label FROM ${table} ORDER BY id`), 0) as string[];
  };
  const regions = await labels("k_r", "lab_r"), sectors = await labels("k_s", "lab_s");
  const withYear = plan.year !== undefined;
  const result = await engine.run(
    `SELECT lab_r.id, lab_s.id${withYear ? ", k_y" : ""}, CAST(k_v AS DOUBLE)
     FROM agg JOIN lab_r ON agg.k_r = lab_r.label JOIN lab_s ON agg.k_s = lab_s.label
     ${ordered ? `ORDER BY 1, 2${withYear ? ", 3" : ""}` : ""}`,
  );
  const n = result.rowCount;
  return {
    regions,
    sectors,
    region: readNumbers(result, 0, new Int32Array(n)),
    sector: readNumbers(result, 1, new Int32Array(n)),
    year: withYear ? readNumbers(result, 2, new Int32Array(n)) : undefined,
    value: readNumbers(result, withYear ? 3 : 2, new Float64Array(n)),
  };
}

/**
 * What the Parquet statistics of every row group of every file prove, so that the first pass need not
 * check it row by row: the value column has no NULL and no negative value (`valueProven`), and, without a
 * `where`, the number of rows (`rows`). A file or row group without statistics proves nothing.
 */
async function parquetFacts(
  engine: Engine,
  files: readonly string[],
  plan: ScanPlan,
): Promise<{ valueProven?: boolean; rows?: number }> {
  const list = sqlList(files);
  const out: { valueProven?: boolean; rows?: number } = {};
  if (plan.aggregate === "sum") {
    const [v] = await engine.rows(
      `SELECT COUNT(DISTINCT file_name) AS files,
              COUNT(*) FILTER (WHERE stats_null_count IS NULL OR stats_null_count > 0
                OR TRY_CAST(stats_min_value AS DOUBLE) IS NULL OR TRY_CAST(stats_min_value AS DOUBLE) < 0) AS unproven
       FROM parquet_metadata(${list}) WHERE path_in_schema = ${sqlString(plan.value)}`,
    );
    out.valueProven = Number(v!.files) === files.length && Number(v!.unproven) === 0;
  }
  if (plan.where === undefined) {
    const [r] = await engine.rows(`SELECT SUM(num_rows) AS n FROM parquet_file_metadata(${list})`);
    out.rows = Number(r!.n);
  }
  return out;
}

/**
 * After the first pass: list malformed CSV rows (DuckDB's rejects) and, when a cell is flagged, the invalid
 * rows by file and row; return what the exact-sum decision needs.
 */
async function checkRows(
  engine: Engine,
  context: InvalidRowsContext,
  { rejects, badCells, subject }: { rejects: boolean; badCells: string; subject: string },
) {
  const issues = rejects ? await rejectIssues(engine, context.plan) : [];
  const [t] = await engine.rows(
    `SELECT COALESCE(BIT_OR(flags), 0) | CASE WHEN COUNT(*) FILTER (WHERE ${badCells}) > 0 THEN ${FLAG.invalid} ELSE 0 END
              AS flags,
            COALESCE(SUM(n_rows), 0) AS n, COALESCE(MAX(abs(k_v)), 0) AS largest
     FROM agg`,
  );
  const flags = Number(t!.flags);
  if ((flags & FLAG.invalid) !== 0) {
    issues.push(...(issues.length > 0 ? [moreIssue()] : await invalidRowIssues(engine, context)));
  }
  if (issues.length > 0) throw new ValidationError(subject, issues);
  return { flags, rows: Number(t!.n), largest: Number(t!.largest) };
}

/** How the DuckDB scan reads CSV files: codes as text, numbers as doubles, by name when headers differ. */
export function csvReadOptions(plan: ScanPlan, sameHeader: boolean) {
  const types: Record<string, string> = { [plan.region]: "VARCHAR", [plan.sector]: "VARCHAR" };
  if (plan.year !== undefined) types[plan.year] = "DOUBLE"; // integers checked per row
  if (plan.aggregate === "sum") types[plan.value] = "DOUBLE";
  return { delimiter: plan.delimiter, types, unionByName: !sameHeader };
}

/** The result columns: the input's column names (`value` names the count). */
function columnsOf(plan: ScanPlan): ScanCells["columns"] {
  return {
    region: plan.region,
    sector: plan.sector,
    value: plan.value,
    ...(plan.year ? { year: plan.year } : {}),
  };
}

/**
 * The rows of the JS reader, when `engine` lets it read them (`"auto"`: `undefined` when it cannot, or
 * finds the input wrong, so that DuckDB reads it and reports; `"js"`: its own error). Its `sql` is the
 * aggregation DuckDB would run.
 */
export async function jsRows(
  source: FileSource,
  options: ScanCellsOptions,
): Promise<(Awaited<ReturnType<typeof readJsRows>> & { sql: string; plan: ScanPlan }) | undefined> {
  const plan = checkOptions(options);
  const engine = options.engine ?? "auto";
  if (engine === "duckdb") return undefined;
  const blocked = jsBlocker(source, plan, options.format);
  if (blocked) {
    if (engine === "js") throw jsRefusal(blocked);
    return undefined;
  }
  try {
    const read = await readJsRows(source, plan, options.format);
    const from = readFunction(read.files, read.format, csvReadOptions(plan, read.sameHeader));
    return { ...read, sql: aggregationSql(plan, from).sql, plan };
  } catch (e) {
    if (engine === "js") throw e instanceof NotForJs ? jsRefusal(e.reason) : e;
    if (e instanceof NotForJs || e instanceof ValidationError) return undefined;
    throw e;
  }
}

/**
 * Aggregate long-format files to region × sector (× year) cells in DuckDB (imported on first use). Rows
 * of the result are ordered by region, sector and year when `ordered` (default true).
 *
 * Sums do not depend on DuckDB's thread scheduling: non-negative integer values (counts) are summed
 * exactly in one pass ({@link sumsAreExact}); otherwise a second pass sums again in 128-bit fixed point
 * ({@link exactSumBits}), so the same files always give the same bits (a parallel double sum would not).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { scanCells } from "clusterlab/advanced";
 * const dir = await Deno.makeTempDir();
 * await Deno.writeTextFile(`${dir}/a.csv`, "region,sector,value\nR1,0161,2\nR1,0161,3\nR2,0162,4\n");
 * const cells = await scanCells(`${dir}/a.csv`);
 * assert.deepEqual(cells.sectors, ["0161", "0162"]);
 * assert.deepEqual([...cells.value], [5, 4]);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function scanCells(
  source: FileSource,
  options: ScanCellsOptions & { readonly ordered?: boolean } = {},
): Promise<ScanCells> {
  const plan = checkOptions(options);
  const js = await jsRows(source, options);
  if (js) {
    const cells = cellsFromRows(js.rows);
    const { files, format, sql } = js;
    return { ...cells, columns: columnsOf(plan), sql, files, format, inputRows: js.rows.n, engine: "js" };
  }
  return await withEngine(async (engine) => {
    const { files, format } = await resolveFiles(engine, source, "scanLong source", options.format);
    const subject = files.length === 1 ? files[0]! : `scanLong input (${files.length} files)`;
    // One CSV file is not sniffed twice: its columns are inspected only to explain a failure.
    const once = format !== "parquet" && files.length === 1;
    const explain = () => inspect(engine, files, format, plan, subject);
    const { types, sameHeader } = once
      ? { types: new Map<string, string>(), sameHeader: true }
      : await explain();
    const warnings = format === "parquet" ? checkTypes(types, plan, subject) : [];
    const csv = csvReadOptions(plan, sameHeader);
    const rejects = format !== "parquet" && sameHeader;
    const from = readFunction(files, format, csv);
    const integer = (
      c: string | undefined,
    ) => (c !== undefined && INTEGER.test(types.get(c) ?? "") ? "integer" : "other");
    const facts = format === "parquet" ? await parquetFacts(engine, files, plan) : {};
    const { sql, run, badCells, magnitudes, exact } = aggregationSql(
      plan,
      from,
      readFunction(files, format, { ...csv, storeRejects: rejects }),
      { year: integer(plan.year), value: integer(plan.value), ...facts, rowsKnown: facts.rows !== undefined },
    );
    await runAggregation(engine, run, plan, subject, explain);
    const totals = await checkRows(engine, { files, format, plan, csv }, { rejects, badCells, subject });
    const inputRows = facts.rows ?? totals.rows;
    if (plan.aggregate === "sum" && !sumsAreExact(totals.flags, totals.largest)) {
      const [m] = await engine.rows(magnitudes);
      const second = exactSumBits({
        bound: inputRows * Number(m!.amax ?? 0),
        smallest: m!.amin == null ? Infinity : Number(m!.amin),
      });
      await engine.run(exact(second.bits));
      if (!second.exact) warnings.push(roundingNote(second.bits));
    }
    const cells = await fetchCells(engine, plan, options.ordered ?? true);
    return { ...cells, columns: columnsOf(plan), sql, files, format, inputRows, warnings, engine: "duckdb" };
  });
}
