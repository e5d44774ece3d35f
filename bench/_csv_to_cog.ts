/**
 * The whole process a user runs on a long CSV (timed from outside, e.g. with `/usr/bin/time -v`, over repeated runs: bench/README.md):
 * start, read the CSV into the region × sector matrix, RCA → presence → proximity → density → ECI/PCI →
 * COI/COG, exit. `--arquero` reads with `readCSV` + `matrixFrom` instead of `scanLong` (the 0.1 path);
 * `--engine duckdb` (or `js`) forces `scanLong`'s engine (default `"auto"`: the JS reader for a plain CSV).
 *
 *   deno run -A bench/_large_inputs.ts csv /tmp/long.csv
 *   for i in 1 2 3 4 5; do /usr/bin/time -v deno run -A bench/_csv_to_cog.ts /tmp/long.csv; done
 *   for i in 1 2 3 4 5; do /usr/bin/time -v deno run -A bench/_csv_to_cog.ts /tmp/long.csv --engine duckdb; done
 */
import { matrixFrom, readCSV, scanLong } from "../src/mod.ts";
import { pipeline } from "./_complexity_pipeline.ts";

const [path, mode, engineArg] = Deno.args;
if (!path) throw new Error("usage: _csv_to_cog.ts LONG.csv [--arquero | --engine auto|duckdb|js]");
const engine = mode === "--engine" ? engineArg as "auto" | "duckdb" | "js" : undefined;
const t0 = performance.now();
const x = mode === "--arquero"
  ? matrixFrom(await readCSV(path, { text: ["region", "sector"] }), {
    region: "region",
    sector: "sector",
    value: "value",
  })
  : (await scanLong(path, { as: "matrix", ...(engine ? { engine } : {}) })).matrix;
const t1 = performance.now();
const { o } = pipeline(x);
const t2 = performance.now();
console.log(
  `${x.nrow} × ${x.ncol}: read ${(t1 - t0).toFixed(0)} ms, pipeline ${(t2 - t1).toFixed(0)} ms, COI[0] ${
    o.coi.values[0]!.toFixed(6)
  }`,
);
