/** What notebooks/01-cluster-identification states, checked against its outputs and the shipped data. */
import assert from "node:assert/strict";
import { CLUSTER_LABELS, identifyClusters, loadDataset, locationQuotient, matrixFrom } from "clusterlab";
import { approx, executed, num, proseTest, type Row, rowWhere, stated, within } from "./prose.ts";

const S = stated(import.meta.url, {
  regions: 39,
  clusters: 72,
  years: [2015, 2016, 2017, 2018],
  oilGasLq: 87,
  oilGasStars: 3,
  innerLondonWestRank: { atMost: 2 },
  innerLondonWestLq: { atLeast: 3 },
  rdSic: ["7211", "7219", "7220"],
  rdIntensive: ["UKH1", "UKJ1"],
  rdIntensiveLq: { atLeast: 3 },
  ecoSpecialisationLq: 2,
  anyUsLevelShare: 2 / 3,
  strongOverTwoStars: 3,
  strong10ShareOfTwoStars: { atLeast: 0.9 },
  teesAutomotiveLq: 1.8,
  cornwallCulturalLq: 2.1,
  cornwallCulturalStars: 2,
  eastAngliaOilGasLq: 0.74,
  eastAngliaOilGasLevel: "significant",
  geographic: 644,
  innovationClusters: 140,
  withoutKnowledge: 428,
  withoutKnowledgeAlsoUnrelated: 156,
  withoutTechnology: 76,
  innovationShareOfGeographic: 1 / 5,
  withoutKnowledgeShare: 2 / 3,
  geographicSpread: { atMost: 0.02 },
  innovationSpread: { atLeast: 0.2 },
  innovationClusterZh: "创新集群",
});
const nb = () => executed("01-cluster-identification");

async function matrix(year = 2018) {
  const clusters = await loadDataset("uk-employment-clusters");
  return matrixFrom(
    clusters.params({ year }).filter((d: { year: number }, $: { year: number }) => d.year === $.year),
    {
      row: "region",
      col: "cluster",
      value: "value",
    },
  );
}

/** The geographic columns do not depend on the knowledge index: the classifier without it. */
const geographicRows = async () =>
  identifyClusters(await matrix()).table.objects() as Record<string, unknown>[];
const count = (t: readonly Row[], key: string) => num(rowWhere(t, "label_key", key).count);

proseTest("01 · 39 NUTS-2 regions × 72 clusters, BRES 2015–2018", async () => {
  const clusters = await loadDataset("uk-employment-clusters");
  assert.deepEqual([...new Set(clusters.array("year") as number[])].sort(), [...S.years]);
  const x = await matrix();
  assert.deepEqual([x.nrow, x.ncol], [S.regions, S.clusters]);
  assert.match((await nb()).cell("cell-02").text(), new RegExp(`${S.regions} × ${S.clusters}`));
});

proseTest(
  "01 · North Eastern Scotland's oil and gas (LQ ≈ 87) stands out: the highest LQ, 3 ECO stars, US strong",
  async () => {
    const lq = locationQuotient(await matrix());
    let best = { region: "", cluster: "", lq: -Infinity };
    for (const r of lq.rows) {
      for (const c of lq.cols) {
        if (lq.get(r, c) > best.lq) best = { region: r, cluster: c, lq: lq.get(r, c) };
      }
    }
    assert.deepEqual([best.region, best.cluster], ["UKM5", "primary_oil_gas"]);
    approx(best.lq, S.oilGasLq, 0.5, "LQ of North Eastern Scotland's oil and gas");
    const shown = rowWhere((await nb()).cell("cell-09").table(), "cluster_name", "Oil and gas extraction");
    assert.equal(shown.region_name, "North Eastern Scotland");
    approx(num(shown.lq), S.oilGasLq, 0.5, "shown LQ");
    assert.equal(num(shown.eco_stars), S.oilGasStars);
    assert.equal(shown.us_strong, "true");
  },
);

proseTest("01 · Inner London West's media (content) and professional services stand out", async () => {
  const lq = locationQuotient(await matrix());
  for (const c of ["services_content", "services_professional"]) {
    const ranked = [...lq.rows].sort((a, b) => lq.get(b, c) - lq.get(a, c));
    within(ranked.indexOf("UKI3") + 1, S.innerLondonWestRank, `Inner London West's rank in ${c}`);
    within(lq.get("UKI3", c), S.innerLondonWestLq, `Inner London West's LQ in ${c}`);
  }
});

