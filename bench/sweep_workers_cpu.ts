/**
 * Wall and CPU time of `sweep` over March's (1991) Figure 1 grid, 9 p1 × 3 p2 cells × RUNS runs of the
 * model each (default 1,000, as in notebook 04), serial (`workers: 1`) and on 2 workers, in one process
 * (Linux: CPU from /proc/self/stat, all threads, workers included); checks that both tables are the same
 * text. On a shared machine the wall time depends on the neighbours: read the load average printed.
 *
 *   deno run -A bench/sweep_workers_cpu.ts [RUNS] [REPEATS]
 */
import { sweep } from "../src/models/sweep.ts";
import { marchFigure1 } from "./_sweep_model.ts";

function cpuMs(): number {
  const fields = Deno.readTextFileSync("/proc/self/stat").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in 10 ms ticks
}

const RUNS = Number(Deno.args[0] ?? 1000), REPEATS = Number(Deno.args[1] ?? 3);
const grid = { p1: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9], p2: [0.1, 0.5, 0.9], runs: [RUNS] };
const ref = { module: new URL("./_sweep_model.ts", import.meta.url), export: "marchFigure1" };
const csv: Record<number, string> = {};
for (const workers of [1, 2]) {
  const walls: number[] = [], cpus: number[] = [];
  for (let k = 0; k < REPEATS; k++) {
    const t0 = performance.now(), c0 = cpuMs();
    const t = await sweep(workers === 1 ? marchFigure1 : ref, grid, { workers });
    walls.push(performance.now() - t0);
    cpus.push(cpuMs() - c0);
    csv[workers] = t.toCSV();
  }
  const median = (x: number[]) => x.slice().sort((a, b) => a - b)[Math.floor(x.length / 2)]!;
  console.log(
    `workers ${workers}: wall ${(median(walls) / 1000).toFixed(2)} s, CPU ${
      (median(cpus) / 1000).toFixed(2)
    } s ` +
      `(median of ${REPEATS}; walls ${walls.map((w) => (w / 1000).toFixed(2)).join(", ")})`,
  );
}
console.log(
  `same table: ${csv[1] === csv[2]}; load average ${Deno.loadavg().map((x) => x.toFixed(1)).join(" ")}`,
);
