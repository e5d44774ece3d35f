import assert from "node:assert/strict";
import {
  competitiveToSymbiosis,
  equilibrium,
  fixedPoints,
  simulateSymbiosis,
  stability,
  symbiosisJacobian,
} from "../../src/models/symbiosis.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

const close = (a: number, b: number, tol = 1e-9) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

Deno.test("equilibrium(): two-population closed form y1 = (1+σ12)/(1−σ12σ21), y2 = (1+σ21)/(1−σ12σ21)", () => {
  const s12 = 0.2, s21 = 0.3;
  const e = equilibrium({ N: [100, 80], sigma: [[0, s12], [s21, 0]] });
  close(e.y[0]!, (1 + s12) / (1 - s12 * s21));
  close(e.y[1]!, (1 + s21) / (1 - s12 * s21));
  close(e.x[0]!, 100 * 1.2 / 0.94);
  assert.equal(e.feasible, true);
});

Deno.test("equilibrium() says when no coexistence is feasible (strong competition) or I − Σ is singular", () => {
  const e = equilibrium({ N: [1, 1], sigma: [[0, -2], [-0.3, 0]] });
  assert.equal(e.feasible, false);
  assert.match(e.warnings[0]!, /population\(s\) 1/);
  const s = equilibrium({ N: [1, 1], sigma: [[0, 1], [1, 0]] });
  assert.equal(s.feasible, false);
  assert.match(s.warnings[0]!, /singular/);
});

Deno.test("simulateSymbiosis() converges to the closed-form mutualism equilibrium", () => {
  const p = { r: [0.5, 0.8], N: [100, 80], sigma: [[0, 0.2], [0.3, 0]] };
  const s = simulateSymbiosis(p, [5, 5], { tEnd: 100, dt: 1, populations: ["firms", "universities"] });
  const e = equilibrium(p);
  close(s.final[0]!, e.x[0]!, 1e-5);
  close(s.final[1]!, e.x[1]!, 1e-5);
  assert.equal(s.table.numRows(), 2 * 101);
  assert.deepEqual(s.table.array("population").slice(0, 2), ["firms", "universities"]);
  assert.ok(stability(p, e.x).stable);
});

Deno.test("Strogatz §6.4 rabbits vs sheep: four fixed points with the published types", () => {
  const p = competitiveToSymbiosis({ r: [3, 2], a: [[1, 2], [1, 1]] });
  assert.deepEqual(p.N, [3, 2]);
  close(p.sigma[0]![1]!, -4 / 3);
  close(p.sigma[1]![0]!, -1.5);
  // with a_ii ≠ 1: N_i = r_i/a_ii = (3/2, 2/4); σ_ij = −a_ij N_j/r_i: σ_01 = −2·0.5/3, σ_10 = −1·1.5/2
  const q = competitiveToSymbiosis({ r: [3, 2], a: [[2, 2], [1, 4]] });
  assert.deepEqual(q.N, [1.5, 0.5]);
  close(q.sigma[0]![1]!, -1 / 3);
  close(q.sigma[1]![0]!, -0.75);
  const fps = fixedPoints(p);
  const byKey = new Map(fps.map((f) => [f.x.map((v) => v.toFixed(9)).join(","), f]));
  const get = (x: number, y: number) => byKey.get(`${x.toFixed(9)},${y.toFixed(9)}`)!;
  assert.equal(fps.length, 4);
  assert.equal(get(0, 0).type.en, "unstable node");
  assert.equal(get(0, 2).type.en, "stable node");
  assert.equal(get(3, 0).type.en, "stable node");
  assert.equal(get(1, 1).type.en, "saddle");
  // eigenvalues at (1,1): −1 ± √2 (Strogatz p. 159)
  const ev = get(1, 1).eigenvalues.map((z) => z.re);
  close(ev[0]!, -1 + Math.SQRT2);
  close(ev[1]!, -1 - Math.SQRT2);
  assert.equal(get(0, 2).type.zh, "稳定结点");
  // the other Jacobians are triangular: (0,0) → 3, 2; (0,2) → −1, −2; (3,0) → −1, −3 (Strogatz pp. 157–158)
  const re = (x: number, y: number) => get(x, y).eigenvalues.map((z) => z.re);
  [[0, 0, 3, 2], [0, 2, -1, -2], [3, 0, -1, -3]].forEach(([x, y, a, b]) => {
    close(re(x!, y!)[0]!, a!);
    close(re(x!, y!)[1]!, b!);
    get(x!, y!).eigenvalues.forEach((z) => assert.equal(z.im, 0));
  });
  // the Jacobian in the original variables at (1,1): [[−1, −2], [−1, −1]] (Strogatz eq. 6.4.4)
  symbiosisJacobian(p, [1, 1]).flat().forEach((v, i) => close(v, [-1, -2, -1, -1][i]!));
});

