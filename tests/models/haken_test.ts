import assert from "node:assert/strict";
import { fitHaken, type HakenSeries } from "../../src/models/haken.ts";
import { Random } from "../../src/core/random.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

const close = (a: number, b: number, tol: number) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

/** Simulate the discrete Haken model for several entities, with optional seeded noise. */
function simulate(p: { l1: number; l2: number; a: number; b: number }, noise: number, seed: number) {
  const rng = new Random(seed);
  const panel: HakenSeries[] = [];
  for (let e = 0; e < 8; e++) {
    const q1 = [0.5 + 0.1 * e], q2 = [0.2 + 0.05 * e];
    for (let t = 0; t < 14; t++) {
      q1.push((1 - p.l1) * q1[t]! - p.a * q1[t]! * q2[t]! + noise * rng.normal());
      q2.push((1 - p.l2) * q2[t]! + p.b * q1[t]! ** 2 + noise * rng.normal());
    }
    panel.push({ q1, q2 });
  }
  return panel;
}

const P = { l1: -0.03, l2: 0.5, a: 0.02, b: 0.3 };

Deno.test("fitHaken(): recovers the parameters of noiseless simulated data exactly", () => {
  const f = fitHaken(simulate(P, 0, 1));
  close(f.lambda1, P.l1, 1e-10);
  close(f.lambda2, P.l2, 1e-10);
  close(f.a, P.a, 1e-10);
  close(f.b, P.b, 1e-10);
  close(f.r2[0], 1, 1e-12);
  assert.equal(f.transitions, 8 * 14);
  assert.equal(f.orderParameter, true);
  close(f.potential.c2, P.l1 / 2, 1e-10);
  close(f.potential.c4, (P.a * P.b) / (4 * P.l2), 1e-10);
  assert.deepEqual(f.warnings, []);
});

Deno.test("fitHaken(): with seeded noise the estimates stay close and are deterministic", () => {
  const f = fitHaken(simulate(P, 0.002, 42));
  close(f.lambda1, P.l1, 0.01);
  close(f.lambda2, P.l2, 0.05);
  close(f.b, P.b, 0.05);
  assert.deepEqual(fitHaken(simulate(P, 0.002, 42)), f);
  // R² = 1 − SSE/Σy² (no intercept): noise makes SSE > 0, so both equations fit well but not perfectly.
  for (const r2 of f.r2) assert.ok(r2 > 0.9 && r2 < 1, `R² ${r2} in (0.9, 1)`);
});

Deno.test("fitHaken(): failed adiabatic condition and singular designs are warnings", () => {
  const f = fitHaken(simulate({ l1: 0.5, l2: 0.05, a: 0.01, b: 0.1 }, 0, 3));
  assert.equal(f.orderParameter, false);
  assert.match(f.warnings[0]!, /adiabatic condition fails/);
  const z = fitHaken([{ q1: [1, 2, 3, 4], q2: [0, 0, 0, 0] }]);
  assert.ok(z.warnings.some((w) => /q1 equation is singular/.test(w)));
});

Deno.test("fitHaken(): invalid input names the entity and column", () => {
  assert.throws(
    () => fitHaken([{ q1: [1, 2, 3], q2: [1, 2] }]),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "panel[0].q2",
  );
  assert.throws(
    () => fitHaken([{ q1: [1, 2, 3], q2: [1, 2, 3] }, { q1: [1, NaN], q2: [1, 2] }]),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "panel[1].q1[1]",
  );
  assert.throws(() => fitHaken([]), ValidationError);
});
