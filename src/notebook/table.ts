/**
 * Tables in notebooks: {@link showTable} wraps an arquero table in a displayable view, shown as an HTML
 * table with a row limit (plus Markdown and a plain-text summary) instead of a dump of the table's
 * internals. Arquero itself is left untouched: nothing is added to its prototype (unless the deprecated
 * {@link enableTableDisplay} of 0.1 is called).
 * @module
 */
import * as aq from "../deps/arquero.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import { describeValue, ValidationError } from "../core/validation_error.ts";
import { DISPLAY, escapeHTML, escapeMarkdown, escapeText, type MimeBundle } from "../core/display.ts";
import { isTable } from "../data/adapters.ts";
import type { Bilingual, Lang } from "../core/i18n.ts";
import { COLUMN_HEADERS } from "./table_headers.ts";
import { languageParameter } from "../core/param.ts";

/** Options of {@link showTable} and {@link tableBundle}. */
export interface ShowTableOptions {
  /** Rows shown (default 20); a note under the table says how many rows there are in all. */
  readonly limit?: number;
  /**
   * Rows shown even beyond `limit` (e.g. those the text discusses), after the first `limit` rows; the note
   * names their row numbers (default: none).
   */
  readonly keep?: (row: Record<string, unknown>) => boolean;
  /**
   * Decimals of the numbers of a column that holds a non-integer (default: sensible digits per column, by
   * its largest magnitude m: none for m ≥ 1000, 1 for m ≥ 100, 3 for m ≥ 0.1, else 3 significant digits of
   * m). A column of integers is shown whole.
   */
  readonly digits?: number;
  /**
   * Language of the headers (default: the notebook's `LANG` parameter, `CLUSTERLAB_LANG`, else "en"): in
   * Chinese, known result columns (`K`, `quadrant`, `year`, …) get their Chinese header; in English the
   * column names are the headers (they are English already). `headers` apply in either language.
   */
  readonly lang?: Lang;
  /** Headers of columns by name, a text or `{ en, zh }` (default: none; they win over the known ones). */
  readonly headers?: Readonly<Record<string, string | Bilingual>>;
  /**
   * Names of the columns of a record shown as a table: `[name, value]` (default `["name", "value"]`), or for
   * a record of records (e.g. `{ knowledge: { … }, alliance: { … } }`) `[group, name, value]` (default
   * `["group", "name", "value"]`).
   */
  readonly columns?: readonly string[];
}

/** What {@link showTable} shows: an arquero table, an array of records, or one record (name → value). */
export type TableLike = ColumnTable | readonly Record<string, unknown>[] | Readonly<Record<string, unknown>>;

/** The text of a missing cell (undefined, null or NaN). */
export const MISSING_CELL = "—";

/**
 * The decimals a column of numbers is shown with (see {@link ShowTableOptions.digits}): 0 for integers.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { columnDigits } from "clusterlab/advanced";
 * assert.equal(columnDigits([1, 2, 30]), 0);
 * assert.equal(columnDigits([0.123456, 1]), 3);
 * assert.equal(columnDigits([152.25, 3.1]), 1);
 * assert.equal(columnDigits([0.00123, 0.0004]), 5); // 3 significant digits of the largest
 * ```
 */
export function columnDigits(values: ArrayLike<unknown>): number {
  let max = 0, fractional = false;
  for (const v of Array.from(values)) {
    if (typeof v !== "number" || !Number.isFinite(v)) continue;
    if (!Number.isInteger(v)) fractional = true;
    max = Math.max(max, Math.abs(v));
  }
  if (!fractional) return 0;
  if (max >= 1000) return 0;
  if (max >= 100) return 1;
  if (max >= 0.1) return 3;
  return Math.min(10, 2 - Math.floor(Math.log10(max)));
}

