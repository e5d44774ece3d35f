/**
 * Benchmarks of the panel layer (issue "Panels and the principle of relatedness"): `complexityPanel` on 23
 * years of 3,000 regions × 1,000 sectors (target ≤ 25 s), `relatednessEntry` on 10⁶ region × sector rows at
 * risk of entry (target ≤ 5 s), `entryExit` on the same panel, `bootstrapComplexity` on NSF patents.
 * Run with `deno bench -A bench/panels_bench.ts`; wall and CPU time per call in one process:
 * `deno run -A bench/panels_cpu.ts`. The inputs are seeded (`bench/_panels.ts`).
 */
import { syntheticPanel } from "./_panels.ts";
import { complexityPanel } from "../src/indicators/complexity_panel.ts";
import { entryExit } from "../src/indicators/entry_exit.ts";
import { bootstrapComplexity } from "../src/indicators/bootstrap_complexity.ts";
import { relatednessEntry } from "../src/models/relatedness_entry.ts";
import { loadDataset } from "../src/data/datasets.ts";
import { matrixFrom } from "../src/indicators/matrix.ts";
import { locationQuotient } from "../src/indicators/location_quotient.ts";
import { presence } from "../src/indicators/presence.ts";

const YEARS = Array.from({ length: 23 }, (_, k) => 1998 + k);
// 3,000 × 1,000 × 23 years, about 18 % of the cells active: 12.4 million rows
const big = syntheticPanel(3000, 1000, YEARS);
// 2,000 × 590, two years: 985,567 region × sector pairs absent in 2000 (the rows of the regression)
const two = syntheticPanel(2000, 590, [2000, 2010], 0.15, 3);

Deno.bench({
  name: "complexityPanel, 23 years of 3,000 × 1,000 (12.4 M rows), pooled scale (target ≤ 25 s)",
  group: "complexityPanel",
  n: 1,
  warmup: 0,
  fn: () => void complexityPanel(big, { standardise: "pooled" }),
});

const FROM_TO = { from: 2000, to: 2010 } as const;
Deno.bench({
  name: "relatednessEntry, 10⁶ rows: logit, classical SEs (target ≤ 5 s)",
  group: "relatednessEntry",
  n: 3,
  warmup: 1,
  fn: () => void relatednessEntry(two, FROM_TO),
});
Deno.bench({
  name: "relatednessEntry, 10⁶ rows: logit + region & sector FE, clustered by region (target ≤ 5 s)",
  group: "relatednessEntry",
  n: 3,
  warmup: 1,
  fn: () => void relatednessEntry(two, { ...FROM_TO, fixedEffects: ["region", "sector"], cluster: "region" }),
});
Deno.bench({
  name: "relatednessEntry, 10⁶ rows: LPM + region & sector FE, clustered by region",
  group: "relatednessEntry",
  n: 3,
  warmup: 1,
  fn: () =>
    void relatednessEntry(two, {
      ...FROM_TO,
      model: "lpm",
      fixedEffects: ["region", "sector"],
      cluster: "region",
    }),
});
Deno.bench({
  name: "entryExit, 2,000 × 590, two years (the table of 1.18 M rows)",
  group: "relatednessEntry",
  n: 3,
  warmup: 1,
  fn: () => void entryExit(two, FROM_TO),
});

const nsf = (await loadDataset("nsf-patents")).filter((d: { series: string; year: number }) =>
  d.series === "IPF" && d.year === 2020
);
const M = presence(
  locationQuotient(matrixFrom(nsf, { region: "economy", sector: "field", value: "patents" })),
);
Deno.bench({
  name: "bootstrapComplexity, NSF 36 × 35 (2020), 1,000 replicates",
  group: "bootstrap",
  n: 5,
  fn: () => void bootstrapComplexity(M, { replicates: 1000, seed: 1 }),
});
