/**
 * Readers, one per format, through the reader layer (`source.ts`: the file checked, its bytes decoded
 * strictly) and arquero. With a schema, every cell is read as text and parsed by the schema (so code columns
 * keep leading zeros and a bad number is reported, not guessed); without one, a column is numeric only when
 * every cell reads back unchanged as a number, and the columns named in `text` stay text.
 * @module
 */
import * as aq from "../deps/arquero.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import type { TableSchema } from "./schema.ts";
import { validate } from "./validate.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../core/validation_error.ts";
import { type EncodingOptions, readSourceBytes, readSourceText, sourceError } from "./source.ts";
import { toTable } from "./adapters.ts";

/** Options of the text readers. */
export interface ReadOptions {
  /** Validate and type the table with this schema. */
  readonly schema?: TableSchema;
  /**
   * Without a schema: columns to keep as text even when every cell is a number. (Without a schema a column
   * becomes numeric only when every non-empty cell is a plain decimal number without a leading zero and,
   * for an integer, within ±2⁵³; codes like `0161` and long identifiers stay text.)
   */
  readonly text?: readonly string[];
  /** Field delimiter; "," for CSV, "\t" for TSV. */
  readonly delimiter?: string;
}

/** Options of {@link readCSV} and {@link readTSV}: the text readers' options and the file's encoding. */
export interface ReadFileOptions extends ReadOptions, EncodingOptions {}

/** Options of {@link delimitedIssues}. */
export interface DelimitedIssuesOptions {
  /** The field delimiter, one character (default `","`; another length finds nothing). */
  readonly delimiter?: string;
}

/** The records of delimited text: how many, where each starts, and its structural problems. */
interface DelimitedScan {
  /** Problems: rows with more or fewer fields than the header. */
  readonly issues: ValidationIssue[];
  /** Number of records, the header included. */
  readonly records: number;
  /** Number of fields of the header. */
  readonly headerFields: number;
}

function scanDelimited(text: string, delimiter: string): DelimitedScan {
  const issues: ValidationIssue[] = [];
  const D = delimiter.charCodeAt(0), QUOTE = 34, LF = 10, CR = 13;
  const n = text.length;
  let row = 0, fields = 1, header = 0, atFieldStart = true, pending = false;
  let line = 1, recordLine = 1;
  const endRecord = () => {
    if (row === 0) header = fields;
    else if (fields !== header) {
      issues.push({
        row,
        line: recordLine,
        column: "(fields)",
        expected: `${header} fields, as many as the header`,
        received: `${fields} field${fields === 1 ? "" : "s"}`,
      });
    }
    row++;
    fields = 1;
    atFieldStart = true;
    pending = false;
    recordLine = line;
  };
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    pending = true;
    if (atFieldStart && c === QUOTE) {
      i++;
      while (i < n) {
        const q = text.charCodeAt(i);
        if (q === QUOTE) {
          if (text.charCodeAt(i + 1) === QUOTE) {
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === LF) line++;
        i++;
      }
      atFieldStart = false;
    } else if (c === D) {
      fields++;
      atFieldStart = true;
      i++;
    } else if (c === LF || c === CR) {
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      endRecord();
    } else {
      atFieldStart = false;
      i++;
    }
  }
  if (pending) endRecord();
  return { issues, records: row, headerFields: header };
}

/**
 * Structural problems arquero's CSV parser would pass over silently: a data row with more fields than the
 * header (arquero drops the extra values) or fewer (arquero fills them with empty cells). Rows are numbered
 * like arquero's (1 = the first record after the header; quoted newlines stay inside their record); `line`
 * is the line of the text where the record starts (the header is line 1). ({@link parseDelimited} also
 * reports a column name that appears twice, which arquero would keep once.)
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { delimitedIssues } from "clusterlab/advanced";
 * assert.deepEqual(delimitedIssues('a,b\n1,"x,y"\n1,2,3\n4\n'), [
 *   { row: 2, line: 3, column: "(fields)", expected: "2 fields, as many as the header", received: "3 fields" },
 *   { row: 3, line: 4, column: "(fields)", expected: "2 fields, as many as the header", received: "1 field" },
 * ]);
 * assert.deepEqual(delimitedIssues("a\tb\n1\t2\n", { delimiter: "\t" }), []);
 * ```
 */
