/**
 * The overflow guard at the boundary of every indicator, composite, classifier and model (internal: not
 * re-exported): {@link finiteResult} scans the result once ({@link guardFinite} in `core/finite.ts`), throws
 * a {@link ValidationError} naming the first non-finite values (an overflow: no silent NaN or Infinity in a
 * result) and adds the named underflow warning to the result's `warnings`.
 * @module
 */
import { type FiniteGuardOptions, guardFinite, underflowWarnings } from "../core/finite.ts";
import { Matrix, Series } from "./matrix.ts";

/** A plain result object that carries warnings (`{ table, warnings, … }`). */
interface WithWarningsObject {
  readonly warnings: readonly string[];
}

function hasWarnings(x: unknown): x is WithWarningsObject {
  return typeof x === "object" && x !== null && Object.getPrototypeOf(x) === Object.prototype &&
    Array.isArray((x as WithWarningsObject).warnings);
}

/** `result` with `extra` warnings added (a new Matrix, Series or object; anything else is returned as is). */
function withWarnings<T>(result: T, extra: readonly string[]): T {
  const r: unknown = result;
  if (r instanceof Matrix && r.constructor === Matrix) {
    return new Matrix(r.rows, r.cols, r.data, { warnings: [...r.warnings, ...extra] }) as T;
  }
  if (r instanceof Series) {
    return new Series(r.labels, r.values, { name: r.name, warnings: [...r.warnings, ...extra] }) as T;
  }
  if (hasWarnings(r)) return { ...r, warnings: [...r.warnings, ...extra] } as T;
  return result;
}

/** The warnings a result carries (a Matrix, a Series or a `{ …, warnings }` object), or none. */
function warningsOf(result: unknown): readonly string[] {
  if (result instanceof Matrix || result instanceof Series || hasWarnings(result)) return result.warnings;
  return [];
}

/**
 * Return `result` of `subject` (a function's name) after the overflow guard: ±Infinity outside the `allow`ed
 * paths, and NaN unless the result's own warnings name NaN values (a documented "undefined, set to NaN"), is
 * a {@link ValidationError} ("Invalid result of `subject`"); values below the smallest normal float add a
 * named underflow warning.
 */
export function finiteResult<T>(subject: string, result: T, options: FiniteGuardOptions = {}): T {
  const nanExplained = options.nanExplained ?? warningsOf(result).some((w) => w.includes("NaN"));
  const report = guardFinite(subject, result, { ...options, nanExplained });
  const extra = underflowWarnings(report);
  return extra.length ? withWarnings(result, extra) : result;
}