proseTest(
  "01 · the R&D proxy: SIC 7211, 7219, 7220; East Anglia and Berkshire/Bucks/Oxfordshire lead",
  async () => {
    const sic = await loadDataset("uk-sic4");
    assert.deepEqual((sic.array("sector") as string[]).filter((s) => s.startsWith("72")), [...S.rdSic]);
    const rd = (await nb()).cell("cell-05").table();
    assert.deepEqual(rd.slice(0, 2).map((r) => r.region), [...S.rdIntensive]);
    for (const r of rd.slice(0, 2)) within(num(r.rd_lq), S.rdIntensiveLq, `R&D index of ${r.region}`);
    const lqs = rd.map((r) => num(r.rd_lq));
    assert.deepEqual(lqs, [...lqs].sort((a, b) => b - a));
  },
);

proseTest(
  "01 · warnings: no establishment counts (criterion left out), external interaction unmeasured",
  async () => {
    const cell = (await nb()).cell("cell-07");
    assert.match(
      cell.stdout(),
      /no establishments given: the US Cluster Mapping rule is applied without its establishments criterion/,
    );
    assert.match(cell.stdout(), /external interaction not measured \(no ties\): skipped/);
    // "without external interaction" is impossible here
    assert.ok(!cell.table().some((r) => r.label_key === "geographic_without_external"));
    assert.deepEqual(
      cell.table().map((r) => r.label_key).sort(),
      Object.keys(CLUSTER_LABELS).filter((k) => k !== "geographic_without_external").sort(),
    );
  },
);

proseTest("01 · ECO specialisation is LQ ≥ 2; the classifier is deterministic", async () => {
  const rows = await geographicRows();
  for (const d of rows) {
    assert.equal(d.eco_specialisation, (d.lq as number) >= S.ecoSpecialisationLq, `${d.region} ${d.sector}`);
  }
  assert.deepEqual(identifyClusters(await matrix()).table.objects(), rows);
});

proseTest(
  "01 · the US levels: about two thirds reach qualifying, mostly without an ECO star; nested levels",
  async () => {
    const cell = (await nb()).cell("cell-13");
    const any = cell.number(/any US level: (\d+)/);
    approx(any / (S.regions * S.clusters), S.anyUsLevelShare, 0.05, "share reaching at least qualifying");
    const cross = cell.table();
    const withLevel = cross.filter((r) => r.us_level !== "none");
    assert.equal(withLevel.reduce((n, r) => n + num(r.total), 0), any);
    assert.ok(withLevel.reduce((n, r) => n + num(r.eco_0_stars), 0) > any / 2, "mostly without any ECO star");
    const rows = await geographicRows();
    const unnested = rows.filter((d) =>
      (d.us_strong10 && !d.us_strong) || (d.us_strong && !d.us_significant) ||
      (d.us_significant && !d.us_qualifying)
    );
    assert.equal(unnested.length, 0);
  },
);

proseTest(
  "01 · US strong flags about three times as many cells as two ECO stars; over 90% of those are strong10",
  async () => {
    const text = (await nb()).cell("cell-13").stdout();
    const eco2 = num(text.match(/ECO ≥ 2 stars: (\d+)/)?.[1]);
    const strong = num(text.match(/US strong or stricter: (\d+)/)?.[1]);
    const strong10Eco = num(text.match(/US strong10 with ≥ 2 stars: (\d+)/)?.[1]);
    approx(strong / eco2, S.strongOverTwoStars, 0.3, "US strong / ECO ≥ 2 stars");
    within(strong10Eco / eco2, S.strong10ShareOfTwoStars, "share of ECO two-star cells that are strong10");
  },
);

proseTest(
  "01 · Tees Valley automotive is strong without a star; Cornwall's culture and East Anglia's oil and gas",
  async () => {
    const rows = await geographicRows();
    const at = (region: string, sector: string) =>
      rows.find((d) => d.region === region && d.sector === sector)!;
    const tees = at("UKC1", "manufacture_automotive");
    approx(tees.lq as number, S.teesAutomotiveLq, 0.05, "Tees Valley automotive LQ");
    assert.deepEqual([tees.us_level, tees.eco_stars], ["strong", 0]);
    const cornwall = at("UKK3", "services_cultural");
    approx(cornwall.lq as number, S.cornwallCulturalLq, 0.05, "Cornwall cultural services LQ");
    assert.equal(cornwall.eco_stars, S.cornwallCulturalStars);
    assert.equal(cornwall.us_level, "none");
    assert.ok(
      (cornwall.employment as number) < (cornwall.us_employment_p25 as number),
      "employment below P25",
    );
    assert.ok((cornwall.lq as number) > (cornwall.us_lq_p90 as number), "its LQ alone would be strong10");
    const ea = at("UKH1", "primary_oil_gas");
    approx(ea.lq as number, S.eastAngliaOilGasLq, 0.005, "East Anglia oil and gas LQ");
    assert.deepEqual([ea.eco_size, ea.eco_focus, ea.eco_specialisation], [true, true, false]);
    assert.equal(ea.us_level, S.eastAngliaOilGasLevel);
    assert.ok((ea.lq as number) >= (ea.us_lq_p75 as number), "only LQ < 1 keeps it from strong");
  },
);

