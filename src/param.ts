/**
 * Notebook parameters through environment variables, so a teacher can rerun a notebook for another region
 * or year from the command line: `deno task notebooks --only 03 --param REGION=浙江` sets
 * `CLUSTERLAB_REGION`, and the notebook reads it with `param("REGION", "北京")`.
 * @module
 */

/**
 * The value of notebook parameter `name` (environment variable `CLUSTERLAB_<NAME>`), or `fallback`.
 * A numeric fallback makes the parameter numeric: a value that is not a number is an error, not NaN.
 *
 * @example
 * ```ts
 * import { param } from "clusterlab";
 * const year = param("YEAR", 2018); // 2018 unless CLUSTERLAB_YEAR is set
 * ```
 */
export function param(name: string, fallback: string): string;
export function param(name: string, fallback: number): number;
export function param(name: string, fallback: string | number): string | number {
  const key = `CLUSTERLAB_${name.toUpperCase()}`;
  let raw: string | undefined;
  try {
    raw = Deno.env.get(key);
  } catch {
    raw = undefined; // no --allow-env: use the default
  }
  if (raw === undefined || raw === "") return fallback;
  if (typeof fallback === "number") {
    const v = Number(raw);
    if (!Number.isFinite(v)) {
      throw new TypeError(`Parameter ${key}: expected a number, received ${JSON.stringify(raw)}`);
    }
    return v;
  }
  return raw;
}
