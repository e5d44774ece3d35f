/** The swept model of bench/sweep_workers_cpu.ts, named by module and export so that workers can import it. */
import { simulateMarch } from "../src/models/march.ts";
import type { SweepParams } from "../src/models/sweep.ts";

/** March's (1991) Figure 1 cell: mean code knowledge at equilibrium over `runs` runs (the runs parameter). */
export function marchFigure1(p: SweepParams): number {
  return simulateMarch({ p1: p.p1 as number, p2: p.p2 as number }, { runs: p.runs as number, seed: p.seed })
    .knowledge;
}