Deno.test("simulateSymbiosis(): competitive exclusion, the start decides who survives", () => {
  const p = competitiveToSymbiosis({ r: [3, 2], a: [[1, 2], [1, 1]] });
  const a = simulateSymbiosis(p, [2, 0.5], { tEnd: 30 });
  close(a.final[0]!, 3, 1e-6);
  close(a.final[1]!, 0, 1e-6);
  const b = simulateSymbiosis(p, [0.5, 2], { tEnd: 30 });
  close(b.final[0]!, 0, 1e-6);
  close(b.final[1]!, 2, 1e-6);
});

Deno.test("invalid parameters give ValidationErrors naming the parameter", () => {
  assert.throws(
    () => simulateSymbiosis({ r: [1, -1], N: [1, 1], sigma: [[0, 0], [0, 0]] }, [1, 1]),
    (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.equal(e.issues[0]!.column, "r[1]");
      return true;
    },
  );
  assert.throws(() => equilibrium({ N: [1, 1], sigma: [[0, 1]] }), /sigma/);
  assert.throws(() => competitiveToSymbiosis({ r: [1, 1], a: [[0, 1], [1, 1]] }), /a\[0\]\[0\]/);
  assert.throws(
    () => symbiosisJacobian({ r: [1, 1], N: [1, 1], sigma: [[0, 0], [0, 0]] }, [1, NaN]),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "x[1]",
  );
  assert.throws(
    () =>
      simulateSymbiosis({ r: [1, 1], N: [1, 1], sigma: [[0, 0], [0, 0]] }, [1, 1], { populations: ["K"] }),
    /populations/,
  );
  assert.throws(() => stability({ r: [1], N: [1], sigma: [[0]] }, [1], { tolerance: -1 }), /tolerance/);
});

Deno.test("stability() and fixedPoints() pass their tolerance to the classification", () => {
  // logistic x' = x(1 − x) at x = 1: J = −1, stable; with tolerance 2 the real part counts as 0
  const p = { r: [1], N: [1], sigma: [[0]] };
  assert.equal(stability(p, [1]).type.en, "stable node");
  assert.equal(stability(p, [1], { tolerance: 2 }).type.en, "non-hyperbolic (linearisation inconclusive)");
  assert.deepEqual(fixedPoints(p, { tolerance: 2 }).map((f) => f.stable), [false, false]);
  assert.deepEqual(fixedPoints(p).map((f) => [f.x[0], f.type.en]), [[0, "unstable node"], [
    1,
    "stable node",
  ]]);
});

Deno.test("simulateSymbiosis({ r, N, sigma, x0, names, tEnd, … }): the 0.1 form equals (params, x0, options)", () => {
  const p = { r: [1, 0.8], N: [100, 80], sigma: [[0, 0.2], [0.3, 0]] };
  const v01 = simulateSymbiosis({ ...p, x0: [5, 5], names: ["firms", "universities"], tEnd: 30, dt: 1 });
  const today = simulateSymbiosis(p, [5, 5], { populations: ["firms", "universities"], tEnd: 30, dt: 1 });
  assert.deepEqual(v01.table.objects(), today.table.objects());
  assert.deepEqual([v01.final, v01.warnings], [today.final, today.warnings]);
  assert.deepEqual(simulateSymbiosis({ ...p, x0: [1, 2] }).final, simulateSymbiosis(p, [1, 2]).final);
  assert.throws(
    () =>
      simulateSymbiosis({ ...p, x0: [1, 2], tEnd: 10 } as typeof p, undefined as unknown as number[], {
        tEnd: 20,
      }),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "tEnd",
  );
});

Deno.test("stability(p, x, tolerance) and fixedPoints(p, tolerance): the 0.1 forms equal { tolerance }", () => {
  const p = { r: [3, 2], N: [3, 2], sigma: [[0, -4 / 3], [-1.5, 0]] };
  assert.deepEqual(stability(p, [1, 1], 0.5), stability(p, [1, 1], { tolerance: 0.5 }));
  assert.deepEqual(fixedPoints(p, 1e-6), fixedPoints(p, { tolerance: 1e-6 }));
  // a tolerance that changes the answer: |λ| ≤ 1 counts as zero at (3, 0), whose eigenvalues are −3 and −1
  const tight = fixedPoints(p, 1e-9), loose = fixedPoints(p, 1);
  assert.notDeepEqual(tight.map((f) => f.type.en), loose.map((f) => f.type.en));
  assert.deepEqual(loose, fixedPoints(p, { tolerance: 1 }));
});
