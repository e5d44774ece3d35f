/** What notebooks/04-knowledge-spiral states, checked against its outputs and the models it runs. */
import assert from "node:assert/strict";
import {
  agentNetwork,
  classifyPlatform,
  loadDataset,
  saltelliDesign,
  simulateMarch,
  simulateNetworkSpiral,
  simulateSpiral,
  sobolIndices,
  sweep,
} from "clusterlab";
import { seciGrowthRate } from "clusterlab/advanced";
import { approx, executed, num, proseTest, rowWhere, shows, stated, within } from "./prose.ts";

const S = stated(import.meta.url, {
  zhongguancunShare: 1,
  hangzhouShare: 0,
  obsolescence: 0.05,
  closedFormMatch: { atMost: 1e-4 },
  totalExcessOverClosedForm: { atMost: 0.2 },
  slowBeatsFastAtP2: [0.5, 0.9],
  uShapeAtP2: 0.1,
  organisations: 1074,
  sensitivitySamples: 128,
  sensitivityRuns: 896,
  mostInfluential: "socialisation",
  secondInfluential: "publicShare",
  leastInfluential: "combination",
  socialisationAlone: { atLeast: 0.4 },
  sensitivityLevel: 0.95,
});
const nb = () => executed("04-knowledge-spiral");

// the notebook's tacit-rich cluster (its design choice)
const rates = { socialisation: 0.1, externalisation: 0.06, combination: 0.04, internalisation: 0.08 };

proseTest("04 · the platform classifier gives Zhongguancun a public share of 1 and Hangzhou 0", async () => {
  const p = classifyPlatform(await loadDataset("platform-cases"));
  const cases = p.table.objects() as { case: string; public_share: number }[];
  const share = (name: string) => cases.find((c) => c.case === name)?.public_share;
  assert.equal(share("Zhongguancun credit platform"), S.zhongguancunShare);
  assert.equal(share("Hangzhou e-commerce credit platform"), S.hangzhouShare);
  const t = (await nb()).cell("cell-05").table();
  assert.deepEqual(t.map((r) => num(r.publicShare)), [S.zhongguancunShare, S.hangzhouShare]);
});

proseTest(
  "04 · public power raises externalisation and combination, private socialisation and internalisation",
  () => {
    const pub = simulateSpiral({ rates, publicShare: S.zhongguancunShare, steps: 80 });
    const priv = simulateSpiral({ rates, publicShare: S.hangzhouShare, steps: 80 });
    const r = (x: typeof pub, m: keyof typeof rates) => x.effectiveRates[m][0]!;
    for (const m of ["externalisation", "combination"] as const) assert.ok(r(pub, m) > r(priv, m), m);
    for (const m of ["socialisation", "internalisation"] as const) assert.ok(r(priv, m) > r(pub, m), m);
  },
);

proseTest(
  "04 · the private order grows faster: its λ* = (s′+c′)/2 − δ + √(((s′−c′)/2)² + e′i′) is larger",
  async () => {
    const t = (await nb()).cell("cell-05").table();
    const [pub, priv] = [t[0]!, t[1]!];
    assert.ok(num(priv.closedFormGrowth) > num(pub.closedFormGrowth));
    assert.ok(num(priv.knowledge) > num(pub.knowledge), "the faster rate gives the larger stock");
    for (const [share, row] of [[S.zhongguancunShare, pub], [S.hangzhouShare, priv]] as const) {
      const run = simulateSpiral({ rates, publicShare: share, steps: 80 });
      const e = run.effectiveRates;
      const lambda = seciGrowthRate({
        socialisation: e.socialisation[0]!,
        externalisation: e.externalisation[0]!,
        combination: e.combination[0]!,
        internalisation: e.internalisation[0]!,
        obsolescence: S.obsolescence,
      });
      approx(lambda, run.levelGrowth[0]!, 1e-12, "λ* from the formula");
      shows(row.closedFormGrowth, lambda, "shown λ*");
    }
  },
);

proseTest("04 · the individual level grows exactly at λ*; the total a little faster for now", async () => {
  for (const r of (await nb()).cell("cell-05").table()) {
    const lambda = num(r.closedFormGrowth);
    within(
      Math.abs(num(r.simulatedIndividualGrowth) - lambda),
      S.closedFormMatch,
      `${r.order}: individual vs λ*`,
    );
    assert.ok(num(r.simulatedTotalGrowth) > lambda, `${r.order}: total faster`);
    within(
      (num(r.simulatedTotalGrowth) - lambda) / lambda,
      S.totalExcessOverClosedForm,
      `${r.order}: a little`,
    );
  }
});

let march: ReturnType<typeof marchGrid> | undefined;
/** March's Figure 1 grid as the notebook runs it (same seeds, 1,000 runs per cell). */
function marchGrid() {
  return sweep(
    (p) => ({
      knowledge:
        simulateMarch({ p1: p.p1 as number, p2: p.p2 as number, runs: 1000, seed: p.seed }).knowledge,
    }),
    { p2: [0.1, 0.5, 0.9], p1: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9] },
  ).then((t) => t.objects() as { p1: number; p2: number; knowledge: number }[]);
}

