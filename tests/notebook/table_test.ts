import assert from "node:assert/strict";
import * as aq from "arquero";
import {
  enableTableDisplay,
  setTableDisplayLimit,
  showTable,
  tableBundle,
} from "../../src/notebook/table.ts";
import { DISPLAY } from "../../src/core/display.ts";
import { ValidationError } from "../../src/core/validation_error.ts";
import "../../src/mod.ts";

const t = aq.table({ region: ["UKH1", "UKI3", "UKJ1"], lq: [1.5, 0.8, 1] });

Deno.test("tableBundle(): HTML and Markdown of the first rows, a note of the row count, a text summary", () => {
  const b = tableBundle(t, { limit: 2 });
  assert.deepEqual(Object.keys(b).sort(), ["text/html", "text/markdown", "text/plain"]);
  assert.equal(b["text/html"], t.toHTML({ limit: 2 }) + "<p><em>2 of 3 rows</em></p>");
  assert.equal(b["text/markdown"], t.toMarkdown({ limit: 2 }));
  assert.equal(b["text/plain"], "ColumnTable 3 rows × 2 columns: region, lq");
  // 20 rows by default, no note when every row is shown
  assert.equal(tableBundle(t)["text/html"], t.toHTML({ limit: 20 }));
});

Deno.test("showTable(): a displayable view holding the table, with its own row limit", () => {
  const view = showTable(t, { limit: 1 });
  assert.equal(view.table, t);
  assert.deepEqual(view[DISPLAY](), tableBundle(t, { limit: 1 }));
  assert.deepEqual(showTable(t)[DISPLAY](), tableBundle(t));
});

Deno.test("importing the library leaves arquero's tables as they are (no prototype patch)", () => {
  assert.equal(DISPLAY in t, false);
  assert.equal(Object.getOwnPropertySymbols(aq.ColumnTable.prototype).includes(DISPLAY), false);
});

Deno.test("showTable(): a bad limit or a non-table is a ValidationError", () => {
  for (const limit of [0, 1.5, "10"]) {
    assert.throws(
      () => showTable(t, { limit: limit as number }),
      (e: unknown) =>
        e instanceof ValidationError && e.issues[0]!.column === "limit" &&
        e.message.includes("expected a positive integer"),
    );
  }
  assert.throws(() => tableBundle(t, { limit: -1 }), ValidationError);
  assert.throws(
    () => showTable([{ a: 1 }] as never),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "table",
  );
});

Deno.test("showTable(t, limit) and tableBundle(t, limit): the 0.1 forms equal { limit }", () => {
  assert.deepEqual(showTable(t, 1)[DISPLAY](), showTable(t, { limit: 1 })[DISPLAY]());
  assert.deepEqual(tableBundle(t, 2), tableBundle(t, { limit: 2 }));
  assert.deepEqual(tableBundle(t, undefined), tableBundle(t));
  assert.throws(() => showTable(t, 0), ValidationError);
});

Deno.test("setTableDisplayLimit (deprecated): the default row limit of showTable and tableBundle", () => {
  try {
    setTableDisplayLimit(2);
    assert.deepEqual(tableBundle(t), tableBundle(t, { limit: 2 }));
    assert.deepEqual(showTable(t)[DISPLAY](), tableBundle(t, { limit: 2 }));
    assert.deepEqual(tableBundle(t, { limit: 3 }), tableBundle(t, 3)); // a limit given still wins
    for (const bad of [0, 1.5, undefined]) {
      assert.throws(
        () => setTableDisplayLimit(bad as number),
        (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "limit",
      );
    }
  } finally {
    setTableDisplayLimit(20);
  }
  assert.equal(tableBundle(t)["text/html"], t.toHTML({ limit: 20 }));
});

Deno.test("enableTableDisplay (deprecated): only when called, every table displays as tableBundle", () => {
  const proto = aq.ColumnTable.prototype as unknown as Record<symbol, unknown>;
  assert.equal(DISPLAY in t, false);
  try {
    enableTableDisplay();
    assert.deepEqual((t as unknown as { [DISPLAY](): unknown })[DISPLAY](), tableBundle(t));
  } finally {
    delete proto[DISPLAY];
  }
  assert.equal(DISPLAY in t, false);
});
