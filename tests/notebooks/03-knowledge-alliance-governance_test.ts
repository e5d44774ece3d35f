/** What notebooks/03-knowledge-alliance-governance states, checked against its outputs and the shipped data. */
import assert from "node:assert/strict";
import * as aq from "arquero";
import {
  classifyGovernance,
  couplingCoordination,
  governanceRecommendation,
  loadDataset,
  panelComposite,
} from "clusterlab";
import {
  approx,
  executed,
  num,
  proseTest,
  type Row,
  rowWhere,
  shownPrecision,
  showsSum,
  stated,
  within,
} from "./prose.ts";
import { lesson05Quadrants, notebook03Quadrants } from "./governance_variants.ts";

const S = stated(import.meta.url, {
  provinces: 31,
  mainFirstYear: 2012,
  mainLastYear: 2022,
  fullFirstYear: 2010,
  fullLastYear: 2023,
  yearWithoutA: 2011,
  replicates: 200,
  fixedSplit: 0.5,
  mature2022: ["Beijing", "Guangdong", "Jiangsu"],
  fragmented2022: ["Zhejiang"],
  knowledgePoor2022: ["Shandong", "Hubei"],
  emerging2012Share: { atLeast: 0.9 },
  firstMatureYear: 2019,
  agreement: { atLeast: 0.95 },
  mature2023: ["Beijing", "Guangdong", "Jiangsu", "Zhejiang"],
  knowledgePoor2023: ["Shandong", "Hubei", "Hunan"],
  lacking2010: "西藏",
  zhejiangPath: "LL 2010–2022 → HH 2023",
  zhejiangA2022: 0.42,
  zhejiangA2023: 0.69,
  zhejiangK2022: 0.47,
  zhejiangStability2022: 0.6,
  zhejiang2023Mechanism: "knowledge-sharing platform with common culture and language",
  zhejiang2023Lag: "knowledge stock lags",
  zhejiang2022Lesson05: "HH",
  zhejiang2022Here: "HL",
  beijingPath: "LL 2010–2015 → LH 2016–2019 → HH 2020–2023",
  highC: { atLeast: 0.8 },
  highCShare: { atLeast: 0.95 },
  minOrganisations: 200,
  h2020FirstYear: 2015,
  h2020LastYear: 2020,
  largeResearchSystems: ["DE", "ES", "IT", "FR", "UK"],
});
const nb = () => executed("03-knowledge-alliance-governance");

const knowledgeFull = { rd_expenditure: "+", invention_patent_grants: "+", rd_researchers_fte: "+" } as const;
const knowledge = { ...knowledgeFull, papers_sci: "+" } as const;
const alliance = {
  tech_market_inflow_value: "+",
  tech_market_outflow_value: "+",
  tech_market_inflow_contracts: "+",
  tech_market_outflow_contracts: "+",
} as const;
const stocks = { rd_expenditure: { delta: 0.15 }, invention_patent_grants: { delta: 0.15 } };

/** The notebook's classifications recomputed on the shipped data (quadrants need no bootstrap). */
async function classified(indicators: typeof knowledge | typeof knowledgeFull, years?: number[]) {
  const china = await loadDataset("china-provinces-st");
  const k = panelComposite(china, { indicators, stocks, years, scoreName: "K" });
  const a = panelComposite(china, { indicators: alliance, years, scoreName: "A" });
  const wide = k.table.join(a.table.select(aq.not("A")), [["entity", "year"], ["entity", "year"]]);
  return classifyGovernance(wide, { knowledge: indicators, alliance });
}
const mainYears = () =>
  Array.from({ length: S.mainLastYear - S.mainFirstYear + 1 }, (_, i) => S.mainFirstYear + i);

