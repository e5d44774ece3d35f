/**
 * Tables in notebooks: arquero tables display as an HTML table with a row limit (plus Markdown and a plain
 * text summary) instead of a dump of their internals.
 * @module
 */
import * as aq from "arquero";
import type { ColumnTable } from "arquero";
import { DISPLAY, type MimeBundle } from "./jupyter.ts";

/** Rows shown when a table is displayed (change with {@link setTableDisplayLimit}). */
let displayLimit = 20;

/** Set how many rows a displayed table shows. */
export function setTableDisplayLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`limit must be a positive integer, received ${limit}`);
  }
  displayLimit = limit;
}

/** The MIME bundle of a table: HTML and Markdown of the first `limit` rows, and its size as text. */
export function tableBundle(table: ColumnTable, limit = displayLimit): MimeBundle {
  const more = table.numRows() > limit ? `<p><em>${limit} of ${table.numRows()} rows</em></p>` : "";
  return {
    "text/html": table.toHTML({ limit }) + more,
    "text/markdown": table.toMarkdown({ limit }),
    "text/plain": `ColumnTable ${table.numRows()} rows × ${table.numCols()} columns: ${
      table.columnNames().join(", ")
    }`,
  };
}

/** A displayable view of a table with its own row limit. */
export function showTable(table: ColumnTable, limit = displayLimit): { [DISPLAY](): MimeBundle } {
  return { [DISPLAY]: () => tableBundle(table, limit) };
}

/**
 * Give every arquero table a rich Jupyter display. `src/mod.ts` calls this once on import; it only adds a
 * symbol-keyed method to arquero's table prototype and changes nothing else.
 */
export function enableTableDisplay(): void {
  const proto = aq.ColumnTable.prototype as unknown as Record<symbol, unknown>;
  proto[DISPLAY] = function (this: ColumnTable) {
    return tableBundle(this);
  };
}
