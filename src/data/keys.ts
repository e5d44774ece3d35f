/**
 * Unique keys of panels: one row per entity–year (or entity–year–indicator) in every panel classifier and
 * composite, checked where the table enters. A repeated key is a {@link ValidationError} naming the row and
 * the row it repeats, never a silent double count, average or overwrite. 面板键唯一性检查。
 * @module
 */
import type { ColumnTable } from "../deps/arquero.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../core/validation_error.ts";

/** Options of {@link duplicateKeyIssues}. */
export interface DuplicateKeyOptions {
  /** How many repeats to list before a count of the rest (default 20). */
  readonly limit?: number;
}

/**
 * One issue per row whose values in `columns` repeat an earlier row's (row numbers 1-based), plus a count
 * when more than `limit` repeat.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import * as aq from "arquero";
 * import { duplicateKeyIssues } from "clusterlab/advanced";
 * const t = aq.table({ entity: ["a", "a", "b"], year: [2020, 2020, 2020] });
 * assert.deepEqual(duplicateKeyIssues(t, ["entity", "year"]), [{
 *   row: 2,
 *   column: "entity + year",
 *   expected: "one row per (entity, year)",
 *   received: '"a", 2020: a repeat of row 1',
 * }]);
 * ```
 */
export function duplicateKeyIssues(
  table: ColumnTable,
  columns: readonly string[],
  options: DuplicateKeyOptions = {},
): ValidationIssue[] {
  const limit = options.limit ?? 20;
  const getters = columns.map((c) => table.getter(c));
  const seen = new Map<string, number>();
  const issues: ValidationIssue[] = [];
  let repeats = 0;
  const n = table.numRows();
  for (let i = 0; i < n; i++) {
    const values = getters.map((g) => g(i));
    const id = JSON.stringify(values);
    const first = seen.get(id);
    if (first === undefined) {
      seen.set(id, i);
      continue;
    }
    if (repeats++ < limit) {
      issues.push({
        row: i + 1,
        column: columns.join(" + "),
        expected: `one row per (${columns.join(", ")})`,
        received: `${values.map(describeValue).join(", ")}: a repeat of row ${first + 1}`,
      });
    }
  }
  if (repeats > limit) {
    issues.push({
      column: columns.join(" + "),
      expected: `one row per (${columns.join(", ")})`,
      received: `${repeats} repeated rows in all`,
    });
  }
  return issues;
}

/**
 * The key of a panel, `columns` (its entity and year columns), when `table` has all of them; none otherwise
 * (a cross-section without a year, or a year under another name, has no key the classifier can know).
 */
export function panelKey(table: ColumnTable, columns: readonly string[]): string[] {
  const names = new Set(table.columnNames());
  return columns.every((c) => names.has(c)) ? [...columns] : [];
}

/**
 * Throw a {@link ValidationError} (about `subject`) when a row of `table` repeats the key `columns` of an
 * earlier row; nothing when `columns` is empty.
 */
export function checkUniqueKey(table: ColumnTable, columns: readonly string[], subject: string): void {
  if (columns.length === 0) return;
  const issues = duplicateKeyIssues(table, columns);
  if (issues.length) {
    throw new ValidationError(subject, [
      { ...issues[0]!, message: "aggregate or filter the repeated rows first (one observation per key)" },
      ...issues.slice(1),
    ]);
  }
}
