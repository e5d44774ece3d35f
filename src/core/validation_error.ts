/**
 * The error every ClusterLab boundary throws on bad input: it lists each problem with the row, the column,
 * what was expected and what was received. Nothing is dropped, coerced or turned into NaN silently.
 * @module
 */

/**
 * One problem found in an input. `row` is 1-based over data rows (the header is not a row); a problem found
 * in a file's text or bytes also gives its `line` (1-based, the header is line 1) or byte `offset`.
 */
export interface ValidationIssue {
  /** 1-based data row, or `undefined` for a problem with the whole input (a missing column). */
  readonly row?: number;
  /** 1-based line of a file's text (the header is line 1), when the problem is in a file. */
  readonly line?: number;
  /** 0-based byte offset in a file, when the problem is in its bytes (an encoding, a truncated file). */
  readonly offset?: number;
  /** The column (or parameter, or option: see `kind`) concerned. */
  readonly column: string;
  /** What `column` names, as the message says it (default "column"; `param()` says "parameter"). */
  readonly kind?: "column" | "parameter";
  /** What was expected, in words ("a finite number", "one of firm, university, …"). */
  readonly expected: string;
  /** What was received, rendered as text (`"abc"`, `undefined`, `-3`). */
  readonly received: string;
  /** Optional extra explanation. */
  readonly message?: string;
}

/**
 * Render a received value the way issues print it: text quoted, `undefined` and `null` named, objects as
 * JSON cut to 80 characters.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { describeValue } from "clusterlab/advanced";
 * assert.equal(describeValue("abc"), '"abc"');
 * assert.equal(describeValue(undefined), "undefined (missing)");
 * assert.equal(describeValue([1, 2]), "[1,2]");
 * ```
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return "undefined (missing)";
  if (value === null) return "null (empty)";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") {
    return String(value);
  }
  try {
    const s = JSON.stringify(value);
    return s.length > 80 ? `${s.slice(0, 77)}...` : s;
  } catch {
    return Object.prototype.toString.call(value);
  }
}

function formatIssue(issue: ValidationIssue): string {
  const where = [
    issue.line === undefined ? "" : `line ${issue.line}`,
    issue.offset === undefined ? "" : `byte ${issue.offset}`,
    issue.row === undefined ? "" : `row ${issue.row}`,
    `${issue.kind ?? "column"} "${issue.column}"`,
  ].filter(Boolean).join(", ");
  const extra = issue.message ? ` (${issue.message})` : "";
  return `${where}: expected ${issue.expected}, received ${issue.received}${extra}`;
}

/** Options of the {@link ValidationError} constructor. */
export interface ValidationErrorOptions {
  /** How many issues the message lists before "… and N more" (default 20); `issues` always holds all. */
  readonly limit?: number;
  /** The file the input was read from (kept as {@link ValidationError.file}; default none). */
  readonly file?: string;
}

/**
 * Thrown when an input fails validation; `issues` lists every problem found (the message prints the first
 * `limit`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ValidationError } from "clusterlab";
 * const e = new ValidationError("activity table", [
 *   { row: 3, column: "value", expected: "a finite number ≥ 0", received: "-2" },
 * ]);
 * assert.equal(e.message, 'Invalid activity table: 1 problem\n  - row 3, column "value": expected a finite number ≥ 0, received -2');
 * assert.equal(e.issues[0]!.row, 3);
 * ```
 */
export class ValidationError extends Error {
  /** Every problem found. */
  readonly issues: readonly ValidationIssue[];
  /** What was being validated ("activity table", "parameters of simulateMarch"). */
  readonly subject: string;
  /** The file the input was read from, when it was read from one (the message names it too). */
  readonly file?: string;

  /**
   * Build the error from what was validated (`subject`) and every problem found (`issues`); the message
   * lists the first `limit` issues (default 20) as "row R, column "C": expected …, received …" and counts
   * the rest.
   */
  constructor(subject: string, issues: readonly ValidationIssue[], options?: ValidationErrorOptions);
  /** @deprecated the 0.1 form `new ValidationError(subject, issues, limit)`; use `{ limit }`. */
  constructor(subject: string, issues: readonly ValidationIssue[], limit?: number);
  constructor(
    subject: string,
    issues: readonly ValidationIssue[],
    options: ValidationErrorOptions | number = {},
  ) {
    const opts: ValidationErrorOptions = typeof options === "number" ? { limit: options } : options;
    const limit = opts.limit ?? 20;
    const shown = issues.slice(0, limit).map((i) => `  - ${formatIssue(i)}`);
    const more = issues.length > limit ? [`  … and ${issues.length - limit} more`] : [];
    const about = opts.file === undefined || subject.includes(opts.file)
      ? subject
      : subject.endsWith(" file")
      ? `${subject} "${opts.file}"`
      : `${subject} in file "${opts.file}"`;
    super(
      `Invalid ${about}: ${issues.length} problem${issues.length === 1 ? "" : "s"}\n${
        [...shown, ...more].join("\n")
      }`,
    );
    this.name = "ValidationError";
    this.subject = subject;
    this.issues = issues;
    if (opts.file !== undefined) this.file = opts.file;
  }
}