proseTest(
  "04 · March: slow socialisation wins when the code learns fast (p2 = 0.5, 0.9); U-shaped at p2 = 0.1",
  async () => {
    const grid = await (march ??= marchGrid());
    const curve = (p2: number) => {
      const c = grid.filter((d) => d.p2 === p2).sort((a, b) => a.p1 - b.p1).map((d) => d.knowledge);
      assert.ok(c.length > 2, `March's grid has p2 = ${p2}`);
      return c;
    };
    for (const p2 of S.slowBeatsFastAtP2) {
      const c = curve(p2);
      for (let i = 1; i < c.length; i++) {
        assert.ok(c[i]! < c[i - 1]!, `p2 = ${p2}: knowledge falls as p1 rises`);
      }
    }
    const u = curve(S.uShapeAtP2);
    const lowest = u.indexOf(Math.min(...u));
    assert.ok(lowest > 0 && lowest < u.length - 1, `p2 = ${S.uShapeAtP2}: lowest inside the range`);
    assert.ok(!u.every((v, i) => i === 0 || v < u[i - 1]!), "not monotone");
    assert.match((await nb()).cell("cell-08").text(), /27\/27 \(100%\) done/);
  },
);

proseTest(
  "04 · 1,074 organisations; the private platform is less equal and its members (firms) pull ahead",
  async () => {
    const t = (await nb()).cell("cell-10").table();
    const pub = rowWhere(t, "platform", "public"), priv = rowWhere(t, "platform", "private");
    assert.equal(num(pub.members), S.organisations, "the public platform is open to all");
    const net = agentNetwork(await loadDataset("h2020-organisations"), await loadDataset("h2020-ties"));
    assert.equal(net.ids.length, S.organisations);
    assert.ok(num(priv.gini) > num(pub.gini), "private platform less equal");
    const run = simulateNetworkSpiral(net, { order: "private", steps: 300, seed: 1 });
    const groups = run.groups.filter((d: { step: number; agents: number }) => d.step === 300 && d.agents > 0)
      .objects() as { type: string; member: boolean; tacit: number }[];
    const members = groups.filter((g) => g.member);
    assert.deepEqual(members.map((g) => g.type), ["firm"]);
    for (const g of groups.filter((x) => !x.member)) {
      assert.ok(
        members[0]!.tacit > g.tacit,
        `firms ahead of ${g.type}`,
      );
    }
    shows(priv.meanTacit, run.series.get("tacit", run.series.numRows() - 1) as number, "mean tacit");
  },
);

proseTest(
  "04 · which parameters matter: socialisation most (S1 > 40 %), the public share second, combination least",
  async () => {
    // the notebook's design, recomputed: rates from half to 1.5 times the notebook's, public share 0 … 1
    const ranges = {
      ...Object.fromEntries(Object.entries(rates).map(([k, v]) => [k, [v / 2, v * 1.5] as const])),
      publicShare: [0, 1] as const,
    };
    const design = saltelliDesign(ranges, S.sensitivitySamples);
    assert.equal(design.points.length, S.sensitivityRuns, "128 × (5 + 2) runs");
    const lambda = design.points.map(({ publicShare, ...sampled }) =>
      simulateSpiral({ rates: { ...rates, ...sampled }, publicShare, steps: 10 }).levelGrowth[0]!
    );
    // λ* does not depend on the length of the run
    const p = design.points[3]!;
    approx(
      simulateSpiral({ rates: { ...rates, ...p }, publicShare: p.publicShare, steps: 80 }).levelGrowth[0]!,
      lambda[3]!,
      1e-12,
      "λ* of a longer run",
    );
    const s = sobolIndices(design, lambda, { seed: 1 });
    assert.equal(s.level, S.sensitivityLevel);
    const rows = s.table.objects() as { param: string; S1: number; ST: number }[];
    const byTotal = rows.slice().sort((a, b) => b.ST - a.ST).map((r) => r.param);
    assert.equal(byTotal[0], S.mostInfluential);
    assert.equal(byTotal[1], S.secondInfluential);
    assert.equal(byTotal.at(-1), S.leastInfluential);
    within(rows.find((r) => r.param === S.mostInfluential)!.S1, S.socialisationAlone, "S1 of socialisation");
    // the notebook shows these numbers
    const shown = (await nb()).cell("cell-14").table();
    assert.deepEqual(shown.map((r) => r.param), rows.map((r) => r.param));
    for (const r of s.table.objects() as Record<string, number | string>[]) {
      const row = rowWhere(shown, "param", r.param as string);
      for (const k of ["S1", "S1_lower", "S1_upper", "ST", "ST_lower", "ST_upper"]) {
        shows(row[k], r[k] as number, `${r.param} ${k}`);
      }
    }
  },
);