proseTest(
  "01 · 2018: 644 geographic concentrations, 140 innovation clusters, 428 without knowledge, 76 without technology",
  async () => {
    const cell = (await nb()).cell("cell-16");
    const text = cell.stdout();
    assert.equal(cell.number(/geographic concentrations: (\d+)/), S.geographic);
    assert.equal(cell.number(/innovation clusters: (\d+)/), S.innovationClusters);
    assert.equal(cell.number(/without knowledge production: (\d+)/), S.withoutKnowledge);
    assert.equal(cell.number(/without technological relatedness: (\d+)/), S.withoutTechnology);
    assert.ok(text.length > 0);
    // every geographic concentration carries one of the geographic labels
    const t = cell.table().filter((r) => r.geographic === "true");
    assert.equal(t.reduce((n, r) => n + num(r.count), 0), S.geographic);
    approx(
      S.innovationClusters / S.geographic,
      S.innovationShareOfGeographic,
      0.03,
      "innovation clusters / geographic",
    );
    approx(
      S.withoutKnowledge / S.geographic,
      S.withoutKnowledgeShare,
      0.03,
      "without knowledge / geographic",
    );
    assert.equal(count(cell.table(), "innovation_cluster"), S.innovationClusters);
  },
);

proseTest(
  "01 · each label is true of its cell: 156 of the 428 also unrelated; the 76 lack only relatedness",
  async () => {
    const failed = (await nb()).cell("cell-20").table();
    const noKnowledge = failed.filter((r) => r.label_key === "geographic_agglomeration");
    assert.ok(noKnowledge.every((r) => r.failed!.split("; ").includes("knowledge production")));
    assert.equal(noKnowledge.reduce((n, r) => n + num(r.count), 0), S.withoutKnowledge);
    const alsoUnrelated = noKnowledge.find((r) =>
      r.failed!.split("; ").includes("technological relatedness")
    );
    assert.equal(num(alsoUnrelated?.count), S.withoutKnowledgeAlsoUnrelated);
    const noTech = failed.filter((r) => r.label_key === "geographic_without_technology");
    assert.deepEqual(noTech.map((r) => r.failed), ["technological relatedness"]);
    assert.equal(num(noTech[0]!.count), S.withoutTechnology);
  },
);

proseTest(
  "01 · 2015–2018: the geographic counts barely move, the innovation cluster count moves more",
  async () => {
    const per = (await nb()).cell("cell-25").table();
    assert.deepEqual(per.map((r) => num(r.year)), [...S.years]);
    const spread = (col: string) => {
      const v = per.map((r) => num(r[col]));
      return (Math.max(...v) - Math.min(...v)) / (v.reduce((a, b) => a + b, 0) / v.length);
    };
    within(spread("geographic"), S.geographicSpread, "relative range of the geographic count");
    within(
      spread("innovation_clusters"),
      S.innovationSpread,
      "relative range of the innovation cluster count",
    );
    assert.equal(num(per.at(-1)!.innovation_clusters), S.innovationClusters);
    const kept = (await nb()).cell("cell-25").number(/^(\d+) of the \d+ innovation clusters of 2015/);
    assert.ok(kept > 0 && kept <= num(per[0]!.innovation_clusters));
  },
);

proseTest("01 · every label exists in both languages; the Chinese chart uses them", async () => {
  for (const [k, l] of Object.entries(CLUSTER_LABELS)) assert.ok(l.en !== "" && l.zh !== "", k);
  assert.equal(CLUSTER_LABELS.innovation_cluster.zh, S.innovationClusterZh);
  assert.match((await nb()).cell("cell-28").text(), /欧洲集群观察站星级/);
});
