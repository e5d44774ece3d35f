/**
 * Input of the `deno task report` benchmark (bench/README.md, "Report"): a seeded long CSV of 50,000 rows,
 * generated, never shipped.
 *
 *   deno run -A bench/_report_input.ts FILE.csv            250 regions × 100 sectors × 2 years, every cell
 *   deno run -A bench/_report_input.ts FILE.csv --sparse   500 regions × 200 sectors, one year, half the cells
 *
 * Region r has capability c_r and sector s complexity q_s (uniform), as in `_large_inputs.ts`; a value is a
 * log-normal head count scaled by c_r (1.5 − q_s), 0 for about one cell in ten. Codes are text with leading
 * zeros (`R042`, `0161`).
 * @module
 */
import { Random } from "../src/core/random.ts";

/** Write the long CSV; the number of data rows. */
export async function writeReportCsv(path: string, sparse = false, seed = 1): Promise<number> {
  const [regions, sectors, years] = sparse ? [500, 200, [2020]] : [250, 100, [2019, 2020]];
  const rng = new Random(seed);
  const c = Float64Array.from({ length: regions }, () => rng.next());
  const q = Float64Array.from({ length: sectors }, () => rng.next());
  const lines = ["region,sector,year,employment"];
  for (let i = 0; i < regions; i++) {
    const r = `R${String(i).padStart(3, "0")}`;
    for (let j = 0; j < sectors; j++) {
      const s = String(j * 7).padStart(4, "0");
      if (sparse && rng.next() >= 0.5) continue;
      for (const y of years) {
        const v = rng.next() < 0.1 ? 0 : Math.round(
          10 * (0.2 + c[i]! * (1.5 - q[j]!)) *
            Math.exp(rng.normal({ mean: 2, sd: 1 })),
        );
        lines.push(`${r},${s},${y},${v}`);
      }
    }
  }
  await Deno.writeTextFile(path, lines.join("\n") + "\n");
  return lines.length - 1;
}

if (import.meta.main) {
  const [path] = Deno.args;
  if (!path) throw new Error("usage: deno run -A bench/_report_input.ts FILE.csv [--sparse]");
  console.log(`${await writeReportCsv(path, Deno.args.includes("--sparse"))} rows → ${path}`);
}
