import assert from "node:assert/strict";
import { entropyWeights } from "../../src/indicators/entropy_weights.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

function close(actual: number, expected: number, tol = 1e-14, what = "") {
  assert.ok(Math.abs(actual - expected) <= tol, `${what}: expected ${expected} ± ${tol}, received ${actual}`);
}

/** e = −(1/ln m) Σ p ln p for the given scaled column. */
function entropyOf(x: number[]): number {
  const s = x.reduce((a, b) => a + b, 0);
  return -x.reduce((h, v) => h + (v / s) * Math.log(v / s), 0) / Math.log(x.length);
}

Deno.test("entropy weights match the closed form on a 3 × 2 example with a cost indicator", () => {
  const eps = 0.002;
  // A = 1, 2, 3 ("+") → x' = 0, 0.5, 1; B = 5, 1, 2 ("-") → x' = (5 − B)/4 = 0, 1, 0.75.
  const a = [0, 0.5, 1].map((v) => eps + (1 - 2 * eps) * v);
  const b = [0, 1, 0.75].map((v) => eps + (1 - 2 * eps) * v);
  const eA = entropyOf(a), eB = entropyOf(b);
  const wA = (1 - eA) / (2 - eA - eB), wB = (1 - eB) / (2 - eA - eB);
  const r = entropyWeights(
    [{ id: "r1", A: 1, B: 5 }, { id: "r2", A: 2, B: 1 }, { id: "r3", A: 3, B: 2 }],
    { indicators: { A: "+", B: "-" } },
  );
  close(r.entropy.A!, eA, 1e-14, "e_A");
  close(r.entropy.B!, eB, 1e-14, "e_B");
  close(r.weights.A!, wA, 1e-14, "w_A");
  close(r.weights.B!, wB, 1e-14, "w_B");
  close(r.weights.A! + r.weights.B!, 1, 1e-15, "Σw");
  const score = r.table.array("score") as Float64Array;
  [0, 1, 2].forEach((i) => close(score[i]!, wA * a[i]! + wB * b[i]!, 1e-14, `U_${i + 1}`));
  assert.deepEqual(r.table.array("id"), ["r1", "r2", "r3"]);
  assert.deepEqual(r.warnings, []);
});

Deno.test("two rows and one indicator: e = binary entropy of (ε, 1 − ε) in bits", () => {
  const eps = 0.01;
  const r = entropyWeights([{ x: 10 }, { x: 20 }], { indicators: { x: "+" }, epsilon: eps });
  close(r.entropy.x!, -(eps * Math.log2(eps) + (1 - eps) * Math.log2(1 - eps)), 1e-14, "e");
  assert.equal(r.weights.x, 1);
  assert.deepEqual(Array.from(r.table.array("score") as Float64Array), [eps, 1 - eps]);
});

Deno.test("pooled normalisation (default) keeps years comparable; normaliseWithin scales each year alone", () => {
  const rows = [
    { e: "a", year: 2010, x: 1 },
    { e: "b", year: 2010, x: 2 },
    { e: "a", year: 2020, x: 3 },
    { e: "b", year: 2020, x: 5 },
  ];
  const pooled = entropyWeights(rows, { indicators: { x: "+" }, epsilon: 0 }).table.array("score");
  assert.deepEqual(Array.from(pooled as Float64Array), [0, 0.25, 0.5, 1]);
  const within = entropyWeights(rows, { indicators: { x: "+" }, epsilon: 0, normaliseWithin: "year" });
  assert.deepEqual(Array.from(within.table.array("score") as Float64Array), [0, 1, 0, 1]);
});

Deno.test("a constant indicator gets weight 0 with a warning; all constant gives equal weights", () => {
  const r = entropyWeights([{ x: 1, y: 7 }, { x: 2, y: 7 }, { x: 4, y: 7 }], {
    indicators: { x: "+", y: "+" },
  });
  assert.equal(r.weights.y, 0);
  assert.equal(r.weights.x, 1);
  assert.match(r.warnings.join("\n"), /indicator "y" is constant: scaled to 0.5/);
  const all = entropyWeights([{ x: 1, y: 7 }, { x: 1, y: 7 }], { indicators: { x: "+", y: "-" } });
  assert.deepEqual(all.weights, { x: 0.5, y: 0.5 });
  assert.match(all.warnings.join("\n"), /no indicator varies/);
  const one = entropyWeights([{ x: 1, y: 7 }], { indicators: { x: "+", y: "-" } });
  assert.deepEqual(one.weights, { x: 0.5, y: 0.5 });
  assert.match(one.warnings.join("\n"), /a single row/);
  assert.ok(!Number.isNaN(one.table.get("score", 0)));
});

Deno.test("invalid input and parameters are ValidationErrors naming the row, column and value", () => {
  assert.throws(
    () => entropyWeights([{ x: 1 }, { x: Number.NaN }], { indicators: { x: "+" } }),
    (e: unknown) =>
      e instanceof ValidationError &&
      e.message.includes('row 2, column "x": expected a finite number, received NaN'),
  );
  assert.throws(
    () => entropyWeights([{ x: 1 }], { indicators: { z: "+" } }),
    (e: unknown) =>
      e instanceof ValidationError && e.message.includes('column "z": expected a numeric column "z"'),
  );
  assert.throws(
    // deno-lint-ignore no-explicit-any
    () => entropyWeights([{ x: 1 }], { indicators: { x: "up" as any }, epsilon: 0.7 }),
    (e: unknown) =>
      e instanceof ValidationError &&
      e.message.includes('column "indicators.x": expected "+" or "-", received "up"') &&
      e.message.includes('column "epsilon": expected a number in [0, 0.5), received 0.7'),
  );
  assert.throws(
    () => entropyWeights([{ x: "3" }], { indicators: { x: "+" } }),
    (e: unknown) => e instanceof ValidationError && e.message.includes('received "3"'),
  );
});

Deno.test("entropyWeights: the table is also reachable under its deprecated name scores", () => {
  const r = entropyWeights([{ x: 1 }, { x: 2 }], { indicators: { x: "+" } });
  assert.equal(r.scores, r.table);
});
