import assert from "node:assert/strict";
import {
  CATCH_UP_CLASSES,
  catchUpSteadyState,
  classifyCatchUp,
  classifyCatchUpFit,
} from "../../src/classify/catch_up.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

Deno.test("catchUpSteadyState(): closed forms of both models, absorptive capacity, the boundary cases", () => {
  // Nelson–Phelps: k = c + g_m − g = 0.08, B* = c/k = 0.75 (Φ/(Φ + g) with g_i = 0)
  const np = catchUpSteadyState({ model: "nelson-phelps", c: 0.06, gLeader: 0.02 });
  assert.deepEqual(np, { c: 0.06, rate: 0.08, steadyRatio: 0.75, speed: 0.08, halfLife: Math.LN2 / 0.08 });
  // logistic: ρ = 0.08 + 0.01 − 0.02, B* = ρ/c; h = 0.5 halves c: ρ = 0.03, B* = 0.75
  close(catchUpSteadyState({ c: 0.08, g: 0.01, gLeader: 0.02 }).steadyRatio, 0.875);
  close(catchUpSteadyState({ c: 0.08, g: 0.01, gLeader: 0.02, absorptiveCapacity: 0.5 }).steadyRatio, 0.75);
  // ρ ≤ 0: the follower falls away (B* = 0); ρ = 0 has no speed (half-life ∞)
  const zero = catchUpSteadyState({ c: 0.02, g: 0.01, gLeader: 0.03 });
  assert.deepEqual([zero.rate, zero.steadyRatio, zero.halfLife], [0, 0, Infinity]);
  // Nelson–Phelps k ≤ 0: forging ahead without bound
  assert.equal(
    catchUpSteadyState({ model: "nelson-phelps", c: 0.02, g: 0.06, gLeader: 0.02 }).steadyRatio,
    Infinity,
  );
});

Deno.test("classifyCatchUp(): the closed-form condition c + g − g_m > 0 decides keeping up", () => {
  const behind = classifyCatchUp({ model: "logistic", c: 0.01, g: 0, gLeader: 0.02 }, 0.5);
  assert.equal(behind.class, "fallingBehind");
  assert.match(behind.reason, /ρ/);
  assert.equal(classifyCatchUp({ c: 0.05, g: 0.02, gLeader: 0.02 }, 0.3).class, "catchingUp");
  assert.equal(classifyCatchUp({ c: 0.05, g: 0.02, gLeader: 0.02 }, 0.99).class, "keepingPace");
  assert.equal(classifyCatchUp({ c: 0.05, g: 0.0, gLeader: 0.02 }, 0.9).class, "fallingBehind"); // B* = 0.6
  assert.equal(
    classifyCatchUp({ c: 0.05, g: 0.02, gLeader: 0.02 }, 0.3, { lang: "zh" }).label,
    "追赶中",
  );
  assert.equal(
    classifyCatchUp({ model: "nelson-phelps", c: 0.01, g: 0.05, gLeader: 0.02 }, 0.3).class,
    "catchingUp",
  );
});

Deno.test("classifyCatchUp(): tolerance band around B* is relative and inclusive", () => {
  // B* = 1 (ρ = c): within ±10% keeps pace, just outside does not
  const p = { c: 0.05, g: 0.02, gLeader: 0.02 };
  assert.equal(classifyCatchUp(p, 0.9, { tolerance: 0.1 }).class, "keepingPace");
  assert.equal(classifyCatchUp(p, 1.1, { tolerance: 0.1 }).class, "keepingPace");
  assert.equal(classifyCatchUp(p, 0.89, { tolerance: 0.1 }).class, "catchingUp");
  assert.equal(classifyCatchUp(p, 1.11, { tolerance: 0.1 }).class, "fallingBehind");
  assert.deepEqual(Object.keys(CATCH_UP_CLASSES), ["catchingUp", "keepingPace", "fallingBehind"]);
});

Deno.test("classifyCatchUpFit() takes any fitted curve with model, c, growth gap and fitted ratios", () => {
  // Nelson–Phelps c = 0.08, g_i − g_m = −0.02: k = 0.1, B* = 0.8
  const fit = { model: "nelson-phelps" as const, c: 0.08, growthGap: -0.02, fitted: [0.2, 0.5, 0.72] };
  const c = classifyCatchUpFit(fit);
  assert.equal(c.class, "catchingUp"); // the last fitted ratio 0.72 < 0.95 · 0.8
  close(c.steadyRatio, 0.8, 1e-15);
  close(c.speed, 0.1, 1e-15);
  assert.equal(classifyCatchUpFit(fit, { ratio: 0.79 }).class, "keepingPace");
  assert.equal(classifyCatchUpFit(fit, { ratio: 0.9, lang: "zh" }).label, "落后");
  assert.throws(() => classifyCatchUpFit({ ...fit, fitted: [] }), ValidationError);
});

Deno.test("invalid classification parameters name the parameter", () => {
  assert.throws(
    () => classifyCatchUp({ c: 0.1, gLeader: 0.02, absorptiveCapacity: 2 }, 0.3),
    /absorptiveCapacity/,
  );
  assert.throws(() => classifyCatchUp({ c: 0.1, gLeader: 0.02 }, 0), /ratio/);
  assert.throws(() => classifyCatchUp({ c: 0.1, gLeader: 0.02 }, 0.5, { tolerance: -1 }), /tolerance/);
  assert.throws(() => classifyCatchUp({ c: 0.1, gLeader: 0.02 }, 0.5, { lang: "fr" as never }), /lang/);
  assert.throws(() => catchUpSteadyState({ c: 0.1, gLeader: 0.02, model: "linear" as never }), /model/);
});

Deno.test("classifyCatchUp({ ...params, ratio }, options): the 0.1 form equals (params, ratio, options)", () => {
  const p = { model: "nelson-phelps", c: 0.05, g: 0.02, gLeader: 0.02 } as const;
  for (const ratio of [0.3, 0.71, 0.99]) {
    assert.deepEqual(classifyCatchUp({ ...p, ratio }), classifyCatchUp(p, ratio));
    assert.deepEqual(
      classifyCatchUp({ ...p, ratio }, { lang: "zh", tolerance: 0.1 }),
      classifyCatchUp(p, ratio, {
        lang: "zh",
        tolerance: 0.1,
      }),
    );
  }
  assert.throws(
    () => classifyCatchUp({ ...p, ratio: 0.3 } as typeof p, 0.4),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "ratio",
  );
  assert.throws(
    () => classifyCatchUp({ ...p } as typeof p & { ratio: number }),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "ratio",
  );
});
