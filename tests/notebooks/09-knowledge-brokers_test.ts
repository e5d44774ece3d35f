/**
 * The numbers the prose of notebooks/09-knowledge-brokers.ipynb states, recomputed with library calls, and
 * checked to be the ones the prose prints (so prose and data cannot drift apart).
 */
import assert from "node:assert/strict";
import * as aq from "arquero";
import {
  agentNetwork,
  brokerage,
  centrality,
  communities,
  components,
  coreness,
  gatekeepers,
  loadDataset,
  simulateNetworkSpiral,
} from "../../src/mod.ts";
import { executed, num, proseTest, rowWhere, stated, within } from "./prose.ts";

// deno-lint-ignore no-explicit-any
type Row = Record<string, any>;
const NB = JSON.parse(
  await Deno.readTextFile(new URL("../../notebooks/09-knowledge-brokers.ipynb", import.meta.url)),
);
const PROSE = (NB.cells as { cell_type: string; source: string[] }[])
  .filter((c) => c.cell_type === "markdown").map((c) => c.source.join("")).join("\n").replace(/\s+/g, " ");
const says = (...texts: string[]) => {
  for (const t of texts) assert.ok(PROSE.includes(t), `the notebook should say "${t}"`);
};
const orgs = await loadDataset("h2020-organisations");
const ties = await loadDataset("h2020-ties");
const ids = orgs.array("id") as string[];
const typeOf = new Map((orgs.objects() as Row[]).map((d) => [d.id, d.type]));
const regionOf = new Map((orgs.objects() as Row[]).map((d) => [d.id, d.region]));
const round = (x: number, digits: number) => x.toFixed(digits);

Deno.test("notebook 09: the network — organisations, ties, components", () => {
  const pos = centrality(ties, { nodes: ids, measures: ["degree"] });
  const parts = components(ties, { nodes: ids });
  assert.equal(orgs.numRows(), 1074);
  assert.equal(ties.numRows(), 11211);
  assert.equal(pos.ties, 10254);
  assert.equal(parts.count, 12);
  assert.equal(parts.sizes[0], 1056);
  assert.equal(round(100 * parts.largestShare, 1), "98.3");
  says(
    "1,074 organisations",
    "the 11,211 rows name 10,254 distinct pairs",
    "12 components",
    "1,056 organisations (98.3 %)",
  );
});

Deno.test("notebook 09: centrality by organisation type and the top broker", () => {
  const t = centrality(ties, { nodes: ids }).table.objects() as Row[];
  const mean = (type: string) => {
    const v = t.filter((d) => typeOf.get(d.id) === type).map((d) => d.betweenness);
    return v.reduce((x, y) => x + y, 0) / v.length;
  };
  assert.equal(round(mean("university"), 4), "0.0027");
  assert.equal(round(mean("research_institute"), 4), "0.0025");
  assert.equal(round(mean("firm"), 4), "0.0007");
  const ratio = mean("university") / mean("firm");
  assert.ok(ratio > 3.5 && ratio < 4.5, `about four times: ${ratio}`);
  assert.ok(mean("research_institute") / mean("firm") > 3.5);
  const top50 = [...t].sort((a, b) => b.betweenness - a.betweenness).slice(0, 50);
  const count = (type: string) => top50.filter((d) => typeOf.get(d.id) === type).length;
  assert.deepEqual([count("university"), count("research_institute")], [28, 15]);
  const first = top50[0]!;
  assert.deepEqual([first.id, typeOf.get(first.id), regionOf.get(first.id), first.degree], [
    "940719872",
    "research_institute",
    "AT",
    137,
  ]);
  assert.equal(round(first.betweenness, 3), "0.067");
  says(
    "Universities (mean betweenness 0.0027) and research institutes (0.0025)",
    "as firms (0.0007)",
    "43 of the 50 organisations with the highest betweenness (28 universities, 15 research institutes)",
    "a research institute in Austria (id 940719872, 137 partners, betweenness 0.067)",
  );
});

