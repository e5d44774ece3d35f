/**
 * Overflow: sums, products and stocks that overflow or underflow are errors or named warnings — no silent
 * NaN or Infinity in any result of any indicator, composite, classifier or model (values near the float
 * maximum, a catch-up run long enough to overflow, a spiral run for 100 000 steps).
 * @module
 */
import assert from "node:assert/strict";
import {
  allianceStockFromCounts,
  catchUpRatios,
  centrality,
  classifyGovernance,
  couplingCoordination,
  density,
  ellisonGlaeser,
  entropy,
  entropyWeights,
  equilibrium,
  fitCatchUp,
  gini,
  herfindahl,
  hooverIndex,
  hooverSpecialisation,
  identifyClusters,
  knowledgeStock,
  krugman,
  localMoran,
  locationalGini,
  locationQuotient,
  Matrix,
  matrixFrom,
  maurelSedillot,
  moranI,
  panelComposite,
  policyScenario,
  presence,
  proximity,
  relatedness,
  relatednessDensity,
  simulateCatchUp,
  simulateCoevolution,
  simulateSpiral,
  simulateSymbiosis,
  solveODE,
  spatialWeights,
  sweep,
  synergyDegree,
  synergyPanel,
} from "../../src/mod.ts";
import type { ColumnTable } from "../../src/deps/arquero.ts";
import type { Case } from "./case.ts";

const MAX = 1e308, TINY = 1e-310;
const m = (a: number[][]) =>
  matrixFrom(a, { regions: a.map((_, i) => `R${i + 1}`), sectors: a[0]!.map((_, j) => `S${j + 1}`) });
const huge = () => m([[MAX, MAX], [MAX, 1]]);
const huge3 = () => m([[MAX, MAX], [MAX, 1], [1, 1]]);
const line = () => spatialWeights({ a: ["b"], b: ["a", "c"], c: ["b", "d"], d: ["c"] });
const sectors = ["a", "b", "c"];
const M = () => matrixFrom([[1, 0, 1], [0, 1, 1]], { regions: ["A", "B"], sectors });
const phiHuge = () =>
  matrixFrom([[0, MAX, MAX], [MAX, 0, MAX], [MAX, MAX, 0]], { regions: sectors, sectors });
const overflow = (subject: RegExp, extra: { row?: number; column?: string | RegExp } = {}) => ({
  error: { subject, expected: /a finite number/, received: /NaN|Infinity/, ...extra },
});
const within = (lo: number, hi: number) => (r: unknown) => {
  const v = r instanceof Matrix ? r.data : (r as { values: Float64Array }).values;
  for (const x of v) assert.ok(x >= lo && x <= hi, `${x} outside [${lo}, ${hi}]`);
};
const rowsOf = (r: unknown) => (r as { table: ColumnTable }).table.numRows();

