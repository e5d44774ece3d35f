/**
 * Seeded synthetic long panels for `panels_bench.ts`: region × sector × year tables of counts as a
 * researcher's aggregated micro-data look (only the non-zero cells are rows).
 */
import * as aq from "../src/deps/arquero.ts";
import type { ColumnTable } from "../src/deps/arquero.ts";
import { Random } from "../src/core/random.ts";

/**
 * A long table `region, sector, value, year` over `years`: region r has capability c_r, sector s complexity
 * q_s (uniform, fixed over time); each year, region r holds sector s with probability rising with
 * c_r − q_s (about `fill` of the cells, a nested structure as in `_complexity_pipeline.ts`), log-normal
 * volumes; cells without activity are not rows.
 */
export function syntheticPanel(
  nrow: number,
  ncol: number,
  years: readonly number[],
  fill = 0.15,
  seed = 1,
): ColumnTable {
  const rng = new Random(seed);
  const c = Float64Array.from({ length: nrow }, () => rng.next());
  const q = Float64Array.from({ length: ncol }, () => rng.next());
  const rows = Array.from({ length: nrow }, (_, i) => `r${i}`);
  const cols = Array.from({ length: ncol }, (_, j) => `s${j}`);
  const region: string[] = [], sector: string[] = [], value: number[] = [], year: number[] = [];
  for (const y of years) {
    for (let i = 0; i < nrow; i++) {
      for (let j = 0; j < ncol; j++) {
        const p = (2 * fill * (0.25 + c[i]! * (1.5 - q[j]!))) / 1.25;
        if (rng.next() >= p) continue;
        region.push(rows[i]!);
        sector.push(cols[j]!);
        value.push(Math.round(Math.exp(rng.normal({ mean: 2, sd: 1 }))) + 1);
        year.push(y);
      }
    }
  }
  return aq.table({ region, sector, value: Float64Array.from(value), year: Int32Array.from(year) });
}