Deno.test("notebook 09: brokerage roles between countries", () => {
  const r = brokerage(ties, { group: orgs, directed: false });
  const z = new Map((r.summary.objects() as Row[]).map((d) => [d.role, round(d.z, 2)]));
  assert.deepEqual(
    [
      z.get("coordinator"),
      z.get("gatekeeper"),
      z.get("representative"),
      z.get("itinerant"),
      z.get("liaison"),
    ],
    ["3.24", "4.01", "4.01", "-4.51", "-4.98"],
  );
  says(
    "coordinators (z = 3.24)",
    "gatekeepers/representatives (z = 4.01)",
    "itinerant brokers (z = −4.51)",
    "liaisons (z = −4.98)",
  );
  const byCountry = r.table.groupby("group").rollup({
    organisations: aq.op.count(),
    gatekeeper: aq.op.sum("gatekeeper"),
    liaison: aq.op.sum("liaison"),
    total: aq.op.sum("total"),
  }).orderby(aq.desc("total")).objects() as Row[];
  assert.deepEqual(byCountry.slice(0, 3).map((d) => d.group), ["AT", "NL", "ES"]);
  const top12 = byCountry.slice(0, 12);
  const liaison = top12.map((d) => (100 * d.liaison) / d.total);
  assert.deepEqual([round(Math.min(...liaison), 0), round(Math.max(...liaison), 0)], ["74", "93"]);
  const gate = new Map(top12.map((d) => [d.group, round((100 * d.gatekeeper) / d.total, 1)]));
  const ranked = [...gate].sort((a, b) => Number(b[1]) - Number(a[1]));
  assert.deepEqual(ranked.slice(0, 4), [["ES", "10.3"], ["EL", "9.0"], ["UK", "8.8"], ["DE", "8.6"]]);
  assert.deepEqual(ranked.at(-1), ["DK", "1.3"]);
  assert.equal(top12.find((d) => d.group === "DK")!.organisations, 13);
  says(
    "Austria, the Netherlands and Spain broker the most pairs",
    "74 % to 93 %",
    "Spain (10.3 % of its pairs), Greece (9.0 %), the United Kingdom (8.8 %) and Germany (8.6 %), smallest in Denmark (1.3 %), whose 13 organisations",
  );
  const best = [...(r.table.objects() as Row[])].sort((a, b) =>
    (b.gatekeeper_z ?? -Infinity) - (a.gatekeeper_z ?? -Infinity)
  )[0]!;
  assert.deepEqual([best.id, typeOf.get(best.id), regionOf.get(best.id), round(best.gatekeeper_z, 1)], [
    "999887059",
    "university",
    "MT",
    "53.9",
  ]);
  says("a university in Malta (id 999887059, z = 53.9)");
});

Deno.test("notebook 09: knowledge gatekeepers by country", () => {
  const g = gatekeepers(ties, orgs, { inside: "region" }).table.objects() as Row[];
  const tg = g.filter((d) => d.class === "technological_gatekeeper");
  assert.equal(tg.length, 158);
  const kg = tg.filter((d) => d.type === "university" || d.type === "research_institute");
  assert.deepEqual([
    kg.length,
    kg.filter((d) => d.type === "university").length,
    kg.filter((d) => d.type === "research_institute").length,
  ], [103, 74, 29]);
  const by = new Map<string, number>();
  for (const d of kg) by.set(d.region, (by.get(d.region) ?? 0) + 1);
  const ranked = [...by].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  assert.deepEqual(ranked.slice(0, 4), [["UK", 15], ["ES", 13], ["DE", 10], ["NL", 10]]);
  assert.equal(g.filter((d) => d.class === "isolated").length, 517);
  says(
    "158 organisations are technological gatekeepers",
    "103 of them are universities (74) or research institutes (29)",
    "The United Kingdom has the most university and research-institute gatekeepers (15), then Spain (13), the Netherlands and Germany (10 each)",
    "Isolated is the largest class (517)",
  );
});

