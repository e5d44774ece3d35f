import assert from "node:assert/strict";
import type { ColumnTable } from "arquero";
import { datasetColumns, datasetURL } from "clusterlab/advanced";
import {
  datasets,
  datasetTable,
  loadDataset,
  ORGANISATIONS,
  TIES,
  validate,
  ValidationError,
} from "clusterlab";
import { buildData, fileBytes } from "../../scripts/build_data.ts";

/** The rows of a table as plain records. */
function objs(t: ColumnTable): Record<string, unknown>[] {
  return t.objects() as Record<string, unknown>[];
}

/** The row with the given column values (throws when not exactly one). */
function row(t: ColumnTable, where: Record<string, unknown>): Record<string, unknown> {
  const rows = objs(t).filter((r) => Object.entries(where).every(([k, v]) => r[k] === v));
  assert.deepEqual(rows.length, 1, `exactly one row with ${JSON.stringify(where)}`);
  return rows[0]!;
}

function sum(t: ColumnTable, col: string): number {
  return (t.array(col) as number[]).reduce((a, b) => a + b, 0);
}

const ROWS: Record<string, number> = {
  "uk-employment-sic4": 39 * 525 * 4,
  "uk-employment-clusters": 39 * 72 * 4,
  "uk-regions": 39,
  "uk-sic4": 525,
  "uk-clusters": 72,
  "china-provinces-st": 11548,
  "china-national-st": 350,
  "china-st-indicators": 28,
  "nsf-patents": 36 * 35 * 2 * 23,
  "nsf-patents-totals": 37 * 2 * 23,
  "nsf-economies": 36,
  "wipo-fields": 35,
  "h2020-country-ties": 101716,
  "h2020-country-orgs": 2806,
  "h2020-organisations": 1074,
  "h2020-ties": 11211,
  "h2020-types": 5,
  "platform-cases": 4,
  "catch-up-gdp": 5 * 56,
  "china-tile-grid": 31,
  "uk-tile-grid": 39,
  "region-points": 31 + 39,
  "world-countries": 199,
};

Deno.test("every registered dataset loads, validates and has the documented columns and row count", async () => {
  assert.deepEqual(datasets().map((d) => d.name).sort(), Object.keys(ROWS).sort());
  for (const d of datasets()) {
    const t = await loadDataset(d.name);
    assert.deepEqual(t.columnNames(), Object.keys(d.schema.columns), d.name);
    assert.deepEqual(t.numRows(), ROWS[d.name], d.name);
    // The loaded table validates against its full schema (joined columns included).
    assert.ok(validate(t, d.schema).ok, d.name);
    for (const c of d.text) assert.deepEqual(typeof t.get(c, 0), "string", `${d.name}.${c} is text`);
  }
});

Deno.test("every registered file exists in data/ (with README.md), and data/ stays under 6 MB", async () => {
  const files = new Set<string>();
  let bytes = 0;
  for await (const e of Deno.readDir(datasetURL(""))) {
    files.add(e.name);
    bytes += (await Deno.stat(datasetURL(e.name))).size;
  }
  for (const f of [...datasets().map((d) => d.file), "README.md"]) assert.ok(files.has(f), f);
  assert.ok(bytes < 6e6, `data/ is ${bytes} bytes`);
});

Deno.test("an unknown dataset name is a ValidationError listing the names", async () => {
  const e = await loadDataset("uk-employment").then(() => undefined, (err) => err);
  assert.ok(e instanceof ValidationError);
  assert.ok(e.message.includes("uk-employment-sic4") && e.message.includes("h2020-ties"), e.message);
  assert.equal(e.issues[0]!.received, '"uk-employment"');
  assert.throws(() => datasetColumns("uk-employment"), ValidationError);
});

Deno.test("datasetTable and datasetColumns describe the registry in both languages", () => {
  const en = datasetTable(), zh = datasetTable({ lang: "zh" });
  assert.deepEqual(en.numRows(), datasets().length);
  assert.deepEqual(row(zh, { name: "china-provinces-st" }).title, "中国省级科技统计面板，2010–2023");
  const cols = datasetColumns("uk-employment-sic4");
  assert.deepEqual(cols.array("column"), ["region", "region_name", "sector", "cluster", "year", "value"]);
  assert.deepEqual(row(cols, { column: "cluster" }).joined_from, "uk-sic4");
  assert.deepEqual(row(cols, { column: "value" }).unit, "persons");
});

