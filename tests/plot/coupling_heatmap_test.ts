import assert from "node:assert/strict";
import { couplingHeatmap } from "../../src/plot/coupling_heatmap.ts";
import { couplingCoordination } from "../../src/classify/coupling.ts";
import { ValidationError } from "../../src/core/validation_error.ts";
import { assertSnapshot } from "./snapshot.ts";

const table = couplingCoordination([
  { region: "A", year: 2020, K: 0.04, O: 0.06 },
  { region: "A", year: 2021, K: 0.9, O: 0.95 },
  { region: "B", year: 2020, K: 0.5, O: 0.3 },
], ["K", "O"]).table;

Deno.test("couplingHeatmap: one cell per region × year, coloured by the D band, evidence in the title", () => {
  const svg = couplingHeatmap(table, { names: { A: "Alpha" } }).toSVG();
  const i = svg.indexOf('aria-label="cell"');
  const cells = svg.slice(i, svg.indexOf("</g>", i)).match(/<rect [^>]*fill="(#[0-9a-f]{6})"/g) ?? [];
  assert.equal(cells.length, 3);
  // D = 0.221, 0.962, 0.622 → bands 3, 10 and 7 of the 10-level table → RdYlGn classes 2, 9 and 6.
  assert.deepEqual(cells.map((c) => c.match(/#[0-9a-f]{6}/)![0]), ["#f46d43", "#006837", "#a6d96a"]);
  assert.ok(svg.includes("<title>Alpha 2021\nD = 0.962 (high-quality coordination)\nC = 1.000, C_W = 0.949"));
  assert.ok(svg.includes(">0.62</text>")); // values written in the cells
  assert.ok(!couplingHeatmap(table, { values: false }).toSVG().includes(">0.62</text>"));
});

Deno.test("couplingHeatmap: Chinese labels follow lang (chart and level labels)", () => {
  const zh = couplingCoordination(table.select("region", "year", "K", "O"), ["K", "O"], { lang: "zh" }).table;
  const html = couplingHeatmap(zh, { lang: "zh" }).toHTML();
  for (const t of ["各地区历年耦合协调度 D", "年份", "优质协调", "耦合协调度 D"]) {
    assert.ok(html.includes(t), t);
  }
});

Deno.test("couplingHeatmap: a table without D is a ValidationError naming the column", () => {
  assert.throws(
    () => couplingHeatmap(table.select("region", "year")),
    (e: unknown) =>
      e instanceof ValidationError &&
      e.message.includes('column "D": expected a column "D" (a couplingCoordination table)'),
  );
});

Deno.test('couplingHeatmap: sort "D" orders regions by mean D, highest first', () => {
  // Mean D: A (0.221 + 0.962)/2 = 0.59, B 0.622 → B above A; input order puts A first.
  const label = (svg: string) => {
    const i = svg.indexOf('aria-label="y-axis tick label"');
    return [...svg.slice(i, svg.indexOf("</g>", i)).matchAll(/>([^<]+)<\/text>/g)].map((m) => m[1]);
  };
  assert.deepEqual(label(couplingHeatmap(table).toSVG()), ["A", "B"]);
  assert.deepEqual(label(couplingHeatmap(table, { sort: "D" }).toSVG()), ["B", "A"]);
  assert.throws(
    // deno-lint-ignore no-explicit-any
    () => couplingHeatmap(table, { sort: "name" as any }),
    (e: unknown) =>
      e instanceof ValidationError &&
      e.message.includes('column "sort": expected "input" or "D", received "name"'),
  );
});

Deno.test("couplingHeatmap: snapshot", async () => {
  await assertSnapshot(
    import.meta.url,
    "coupling-heatmap",
    couplingHeatmap(table, { names: { A: "Alpha" } }).toSVG(),
  );
});
