/**
 * Adapters between the table shapes users bring and arquero, ClusterLab's table engine: arquero tables,
 * plain arrays of row objects, column objects and danfojs DataFrames. danfojs is never imported here: a
 * DataFrame is recognised by its shape, and {@link loadDanfo} imports danfojs lazily only when asked.
 * @module
 */
import * as aq from "../deps/arquero.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../core/validation_error.ts";

/** The part of a danfojs DataFrame the adapter reads (danfojs 1.x). */
export interface DanfoLike {
  /** Column names, in column order. */
  readonly columns: readonly string[];
  /** Cell values row by row: `values[i][j]` is row `i` of column `columns[j]`. */
  readonly values: readonly (readonly unknown[])[];
  /** The DataFrame's row index; not copied into the arquero table. */
  readonly $index?: unknown;
}

/** A result of a ClusterLab function that carries a table (`{ table, warnings, … }`). */
export interface TableResult {
  /** The result's table. */
  readonly table: ColumnTable;
}

/**
 * Anything ClusterLab accepts as a table: an arquero table, an array of row objects, a danfojs DataFrame, a
 * column object, or a result `{ table, … }` of another ClusterLab function (its table is used).
 */
export type TableInput =
  | ColumnTable
  | readonly Record<string, unknown>[]
  | DanfoLike
  | TableResult
  | Readonly<Record<string, ArrayLike<unknown>>>;

/**
 * Is `x` an arquero table?
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { toTable } from "clusterlab";
 * import { isTable } from "clusterlab/advanced";
 * assert.equal(isTable(toTable([{ a: 1 }])), true);
 * assert.equal(isTable([{ a: 1 }]), false);
 * ```
 */
export function isTable(x: unknown): x is ColumnTable {
  return x instanceof aq.ColumnTable ||
    (typeof x === "object" && x !== null && "columnNames" in x && "numRows" in x && "getter" in x);
}

/**
 * Is `x` shaped like a danfojs DataFrame (`columns`, `values` and the internal `$data`)?
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { isDanfoFrame } from "clusterlab/advanced";
 * assert.equal(isDanfoFrame({ $data: [], columns: ["a"], values: [[1]] }), true);
 * assert.equal(isDanfoFrame({ columns: ["a"], values: [[1]] }), false);
 * ```
 */
export function isDanfoFrame(x: unknown): x is DanfoLike {
  return typeof x === "object" && x !== null && !Array.isArray(x) &&
    Array.isArray((x as DanfoLike).columns) && Array.isArray((x as DanfoLike).values) &&
    "$data" in (x as object);
}

/**
 * Convert any {@link TableInput} to an arquero table. Columns are kept as they are (no type inference).
 * Nothing is dropped: the columns of an array of objects are the union of the keys of every row (a key a
 * row lacks is `undefined` there, which validation reports), and a column object whose columns differ in
 * length, or an input that is not a table, is a {@link ValidationError}.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { toTable } from "clusterlab";
 * const t = toTable([{ region: "R1", value: 3 }, { region: "R2", value: 4, note: "x" }]);
 * assert.deepEqual(t.columnNames(), ["region", "value", "note"]); // the union of the rows' keys
 * assert.equal(t.get("note", 0), undefined); // a key a row lacks: validation reports it
 * assert.throws(() => toTable({ a: [1, 2], b: [1] }), /expected 2 values, as many as column "a"/);
 * assert.equal(toTable({ table: t, warnings: [] }), t); // a result's table
 * ```
 */
export function toTable(input: TableInput): ColumnTable {
  if (isTable(input)) return input;
  if (isTableResult(input)) return input.table;
  if (Array.isArray(input)) return fromRows(input as Record<string, unknown>[]);
  if (isDanfoFrame(input)) return fromDanfo(input);
  if (typeof input === "object" && input !== null) {
    const columns = input as Record<string, ArrayLike<unknown>>;
    const issues: ValidationIssue[] = [];
    let n: number | undefined, first = "";
    for (const [name, values] of Object.entries(columns)) {
      const length = values?.length;
      if (typeof length !== "number") {
        issues.push({ column: name, expected: "an array of values", received: describeValue(values) });
      } else if (n === undefined) [n, first] = [length, name];
      else if (length !== n) {
        issues.push({
          column: name,
          expected: `${n} values, as many as column "${first}"`,
          received: `${length} values`,
        });
      }
    }
    if (issues.length > 0) throw new ValidationError("column object", issues);
    return aq.table(columns);
  }
  throw new ValidationError("table input", [{
    column: "(input)",
    expected: "a table (arquero table, array of objects, danfojs DataFrame or column object)",
    received: `${typeof input} ${describeValue(input)}`,
  }]);
}

/** Is `x` a result `{ table, … }` whose `table` is an arquero table? */
function isTableResult(x: unknown): x is TableResult {
  return typeof x === "object" && x !== null && !Array.isArray(x) && isTable((x as TableResult).table);
}

