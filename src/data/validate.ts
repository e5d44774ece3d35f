/**
 * Validate a table against a {@link TableSchema}: required columns, cell types, allowed values, ranges and
 * unique keys. Every problem is reported with its row, column, expected and received value; nothing is
 * dropped, coerced or turned into NaN silently.
 * @module
 */
import * as aq from "../deps/arquero.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import type { ColumnSpec, TableSchema } from "./schema.ts";
import { columnRule } from "./column_rule.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../core/validation_error.ts";
import { type TableInput, toTable } from "./adapters.ts";

/** Options of {@link validate}. */
export interface ValidateOptions {
  /**
   * Cells arrive as text (read from CSV/TSV): parse numeric columns from strict decimal text. When false
   * (default), a numeric column must hold numbers; the string "12" is an error, not a number.
   */
  readonly fromText?: boolean;
  /** Throw a {@link ValidationError} (default) or return the issues. */
  readonly throw?: boolean;
}

/** The result of {@link validate}. */
export interface ValidationResult {
  /** True when no issue was found. */
  readonly ok: boolean;
  /** The validated table with typed columns (numbers as numbers, codes as text). */
  readonly table: ColumnTable;
  /** Every problem found. */
  readonly issues: readonly ValidationIssue[];
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function expectedText(spec: ColumnSpec): string {
  let s: string;
  if (spec.type === "text") {
    s = spec.values ? `one of ${spec.values.join(", ")}` : "a non-empty text";
  } else {
    s = spec.type === "integer" ? "an integer" : "a finite number";
    if (spec.min !== undefined && spec.max !== undefined) s += ` in [${spec.min}, ${spec.max}]`;
    else if (spec.min !== undefined) s += ` ≥ ${spec.min}`;
    else if (spec.max !== undefined) s += ` ≤ ${spec.max}`;
  }
  return spec.optional ? `${s} or empty` : s;
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === "string" && v.trim() === "");
}

/** Parse one cell; returns `[value, ok]`. */
function parseCell(raw: unknown, spec: ColumnSpec, fromText: boolean): [unknown, boolean] {
  if (isEmpty(raw)) return [null, spec.optional === true];
  if (spec.type === "text") {
    if (typeof raw === "string") return [raw, true];
    // Codes that arrive as numbers from typed inputs are an error: their leading zeros may already be lost.
    return [raw, false];
  }
  if (typeof raw === "number") return [raw, true];
  if (fromText && typeof raw === "string" && DECIMAL.test(raw.trim())) return [Number(raw.trim()), true];
  return [raw, false];
}

/**
 * Validate `input` against `schema` and return a typed arquero table.
 *
 * @param input an arquero table, an array of row objects, a danfojs DataFrame or a column object
 * @param schema the table schema (for example {@link ACTIVITY})
 * @returns the validated table, or throws a {@link ValidationError} listing every problem
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ACTIVITY, validate, ValidationError } from "clusterlab";
 * const { ok, table } = validate([{ region: "R1", sector: "0161", value: 3 }], ACTIVITY);
 * assert.equal(ok, true);
 * assert.equal(table.get("sector", 0), "0161");
 * // every problem is named; with throw: false they are returned instead of thrown
 * const bad = validate([{ region: "R1", sector: 161, value: -1 }], ACTIVITY, { throw: false });
 * assert.deepEqual(bad.issues.map((i) => [i.row, i.column]), [[1, "sector"], [1, "value"]]);
 * assert.throws(() => validate([{ region: "R1" }], ACTIVITY), ValidationError);
 * ```
 */
export function validate(
  input: TableInput,
  schema: TableSchema,
  options: ValidateOptions = {},
): ValidationResult {
  const { fromText = false } = options;
  const table = toTable(input);
  const names = new Set(table.columnNames());
  const issues: ValidationIssue[] = [];
  const n = table.numRows();
  const columns: Record<string, unknown[]> = {};

  for (const [col, spec] of Object.entries(schema.columns)) {
    if (!names.has(col)) {
      if (!spec.optional) {
        issues.push({
          column: col,
          expected: `a column "${col}" (${expectedText(spec)})`,
          received: `columns ${[...names].map((c) => JSON.stringify(c)).join(", ") || "(none)"}`,
        });
      }
      continue;
    }
    const rule = columnRule(spec);
    const get = table.getter(col);
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const raw = get(i);
      const [value, parsed] = parseCell(raw, spec, fromText);
      out[i] = value;
      if (!parsed || (value !== null && !rule.safeParse(value).success)) {
        issues.push({ row: i + 1, column: col, expected: expectedText(spec), received: describeValue(raw) });
      }
    }
    columns[col] = out;
  }

  const key = (schema.key ?? []).filter((k) => names.has(k));
  if (key.length > 0) {
    const seen = new Map<string, number>();
    const getters = key.map((k) => columns[k]!);
    for (let i = 0; i < n; i++) {
      const id = JSON.stringify(getters.map((g) => g[i]));
      const first = seen.get(id);
      if (first === undefined) seen.set(id, i + 1);
      else {
        issues.push({
          row: i + 1,
          column: key.join(" + "),
          expected: `a unique (${key.join(", ")})`,
          received: `${id.slice(1, -1)}, a duplicate of row ${first}`,
        });
      }
    }
  }

  const typed = table.assign(aq.table(columns));
  if (issues.length > 0 && options.throw !== false) throw new ValidationError(schema.name, issues);
  return { ok: issues.length === 0, table: typed, issues };
}
