/**
 * The JS engine of `scanLong` (`engine: "js"`, and `"auto"` when it can): which inputs it reads, reading
 * the files (through `source.ts`, gzip through `DecompressionStream`) into a {@link RowStore}, and the
 * DuckDB scan's errors for what is wrong in them. Nothing here loads DuckDB.
 * @module
 */
import { ValidationError, type ValidationIssue } from "../core/validation_error.ts";
import { type FileFormat, type FileSource, hasGlob, resolveFiles } from "./file_sources.ts";
import { type Layout, parseRows, type RowProblems, RowStore } from "./csv_rows.ts";
import { countIssue, moreIssue } from "./scan_issues.ts";
import type { ScanPlan } from "./scan_sql.ts";
import { readSourceBytes } from "./source.ts";

/** Which engine aggregates: `"auto"` (default) the JS reader when it can, else DuckDB. */
export type ScanEngine = "auto" | "duckdb" | "js";

/** Why the JS reader cannot read this scan (`undefined`: it can, as far as the options and names tell). */
export function jsBlocker(source: FileSource, plan: ScanPlan, format?: FileFormat): string | undefined {
  if (plan.where !== undefined) return "a where filter is SQL, run by DuckDB";
  if (hasGlob(source)) return "glob patterns are expanded by DuckDB (list the files instead)";
  if (format === "parquet") return "Parquet files are read by DuckDB";
  return undefined;
}

/** The same, once the files are known. */
function fileBlocker(files: readonly string[], format: FileFormat): string | undefined {
  if (format === "parquet") return "Parquet files are read by DuckDB";
  const zst = files.find((f) => /\.zst$/i.test(f));
  if (zst) return `zstd-compressed files are read by DuckDB (${zst})`;
  return undefined;
}

/** A file the JS reader does not read; `engine: "auto"` hands the scan to DuckDB. */
export class NotForJs extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** A {@link ValidationError} for `engine: "js"` on an input it does not read. */
export function jsRefusal(reason: string): ValidationError {
  return new ValidationError("scanLong options", [{
    column: "engine",
    expected: 'input the JS reader reads exactly as DuckDB does (or engine: "auto" or "duckdb")',
    received: `"js", but ${reason}`,
  }]);
}

async function fileBytes(file: string): Promise<Uint8Array> {
  const { bytes } = await readSourceBytes(file, "scanLong source");
  if (!/\.(gz|gzip)$/i.test(file)) return bytes;
  try {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (e) {
    throw new NotForJs(`${file} is not a gzip file DecompressionStream reads (${(e as Error).message})`);
  }
}

/** The header of a file: its column names and where the data starts. */
function header(bytes: Uint8Array, file: string, delimiter: string) {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let end = bytes.indexOf(10, bom);
  if (end < 0) end = bytes.length;
  const stop = end > bom && bytes[end - 1] === 13 ? end - 1 : end;
  if (stop === bom) throw new NotForJs(`${file} starts with a blank line`);
  const line = bytes.subarray(bom, stop);
  if (line.indexOf(34) >= 0) {
    throw new NotForJs(`${file} has a double quote (quoted fields are read by DuckDB)`);
  }
  if (line.indexOf(13) >= 0) throw new NotForJs(`${file} has a CR line end without LF`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(bom, stop));
  } catch {
    throw new NotForJs(`${file} has a header that is not UTF-8`);
  }
  return { names: text.split(delimiter), start: Math.min(end + 1, bytes.length) };
}

function layoutOf(names: readonly string[], plan: ScanPlan, delimiter: string): Layout {
  return {
    fields: names.length,
    region: names.indexOf(plan.region),
    sector: names.indexOf(plan.sector),
    value: plan.aggregate === "sum" ? names.indexOf(plan.value) : -1,
    year: plan.year === undefined ? -1 : names.indexOf(plan.year),
    delimiter: delimiter.charCodeAt(0),
  };
}

/** The missing columns of one file, as the DuckDB scan names them. */
function missingColumns(names: readonly string[], plan: ScanPlan, file: string): ValidationIssue[] {
  return plan.needed.filter((c) => !names.includes(c)).map((c) => ({
    column: c,
    expected: `a column "${c}"`,
    received: `columns ${names.map((n) => JSON.stringify(n)).join(", ")}`,
    message: `in ${file}`,
  }));
}

