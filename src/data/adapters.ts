/**
 * Adapters between the table shapes users bring and arquero, ClusterLab's table engine: arquero tables,
 * plain arrays of row objects, column objects and danfojs DataFrames. danfojs is never imported here: a
 * DataFrame is recognised by its shape, and {@link toDanfo} loads danfojs lazily only when asked.
 * @module
 */
import * as aq from "arquero";
import type { ColumnTable } from "arquero";

/** The part of a danfojs DataFrame the adapter reads (danfojs 1.x). */
export interface DanfoLike {
  readonly columns: readonly string[];
  readonly values: readonly (readonly unknown[])[];
  readonly $index?: unknown;
}

/** Anything ClusterLab accepts as a table. */
export type TableInput =
  | ColumnTable
  | readonly Record<string, unknown>[]
  | DanfoLike
  | Readonly<Record<string, ArrayLike<unknown>>>;

/** Is `x` an arquero table? */
export function isTable(x: unknown): x is ColumnTable {
  return x instanceof aq.ColumnTable ||
    (typeof x === "object" && x !== null && "columnNames" in x && "numRows" in x && "getter" in x);
}

/** Is `x` shaped like a danfojs DataFrame? */
export function isDanfoFrame(x: unknown): x is DanfoLike {
  return typeof x === "object" && x !== null && !Array.isArray(x) &&
    Array.isArray((x as DanfoLike).columns) && Array.isArray((x as DanfoLike).values) &&
    "$data" in (x as object);
}

/**
 * Convert any {@link TableInput} to an arquero table. Columns are kept as they are (no type inference).
 *
 * @example
 * ```ts
 * import { toTable } from "clusterlab";
 * toTable([{ region: "R1", value: 3 }]).numRows(); // 1
 * ```
 */
export function toTable(input: TableInput): ColumnTable {
  if (isTable(input)) return input;
  if (Array.isArray(input)) return aq.from(input as Record<string, unknown>[]);
  if (isDanfoFrame(input)) return fromDanfo(input);
  if (typeof input === "object" && input !== null) {
    return aq.table(input as Record<string, ArrayLike<unknown>>);
  }
  throw new TypeError(
    `Expected a table (arquero table, array of objects, danfojs DataFrame or column object), received ${typeof input}`,
  );
}

/** Convert a danfojs DataFrame to an arquero table (column names and row values; the index is not kept). */
export function fromDanfo(df: DanfoLike): ColumnTable {
  const cols: Record<string, unknown[]> = {};
  df.columns.forEach((name, j) => {
    cols[name] = df.values.map((row) => row[j]);
  });
  return aq.table(cols);
}

/** The part of the danfojs module {@link toDanfo} uses. */
export interface DanfoModule {
  // deno-lint-ignore no-explicit-any
  DataFrame: new (data: Record<string, unknown[]>) => any;
}

/**
 * Convert an arquero table to a danfojs DataFrame. Pass the danfojs module (`import * as dfd from
 * "npm:danfojs@1.1.2"`); ClusterLab does not depend on danfojs, which is heavy (TensorFlow.js) and carries
 * a vulnerable `xlsx`.
 */
// deno-lint-ignore no-explicit-any
export function toDanfo(table: ColumnTable, danfo: DanfoModule): any {
  const cols: Record<string, unknown[]> = {};
  for (const name of table.columnNames()) cols[name] = table.array(name) as unknown[];
  return new danfo.DataFrame(cols);
}
