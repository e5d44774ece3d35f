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

/** Parse delimited text (already in memory). */
export function parseDelimited(text: string, options: ReadOptions = {}): ColumnTable {
  const delimiter = options.delimiter ?? ",";
  if (options.schema) {
    const raw = aq.fromCSV(text, { delimiter, autoType: false });
    return validate(raw, options.schema, { fromText: true }).table;
  }
  return aq.fromCSV(text, { delimiter, parse: textParsers(options.text) });
}

/**
 * Read a CSV file.
 *
 * @example
 * ```ts ignore
 * import { readCSV, ACTIVITY } from "clusterlab";
 * const t = await readCSV("data/uk-bres-nuts2-sic4.csv", { schema: ACTIVITY });
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