const isMissing = (v: unknown) => v === undefined || v === null || (typeof v === "number" && Number.isNaN(v));

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) &&
  (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

/** A record, a record of records or an array of records as an arquero table (a table as it is). */
function asTable(input: TableLike, given: readonly string[] | undefined): ColumnTable {
  if (isTable(input)) return input as ColumnTable;
  if (Array.isArray(input)) {
    const names = [...new Set(input.flatMap((r) => Object.keys(r)))];
    return aq.table(Object.fromEntries(names.map((n) => [n, input.map((r) => r[n])])));
  }
  const entries = Object.entries(input as Record<string, unknown>);
  if (entries.length > 0 && entries.every(([, v]) => isPlainObject(v))) {
    const [group, name, value] = given?.length === 3 ? given : ["group", "name", "value"];
    const rows = entries.flatMap(([g, r]) =>
      Object.entries(r as Record<string, unknown>).map(([k, v]) => [g, k, v])
    );
    return aq.table({
      [group!]: rows.map((r) => r[0]),
      [name!]: rows.map((r) => r[1]),
      [value!]: rows.map((r) => r[2]),
    });
  }
  const [name, value] = given?.length === 2 ? given : ["name", "value"];
  return aq.table({ [name!]: entries.map((e) => e[0]), [value!]: entries.map((e) => e[1]) });
}

/** A displayable view of a table: Deno's Jupyter kernel shows it as HTML (Markdown and text as alternatives). */
export interface TableView {
  /** The table shown. */
  readonly table: ColumnTable;
  /** The MIME bundle Jupyter displays (see {@link tableBundle}). */
  [DISPLAY](): MimeBundle;
}

/** The row limit when none is given: 20, or what the deprecated {@link setTableDisplayLimit} set. */
let defaultLimit = 20;

function checkLimit(limit: unknown, where: string): number {
  if (!(typeof limit === "number" && Number.isInteger(limit) && limit >= 1)) {
    throw new ValidationError(where, [{
      column: "limit",
      expected: "a positive integer",
      received: describeValue(limit),
    }]);
  }
  return limit;
}

/** The rows shown: the first `limit` and those `keep` asks for, with the note under the table. */
function shownRows(table: ColumnTable, limit: number, keep: ShowTableOptions["keep"]) {
  const n = table.numRows();
  const extra: number[] = [];
  if (keep && n > limit) {
    const rows = table.objects() as Record<string, unknown>[];
    for (let i = limit; i < n; i++) if (keep(rows[i]!)) extra.push(i);
  }
  const indices = [...Array.from({ length: Math.min(limit, n) }, (_, i) => i), ...extra];
  const shown = extra.length ? table.slice(0, 0).concat(...indices.map((i) => table.slice(i, i + 1))) : table
    .slice(0, limit);
  const cut = n > indices.length
    ? `${indices.length} of ${n} rows${
      extra.length ? ` (rows 1–${Math.min(limit, n)} and ${extra.map((i) => i + 1).join(", ")})` : ""
    }`
    : "";
  return { shown, cut };
}

/** Header of column `name` in `lang` (the name itself without `lang`). */
function header(name: string, options: ShowTableOptions): string {
  const given = options.headers?.[name];
  if (typeof given === "string") return given;
  const known = given ?? (options.lang === "zh" ? COLUMN_HEADERS[name] : undefined);
  return known ? known[options.lang ?? "en"] : name;
}

/**
 * The shown rows of `table` with headers and cells for `escape` (arquero escapes HTML cells itself, so
 * `cells` is false there): numbers with sensible digits, a missing cell as {@link MISSING_CELL}, text
 * escaped; `missing` counts the missing cells shown.
 */
function formattedView(
  shown: ColumnTable,
  options: ShowTableOptions,
  escape: (s: string) => string,
  cells: boolean,
) {
  const names = shown.columnNames();
  const headers = names.map((n) => escape(header(n, options)));
  const unique = headers.map((h, i) => (headers.indexOf(h) === i ? h : `${h} (${names[i]})`));
  const view = shown.rename(Object.fromEntries(names.map((n, i) => [n, unique[i]!])));
  const text = cells ? escape : (x: string) => x;
  const format = Object.fromEntries(unique.map((h, i) => {
    const values = shown.array(names[i]!) as ArrayLike<unknown>;
    const digits = columnDigits(values) === 0 ? 0 : options.digits ?? columnDigits(values);
    const cell = (v: unknown): string =>
      isMissing(v)
        ? MISSING_CELL
        : typeof v === "number"
        ? (Number.isFinite(v) ? v.toFixed(digits) : String(v))
        : text(String(v));
    return [h, cell];
  }));
  let missing = 0;
  for (const n of names) {
    for (const v of Array.from(shown.array(n) as ArrayLike<unknown>)) if (isMissing(v)) missing++;
  }
  return { view, format, missing };
}

/**
 * The MIME bundle of a table: HTML and Markdown of the first `limit` rows (a note "20 of 31 rows" under
 * the HTML when rows are left out), and its size and columns as plain text. Column names and text cells are
 * escaped in every alternative (HTML, Markdown, plain text), so a label like `<b>` or `a|b` shows as itself.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import * as aq from "arquero";
 * import { tableBundle } from "clusterlab/advanced";
 * const b = tableBundle(aq.table({ a: [1, 2, 3] }), { limit: 2 });
 * assert.match(b["text/html"], /<p><em>2 of 3 rows<\/em><\/p>$/);
 * assert.equal(b["text/plain"], "ColumnTable 3 rows × 1 columns: a");
 * ```
 */
export function tableBundle(table: TableLike, options?: ShowTableOptions): MimeBundle;
/** @deprecated the 0.1 form `tableBundle(table, limit)`; use `tableBundle(table, { limit })`. */
export function tableBundle(table: ColumnTable, limit?: number): MimeBundle;
export function tableBundle(input: TableLike, options01: ShowTableOptions | number = {}): MimeBundle {
  let options = typeof options01 === "number" ? { limit: options01 } : options01;
  const limit = checkLimit(options.limit ?? defaultLimit, "options of tableBundle");
  const table = asTable(input, options.columns);
  if (options.lang === undefined) options = { ...options, lang: languageParameter() };
  const { shown, cut } = shownRows(table, limit, options.keep);
  const html = formattedView(shown, options, escapeHTML, false);
  const md = formattedView(shown, options, escapeMarkdown, true);
  const notes = [
    ...(cut ? [cut] : []),
    ...(html.missing
      ? [`${MISSING_CELL} no value (${html.missing} cell${html.missing === 1 ? "" : "s"})`]
      : []),
  ];
  const more = notes.length ? `<p><em>${notes.map(escapeHTML).join(" · ")}</em></p>` : "";
  const rows = shown.numRows();
  return {
    "text/html": html.view.toHTML({ limit: rows, format: html.format }) + more,
    "text/markdown": md.view.toMarkdown({ limit: rows, format: md.format }) +
      (notes.length ? `\n_${notes.map(escapeMarkdown).join(" · ")}_\n` : ""),
    "text/plain": escapeText(
      `ColumnTable ${table.numRows()} rows × ${table.numCols()} columns: ${table.columnNames().join(", ")}`,
    ),
  };
}

/**
 * Show an arquero table in a notebook: the last expression of a cell, `showTable(t)`, displays the first
 * `limit` rows (default 20) as an HTML table, with Markdown and a plain-text summary as alternatives
 * ({@link tableBundle}). The view holds the table; the table itself is not changed.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import * as aq from "arquero";
 * import { showTable } from "clusterlab";
 * import { DISPLAY } from "clusterlab/advanced";
 * const view = showTable(aq.table({ region: ["UKH1", "UKI3"], lq: [1.5, 0.8] }), { limit: 1 });
 * const bundle = view[DISPLAY]();
 * assert.match(bundle["text/html"], /<td style="text-align: left;">UKH1<\/td>/);
 * assert.doesNotMatch(bundle["text/html"], /UKI3/);
 * assert.equal(bundle["text/plain"], "ColumnTable 2 rows × 2 columns: region, lq");
 * ```
 */
export function showTable(table: TableLike, options?: ShowTableOptions): TableView;
/** @deprecated the 0.1 form `showTable(table, limit)`; use `showTable(table, { limit })`. */
export function showTable(table: ColumnTable, limit?: number): TableView;
export function showTable(input: TableLike, options01: ShowTableOptions | number = {}): TableView {
  const plainRecord = typeof input === "object" && input !== null && !isTable(input) &&
    (Array.isArray(input)
      ? input.every((r) => typeof r === "object" && r !== null && !Array.isArray(r))
      : Object.getPrototypeOf(input) === Object.prototype || Object.getPrototypeOf(input) === null);
  if (!isTable(input) && !plainRecord) {
    throw new ValidationError("input of showTable", [{
      column: "table",
      expected: "an arquero table (e.g. from loadDataset, or aq.table), an array of records or a record",
      received: describeValue(input),
    }]);
  }
  const options = typeof options01 === "number" ? { limit: options01 } : options01;
  const limit = checkLimit(options.limit ?? defaultLimit, "options of showTable");
  const table = asTable(input, options.columns);
  return { table, [DISPLAY]: () => tableBundle(table, { ...options, limit }) };
}

/**
 * Set the row limit used when none is given, by {@link showTable}, {@link tableBundle} and the tables
 * displayed after {@link enableTableDisplay} (a positive integer, else a `ValidationError`).
 *
 * @deprecated the 0.1 global setting; pass `{ limit }` to `showTable` (or `tableBundle`).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import * as aq from "arquero";
 * import { setTableDisplayLimit, tableBundle } from "clusterlab/advanced";
 * setTableDisplayLimit(2);
 * assert.match(tableBundle(aq.table({ a: [1, 2, 3] }))["text/html"], /2 of 3 rows/);
 * setTableDisplayLimit(20); // the default again
 * ```
 */
export function setTableDisplayLimit(limit: number): void {
  defaultLimit = checkLimit(limit, "argument of setTableDisplayLimit");
}

/**
 * Give every arquero table a rich Jupyter display (the bundle of {@link tableBundle}): adds a symbol-keyed
 * method to arquero's table prototype, as ClusterLab 0.1 did on import. Only when called: importing
 * ClusterLab leaves arquero untouched.
 *
 * @deprecated the 0.1 display of bare tables; show a table with `showTable(table)`.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import * as aq from "arquero";
 * import { DISPLAY, enableTableDisplay } from "clusterlab/advanced";
 * enableTableDisplay();
 * const t = aq.table({ a: [1] }) as unknown as { [DISPLAY](): Record<string, string> };
 * assert.equal(t[DISPLAY]()["text/plain"], "ColumnTable 1 rows × 1 columns: a");
 * delete (aq.ColumnTable.prototype as unknown as Record<symbol, unknown>)[DISPLAY]; // undo the patch
 * ```
 */
export function enableTableDisplay(): void {
  const proto = aq.ColumnTable.prototype as unknown as Record<symbol, unknown>;
  proto[DISPLAY] = function (this: ColumnTable) {
    return tableBundle(this);
  };
}
