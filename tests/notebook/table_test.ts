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
  assert.equal(
    b["text/html"],
    '<table><thead><tr><th style="text-align: left;">region</th><th style="text-align: right;">lq</th></tr>' +
      '</thead><tbody><tr><td style="text-align: left;">UKH1</td><td style="text-align: right;">1.500</td></tr>' +
      '<tr><td style="text-align: left;">UKI3</td><td style="text-align: right;">0.800</td></tr></tbody></table>' +
      "<p><em>2 of 3 rows</em></p>",
  );
  assert.equal(b["text/markdown"], "|region|lq|\n|:-|-:|\n|UKH1|1.500|\n|UKI3|0.800|\n\n_2 of 3 rows_\n");
  assert.equal(b["text/plain"], "ColumnTable 3 rows × 2 columns: region, lq");
  // 20 rows by default, no note when every row is shown
  assert.doesNotMatch(tableBundle(t)["text/html"], /<p>/);
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
    () => showTable(42 as never),
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
  assert.equal(tableBundle(t)["text/html"], tableBundle(t, { limit: 20 })["text/html"]);
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

Deno.test("tables never show undefined: a missing cell is — with a note counting them", () => {
  const m = aq.table({ year: [2020, 2021], HH: [3, undefined], name: ["a", null], x: [NaN, 0.5] });
  const b = tableBundle(m);
  for (const alt of [b["text/html"], b["text/markdown"]]) {
    assert.doesNotMatch(alt, /undefined|null|NaN/);
    assert.match(alt, /— no value \(3 cells\)/);
  }
  assert.match(b["text/html"], /<td style="text-align: right;">—<\/td>/);
  assert.doesNotMatch(tableBundle(t)["text/html"], /no value/);
});

Deno.test("numbers with sensible digits per column, or the digits asked for", () => {
  const n = aq.table({ n: [1, 20], w: [0.123456789, 1], big: [12345.678, 2.5], tiny: [0.000123456, 0.0001] });
  const html = tableBundle(n)["text/html"];
  for (const cell of [">1<", ">20<", ">0.123<", ">1.000<", ">12346<", ">3<", ">0.000123<", ">0.000100<"]) {
    assert.ok(html.includes(cell), cell);
  }
  assert.ok(tableBundle(n, { digits: 2 })["text/html"].includes(">0.12<"));
});

Deno.test("showTable of a record (e.g. weights) or an array of records is a table", () => {
  const w = { rd_expenditure: 0.31, papers_sci: 0.69 };
  const b = showTable(w, { columns: ["indicator", "weight"] })[DISPLAY]();
  assert.match(b["text/html"], /<th[^>]*>indicator<\/th><th[^>]*>weight<\/th>/);
  assert.match(b["text/html"], /rd_expenditure<\/td><td style="text-align: right;">0.310/);
  assert.equal(showTable(w).table.columnNames().join(), "name,value");
  assert.equal(showTable([{ a: 1 }, { a: 2, b: "x" }]).table.numRows(), 2);
  // a record of records (classifyGovernance's weights): one row per group and name
  const nested = showTable({ knowledge: { a: 0.4, b: 0.6 }, alliance: { c: 1 } }, {
    columns: ["stock", "indicator", "weight"],
  });
  assert.deepEqual(nested.table.objects(), [
    { stock: "knowledge", indicator: "a", weight: 0.4 },
    { stock: "knowledge", indicator: "b", weight: 0.6 },
    { stock: "alliance", indicator: "c", weight: 1 },
  ]);
  assert.equal(showTable({ k: { a: 1 } }).table.columnNames().join(), "group,name,value");
});

Deno.test("keep: the rows the text discusses are shown past the limit, and the note says which", () => {
  const many = aq.table({ id: Array.from({ length: 30 }, (_, i) => `r${i}`) });
  const b = tableBundle(many, { limit: 5, keep: (r) => r.id === "r17" || r.id === "r2" });
  assert.match(b["text/html"], />r17</);
  assert.doesNotMatch(b["text/html"], />r6</);
  assert.match(b["text/html"], /6 of 30 rows \(rows 1–5 and 18\)/);
});

Deno.test("lang: zh translates known result columns; given headers in either language", () => {
  const g = aq.table({ year: [2022], K: [0.5], quadrant: ["HH"], mine: [1] });
  const zh = tableBundle(g, { lang: "zh", headers: { mine: { en: "Mine", zh: "我的" } } })["text/html"];
  for (const h of ["年份", "K（知识存量）", "象限", "我的"]) assert.ok(zh.includes(`>${h}</th>`), h);
  const en = tableBundle(g, { lang: "en", headers: { mine: { en: "Mine", zh: "我的" } } })["text/html"];
  assert.ok(en.includes(">quadrant</th>") && en.includes(">Mine</th>"));
  assert.equal(tableBundle(g)["text/html"], tableBundle(g, { lang: "en" })["text/html"]);
});

Deno.test("lang defaults to the notebook's LANG parameter (CLUSTERLAB_LANG)", () => {
  const g = aq.table({ year: [2022], quadrant: ["HH"] });
  const before = Deno.env.get("CLUSTERLAB_LANG");
  try {
    Deno.env.set("CLUSTERLAB_LANG", "zh");
    assert.ok(tableBundle(g)["text/html"].includes(">象限</th>"));
    assert.ok(tableBundle(g, { lang: "en" })["text/html"].includes(">quadrant</th>")); // a given lang wins
    Deno.env.set("CLUSTERLAB_LANG", "en");
    assert.ok(tableBundle(g)["text/html"].includes(">quadrant</th>"));
  } finally {
    if (before === undefined) Deno.env.delete("CLUSTERLAB_LANG");
    else Deno.env.set("CLUSTERLAB_LANG", before);
  }
});
