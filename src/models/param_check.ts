/**
 * Internal helpers that validate model parameters and collect {@link ValidationIssue}s (not re-exported).
 * @module
 */
import { describeValue, ValidationError, type ValidationIssue } from "../data/validation_error.ts";

/** Collects issues about parameters and throws them all at once. */
export class ParamChecker {
  readonly issues: ValidationIssue[] = [];
  constructor(readonly subject: string) {}

  /** Record a problem. */
  add(column: string, expected: string, received: unknown, message?: string): void {
    this.issues.push({ column, expected, received: describeValue(received), message });
  }

  /** A finite number, optionally bounded (inclusive unless `open`). */
  number(
    name: string,
    v: unknown,
    opt: { min?: number; max?: number; open?: boolean; integer?: boolean } = {},
  ): boolean {
    const parts = [opt.integer ? "an integer" : "a finite number"];
    if (opt.min !== undefined) parts.push(`${opt.open ? ">" : "≥"} ${opt.min}`);
    if (opt.max !== undefined) parts.push(`≤ ${opt.max}`);
    const ok = typeof v === "number" && Number.isFinite(v) && (!opt.integer || Number.isInteger(v)) &&
      (opt.min === undefined || (opt.open ? v > opt.min : v >= opt.min)) &&
      (opt.max === undefined || v <= opt.max);
    if (!ok) this.add(name, parts.join(" "), v);
    return ok;
  }

  /** An array of `length` finite numbers (each bounded like {@link number}). */
  vector(
    name: string,
    v: unknown,
    length: number | undefined,
    opt: { min?: number; max?: number; open?: boolean } = {},
  ): v is number[] {
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
      ok = this.number(`${name}[${i}]`, x, opt) && ok;
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
