/**
 * Benchmarks of the knowledge-spiral models (issue 5): March's Figure 1 grid, the SECI stock–flow model
 * and the agent-based SECI on a network. Run with `deno bench -A bench/models_bench.ts`.
 */
import { simulateMarch } from "../src/models/march.ts";

const P1 = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

Deno.bench({
  name: "March 1991 Figure 1 full grid: 9 p1 × 3 p2 × 1,000 runs (target < 10 s)",
  group: "march",
  n: 1,
  warmup: 0,
  fn() {
    for (const p2 of [0.1, 0.5, 0.9]) for (const p1 of P1) simulateMarch({ p1, p2 }, { runs: 1000, seed: 1 });
  },
});

Deno.bench({
  name: "March 1991 one cell (p1 = 0.1, p2 = 0.9, 1,000 runs)",
  group: "march",
  n: 3,
  fn() {
    simulateMarch({ p1: 0.1, p2: 0.9 }, { runs: 1000, seed: 1 });
  },
});

// --- agent-based SECI on a network: 10,000 organisations × 1,000 steps (target: "in seconds") ---
import { UndirectedGraph } from "graphology";
import { agentNetworkFromGraph, simulateNetworkSpiral } from "../src/models/network_spiral.ts";
import { Random } from "../src/core/random.ts";
import { simulateSpiral } from "../src/models/seci.ts";

const TYPES = ["firm", "university", "research_institute", "intermediary", "government", "other"];
function randomNetwork(n: number, meanDegree: number, seed: number) {
  const rng = new Random(seed);
  const g = new UndirectedGraph();
  for (let k = 0; k < n; k++) g.addNode(String(k), { type: TYPES[rng.int(TYPES.length)] });
  const m = (n * meanDegree) / 2;
  let added = 0;
  while (added < m) {
    const a = rng.int(n), b = rng.int(n);
    if (a === b || g.hasEdge(String(a), String(b))) continue;
    g.addEdge(String(a), String(b));
    added++;
  }
  return agentNetworkFromGraph(g);
}
const NET = randomNetwork(10_000, 10, 7);

Deno.bench({
  name: "network SECI: 10,000 agents × 1,000 steps, mean degree 10, private platform",
  group: "network",
  n: 3,
  warmup: 1,
  fn() {
    simulateNetworkSpiral(NET, { order: "private", steps: 1000, seed: 1 });
  },
});

// --- the same with tie dynamics (networks issue §5): target ≤ 5 s for 10,000 organisations × 1,000 steps ---
import { networkStatistics } from "../src/indicators/network/network_statistics.ts";
import type { TieDynamicsOptions } from "../src/models/tie_dynamics.ts";

const DYNAMIC_RUNS: [string, TieDynamicsOptions][] = [
  ["formation 0, decay 0 (the fixed network, statistics recorded)", { formation: 0, decay: 0 }],
  ["complementarity, defaults", { rule: "complementarity" }],
  ["similarity, defaults", { rule: "similarity" }],
  ["complementarity, 4 friends of friends + 4 strangers", {
    rule: "complementarity",
    candidates: { friendsOfFriends: 4, strangers: 4 },
  }],
];
for (const [label, dynamics] of DYNAMIC_RUNS) {
  Deno.bench({
    name: `network SECI with tie dynamics: 10,000 agents × 1,000 steps, ${label}`,
    group: "network",
    n: 3,
    warmup: 1,
    fn() {
      simulateNetworkSpiral(NET, { order: "private", steps: 1000, seed: 1, dynamics });
    },
  });
}
const NET_TIES = (() => {
  const source: string[] = [], target: string[] = [];
  for (let a = 0; a < NET.ids.length; a++) {
    for (let k = NET.offsets[a]!; k < NET.offsets[a + 1]!; k++) {
      if (NET.neighbours[k]! > a) {
        source.push(String(a));
        target.push(String(NET.neighbours[k]));
      }
    }
  }
  return source.map((s, k) => ({ source: s, target: target[k]! }));
})();
Deno.bench({
  name: "networkStatistics: 10,000 organisations, 50,000 ties (reading the tie list included)",
  group: "network",
  n: 5,
  fn() {
    networkStatistics(NET_TIES, { nodes: NET.ids });
  },
});

Deno.bench({
  name: "SECI stock-flow: 4 levels × 1,000 steps × 10 RK4 substeps",
  group: "spiral",
  n: 5,
  fn() {
    simulateSpiral({ steps: 1000, cap: 100 });
  },
});
