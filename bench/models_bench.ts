/**
 * Benchmarks of the knowledge-spiral models (issue 5): March's Figure 1 grid, the SECI stock–flow model
 * and the agent-based SECI on a network. Run with `deno bench -A bench/models_bench.ts`.
 */
import { simulateMarch } from "../src/models/march.ts";

const P1 = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

Deno.bench({
  name: "March 1991 Figure 1 full grid: 9 p1 × 3 p2 × 1,000 runs (target < 10 s)",
  group: "march",
  n: 1,
  warmup: 0,
  fn() {
    for (const p2 of [0.1, 0.5, 0.9]) for (const p1 of P1) simulateMarch({ p1, p2, runs: 1000, seed: 1 });
  },
});

Deno.bench({
  name: "March 1991 one cell (p1 = 0.1, p2 = 0.9, 1,000 runs)",
  group: "march",
  n: 3,
  fn() {
    simulateMarch({ p1: 0.1, p2: 0.9, runs: 1000, seed: 1 });
  },
});
