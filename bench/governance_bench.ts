/**
 * Speed of the knowledge-governance classifiers: entropy weights, coupling coordination, the governance
 * classifier with its bootstrap, and the organisation-level alliance stock (graphology).
 */
import { allianceStock } from "../src/indicators/alliance_stock.ts";
import { entropyWeights } from "../src/indicators/entropy_weights.ts";
import { couplingCoordination } from "../src/classify/coupling.ts";
import { classifyGovernance } from "../src/classify/governance.ts";
import { Random } from "../src/core/random.ts";

const rng = new Random(42);
const panel = Array.from({ length: 10_000 }, (_, i) => ({
  entity: `e${i % 500}`,
  year: 2000 + Math.floor(i / 500),
  a: rng.next() * 100,
  b: rng.next() * 10,
  c: rng.next(),
  d: rng.next() * 5,
  u1: rng.next(),
  u2: rng.next(),
  u3: rng.next(),
}));
const small = panel.slice(0, 341);

Deno.bench("entropyWeights: 10,000 rows × 4 indicators", () => {
  entropyWeights(panel, { indicators: { a: "+", b: "+", c: "-", d: "+" } });
});

Deno.bench("couplingCoordination: 10,000 rows × 3 subsystems", () => {
  couplingCoordination(panel, ["u1", "u2", "u3"]);
});

Deno.bench("classifyGovernance: 341 rows (China-sized), 200 bootstrap replicates", () => {
  classifyGovernance(small, { knowledge: { a: "+", b: "+" }, alliance: { c: "+", d: "+" } }, {
    bootstrap: { replicates: 200, seed: 1 },
  });
});

const nOrg = 5_000;
const orgs = Array.from({ length: nOrg }, (_, i) => ({
  id: `o${i}`,
  name: `o${i}`,
  type: ["firm", "university", "research_institute", "government"][i % 4]!,
  region: `r${i % 30}`,
}));
const ties = Array.from({ length: 50_000 }, () => ({
  source: `o${rng.int(nOrg)}`,
  target: `o${rng.int(nOrg)}`,
  year: 2015 + rng.int(6),
}));

Deno.bench("allianceStock: 5,000 organisations, 50,000 ties, 30 regions × 6 years, window 3", () => {
  allianceStock(ties, orgs, { window: 3 });
});