/** "Beijing LL→HH, Shandong LL→LH" → { Beijing: ["LL", "HH"], … } */
const moves = (text: string, line: RegExp) =>
  Object.fromEntries(
    [...(text.match(line)?.[1] ?? "").matchAll(/([A-Z][a-z]+) ([HL]{2})→([HL]{2})/g)].map((
      m,
    ) => [m[1]!, [m[2]!, m[3]!]]),
  );
const quadrantCount = (t: readonly Row[], year: number, split: string, q: string) => {
  const r = t.find((x) => num(x.year) === year && x.split === split);
  assert.ok(r, `no row for ${year} (${split})`);
  return ["undefined", "", "—", "-"].includes(String(r[q]).trim()) ? 0 : num(r[q]); // an empty cell is none
};

proseTest(
  "03 · 31 provinces: 2012–2022 with every indicator, 2010–2023 (no A in 2011) with those of every year",
  async () => {
    const china = await loadDataset("china-provinces-st");
    assert.equal(new Set(china.array("entity") as string[]).size, S.provinces);
    const main = await classified(knowledge, mainYears());
    const years = [...new Set(main.table.array("year") as number[])].sort();
    assert.deepEqual([years[0], years.at(-1)], [S.mainFirstYear, S.mainLastYear]);
    const full = await classified(knowledgeFull);
    const fullYears = [...new Set(full.table.array("year") as number[])].sort();
    assert.deepEqual([fullYears[0], fullYears.at(-1)], [S.fullFirstYear, S.fullLastYear]);
    assert.ok(
      !fullYears.includes(S.yearWithoutA) && S.fullFirstYear < S.yearWithoutA &&
        S.yearWithoutA < S.fullLastYear,
    );
    assert.deepEqual(full.thresholds, { K: S.fixedSplit, A: S.fixedSplit });
    assert.equal(fullYears.length, S.fullLastYear - S.fullFirstYear);
    const shown = (await nb()).cell("cell-10").stdout();
    assert.match(
      shown,
      new RegExp(`stability < 0\\.9 \\(fixed split\\): \\d+ of ${main.table.numRows()}\\n`),
    );
  },
);

proseTest("03 · entropy weights of K and A each sum to 1", async () => {
  const nbk = await nb();
  // each weights table is the first table its cell displays (shown to 3 decimals)
  for (const [id, name] of [["cell-04", "K"], ["cell-06", "A"]]) {
    const w = nbk.cell(id).tables()[0]!.map((r) => num(r.weight));
    assert.equal(w.length, 4);
    approx(w.reduce((a, b) => a + b, 0), 1, 0.003, `${name} weights`);
  }
});

proseTest(
  "03 · 2022: only Guangdong, Jiangsu and Beijing mature; Zhejiang fragmented; Shandong, Hubei knowledge-poor",
  async () => {
    const t = (await nb()).cell("cell-06").table();
    for (const p of S.mature2022) assert.equal(rowWhere(t, "province", p).quadrant, "HH", p);
    for (const p of S.fragmented2022) assert.equal(rowWhere(t, "province", p).quadrant, "HL", p);
    for (const p of S.knowledgePoor2022) assert.equal(rowWhere(t, "province", p).quadrant, "LH", p);
    const counts = (await nb()).cell("cell-10").table();
    assert.equal(quadrantCount(counts, 2022, "0.5", "HH"), S.mature2022.length, "only these are mature");
    assert.equal(quadrantCount(counts, 2022, "0.5", "HL"), S.fragmented2022.length);
    assert.equal(quadrantCount(counts, 2022, "0.5", "LH"), S.knowledgePoor2022.length);
    for (const p of [...S.mature2022, ...S.fragmented2022, ...S.knowledgePoor2022]) {
      assert.ok(t.some((r) => r.province === p));
    }
  },
);

proseTest(
  "03 · each row's evidence: portfolio weights sum to 1, stability is a share of 200 resamples",
  async () => {
    for (const id of ["cell-06", "cell-03-focus-table"]) {
      for (const r of (await nb()).cell(id).table()) {
        showsSum([r.w_supply, r.w_connect, r.w_platform], 1, `${id} portfolio`);
        const k = num(r.stability) * S.replicates;
        approx(
          k,
          Math.round(k),
          shownPrecision(r.stability) * S.replicates,
          `${id} stability × ${S.replicates}`,
        );
      }
    }
  },
);

