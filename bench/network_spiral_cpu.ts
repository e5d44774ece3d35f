/**
 * Wall and CPU time of `simulateNetworkSpiral` with tie dynamics, 10,000 organisations × 1,000 steps, in one
 * process (Linux: CPU from /proc/self/stat), beside the same run on the fixed network. On a shared machine the
 * wall time depends on the neighbours; the CPU time (the simulation is single-threaded; the garbage collector
 * adds a little on other threads) is what the work costs. The network is the one of models_bench.ts: 10,000
 * organisations of six types, 50,000 random ties (mean degree 10), private platform, seed 1.
 *
 *   deno run -A bench/network_spiral_cpu.ts [RUNS]
 */
import { UndirectedGraph } from "../src/deps/graphology.ts";
import { agentNetworkFromGraph, simulateNetworkSpiral } from "../src/models/network_spiral.ts";
import type { TieDynamicsOptions } from "../src/models/tie_dynamics.ts";
import { Random } from "../src/core/random.ts";

function cpuMs(): number {
  const fields = Deno.readTextFileSync("/proc/self/stat").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in 10 ms ticks
}

const TYPES = ["firm", "university", "research_institute", "intermediary", "government", "other"];
const rng = new Random(7);
const g = new UndirectedGraph();
for (let k = 0; k < 10_000; k++) g.addNode(String(k), { type: TYPES[rng.int(TYPES.length)] });
for (let added = 0; added < 50_000;) {
  const a = rng.int(10_000), b = rng.int(10_000);
  if (a === b || g.hasEdge(String(a), String(b))) continue;
  g.addEdge(String(a), String(b));
  added++;
}
const NET = agentNetworkFromGraph(g);
const RUNS: [string, TieDynamicsOptions | undefined][] = [
  ["fixed network", undefined],
  ["dynamics, formation 0 and decay 0", { formation: 0, decay: 0 }],
  ["complementarity (defaults)", { rule: "complementarity" }],
  ["similarity (defaults)", { rule: "similarity" }],
  ["complementarity, 4 + 4 candidates", { candidates: { friendsOfFriends: 4, strangers: 4 } }],
  ["similarity, formation 0.2, decay 0.01", { rule: "similarity", formation: 0.2, decay: 0.01 }],
];
const runs = Number(Deno.args[0] ?? 3);
for (const [label, dynamics] of RUNS) {
  const walls: number[] = [], cpus: number[] = [];
  let end = "";
  for (let k = 0; k < runs; k++) {
    const t = performance.now(), c = cpuMs();
    const r = simulateNetworkSpiral(NET, {
      order: "private",
      steps: 1000,
      seed: 1,
      ...(dynamics ? { dynamics } : {}),
    });
    walls.push(performance.now() - t);
    cpus.push(cpuMs() - c);
    const last = r.network.objects().at(-1) as Record<string, number>;
    end = `end: ${last.ties} ties, mean degree ${last.mean_degree!.toFixed(1)}, clustering ${
      last.clustering!.toFixed(3)
    }`;
  }
  console.log(
    `${label}: wall min ${Math.min(...walls).toFixed(0)} ms, cpu min ${
      Math.min(...cpus)
    } ms (${runs} runs); ${end}`,
  );
}
