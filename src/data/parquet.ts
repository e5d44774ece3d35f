/**
 * Parquet files in and out of arquero, through DuckDB (imported on first use). Reading is columnar: numbers
 * arrive in `Float64Array`s, text through a dictionary (each distinct label decoded once), never row
 * objects. Types are kept, not guessed: text stays text (codes keep their leading zeros), integers and
 * decimals become numbers, booleans booleans, dates and timestamps `Date`s; what cannot be represented
 * exactly (a 64-bit integer beyond ±2⁵³, a list or struct column) is a {@link ValidationError}.
 * @module
 */
import { fileURLToPath } from "node:url";
import * as aq from "../deps/arquero.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../core/validation_error.ts";
import { type TableInput, toTable } from "./adapters.ts";
import type { TableSchema } from "./schema.ts";
import { validate } from "./validate.ts";
import {
  asValidation,
  type Engine,
  loadDuckDB,
  readNumbers,
  readValues,
  sqlIdentifier,
  sqlString,
  withEngine,
} from "./duckdb_engine.ts";
import { type FileSource, resolveFiles } from "./file_sources.ts";
import { readFunction } from "./scan_sql.ts";

/** Options of {@link readParquet}. */
export interface ReadParquetOptions {
  /** Read only these columns, in this order (default: every column). */
  readonly columns?: readonly string[];
  /** A filter on the rows, as an SQL expression over the file's columns (passed to DuckDB as SQL). */
  readonly where?: string;
  /** Validate the table with this schema (as {@link readCSV} does). */
  readonly schema?: TableSchema;
}

type Kind = "text" | "number" | "int64" | "boolean" | "time";

function kindOf(type: string): Kind | undefined {
  if (type === "VARCHAR" || type === "UUID" || type.startsWith("ENUM")) return "text";
  if (/^(BIGINT|UBIGINT|HUGEINT|UHUGEINT)$/.test(type)) return "int64";
  if (/^(TINYINT|SMALLINT|INTEGER|UTINYINT|USMALLINT|UINTEGER|FLOAT|DOUBLE|DECIMAL.*)$/.test(type)) {
    return "number";
  }
  if (type === "BOOLEAN") return "boolean";
  if (/^(DATE|TIMESTAMP.*)$/.test(type)) return "time";
  return undefined;
}

async function parquetColumns(
  engine: Engine,
  files: readonly string[],
  options: ReadParquetOptions,
  subject: string,
): Promise<[string, Kind][]> {
  const rows = await asValidation(
    subject,
    (m) => ({ column: "source", expected: "Parquet files DuckDB can read", received: m }),
    () => engine.rows(`DESCRIBE SELECT * FROM ${readFunction(files, "parquet")}`),
  );
  const types = new Map(rows.map((r) => [String(r.column_name), String(r.column_type)]));
  const wanted = options.columns ?? [...types.keys()];
  const issues: ValidationIssue[] = [];
  const out: [string, Kind][] = [];
  for (const name of wanted) {
    const type = types.get(name);
    const kind = type === undefined ? undefined : kindOf(type);
    if (type === undefined) {
      issues.push({
        column: name,
        expected: `a column "${name}"`,
        received: `columns ${[...types.keys()].map((c) => JSON.stringify(c)).join(", ")}`,
      });
    } else if (kind === undefined) {
      issues.push({
        column: name,
        expected: "text, numbers, booleans, dates or timestamps",
        received: `a ${type} column`,
      });
    } else out.push([name, kind]);
  }
  if (issues.length > 0) throw new ValidationError(subject, issues);
  return out;
}

/** 64-bit integer columns must fit a JavaScript number exactly (|x| ≤ 2⁵³ − 1). */
async function checkInt64(engine: Engine, cols: [string, Kind][], subject: string): Promise<void> {
  const big = cols.filter(([, k]) => k === "int64").map(([c]) => c);
  if (big.length === 0) return;
  const q = sqlIdentifier;
  const [row] = await engine.rows(
    `SELECT ${big.map((c, i) => `CAST(max(abs(${q(c)})) AS DOUBLE) AS m_${i}`).join(", ")} FROM t`,
  );
  const issues: ValidationIssue[] = [];
  big.forEach((c, i) => {
    const m = row![`m_${i}`];
    if (typeof m === "number" && m > Number.MAX_SAFE_INTEGER) {
      issues.push({
        column: c,
        expected: "integers within ±(2⁵³ − 1)",
        received: `a value of magnitude ${m}`,
      });
    }
  });
  if (issues.length > 0) throw new ValidationError(subject, issues);
}

