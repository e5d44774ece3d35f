/**
 * Benchmarks of the concentration indices and of identifyClusters.
 *
 *   deno bench -A bench/concentration_bench.ts
 *
 * identifyClusters runs on the shipped UK data (39 NUTS-2 regions × 72 clusters and × 525 SIC4 classes,
 * 2018) and on a synthetic 500 × 200 matrix; the per-region/per-sector indices on a synthetic
 * 3,000 × 1,000 matrix (about 15% non-zero, seeded).
 */
import { loadDataset } from "../src/data/datasets.ts";
import { identifyClusters } from "../src/classify/identify_clusters.ts";
import { Matrix, matrixFrom } from "../src/indicators/matrix.ts";
import { herfindahl } from "../src/indicators/herfindahl.ts";
import { entropy } from "../src/indicators/entropy.ts";
import { krugman } from "../src/indicators/krugman.ts";
import { gini } from "../src/indicators/gini.ts";
import { locationalGini } from "../src/indicators/locational_gini.ts";
import { ellisonGlaeser } from "../src/indicators/ellison_glaeser.ts";
import { Random } from "../src/core/random.ts";

function synthetic(nrow: number, ncol: number, fill: number, seed: number): Matrix {
  const rnd = new Random(seed).stream();
  const data = new Float64Array(nrow * ncol);
  for (let k = 0; k < data.length; k++) if (rnd() < fill) data[k] = Math.floor(1 + 1000 * rnd() * rnd());
  const rows = Array.from({ length: nrow }, (_, i) => `R${i}`),
    cols = Array.from({ length: ncol }, (_, j) => `S${j}`);
  return new Matrix(rows, cols, data);
}

const clusters = (await loadDataset("uk-employment-clusters")).params({ y: 2018 }).filter((
  d: { year: number },
  $: { y: number },
) => d.year === $.y);
const sic4 = (await loadDataset("uk-employment-sic4")).params({ y: 2018 }).filter((
  d: { year: number },
  $: { y: number },
) => d.year === $.y);
const ukClusters = matrixFrom(clusters, { sector: "cluster" });
const ukSic4 = matrixFrom(sic4);
const mid = synthetic(500, 200, 0.15, 7);
const big = synthetic(3000, 1000, 0.15, 11);

Deno.bench("identifyClusters UK 39 × 72 clusters (2018)", { group: "identify" }, () => {
  identifyClusters(ukClusters);
});
Deno.bench("identifyClusters UK 39 × 525 SIC4 (2018)", { group: "identify" }, () => {
  identifyClusters(ukSic4);
});
Deno.bench("identifyClusters synthetic 500 × 200", { group: "identify" }, () => {
  identifyClusters(mid);
});
Deno.bench("herfindahl 3000 × 1000", { group: "indices" }, () => {
  herfindahl(big);
});
Deno.bench("entropy 3000 × 1000", { group: "indices" }, () => {
  entropy(big);
});
Deno.bench("krugman 3000 × 1000", { group: "indices" }, () => {
  krugman(big);
});
Deno.bench("gini 3000 × 1000", { group: "indices" }, () => {
  gini(big);
});
Deno.bench("locationalGini 3000 × 1000", { group: "indices" }, () => {
  locationalGini(big);
});
Deno.bench("ellisonGlaeser 3000 × 1000", { group: "indices" }, () => {
  ellisonGlaeser(big, { plantHerfindahl: 0.01 });
});
