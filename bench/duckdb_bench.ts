/**
 * The DuckDB path for large inputs (issue "Scale and speed", sections 1 and 2):
 * - a patent-level Parquet file of 10⁸ rows (region, field, year, count; written by DuckDB) aggregated to
 *   region × field × year into an arquero table with `scanLong` (target ≤ 10 s);
 * - the long CSV of 3,000 regions × 1,000 sectors (≈ 1.05 M rows, 35 % of the cells) to the matrix with
 *   `scanLong(…, { as: "matrix", engine: "duckdb" })` (target ≤ 0.8 s) and with the JS reader
 *   (`engine: "js"`, the default for such a file; target ≤ 0.25 s in a fresh process), against `readCSV` +
 *   `matrixFrom` (the arquero path);
 * - `writeParquet` / `readParquet` of the 1.05 M-row long table.
 *
 * The inputs are generated in a temporary folder on first use (in the warm-up run, not timed) and removed at
 * the end. Generating the 10⁸-row file takes one to two minutes; `BENCH_PATENT_ROWS=10000000` runs a smaller
 * one, `--filter "long CSV"` only the CSV benchmarks.
 */
import { matrixFrom, readCSV, readParquet, scanLong, writeParquet } from "../src/mod.ts";
import { writeLongCsv, writePatents } from "./_large_inputs.ts";

const dir = await Deno.makeTempDir({ prefix: "clusterlab-bench-" });
globalThis.addEventListener("unload", () => Deno.removeSync(dir, { recursive: true }));

/** Each input is generated on first use (in the uncounted warm-up run), so `--filter` skips the others. */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}
const patentRows = Number(Deno.env.get("BENCH_PATENT_ROWS") ?? 1e8);
const patents = once(async () => {
  await writePatents(`${dir}/patents.parquet`, patentRows);
  return `${dir}/patents.parquet`;
});
const long = once(async () => {
  await writeLongCsv(`${dir}/long.csv`);
  return `${dir}/long.csv`;
});
const longTable = once(async () => (await scanLong(await long())).table);
const longParquet = once(async () => {
  await writeParquet(await longTable(), `${dir}/long.parquet`);
  return `${dir}/long.parquet`;
});

const rowsLabel = patentRows === 1e8 ? "10⁸" : patentRows.toLocaleString("en");
Deno.bench({
  name: `patents: ${rowsLabel} Parquet rows → region × field × year arquero table (target ≤ 10 s)`,
  group: "patents",
  n: 3,
  warmup: 1,
  fn: async () => {
    const { table } = await scanLong(await patents(), { sector: "field", value: "count", year: "year" });
    if (table.numRows() !== 300 * 35 * 40) throw new Error(`${table.numRows()} cells`);
  },
});

Deno.bench({
  name: "long CSV 3,000 × 1,000 (1.05 M rows) → matrix: scanLong, DuckDB (target ≤ 0.8 s)",
  group: "long CSV",
  baseline: true,
  n: 5,
  warmup: 1,
  fn: async () => {
    const { matrix } = await scanLong(await long(), { as: "matrix", engine: "duckdb" });
    if (matrix.nrow !== 3000 || matrix.ncol !== 1000) throw new Error("shape");
  },
});

Deno.bench({
  name: "long CSV 3,000 × 1,000 → matrix: scanLong, JS reader (engine: js; target ≤ 0.25 s)",
  group: "long CSV",
  n: 10,
  warmup: 1,
  fn: async () => {
    const { matrix, engine } = await scanLong(await long(), { as: "matrix", engine: "js" });
    if (matrix.nrow !== 3000 || matrix.ncol !== 1000 || engine !== "js") throw new Error("shape");
  },
});

Deno.bench({
  name: "long CSV 3,000 × 1,000 → matrix: readCSV + matrixFrom (arquero)",
  group: "long CSV",
  n: 3,
  warmup: 1,
  fn: async () => {
    const t = await readCSV(await long(), { text: ["region", "sector"] });
    matrixFrom(t, { region: "region", sector: "sector", value: "value" });
  },
});

Deno.bench({
  name: "long table 1.05 M rows: writeParquet",
  group: "parquet",
  n: 3,
  warmup: 1,
  fn: async () => void await writeParquet(await longTable(), `${dir}/written.parquet`),
});

Deno.bench({
  name: "long table 1.05 M rows: readParquet",
  group: "parquet",
  n: 5,
  warmup: 1,
  fn: async () => void await readParquet(await longParquet()),
});