export function delimitedIssues(text: string, options?: DelimitedIssuesOptions): ValidationIssue[];
/** @deprecated the 0.1 form `delimitedIssues(text, delimiter)`; use `{ delimiter }`. */
export function delimitedIssues(text: string, delimiter?: string): ValidationIssue[];
export function delimitedIssues(
  text: string,
  options: DelimitedIssuesOptions | string = {},
): ValidationIssue[] {
  const delimiter = (typeof options === "string" ? options : options.delimiter) ?? ",";
  if (delimiter.length !== 1) return [];
  return scanDelimited(text, delimiter).issues;
}

/** Where delimited text came from, for messages: a file (readCSV, readTSV) or a string (parseDelimited). */
interface TextSource {
  readonly file?: string;
}

const DELIMITER_NAMES: Record<string, string> = { ",": "comma", "\t": "tab", ";": "semicolon", "|": "bar" };

function kindOf(delimiter: string, file: string | undefined): string {
  const kind = delimiter === "\t" ? "TSV" : delimiter === "," ? "CSV" : "delimited";
  return `${kind} ${file === undefined ? "text" : "file"}`;
}

/** The header, checked: present, not only one column that holds another delimiter (TSV read as CSV). */
function headerIssues(text: string, delimiter: string): ValidationIssue[] {
  if (text.trim() === "") {
    return [{ column: "(text)", expected: "a header line and at least one data row", received: "no text" }];
  }
  const end = text.search(/\r?\n/);
  const header = end < 0 ? text : text.slice(0, end);
  if (header.includes(delimiter)) return [];
  for (const [d, name] of Object.entries(DELIMITER_NAMES)) {
    if (d === delimiter || !header.includes(d)) continue;
    const how = d === "\t" ? 'readTSV (or delimiter: "\\t")' : d === "," ? "readCSV" : `delimiter: "${d}"`;
    return [{
      line: 1,
      column: "(header)",
      expected: `column names separated by ${DELIMITER_NAMES[delimiter] ?? JSON.stringify(delimiter)}s`,
      received: `one column name holding ${header.split(d).length - 1} ${name}(s): ${
        JSON.stringify(header.length > 60 ? header.slice(0, 57) + "..." : header)
      }`,
      message: `the text looks ${name}-separated: read it with ${how}`,
    }];
  }
  return [];
}

/** Repeated column names of a parsed header. */
function duplicateNameIssues(names: readonly string[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) {
      issues.push({
        line: 1,
        column: name,
        expected: "a column name used once in the header",
        received: `"${name}" ${names.filter((x) => x === name).length} times`,
      });
    }
    seen.add(name);
  }
  return issues;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const LEADING_ZERO = /^[+-]?0\d/;
const INTEGER = /^[+-]?\d+$/;

/** Can every non-empty cell be read as a number without losing anything (a leading zero, digits past 2⁵³)? */
function numericColumn(values: ArrayLike<unknown>): boolean {
  let any = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined || v === "") continue;
    const s = String(v).trim();
    if (!NUMBER.test(s) || LEADING_ZERO.test(s)) return false;
    if (INTEGER.test(s) && !Number.isSafeInteger(Number(s))) return false;
    any = true;
  }
  return any;
}

/**
 * Without a schema: a column becomes numeric only when every non-empty cell is a number that reads back
 * unchanged ({@link numericColumn}); every other column stays text (no dates, booleans or codes guessed).
 */
function typeColumns(table: ColumnTable, text: readonly string[]): ColumnTable {
  const keep = new Set(text);
  const numeric: Record<string, unknown[]> = {};
  for (const name of table.columnNames()) {
    if (keep.has(name)) continue;
    const values = table.array(name);
    if (!numericColumn(values)) continue;
    numeric[name] = Array.from(
      values,
      (v) => (v === null || v === undefined || v === "") ? null : Number(String(v).trim()),
    );
  }
  return Object.keys(numeric).length ? table.assign(aq.table(numeric)) : table;
}

