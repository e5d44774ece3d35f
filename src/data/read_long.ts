/**
 * `readLong`: a researcher's own long table (one row per region × sector [× year]) from a CSV, TSV or Parquet
 * file, with its columns given or guessed (`guessColumns`), codes kept as text and every cell checked, ready
 * for `matrixFrom(table, columns)` and every indicator.
 * @module
 */
import * as aq from "../deps/arquero.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import { describeValue, ValidationError } from "../core/validation_error.ts";
import { type ColumnRole, guessColumns, type LongColumns } from "./column_roles.ts";
import { readParquet } from "./parquet.ts";
import { parseDelimited } from "./read.ts";
import type { TableSchema } from "./schema.ts";
import { validate } from "./validate.ts";

/** Formats {@link readLong} reads. */
export type LongFormat = "csv" | "tsv" | "parquet";

/** Options of {@link readLong}: the column of each role (default: guessed) and the format. */
export interface ReadLongOptions {
  /** The region column (default: guessed from names such as region, nuts2, province, country). */
  readonly region?: string;
  /** The sector column (default: guessed from names such as sector, industry, sic, field). */
  readonly sector?: string;
  /** The value column (default: guessed from names such as value, employment, count, patents). */
  readonly value?: string;
  /** The year column (default: guessed, none when no column fits); `false`: no year even when one fits. */
  readonly year?: string | false;
  /** The format (default: from the extension: `.csv`, `.tsv`, `.parquet`, also `.csv.gz` and `.tsv.gz`). */
  readonly format?: LongFormat;
}

/** The result of {@link readLong}. */
export interface ReadLongResult {
  /** The table: every column of the file; region and sector as text, value and year as numbers. */
  readonly table: ColumnTable;
  /** The column of each role; pass it to `matrixFrom(table, columns)` and the indicators. */
  readonly columns: LongColumns;
  /** The roles whose column was guessed. */
  readonly guessed: readonly ColumnRole[];
  /** The file read, and its format. */
  readonly file: string;
  /** Its format. */
  readonly format: LongFormat;
  /** Notes: repeated region × sector (× year) rows (summed by `matrixFrom`), number codes read as text. */
  readonly warnings: readonly string[];
}

/**
 * The format of a long-table file from its extension (`.csv`, `.tsv`/`.tab`, also gzipped; `.parquet`,
 * `.parq`, `.pq`), or undefined.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { longFormatOf } from "clusterlab/advanced";
 * assert.equal(longFormatOf("jobs.CSV.gz"), "csv");
 * assert.equal(longFormatOf("patents.pq"), "parquet");
 * assert.equal(longFormatOf("jobs.xlsx"), undefined);
 * ```
 */
export function longFormatOf(path: string): LongFormat | undefined {
  const p = path.toLowerCase();
  if (/\.(parquet|parq|pq)$/.test(p)) return "parquet";
  if (/\.csv(\.gz)?$/.test(p)) return "csv";
  if (/\.(tsv|tab)(\.gz)?$/.test(p)) return "tsv";
  return undefined;
}

async function readText(path: string): Promise<string> {
  if (!path.toLowerCase().endsWith(".gz")) return await Deno.readTextFile(path);
  const stream = (await Deno.open(path)).readable.pipeThrough(new DecompressionStream("gzip"));
  return await new Response(stream).text();
}

/** Delimited text with every column as text (the header's names are read first), structural errors named. */
function readDelimited(text: string, delimiter: string, file: string): ColumnTable {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a spreadsheet's byte-order mark
  const end = text.search(/\r?\n/);
  const header = aq.fromCSV(end < 0 ? text : text.slice(0, end), { delimiter, autoType: false });
  try {
    return parseDelimited(text, { delimiter, text: header.columnNames() });
  } catch (e) {
    if (e instanceof ValidationError) throw new ValidationError(file, e.issues);
    throw e;
  }
}

/** The schema of a long table with these role columns (`file` names it in every issue). */
function longSchema(file: string, columns: LongColumns): TableSchema {
  return {
    name: file,
    title: { en: "long table", zh: "长表" },
    columns: {
      [columns.region]: { type: "text", description: "region code" },
      [columns.sector]: { type: "text", description: "sector code" },
      [columns.value]: { type: "number", min: 0, description: "count (employment, patents, exports, …)" },
      ...(columns.year === undefined ? {} : { [columns.year]: { type: "integer", description: "year" } }),
    },
  };
}