Deno.test("notebook 09: communities and the main core (one 35-partner clique)", () => {
  const c = communities(ties, { nodes: ids, seed: 42 });
  assert.equal(c.count, 27);
  assert.equal(round(c.modularity, 3), "0.626");
  const k = coreness(ties, { nodes: ids });
  assert.deepEqual([k.maxCore, k.mainCoreSize], [34, 35]);
  // the main core is a clique: all 35·34/2 pairs are tied
  const core = new Set((k.table.objects() as Row[]).filter((d) => d.main_core).map((d) => d.id));
  const pairs = new Set<string>();
  for (const t of ties.objects() as Row[]) {
    if (core.has(t.source) && core.has(t.target)) pairs.add([t.source, t.target].sort().join(" "));
  }
  assert.equal(pairs.size, (35 * 34) / 2);
  says("27 communities with modularity Q = 0.626", "k = 34 in a main core of 35 organisations");
});

// --- the co-evolving spiral (networks issue §5): values read from the executed notebook ---

const S = stated(import.meta.url, {
  fixedTies: 10254,
  decay: 0.02,
  formation: 0.05,
  firmsFixed: 3.58,
  firmsCoevolving: 3.59,
  othersFixed: 2.78,
  othersComplementarity: 2.97,
  othersSimilarity: 2.92,
  tacitFixed: 2.91,
  tacitComplementarity: 3.07,
  tacitSimilarity: 3.03,
  giniFixed: 0.077,
  giniComplementarity: 0.07,
  giniSimilarity: 0.051,
  tiesComplementarity: 1123,
  componentsComplementarity: 79,
  tiesSimilarity: 4964,
  componentsSimilarity: 1,
  clusteringFixed: 0.83,
  clusteringWithin100: { atMost: 0.12 },
  degreeGiniFixed: 0.4,
  degreeGiniComplementarity: 0.3,
  degreeGiniSimilarity: 0.19,
});
const nb = () => executed("09-knowledge-brokers");
/** The shown number, rounded as the prose writes it, is the stated value. */
const writes = (shown: string | undefined, value: number, digits: number, what: string) =>
  assert.equal(num(shown).toFixed(digits), value.toFixed(digits), what);
const thousands = (x: number) => x.toLocaleString("en-US");

proseTest(
  "notebook 09 · the co-evolving runs: λ and p as the prose says, one friend of a friend and one stranger",
  async () => {
    const code = (await nb()).cell("coevo-01").source;
    assert.ok(code.includes(`formation: ${S.formation}, decay: ${S.decay}`), code);
    assert.ok(code.includes("candidates: { friendsOfFriends: 1, strangers: 1 }"));
    assert.ok(code.includes('rule: "complementarity"') && code.includes('rule: "similarity"'));
    says(
      `dissolves with probability λ = ${S.decay}`,
      `probability p = ${S.formation} × attraction`,
      `In the static run the ${thousands(S.fixedTies)} ties of SWAFS never change`,
      `以概率 λ = ${S.decay}`,
    );
  },
);

proseTest(
  "notebook 09 · rewiring helps the organisations the private platform leaves out; firms stay where they are",
  async () => {
    const t = (await nb()).cell("coevo-02").table();
    const fixed = rowWhere(t, "run", "fixed network"), comp = rowWhere(t, "run", "complementarity");
    const sim = rowWhere(t, "run", "similarity");
    writes(fixed.tacit_firms, S.firmsFixed, 2, "firms, fixed");
    writes(comp.tacit_firms, S.firmsCoevolving, 2, "firms, complementarity");
    writes(sim.tacit_firms, S.firmsCoevolving, 2, "firms, similarity");
    writes(fixed.tacit_others, S.othersFixed, 2, "others, fixed");
    writes(comp.tacit_others, S.othersComplementarity, 2, "others, complementarity");
    writes(sim.tacit_others, S.othersSimilarity, 2, "others, similarity");
    assert.ok(
      num(comp.tacit_others) > num(fixed.tacit_others) && num(sim.tacit_others) > num(fixed.tacit_others),
    );
    writes(fixed.tacit, S.tacitFixed, 2, "tacit, fixed");
    writes(comp.tacit, S.tacitComplementarity, 2, "tacit, complementarity");
    writes(sim.tacit, S.tacitSimilarity, 2, "tacit, similarity");
    writes(fixed.gini, S.giniFixed, 3, "Gini, fixed");
    writes(comp.gini, S.giniComplementarity, 3, "Gini, complementarity");
    writes(sim.gini, S.giniSimilarity, 3, "Gini, similarity");
    const f2 = (x: number) => x.toFixed(2), f3 = (x: number) => x.toFixed(3);
    says(
      `(${f2(S.firmsFixed)} on the fixed network, ${f2(S.firmsCoevolving)} on both co-evolving ones)`,
      `organisations reach ${f2(S.othersComplementarity)} under complementarity and ${
        f2(S.othersSimilarity)
      } under similarity, against ${f2(S.othersFixed)} on the fixed network`,
      `Mean tacit knowledge rises from ${f2(S.tacitFixed)} to ${f2(S.tacitComplementarity)} and ${
        f2(S.tacitSimilarity)
      }`,
      `its Gini coefficient falls from ${f3(S.giniFixed)} to ${f3(S.giniComplementarity)} and ${
        f3(S.giniSimilarity)
      }`,
      `其他组织在互补性规则下达到 ${f2(S.othersComplementarity)}`,
    );
  },
);