/** Trailing blank lines are not records (arquero would read each as a row of empty cells). */
function withoutTrailingBlankLines(text: string): string {
  return text.replace(/(\r?\n[ \t]*)+$/, "\n");
}

/** Parse delimited text; `source.file` names the file in errors (see {@link parseDelimited}). */
export function parseText(text: string, options: ReadOptions, source: TextSource = {}): ColumnTable {
  const delimiter = options.delimiter ?? ",";
  const subject = options.schema?.name ?? kindOf(delimiter, source.file);
  const fail = (issues: ValidationIssue[]) => new ValidationError(subject, issues, { file: source.file });
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = withoutTrailingBlankLines(text);
  const head = headerIssues(text, delimiter);
  if (head.length > 0) throw fail(head);
  const scan = delimiter.length === 1 ? scanDelimited(text, delimiter) : undefined;
  const table = aq.fromCSV(text, { delimiter, autoType: false });
  const issues = [...(scan?.issues ?? []), ...duplicateNameIssues(table.columnNames())];
  if (issues.length === 0 && table.numRows() === 0) {
    issues.push({
      line: 2,
      column: "(rows)",
      expected: "at least one data row after the header",
      received: `only the header (${table.numCols()} column names)`,
    });
  }
  if (issues.length > 0) throw fail(issues);
  if (!options.schema) return typeColumns(table, options.text ?? []);
  try {
    return validate(table, options.schema, { fromText: true }).table;
  } catch (e) {
    if (e instanceof ValidationError && source.file !== undefined) throw fail([...e.issues]);
    throw e;
  }
}

/**
 * Parse delimited text (already in memory). A leading byte-order mark is removed (spreadsheets write one),
 * and so are blank lines at the end. With a schema, every cell is parsed by the schema; without one, a column
 * is numeric only when every non-empty cell is a number that reads back unchanged (so `0161` stays text).
 * No text, a header without data rows, a header that holds another delimiter (tab-separated text read as
 * CSV), rows with more or fewer fields than the header and repeated column names are each a
 * {@link ValidationError} naming the line, never silently dropped or filled.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ACTIVITY, parseDelimited } from "clusterlab";
 * const text = "region,sector,value\nR1,0161,3\nR2,0161,4\n";
 * const t = parseDelimited(text, { schema: ACTIVITY });
 * assert.deepEqual(t.array("sector"), ["0161", "0161"]); // a code column stays text
 * assert.deepEqual(t.array("value"), [3, 4]);
 * assert.deepEqual(parseDelimited(text).array("sector"), ["0161", "0161"]); // without a schema too
 * assert.throws(() => parseDelimited("a,a\n1,2\n"), /a column name used once in the header/);
 * assert.throws(() => parseDelimited("a\tb\n1\t2\n"), /looks tab-separated: read it with readTSV/);
 * assert.throws(() => parseDelimited("a,b\n1\n"), /line 2, row 1, column "\(fields\)": expected 2 fields/);
 * ```
 */
export function parseDelimited(text: string, options: ReadOptions = {}): ColumnTable {
  return parseText(text, options);
}

/**
 * Read a CSV file (with `ReadOptions.schema`, validated and typed; see {@link parseDelimited}). The file goes
 * through the reader layer (`src/data/source.ts`): a missing file, a directory or an empty file is a
 * {@link ValidationError} naming it, and its bytes are decoded strictly in `encoding` (default UTF-8; `"gbk"`,
 * `"gb18030"`, `"latin1"` …), never with `�` replacements.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { readCSV } from "clusterlab";
 * const path = await Deno.makeTempFile({ suffix: ".csv" });
 * await Deno.writeTextFile(path, "region,code,jobs\nR1,0161,12\n");
 * const t = await readCSV(path); // without a schema, codes with a leading zero stay text
 * assert.deepEqual(t.objects(), [{ region: "R1", code: "0161", jobs: 12 }]);
 * await Deno.writeFile(path, new Uint8Array([0x72, 0x0a, 0xd5, 0xe3, 0x0a])); // "r", then 浙 in GBK
 * await assert.rejects(() => readCSV(path), /line 2, byte 2.*try \{ encoding: "gb18030" \}/s);
 * assert.deepEqual((await readCSV(path, { encoding: "gbk" })).objects(), [{ r: "浙" }]);
 * await Deno.remove(path);
 * ```
 */
