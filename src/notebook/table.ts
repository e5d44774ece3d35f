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

/** Options of {@link showTable} and {@link tableBundle}. */
export interface ShowTableOptions {
  /** Rows shown (default 20); a note under the table says how many rows there are in all. */
  readonly limit?: number;
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

/**
 * The first `limit` rows of `table` with its column names and text cells escaped for `escape` (arquero
 * escapes text cells of HTML itself but neither the column names nor anything in Markdown): every text
 * alternative of a table escapes like the HTML one.
 */
function escapedView(table: ColumnTable, limit: number, escape: (s: string) => string, cells: boolean) {
  const shown = table.slice(0, limit);
  const names = shown.columnNames();
  const renamed = shown.rename(Object.fromEntries(names.map((n) => [n, escape(n)])));
  if (!cells) return { view: renamed, format: undefined };
  const format: Record<string, (v: unknown) => string> = {};
  for (const n of names) {
    const values = shown.array(n) as ArrayLike<unknown>;
    if (Array.prototype.some.call(values, (v) => typeof v === "string")) {
      format[escape(n)] = (v: unknown) => (typeof v === "string" ? escape(v) : String(v));
    }
  }
  return { view: renamed, format };
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
export function tableBundle(table: ColumnTable, options?: ShowTableOptions): MimeBundle;
/** @deprecated the 0.1 form `tableBundle(table, limit)`; use `tableBundle(table, { limit })`. */
export function tableBundle(table: ColumnTable, limit?: number): MimeBundle;
export function tableBundle(table: ColumnTable, options: ShowTableOptions | number = {}): MimeBundle {
  const limit = checkLimit(
    typeof options === "number" ? options : options.limit ?? defaultLimit,
    "options of tableBundle",
  );
  const more = table.numRows() > limit ? `<p><em>${limit} of ${table.numRows()} rows</em></p>` : "";
  const html = escapedView(table, limit, escapeHTML, false);
  const md = escapedView(table, limit, escapeMarkdown, true);
  return {
    "text/html": html.view.toHTML({ limit }) + more,
    "text/markdown": md.view.toMarkdown({ limit, format: md.format }),
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
export function showTable(table: ColumnTable, options?: ShowTableOptions): TableView;
/** @deprecated the 0.1 form `showTable(table, limit)`; use `showTable(table, { limit })`. */
export function showTable(table: ColumnTable, limit?: number): TableView;
export function showTable(table: ColumnTable, options: ShowTableOptions | number = {}): TableView {
  if (!isTable(table)) {
    throw new ValidationError("input of showTable", [{
      column: "table",
      expected: "an arquero table (e.g. from loadDataset, or aq.table)",
      received: describeValue(table),
    }]);
  }
  const limit = checkLimit(
    typeof options === "number" ? options : options.limit ?? defaultLimit,
    "options of showTable",
  );
  return { table, [DISPLAY]: () => tableBundle(table, { limit }) };
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
