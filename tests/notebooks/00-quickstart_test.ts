/** What notebooks/00-quickstart states, checked against its executed outputs and the shipped data. */
import assert from "node:assert/strict";
import { ACTIVITY, loadDataset, locationQuotient, matrixFrom, validate } from "clusterlab";
import { approx, executed, num, proseTest, stated } from "./prose.ts";

const S = stated(import.meta.url, {
  regions: 39,
  industries: 525,
  years: [2015, 2016, 2017, 2018],
  firstSic: "0161",
  weightedMeanLq: 1,
  badValueRow: 2,
  badValueColumn: "value",
  badValueReceived: "n/a",
  duplicateRow: 3,
  duplicateKey: "region + sector + year",
  duplicateOf: 1,
  minEmployment: 1000,
  topShown: 15,
  chartBars: 20,
});
const nb = () => executed("00-quickstart");

proseTest(
  "00 · the SIC4 table: 39 regions × 525 industries × 4 years (2015–2018), every row valid",
  async () => {
    const uk = await loadDataset("uk-employment-sic4");
    const t = validate(uk, ACTIVITY).table; // throws on an invalid row
    assert.equal(t.numRows(), S.regions * S.industries * S.years.length);
    assert.equal(new Set(t.array("region") as string[]).size, S.regions);
    assert.equal(new Set(t.array("sector") as string[]).size, S.industries);
    assert.deepEqual([...new Set(t.array("year") as number[])].sort(), [...S.years]);
    const shown = (await nb()).cell("cell-10").stdout();
    assert.match(
      shown,
      new RegExp(`^${S.regions} regions × ${S.industries} industries in 2018; 0 warning\\(s\\)`),
    );
  },
);

proseTest("00 · SIC codes stay 4-digit text: the first SIC code is 0161 (leading zero kept)", async () => {
  const uk = await loadDataset("uk-employment-sic4");
  assert.ok((uk.array("sector") as unknown[]).every((s) => typeof s === "string" && /^\d{4}$/.test(s)));
  assert.equal(uk.get("sector", 0), S.firstSic);
  const first = (await nb()).cell("cell-06").table()[0]!;
  assert.equal(first.sector, S.firstSic);
});

proseTest(
  "00 · the bad CSV: the error names row 2's value that is not a number and row 3's duplicate key",
  async () => {
    const text = (await nb()).cell("cell-08").stdout();
    assert.match(text, /^Invalid activity table: 2 problems/);
    assert.ok(
      text.includes(
        `row ${S.badValueRow}, column "${S.badValueColumn}": expected a finite number ≥ 0, received "${S.badValueReceived}"`,
      ),
      text,
    );
    assert.ok(
      text.includes(`row ${S.duplicateRow}, column "${S.duplicateKey}": expected a unique`) &&
        text.includes(`a duplicate of row ${S.duplicateOf}`),
      text,
    );
  },
);

proseTest("00 · for every industry the employment-weighted mean LQ over regions is 1", async () => {
  const uk = await loadDataset("uk-employment-sic4");
  const x = matrixFrom(uk.filter((d: { year: number }) => d.year === 2018), {
    row: "region",
    col: "sector",
    value: "value",
  });
  const lq = locationQuotient(x);
  const rowSums = x.rowSums(), colSums = x.colSums(), total = rowSums.reduce((a, b) => a + b, 0);
  let industries = 0;
  for (let j = 0; j < x.ncol; j++) {
    if (colSums[j] === 0) continue;
    let mean = 0;
    for (let i = 0; i < x.nrow; i++) mean += (rowSums[i]! / total) * lq.at(i, j);
    approx(mean, S.weightedMeanLq, 1e-9, `weighted mean LQ of ${x.cols[j]}`);
    industries++;
  }
  assert.ok(industries > 500);
});

proseTest(
  "00 · top specialisations: each region's highest LQ among cells with ≥ MIN_EMPLOYMENT employees",
  async () => {
    const top = (await nb()).cell("cell-12").table();
    assert.equal(top.length, S.topShown);
    assert.equal(new Set(top.map((r) => r.region)).size, top.length, "one row per region");
    for (const r of top) assert.ok(num(r.employment) >= S.minEmployment, `${r.region}: ${r.employment}`);
    const lqs = top.map((r) => num(r.lq));
    assert.deepEqual(lqs, [...lqs].sort((a, b) => b - a), "strongest first");
    // recomputed: every region has its top industry, and it is the one shown
    const uk = await loadDataset("uk-employment-sic4");
    const x = matrixFrom(uk.filter((d: { year: number }) => d.year === 2018), {
      row: "region",
      col: "sector",
      value: "value",
    });
    const lq = locationQuotient(x);
    for (const r of top) {
      let best = -Infinity, bestSector = "";
      for (const s of x.cols) {
        if (x.get(r.region!, s) >= S.minEmployment && lq.get(r.region!, s) > best) {
          best = lq.get(r.region!, s);
          bestSector = s;
        }
      }
      assert.equal(bestSector, r.sector, `top industry of ${r.region}`);
    }
  },
);

proseTest("00 · the chart shows the 20 strongest specialisations, with their values on hover", async () => {
  const html = (await nb()).cell("cell-14").html();
  const titles = [...html.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1]!);
  assert.equal(titles.filter((t) => /\nLQ \d+\.\d\d, Employment \d+/.test(t)).length, S.chartBars);
  const top = (await nb()).cell("cell-12").table();
  assert.ok(titles[0]!.startsWith(`${top[0]!.region_name} · ${top[0]!.description}`));
});
