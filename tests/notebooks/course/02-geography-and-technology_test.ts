/** What course lesson 2 states, in both editions (tools/editions.ts). */
import assert from "node:assert/strict";
import { identifyClusters, loadDataset, matrixFrom } from "clusterlab";
import { editionTests, executed, num, proseTest, solutions, stated } from "../prose.ts";

const NAME = "course/02-geography-and-technology";
const S = stated(import.meta.url, {
  region: "UKH1",
  regionName: "East Anglia",
  year: 2018,
  ecoSpecialisationLq: 2,
  lackingDimension: "geographic",
});

async function classified() {
  const uk = await loadDataset("uk-employment-clusters");
  const X = matrixFrom(
    uk.params({ y: S.year }).filter((d: { year: number }, $: { y: number }) => d.year === $.y),
    {
      row: "region",
      col: "cluster",
      value: "value",
    },
  );
  return { X, result: identifyClusters(X).table };
}

editionTests(NAME, "course 02");

proseTest(
  "course 02 · the warnings say what was not measured: knowledge production and outside ties, skipped",
  async () => {
    const text = (await executed(NAME)).cell("cell-02").text();
    assert.match(text, /knowledge production not measured \(no knowledge or knowledgeIndex\): skipped/);
    assert.match(text, /external interaction not measured \(no ties\): skipped/);
  },
);

proseTest(
  "course 02 · every region × industry has one label; none is 'without knowledge production' (unmeasured)",
  async () => {
    const { X } = await classified();
    const counts = (await executed(NAME)).cell("cell-04").table();
    assert.equal(counts.reduce((n, r) => n + num(r.count), 0), X.nrow * X.ncol);
    assert.ok(!counts.some((r) => r.label_key === "geographic_agglomeration"));
  },
);

proseTest("course 02 · ECO specialisation is LQ ≥ 2; the focus region is East Anglia", async () => {
  const { result } = await classified();
  for (const d of result.objects() as { lq: number; eco_specialisation: boolean }[]) {
    assert.equal(d.eco_specialisation, d.lq >= S.ecoSpecialisationLq);
  }
  assert.match(
    (await executed(NAME)).cell("cell-05").text(),
    new RegExp(`^${S.regionName} \\(${S.region}\\) · ${S.year}`),
  );
});

proseTest(
  "course 02 · the solutions: the region's innovation clusters, the geographic but unrelated pairs, 'geographic'",
  async () => {
    const { result } = await classified();
    const rows = result.objects() as {
      region: string;
      label_key: string;
      geographic: boolean;
      technological: boolean;
    }[];
    const sol = solutions(await executed(NAME, "teacher"));
    const mine = rows.filter((d) => d.region === S.region && d.label_key === "innovation_cluster");
    assert.equal(num(sol["2.1"]), mine.length);
    assert.equal((await executed(NAME)).cell("cell-07").table().length, mine.length);
    assert.equal(num(sol["2.2"]), rows.filter((d) => d.geographic && !d.technological).length);
    assert.equal(sol["2.3"], S.lackingDimension);
    // a technological community is related in technology space but not concentrated
    const communities = rows.filter((d) => d.label_key === "technological_community");
    assert.ok(communities.length > 0 && communities.every((d) => !d.geographic && d.technological));
  },
);
