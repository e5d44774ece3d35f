/** What course lesson 5 states, in both editions (tools/editions.ts). */
import assert from "node:assert/strict";
import {
  approx,
  editionTests,
  executed,
  num,
  proseTest,
  shows,
  showsSum,
  solutions,
  stated,
} from "../prose.ts";
import { lesson05Quadrants, notebook03Quadrants } from "../governance_variants.ts";

const NAME = "course/05-governance-recommendation";
const S = stated(import.meta.url, {
  region: "浙江",
  lastCompleteYear: 2022,
  knowledgeIndicators: ["rd_expenditure", "papers_sci", "valid_invention_patents", "rd_researchers_fte"],
  allianceIndicators: ["tech_market_outflow_contracts", "tech_market_inflow_contracts"],
  split: 0.5,
  connectTolerance: 0.01,
  zhejiang2022Here: "HH",
  zhejiang2022In03: "HL",
  zhejiangKAHere2022: { atLeast: 0.5 },
});

editionTests(NAME, "course 05");

/** The entropy weights the lesson shows as a table (stock, indicator, weight): { knowledge: {…}, alliance: {…} }. */
async function weights(): Promise<Record<"knowledge" | "alliance", Record<string, number>>> {
  const rows = (await executed(NAME)).cell("cell-03").table();
  const block = (name: string) =>
    Object.fromEntries(rows.filter((r) => r.stock === name).map((r) => [r.indicator!, num(r.weight)]));
  return { knowledge: block("knowledge"), alliance: block("alliance") };
}

proseTest(
  "course 05 · K combines four indicators and A two; each set of entropy weights sums to 1",
  async () => {
    const w = await weights();
    assert.deepEqual(Object.keys(w.knowledge).sort(), [...S.knowledgeIndicators].sort());
    assert.deepEqual(Object.keys(w.alliance).sort(), [...S.allianceIndicators].sort());
    for (const k of ["knowledge", "alliance"] as const) {
      approx(Object.values(w[k]).reduce((a, b) => a + b, 0), 1, 0.003, `${k} weights`); // shown to 3 decimals
    }
  },
);

proseTest(
  "course 05 · the region's path: quadrants follow the 0.5 split, portfolios sum to 1; the default year",
  async () => {
    const nb = await executed(NAME);
    const path = nb.cell("cell-05").table();
    for (const r of path) {
      const q = `${num(r.K) >= S.split ? "H" : "L"}${num(r.A) >= S.split ? "H" : "L"}`;
      assert.equal(r.quadrant, q, `${r.year}`);
      showsSum([r.w_supply, r.w_connect, r.w_platform], 1, `portfolio ${r.year}`);
    }
    assert.equal(num(path.at(-1)!.year), S.lastCompleteYear, "the default year is the last complete one");
    assert.match(nb.cell("cell-08").stdout(), new RegExp(`^${S.region} ${S.lastCompleteYear}: `));
  },
);

proseTest("course 05 · the recommendation is the last row's: phase, K, A, portfolio", async () => {
  const nb = await executed(NAME);
  const last = nb.cell("cell-05").table().at(-1)!;
  const text = nb.cell("cell-08").stdout();
  assert.ok(text.includes(`K = ${num(last.K).toFixed(2)}, A = ${num(last.A).toFixed(2)}`), text);
  assert.ok(text.includes(`${last.phase} (`), text);
  const pct = (x: string | undefined) => `${(100 * num(x)).toFixed(0)}%`;
  assert.ok(
    text.includes(
      `supply ${pct(last.w_supply)}, connect ${pct(last.w_connect)}, platform ${pct(last.w_platform)}`,
    ),
    text,
  );
});

proseTest(
  "course 05 · the solutions: the quadrant, the weight of 'connect' (±0.01) and the years in HH",
  async () => {
    const path = (await executed(NAME)).cell("cell-05").table();
    const last = path.at(-1)!;
    const sol = solutions(await executed(NAME, "teacher"));
    assert.equal(sol["5.1"], last.quadrant);
    shows(last.w_connect, num(sol["5.2"]), "5.2");
    assert.equal(num(sol["5.3"]), path.filter((r) => r.quadrant === "HH").length);
    // the worked answer of 5.2 is rounded to two decimals: accepted within the tolerance
    assert.match((await executed(NAME, "teacher")).cell("teacher-answers").source, /toFixed\(2\)/);
    assert.ok((await executed(NAME)).cell("cell-12").source.includes(`tolerance: ${S.connectTolerance},`));
    assert.ok(Math.abs(Number(num(last.w_connect).toFixed(2)) - num(last.w_connect)) <= S.connectTolerance);
  },
);

proseTest(
  "course 05 · Zhejiang 2022: HH here (K and A just above 0.5), HL with notebook 03's indicators",
  async () => {
    const last = (await executed(NAME)).cell("cell-05").table().at(-1)!;
    assert.equal(num(last.year), S.lastCompleteYear);
    assert.equal(last.quadrant, S.zhejiang2022Here);
    for (const v of [last.K, last.A]) assert.ok(num(v) >= S.zhejiangKAHere2022.atLeast, `${v}`);
    assert.ok(num(last.K) < 0.55 && num(last.A) < 0.55, "just above");
    assert.equal((await lesson05Quadrants()).get(`${S.region} ${S.lastCompleteYear}`), S.zhejiang2022Here);
    assert.equal((await notebook03Quadrants()).get(`${S.region} ${S.lastCompleteYear}`), S.zhejiang2022In03);
  },
);
