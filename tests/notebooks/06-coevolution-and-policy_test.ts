/** What notebooks/06-coevolution-and-policy states, checked against its outputs and the models it runs. */
import assert from "node:assert/strict";
import { loadDataset, policyScenario, rankFieldsByComplexity, simulateCoevolution } from "clusterlab";
import { approx, executed, num, proseTest, type Row, rowWhere, stated, within } from "./prose.ts";

/** The columns of the shipped NSF patents table. */
const NSF = { region: "economy", sector: "field", value: "patents" } as const;

const S = stated(import.meta.url, {
  fixedPoints: 4,
  saddle: [1, 1],
  reformTime: 20,
  reformSize: 0.5,
  sigmaKI: 0.2,
  sigmaKIAfter: 0.4,
  fields: 35,
  economies: 36,
  firstYear: 2016,
  lastYear: 2020,
  mostComplex: [
    "Materials, metallurgy",
    "Basic materials chemistry",
    "Organic fine chemistry",
    "Chemical engineering",
    "Food chemistry",
  ],
  ictLast: ["Telecommunications", "Computer technology", "Semiconductors"],
  ictLastWithin: { atMost: 6 },
  capacityAloneShareOfReformEffect: { atMost: 0.01 },
  major: 5,
  concentratedGain: 0.16,
  evenGain: 0.09,
  evenEffectiveFields: 29.6,
  concentratedEffectiveFields: 28.0,
  spillovers: [0, 0.01, 0.02, 0.05],
  coevConcentratedGain: 0.3,
  coevEvenGain: 0.16,
  coevEvenEffectiveFields: 30.5,
  coevConcentratedEffectiveFields: 27.4,
});
const nb = () => executed("06-coevolution-and-policy");
const scenario = (t: readonly Row[], s: string) => rowWhere(t, "scenario", s);

proseTest("06 · rabbits vs sheep: four fixed points, (1, 1) a saddle, one competitor excluded", async () => {
  const t = (await nb()).cell("cell-02").table();
  assert.equal(t.length, S.fixedPoints);
  const saddle = t.filter((r) => r.type_en === "saddle");
  assert.deepEqual(saddle.map((r) => [num(r.x), num(r.y)]), [S.saddle]);
  const stable = t.filter((r) => r.type_en === "stable node");
  assert.ok(stable.length === 2 && stable.every((r) => num(r.x) === 0 || num(r.y) === 0), "exclusion");
});

proseTest(
  "06 · the reform at t = 20 (capacity +50%, σ_KI 0.2 → 0.4) raises knowledge; capacity alone does not",
  () => {
    const base = simulateCoevolution({ tEnd: 80, dt: 0.5 });
    const boost = S.sigmaKIAfter - S.sigmaKI;
    const reform = simulateCoevolution({
      tEnd: 80,
      dt: 0.5,
      reform: { time: S.reformTime, size: S.reformSize, boost },
    });
    assert.ok(reform.final[0]! > base.final[0]! + 1, "the reform raises knowledge");
    const capacityOnly = simulateCoevolution({
      tEnd: 80,
      dt: 0.5,
      reform: { time: S.reformTime, size: S.reformSize, boost: 0 },
    });
    // in this model σ acts on x_j/N_j: the jump moves knowledge only in passing, by a sliver of the reform's effect
    within(
      Math.abs(capacityOnly.final[0]! - base.final[0]!) / (reform.final[0]! - base.final[0]!),
      S.capacityAloneShareOfReformEffect,
      "knowledge change after a capacity jump alone, as a share of the reform's",
    );
    assert.ok(capacityOnly.final[2]! > base.final[2]!, "the jump does raise institutions");
  },
);

proseTest("06 · the illustrative σ_KI is 0.2 (the effect of institutions on knowledge)", async () => {
  const t = (await nb()).cell("cell-04").table();
  const ki = t.find((r) => r.i!.startsWith("knowledge") && r.j!.startsWith("institution"))!;
  assert.equal(num(ki.sigma_ij), S.sigmaKI);
  assert.ok(
    (await nb()).cell("cell-06").source.includes(
      `reform: { time: ${S.reformTime}, size: ${S.reformSize}, boost: ${S.sigmaKIAfter - S.sigmaKI} }`,
    ),
    "the notebook runs the reform the text describes",
  );
});

proseTest(
  "06 · the most complex fields (36 economies, 2016–2020): materials and chemistry; ICT last",
  async () => {
    const t = (await nb()).cell("cell-13").table();
    assert.deepEqual(t.slice(0, S.mostComplex.length).map((r) => r.field), S.mostComplex);
    const patents = await loadDataset("nsf-patents");
    const years = new Set(patents.array("year") as number[]);
    assert.ok(years.has(S.firstYear) && years.has(S.lastYear));
    assert.ok((await nb()).cell("cell-13").source.includes(`years: [${S.firstYear}, ${S.lastYear}]`));
    const r = rankFieldsByComplexity(patents, { ...NSF, years: [S.firstYear, S.lastYear], focus: "China" });
    assert.equal(r.ranked.length, S.fields);
    assert.equal(r.complexity.eci.values.length, S.economies);
    assert.deepEqual(r.ranked.slice(0, S.mostComplex.length), S.mostComplex);
    for (const f of S.ictLast) {
      assert.ok(r.ranked.includes(f), f);
      within(r.ranked.length - r.ranked.indexOf(f), S.ictLastWithin, `${f}'s place from the end`);
    }
    // fitness ranks ICT higher
    const fit = rankFieldsByComplexity(patents, {
      ...NSF,
      years: [S.firstYear, S.lastYear],
      method: "fitness",
    });
    for (const f of S.ictLast) {
      assert.ok(
        fit.ranked.indexOf(f) < r.ranked.indexOf(f),
        `${f} higher by fitness`,
      );
    }
  },
);