/** Move the columns of temporary table `t` into JavaScript arrays, in the file's row order. */
async function transfer(engine: Engine, cols: [string, Kind][]): Promise<Record<string, ArrayLike<unknown>>> {
  const q = sqlIdentifier;
  const selects: string[] = [], joins: string[] = [];
  const dictionaries = new Map<number, unknown[]>();
  for (const [i, [name, kind]] of cols.entries()) {
    if (kind === "text") {
      await engine.run(
        `CREATE TEMP TABLE d_${i} AS SELECT label, CAST(row_number() OVER () - 1 AS INTEGER) AS id FROM (SELECT DISTINCT CAST(${
          q(name)
        } AS VARCHAR) AS label FROM t WHERE ${q(name)} IS NOT NULL)`,
      );
      dictionaries.set(i, readValues(await engine.run(`SELECT label FROM d_${i} ORDER BY id`), 0));
      joins.push(`LEFT JOIN d_${i} ON CAST(t.${q(name)} AS VARCHAR) = d_${i}.label`);
      selects.push(`d_${i}.id`);
    } else if (kind === "time") selects.push(`CAST(epoch_ms(CAST(t.${q(name)} AS TIMESTAMP)) AS DOUBLE)`);
    else if (kind === "boolean") selects.push(`t.${q(name)}`);
    else selects.push(`CAST(t.${q(name)} AS DOUBLE)`);
  }
  const [nulls] = await engine.rows(
    `SELECT ${cols.map(([name], i) => `COUNT(*) - COUNT(${q(name)}) AS n_${i}`).join(", ")} FROM t`,
  );
  const result = await engine.run(`SELECT ${selects.join(", ")} FROM t ${joins.join(" ")} ORDER BY t.rowid`);
  const columns: Record<string, ArrayLike<unknown>> = {};
  for (const [i, [name, kind]] of cols.entries()) {
    const hasNull = Number(nulls![`n_${i}`]) > 0;
    if (kind === "number" || kind === "int64") {
      columns[name] = hasNull
        ? readValues(result, i)
        : readNumbers(result, i, new Float64Array(result.rowCount));
    } else if (kind === "text") {
      const dict = dictionaries.get(i)!;
      columns[name] = readValues(result, i).map((id) => (id === null ? null : dict[id as number]));
    } else if (kind === "time") {
      columns[name] = readValues(result, i).map((ms) => (ms === null ? null : new Date(ms as number)));
    } else columns[name] = readValues(result, i);
  }
  return columns;
}

