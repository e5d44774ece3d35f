/**
 * The overflow guard every indicator, composite, classifier and model applies to its result before
 * returning it: a sum, product or stock that overflows the float range (|x| > 1.8 × 10³⁰⁸ becomes ±Infinity,
 * and then ∞ − ∞ or ∞ · 0 becomes NaN) is a {@link ValidationError} naming where it is, never a silent NaN or
 * Infinity in a result; values that underflowed below the smallest normal float (2.2 × 10⁻³⁰⁸, where
 * precision is lost digit by digit) are counted for a named warning. The guard scans the result once, after
 * the computation (never inside a hot loop). 溢出与下溢检查。
 * @module
 */
import { describeValue, ValidationError, type ValidationIssue } from "./validation_error.ts";

/** The smallest positive normal double, 2⁻¹⁰²² ≈ 2.2 × 10⁻³⁰⁸: below it, precision is lost (underflow). */
export const MIN_NORMAL = 2.2250738585072014e-308;

/** Options of {@link scanFinite} and {@link guardFinite}. */
export interface FiniteGuardOptions {
  /**
   * Paths of the result whose non-finite values are documented placeholders explained by a warning (e.g.
   * `"table.z"` for a z-score left empty where a variance is 0, `"r2"`); their values are not reported.
   * A path is the chain of property names from the result (`"table.stock"` is the column `stock` of the
   * result's `table`); the default allows none.
   */
  readonly allow?: readonly string[];
  /** What the error suggests (default: rescale the input, or shorten the run). */
  readonly hint?: string;
  /**
   * NaN values are documented placeholders explained by the result's warnings (e.g. "… undefined, set to
   * NaN"), so only ±Infinity is reported (default false: NaN is reported too).
   */
  readonly nanExplained?: boolean;
}

/** What {@link scanFinite} found in a result. */
export interface FiniteReport {
  /** One issue per non-finite value (the first 20 are kept; `count` counts all). */
  readonly issues: readonly ValidationIssue[];
  /** How many values are NaN or ±Infinity. */
  readonly count: number;
  /** How many non-zero values are below {@link MIN_NORMAL} in magnitude (underflow). */
  readonly subnormal: number;
  /** Where the first subnormal value is (a path), if any. */
  readonly firstSubnormal?: string;
}

const KEEP = 20;
const DEFAULT_HINT = "a sum, product or stock exceeded the float maximum (≈ 1.8e308): rescale the input " +
  "(e.g. thousands instead of units) or shorten the run";

interface Scan {
  issues: ValidationIssue[];
  count: number;
  subnormal: number;
  firstSubnormal?: string;
  readonly allow: ReadonlySet<string>;
  readonly nanExplained: boolean;
  readonly seen: Set<object>;
}

function received(v: number): string {
  return Number.isNaN(v) ? "NaN" : v > 0 ? "Infinity (overflow)" : "-Infinity (overflow)";
}

function visitNumber(s: Scan, v: number, column: string, row?: number, message?: string): void {
  if (Number.isFinite(v)) {
    if (v !== 0 && Math.abs(v) < MIN_NORMAL) {
      if (s.subnormal++ === 0) s.firstSubnormal = row === undefined ? column : `${column}, row ${row}`;
    }
    return;
  }
  if (s.nanExplained && Number.isNaN(v)) return;
  if (s.count++ >= KEEP) return;
  const issue: ValidationIssue = { column, expected: "a finite number", received: received(v) };
  const withRow = row === undefined ? issue : { row, ...issue };
  s.issues.push(message === undefined ? withRow : { ...withRow, message });
}

function isTableLike(x: object): x is { columnNames(): string[]; array(c: string): ArrayLike<unknown> } {
  const t = x as { columnNames?: unknown; array?: unknown; numRows?: unknown };
  return typeof t.columnNames === "function" && typeof t.array === "function" &&
    typeof t.numRows === "function";
}

function visitArray(s: Scan, a: ArrayLike<unknown>, path: string, depth: number): void {
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (typeof v === "number") visitNumber(s, v, path, i + 1);
    else if (v !== null && typeof v === "object") visit(s, v, `${path}[${i}]`, depth + 1);
  }
}

/** A labelled matrix (rows, cols, row-major data) or series (labels, values), reported by label. */
function visitLabelled(s: Scan, x: Record<string, unknown>, path: string): boolean {
  const { rows, cols, data, labels, values, name } = x;
  if (Array.isArray(rows) && Array.isArray(cols) && data instanceof Float64Array) {
    const n = cols.length;
    for (let k = 0; k < data.length; k++) {
      const v = data[k]!;
      if (!Number.isFinite(v) || (v !== 0 && Math.abs(v) < MIN_NORMAL)) {
        const i = Math.floor(k / n);
        visitNumber(s, v, path ? `${path}: ${cols[k % n]}` : String(cols[k % n]), i + 1, `row "${rows[i]}"`);
      }
    }
    return true;
  }
  if (Array.isArray(labels) && values instanceof Float64Array) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (!Number.isFinite(v) || (v !== 0 && Math.abs(v) < MIN_NORMAL)) {
        visitNumber(
          s,
          v,
          path || (typeof name === "string" ? name : "values"),
          i + 1,
          `label "${labels[i]}"`,
        );
      }
    }
    return true;
  }
  return false;
}

