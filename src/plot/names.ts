/**
 * Display names of charts (CONTRIBUTING.md §3): one option `names`, a record from a code (a region, sector,
 * entity or case label of the data) to the text shown, either one string or a `Bilingual` text picked by
 * the chart's `lang`. A code without an entry is shown as it is.
 * @module
 */
import type { Bilingual, Lang } from "../core/i18n.ts";
import { describeValue, ValidationError } from "../core/validation_error.ts";

/** Display names: code → shown text (`"East Anglia"`) or text in both languages (`{ en, zh }`). */
export type Names = Readonly<Record<string, string | Bilingual>>;

/**
 * The text shown for `code`: its entry in `names` (the `lang` text of a bilingual entry), else the code.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { displayName } from "clusterlab/advanced";
 * const names = { UKH1: "East Anglia", "11": { en: "Beijing", zh: "北京" } };
 * assert.equal(displayName(names, "UKH1", "zh"), "East Anglia");
 * assert.equal(displayName(names, "11", "zh"), "北京");
 * assert.equal(displayName(names, "UKI3", "en"), "UKI3");
 * assert.equal(displayName(undefined, "UKI3", "en"), "UKI3");
 * ```
 */
export function displayName(names: Names | undefined, code: string, lang: Lang): string {
  if (names === undefined || !Object.hasOwn(names, code)) return code;
  const name = names[code]!;
  return typeof name === "string" ? name : name[lang];
}

/** Throw a ValidationError unless `names` is undefined or a record of strings / `{ en, zh }` texts. */
export function checkNames(names: unknown, where: string): void {
  if (names === undefined) return;
  const bad = (received: unknown) =>
    new ValidationError(where, [{
      column: "names",
      expected: "a record code → text (a string or { en, zh })",
      received: describeValue(received),
    }]);
  if (typeof names !== "object" || names === null || Array.isArray(names) || names instanceof Map) {
    throw bad(names);
  }
  for (const v of Object.values(names)) {
    const ok = typeof v === "string" ||
      (typeof v === "object" && v !== null && typeof v.en === "string" && typeof v.zh === "string");
    if (!ok) throw bad(v);
  }
}

/** Display names as 0.1's charts took them (`rowNames`, `colNames`, `labels`): a record or a Map. */
export type NamesV01 = Readonly<Record<string, string>> | ReadonlyMap<string, string>;

/**
 * The options of a chart with its deprecated 0.1 display-name options (`rowNames`, `colNames`, `labels`:
 * records or Maps code → text) merged into `names` and removed. One of them given together with `names`,
 * or a code named differently by two of them, is a {@link ValidationError} naming the option.
 */
export function withNames<O extends { readonly names?: Names }>(
  where: string,
  options: O,
  v01: readonly string[],
): O {
  const o = options as O & Readonly<Record<string, unknown>>;
  const given = v01.filter((k) => o[k] !== undefined);
  if (given.length === 0) return options;
  const fail = (column: string, expected: string, received: unknown): never => {
    throw new ValidationError(where, [{ column, expected, received: describeValue(received) }]);
  };
  if (o.names !== undefined) {
    fail(given[0]!, 'either "names" or the deprecated 0.1 option, not both', o.names);
  }
  const names: Record<string, string> = {};
  const rest: Record<string, unknown> = { ...o };
  for (const option of given) {
    const value = o[option];
    delete rest[option];
    if (typeof value !== "object" || value === null) fail(option, "a record code → text, or a Map", value);
    const entries = value instanceof Map ? [...value.entries()] : Object.entries(value as object);
    for (const [code, text] of entries) {
      if (Object.hasOwn(names, code) && names[code] !== text) {
        fail(option, `one display name for "${code}" (another option names it "${names[code]}")`, text);
      }
      names[code] = text;
    }
  }
  return { ...rest, names } as unknown as O;
}
