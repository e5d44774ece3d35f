/**
 * Readers, one per format, through arquero. With a schema, every cell is read as text and parsed by the
 * schema (so code columns keep leading zeros and a bad number is reported, not guessed); without one, the
 * columns named in `text` stay text and the others are typed by arquero.
 * @module
 */
import * as aq from "arquero";
import type { ColumnTable } from "arquero";
import type { TableSchema } from "./schema.ts";
import { validate } from "./validate.ts";
import { ValidationError, type ValidationIssue } from "./validation_error.ts";

/** Options of the text readers. */
export interface ReadOptions {
  /** Validate and type the table with this schema. */
  readonly schema?: TableSchema;
  /** Without a schema: columns to keep as text (codes with leading zeros). */
  readonly text?: readonly string[];
  /** Field delimiter; "," for CSV, "\t" for TSV. */
  readonly delimiter?: string;
}

function textParsers(cols: readonly string[] = []): Record<string, (s: string) => string> {
  return Object.fromEntries(cols.map((c) => [c, (s: string) => s]));
}

/**
 * Structural problems arquero's CSV parser would pass over silently: a data row with more fields than the
 * header (arquero drops the extra values) and a column name that appears twice (arquero keeps one column).
 * Rows are numbered like arquero's (1 = the first record after the header; quoted newlines stay inside
 * their record).
 */
export function delimitedIssues(text: string, delimiter = ","): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (delimiter.length !== 1) return issues;
  const D = delimiter.charCodeAt(0), QUOTE = 34, LF = 10, CR = 13;
  const n = text.length;
  let row = 0, fields = 1, header = 0, atFieldStart = true, pending = false;
  const endRecord = () => {
    if (row === 0) header = fields;
    else if (fields > header) {
      issues.push({
        row,
        column: "(fields)",
        expected: `${header} fields, as many as the header`,
        received: `${fields} fields`,
      });
    }
    row++;
    fields = 1;
    atFieldStart = true;
    pending = false;
  };
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    pending = true;
    if (atFieldStart && c === QUOTE) {
      i++;
      while (i < n) {
        if (text.charCodeAt(i) === QUOTE) {
          if (text.charCodeAt(i + 1) === QUOTE) {
            i += 2;
            continue;
          }
          i++;
          break;
        }
        i++;
      }
      atFieldStart = false;
    } else if (c === D) {
      fields++;
      atFieldStart = true;
      i++;
    } else if (c === LF || c === CR) {
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      endRecord();
    } else {
      atFieldStart = false;
      i++;
    }
  }
  if (pending) endRecord();
  return issues;
}

/**
 * Parse delimited text (already in memory). A leading byte-order mark is removed (spreadsheets write one).
 * Rows with more fields than the header and repeated column names are a {@link ValidationError}, never
 * silently dropped.
 */
export function parseDelimited(text: string, options: ReadOptions = {}): ColumnTable {
  const delimiter = options.delimiter ?? ",";
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const issues = delimitedIssues(text, delimiter);
  const table = options.schema
    ? aq.fromCSV(text, { delimiter, autoType: false })
    : aq.fromCSV(text, { delimiter, parse: textParsers(options.text) });
  const names = table.columnNames();
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) {
      issues.push({
        column: name,
        expected: "a column name used once in the header",
        received: `"${name}" ${names.filter((x) => x === name).length} times`,
      });
    }
    seen.add(name);
  }
  if (issues.length > 0) {
    throw new ValidationError(options.schema?.name ?? (delimiter === "\t" ? "TSV text" : "CSV text"), issues);
  }
  return options.schema ? validate(table, options.schema, { fromText: true }).table : table;
}

/**
 * Read a CSV file.
 *
 * @example
 * ```ts ignore
 * import { readCSV, ACTIVITY } from "clusterlab";
 * const t = await readCSV("data/uk-employment-sic4.csv", { schema: ACTIVITY }); // run from the repository root
 * ```
 */
export async function readCSV(path: string | URL, options: ReadOptions = {}): Promise<ColumnTable> {
  return parseDelimited(await Deno.readTextFile(path), { delimiter: ",", ...options });
}

/** Read a TSV file. */
export async function readTSV(path: string | URL, options: ReadOptions = {}): Promise<ColumnTable> {
  return parseDelimited(await Deno.readTextFile(path), { ...options, delimiter: "\t" });
}

/** Read a JSON file: an array of row objects, or an object of columns. Values keep their JSON types. */
export async function readJSON(
  path: string | URL,
  options: Omit<ReadOptions, "delimiter" | "text"> = {},
): Promise<ColumnTable> {
  const data = JSON.parse(await Deno.readTextFile(path));
  const table = Array.isArray(data) ? aq.from(data) : aq.table(data);
  return options.schema ? validate(table, options.schema).table : table;
}

/** Read an Arrow IPC file. */
export async function readArrow(
  path: string | URL,
  options: Omit<ReadOptions, "delimiter" | "text"> = {},
): Promise<ColumnTable> {
  const table = aq.fromArrow(await Deno.readFile(path));
  return options.schema ? validate(table, options.schema).table : table;
}