proseTest(
  "03 · fixed split: almost all emerging in 2012, the first mature after 2018; the median split many more",
  async () => {
    const counts = (await nb()).cell("cell-10").table();
    const total2012 = ["HH", "HL", "LH", "LL"].reduce((n, q) => n + quadrantCount(counts, 2012, "0.5", q), 0);
    within(quadrantCount(counts, 2012, "0.5", "LL") / total2012, S.emerging2012Share, "LL share in 2012");
    for (let y = S.mainFirstYear; y < S.firstMatureYear; y++) {
      assert.equal(quadrantCount(counts, y, "0.5", "HH"), 0, `${y}`);
    }
    assert.ok(quadrantCount(counts, S.firstMatureYear, "0.5", "HH") > 0);
    for (let y = S.mainFirstYear; y <= S.mainLastYear; y++) {
      if (!counts.some((r) => num(r.year) === y && r.split === "median")) continue; // the display shows 20 rows
      assert.ok(quadrantCount(counts, y, "median", "HH") > quadrantCount(counts, y, "0.5", "HH"), `${y}`);
    }
    const changed = moves((await nb()).cell("cell-10").stdout(), /2012 → 2022: ([^\n]*)/);
    for (const p of S.mature2022) assert.deepEqual(changed[p], ["LL", "HH"], p);
  },
);

proseTest("03 · the two versions of K agree on at least 95% of the shared province-years", async () => {
  const cell = (await nb()).cell("cell-10b");
  const m = cell.stdout().match(/agree with the four-indicator K on (\d+) of (\d+) shared/);
  within(num(m?.[1]) / num(m?.[2]), S.agreement, "agreement");
});

proseTest(
  "03 · 2010: every province with data emerging (Tibet lacks outflows); 2023: four mature, three knowledge-poor",
  async () => {
    const cell = (await nb()).cell("cell-10b");
    assert.match(
      cell.stdout(),
      new RegExp(`${S.lacking2010} ${S.fullFirstYear} \\(tech_market_outflow_value`),
    );
    const full = await classified(knowledgeFull);
    const in2010 = full.table.filter(aq.escape((d: { year: number }) => d.year === S.fullFirstYear));
    assert.ok(!(in2010.array("entity") as string[]).includes(S.lacking2010));
    assert.equal(in2010.numRows(), S.provinces - 1);
    assert.ok((in2010.array("quadrant") as string[]).every((q) => q === "LL"));
    const moved = moves(cell.stdout(), /2010 → 2023: ([^\n]*)/);
    for (const p of S.mature2023) assert.deepEqual(moved[p], ["LL", "HH"], p);
    for (const p of S.knowledgePoor2023) assert.deepEqual(moved[p], ["LL", "LH"], p);
    const t = cell.table();
    const row2023 = t.find((r) => num(r.year) === S.fullLastYear)!;
    assert.deepEqual([num(row2023.HH), num(row2023.LH)], [S.mature2023.length, S.knowledgePoor2023.length]);
  },
);

