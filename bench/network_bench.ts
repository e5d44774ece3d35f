/**
 * Speed of the network indicators (centrality, brokerage, gatekeepers, communities) on Horizon 2020
 * organisation networks. Run with `deno bench -A bench/network_bench.ts`.
 *
 * - the shipped network (`h2020-organisations` / `h2020-ties`: the 1,074 organisations of the SWAFS part);
 * - the full Horizon 2020 organisation network: every organisation of every project of the CORDIS extract
 *   in `../shared/data/h2020-participations/` (the raw file `deno task build-data` reads; these benchmarks
 *   are skipped when it is absent), one tie per pair of organisations sharing a project. Exact betweenness
 *   there takes minutes (O(n·m)); it runs only with `CLUSTERLAB_BENCH_EXACT=1`, the default benchmark
 *   estimates it from 256 sampled sources.
 */
import { loadDataset } from "../src/data/datasets.ts";
import { readCSV } from "../src/data/read.ts";
import { centrality } from "../src/indicators/network/centrality.ts";
import { brokerage } from "../src/indicators/network/brokerage.ts";
import { communities } from "../src/indicators/network/communities.ts";
import { tieGraph } from "../src/indicators/network/tie_graph.ts";
import { gatekeepers } from "../src/classify/gatekeepers.ts";

const ties = await loadDataset("h2020-ties");
const orgs = await loadDataset("h2020-organisations");
const ids = orgs.array("id") as string[];

Deno.bench({
  name: "centrality, shipped H2020 network (1,074 orgs, 10,254 ties), all measures exact",
  group: "shipped",
  fn: () => void centrality(ties, { nodes: ids }),
});
Deno.bench({
  name: "brokerage, shipped H2020 network, groups = 68 countries, undirected",
  group: "shipped",
  fn: () => void brokerage(ties, { group: orgs, directed: false }),
});
Deno.bench({
  name: "gatekeepers, shipped H2020 network, inside = country",
  group: "shipped",
  fn: () => void gatekeepers(ties, orgs),
});
Deno.bench({
  name: "communities (Louvain), shipped H2020 network",
  group: "shipped",
  fn: () => void communities(ties, { nodes: ids }),
});

/** The full network from the raw participations: one tie per pair of co-participants in a project. */
async function fullNetwork() {
  const file = new URL("../../shared/data/h2020-participations/h2020_participations.csv", import.meta.url);
  const exists = await Deno.stat(file).then(() => true, () => false);
  if (!exists) return null;
  const p = await readCSV(file.pathname);
  const rcn = p.array("rcn") as unknown[],
    pic = p.array("pic") as unknown[],
    country = p.array("country") as unknown[];
  const members = new Map<string, Set<string>>(), group = new Map<string, string>();
  for (let i = 0; i < rcn.length; i++) {
    const project = String(rcn[i]), id = String(pic[i]);
    if (!members.has(project)) members.set(project, new Set());
    members.get(project)!.add(id);
    if (!group.has(id)) group.set(id, String(country[i]));
  }
  const source: string[] = [], target: string[] = [];
  for (const m of members.values()) {
    const a = [...m];
    for (let i = 0; i < a.length; i++) {
      for (let j = i + 1; j < a.length; j++) source.push(a[i]!), target.push(a[j]!);
    }
  }
  return { ties: { source, target }, group, nodes: [...group.keys()] };
}

const full = await fullNetwork();
const size = full ? tieGraph(full.ties, { nodes: full.nodes }) : null;
const label = size
  ? `${size.ids.length.toLocaleString("en")} orgs, ${size.ties.toLocaleString("en")} ties`
  : "absent";
const ignore = full === null;

