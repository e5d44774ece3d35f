/** What course lesson 3 states, in both editions (tools/editions.ts). */
import assert from "node:assert/strict";
import * as aq from "arquero";
import { complexity, loadDataset, locationQuotient, matrixFrom, presence, proximity } from "clusterlab";
import { editionTests, executed, num, proseTest, shows, solutions, stated, within } from "../prose.ts";

const NAME = "course/03-technology-space-and-complexity";
const S = stated(import.meta.url, {
  economy: "China",
  year: 2020,
  minPatents: 1000,
  fields: 35,
  ictEconomiesLow: ["United States", "Israel"],
  ictEconomiesRankFromBottom: { atMost: 5 },
});

async function kci() {
  const pat = (await loadDataset("nsf-patents")).params({ y: S.year })
    .filter((d: { series: string; year: number }, $: { y: number }) => d.series === "IPF" && d.year === $.y);
  const big = pat.groupby("economy").rollup({ total: aq.op.sum("patents") }).params({ m: S.minPatents })
    .filter((d: { total: number }, $: { m: number }) => d.total >= $.m);
  const X = matrixFrom(pat.semijoin(big, [["economy"], ["economy"]]), {
    row: "economy",
    col: "field",
    value: "patents",
  });
  const M = presence(locationQuotient(X));
  return { X, M, c: complexity(M) };
}

editionTests(NAME, "course 03");

proseTest(
  "course 03 · economies with ≥ MIN_PATENTS patent families in 2020 × 35 fields; the KCI table",
  async () => {
    const { X, c } = await kci();
    assert.equal(X.ncol, S.fields);
    assert.ok(X.rows.includes(S.economy));
    const t = (await executed(NAME)).cell("cell-02").table();
    const shown = t.map((r) => num(r.kci));
    assert.deepEqual(shown, [...shown].sort((a, b) => b - a), "most complex first");
    for (const r of t) {
      assert.equal(
        num(r.diversity),
        c.diversity.get(r.economy!),
        `diversity of ${r.economy}`,
      );
    }
  },
);

proseTest(
  "course 03 · economies specialised in ICT, such as the United States or Israel, come out low",
  async () => {
    const { X, c } = await kci();
    const ranked = [...X.rows].sort((a, b) => c.eci.get(a) - c.eci.get(b)); // lowest first
    for (const e of S.ictEconomiesLow) {
      assert.ok(X.rows.includes(e), `${e} passes the filter`);
      within(ranked.indexOf(e) + 1, S.ictEconomiesRankFromBottom, `${e}'s place from the bottom`);
    }
  },
);

proseTest(
  "course 03 · the strongest proximity links are read from φ = co-occurrence / max ubiquity",
  async () => {
    const { M } = await kci();
    const phi = proximity(M);
    const links = (await executed(NAME)).cell("cell-05").table();
    assert.equal(links.length, 10);
    for (const l of links) {
      const i = phi.rows.indexOf(l.a!), j = phi.cols.indexOf(l.b!);
      const both = M.rows.filter((r) => M.get(r, l.a!) === 1 && M.get(r, l.b!) === 1).length;
      const ubi = (f: string) => M.rows.filter((r) => M.get(r, f) === 1).length;
      assert.ok(Math.abs(phi.at(i, j) - both / Math.max(ubi(l.a!), ubi(l.b!))) < 1e-12, `${l.a} – ${l.b}`);
      shows(l.phi, phi.at(i, j), `φ of ${l.a} – ${l.b}`);
    }
  },
);

proseTest("course 03 · the solutions: the focus economy's KCI rank and its diversity", async () => {
  const { X, c } = await kci();
  const sol = solutions(await executed(NAME, "teacher"));
  const rank = [...X.rows].sort((a, b) => c.eci.get(b) - c.eci.get(a)).indexOf(S.economy) + 1;
  assert.equal(num(sol["3.1"]), rank);
  assert.equal(num(sol["3.2"]), c.diversity.get(S.economy));
  assert.equal(num(sol["3.2"]), diversityByHand(await kci()));
});

/** Diversity counted by hand: the fields with RTA ≥ 1. */
function diversityByHand({ M }: Awaited<ReturnType<typeof kci>>): number {
  return M.cols.filter((f) => M.get(S.economy, f) === 1).length;
}
