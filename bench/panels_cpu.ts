/**
 * Wall and CPU time of the panel benchmarks' calls in one process (Linux: CPU from /proc/self/stat). On a
 * shared machine the wall time depends on the neighbours; the CPU time is what the work costs (the calls are
 * single-threaded, so wall ≈ CPU on a free core).
 *
 *   deno run -A bench/panels_cpu.ts [RUNS]
 */
import { syntheticPanel } from "./_panels.ts";
import { complexityPanel } from "../src/indicators/complexity_panel.ts";
import { relatednessEntry } from "../src/models/relatedness_entry.ts";

function cpuMs(): number {
  const fields = Deno.readTextFileSync("/proc/self/stat").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in 10 ms ticks
}
const median = (x: number[]) => [...x].sort((a, b) => a - b)[Math.floor(x.length / 2)]!;

function time(name: string, runs: number, fn: () => unknown): void {
  const walls: number[] = [], cpus: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t = performance.now(), c = cpuMs();
    fn();
    walls.push(performance.now() - t);
    cpus.push(cpuMs() - c);
  }
  console.log(
    `${name}: wall median ${(median(walls) / 1000).toFixed(2)} s (min ${
      (Math.min(...walls) / 1000).toFixed(2)
    }), ` +
      `cpu median ${(median(cpus) / 1000).toFixed(2)} s (min ${(Math.min(...cpus) / 1000).toFixed(2)})`,
  );
}

const runs = Number(Deno.args[0] ?? 3);
const big = syntheticPanel(3000, 1000, Array.from({ length: 23 }, (_, k) => 1998 + k));
time(
  "complexityPanel, 23 × 3,000 × 1,000, pooled",
  runs,
  () => complexityPanel(big, { standardise: "pooled" }),
);
const two = syntheticPanel(2000, 590, [2000, 2010], 0.15, 3);
const FT = { from: 2000, to: 2010 } as const;
time("relatednessEntry, 10⁶ rows, logit", runs, () => relatednessEntry(two, FT));
time(
  "relatednessEntry, 10⁶ rows, logit + 2 FE, cluster",
  runs,
  () => relatednessEntry(two, { ...FT, fixedEffects: ["region", "sector"], cluster: "region" }),
);
time(
  "relatednessEntry, 10⁶ rows, LPM + 2 FE, cluster",
  runs,
  () => relatednessEntry(two, { ...FT, model: "lpm", fixedEffects: ["region", "sector"], cluster: "region" }),
);
