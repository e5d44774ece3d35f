/**
 * Peak memory of the complexity pipeline on the synthetic 3,000 × 1,000 matrix (15 % presence), sampled
 * with `Deno.memoryUsage()` between stages (target < 1 GB). Run: `deno run -A bench/complexity_memory.ts`.
 */
import { synthetic } from "./_complexity_pipeline.ts";
import { locationQuotient } from "../src/indicators/location_quotient.ts";
import { presence } from "../src/indicators/presence.ts";
import { proximity } from "../src/indicators/proximity.ts";
import { density } from "../src/indicators/density.ts";
import { complexity } from "../src/indicators/complexity.ts";
import { opportunity } from "../src/indicators/opportunity.ts";

let peak = 0;
const mb = (b: number) => (b / 2 ** 20).toFixed(0);
function sample(stage: string) {
  const m = Deno.memoryUsage();
  peak = Math.max(peak, m.rss);
  console.log(
    `${stage.padEnd(22)} rss ${mb(m.rss)} MB, heap used ${mb(m.heapUsed)} MB, external ${mb(m.external)} MB`,
  );
}
sample("start");
const t0 = performance.now();
const x = synthetic(3000, 1000);
sample("input 3,000 × 1,000");
const t1 = performance.now();
const M = presence(locationQuotient(x));
sample("RCA + presence");
const phi = proximity(M);
sample("proximity");
const d = density(M, { phi });
sample("density");
const cx = complexity(M);
sample("ECI/PCI");
const o = opportunity(M, { phi, density: d, complexity: cx });
sample("COI/COG");
const t2 = performance.now();
console.log(
  `pipeline ${(t2 - t1).toFixed(0)} ms (input generation ${(t1 - t0).toFixed(0)} ms); fill ${
    M.sparse.fill.toFixed(3)
  }; ` +
    `peak rss ${mb(peak)} MB; ${o.cog.data.length} COG cells`,
);