/** The rows of the files, read by the JS reader. */
export interface JsRows {
  readonly rows: RowStore;
  readonly files: readonly string[];
  readonly format: FileFormat;
  /** Every file has the same header (DuckDB then reads them by position, else by name). */
  readonly sameHeader: boolean;
}

/** How many rows a file of `bytes` has, from its first 64 KiB (to size the arrays once). */
function estimateRows(bytes: Uint8Array, start: number): number {
  const sample = bytes.subarray(start, Math.min(bytes.length, start + 65536));
  let lines = 0;
  for (let i = sample.indexOf(10); i >= 0; i = sample.indexOf(10, i + 1)) lines++;
  return Math.ceil((bytes.length - start) * (lines + 1) / Math.max(sample.length, 1) * 1.02) + 16;
}

/**
 * Read the files of `source` into rows, or throw: a {@link ValidationError} for what the DuckDB scan would
 * report (missing columns, rejected and invalid rows, with the same issues), {@link NotForJs} for an input
 * this reader does not read.
 */
export async function readJsRows(source: FileSource, plan: ScanPlan, format?: FileFormat): Promise<JsRows> {
  const resolved = await resolveFiles(undefined, source, "scanLong source", format);
  const { files } = resolved;
  const blocked = fileBlocker(files, resolved.format);
  if (blocked) throw new NotForJs(blocked);
  const delimiter = resolved.format === "tsv" ? "\t" : plan.delimiter;
  const subject = files.length === 1 ? files[0]! : `scanLong input (${files.length} files)`;
  const names = { region: plan.region, sector: plan.sector, value: plan.value, year: plan.year };
  const missing: ValidationIssue[] = [];
  const problems: [string, RowProblems][] = [];
  let rows: RowStore | undefined, first: string | undefined, sameHeader = true;
  for (const file of files) {
    const bytes = await fileBytes(file);
    const head = header(bytes, file, delimiter);
    const joined = head.names.join("\u0000");
    if (first === undefined) first = joined;
    else if (joined !== first) sameHeader = false;
    missing.push(...missingColumns(head.names, plan, file));
    if (missing.length > 0) continue;
    rows ??= new RowStore(0, plan.year !== undefined, plan.aggregate === "sum");
    rows.reserve(estimateRows(bytes, head.start));
    const found: RowProblems = { rejected: [], rejectedCount: 0, invalid: [], invalidCount: 0 };
    const layout = layoutOf(head.names, plan, delimiter);
    const stop = parseRows(bytes, head.start, rows, { file, layout, names, problems: found });
    if (stop) throw new NotForJs(stop);
    if (rows.regions.invalid || rows.sectors.invalid) {
      throw new NotForJs(`${file} has a code that is not UTF-8`);
    }
    problems.push([file, found]);
  }
  if (missing.length > 0) throw new ValidationError(subject, missing);
  const issues = rowIssues(problems);
  if (issues.length > 0) throw new ValidationError(subject, issues);
  return { rows: rows!, files, format: resolved.format, sameHeader };
}

/**
 * The issues of the rows, as `checkRows` of the DuckDB scan lists them: the rejected rows first (by file
 * name and line, at most 20, then their total), then, when some row was invalid, a note if rows were
 * rejected, else the invalid rows (by file name and row, at most 20 rows, then their total).
 */
function rowIssues(problems: readonly [string, RowProblems][]): ValidationIssue[] {
  const byName = [...problems].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, p]) => p);
  const rejected = byName.flatMap((p) => p.rejected);
  const rejectedCount = byName.reduce((s, p) => s + p.rejectedCount, 0);
  const invalidCount = byName.reduce((s, p) => s + p.invalidCount, 0);
  const issues = rejected.slice(0, 20);
  if (rejectedCount > 20) issues.push(countIssue(rejectedCount));
  if (invalidCount === 0) return issues;
  if (issues.length > 0) return [...issues, moreIssue()];
  const invalid = byName.flatMap((p) => p.invalid).slice(0, 20);
  issues.push(...invalid.flat());
  if (invalidCount > invalid.length) issues.push(countIssue(invalidCount));
  return issues;
}
