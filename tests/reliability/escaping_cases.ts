/**
 * Every text alternative escaped: the Markdown and plain-text versions of tables and figures escape like the
 * HTML one (a label `<b>`, `a|b`, `*x*`, an ANSI escape or a bidirectional override shows as itself and
 * changes nothing else).
 * @module
 */
import assert from "node:assert/strict";
import * as aq from "arquero";
import * as Plot from "@observablehq/plot";
import {
  exercise,
  interactive,
  locationQuotient,
  matrixFrom,
  plot,
  showTable,
  specialisationHeatmap,
} from "../../src/mod.ts";
import { DISPLAY, escapeMarkdown, escapeText, tableBundle } from "../../src/advanced.ts";
import type { MimeBundle } from "../../src/types.ts";
import type { Case } from "./case.ts";

const ESC = "\u001b[31m";
const md = (r: unknown) => (r as MimeBundle)["text/markdown"]!;
const html = (r: unknown) => (r as MimeBundle)["text/html"]!;
const text = (r: unknown) => (r as MimeBundle)["text/plain"]!;
const cell = (v: string) => tableBundle(aq.table({ label: [v], n: [1] }));
/** The Markdown table's body row (third line), for cell checks. */
const bodyRow = (r: unknown) => md(r).split("\n")[2]!;

