/**
 * The error every ClusterLab boundary throws on bad input: it lists each problem with the row, the column,
 * what was expected and what was received. Nothing is dropped, coerced or turned into NaN silently.
 * @module
 */

/** One problem found in an input. `row` is 1-based over data rows (the header is not a row). */
export interface ValidationIssue {
  /** 1-based data row, or `undefined` for a problem with the whole input (a missing column). */
  readonly row?: number;
  /** The column (or parameter) concerned. */
  readonly column: string;
  /** What was expected, in words ("a finite number", "one of firm, university, …"). */
  readonly expected: string;
  /** What was received, rendered as text (`"abc"`, `undefined`, `-3`). */
  readonly received: string;
  /** Optional extra explanation. */
  readonly message?: string;
}

/** Render a received value the way issues print it. */
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
  const where = issue.row === undefined
    ? `column "${issue.column}"`
    : `row ${issue.row}, column "${issue.column}"`;
  const extra = issue.message ? ` (${issue.message})` : "";
  return `${where}: expected ${issue.expected}, received ${issue.received}${extra}`;
}

/** Thrown when an input fails validation; `issues` lists every problem found (up to `limit` printed). */
export class ValidationError extends Error {
  /** Every problem found. */
  readonly issues: readonly ValidationIssue[];
  /** What was being validated ("activity table", "parameters of simulateMarch"). */
  readonly subject: string;

  /**
   * Build the error from what was validated (`subject`) and every problem found (`issues`); the message
   * lists the first `limit` issues (default 20) as "row R, column "C": expected …, received …" and counts
   * the rest.
   */
  constructor(subject: string, issues: readonly ValidationIssue[], limit = 20) {
    const shown = issues.slice(0, limit).map((i) => `  - ${formatIssue(i)}`);
    const more = issues.length > limit ? [`  … and ${issues.length - limit} more`] : [];
    super(
      `Invalid ${subject}: ${issues.length} problem${issues.length === 1 ? "" : "s"}\n${
        [...shown, ...more].join("\n")
      }`,
    );
    this.name = "ValidationError";
    this.subject = subject;
    this.issues = issues;
  }
}
