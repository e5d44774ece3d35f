/** Speed of the dynamic models: ODE integration, Jacobian eigenvalues, catch-up fits. */
import { fitCatchUp, policyScenario, simulateSymbiosis, solveODE } from "../src/mod.ts";
import { eigenvaluesGeneral } from "../src/advanced.ts";

const n = 35;
const sigma = Array.from(
  { length: n },
  (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 0 : -0.01 * ((i + j) % 3))),
);
const p = { r: Array(n).fill(0.5), N: Array(n).fill(100), sigma };
const x0 = Array(n).fill(5);

Deno.bench("simulateSymbiosis, 35 populations, t = 0..200 (dopri5)", () => {
  simulateSymbiosis(p, x0, { tEnd: 200, dt: 1 });
});
Deno.bench("solveODE rk4, 3-D linear system, 100k steps", () => {
  solveODE(
    (_t, y, dy) => {
      dy[0] = -y[1]!;
      dy[1] = y[0]!;
      dy[2] = -0.1 * y[2]!;
    },
    [1, 0, 1],
    100,
    { dt: 1, method: "rk4", step: 0.001 },
  );
});
Deno.bench("eigenvaluesGeneral, 100 × 100", () => {
  let s = 3;
  const rnd = () => ((s = (s * 16807) % 2147483647) / 2147483647) - 0.5;
  eigenvaluesGeneral(Array.from({ length: 100 }, () => Array.from({ length: 100 }, rnd)));
});
const t = Array.from({ length: 56 }, (_, i) => 1960 + i);
const b = t.map((y) => 0.2 + 0.6 / (1 + Math.exp(-0.1 * (y - 1985))));
Deno.bench("fitCatchUp logistic, 56 points", () => {
  fitCatchUp(t, b);
});

// policyScenario: 35 WIPO-like fields, three scenarios to t = 100, Jacobian eigenvalues, 10 seeded shocks each
const fields = Array.from({ length: n }, (_, i) => `F${i + 1}`);
const capacity = fields.map((_, i) => 1000 + 500 * ((i * 7) % 11));
Deno.bench("policyScenario, 35 fields × 3 scenarios, t = 0..100, 10 shocks", () => {
  policyScenario(
    { fields, capacity, calibrate: true, major: 5, budget: 20000, competition: 0.01, spillover: 0.02 },
    { shocks: { count: 10, size: 0.2, horizon: 5, seed: 1 } },
  );
});
Deno.bench(
  "policyScenario, model: coevolution, 35 fields + O + I × 3 scenarios, t = 0..100, 10 shocks",
  () => {
    policyScenario({
      fields,
      capacity,
      calibrate: true,
      major: 5,
      budget: 20000,
      competition: 0.01,
      spillover: 0.02,
      model: "coevolution",
    }, { shocks: { count: 10, size: 0.2, horizon: 5, seed: 1 } });
  },
);
