import assert from "node:assert/strict";
import { rankIntervalChart } from "../../src/plot/rank_interval.ts";
import { bootstrapComplexity } from "../../src/indicators/bootstrap_complexity.ts";
import { matrixFrom } from "../../src/indicators/matrix.ts";
import { ValidationError } from "../../src/core/validation_error.ts";
import { assertSnapshot } from "./snapshot.ts";

// a nested matrix with a few exceptions: region i holds sectors 0 … 7 − i, plus one off-pattern sector
const M = matrixFrom(
  Array.from(
    { length: 6 },
    (_, i) => Array.from({ length: 8 }, (_, j) => (j < 8 - i || j === (3 * i) % 8 ? 1 : 0)),
  ),
  { regions: ["A", "B", "C", "D", "E", "F"], sectors: [..."stuvwxyz"] },
);
const boot = bootstrapComplexity(M, { replicates: 200, seed: 4 });

Deno.test("rankIntervalChart: one row per region by rank, a dot at the rank and a line over the interval", async () => {
  const svg = rankIntervalChart(boot, { source: "Toy data", highlight: ["C"], names: { A: "Alpha" } })
    .toSVG();
  for (
    const s of [
      ">ECI ranks with 95% bootstrap intervals<",
      "percentile interval of 200 replicates (sectors resampled)",
      ">Alpha<",
      ">Rank (1 = most complex) →<",
      ">Toy data · Method: bootstrap (ClusterLab bootstrapComplexity)<",
    ]
  ) assert.ok(svg.includes(s), s);
  // the rows in rank order, top down: Alpha (rank 1) first
  const rows = boot.regions.objects() as {
    region: string;
    rank: number;
    rank_lower: number;
    rank_upper: number;
  }[];
  const order = [...rows].sort((a, b) => a.rank - b.rank).map((r) => (r.region === "A" ? "Alpha" : r.region));
  const labels = [
    ...svg.matchAll(/<text transform="translate\([\d.]+,([\d.]+)\)"[^>]*>([A-F]|Alpha)<\/text>/g),
  ]
    .map((m) => [Number(m[1]), m[2]!] as const).sort((a, b) => a[0] - b[0]).map(([, l]) => l);
  assert.deepEqual(labels.slice(0, 6), order); // the y axis (the legend's "C" comes last)
  // C is drawn in the highlight colour (its dot and its line)
  assert.ok((svg.match(/#e15759/g) ?? []).length >= 2);
  await assertSnapshot(import.meta.url, "rank-interval", svg);
});

Deno.test("rankIntervalChart: sectors, Chinese, top; options are validated", async () => {
  const svg = rankIntervalChart(boot, { side: "sectors", lang: "zh", top: 4 }).toSVG();
  assert.ok(svg.includes(">产品复杂度（PCI）排名及 95% 自助法区间<"), "title");
  assert.ok(svg.includes("200 次重抽样的百分位区间（重抽部门）"));
  assert.ok(svg.includes(">排名（1 = 最复杂）→<"));
  await assertSnapshot(import.meta.url, "rank-interval-sectors-zh", svg);
  assert.throws(() => rankIntervalChart(boot, { top: 0 }), ValidationError);
  // @ts-expect-error: not a side
  assert.throws(() => rankIntervalChart(boot, { side: "fields" }), ValidationError);
  // @ts-expect-error: names must be texts
  assert.throws(() => rankIntervalChart(boot, { names: { A: 1 } }), ValidationError);
});

Deno.test("rankIntervalChart: a highlighted unit that is not drawn is a warning, not silence", () => {
  assert.deepEqual(rankIntervalChart(boot, { highlight: ["C"] }).warnings, []);
  assert.deepEqual(rankIntervalChart(boot, { highlight: ["C", "Nowhere"] }).warnings, [
    "highlight: Nowhere not among the 6 units drawn (not shown)",
  ]);
});
