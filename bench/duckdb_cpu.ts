/**
 * Wall and CPU time of `scanLong` calls in one process (Linux: CPU from /proc/self/stat). On a shared
 * machine the wall time depends on the neighbours; the CPU time is what the work costs, and wall ≈ CPU / 2
 * on two free cores. The first call includes loading DuckDB.
 *
 *   deno run -A bench/_large_inputs.ts csv /tmp/long.csv
 *   deno run -A bench/duckdb_cpu.ts csv /tmp/long.csv 7
 *   deno run -A bench/_large_inputs.ts patents /tmp/patents.parquet 100000000
 *   deno run -A bench/duckdb_cpu.ts patents /tmp/patents.parquet 3
 */
import { scanLong } from "../src/mod.ts";

function cpuMs(): number {
  const fields = Deno.readTextFileSync("/proc/self/stat").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in 10 ms ticks
}

const [kind, path, runs = "5"] = Deno.args;
if ((kind !== "csv" && kind !== "patents") || !path) {
  throw new Error("usage: duckdb_cpu.ts csv|patents PATH [RUNS]");
}
const walls: number[] = [], cpus: number[] = [];
for (let k = 0; k < Number(runs); k++) {
  const t = performance.now(), c = cpuMs();
  const cells = kind === "csv"
    ? (await scanLong(path, { as: "matrix" })).matrix.data.length
    : (await scanLong(path, { sector: "field", value: "count", year: "year" })).table.numRows();
  walls.push(performance.now() - t);
  cpus.push(cpuMs() - c);
  console.log(`run ${k + 1}: wall ${walls.at(-1)!.toFixed(0)} ms, cpu ${cpus.at(-1)} ms, ${cells} cells`);
}
const median = (x: number[]) => [...x].sort((a, b) => a - b)[Math.floor(x.length / 2)]!;
console.log(
  `wall min ${Math.min(...walls).toFixed(0)} / median ${median(walls).toFixed(0)} ms; ` +
    `cpu min ${Math.min(...cpus)} / median ${median(cpus)} ms`,
);