/** An arquero table from row objects, with the union of every row's keys as columns (first-seen order). */
function fromRows(rows: readonly Record<string, unknown>[]): ColumnTable {
  const names = new Set<string>();
  for (const row of rows) {
    if (typeof row !== "object" || row === null) continue;
    for (const k in row) names.add(k);
  }
  const bad = rows.findIndex((r) => typeof r !== "object" || r === null || Array.isArray(r));
  if (bad >= 0) {
    throw new ValidationError("array of row objects", [{
      row: bad + 1,
      column: "(row)",
      expected: "an object of column values",
      received: describeValue(rows[bad]),
    }]);
  }
  return aq.from(rows as Record<string, unknown>[], [...names]);
}

/**
 * Convert a danfojs DataFrame to an arquero table (column names and row values; the index is not kept).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { fromDanfo } from "clusterlab/advanced";
 * const t = fromDanfo({ columns: ["region", "value"], values: [["R1", 3], ["R2", 4]] });
 * assert.deepEqual(t.objects(), [{ region: "R1", value: 3 }, { region: "R2", value: 4 }]);
 * ```
 */
export function fromDanfo(df: DanfoLike): ColumnTable {
  const cols: Record<string, unknown[]> = {};
  df.columns.forEach((name, j) => {
    cols[name] = df.values.map((row) => row[j]);
  });
  return aq.table(cols);
}

/** The part of the danfojs module {@link toDanfo} uses. */
export interface DanfoModule {
  /** danfojs's `DataFrame` constructor, called with an object of column arrays keyed by column name. */
  // deno-lint-ignore no-explicit-any
  DataFrame: new (data: Record<string, unknown[]>) => any;
}

/**
 * Convert an arquero table to a danfojs DataFrame. Pass the danfojs module (after
 * `deno add --frozen-lockfile=false npm:danfojs@1.1.2`: `import * as dfd from "danfojs"`, or
 * `await loadDanfo()`); ClusterLab does not depend on danfojs, which is heavy (TensorFlow.js) and carries a
 * vulnerable `xlsx`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { toDanfo, toTable } from "clusterlab";
 * // any module with a DataFrame constructor taking an object of columns stands in for danfojs here
 * class DataFrame {
 *   constructor(readonly data: Record<string, unknown[]>) {}
 * }
 * const df = toDanfo(toTable([{ region: "R1", value: 3 }]), { DataFrame });
 * assert.deepEqual(df.data, { region: ["R1"], value: [3] });
 * ```
 */
// deno-lint-ignore no-explicit-any
export function toDanfo(table: ColumnTable, danfo: DanfoModule): any {
  const cols: Record<string, unknown[]> = {};
  for (const name of table.columnNames()) cols[name] = table.array(name) as unknown[];
  return new danfo.DataFrame(cols);
}

/** Options of {@link loadDanfo}. */
export interface LoadDanfoOptions {
  /** The module specifier to import, resolved through the caller's import map (default `"danfojs"`). */
  readonly specifier?: string;
}

/**
 * Import danfojs lazily, only when a DataFrame is wanted: `toDanfo(table, await loadDanfo())`. Importing
 * ClusterLab never loads danfojs. The specifier (default `"danfojs"`) is resolved through the caller's import
 * map, so add it first: `deno add --frozen-lockfile=false npm:danfojs@1.1.2` (1.2.0 cannot be installed from
 * the npm registry alone).
 *
 * @throws {Error} naming the specifier and the command that installs it, when it cannot be imported.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadDanfo } from "clusterlab";
 * // a specifier that is not installed: the error says how to install danfojs
 * await assert.rejects(() => loadDanfo({ specifier: "danfojs-not-installed" }), /deno add --frozen-lockfile=false npm:danfojs@1.1.2/);
 * ```
 */
export function loadDanfo(options?: LoadDanfoOptions): Promise<DanfoModule>;
/** @deprecated the 0.1 form `loadDanfo(specifier)`; use `loadDanfo({ specifier })`. */
export function loadDanfo(specifier?: string): Promise<DanfoModule>;
export async function loadDanfo(options: LoadDanfoOptions | string = {}): Promise<DanfoModule> {
  const specifier = (typeof options === "string" ? options : options.specifier) ?? "danfojs";
  let mod: unknown;
  try {
    mod = await import(specifier);
  } catch (e) {
    throw new Error(
      `danfojs could not be imported as "${specifier}": ${
        e instanceof Error ? e.message.split("\n")[0] : e
      }\n` +
        "Add it to your deno.json first: deno add --frozen-lockfile=false npm:danfojs@1.1.2",
    );
  }
  const m = mod as Partial<DanfoModule> & { default?: Partial<DanfoModule> };
  const DataFrame = m.DataFrame ?? m.default?.DataFrame;
  if (typeof DataFrame !== "function") {
    throw new Error(`"${specifier}" has no DataFrame export: is it danfojs?`);
  }
  return { DataFrame };
}