proseTest(
  "03 · Zhejiang: LL 2010–2022 → HH 2023, A 0.42 → 0.69, just below both thresholds in 2022 (60%)",
  async () => {
    const cell = (await nb()).cell("cell-03-focus-table");
    assert.ok(cell.stdout().includes(`Path: ${S.zhejiangPath}.`), cell.stdout());
    const t = cell.table();
    const y = (year: number) => t.find((r) => num(r.year) === year)!;
    approx(num(y(2022).A), S.zhejiangA2022, 0.005, "A 2022");
    approx(num(y(2023).A), S.zhejiangA2023, 0.005, "A 2023");
    approx(num(y(2022).K), S.zhejiangK2022, 0.005, "K 2022");
    assert.ok(num(y(2022).K) < S.fixedSplit && num(y(2022).A) < S.fixedSplit, "below both thresholds");
    assert.ok(num(y(2023).K) >= S.fixedSplit && num(y(2023).A) >= S.fixedSplit, "above both in 2023");
    approx(num(y(2022).stability), S.zhejiangStability2022, 0.05, "stability 2022");
    assert.equal(y(2023).mechanism, S.zhejiang2023Mechanism);
    assert.equal(y(2023).lag_label, S.zhejiang2023Lag);
    const w = [num(y(2023).w_supply), num(y(2023).w_connect), num(y(2023).w_platform)];
    assert.equal(Math.max(...w), w[0], "knowledge supply keeps the largest weight");
    // with the four-indicator K (papers included) Zhejiang is already HL in 2022
    assert.equal(rowWhere((await nb()).cell("cell-06").table(), "province", "Zhejiang").quadrant, "HL");
  },
);

proseTest("03 · Beijing: LL → LH 2016 → HH 2020", async () => {
  const rec = governanceRecommendation(await classified(knowledgeFull), "北京");
  const path = rec.trajectory.map((s) => `${s.quadrant} ${s.from === s.to ? s.from : `${s.from}–${s.to}`}`)
    .join(" → ");
  assert.equal(path, S.beijingPath);
});

proseTest("03 · coupling: the standard C is nearly always high, so C_W is shown beside it", async () => {
  const gov = await classified(knowledge, mainYears());
  const cc = couplingCoordination(gov.table.select("entity", "year", "K", "A"), ["K", "A"]).table;
  assert.ok(cc.columnNames().includes("C_W"));
  const c = cc.array("C") as number[];
  const high = "atLeast" in S.highC ? S.highC.atLeast : NaN;
  within(
    c.filter((v) => v >= high).length / c.length,
    S.highCShare,
    `share of province-years with C ≥ ${high}`,
  );
});

proseTest(
  "03 · Horizon 2020: countries with ≥ 200 organisations every year 2015–2020; large systems hold K",
  async () => {
    const orgs = await loadDataset("h2020-country-orgs");
    const years = Array.from(
      { length: S.h2020LastYear - S.h2020FirstYear + 1 },
      (_, i) => S.h2020FirstYear + i,
    );
    const size = orgs.filter(aq.escape((d: { year: number }) => years.includes(d.year)))
      .groupby("country", "year").rollup({ n: aq.op.sum("organisations") })
      .groupby("country").rollup({ min: aq.op.min("n"), years: aq.op.count() })
      .filter(
        aq.escape((d: { min: number; years: number }) =>
          d.min >= S.minOrganisations && d.years === years.length
        ),
      );
    const cell = (await nb()).cell("cell-14");
    assert.equal(cell.number(/^(\d+) countries;/), size.numRows());
    const t = cell.table();
    assert.deepEqual(
      t.map((r) => r.entity).sort(),
      (size.array("country") as string[]).sort(),
    );
    for (const c of S.largeResearchSystems) {
      assert.equal(
        rowWhere(t, "entity", c).quadrant[0],
        "H",
        `${c} knowledge`,
      );
    }
    // the smaller members: networked and knowledge-poor
    for (const r of t.filter((x) => !S.largeResearchSystems.includes(x.entity!))) {
      assert.equal(
        r.quadrant,
        "LH",
        r.entity,
      );
    }
  },
);

proseTest(
  "03 · course lesson 5's simpler indicators put Zhejiang 2022 in HH, this notebook in HL",
  async () => {
    assert.equal((await lesson05Quadrants()).get("浙江 2022"), S.zhejiang2022Lesson05);
    assert.equal((await notebook03Quadrants()).get("浙江 2022"), "HL");
    assert.ok(S.fragmented2022.includes("Zhejiang"));
  },
);
