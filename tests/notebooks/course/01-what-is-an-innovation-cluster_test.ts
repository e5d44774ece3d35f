/** What course lesson 1 states, in both editions (tools/editions.ts). */
import assert from "node:assert/strict";
import { loadDataset, locationQuotient, matrixFrom } from "clusterlab";
import { approx, editionTests, executed, num, proseTest, solutions, stated } from "../prose.ts";

const NAME = "course/01-what-is-an-innovation-cluster";
const S = stated(import.meta.url, {
  regions: 39,
  clusters: 72,
  cluster: "services_kibs",
  clusterName: "Knowledge-intensive business services",
  year: 2018,
  specialisedFrom: 1,
  lqTwoIsACluster: false,
});

async function lq() {
  const uk = await loadDataset("uk-employment-clusters");
  const X = matrixFrom(
    uk.params({ y: S.year }).filter((d: { year: number }, $: { y: number }) => d.year === $.y),
    {
      row: "region",
      col: "cluster",
      value: "value",
    },
  );
  const names = Object.fromEntries(
    (uk.dedupe("region", "region_name").objects() as { region: string; region_name: string }[]).map((d) => [
      d.region,
      d.region_name,
    ]),
  );
  return { X, LQ: locationQuotient(X), names };
}

editionTests(NAME, "course 01");

proseTest(
  "course 01 · 39 NUTS-2 regions × 72 clusters; the default cluster is knowledge-intensive business services",
  async () => {
    const { X } = await lq();
    assert.deepEqual([X.nrow, X.ncol], [S.regions, S.clusters]);
    assert.ok(X.cols.includes(S.cluster));
    const nb = await executed(NAME);
    assert.match(nb.cell("cell-02").text(), new RegExp(`en: "${S.clusterName}"`));
    assert.match(nb.cell("cell-05").text(), new RegExp(`^${S.clusterName} · ${S.year}`));
  },
);

proseTest("course 01 · the LQ checked by hand for the top region equals the library's", async () => {
  const text = (await executed(NAME)).cell("cell-07").text();
  const lqShown = num(text.match(/lq: ([\d.]+)/)?.[1]), byHand = num(text.match(/byHand: ([\d.]+)/)?.[1]);
  approx(byHand, lqShown, 1e-12, "LQ by hand");
  const { X, LQ } = await lq();
  const top = [...X.rows].sort((a, b) => LQ.get(b, S.cluster) - LQ.get(a, S.cluster))[0]!;
  const i = X.rows.indexOf(top), j = X.cols.indexOf(S.cluster);
  const total = X.rowSums().reduce((a, b) => a + b, 0);
  approx(
    (X.get(top, S.cluster) / X.rowSums()[i]!) / (X.colSums()[j]! / total),
    lqShown,
    1e-12,
    "the formula",
  );
});

proseTest(
  "course 01 · the solutions: the top region, the regions with LQ ≥ 1, and LQ ≥ 2 is not enough",
  async () => {
    const { X, LQ, names } = await lq();
    const sol = solutions(await executed(NAME, "teacher"));
    const top = [...X.rows].sort((a, b) => LQ.get(b, S.cluster) - LQ.get(a, S.cluster))[0]!;
    assert.equal(sol["1.1"], names[top]);
    assert.equal(num(sol["1.2"]), X.rows.filter((r) => LQ.get(r, S.cluster) >= S.specialisedFrom).length);
    assert.equal(sol["1.3"], String(S.lqTwoIsACluster));
    // the table the students read: sorted by LQ, the blue bars are LQ ≥ 1
    const t = (await executed(NAME)).cell("cell-04").table();
    assert.equal(t[0]!.region_name, names[top]);
    assert.equal(t.filter((r) => num(r.lq) >= S.specialisedFrom).length, num(sol["1.2"]));
  },
);