export async function readCSV(path: string | URL, options: ReadFileOptions = {}): Promise<ColumnTable> {
  const { file, text } = await readSourceText(path, "CSV file", options);
  return parseText(text, { delimiter: ",", ...options }, { file });
}

/**
 * Read a TSV file (tab-delimited; otherwise as {@link readCSV}).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { readTSV } from "clusterlab";
 * const path = await Deno.makeTempFile({ suffix: ".tsv" });
 * await Deno.writeTextFile(path, "region\tvalue\nR1\t3\n");
 * assert.deepEqual((await readTSV(path)).objects(), [{ region: "R1", value: 3 }]);
 * await Deno.remove(path);
 * ```
 */
export async function readTSV(path: string | URL, options: ReadFileOptions = {}): Promise<ColumnTable> {
  const { file, text } = await readSourceText(path, "TSV file", options);
  return parseText(text, { ...options, delimiter: "\t" }, { file });
}

/** Line and column (1-based) of character `position` of `text`. */
function lineColumn(text: string, position: number): [number, number] {
  let line = 1, last = -1;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) [line, last] = [line + 1, i];
  }
  return [line, position - last];
}

/** JSON.parse, with a syntax error turned into a {@link ValidationError} naming the file, line and column. */
function parseJSON(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const at = /at position (\d+)/.exec(message);
    const position = at ? Number(at[1]) : text.length;
    const [line, column] = lineColumn(text, position);
    const truncated = !at || /end of JSON/.test(message) || position >= text.trimEnd().length;
    throw sourceError("JSON file", file, [{
      line,
      column: "(JSON)",
      expected: "valid JSON: an array of row objects or an object of columns",
      received: truncated ? "the end of the text (truncated JSON?)" : `a syntax error at column ${column}`,
      message: message.replace(/ in JSON at position \d+.*$/, ""),
    }]);
  }
}

/** The rows or columns of parsed JSON, as a table: anything else is a {@link ValidationError}. */
function jsonTable(data: unknown, file: string): ColumnTable {
  const fail = (expected: string, received: string) =>
    sourceError("JSON file", file, [{ column: "(JSON)", expected, received }]);
  if (Array.isArray(data)) {
    const bad = data.findIndex((r) => r === null || typeof r !== "object" || Array.isArray(r));
    if (bad >= 0) {
      throw fail("an array of row objects", `element ${bad + 1} is ${describeValue(data[bad])}`);
    }
    if (data.length === 0) throw fail("at least one row", "an empty array");
    return toTable(data as Record<string, unknown>[]);
  }
  if (data === null || typeof data !== "object") {
    throw fail("an array of row objects or an object of columns", describeValue(data));
  }
  const entries = Object.entries(data as Record<string, unknown>);
  const notArray = entries.find(([, v]) => !Array.isArray(v));
  if (notArray) throw fail(`an array of values in column "${notArray[0]}"`, describeValue(notArray[1]));
  if (entries.length === 0 || (entries[0]![1] as unknown[]).length === 0) {
    throw fail("at least one row", entries.length === 0 ? "an empty object" : "empty columns");
  }
  try {
    return toTable(data as Record<string, unknown[]>);
  } catch (e) {
    if (e instanceof ValidationError) throw sourceError("JSON file", file, [...e.issues]);
    throw e;
  }
}

/** Validate a table read from `file` with `schema` (when given), the error naming the file. */
function validated(table: ColumnTable, schema: TableSchema | undefined, file: string): ColumnTable {
  if (!schema) return table;
  try {
    return validate(table, schema).table;
  } catch (e) {
    if (e instanceof ValidationError) throw new ValidationError(schema.name, e.issues, { file });
    throw e;
  }
}