proseTest(
  "06 · concentrate on the major: most knowledge (+16% vs +9% even), even support most diversity (29.6 vs 28.0)",
  async () => {
    const t = (await nb()).cell("cell-16").table();
    const none = scenario(t, "none"), even = scenario(t, "even"), conc = scenario(t, "concentrated");
    approx(num(conc.total) / num(none.total) - 1, S.concentratedGain, 0.005, "concentrated vs none");
    approx(num(even.total) / num(none.total) - 1, S.evenGain, 0.005, "even vs none");
    approx(num(even.effective_fields), S.evenEffectiveFields, 0.05, "effective fields, even");
    approx(num(conc.effective_fields), S.concentratedEffectiveFields, 0.05, "effective fields, concentrated");
    // the spillovers of the five major fields reach the 30 freed ones
    assert.ok(num(conc.total_others) > num(none.total_others), "the freed fields gain");
    assert.equal(S.fields - S.major, 30);
  },
);

proseTest(
  "06 · all end states stable; support brings max Re λ closer to 0; less of a shock remains under concentration",
  async () => {
    const t = (await nb()).cell("cell-16").table();
    for (const r of t) assert.ok(r.stable === "true" && num(r.max_real) < 0, r.scenario);
    const none = scenario(t, "none"), even = scenario(t, "even"), conc = scenario(t, "concentrated");
    assert.ok(num(even.max_real) > num(none.max_real) && num(conc.max_real) > num(none.max_real));
    assert.ok(num(conc.shock_remaining) < num(even.shock_remaining));
  },
);

proseTest(
  "06 · the advantage of concentration grows with the spillover, and holds at s = 0; diversity favours even",
  async () => {
    const t = (await nb()).cell("cell-20").table();
    assert.deepEqual(t.map((r) => num(r.spillover)), S.spillovers);
    const gaps = t.map((r) => num(r.concentrated) - num(r.even));
    assert.ok(gaps[0]! > 0, "slightly ahead at s = 0");
    for (let i = 1; i < gaps.length; i++) assert.ok(gaps[i]! > gaps[i - 1]!, "grows with s");
    // effective fields at every s (the notebook's parameters, recomputed)
    const ranking = rankFieldsByComplexity(await loadDataset("nsf-patents"), {
      ...NSF,
      years: [2016, 2020],
      focus: "China",
    });
    const rows = ranking.table.objects() as { field: string; focus_value: number }[];
    const observed = rows.map((r) => r.focus_value / 5);
    const total0 = observed.reduce((a, b) => a + b, 0);
    for (const s of S.spillovers) {
      const p = policyScenario({
        fields: rows.map((r) => r.field),
        capacity: observed,
        calibrate: true,
        major: S.major,
        budget: 0.2 * total0,
        competition: 0.01,
        spillover: s,
      });
      const eff = Object.fromEntries(
        (p.summary.objects() as { scenario: string; effective_fields: number }[]).map((
          d,
        ) => [d.scenario, d.effective_fields]),
      );
      assert.ok(eff.even! > eff.concentrated!, `diversity at s = ${s}`);
    }
  },
);

proseTest(
  "06 · through the co-evolution model: +30% vs +16%, organisation and institutions up, 30.5 vs 27.4 fields",
  async () => {
    const t = (await nb()).cell("cell-23").table();
    const none = scenario(t, "none"), even = scenario(t, "even"), conc = scenario(t, "concentrated");
    approx(num(conc.total) / num(none.total) - 1, S.coevConcentratedGain, 0.01, "concentrated vs none");
    approx(num(even.total) / num(none.total) - 1, S.coevEvenGain, 0.01, "even vs none");
    approx(num(even.effective_fields), S.coevEvenEffectiveFields, 0.05, "effective fields, even");
    approx(
      num(conc.effective_fields),
      S.coevConcentratedEffectiveFields,
      0.05,
      "effective fields, concentrated",
    );
    for (const r of [even, conc]) {
      assert.ok(num(r.organisation) > num(none.organisation) && num(r.institution) > num(none.institution));
      assert.ok(num(r.organisation) < 1.2 * num(none.organisation), "a little");
    }
    assert.ok(t.every((r) => r.stable === "true"));
    // the feedback amplifies both policies
    const plain = (await nb()).cell("cell-16").table();
    const gain = (x: readonly Row[], s: string) => num(scenario(x, s).total) / num(scenario(x, "none").total);
    assert.ok(gain(t, "concentrated") > gain(plain, "concentrated") && gain(t, "even") > gain(plain, "even"));
  },
);