function visit(s: Scan, x: unknown, path: string, depth: number): void {
  if (s.allow.has(path)) return;
  if (typeof x === "number") return visitNumber(s, x, path || "result");
  if (x === null || typeof x !== "object" || depth > 6 || s.seen.has(x)) return;
  s.seen.add(x);
  if (x instanceof Float64Array || x instanceof Float32Array) return visitArray(s, x, path, depth);
  if (ArrayBuffer.isView(x) || x instanceof Date || x instanceof Map || x instanceof Set) return;
  if (Array.isArray(x)) return visitArray(s, x, path, depth);
  if (isTableLike(x)) {
    for (const c of x.columnNames()) {
      const p = path ? `${path}.${c}` : c;
      if (!s.allow.has(p)) visitArray(s, x.array(c), p, depth + 1);
    }
    return;
  }
  const o = x as Record<string, unknown>;
  // DOM elements and graphs are not numbers to check
  if ("nodeType" in o || typeof o.forEachNode === "function") return;
  if (visitLabelled(s, o, path)) return;
  for (const [k, v] of Object.entries(o)) {
    if (k === "warnings" || typeof v === "function") continue;
    visit(s, v, path ? `${path}.${k}` : k, depth + 1);
  }
}

/**
 * Scan a result (a number, an array, a typed array, an arquero table, a labelled matrix or series, or an
 * object of them, nested) for NaN, ±Infinity and subnormal values.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { scanFinite } from "clusterlab/advanced";
 * const r = scanFinite({ stock: [1, Infinity], share: 1e-310, r2: NaN }, { allow: ["r2"] });
 * assert.equal(r.count, 1);
 * assert.deepEqual(r.issues[0], { row: 2, column: "stock", expected: "a finite number", received: "Infinity (overflow)" });
 * assert.equal(r.subnormal, 1);
 * ```
 */
export function scanFinite(result: unknown, options: FiniteGuardOptions = {}): FiniteReport {
  const s: Scan = {
    issues: [],
    count: 0,
    subnormal: 0,
    allow: new Set(options.allow ?? []),
    nanExplained: options.nanExplained ?? false,
    seen: new Set(),
  };
  visit(s, result, "", 0);
  return { issues: s.issues, count: s.count, subnormal: s.subnormal, firstSubnormal: s.firstSubnormal };
}

/** The named warning of a report's subnormal values (none when there are none). */
export function underflowWarnings(report: FiniteReport): string[] {
  if (report.subnormal === 0) return [];
  return [
    `underflow: ${report.subnormal} value(s) below the smallest normal float (2.2e-308), first at ${report.firstSubnormal}; they keep only a few significant digits: rescale the input`,
  ];
}

/**
 * Throw a {@link ValidationError} ("Invalid result of `subject`") when `result` holds NaN or ±Infinity outside
 * the allowed paths, naming each place (row and column, or label) and the likely cause; return the report
 * otherwise (its subnormal count gives the underflow warning, {@link underflowWarnings}).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { guardFinite } from "clusterlab/advanced";
 * assert.equal(guardFinite("knowledgeStock", { stock: [1, 2] }).count, 0);
 * assert.throws(
 *   () => guardFinite("knowledgeStock", { stock: [1e308, Infinity] }),
 *   /Invalid result of knowledgeStock: 1 problem\n  - row 2, column "stock": expected a finite number, received Infinity \(overflow\)/,
 * );
 * ```
 */
export function guardFinite(
  subject: string,
  result: unknown,
  options: FiniteGuardOptions = {},
): FiniteReport {
  const report = scanFinite(result, options);
  if (report.count === 0) return report;
  const hint = options.hint ?? DEFAULT_HINT;
  const issues = report.issues.map((i, k) =>
    k === 0 ? { ...i, message: [i.message, hint].filter(Boolean).join("; ") } : i
  );
  if (report.count > issues.length) {
    issues.push({
      column: "(result)",
      expected: "finite numbers",
      received: `${report.count} non-finite values in all`,
    });
  }
  throw new ValidationError(`result of ${subject}`, issues);
}

/** Throw a {@link ValidationError} naming `name` unless the finite number `value` (a sum of inputs) is finite. */
export function checkFiniteSum(subject: string, name: string, value: number, hint?: string): void {
  if (Number.isFinite(value)) return;
  throw new ValidationError(subject, [{
    column: name,
    expected: "a sum within the float range (|Σ| ≤ 1.8e308)",
    received: describeValue(value),
    message: hint ?? DEFAULT_HINT,
  }]);
}