Deno.test("UK employment: spot values and totals equal the raw BRES files", async () => {
  const t = await loadDataset("uk-employment-sic4");
  // nomis_BRES_2015_TYPE450.csv rows 0 and 2; nomis_BRES_2018_TYPE450.csv (UKI3 = Inner London - West).
  assert.deepEqual(row(t, { region: "UKC1", sector: "0161", year: 2015 }).value, 30);
  assert.deepEqual(row(t, { region: "UKD1", sector: "0161", year: 2015 }).value, 250);
  const r = row(t, { region: "UKI3", sector: "6201", year: 2018 });
  assert.deepEqual(r.value, 22000);
  assert.deepEqual(r.region_name, "Inner London - West");
  assert.deepEqual(r.cluster, "services_computing");
  assert.deepEqual(row(t, { region: "UKI3", sector: "7211", year: 2018 }).cluster, "services_r_&_d");
  // GB totals (sum of the raw files): 29,142,880 in 2015 and 30,147,640 in 2018.
  assert.deepEqual(sum(t.filter((d: { year: number }) => d.year === 2015), "value"), 29142880);
  assert.deepEqual(sum(t.filter((d: { year: number }) => d.year === 2018), "value"), 30147640);
  // Every value is a multiple of 5 (Nomis rounding).
  assert.ok((t.array("value") as number[]).every((v) => v % 5 === 0));

  const c = await loadDataset("uk-employment-clusters");
  assert.deepEqual(sum(c, "value"), sum(t, "value"));
  const kibs = t.filter((d: { region: string; cluster: string; year: number }) =>
    d.region === "UKI3" && d.cluster === "services_kibs" && d.year === 2018
  );
  const k = row(c, { region: "UKI3", cluster: "services_kibs", year: 2018 });
  assert.deepEqual(k.value, sum(kibs, "value"));
  assert.deepEqual(k.cluster_name, "Knowledge-intensive business services");
  assert.deepEqual(k.cluster_name_zh, "知识密集型商业服务");
});

Deno.test("China S&T panel: cleaned provinces, spot values from the yearbook file, no national total", async () => {
  const t = await loadDataset("china-provinces-st");
  const entities = new Set(t.array("entity") as string[]);
  assert.deepEqual(entities.size, 31);
  assert.ok(!entities.has("全国"));
  for (const e of entities) assert.ok(!/\s/.test(e) && !["两藏", "内蒙占", "浙汀"].includes(e), e);
  assert.deepEqual(new Set(t.array("entity_en") as string[]).size, 31);
  // china_st_yearbook_provincial_long.csv: RDActivity v4_zh_nbzc_hj, 万元.
  const bj = row(t, { entity: "北京", year: 2023, indicator: "rd_expenditure" });
  assert.deepEqual(bj.value, 29470733);
  assert.deepEqual(bj.unit, "10^4 CNY");
  assert.deepEqual(bj.entity_en, "Beijing");
  assert.deepEqual(row(t, { entity: "广东", year: 2023, indicator: "rd_expenditure" }).value, 48026161);
  assert.deepEqual(row(t, { entity: "北京", year: 2010, indicator: "rd_expenditure" }).value, 8218234.2);
  // Cleaned names: RDSource 2010 writes "北   京"; RDLaborHour 2013 has the OCR typo "内蒙占" (内蒙古).
  assert.deepEqual(row(t, { entity: "北京", year: 2010, indicator: "rd_funds_government" }).value, 4720749);
  assert.deepEqual(row(t, { entity: "内蒙古", year: 2013, indicator: "rd_personnel_fte" }).value, 37280);
  assert.deepEqual(row(t, { entity: "内蒙古", year: 2013, indicator: "rd_researchers_fte" }).value, 21201);
  // MarketPush / MarketPull 2023 (万元).
  assert.deepEqual(
    row(t, { entity: "北京", year: 2023, indicator: "tech_market_outflow_value" }).value,
    85369394,
  );
  assert.deepEqual(
    row(t, { entity: "北京", year: 2023, indicator: "tech_market_inflow_value" }).value,
    50247266,
  );
  // NA in the raw file → absent row (Tibet's technology outflow 2015), listed in china-st-indicators.
  assert.deepEqual(
    t.filter((d: { entity: string; year: number; indicator: string }) =>
      d.entity === "西藏" && d.year === 2015 && d.indicator === "tech_market_outflow_value"
    ).numRows(),
    0,
  );
  const ind = await loadDataset("china-st-indicators");
  assert.ok(String(row(ind, { indicator: "tech_market_outflow_value" }).missing).includes("2015: 西藏"));
  assert.deepEqual(row(ind, { indicator: "rd_expenditure" }).years, "2010-2023");
  assert.deepEqual(row(ind, { indicator: "rd_intensity" }).years, "2011-2023");
  // Years 2010–2023 only.
  const years = t.array("year") as number[];
  assert.deepEqual([Math.min(...years), Math.max(...years)], [2010, 2023]);

  // National total 2023: 333,570,688 万元; the provinces sum to 333,570,692 (yearbook rounding).
  const n = await loadDataset("china-national-st");
  assert.deepEqual(row(n, { year: 2023, indicator: "rd_expenditure" }).value, 333570688);
  const rd2023 = t.filter((d: { year: number; indicator: string }) =>
    d.year === 2023 && d.indicator === "rd_expenditure"
  );
  assert.deepEqual(sum(rd2023, "value"), 333570692);
});

