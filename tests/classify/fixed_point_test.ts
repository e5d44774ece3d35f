import assert from "node:assert/strict";
import { classifyEigenvalues, FIXED_POINT_TYPES } from "../../src/classify/fixed_point.ts";

Deno.test("classifyEigenvalues(): the six types of Strogatz (1994) §5.2 from real and complex eigenvalues", () => {
  const t = (ev: [number, number][]) => classifyEigenvalues(ev.map(([re, im]) => ({ re, im }))).type;
  assert.equal(t([[-1, 0], [-2, 0]]), FIXED_POINT_TYPES.stableNode);
  assert.equal(t([[1, 0], [2, 0]]), FIXED_POINT_TYPES.unstableNode);
  assert.equal(t([[1, 0], [-2, 0]]), FIXED_POINT_TYPES.saddle);
  assert.equal(t([[-1, 2], [-1, -2]]), FIXED_POINT_TYPES.stableFocus);
  assert.equal(t([[1, 2], [1, -2]]), FIXED_POINT_TYPES.unstableFocus);
  assert.equal(t([[0, 2], [0, -2]]), FIXED_POINT_TYPES.center);
  assert.equal(t([[0, 0], [-1, 0]]), FIXED_POINT_TYPES.nonHyperbolic);
  const r = classifyEigenvalues([{ re: -0.5, im: 1 }, { re: -0.5, im: -1 }, { re: -3, im: 0 }]);
  assert.deepEqual([r.maxReal, r.stable, r.eigenvalues.length], [-0.5, true, 3]);
});

Deno.test("classifyEigenvalues(): |re| or |im| equal to the tolerance counts as zero (inclusive boundaries)", () => {
  // Strogatz (1994) §5.2: real parts decide the type, a complex pair makes it a focus. With tolerance τ a
  // part within τ of 0 (|v| ≤ τ) is treated as 0, for imaginary parts as for real parts.
  const type = (ev: { re: number; im: number }[], tolerance?: number) =>
    classifyEigenvalues(ev, { tolerance }).type.en;
  // imaginary parts exactly ±τ: a node; just above τ: a focus
  assert.equal(type([{ re: -1, im: 0.5 }, { re: -1, im: -0.5 }], 0.5), "stable node");
  assert.equal(type([{ re: -1, im: 0.5000001 }, { re: -1, im: -0.5000001 }], 0.5), "stable focus");
  assert.equal(type([{ re: 2, im: 1e-9 }, { re: 2, im: -1e-9 }]), "unstable node"); // default τ = 1e-9
  assert.equal(type([{ re: 2, im: 2e-9 }, { re: 2, im: -2e-9 }]), "unstable focus");
  // a real part exactly −τ is non-hyperbolic and not stable; −τ·(1 + 1e-6) is stable
  const edge = classifyEigenvalues([{ re: -0.5, im: 0 }, { re: -1, im: 0 }], { tolerance: 0.5 });
  assert.equal(edge.type.en, "non-hyperbolic (linearisation inconclusive)");
  assert.equal(edge.stable, false);
  assert.equal(edge.maxReal, -0.5);
  assert.equal(
    classifyEigenvalues([{ re: -0.5000005, im: 0 }, { re: -1, im: 0 }], { tolerance: 0.5 }).stable,
    true,
  );
  // all real parts within τ and a complex pair beyond τ: a center
  assert.equal(type([{ re: 1e-9, im: 1 }, { re: -1e-9, im: -1 }]), "center (linearisation inconclusive)");
});

Deno.test("classifyEigenvalues(): a negative or non-finite tolerance is a ValidationError", () => {
  assert.throws(() => classifyEigenvalues([{ re: -1, im: 0 }], { tolerance: -1 }), /tolerance/);
  assert.throws(() => classifyEigenvalues([{ re: -1, im: 0 }], { tolerance: NaN }), /tolerance/);
});

Deno.test("classifyEigenvalues(eigenvalues, tolerance): the 0.1 form equals { tolerance }", () => {
  const ev = [{ re: -0.5, im: 0 }, { re: -1, im: 0 }];
  assert.deepEqual(classifyEigenvalues(ev, 0.5), classifyEigenvalues(ev, { tolerance: 0.5 }));
  assert.equal(classifyEigenvalues(ev, 0.5).stable, false); // |re| ≤ τ counts as zero: not hyperbolic
  const tol: number | undefined = undefined;
  assert.deepEqual(classifyEigenvalues(ev, tol), classifyEigenvalues(ev));
});
