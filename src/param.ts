/**
 * Notebook parameters through environment variables, so a teacher can rerun a notebook for another region
 * or year from the command line: `deno task notebooks --only 03 --param REGION=浙江` sets
 * `CLUSTERLAB_REGION`, and the notebook reads it with `param("REGION", "北京")`.
 * @module
 */
import { describeValue, ValidationError } from "./data/validation_error.ts";

/**
 * The value of notebook parameter `name` (environment variable `CLUSTERLAB_<NAME>`), or `fallback`.
 * A numeric fallback makes the parameter numeric: a value that is not a number is a {@link ValidationError},
 * not NaN. With `choices`, a value outside the list is a {@link ValidationError} too (e.g. a language that
 * has no labels), never passed on silently.
 *
 * @example
 * ```ts
 * import { param } from "clusterlab";
 * const year = param("YEAR", 2018); // 2018 unless CLUSTERLAB_YEAR is set
 * const lang = param("LANG", "en", ["en", "zh"]); // "en" | "zh"
 * ```
 */
export function param(name: string, fallback: number): number;
/**
 * A text parameter restricted to `choices` (the fallback must be one of them); any other value of
 * `CLUSTERLAB_<NAME>` is a {@link ValidationError} listing the allowed values.
 */
export function param<const T extends string>(name: string, fallback: T, choices: readonly T[]): T;
/** A free text parameter: the value of `CLUSTERLAB_<NAME>` as given, or `fallback` when unset or empty. */
export function param(name: string, fallback: string): string;
export function param(
  name: string,
  fallback: string | number,
  choices?: readonly string[],
): string | number {
  const key = `CLUSTERLAB_${name.toUpperCase()}`;
  const fail = (expected: string, received: string): never => {
    throw new ValidationError(
      `notebook parameter ${name.toUpperCase()}`,
      [{ column: key, expected, received, message: `set with --param ${name.toUpperCase()}=VALUE` }],
    );
  };
  if (choices !== undefined && !choices.includes(fallback as string)) {
    fail(`a default among ${choices.join(", ")}`, describeValue(fallback));
  }
  let raw: string | undefined;
  try {
    raw = Deno.env.get(key);
  } catch {
    raw = undefined; // no --allow-env: use the default
  }
  if (raw === undefined || raw === "") return fallback;
  if (typeof fallback === "number") {
    const v = Number(raw);
    if (raw.trim() === "" || !Number.isFinite(v)) fail("a number", describeValue(raw));
    return v;
  }
  if (choices !== undefined && !choices.includes(raw)) {
    fail(`one of ${choices.join(", ")}`, describeValue(raw));
  }
  return raw;
}
