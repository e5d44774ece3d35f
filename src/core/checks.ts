/**
 * The input and parameter checks every room uses (internal, but for {@link increasingIssues} in
 * `clusterlab/advanced`). Each check reports a
 * {@link ValidationIssue} naming the parameter or column, what was expected and what was received;
 * {@link ParamChecker} collects several and throws them together.
 * 输入与参数检查。
 * @module
 */
import { describeValue, ValidationError, type ValidationIssue } from "./validation_error.ts";

/** Bounds of a numeric parameter (see {@link ParamChecker.number}). */
export interface NumberBounds {
  /** Smallest allowed value (inclusive unless `open`). */
  readonly min?: number;
  /** Largest allowed value (inclusive). */
  readonly max?: number;
  /** `min` itself is not allowed (default false). */
  readonly open?: boolean;
  /** The value must be an integer (default false). */
  readonly integer?: boolean;
}

/** Collects issues about parameters and throws them all at once. */
export class ParamChecker {
  /** Every issue recorded so far. */
  readonly issues: ValidationIssue[] = [];

  /** A checker for the parameters of `subject` ("parameters of simulateMarch"). */
  constructor(readonly subject: string) {}

  /** Record a problem. */
  add(column: string, expected: string, received: unknown, message?: string): void {
    const issue = { column, expected, received: describeValue(received) };
    this.issues.push(message === undefined ? issue : { ...issue, message });
  }

  /** A finite number, optionally bounded (inclusive unless `open`). */
  number(name: string, v: unknown, bounds: NumberBounds = {}): boolean {
    const parts = [bounds.integer ? "an integer" : "a finite number"];
    if (bounds.min !== undefined) parts.push(`${bounds.open ? ">" : "≥"} ${bounds.min}`);
    if (bounds.max !== undefined) parts.push(`≤ ${bounds.max}`);
    const ok = typeof v === "number" && Number.isFinite(v) && (!bounds.integer || Number.isInteger(v)) &&
      (bounds.min === undefined || (bounds.open ? v > bounds.min : v >= bounds.min)) &&
      (bounds.max === undefined || v <= bounds.max);
    if (!ok) this.add(name, parts.join(" "), v);
    return ok;
  }

  /** One of `allowed` (compared with `===`). */
  choice<T extends string | number | boolean>(name: string, v: unknown, allowed: readonly T[]): v is T {
    const ok = allowed.includes(v as T);
    if (!ok) this.add(name, `one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`, v);
    return ok;
  }

  /** An array of `length` finite numbers (each bounded like {@link ParamChecker.number}). */
  vector(name: string, v: unknown, length: number | undefined, bounds: NumberBounds = {}): v is number[] {
    if (!Array.isArray(v) && !(v instanceof Float64Array)) {
      this.add(name, `an array of ${length ?? "some"} numbers`, v);
      return false;
    }
    const arr = Array.from(v as ArrayLike<number>);
    if (length !== undefined && arr.length !== length) {
      this.add(name, `an array of ${length} numbers`, `${arr.length} values`);
      return false;
    }
    let ok = true;
    arr.forEach((x, i) => {
      ok = this.number(`${name}[${i}]`, x, bounds) && ok;
    });
    return ok;
  }

  /** An n × n matrix of finite numbers. */
  matrix(name: string, v: unknown, n: number): v is number[][] {
    if (!Array.isArray(v) || v.length !== n) {
      this.add(name, `an ${n} × ${n} array of numbers`, Array.isArray(v) ? `${v.length} rows` : v);
      return false;
    }
    let ok = true;
    v.forEach((row, i) => {
      if (!Array.isArray(row) || row.length !== n) {
        this.add(`${name}[${i}]`, `a row of ${n} numbers`, Array.isArray(row) ? `${row.length} values` : row);
        ok = false;
      } else row.forEach((x, j) => (ok = this.number(`${name}[${i}][${j}]`, x) && ok));
    });
    return ok;
  }

  /** Throw a {@link ValidationError} if anything was recorded. */
  done(): void {
    if (this.issues.length > 0) throw new ValidationError(this.subject, this.issues);
  }
}

/** Throw a {@link ValidationError} unless `value` is one of `allowed`. */
export function checkChoice<T extends string | number | boolean>(
  subject: string,
  name: string,
  value: unknown,
  allowed: readonly T[],
): asserts value is T {
  const c = new ParamChecker(subject);
  c.choice(name, value, allowed);
  c.done();
}

/** Throw a {@link ValidationError} unless `value` is a finite number within `bounds` (integer if asked). */
export function checkNumber(
  subject: string,
  name: string,
  value: unknown,
  bounds: NumberBounds = {},
): asserts value is number {
  const c = new ParamChecker(subject);
  c.number(name, value, bounds);
  c.done();
}

/**
 * One issue per column of `wanted` that is not among `columns`: `expected a column "c", received columns a,
 * b, …`.
 */
export function missingColumns(columns: readonly string[], wanted: readonly string[]): ValidationIssue[] {
  return wanted.filter((c) => !columns.includes(c)).map((c) => ({
    column: c,
    expected: `a column "${c}"`,
    received: `columns ${columns.join(", ")}`,
  }));
}

/** Options of {@link listLabels}. */
export interface ListLabelsOptions {
  /** How many labels to show before "and N more" (default 8). */
  readonly limit?: number;
}

/** Format labels for a warning, quoted: `"a", "b", "c" and 4 more`. */
export function listLabels(labels: readonly string[], options: ListLabelsOptions = {}): string {
  const limit = options.limit ?? 8;
  const shown = labels.slice(0, limit).map((l) => `"${l}"`).join(", ");
  return labels.length > limit ? `${shown} and ${labels.length - limit} more` : shown;
}

/**
 * One issue per value of `values` (times of a series, years of a fit) that is not strictly greater than the
 * one before: a repeated time (two observations at once) or a step back (an unsorted series). A fit of an
 * unsorted or repeated series would otherwise fit the wrong curve silently.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { increasingIssues } from "clusterlab/advanced";
 * assert.deepEqual(increasingIssues("time", [0, 5, 5, 3]).map((i) => [i.row, i.received]), [
 *   [3, "5, the same as row 2"],
 *   [4, "3, before row 3 (5)"],
 * ]);
 * ```
 */
export function increasingIssues(column: string, values: ArrayLike<number>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (let i = 1; i < values.length; i++) {
    const a = values[i - 1]!, b = values[i]!;
    if (!(b > a) && Number.isFinite(a) && Number.isFinite(b)) {
      issues.push({
        row: i + 1,
        column,
        expected: "strictly increasing values (sorted, each once)",
        received: b === a ? `${b}, the same as row ${i}` : `${b}, before row ${i} (${a})`,
      });
    }
  }
  return issues;
}
