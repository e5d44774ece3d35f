/** What notebooks/02-technology-space states, checked against its outputs and the shipped data. */
import assert from "node:assert/strict";
import { complexity, loadDataset, locationQuotient, matrixFrom, presence } from "clusterlab";
import { approx, executed, num, proseTest, shows, stated, within } from "./prose.ts";

const S = stated(import.meta.url, {
  fields: 35,
  firstYear: 1998,
  lastYear: 2020,
  minPatents: 1000,
  watched: ["China", "United States", "Japan", "South Korea", "Germany"],
  meanFitness: 1,
  meanKci: 0,
  kciRisesWithDiversity: true,
  ictLowestPci: [
    "Computer technology",
    "IT methods for management",
    "Telecommunications",
    "Digital communication",
  ],
  chemistryBiotechHighPci: ["Biotechnology", "Basic materials chemistry", "Materials, metallurgy"],
  chinaBottomUntil: 2004,
  chinaTopFrom: 2012,
  usFitnessRank: { atLeast: 15 },
  usDiversityBelowMedian: true,
});
const nb = () => executed("02-technology-space");

type Row = { economy: string; field: string; series: string; year: number; patents: number };
let data: Promise<{ rows: Row[]; economies: string[] }> | undefined;
/** The IPF rows and the economies with at least `minPatents` patents a year on average (as the notebook). */
function patents(minPatents = S.minPatents) {
  data ??= loadDataset("nsf-patents").then((t) => {
    const rows = (t.objects() as Row[]).filter((r) => r.series === "IPF");
    const years = new Set(rows.map((r) => r.year)).size;
    const totals = new Map<string, number>();
    for (const r of rows) totals.set(r.economy, (totals.get(r.economy) ?? 0) + r.patents / years);
    return { rows, economies: [...totals].filter(([, v]) => v >= minPatents).map(([e]) => e).sort() };
  });
  return data;
}
async function complexityIn(year: number) {
  const { rows, economies } = await patents();
  const x = matrixFrom(rows.filter((r) => r.year === year && economies.includes(r.economy)), {
    row: "economy",
    col: "field",
    value: "patents",
    rows: economies,
  });
  const M = presence(locationQuotient(x));
  return { M, kci: complexity(M), fit: complexity(M, { method: "fitness" }) };
}

proseTest(
  "02 · 35 WIPO fields, 1998–2020, economies with at least 1,000 patent families a year",
  async () => {
    const { rows, economies } = await patents();
    assert.equal(new Set(rows.map((r) => r.field)).size, S.fields);
    const years = [...new Set(rows.map((r) => r.year))].sort();
    assert.deepEqual([years[0], years.at(-1), years.length], [
      S.firstYear,
      S.lastYear,
      S.lastYear - S.firstYear + 1,
    ]);
    for (const e of S.watched) assert.ok(economies.includes(e), `${e} passes the filter`);
    const shown = (await nb()).cell("cell-02").table()[0]!;
    assert.deepEqual([num(shown.economies), num(shown.fields)], [economies.length, S.fields]);
  },
);

proseTest("02 · RTA > 1: the focus economy's strongest fields first", async () => {
  const t = (await nb()).cell("cell-04").table();
  const rta = t.map((r) => num(r.rta));
  assert.deepEqual(rta, [...rta].sort((a, b) => b - a));
  assert.ok(rta[0]! > 1);
  assert.equal(t.length, 10);
});

proseTest("02 · fitness has mean 1; KCI is a z-score whose sign makes it rise with diversity", async () => {
  const { kci, fit } = await complexityIn(2020);
  const mean = (v: Iterable<number>) => [...v].reduce((a, b) => a + b, 0) / [...v].length;
  approx(mean(fit.eci.values), S.meanFitness, 1e-9, "mean fitness");
  approx(mean(kci.eci.values), S.meanKci, 1e-9, "mean KCI");
  const k = [...kci.eci.values], d = [...kci.diversity.values];
  const mk = mean(k), md = mean(d);
  const cov = k.reduce((s, v, i) => s + (v - mk) * (d[i]! - md), 0);
  assert.equal(cov > 0, S.kciRisesWithDiversity, "KCI rises with diversity");
  // the table shows the ranking by fitness
  const shown = (await nb()).cell("cell-08").table();
  const fitness = shown.map((r) => num(r.fitness));
  assert.deepEqual(fitness, [...fitness].sort((a, b) => b - a));
  shows(shown[0]!.fitness, fit.eci.get(shown[0]!.economy!), "shown fitness");
});

proseTest(
  "02 · the KCI axis separates chemistry/biotech fields (high PCI) from ICT/electronics (lowest PCI)",
  async () => {
    const { kci, M } = await complexityIn(2020);
    const byPci = [...M.cols].sort((a, b) => kci.pci.get(a) - kci.pci.get(b));
    assert.deepEqual(byPci.slice(0, S.ictLowestPci.length).sort(), [...S.ictLowestPci].sort());
    const top10 = (await nb()).cell("cell-09").table().slice(0, 10).map((r) => r.field);
    for (const f of S.chemistryBiotechHighPci) assert.ok(top10.includes(f), `${f} among the 10 highest PCI`);
  },
);

proseTest(
  "02 · China's fitness climbs from the bottom of the five (around 2000) to the top after 2012",
  async () => {
    const ranks = new Map<number, string[]>();
    for (let y = S.firstYear; y <= S.lastYear; y++) {
      const { fit } = await complexityIn(y);
      ranks.set(y, [...S.watched].sort((a, b) => fit.eci.get(b) - fit.eci.get(a)));
    }
    assert.ok(ranks.has(S.chinaBottomUntil) && ranks.has(S.chinaBottomUntil + 1), "a year of the data");
    for (let y = S.firstYear; y <= S.chinaBottomUntil; y++) {
      assert.equal(
        ranks.get(y)!.at(-1),
        "China",
        `lowest in ${y}`,
      );
    }
    assert.notEqual(ranks.get(S.chinaBottomUntil + 1)!.at(-1), "China");
    assert.ok(ranks.has(S.chinaTopFrom) && ranks.has(S.chinaTopFrom - 1), "a year of the data");
    for (let y = S.chinaTopFrom; y <= S.lastYear; y++) assert.equal(ranks.get(y)![0], "China", `top in ${y}`);
    assert.notEqual(ranks.get(S.chinaTopFrom - 1)![0], "China");
  },
);

proseTest("02 · the United States looks low: few RTAs ≥ 1 (patenting spread evenly)", async () => {
  const { kci, fit, M } = await complexityIn(2020);
  const ranked = [...M.rows].sort((a, b) => fit.eci.get(b) - fit.eci.get(a));
  within(ranked.indexOf("United States") + 1, S.usFitnessRank, "rank of the United States by fitness");
  const div = [...M.rows].map((e) => kci.diversity.get(e)).sort((a, b) => a - b);
  const median = (div[(div.length - 1) >> 1]! + div[div.length >> 1]!) / 2;
  assert.equal(kci.diversity.get("United States") < median, S.usDiversityBelowMedian);
});