/**
 * Read Parquet files (a path, a list or a glob; Hive-partitioned folders included) into an arquero table,
 * column by column through DuckDB. Text columns stay text, numbers arrive as `Float64Array`s (plain arrays
 * with `null` where the file has nulls), dates and timestamps as `Date`s (UTC); rows keep the files' order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { readParquet, writeParquet } from "clusterlab";
 * const dir = await Deno.makeTempDir();
 * const path = `${dir}/jobs.parquet`;
 * await writeParquet([{ region: "R1", sector: "0161", value: 2.5 }, { region: "R2", sector: "0162", value: 4 }], path);
 * const t = await readParquet(path, { where: "value > 3" });
 * assert.deepEqual(t.objects(), [{ region: "R2", sector: "0162", value: 4 }]);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function readParquet(
  source: FileSource,
  options: ReadParquetOptions = {},
): Promise<ColumnTable> {
  return await withEngine(async (engine) => {
    const { files, format } = await resolveFiles(engine, source, "readParquet source");
    const subject = files.length === 1 ? files[0]! : `Parquet input (${files.length} files)`;
    if (format !== "parquet") {
      throw new ValidationError(subject, [{
        column: "source",
        expected: "Parquet files (.parquet)",
        received: files[0]!,
      }]);
    }
    if (options.where !== undefined && (typeof options.where !== "string" || options.where.trim() === "")) {
      throw new ValidationError(subject, [{
        column: "where",
        expected: "an SQL expression",
        received: describeValue(options.where),
      }]);
    }
    const cols = await parquetColumns(engine, files, options, subject);
    const where = options.where === undefined ? "" : `\nWHERE (\n${options.where}\n)`;
    const select = cols.map(([c]) => sqlIdentifier(c)).join(", ") || "NULL AS __none";
    await asValidation(
      subject,
      (m) =>
        options.where === undefined
          ? { column: "source", expected: "Parquet files DuckDB can read", received: m }
          : {
            column: "where",
            expected: "an SQL expression over the file's columns",
            received: describeValue(options.where),
            message: m,
          },
      () =>
        engine.run(`CREATE TEMP TABLE t AS SELECT ${select} FROM ${readFunction(files, "parquet")}${where}`),
    );
    await checkInt64(engine, cols, subject);
    const table = aq.table(cols.length === 0 ? {} : await transfer(engine, cols));
    return options.schema ? validate(table, options.schema).table : table;
  });
}

/** Options of {@link writeParquet}. */
export interface WriteParquetOptions {
  /** Compression codec (default `"zstd"`). */
  readonly compression?: "zstd" | "snappy" | "gzip" | "uncompressed";
}

/** What {@link writeParquet} wrote. */
export interface WriteParquetResult {
  /** The file written. */
  readonly path: string;
  /** Number of rows written. */
  readonly rows: number;
  /** The DuckDB (Parquet) type of each column. */
  readonly types: Readonly<Record<string, string>>;
  /** Notes (a column without any value, written as text); empty when none. */
  readonly warnings: readonly string[];
}

type ColumnType = "VARCHAR" | "INTEGER" | "BIGINT" | "DOUBLE" | "BOOLEAN" | "TIMESTAMP";

function typeOfValue(v: unknown): ColumnType | "int32" | "int53" | undefined {
  if (typeof v === "string") return "VARCHAR";
  if (typeof v === "number") {
    if (Number.isInteger(v) && Math.abs(v) <= 2147483647) return "int32";
    return Number.isSafeInteger(v) ? "int53" : "DOUBLE";
  }
  if (typeof v === "boolean") return "BOOLEAN";
  if (typeof v === "bigint") return "BIGINT";
  if (v instanceof Date) return "TIMESTAMP";
  return undefined;
}

/** One type per column: numbers INTEGER, BIGINT or DOUBLE by their values; a mix of kinds is an issue. */
function columnType(
  name: string,
  values: ArrayLike<unknown>,
  issues: ValidationIssue[],
): ColumnType | undefined {
  let kind: "text" | "number" | "boolean" | "bigint" | "time" | undefined;
  let numeric: ColumnType = "INTEGER";
  let first = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    const t = typeOfValue(v);
    const k = t === undefined
      ? undefined
      : t === "VARCHAR"
      ? "text"
      : t === "BOOLEAN"
      ? "boolean"
      : t === "BIGINT"
      ? "bigint"
      : t === "TIMESTAMP"
      ? "time"
      : "number";
    if (
      k === undefined || (kind !== undefined && k !== kind) ||
      (t === "TIMESTAMP" && isNaN((v as Date).getTime()))
    ) {
      issues.push({
        row: i + 1,
        column: name,
        expected: kind === undefined
          ? "text, a number, a boolean, a bigint or a valid Date"
          : `a ${kind} (as row ${first + 1})`,
        received: describeValue(v),
      });
      return undefined;
    }
    if (kind === undefined) [kind, first] = [k, i];
    if (t === "DOUBLE") numeric = "DOUBLE";
    else if (t === "int53" && numeric === "INTEGER") numeric = "BIGINT";
  }
  if (kind === undefined) return undefined;
  return kind === "number"
    ? numeric
    : ({ text: "VARCHAR", boolean: "BOOLEAN", bigint: "BIGINT", time: "TIMESTAMP" } as const)[kind];
}