/** The cases of the overflow class. */
export const OVERFLOW: Case[] = [
  // indicators of a region × sector matrix
  {
    name: "locationQuotient: values near the float maximum (the total overflows)",
    run: () => locationQuotient(huge()),
    expect: overflow(/result of locationQuotient/, { row: 1, column: "S1" }),
  },
  {
    name: "locationQuotient: a long table near the float maximum",
    run: () =>
      locationQuotient([{ region: "A", sector: "s", value: MAX }, { region: "B", sector: "s", value: MAX }]),
    expect: overflow(/result of locationQuotient/),
  },
  {
    name: "locationQuotient: subnormal counts give exact quotients, no warning needed",
    run: () => locationQuotient(m([[TINY, TINY], [TINY, TINY]])),
    expect: { result: (r) => assert.deepEqual(Array.from((r as Matrix).data), [1, 1, 1, 1]) },
  },
  {
    name: "krugman: values near the float maximum",
    run: () => krugman(huge()),
    expect: overflow(/result of krugman/, { column: "krugman" }),
  },
  {
    name: "hooverSpecialisation: values near the float maximum",
    run: () => hooverSpecialisation(huge()),
    expect: overflow(/result of hooverSpecialisation/),
  },
  {
    name: "locationalGini: values near the float maximum",
    run: () => locationalGini(huge()),
    expect: overflow(/result of locationalGini/),
  },
  {
    name: "ellisonGlaeser: values near the float maximum",
    run: () => ellisonGlaeser(huge3(), { plantHerfindahl: 0.1 }),
    expect: overflow(/result of ellisonGlaeser/),
  },
  {
    name: "maurelSedillot: values near the float maximum",
    run: () => maurelSedillot(huge3(), { plantHerfindahl: 0.1 }),
    expect: overflow(/result of maurelSedillot/),
  },
  {
    name: "herfindahl: values near the float maximum give shares in [0, 1]",
    run: () => herfindahl(huge()),
    expect: { result: within(0, 1) },
  },
  {
    name: "entropy: values near the float maximum give finite entropies",
    run: () => entropy(huge()),
    expect: { result: within(0, 1) },
  },
  {
    name: "gini: values near the float maximum give coefficients in [0, 1]",
    run: () => gini(huge()),
    expect: { result: within(0, 1) },
  },
  {
    name: "hooverIndex: a reference near the float maximum",
    run: () => hooverIndex(m([[1], [2]]), { reference: [MAX, MAX] }),
    expect: { result: within(0, 1) },
  },
  {
    name: "identifyClusters: employment near the float maximum",
    run: () => identifyClusters(m([[MAX, MAX, 5], [5, MAX, 5], [5, 5, MAX], [20, 20, 20]])),
    expect: overflow(/result of (locationQuotient|identifyClusters)/),
  },
  {
    name: "presence of quotients computed from overflowed totals never sees NaN",
    run: () => presence(locationQuotient(huge())),
    expect: overflow(/result of locationQuotient/),
  },
  // proximity-weighted indicators
  {
    name: "relatednessDensity: a proximity near the float maximum",
    run: () => relatednessDensity(M(), phiHuge()),
    expect: overflow(/result of relatednessDensity/),
  },
  {
    name: "density: a proximity near the float maximum",
    run: () => density(M(), { phi: phiHuge() }),
    expect: overflow(/result of density/),
  },
  {
    name: "relatedness: co-occurrence counts near the float maximum give no NaN",
    run: () => relatedness(phiHuge(), { method: "association" }),
    expect: { result: () => {} },
  },
  {
    name: "proximity of a large presence matrix stays in [0, 1]",
    run: () => proximity(presence(m([[2, 0.5, 3], [0.5, 2, 1], [3, 3, 3]]))),
    expect: { result: within(0, 1) },
  },
  // stocks and composites
  {
    name: "knowledgeStock: a stock that overflows",
    run: () =>
      knowledgeStock([{ year: 2000, value: MAX }, { year: 2001, value: MAX }, { year: 2002, value: MAX }]),
    expect: overflow(/result of knowledgeStock/, { row: 2, column: "table.stock" }),
  },
  {
    name: "knowledgeStock: a single flow near the maximum does not overflow",
    run: () => knowledgeStock([{ year: 2000, value: MAX }]),
    expect: { result: (r) => assert.equal(rowsOf(r), 1) },
  },
  {
    name: "knowledgeStock: subnormal flows are a named underflow warning",
    run: () => knowledgeStock([{ year: 2000, value: TINY }, { year: 2001, value: TINY }]),
    expect: {
      warning: /^underflow: 4 value\(s\) below the smallest normal float .* first at table.flow, row 1/,
    },
  },
  {
    name: "entropyWeights: indicators spanning the float range",
    run: () =>
      entropyWeights([{ a: MAX, b: 1 }, { a: -MAX, b: 2 }, { a: 0, b: 3 }], {
        indicators: { a: "+", b: "+" },
      }),
    expect: overflow(/result of entropyWeights/, { column: "table.score" }),
  },
  {
    name: "panelComposite: an indicator spanning the float range",
    run: () =>
      panelComposite([
        { entity: "A", year: 2020, indicator: "rd", value: MAX },
        { entity: "A", year: 2020, indicator: "papers", value: 5 },
        { entity: "B", year: 2020, indicator: "rd", value: -MAX },
        { entity: "B", year: 2020, indicator: "papers", value: 1 },
      ], { indicators: { rd: "+", papers: "+" } }),
    expect: overflow(/result of entropyWeights|result of panelComposite/),
  },
  {
    name: "allianceStockFromCounts: organisation counts whose sum overflows",
    run: () =>
      allianceStockFromCounts([{
        country: "DE",
        partner_country: "DE",
        h2020_type: "HES",
        partner_h2020_type: "PRC",
        year: 2018,
        ties: MAX,
      }], [
        { country: "DE", year: 2018, h2020_type: "HES", organisations: MAX },
        { country: "DE", year: 2018, h2020_type: "PRC", organisations: MAX },
      ]),
    expect: overflow(/result of allianceStockFromCounts/),
  },
  {
    name: "centrality: tie weights whose strengths overflow",
    run: () =>
      centrality([{ source: "a", target: "b", weight: MAX }, { source: "b", target: "c", weight: MAX }]),
    expect: overflow(/result of centrality/, { column: "table.strength" }),
  },
  {
    name: "moranI: values whose squares overflow",
    run: () => moranI({ a: MAX, b: -MAX, c: MAX, d: 4 }, line()),
    expect: overflow(/result of moranI/),
  },
  {
    name: "localMoran: values whose squares overflow",
    run: () => localMoran({ a: MAX, b: -MAX, c: MAX, d: 4 }, line()),
    expect: overflow(/result of localMoran/),
  },
  {
    name: "couplingCoordination: scores near the float maximum are outside [0, 1]",
    run: () => couplingCoordination([{ region: "A", K: MAX, O: MAX }], ["K", "O"]),
    expect: { error: { row: 1, column: "K", expected: /\[0, 1\]/ } },
  },
  {
    name: "classifyGovernance: ready scores near the float maximum are outside [0, 1]",
    run: () =>
      classifyGovernance([{ entity: "a", K: MAX, A: MAX }, { entity: "b", K: 0.3, A: 0.3 }], {
        knowledge: "K",
        alliance: "A",
      }),
    expect: { error: { row: 1, column: "K" } },
  },
  {
    name: "synergyDegree: subsystem values spanning the float range",
    run: () => synergyDegree([[1, MAX], [2, -MAX], [3, 12]]),
    expect: overflow(/result of synergyDegree/),
  },
  {
    name: "synergyPanel: indicator values spanning the float range",
    run: () =>
      synergyPanel([
        { entity: "A", year: 2020, indicator: "k", value: -MAX },
        { entity: "A", year: 2020, indicator: "o", value: 2 },
        { entity: "A", year: 2021, indicator: "k", value: MAX },
        { entity: "A", year: 2021, indicator: "o", value: 3 },
      ], { k: "knowledge", o: "organisation" }),
    expect: overflow(/result of synergyDegree|result of synergyPanel/),
  },
  {
    name: "catchUpRatios: a leader value near 0 makes the ratio overflow",
    run: () =>
      catchUpRatios(
        [{ code: "JPN", year: 1960, gdppc: TINY }, { code: "KOR", year: 1960, gdppc: MAX }],
        "JPN",
        { entity: "code", value: "gdppc" },
      ),
    expect: overflow(/result of catchUpRatios/, { row: 1, column: "ratio" }),
  },
  // models
  {
    name: "simulateCatchUp: a follower forging ahead long enough to overflow stops, with a named warning",
    run: () =>
      simulateCatchUp({ model: "nelson-phelps", c: 0.06, g: 0.5, gLeader: 0.02 }, 0.25, { tEnd: 5000 }),
    expect: {
      warning: /^overflow: the follower level exceeds the float maximum .* output stops at t = 1615/,
      check: (r) => assert.equal(rowsOf(r), 1616),
    },
    allow: ["steady.steadyRatio"], // B* = ∞: the follower forges ahead without bound (a named warning too)
  },
  {
    name: "simulateCatchUp: a leader growing 90% a year for 1000 years stops where it overflows",
    run: () => simulateCatchUp({ model: "logistic", c: 0.08, g: 0.01, gLeader: 0.9 }, 0.2, { tEnd: 1000 }),
    expect: { warning: /^overflow: the leader level exceeds the float maximum .* at t = 789/ },
  },
  {
    name: "simulateCatchUp: a leader level at the float maximum",
    run: () =>
      simulateCatchUp({ model: "logistic", c: 0.08, g: 0.01, gLeader: 0.9 }, 0.2, { tEnd: 10, leader0: MAX }),
    expect: { warning: /^overflow: the leader level/, check: (r) => assert.equal(rowsOf(r), 1) },
  },
  {
    name: "simulateCatchUp: an ordinary run has no overflow warning and finite levels",
    run: () => simulateCatchUp({ model: "logistic", c: 0.08, g: 0.01, gLeader: 0.02 }, 0.2, { tEnd: 60 }),
    expect: { result: (r) => assert.deepEqual((r as { warnings: string[] }).warnings, []) },
  },
  {
    name: "simulateSpiral: stocks compounding at 90% a step overflow: an error naming the row and the cause",
    run: () => {
      const r = { socialisation: 0.9, externalisation: 0.9, combination: 0.9, internalisation: 0.9 };
      return simulateSpiral({ steps: 500, rates: r, obsolescence: 0 });
    },
    expect: {
      error: {
        subject: /result of simulateSpiral/,
        row: 3149,
        column: "stocks.stock",
        received: /NaN/,
        message: /compound without bound: run fewer steps, lower the rates or set a cap/,
      },
    },
  },
  {
    name: "simulateSpiral: the same rates for 60 steps stay finite",
    run: () => {
      const r = { socialisation: 0.9, externalisation: 0.9, combination: 0.9, internalisation: 0.9 };
      return simulateSpiral({ steps: 60, rates: r, obsolescence: 0 });
    },
    expect: { result: (r) => assert.ok((r as { turns: number }).turns >= 0) },
  },
  {
    name: "simulateSymbiosis: a mutualism that blows up stops with the integrator's warning",
    run: () =>
      simulateSymbiosis({ r: [1, 1], N: [100, 80], sigma: [[0, 2], [3, 0]] }, [10, 10], { tEnd: 400 }),
    expect: { warning: /state became non-finite near t = 1\.97/ },
  },
  {
    name: "solveODE: a solution that blows up in finite time stops with a warning",
    run: () => solveODE((_t, y, dy) => void (dy[0] = y[0]! * y[0]!), [1], 2),
    expect: { warning: /state became non-finite near t = 1\.0/ },
  },
  {
    name: "simulateCoevolution: a long run stays finite",
    run: () => simulateCoevolution({ tEnd: 2000 }),
    expect: { result: (r) => assert.ok(rowsOf(r) > 0) },
  },
  {
    name: "policyScenario: capacities near the float maximum",
    run: () =>
      policyScenario({ fields: ["A", "B"], capacity: [MAX, MAX], major: 1, budget: MAX }, { tEnd: 200 }),
    expect: overflow(/result of policyScenario/),
  },
  {
    name: "equilibrium: capacities near the float maximum",
    run: () => equilibrium({ N: [MAX, MAX], sigma: [[0, 0.5], [0.5, 0]] }),
    expect: overflow(/result of equilibrium/, { column: "x" }),
  },
  {
    name: "fitCatchUp: ratios at the float maximum give a named underflow warning, not a silent 0",
    run: () => fitCatchUp([0, 1, 2, 3, 4], [MAX, MAX, MAX, MAX, MAX]),
    expect: { warning: /^underflow/ },
  },
  {
    name: "sweep: a model output that overflowed is an error naming the cell",
    run: () => sweep((p) => (p.x as number) * MAX, { x: [1, 10] }),
    expect: {
      error: { subject: /output of the swept model/, row: 2, column: "value", received: /Infinity/ },
    },
  },
  {
    name: "sweep: a NaN output is an error naming the cell",
    run: () => sweep(() => NaN, { x: [1] }),
    expect: { error: { column: "value", received: /NaN/ } },
  },
  {
    name: "matrixFrom: an Infinity value in the input is an error, not a sum",
    run: () => matrixFrom([{ region: "A", sector: "s", value: Infinity }]),
    expect: { error: { row: 1, column: "value", expected: /a finite number/ } },
  },
];
