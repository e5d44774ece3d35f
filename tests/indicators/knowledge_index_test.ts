import assert from "node:assert/strict";
// deno-lint-ignore no-explicit-any
type Row = Record<string, any>;
import { panelComposite } from "../../src/indicators/knowledge_index.ts";
import { entropyWeights } from "../../src/indicators/entropy_weights.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

const PANEL = [
  { entity: "A", year: 2020, indicator: "rd", value: 100 },
  { entity: "A", year: 2021, indicator: "rd", value: 100 },
  { entity: "B", year: 2020, indicator: "rd", value: 50 },
  { entity: "B", year: 2021, indicator: "rd", value: 200 },
  { entity: "A", year: 2020, indicator: "papers", value: 4 },
  { entity: "A", year: 2021, indicator: "papers", value: 6 },
  { entity: "B", year: 2020, indicator: "papers", value: 1 },
  { entity: "B", year: 2021, indicator: "papers", value: 2 },
  { entity: "B", year: 2021, indicator: "other", value: 9 },
];

Deno.test("panelComposite builds PIM stocks, pivots and scores with entropy weights over the pooled panel", () => {
  const r = panelComposite(PANEL, { indicators: { rd: "+", papers: "+" }, stocks: { rd: { delta: 0.15 } } });
  const rows = r.table.objects() as Row[];
  // rd stocks: A 100, 185; B 50, 0.85·50 + 200 = 242.5.
  assert.deepEqual(rows.map((x) => [x.entity, x.year, x.rd, x.papers]), [
    ["A", 2020, 100, 4],
    ["A", 2021, 185, 6],
    ["B", 2020, 50, 1],
    ["B", 2021, 242.5, 2],
  ]);
  const direct = entropyWeights(rows.map(({ rd, papers }) => ({ rd, papers })), {
    indicators: { rd: "+", papers: "+" },
  });
  assert.deepEqual(r.weights, direct.weights);
  assert.deepEqual(r.table.array("score"), direct.table.array("score"));
  assert.deepEqual(r.warnings, []); // complete panel: no entity-year left out
});

Deno.test("panelComposite: rows in any order come out by entity, then ascending year", () => {
  // Flows of A given as 2022, 2020, 2021 (1, 2, 4 papers): the stock runs in year order from zero:
  // 2020: 2; 2021: 0.85·2 + 4 = 5.7; 2022: 0.85·5.7 + 1 = 5.845.
  const panel = [2022, 2020, 2021].map((year, k) => ({
    entity: "A",
    year,
    indicator: "papers",
    value: [1, 2, 4][k]!,
  }));
  const r = panelComposite(panel, { indicators: { papers: "+" }, stocks: { papers: { delta: 0.15 } } });
  assert.deepEqual(r.table.array("year"), [2020, 2021, 2022]);
  const k = r.table.array("papers") as number[];
  assert.equal(k[0], 2);
  assert.ok(Math.abs(k[1]! - 5.7) < 1e-12 && Math.abs(k[2]! - 5.845) < 1e-12, `${k}`);
});

Deno.test("panelComposite leaves out incomplete entity-years with a warning and rejects duplicates", () => {
  const r = panelComposite(PANEL.slice(1), { indicators: { rd: "+", papers: "+" } });
  assert.equal(r.table.numRows(), 3);
  assert.match(r.warnings.join("\n"), /1 entity-years lack an indicator and are left out: A 2020 \(rd\)/);
  assert.throws(
    () => panelComposite([...PANEL, PANEL[0]!], { indicators: { rd: "+" } }),
    (e: unknown) =>
      e instanceof ValidationError && e.message.includes('row 10, column "entity + year + indicator"'),
  );
});

Deno.test("panelComposite: steady-state initial stock K_0 = P_0/(g + δ) is passed to knowledgeStock", () => {
  // Constant flow 30 with g = 0, δ = 0.15: K_0 = 30/0.15 = 200 and K stays 0.85·200 + 30 = 200.
  const panel = [2020, 2021].flatMap((year) => [
    { entity: "A", year, indicator: "rd", value: 30 },
    { entity: "B", year, indicator: "rd", value: year === 2020 ? 10 : 20 },
  ]);
  const r = panelComposite(panel, {
    indicators: { rd: "+" },
    stocks: { rd: { delta: 0.15, initial: "steady-state", growth: 0 } },
  });
  const rd = (r.table.objects() as Row[]).map((x) => [x.entity, x.year, x.rd]);
  assert.equal(rd[0]![2], 30 / 0.15);
  assert.ok(Math.abs(rd[1]![2] - 200) < 1e-12);
  // B: K_0 = 10/0.15, K_1 = 0.85·10/0.15 + 20.
  assert.equal(rd[2]![2], 10 / 0.15);
  assert.equal(rd[3]![2], 0.85 * (10 / 0.15) + 20);
});

Deno.test("panelComposite: invalid cells and options are ValidationErrors naming row, column and value", () => {
  assert.throws(
    () =>
      panelComposite([{ entity: "A", year: 2020.5, indicator: "rd", value: "x" }], {
        indicators: { rd: "+" },
      }),
    (e: unknown) =>
      e instanceof ValidationError &&
      e.message.includes('row 1, column "year": expected an integer, received 2020.5') &&
      e.message.includes('row 1, column "value": expected a finite number, received "x"'),
  );
  assert.throws(
    () =>
      panelComposite([{ region: "A", year: 2020, indicator: "rd", value: 1 }], { indicators: { rd: "+" } }),
    (e: unknown) =>
      e instanceof ValidationError && e.message.includes('column "entity": expected a column "entity"'),
  );
  assert.throws(
    () => panelComposite(PANEL, { indicators: { rd: "+" }, stocks: { papers: {} } }),
    (e: unknown) =>
      e instanceof ValidationError &&
      e.message.includes('column "stocks.papers": expected one of the indicators rd, received "papers"'),
  );
  assert.throws(
    () => panelComposite(PANEL, { indicators: { patents: "+" } }),
    (e: unknown) =>
      e instanceof ValidationError &&
      e.message.includes("expected at least one entity-year with every indicator (patents), received none"),
  );
});

Deno.test("panelComposite: entity, year, indicator and value name the columns of the panel", () => {
  const renamed = PANEL.map((r) => ({ province: r.entity, yr: r.year, what: r.indicator, amount: r.value }));
  const opts = { indicators: { rd: "+", papers: "+" }, stocks: { rd: { delta: 0.15 } } } as const;
  const r = panelComposite(renamed, {
    ...opts,
    entity: "province",
    year: "yr",
    indicator: "what",
    value: "amount",
  });
  assert.deepEqual(r.table.objects(), panelComposite(PANEL, opts).table.objects());
});

Deno.test("panelComposite: the 0.1 columns: { … } equals the column options; a column named both ways is an error", () => {
  const renamed = PANEL.map(({ entity, year, indicator, value }) => ({
    who: entity,
    yr: year,
    ind: indicator,
    v: value,
  }));
  const indicators = { rd: "+", papers: "+" } as const;
  const v01 = panelComposite(renamed, {
    indicators,
    columns: { entity: "who", year: "yr", indicator: "ind", value: "v" },
  });
  const today = panelComposite(renamed, {
    indicators,
    entity: "who",
    year: "yr",
    indicator: "ind",
    value: "v",
  });
  assert.deepEqual(v01.table.objects(), today.table.objects());
  assert.deepEqual(v01.weights, today.weights);
  assert.deepEqual(v01.warnings, today.warnings);
  assert.throws(
    () => panelComposite(renamed, { indicators, entity: "who", columns: { entity: "who" } }),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "columns.entity",
  );
});
