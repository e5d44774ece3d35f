/** What course lesson 4 states, in both editions (tools/editions.ts). */
import assert from "node:assert/strict";
import { simulateSpiral } from "clusterlab";
import { editionTests, executed, num, proseTest, rowWhere, shows, solutions, stated } from "../prose.ts";

const NAME = "course/04-platforms-and-the-knowledge-spiral";
const ZGC = "Zhongguancun credit platform", HZ = "Hangzhou e-commerce credit platform";
const S = stated(import.meta.url, {
  zhongguancun: "public_hierarchy",
  hangzhou: "private_order",
  steps: 40,
  publicRaises: ["externalisation", "combination"],
  privateRaises: ["socialisation", "internalisation"],
});

editionTests(NAME, "course 04");

proseTest(
  "course 04 · Zhongguancun is a public hierarchy, Hangzhou a private order; each coding has its sentence",
  async () => {
    const nb = await executed(NAME);
    const t = nb.cell("cell-02").table();
    assert.equal(rowWhere(t, "case", ZGC).order, S.zhongguancun);
    assert.equal(rowWhere(t, "case", HZ).order, S.hangzhou);
    const roles = nb.cell("cell-04").table();
    assert.ok(roles.length > 0 && roles.every((r) => r.evidence!.length > 20), "a sentence for every coding");
    assert.ok(rowWhere(roles, "case", ZGC).evidence!.includes("Management Commission"));
    assert.ok(rowWhere(roles, "case", HZ).evidence!.includes("leading private companies"));
  },
);

proseTest(
  "course 04 · public power raises externalisation and combination, private socialisation and internalisation",
  () => {
    const pub = simulateSpiral({ order: S.zhongguancun as "public_hierarchy", steps: S.steps });
    const priv = simulateSpiral({ order: S.hangzhou as "private_order", steps: S.steps });
    for (const m of S.publicRaises) {
      assert.ok(pub.effectiveRates[m as "combination"][0]! > priv.effectiveRates[m as "combination"][0]!, m);
    }
    for (const m of S.privateRaises) {
      assert.ok(priv.effectiveRates[m as "combination"][0]! > pub.effectiveRates[m as "combination"][0]!, m);
    }
  },
);

proseTest(
  "course 04 · the solutions: Zhongguancun's order and the platform whose spiral grows faster",
  async () => {
    const sol = solutions(await executed(NAME, "teacher"));
    assert.equal(sol["4.1"], S.zhongguancun);
    const runs = (await executed(NAME)).cell("cell-06").table();
    const fastest = [...runs].sort((a, b) => num(b.growthRate) - num(a.growthRate))[0]!;
    assert.equal(sol["4.2"], fastest.case);
    const recomputed = [S.zhongguancun, S.hangzhou].map((order) =>
      simulateSpiral({ order: order as "public_hierarchy", steps: S.steps }).growthRate
    );
    assert.equal(sol["4.2"], recomputed[0]! > recomputed[1]! ? ZGC : HZ);
    // the table is the spiral over STEPS = 40 steps
    for (const r of runs) {
      const run = simulateSpiral({ order: r.order as "public_hierarchy", steps: S.steps });
      shows(r.knowledge, run.cycle.get("knowledge", S.steps) as number, r.case); // to the digits shown
    }
  },
);