/**
 * Read a JSON file: an array of row objects, or an object of columns. Values keep their JSON types. A syntax
 * error (a truncated file) names the line; JSON of another shape (a number, an array of arrays, columns of
 * different lengths, no rows) is a {@link ValidationError} naming the file.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { readJSON } from "clusterlab";
 * const path = await Deno.makeTempFile({ suffix: ".json" });
 * await Deno.writeTextFile(path, JSON.stringify({ region: ["R1", "R2"], value: [3, 4] }));
 * assert.deepEqual((await readJSON(path)).array("value"), [3, 4]);
 * await Deno.writeTextFile(path, '[{"region": "R1",\n  "value": 3');
 * await assert.rejects(() => readJSON(path), /line 2, column "\(JSON\)".*truncated JSON/s);
 * await Deno.remove(path);
 * ```
 */
export async function readJSON(
  path: string | URL,
  options: Omit<ReadFileOptions, "delimiter" | "text"> = {},
): Promise<ColumnTable> {
  const { file, text } = await readSourceText(path, "JSON file", options);
  return validated(jsonTable(parseJSON(text, file), file), options.schema, file);
}

const ARROW_FILE = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31]; // "ARROW1"
const SIGNATURES: [number[], string][] = [
  [[0x50, 0x41, 0x52, 0x31], "a Parquet file: read it with readParquet"],
  [[0x50, 0x4b, 0x03, 0x04], "a ZIP archive (an .xlsx workbook?): export it as CSV and use readCSV"],
  [[0x1f, 0x8b], "gzip-compressed data: decompress it first (or use scanLong)"],
];

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** What the bytes of a file that is not Arrow IPC look like, for the message. */
function notArrow(bytes: Uint8Array): string {
  const known = SIGNATURES.find(([sig]) => startsWith(bytes, sig));
  if (known) return known[1];
  const head = new TextDecoder("utf-8").decode(bytes.subarray(0, 40));
  const printable = /^[\x20-\x7e\r\n\t]+/.test(head)
    ? `: text ${JSON.stringify(head.slice(0, 30))} (CSV? use readCSV)`
    : "";
  return `bytes ${
    Array.from(bytes.subarray(0, 4), (b) => b.toString(16).toUpperCase().padStart(2, "0")).join(" ")
  }${printable}`;
}

/** Is this the start of an Arrow IPC file ("ARROW1") or stream (a 0xFFFFFFFF continuation marker)? */
function isArrow(bytes: Uint8Array): boolean {
  return startsWith(bytes, ARROW_FILE) || startsWith(bytes, [0xff, 0xff, 0xff, 0xff]);
}

/**
 * Read an Arrow IPC file or stream (with a schema, validated and typed). Bytes that are not Arrow (a
 * Parquet file, a spreadsheet, text), a truncated file and a file without rows are each a
 * {@link ValidationError} naming the file and the byte offset.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import * as aq from "arquero";
 * import { readArrow } from "clusterlab";
 * const path = await Deno.makeTempFile({ suffix: ".arrow" });
 * await Deno.writeFile(path, aq.table({ region: ["R1"], value: [3] }).toArrowIPC());
 * assert.deepEqual((await readArrow(path)).objects(), [{ region: "R1", value: 3 }]);
 * await Deno.writeTextFile(path, "region,value\nR1,3\n");
 * await assert.rejects(() => readArrow(path), /byte 0, column "\(file\)": expected an Arrow IPC file/);
 * await Deno.remove(path);
 * ```
 */
export async function readArrow(
  path: string | URL,
  options: Omit<ReadOptions, "delimiter" | "text"> = {},
): Promise<ColumnTable> {
  const { file, bytes } = await readSourceBytes(path, "Arrow file");
  const fail = (received: string, offset = 0) =>
    sourceError("Arrow file", file, [{
      offset,
      column: "(file)",
      expected: 'an Arrow IPC file (starting "ARROW1") or stream (starting FF FF FF FF)',
      received,
    }]);
  if (!isArrow(bytes)) throw fail(notArrow(bytes));
  let table: ColumnTable;
  try {
    table = aq.fromArrow(bytes);
  } catch (e) {
    throw fail(
      `an unreadable or truncated file of ${bytes.length} bytes (${(e as Error).message})`,
      bytes.length,
    );
  }
  if (table.numRows() === 0) {
    throw sourceError("Arrow file", file, [{
      column: "(rows)",
      expected: "at least one row",
      received: `no rows (${table.numCols()} columns)`,
    }]);
  }
  return validated(table, options.schema, file);
}