Deno.test("NSF patents: economies only, spot values from the NCSES tables", async () => {
  const t = await loadDataset("nsf-patents");
  const economies = new Set(t.array("economy") as string[]);
  assert.deepEqual(economies.size, 36);
  for (const agg of ["World", "Asia", "EU-27", "EU-27 + UK", "Europe", "Unclassified"]) {
    assert.ok(!economies.has(agg));
  }
  for (const e of ["China", "United States", "Japan", "South Korea", "Germany"]) {
    assert.ok(economies.has(e), e);
  }
  assert.deepEqual(new Set(t.array("field") as string[]).size, 35);
  const cn = row(t, { economy: "China", field: "Computer technology", series: "IPF", year: 2020 });
  assert.deepEqual(cn.patents, 51306);
  assert.deepEqual(cn.field_id, 6);
  assert.deepEqual(cn.field_zh, "计算机技术");
  assert.deepEqual(row(t, { economy: "China", field_id: 6, series: "IPF", year: 2010 }).patents, 4616);
  assert.deepEqual(row(t, { economy: "China", field_id: 6, series: "USPTO", year: 2020 }).patents, 3772);
  assert.deepEqual(
    row(t, { economy: "Germany", field: "Transport", series: "IPF", year: 2020 }).patents,
    4078,
  );
  const tot = await loadDataset("nsf-patents-totals");
  assert.deepEqual(row(tot, { economy: "World", series: "IPF", year: 2020 }).patents, 938038);
  assert.deepEqual(row(tot, { economy: "China", series: "USPTO", year: 2020 }).patents, 22500);
});

Deno.test("H2020 aggregates: ties = Σ n(n−1)/2 over dated projects; participations add up", async () => {
  const ties = await loadDataset("h2020-country-ties");
  assert.deepEqual(sum(ties, "ties"), 1089508);
  // Canonical orientation: (country, h2020_type) ≤ (partner_country, partner_h2020_type).
  const c = ties.array("country") as string[], pc = ties.array("partner_country") as string[];
  const ty = ties.array("h2020_type") as string[], pt = ties.array("partner_h2020_type") as string[];
  for (let i = 0; i < c.length; i++) {
    assert.ok(c[i]! < pc[i]! || (c[i] === pc[i] && ty[i]! <= pt[i]!), `row ${i + 1}`);
  }
  const orgs = await loadDataset("h2020-country-orgs");
  // 144,726 participations, 7 of them in undated projects.
  assert.deepEqual(sum(orgs, "participations"), 144719);
  const map = { HES: "university", REC: "research_institute", PRC: "firm", PUB: "government", OTH: "other" };
  for (const r of objs(orgs)) assert.deepEqual(r.type, map[r.h2020_type as keyof typeof map]);
});

Deno.test("H2020 SWAFS network validates as ORGANISATIONS and TIES, every tie joins two organisations", async () => {
  const orgs = await loadDataset("h2020-organisations");
  const ties = await loadDataset("h2020-ties");
  assert.ok(validate(orgs, ORGANISATIONS).ok);
  assert.ok(validate(ties, TIES).ok);
  const ids = new Set(orgs.array("id") as string[]);
  for (const r of objs(ties)) {
    assert.ok(ids.has(r.source as string) && ids.has(r.target as string));
    assert.ok((r.source as string) < (r.target as string));
  }
  assert.ok(orgs.numRows() >= 500 && orgs.numRows() <= 3000);
});

const RAW = new URL("../../../shared/data/", import.meta.url);
const hasRaw = await Deno.stat(RAW).then(() => true, () => false);
/** In CI (the `CI` environment variable is set) ../shared/data is required: a missing one fails, never skips. */
const inCI = Deno.env.get("CI") !== undefined;

Deno.test({
  name: "rebuilding from ../shared/data gives the committed files byte for byte (deterministic build)",
  ignore: !hasRaw && !inCI,
  async fn() {
    assert.ok(hasRaw, `the raw data ${RAW.pathname} are required in CI (CI is set) but absent`);
    const first = await buildData(RAW.pathname);
    const second = await buildData(RAW.pathname);
    assert.deepEqual(first.files.map((f) => f.text), second.files.map((f) => f.text));
    for (const f of first.files) {
      const committed = await Deno.readFile(datasetURL(f.file));
      assert.deepEqual(await fileBytes(f), committed, f.file);
    }
  },
});
if (!hasRaw && !inCI) {
  console.warn("datasets_test: ../shared/data is absent, the rebuild-equality test is skipped");
}

Deno.test("loadDataset caches: the same table object again, a fresh equal one with cache: false", async () => {
  const a = await loadDataset("uk-regions");
  assert.deepEqual(await loadDataset("uk-regions"), a);
  const b = await loadDataset("uk-regions", { cache: false });
  assert.ok(b !== a);
  assert.deepEqual(objs(b), objs(a));
});

Deno.test("datasetTable(lang): the 0.1 form equals datasetTable({ lang })", () => {
  assert.deepEqual(datasetTable("zh").objects(), datasetTable({ lang: "zh" }).objects());
  assert.deepEqual(datasetTable("en").objects(), datasetTable().objects());
});
