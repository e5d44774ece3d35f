import assert from "node:assert/strict";
import {
  classifyEigenvalues,
  classifyInteraction,
  classifyInteractions,
  competitiveToSymbiosis,
  equilibrium,
  fixedPoints,
  simulateSymbiosis,
  stability,
  symbiosisJacobian,
} from "../../src/models/symbiosis.ts";
import { ValidationError } from "../../src/data/validation_error.ts";

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
  const s = simulateSymbiosis({ ...p, x0: [5, 5], tEnd: 100, dt: 1, names: ["firms", "universities"] });
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
  const a = simulateSymbiosis({ ...p, x0: [2, 0.5], tEnd: 30 });
  close(a.final[0]!, 3, 1e-6);
  close(a.final[1]!, 0, 1e-6);
  const b = simulateSymbiosis({ ...p, x0: [0.5, 2], tEnd: 30 });
  close(b.final[0]!, 0, 1e-6);
  close(b.final[1]!, 2, 1e-6);
});

Deno.test("classifyInteraction(): the six Pistorius & Utterback modes, with tolerance and Chinese labels", () => {
  assert.equal(classifyInteraction(-0.3, -0.2).mode, "competition");
  assert.equal(classifyInteraction(0.3, 0.2).mode, "mutualism");
  const pp = classifyInteraction(0.3, -0.2);
  assert.equal(pp.mode, "predatorPrey");
  assert.equal(pp.beneficiary, "i");
  assert.equal(classifyInteraction(-0.3, 0.2).beneficiary, "j");
  assert.equal(classifyInteraction(0.3, 0.01).mode, "commensalism");
  assert.equal(classifyInteraction(0.3, 0.01, { tolerance: 0 }).mode, "mutualism");
  assert.equal(classifyInteraction(-0.3, 0).mode, "amensalism");
  assert.equal(classifyInteraction(0.04, -0.04).mode, "neutralism");
  assert.equal(classifyInteraction(0.5, 0.5, { lang: "zh" }).label, "互利共生");
  const t = classifyInteractions([[0, 0.2, -0.3], [0.1, 0, 0], [-0.4, 0, 0]], { names: ["K", "O", "I"] });
  assert.deepEqual(t.array("mode"), ["mutualism", "competition", "neutralism"]);
});

Deno.test("classifyEigenvalues(): |re| or |im| equal to the tolerance counts as zero (inclusive boundaries)", () => {
  // Strogatz (1994) §5.2: real parts decide the type, a complex pair makes it a focus. With tolerance τ a
  // part within τ of 0 (|v| ≤ τ) is treated as 0, for imaginary parts as for real parts.
  const type = (ev: { re: number; im: number }[], tol?: number) => classifyEigenvalues(ev, tol).type.en;
  // imaginary parts exactly ±τ: a node; just above τ: a focus
  assert.equal(type([{ re: -1, im: 0.5 }, { re: -1, im: -0.5 }], 0.5), "stable node");
  assert.equal(type([{ re: -1, im: 0.5000001 }, { re: -1, im: -0.5000001 }], 0.5), "stable focus");
  assert.equal(type([{ re: 2, im: 1e-9 }, { re: 2, im: -1e-9 }]), "unstable node"); // default τ = 1e-9
  assert.equal(type([{ re: 2, im: 2e-9 }, { re: 2, im: -2e-9 }]), "unstable focus");
  // a real part exactly −τ is non-hyperbolic and not stable; −τ·(1 + 1e-6) is stable
  const edge = classifyEigenvalues([{ re: -0.5, im: 0 }, { re: -1, im: 0 }], 0.5);
  assert.equal(edge.type.en, "non-hyperbolic (linearisation inconclusive)");
  assert.equal(edge.stable, false);
  assert.equal(edge.maxReal, -0.5);
  assert.equal(classifyEigenvalues([{ re: -0.5000005, im: 0 }, { re: -1, im: 0 }], 0.5).stable, true);
  // all real parts within τ and a complex pair beyond τ: a center
  assert.equal(type([{ re: 1e-9, im: 1 }, { re: -1e-9, im: -1 }]), "center (linearisation inconclusive)");
});

Deno.test("classifyInteraction(): |σ| equal to the tolerance is neutral, just above it counts", () => {
  // the sign rule is sgn(σ) = 0 when |σ| ≤ tolerance (default 0.05)
  assert.deepEqual(classifyInteraction(0.05, -0.05).signs, [0, 0]);
  assert.equal(classifyInteraction(0.05, -0.05).mode, "neutralism");
  const c = classifyInteraction(0.0500001, 0.05);
  assert.equal(c.mode, "commensalism");
  assert.equal(c.beneficiary, "i");
  const a = classifyInteraction(0.2, -0.2, { tolerance: 0.2 });
  assert.equal(a.mode, "neutralism");
  const h = classifyInteraction(0, -0.2000001, { tolerance: 0.2 });
  assert.deepEqual([h.mode, h.beneficiary], ["amensalism", "j"]);
});

Deno.test("invalid parameters give ValidationErrors naming the parameter", () => {
  assert.throws(
    () => simulateSymbiosis({ r: [1, -1], N: [1, 1], sigma: [[0, 0], [0, 0]], x0: [1, 1] }),
    (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.equal(e.issues[0]!.column, "r[1]");
      return true;
    },
  );
  assert.throws(() => equilibrium({ N: [1, 1], sigma: [[0, 1]] }), /sigma/);
  assert.throws(() => classifyInteraction(NaN, 0), /sigmaIJ/);
  assert.throws(() => competitiveToSymbiosis({ r: [1, 1], a: [[0, 1], [1, 1]] }), /a\[0\]\[0\]/);
  assert.throws(
    () => symbiosisJacobian({ r: [1, 1], N: [1, 1], sigma: [[0, 0], [0, 0]] }, [1, NaN]),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "x[1]",
  );
  assert.throws(() => classifyInteractions([[0, 1], [1, 0]], { names: ["K"] }), /names/);
});