proseTest(
  "notebook 09 · knowledge reshapes the network: complementarity thins and breaks it, similarity keeps it whole",
  async () => {
    const t = (await nb()).cell("coevo-02").table();
    const fixed = rowWhere(t, "run", "fixed network"), comp = rowWhere(t, "run", "complementarity");
    const sim = rowWhere(t, "run", "similarity");
    assert.equal(num(fixed.ties), S.fixedTies);
    assert.equal(num(comp.ties), S.tiesComplementarity);
    assert.equal(num(comp.components), S.componentsComplementarity);
    assert.equal(num(sim.ties), S.tiesSimilarity);
    assert.equal(num(sim.components), S.componentsSimilarity);
    writes(fixed.clustering, S.clusteringFixed, 2, "clustering, fixed");
    writes(fixed.degree_gini, S.degreeGiniFixed, 2, "Gini of degree, fixed");
    writes(comp.degree_gini, S.degreeGiniComplementarity, 2, "Gini of degree, complementarity");
    writes(sim.degree_gini, S.degreeGiniSimilarity, 2, "Gini of degree, similarity");
    says(
      `keeps ${thousands(S.tiesComplementarity)} of its ${
        thousands(S.fixedTies)
      } ties and breaks into ${S.componentsComplementarity} components`,
      `Under similarity it keeps ${thousands(S.tiesSimilarity)} ties, all in one component`,
      `the Gini of degree falls from ${S.degreeGiniFixed.toFixed(2)} to ${
        S.degreeGiniComplementarity.toFixed(2)
      } under complementarity and to ${S.degreeGiniSimilarity.toFixed(2)} under similarity`,
      `10,254 条联系只剩 ${thousands(S.tiesComplementarity)} 条`,
    );
  },
);

proseTest(
  "notebook 09 · clustering falls from 0.83 to below 0.12 within 100 steps under both rules",
  async () => {
    // the runs of the notebook, recomputed (their end is checked against the notebook's table)
    const orgs = await loadDataset("h2020-organisations"), ties = await loadDataset("h2020-ties");
    const net = agentNetwork(orgs, ties);
    const t = (await nb()).cell("coevo-02").table();
    for (const rule of ["complementarity", "similarity"] as const) {
      const r = simulateNetworkSpiral(net, {
        order: "private",
        steps: 300,
        seed: 1,
        dynamics: { rule, formation: S.formation, decay: S.decay },
      });
      const rows = r.network.objects() as Row[];
      assert.equal(rows.at(-1)!.ties, num(rowWhere(t, "run", rule).ties), `${rule}: the notebook's run`);
      assert.equal(rows[0]!.clustering.toFixed(2), S.clusteringFixed.toFixed(2));
      within(
        rows.find((d) => d.step === 100)!.clustering,
        S.clusteringWithin100,
        `${rule}: clustering at step 100`,
      );
    }
    const bound = "atMost" in S.clusteringWithin100 ? S.clusteringWithin100.atMost : NaN;
    says(`Clustering falls from ${S.clusteringFixed.toFixed(2)} to below ${bound} within 100 steps`);
  },
);