/** Parquet code columns stored as numbers become their decimal text (with a warning: leading zeros are lost). */
function codesAsText(table: ColumnTable, columns: LongColumns, warnings: string[]): ColumnTable {
  const numeric = [columns.region, columns.sector].filter((c) => {
    const v = table.array(c) as ArrayLike<unknown>;
    return v.length > 0 && typeof v[0] === "number";
  });
  if (numeric.length === 0) return table;
  const derived: Record<string, string[]> = {};
  for (const c of numeric) {
    derived[c] = Array.from(table.array(c) as ArrayLike<unknown>, (v) => (v === null ? "" : String(v)));
    warnings.push(
      `column "${c}" is stored as numbers in the file: read as their decimal text (leading zeros, if the codes ` +
        "had any, were lost when the file was written)",
    );
  }
  return table.assign(aq.table(derived));
}

/** The warning (none or one) on repeated region × sector (× year) rows. */
function repeatWarnings(table: ColumnTable, columns: LongColumns): string[] {
  const keys = [columns.region, columns.sector, ...(columns.year === undefined ? [] : [columns.year])];
  const getters = keys.map((k) => table.getter(k));
  const seen = new Set<string>();
  let repeats = 0, first = 0;
  for (let i = 0; i < table.numRows(); i++) {
    const key = getters.map((g) => String(g(i))).join("\u0000");
    if (seen.has(key)) {
      repeats++;
      first ||= i + 1;
    } else seen.add(key);
  }
  if (repeats === 0) return [];
  return [
    `${repeats} row(s) repeat a ${
      keys.join(" × ")
    } already listed (first: row ${first}): matrixFrom refuses them unless asked to sum them ` +
    '(duplicates: "sum"; check that the file holds one measure, e.g. not both men and women and their total)',
  ];
}

/**
 * Read a long table (one row per region × sector, optionally × year) from a CSV, TSV or Parquet file (`.gz`
 * for CSV and TSV), with the region, sector, value and year columns given in the options or guessed from
 * their names ({@link guessColumns}: a role no column or two columns fit is a {@link ValidationError} that
 * lists the file's columns). Codes stay text (`0161` keeps its zero); every value must be a finite number ≥ 0
 * and every year an integer: an empty, non-numeric or negative cell is a {@link ValidationError} naming the
 * file, row and column (missing is not zero). Repeated region × sector (× year) rows are kept and counted in
 * the warnings (`matrixFrom` sums them).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { matrixFrom, readLong } from "clusterlab";
 * const dir = await Deno.makeTempDir();
 * await Deno.writeTextFile(`${dir}/jobs.csv`, "NUTS2,SIC,Employment\nUKC1,0161,30\nUKC2,0161,10\nUKC2,0162,5\n");
 * const { table, columns, guessed } = await readLong(`${dir}/jobs.csv`);
 * assert.deepEqual(columns, { region: "NUTS2", sector: "SIC", value: "Employment" });
 * assert.deepEqual(guessed, ["region", "sector", "value"]);
 * assert.deepEqual(table.array("SIC"), ["0161", "0161", "0162"]); // codes stay text
 * assert.equal(matrixFrom(table, columns).get("UKC2", "0162"), 5);
 * await Deno.writeTextFile(`${dir}/bad.csv`, "region,sector,value\nR1,0161,\n");
 * await assert.rejects(() => readLong(`${dir}/bad.csv`), /bad\.csv: 1 problem\n  - row 1, column "value"/);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function readLong(path: string | URL, options: ReadLongOptions = {}): Promise<ReadLongResult> {
  const file = path instanceof URL ? decodeURIComponent(path.pathname) : String(path);
  const format = options.format ?? longFormatOf(file);
  if (format !== "csv" && format !== "tsv" && format !== "parquet") {
    throw new ValidationError(file, [{
      column: "format",
      expected: "a .csv, .tsv or .parquet file (or .csv.gz, .tsv.gz), or the option format",
      received: describeValue(options.format ?? file),
    }]);
  }
  const warnings: string[] = [];
  let raw: ColumnTable;
  if (format === "parquet") raw = await readParquet(file);
  else raw = readDelimited(await readText(file), format === "tsv" ? "\t" : ",", file);
  const { columns, guessed } = guessColumns(raw.columnNames(), { ...options, subject: file });
  if (format === "parquet") raw = codesAsText(raw, columns, warnings);
  const { table } = validate(raw, longSchema(file, columns), { fromText: format !== "parquet" });
  warnings.push(...repeatWarnings(table, columns));
  return { table, columns, guessed, file, format, warnings };
}