/** Append the columns to DuckDB table `w` in chunks of 2,048 rows. */
async function appendColumns(
  engine: Engine,
  columns: readonly ArrayLike<unknown>[],
  types: readonly ColumnType[],
  rows: number,
): Promise<void> {
  const duckdb = await loadDuckDB();
  const duckTypes = types.map((t) => duckdb[t]);
  const convert = types.map((t) =>
    t === "TIMESTAMP"
      ? (v: unknown) => (v == null ? null : duckdb.timestampValue(BigInt((v as Date).getTime()) * 1000n))
      : t === "BIGINT"
      ? (v: unknown) => (v == null ? null : BigInt(v as number | bigint))
      : (v: unknown) => (v === undefined ? null : v)
  );
  const appender = await engine.connection.createAppender("w");
  const size = 2048;
  for (let offset = 0; offset < rows; offset += size) {
    const m = Math.min(size, rows - offset);
    const chunk = duckdb.DuckDBDataChunk.create(duckTypes, m);
    columns.forEach((col, j) => {
      const values = new Array(m);
      for (let i = 0; i < m; i++) values[i] = convert[j]!(col[offset + i]);
      chunk.setColumnValues(j, values);
    });
    appender.appendDataChunk(chunk);
  }
  appender.flushSync();
  appender.closeSync();
}

/**
 * Write a table (arquero table, array of row objects, column object or danfojs DataFrame) to a Parquet file
 * through DuckDB. Each column gets one type from its values: text VARCHAR, integers INTEGER (or BIGINT
 * beyond 32 bits), other numbers DOUBLE, booleans BOOLEAN, bigints BIGINT, `Date`s TIMESTAMP; `null` and
 * `undefined` are written as NULL. A column mixing kinds (text and numbers) is a {@link ValidationError}.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { readParquet, writeParquet } from "clusterlab";
 * const dir = await Deno.makeTempDir();
 * const path = `${dir}/codes.parquet`;
 * const { types } = await writeParquet({ sector: ["0161", "0162"], jobs: [12, 7] }, path);
 * assert.deepEqual(types, { sector: "VARCHAR", jobs: "INTEGER" });
 * assert.deepEqual((await readParquet(path)).array("sector"), ["0161", "0162"]);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function writeParquet(
  input: TableInput,
  path: string | URL,
  options: WriteParquetOptions = {},
): Promise<WriteParquetResult> {
  const table = toTable(input);
  const file = path instanceof URL ? fileURLToPath(path) : path;
  const compression = options.compression ?? "zstd";
  const issues: ValidationIssue[] = [];
  if (!["zstd", "snappy", "gzip", "uncompressed"].includes(compression)) {
    issues.push({
      column: "compression",
      expected: "zstd, snappy, gzip or uncompressed",
      received: describeValue(compression),
    });
  }
  const names = table.columnNames();
  const columns = names.map((n) => table.array(n) as ArrayLike<unknown>);
  const warnings: string[] = [];
  const types = names.map((n, j) => {
    const t = columnType(n, columns[j]!, issues);
    if (t === undefined && !issues.some((i) => i.column === n)) {
      warnings.push(`column "${n}" has no values: written as VARCHAR`);
    }
    return t ?? "VARCHAR";
  });
  if (names.length === 0) {
    issues.push({ column: "(columns)", expected: "at least one column", received: "none" });
  }
  if (issues.length > 0) throw new ValidationError(`table written to ${file}`, issues);
  await withEngine(async (engine) => {
    await engine.run(`CREATE TABLE w (${names.map((n, j) => `${sqlIdentifier(n)} ${types[j]}`).join(", ")})`);
    await appendColumns(engine, columns, types, table.numRows());
    await asValidation(
      `table written to ${file}`,
      (m) => ({
        column: "path",
        expected: "a writable file path (its folder must exist)",
        received: file,
        message: m,
      }),
      () => engine.run(`COPY w TO ${sqlString(file)} (FORMAT parquet, COMPRESSION ${compression})`),
    );
  });
  return {
    path: file,
    rows: table.numRows(),
    types: Object.fromEntries(names.map((n, j) => [n, types[j]!])),
    warnings,
  };
}
