/**
 * The call forms of ClusterLab 0.1, kept as deprecated overloads (internal: not re-exported): helpers that
 * turn a 0.1 argument into today's. A value given both the 0.1 way and today's way is a
 * {@link ValidationError} naming it, never a silent choice between the two.
 * 0.1 版调用形式的兼容（已弃用）。
 * @module
 */
import { describeValue, ValidationError, type ValidationIssue } from "./validation_error.ts";

/** Is `x` an options object (a plain object, not an array, not null)? */
export function isOptionsObject(x: unknown): x is Readonly<Record<string, unknown>> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/**
 * `options` with each deprecated option name of `aliases` (0.1 name → today's name) read as today's name;
 * the 0.1 names are removed from the copy. Both names given is a {@link ValidationError} naming the 0.1
 * one (`subject`: "options of knowledgeStock").
 */
export function renamedOptions<T extends object>(
  subject: string,
  options: T,
  aliases: Readonly<Record<string, string>>,
): T {
  const o = options as Record<string, unknown>;
  if (!isOptionsObject(o) || Object.keys(aliases).every((old) => o[old] === undefined)) return options;
  const out: Record<string, unknown> = { ...o };
  const issues: ValidationIssue[] = [];
  for (const [old, name] of Object.entries(aliases)) {
    if (o[old] === undefined) continue;
    if (o[name] !== undefined) {
      issues.push({
        column: old,
        expected: `either "${name}" or its deprecated alias "${old}", not both`,
        received: `${name} ${describeValue(o[name])} and ${old} ${describeValue(o[old])}`,
      });
    }
    out[name] = o[old];
    delete out[old];
  }
  if (issues.length > 0) throw new ValidationError(subject, issues);
  return out as T;
}

/**
 * Throw a {@link ValidationError} naming each argument given both in the 0.1 form (`old`) and in today's
 * (`current`).
 */
export function checkGivenOnce(subject: string, old: object, current: object): void {
  const o = old as Record<string, unknown>, c = current as Record<string, unknown>;
  const both = Object.keys(o).filter((k) => o[k] !== undefined && c[k] !== undefined);
  if (both.length === 0) return;
  throw new ValidationError(
    subject,
    both.map((name) => ({
      column: name,
      expected: `"${name}" given once (the deprecated 0.1 form, or today's arguments)`,
      received: `${describeValue(o[name])} and ${describeValue(c[name])}`,
    })),
  );
}

/**
 * Today's `current` with the defined values of the 0.1 arguments `old` added; a value given in both is a
 * {@link ValidationError} naming it ({@link checkGivenOnce}).
 */
export function mergeGivenOnce<T extends object>(subject: string, old: Partial<T>, current: T): T {
  checkGivenOnce(subject, old, current);
  const out: Record<string, unknown> = { ...(current as Record<string, unknown>) };
  for (const [k, v] of Object.entries(old)) if (v !== undefined) out[k] = v;
  return out as T;
}
