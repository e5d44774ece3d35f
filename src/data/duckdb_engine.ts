/**
 * The embedded DuckDB engine behind {@link scanCells}, `readParquet` and `writeParquet`: DuckDB is imported
 * lazily (`await import`) the first time one of them runs, so importing ClusterLab never loads it. Each call
 * opens its own in-memory database and closes it at the end (temporary tables live and die with the call).
 * The helpers here quote SQL safely, move result columns into typed arrays chunk by chunk (no row objects)
 * and turn DuckDB's errors into {@link ValidationError}s.
 * @module
 */
import type { DuckDBConnection, DuckDBMaterializedResult } from "../deps/duckdb.ts";
import { ValidationError, type ValidationIssue } from "../core/validation_error.ts";

/** An open connection to a fresh in-memory DuckDB database. */
export interface Engine {
  /** The DuckDB connection (`@duckdb/node-api`). */
  readonly connection: DuckDBConnection;
  /** Run a statement and keep its whole result in DuckDB's chunks. */
  run(sql: string): Promise<DuckDBMaterializedResult>;
  /** Run a query and return its rows as plain objects (for small results only: metadata, counts, labels). */
  rows(sql: string): Promise<Record<string, unknown>[]>;
}

/** Module of `@duckdb/node-api`, loaded once on first use. */
export type DuckDBModule = typeof import("../deps/duckdb.ts");

let loading: Promise<DuckDBModule> | undefined;

/** Load `@duckdb/node-api` (and its native addon) on first use; later calls reuse the module. */
export function loadDuckDB(): Promise<DuckDBModule> {
  loading ??= import("../deps/duckdb.ts");
  return loading;
}

function jsValue(v: unknown): unknown {
  if (typeof v === "bigint") return Number.isSafeInteger(Number(v)) ? Number(v) : v;
  return v;
}

/**
 * Open a fresh in-memory DuckDB database, run `work` on it and close it (also when `work` throws).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { withEngine } from "./duckdb_engine.ts";
 * const rows = await withEngine((db) => db.rows("SELECT 40 + 2 AS answer"));
 * assert.deepEqual(rows, [{ answer: 42 }]);
 * ```
 */
export async function withEngine<T>(work: (engine: Engine) => Promise<T>): Promise<T> {
  const duckdb = await loadDuckDB();
  const instance = await duckdb.DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  const engine: Engine = {
    connection,
    run: (sql) => connection.run(sql),
    rows: async (sql) => {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowObjectsJS().map((row) =>
        Object.fromEntries(Object.entries(row).map(([k, v]) => [k, jsValue(v)]))
      );
    },
  };
  try {
    return await work(engine);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * `name` as a double-quoted SQL identifier (inner quotes doubled); an empty name or a NUL is refused.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sqlIdentifier } from "clusterlab/advanced";
 * assert.equal(sqlIdentifier('jobs "2020"'), '"jobs ""2020"""');
 * ```
 */
export function sqlIdentifier(name: string): string {
  if (typeof name !== "string" || name.length === 0 || name.includes("\0")) {
    throw new ValidationError("SQL identifier", [{
      column: "(column name)",
      expected: "a non-empty column name without NUL characters",
      received: JSON.stringify(name),
    }]);
  }
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * `text` as a single-quoted SQL string literal (inner quotes doubled); a NUL is refused.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sqlString } from "clusterlab/advanced";
 * assert.equal(sqlString("Côte d'Or"), "'Côte d''Or'");
 * ```
 */
export function sqlString(text: string): string {
  if (text.includes("\0")) {
    throw new ValidationError("SQL string", [{
      column: "(text)",
      expected: "text without NUL characters",
      received: JSON.stringify(text),
    }]);
  }
  return `'${text.replaceAll("'", "''")}'`;
}

/** A list of SQL string literals: `['a', 'b']`. */
export function sqlList(items: readonly string[]): string {
  return `[${items.map(sqlString).join(", ")}]`;
}

type NumberArray = Float64Array | Int32Array;

/**
 * The typed array behind a numeric DuckDB vector without NULLs, when `@duckdb/node-api` exposes it (its
 * numeric vectors keep the chunk's data as `items` and a `validity` whose `data` is null when every item
 * is valid); `undefined` otherwise, and the caller reads item by item.
 */
function itemsOf(vector: unknown, like: NumberArray, n: number): NumberArray | undefined {
  const v = vector as { items?: unknown; validity?: { data?: unknown } };
  const items = v.items;
  const typed = like instanceof Float64Array ? items instanceof Float64Array : items instanceof Int32Array;
  return typed && (items as NumberArray).length === n && v.validity?.data === null
    ? items as NumberArray
    : undefined;
}

/**
 * Copy column `column` of `result` (DOUBLE or INTEGER, no NULLs) into `out`, chunk by chunk: a typed-array
 * copy per chunk where the vector exposes its data, else item by item. A NULL is an `Error` (callers
 * validate first: this is a guard, not a check).
 */
export function readNumbers<T extends NumberArray>(
  result: DuckDBMaterializedResult,
  column: number,
  out: T,
): T {
  let offset = 0;
  for (let k = 0; k < result.chunkCount; k++) {
    const chunk = result.getChunk(k);
    const vector = chunk.getColumnVector(column);
    const n = chunk.rowCount;
    const items = itemsOf(vector, out, n);
    if (items) out.set(items, offset);
    else {
      for (let i = 0; i < n; i++) {
        const v = vector.getItem(i);
        if (typeof v !== "number") {
          throw new Error(`column ${result.columnName(column)} row ${offset + i + 1}: ${String(v)}`);
        }
        out[offset + i] = v;
      }
    }
    offset += n;
  }
  return out;
}

/** Copy column `column` of `result` into a plain array (`null` for NULL), chunk by chunk. */
export function readValues(result: DuckDBMaterializedResult, column: number): unknown[] {
  const out = new Array<unknown>(result.rowCount);
  let offset = 0;
  for (let k = 0; k < result.chunkCount; k++) {
    const chunk = result.getChunk(k);
    const vector = chunk.getColumnVector(column);
    const n = chunk.rowCount;
    for (let i = 0; i < n; i++) out[offset + i] = jsValue(vector.getItem(i));
    offset += n;
  }
  return out;
}

/** The first line of a DuckDB error message ("Binder Error: Referenced column …"). */
export function duckdbMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0]!.trim();
}

/**
 * Run `work`; a DuckDB error becomes a {@link ValidationError} about `subject` with the issue `issue` built
 * from the error's first line (other errors pass through unchanged).
 */
export async function asValidation<T>(
  subject: string,
  issue: (message: string) => ValidationIssue,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof ValidationError || !(e instanceof Error)) throw e;
    throw new ValidationError(subject, [issue(duckdbMessage(e))]);
  }
}