/** The cases of the escaping class. */
export const ESCAPING: Case[] = [
  {
    name: "table Markdown: a `|` in a cell does not split the row",
    run: () => cell("a|b"),
    expect: { result: (r) => assert.equal(bodyRow(r), "|a&#124;b|1|") },
  },
  {
    name: "table Markdown: `<script>` in a cell is inert text",
    run: () => cell("<script>alert(1)</script>"),
    expect: { result: (r) => assert.equal(bodyRow(r), "|&lt;script&gt;alert(1)&lt;/script&gt;|1|") },
  },
  {
    name: "table Markdown: emphasis characters in a cell show as themselves",
    run: () => cell("*top* _10_"),
    expect: { result: (r) => assert.equal(bodyRow(r), "|&#42;top&#42; &#95;10&#95;|1|") },
  },
  {
    name: "table Markdown: a line break in a cell keeps the row on one line",
    run: () => cell("two\nlines"),
    expect: {
      result: (r) => {
        assert.equal(md(r).split("\n").filter(Boolean).length, 3);
        assert.equal(bodyRow(r), "|two<br>lines|1|");
      },
    },
  },
  {
    name: "table Markdown: a link in a cell is not a link",
    run: () => cell("[click](http://example.org)"),
    expect: { result: (r) => assert.doesNotMatch(md(r), /\[click\]\(/) },
  },
  {
    name: "table Markdown: an HTML entity in a cell is shown, not decoded",
    run: () => cell("R&amp;D"),
    expect: { result: (r) => assert.equal(bodyRow(r), "|R&amp;amp;D|1|") },
  },
  {
    name: "table Markdown: a column name with markup is escaped",
    run: () => tableBundle(aq.table({ "<b>lq</b>": [1], "a|b": [2] })),
    expect: { result: (r) => assert.equal(md(r).split("\n")[0], "|&lt;b&gt;lq&lt;/b&gt;|a&#124;b|") },
  },
  {
    name: "table HTML: a column name with markup is escaped (arquero leaves it raw)",
    run: () => tableBundle(aq.table({ "<img src=x onerror=alert(1)>": [1] })),
    expect: {
      result: (r) => {
        assert.doesNotMatch(html(r), /<img/);
        assert.match(html(r), /&lt;img src=x onerror=alert\(1\)&gt;/);
      },
    },
  },
  {
    name: "table HTML: a cell with markup is escaped",
    run: () => cell("<b>bold</b>"),
    expect: { result: (r) => assert.match(html(r), /&lt;b&gt;bold&lt;\/b&gt;/) },
  },
  {
    name: "table Markdown: numbers are left as numbers (sensible digits per column)",
    run: () => tableBundle(aq.table({ lq: [1.5, 0.25] })),
    expect: { result: (r) => assert.deepEqual(md(r).split("\n").slice(2, 4), ["|1.500|", "|0.250|"]) },
  },
  {
    name: "table plain text: an ANSI escape in a column name is shown, not executed",
    run: () => tableBundle(aq.table({ [`${ESC}red`]: [1] })),
    expect: { result: (r) => assert.equal(text(r), "ColumnTable 1 rows × 1 columns: \\u{1b}[31mred") },
  },
  {
    name: "showTable: its display bundle escapes like tableBundle",
    run: () => showTable(aq.table({ "x|y": ["<i>"] }))[DISPLAY](),
    expect: {
      result: (r) => {
        assert.match(md(r), /x&#124;y/);
        assert.match(md(r), /&lt;i&gt;/);
      },
    },
  },
  {
    name: "showTable: a table of 30 rows shows the first 20 in every alternative",
    run: () => showTable(aq.table({ a: Array.from({ length: 30 }, (_, i) => `<${i}>`) }))[DISPLAY](),
    expect: {
      result: (r) => {
        // header, rule, 20 rows, a blank line and the note
        assert.equal(md(r).trim().split("\n").length, 24);
        assert.match(md(r), /\n_20 of 30 rows_\n$/);
        assert.match(html(r), /20 of 30 rows/);
      },
    },
  },
  {
    name: "Figure plain text: a description with an ANSI escape",
    run: () => plot({ marks: [Plot.dot([[1, 2]])], description: `${ESC}alert` }).toMimeBundle(),
    expect: { result: (r) => assert.equal(text(r), "\\u{1b}[31malert") },
  },
  {
    name: "Figure plain text: a description with a bidirectional override",
    run: () => plot({ marks: [], description: "gdp\u202Eevil" }).toMimeBundle(),
    expect: { result: (r) => assert.equal(text(r), "gdp\\u{202e}evil") },
  },
  {
    name: "Figure plain text: markup in a description stays as typed (plain text has no markup)",
    run: () => plot({ marks: [], description: "<b>LQ</b> & more" }).toMimeBundle(),
    expect: { result: (r) => assert.equal(text(r), "<b>LQ</b> & more") },
  },
  {
    name: "Figure HTML: a title with markup is escaped",
    run: () => plot({ title: "<script>x</script>", marks: [] }).toMimeBundle(),
    expect: { result: (r) => assert.doesNotMatch(html(r), /<script>/) },
  },
  {
    name: "specialisationHeatmap: region names with markup are escaped in the SVG",
    run: () => {
      const x = matrixFrom([[10, 0], [10, 20]], { regions: ["A", "B"], sectors: ["s1", "s2"] });
      return specialisationHeatmap(locationQuotient(x), { names: { A: "<script>x</script>" } }).toSVG();
    },
    expect: {
      result: (r) => {
        assert.doesNotMatch(r as string, /<script>/);
        assert.match(r as string, /&lt;script&gt;x&lt;\/script&gt;/);
      },
    },
  },
  {
    name: "interactive figure plain text: a title with an ANSI escape",
    run: () =>
      interactive({
        title: { en: `${ESC}t`, zh: "t" },
        description: `${ESC}desc`,
        sliders: { a: { label: { en: "a", zh: "a" }, values: [1, 2] } },
        render: () => ({ marks: [] }),
      }).toMimeBundle(),
    expect: { result: (r) => assert.ok(!text(r).includes(ESC[0]!) && text(r).includes("\\u{1b}")) },
  },
  {
    name: "exercise question: the plain-text alternative escapes control characters",
    run: () =>
      exercise({
        id: "1.1",
        question: { en: `${ESC}What?`, zh: "什么？" },
        answer: 1,
        hint: { en: "h", zh: "h" },
      }).question[DISPLAY](),
    expect: { result: (r) => assert.match(text(r), /^1\.1 \\u\{1b\}\[31mWhat\?/) },
  },
  {
    name: "exercise question: the HTML alternative escapes markup",
    run: () =>
      exercise({ id: "<1>", question: { en: "<b>?</b>", zh: "?" }, answer: 1, hint: { en: "h", zh: "h" } })
        .question[DISPLAY](),
    expect: { result: (r) => assert.doesNotMatch(html(r), /<b>\?<\/b>|<1>/) },
  },
  {
    name: "escapeMarkdown: a heading marker and a code span",
    run: () => escapeMarkdown("# `rm -rf`"),
    expect: { result: (r) => assert.equal(r, "&#35; &#96;rm -rf&#96;") },
  },
  {
    name: "escapeText: a carriage return that would overwrite the line",
    run: () => escapeText("ok\rFAIL"),
    expect: { result: (r) => assert.equal(r, "ok\\u{d}FAIL") },
  },
  {
    name: "escapeText: Chinese, tabs and line breaks stay",
    run: () => escapeText("区位商\t1.5\n浙江"),
    expect: { result: (r) => assert.equal(r, "区位商\t1.5\n浙江") },
  },
];