Deno.bench({
  name: `tieGraph, full H2020 network (${label}; ${full?.ties.source.length.toLocaleString("en")} pair rows)`,
  group: "full",
  n: 3,
  ignore,
  fn: () => void tieGraph(full!.ties, { nodes: full!.nodes }),
});
Deno.bench({
  name: `centrality, full H2020 network (${label}): degree, strength, eigenvector, PageRank`,
  group: "full",
  n: 3,
  ignore,
  fn: () =>
    void centrality(full!.ties, {
      nodes: full!.nodes,
      measures: ["degree", "strength", "eigenvector", "pagerank"],
    }),
});
Deno.bench({
  name: `centrality, full H2020 network (${label}): betweenness + harmonic from 256 sampled sources`,
  group: "full",
  n: 3,
  ignore,
  fn: () =>
    void centrality(full!.ties, { nodes: full!.nodes, measures: ["betweenness", "harmonic"], samples: 256 }),
});
Deno.bench({
  name: `centrality, full H2020 network (${label}): betweenness + harmonic exact (CLUSTERLAB_BENCH_EXACT=1)`,
  group: "full",
  n: 1,
  warmup: 0,
  ignore: ignore || Deno.env.get("CLUSTERLAB_BENCH_EXACT") !== "1",
  fn: () => void centrality(full!.ties, { nodes: full!.nodes, measures: ["betweenness", "harmonic"] }),
});
Deno.bench({
  name: `brokerage, full H2020 network (${label}), groups = countries, undirected`,
  group: "full",
  n: 3,
  ignore,
  fn: () => void brokerage(full!.ties, { group: full!.group, directed: false }),
});

// graphology-metrics 2.4.2 on the same network, for the comparison in centrality's doc comment
// (CLUSTERLAB_BENCH_GRAPHOLOGY=1): it builds its indices from a graphology graph edge by edge.
import * as metrics from "graphology-metrics";
import { UndirectedGraph } from "graphology";
import { eigenvectorOf, pagerankOf } from "../src/indicators/network/power_iteration.ts";
import { toGraphology } from "../src/indicators/network/graphology_bridge.ts";
const gm = (metrics as unknown as {
  centrality: { pagerank(g: unknown, o: object): unknown; eigenvector(g: unknown, o: object): unknown };
}).centrality;
const gmIgnore = ignore || Deno.env.get("CLUSTERLAB_BENCH_GRAPHOLOGY") !== "1";
const graph = gmIgnore ? null : (() => {
  const g = new UndirectedGraph();
  for (const id of size!.ids) g.addNode(id);
  for (let e = 0; e < size!.ties; e++) {
    g.addEdge(size!.ids[size!.tieSource[e]!]!, size!.ids[size!.tieTarget[e]!]!, {
      weight: size!.tieWeight[e]!,
    });
  }
  return g;
})();
const power = { getEdgeWeight: "weight", maxIterations: 10_000, tolerance: 1e-10 };
Deno.bench({
  name: `graphology-metrics pagerank, full H2020 network (${label}) (CLUSTERLAB_BENCH_GRAPHOLOGY=1)`,
  group: "graphology",
  n: 3,
  ignore: gmIgnore,
  fn: () => void gm.pagerank(graph, { ...power, alpha: 0.85 }),
});
Deno.bench({
  name: `graphology-metrics eigenvector, full H2020 network (${label}) (CLUSTERLAB_BENCH_GRAPHOLOGY=1)`,
  group: "graphology",
  n: 3,
  ignore: gmIgnore,
  fn: () => void gm.eigenvector(graph, power),
});
Deno.bench({
  name: `ClusterLab's PageRank iteration on the same network (prebuilt rows), for comparison`,
  group: "graphology",
  n: 3,
  ignore: gmIgnore,
  fn: () => void pagerankOf(size!, 0.85, power),
});
Deno.bench({
  name: `ClusterLab's eigenvector iteration on the same network (prebuilt rows), for comparison`,
  group: "graphology",
  n: 3,
  ignore: gmIgnore,
  fn: () => void eigenvectorOf(size!, power),
});
Deno.bench({
  name: `building the graphology graph of the full H2020 network (${label}) (CLUSTERLAB_BENCH_GRAPHOLOGY=1)`,
  group: "graphology",
  n: 1,
  warmup: 0,
  ignore: gmIgnore,
  fn: () => void toGraphology(size!),
});
