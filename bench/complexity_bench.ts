/**
 * Benchmarks of the complexity pipeline (issue 3): RCA → presence → proximity → density → ECI/PCI →
 * COI/COG on the 226 × 785 world-trade matrix and on seeded synthetic matrices with about 15 % presence
 * (500 × 200, 1,000 × 400, 2,000 × 700, 3,000 × 1,000; target: 3,000 × 1,000 under 3 s).
 * Run with `deno bench -A bench/complexity_bench.ts`; peak memory: `deno run -A bench/complexity_memory.ts`.
 */
import { pipeline, synthetic } from "./_complexity_pipeline.ts";
import { worldTrade } from "../tests/indicators/world_trade_fixture.ts";
import { complexity } from "../src/indicators/complexity.ts";
import { presence } from "../src/indicators/presence.ts";
import { proximity } from "../src/indicators/proximity.ts";
import { density } from "../src/indicators/density.ts";
import { locationQuotient } from "../src/indicators/location_quotient.ts";

const world = await worldTrade();

Deno.bench({
  name: "world trade 226 × 785: full pipeline",
  group: "pipeline",
  baseline: true,
  fn: () => void pipeline(world),
});

for (const [r, c] of [[500, 200], [1000, 400], [2000, 700], [3000, 1000]] as const) {
  const x = synthetic(r, c);
  Deno.bench({
    name: `synthetic ${r} × ${c} (15 % presence): full pipeline${r === 3000 ? " (target < 3 s)" : ""}`,
    group: "pipeline",
    n: r >= 2000 ? 3 : 10,
    warmup: 1,
    fn: () => void pipeline(x),
  });
}

// the stages on the largest matrix, to see where the time goes
const big = synthetic(3000, 1000);
const M = presence(locationQuotient(big));
const phi = proximity(M);
Deno.bench({
  name: "3,000 × 1,000: RCA + presence",
  group: "stages",
  n: 5,
  fn: () => void presence(locationQuotient(big)),
});
Deno.bench({
  name: "3,000 × 1,000: proximity (sparse MᵀM)",
  group: "stages",
  n: 5,
  fn: () => void proximity(M),
});
Deno.bench({ name: "3,000 × 1,000: density", group: "stages", n: 5, fn: () => void density(M, { phi }) });
Deno.bench({ name: "3,000 × 1,000: ECI/PCI (Lanczos)", group: "stages", n: 5, fn: () => void complexity(M) });
Deno.bench({
  name: "3,000 × 1,000: fitness–complexity (20 iterations)",
  group: "stages",
  n: 5,
  fn: () => void complexity(M, { method: "fitness" }),
});
