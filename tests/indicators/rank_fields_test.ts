import assert from "node:assert/strict";
import { rankFieldsByComplexity } from "../../src/indicators/rank_fields.ts";
import { ValidationError } from "../../src/core/validation_error.ts";
import { matrixFrom } from "../../src/indicators/matrix.ts";
import { complexity } from "../../src/indicators/complexity.ts";
import { presence } from "../../src/indicators/presence.ts";
import { locationQuotient } from "../../src/indicators/location_quotient.ts";
import { loadDataset } from "../../src/data/datasets.ts";

type Row = Record<string, number | string | boolean>;
const rows = (t: { objects(): object[] }) => t.objects() as Row[];
/** The column roles of the `nsf-patents` table. */
const NSF = { region: "economy", sector: "field", value: "patents" } as const;

const synthetic = [
  // series X: the data that count; a..d fields, A..C economies (the complexity() doc example as counts)
  ...[["A", "a", 5], ["A", "b", 3], ["A", "c", 2], ["A", "d", 1], ["B", "a", 4], ["B", "b", 3], ["C", "a", 6]]
    .map(([economy, field, patents]) => ({
      economy,
      field,
      field_zh: `${field}字`,
      series: "X",
      year: 2000,
      patents,
    })),
  // other series/years that must be filtered out
  { economy: "C", field: "d", field_zh: "d字", series: "Y", year: 2000, patents: 1000 },
  { economy: "B", field: "c", field_zh: "c字", series: "X", year: 1990, patents: 1000 },
];

Deno.test("rankFieldsByComplexity(): the LQ → presence → PCI pipeline, after filtering series and years", () => {
  const r = rankFieldsByComplexity(synthetic, { ...NSF, series: "X", years: [1995, 2005], focus: "B" });
  const x = matrixFrom(synthetic.filter((d) => d.series === "X" && d.year === 2000), {
    row: "economy",
    col: "field",
    value: "patents",
  });
  const lq = locationQuotient(x);
  const cx = complexity(presence(lq));
  assert.deepEqual(r.ranked, cx.pci.ranked());
  const t = rows(r.table);
  assert.deepEqual(t.map((d) => d.rank), [1, 2, 3, 4]);
  t.forEach((d) => {
    assert.equal(d.pci, cx.pci.get(d.field as string));
    assert.equal(d.field_zh, `${d.field}字`);
    assert.equal(d.focus_value, x.get("B", d.field as string));
    assert.equal(d.focus_lq, lq.get("B", d.field as string));
  });
  // without the filters the extra rows change the matrix
  const all = rankFieldsByComplexity(synthetic, { ...NSF, series: null });
  assert.notDeepEqual(rows(all.table).map((d) => d.ubiquity), t.map((d) => d.ubiquity));
});

Deno.test("rankFieldsByComplexity(): errors name the option", () => {
  const column = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      assert.ok(e instanceof ValidationError, String(e));
      return e.issues.map((i) => i.column);
    }
    assert.fail("no error");
  };
  assert.deepEqual(column(() => rankFieldsByComplexity(synthetic, { ...NSF, value: "count" })), ["value"]);
  assert.deepEqual(column(() => rankFieldsByComplexity(synthetic, { ...NSF, series: "Z" })), [
    "series/years",
  ]);
  assert.deepEqual(column(() => rankFieldsByComplexity(synthetic, { ...NSF, years: [2005, 1995] })), [
    "years",
  ]);
  assert.deepEqual(column(() => rankFieldsByComplexity(synthetic, { ...NSF, series: "X", focus: "Q" })), [
    "focus",
  ]);
});

Deno.test("rankFieldsByComplexity(): NSF international patent families 2016–2020", async () => {
  const r = rankFieldsByComplexity(await loadDataset("nsf-patents"), {
    ...NSF,
    years: [2016, 2020],
    focus: "China",
  });
  assert.equal(r.ranked.length, 35);
  assert.equal(r.ranked[0], "Materials, metallurgy");
  assert.equal(r.ranked.at(-1), "Telecommunications");
  const top = rows(r.table)[0]!;
  assert.equal(top.field_zh, "材料、冶金");
  assert.equal(top.focus_present, true);
  assert.deepEqual(r.warnings, []);
});

Deno.test("rankFieldsByComplexity(): the default column roles are region, sector, value (and year)", () => {
  const long = synthetic.map((d) => ({
    region: d.economy,
    sector: d.field,
    value: d.patents,
    series: d.series,
    when: d.year,
  }));
  const a = rankFieldsByComplexity(long, { series: "X", years: [1995, 2005], year: "when" });
  const b = rankFieldsByComplexity(synthetic, { ...NSF, series: "X", years: [1995, 2005] });
  assert.deepEqual(a.ranked, b.ranked);
  assert.deepEqual(a.table.array("pci"), b.table.array("pci"));
  const neither = synthetic.map(({ economy, field, patents }) => ({
    country: economy,
    tech: field,
    n: patents,
  }));
  assert.throws(
    () => rankFieldsByComplexity(neither),
    (e: unknown) =>
      e instanceof ValidationError && e.issues.map((i) => i.column).join() === "region,sector,value",
  );
});

Deno.test("rankFieldsByComplexity(): the 0.1 options economy/field and 0.1 defaults (economy, field, patents)", async () => {
  const today = rankFieldsByComplexity(synthetic, { ...NSF, series: "X", focus: "B" });
  // 0.1 names of the column options
  const v01 = rankFieldsByComplexity(synthetic, {
    economy: "economy",
    field: "field",
    series: "X",
    focus: "B",
  });
  assert.deepEqual(v01.table.objects(), today.table.objects());
  // 0.1 defaults: a call that names no column, on a table with economy and field and no region or sector
  // columns (as nsf-patents and 0.1's notebook 06), reads economy, field and patents
  const defaults = rankFieldsByComplexity(synthetic, { series: "X", focus: "B" });
  assert.deepEqual(defaults.table.objects(), today.table.objects());
  assert.deepEqual(defaults.ranked, today.ranked);
  const patents = await loadDataset("nsf-patents"); // 0.1's notebook 06 call
  assert.deepEqual(
    rankFieldsByComplexity(patents, { years: [2016, 2020], focus: "China" }).table.objects(),
    rankFieldsByComplexity(patents, { ...NSF, years: [2016, 2020], focus: "China" }).table.objects(),
  );
  assert.throws(
    () => rankFieldsByComplexity(synthetic, { economy: "economy", region: "economy" }),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "economy",
  );
});

Deno.test("rankFieldsByComplexity(): the fitness method returns its documented NaN s.d. instead of throwing", () => {
  const r = rankFieldsByComplexity(synthetic, {
    ...NSF,
    series: "X",
    years: [1995, 2005],
    method: "fitness",
  });
  assert.equal(r.complexity.method, "fitness");
  assert.ok(Number.isNaN(r.complexity.sd));
  assert.ok(r.ranked.length > 0);
  // only the s.d. is undefined: every ranked field has a finite PCI
  for (const row of rows(r.table)) assert.ok(Number.isFinite(row.pci as number));
});
