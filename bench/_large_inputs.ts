/**
 * Input files of the large-input benchmarks (`duckdb_bench.ts`, the whole-process runs in bench/README.md):
 * a long CSV of regions × sectors and a patent-level Parquet file, both generated (seeded), never shipped.
 * @module
 */
import { Random } from "../src/core/random.ts";
import { withEngine } from "../src/data/duckdb_engine.ts";
import { sqlString } from "../src/data/duckdb_engine.ts";

/**
 * Write a long CSV `region,sector,value` of `regions` × `sectors` cells of which about `fill` are present
 * (3,000 × 1,000 at 35 % gives ≈ 1.05 M rows, ≈ 16 MB). Region r has capability c_r and sector s complexity
 * q_s (uniform); a cell is present with probability fill · (0.25 + c_r (1.5 − q_s)) / 0.75 (mean `fill`, a
 * nested structure as in real data), its value a log-normal head count (integer ≥ 1). Codes are text with
 * leading zeros (`R0042`, `0161`).
 */
export async function writeLongCsv(
  path: string,
  options: { regions?: number; sectors?: number; fill?: number; seed?: number } = {},
): Promise<number> {
  const { regions = 3000, sectors = 1000, fill = 0.35, seed = 1 } = options;
  const rng = new Random(seed);
  const c = Float64Array.from({ length: regions }, () => rng.next());
  const q = Float64Array.from({ length: sectors }, () => rng.next());
  const rw = String(regions - 1).length, sw = Math.max(4, String(sectors - 1).length);
  const lines: string[] = ["region,sector,value"];
  for (let i = 0; i < regions; i++) {
    const r = `R${String(i).padStart(rw, "0")}`;
    for (let j = 0; j < sectors; j++) {
      if (rng.next() < fill * (0.25 + c[i]! * (1.5 - q[j]!)) / 0.75) {
        lines.push(
          `${r},${String(j).padStart(sw, "0")},${
            1 + Math.round(10 * Math.exp(rng.normal({ mean: 2, sd: 1 })))
          }`,
        );
      }
    }
  }
  await Deno.writeTextFile(path, lines.join("\n") + "\n");
  return lines.length - 1;
}

/**
 * Write a patent-level Parquet file with DuckDB itself: `rows` patents with `region` (text `R0000`…),
 * `field` (WIPO's 35 technology fields, text `01`…`35`), `year` (1981–2020) and `count` (1–3 inventors),
 * spread uniformly by DuckDB's `hash` of the row number (rows in no particular order: the worst case for
 * the aggregation). `regions` = 300 (about the NUTS-2 regions of Europe) gives 300 × 35 × 40 = 420,000
 * cells.
 */
export async function writePatents(path: string, rows: number, regions = 300): Promise<void> {
  await withEngine(async (db) => {
    await db.run(
      `COPY (SELECT 'R' || lpad(CAST(hash(i) % ${regions} AS VARCHAR), 4, '0') AS region,
                    lpad(CAST(1 + hash(i + 1) % 35 AS VARCHAR), 2, '0') AS field,
                    CAST(1981 + hash(i + 2) % 40 AS SMALLINT) AS year,
                    CAST(1 + hash(i + 3) % 3 AS TINYINT) AS count
             FROM range(${rows}) t(i))
       TO ${sqlString(path)} (FORMAT parquet, COMPRESSION zstd)`,
    );
  });
}

if (import.meta.main) {
  // deno run -A bench/_large_inputs.ts csv /tmp/long.csv [regions] [sectors]
  //   |   … patents /tmp/patents.parquet [rows] [regions]
  const [kind, path, rows, regions] = Deno.args;
  if (kind === "csv" && path) {
    const size = { regions: Number(rows ?? 3000), sectors: Number(regions ?? 1000) };
    console.log(`${await writeLongCsv(path, size)} rows written to ${path}`);
  } else if (kind === "patents" && path) {
    await writePatents(path, Number(rows ?? 1e8), Number(regions ?? 300));
    console.log(`${rows ?? 1e8} rows written to ${path}`);
  } else {console.error(
      "usage: _large_inputs.ts csv PATH [REGIONS] [SECTORS] | patents PATH [ROWS] [REGIONS]",
    );}
}
