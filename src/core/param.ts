/**
 * Notebook parameters through environment variables, so a teacher can rerun a notebook for another region
 * or year from the command line: `deno task notebooks --only 03 --param REGION=浙江` sets
 * `CLUSTERLAB_REGION`, and the notebook reads it with `param("REGION", "北京")` (or, restricted to a list,
 * `param("LANG", "en", { choices: ["en", "zh"] })`).
 * @module
 */
import { describeValue, ValidationError } from "./validation_error.ts";

/** Options of {@link param}. */
export interface ParamOptions<T extends string | number = string> {
  /**
   * The allowed values (the fallback must be one of them); any other value of `CLUSTERLAB_<NAME>` is a
   * {@link ValidationError} listing them. Default: any text, or any finite number for a numeric parameter.
   */
  readonly choices?: readonly T[];
}

/**
 * The value of notebook parameter `name` (environment variable `CLUSTERLAB_<NAME>`), or `fallback`.
 * A numeric fallback makes the parameter numeric: a value that is not a number is a {@link ValidationError},
 * not NaN.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { param } from "clusterlab";
 * Deno.env.set("CLUSTERLAB_DOC_YEAR", "2016");
 * assert.equal(param("DOC_YEAR", 2018), 2016); // a number, read from CLUSTERLAB_DOC_YEAR
 * Deno.env.delete("CLUSTERLAB_DOC_YEAR");
 * assert.equal(param("DOC_YEAR", 2018), 2018); // unset: the fallback
 * Deno.env.set("CLUSTERLAB_DOC_YEAR", "2019");
 * assert.throws(() => param("DOC_YEAR", 2018, { choices: [2015, 2016, 2017, 2018] }), /one of 2015, 2016/);
 * Deno.env.delete("CLUSTERLAB_DOC_YEAR");
 * ```
 */
export function param(name: string, fallback: number, options?: ParamOptions<number>): number;
/**
 * A text parameter restricted to `choices` (the fallback must be one of them); any other value of
 * `CLUSTERLAB_<NAME>` is a {@link ValidationError} listing the allowed values (e.g. a language that has no
 * labels), never passed on silently.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { param } from "clusterlab";
 * Deno.env.set("CLUSTERLAB_DOC_LANG", "zh");
 * assert.equal(param("DOC_LANG", "en", { choices: ["en", "zh"] }), "zh");
 * Deno.env.set("CLUSTERLAB_DOC_LANG", "fr");
 * assert.throws(() => param("DOC_LANG", "en", { choices: ["en", "zh"] }), /expected one of en, zh/);
 * Deno.env.delete("CLUSTERLAB_DOC_LANG");
 * ```
 */
export function param<const T extends string>(
  name: string,
  fallback: T,
  options: ParamOptions<T> & { readonly choices: readonly T[] },
): T;
/**
 * A free text parameter: the value of `CLUSTERLAB_<NAME>` as given, or `fallback` when unset or empty.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { param } from "clusterlab";
 * Deno.env.delete("CLUSTERLAB_DOC_REGION");
 * assert.equal(param("DOC_REGION", "北京"), "北京");
 * ```
 */
export function param(name: string, fallback: string, options?: ParamOptions): string;
/**
 * The published v0.1 form `param(name, fallback, choices)` (choices as a third positional argument).
 * @deprecated pass `{ choices }`.
 */
export function param<const T extends string>(name: string, fallback: T, choices: readonly T[]): T;
export function param(
  name: string,
  fallback: string | number,
  options: ParamOptions<string | number> | readonly string[] = {},
): string | number {
  const choices: readonly (string | number)[] | undefined = Array.isArray(options)
    ? options
    : (options as ParamOptions<string | number>).choices;
  const key = `CLUSTERLAB_${name.toUpperCase()}`;
  const fail = (expected: string, received: string): never => {
    throw new ValidationError(
      `notebook parameter ${name.toUpperCase()}`,
      [{
        column: name.toUpperCase(),
        kind: "parameter",
        expected,
        received,
        message: `environment variable ${key}; set with --param ${name.toUpperCase()}=VALUE`,
      }],
    );
  };
  if (choices !== undefined && !choices.includes(fallback)) {
    fail(`a default among ${choices.join(", ")}`, describeValue(fallback));
  }
  const raw = readEnv(key);
  if (raw === undefined || raw === "") return fallback;
  if (typeof fallback === "number") {
    const v = Number(raw);
    if (raw.trim() === "" || !Number.isFinite(v)) fail("a number", describeValue(raw));
    if (choices !== undefined && !choices.includes(v)) {
      fail(`one of ${choices.join(", ")}`, describeValue(raw));
    }
    return v;
  }
  if (choices !== undefined && !choices.includes(raw)) {
    fail(`one of ${choices.join(", ")}`, describeValue(raw));
  }
  return raw;
}

/**
 * The language of the notebook parameter `LANG` (`CLUSTERLAB_LANG`, as `param("LANG", "en", { choices })`
 * reads it): "zh" when it says so, else "en" (unset, unreadable or any other value, which the notebook's own
 * `param()` call reports). Table headers follow it when no `lang` is given.
 */
export function languageParameter(): "en" | "zh" {
  return readEnv("CLUSTERLAB_LANG")?.trim() === "zh" ? "zh" : "en";
}

/** The environment variable `key`, or undefined when unset or not readable (no `--allow-env`). */
function readEnv(key: string): string | undefined {
  try {
    return Deno.env.get(key);
  } catch {
    return undefined; // no --allow-env: use the default
  }
}
