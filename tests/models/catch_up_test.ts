import assert from "node:assert/strict";
import { catchUpRatio, catchUpRatios, fitCatchUp, simulateCatchUp } from "../../src/models/catch_up.ts";
import { catchUpSteadyState, classifyCatchUpFit } from "../../src/classify/catch_up.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

const close = (a: number, b: number, tol = 1e-9) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

Deno.test("Nelson–Phelps: steady ratio Φ/(Φ + g) and the exponential closed form", () => {
  const p = { model: "nelson-phelps" as const, c: 0.06, gLeader: 0.02 };
  const s = catchUpSteadyState(p);
  close(s.steadyRatio, 0.75);
  close(s.speed, 0.08);
  close(catchUpRatio(p, 0.25, 10), 0.75 - 0.5 * Math.exp(-0.8));
  const sim = simulateCatchUp(p, 0.25, { tEnd: 40 });
  const r = sim.table.array("ratio") as number[];
  r.forEach((v, t) => close(v, 0.75 - 0.5 * Math.exp(-0.08 * t), 1e-8));
  // levels: leader grows at g_m
  close((sim.table.array("leader") as number[])[10]!, Math.exp(0.2));
});

Deno.test("Benhabib–Spiegel logistic: B* = (c + g − g_m)/c and the ODE matches the closed form", () => {
  const p = { model: "logistic" as const, c: 0.08, g: 0.01, gLeader: 0.02 };
  close(catchUpSteadyState(p).steadyRatio, 0.875);
  // ρ = c + g − g_m = 0.07: the gap to B* halves in ln 2/ρ ≈ 9.9 years
  close(catchUpSteadyState(p).speed, 0.07);
  close(catchUpSteadyState(p).halfLife, Math.LN2 / 0.07);
  const sim = simulateCatchUp(p, 0.2, { tEnd: 60 });
  (sim.table.array("ratio") as number[]).forEach((v, t) => close(v, catchUpRatio(p, 0.2, t), 1e-8));
  // absorptive capacity halves c: ρ = 0.04 + 0.01 − 0.02 = 0.03, B* = 0.75
  close(catchUpSteadyState({ ...p, absorptiveCapacity: 0.5 }).steadyRatio, 0.75);
});

Deno.test("fitCatchUp() recovers known parameters from exact curves", () => {
  const t = Array.from({ length: 31 }, (_, i) => 1960 + i);
  const np = fitCatchUp(t, t.map((y) => 0.8 - 0.6 * Math.exp(-0.1 * (y - 1960))), { model: "nelson-phelps" });
  close(np.speed, 0.1, 1e-6);
  close(np.steadyRatio, 0.8, 1e-6);
  close(np.ratio0, 0.2, 1e-6);
  close(np.c, 0.08, 1e-6);
  assert.ok(np.r2 > 0.999999);
  const p = { model: "logistic" as const, c: 0.08, g: 0.01, gLeader: 0.02 };
  const lg = fitCatchUp(t, t.map((y) => catchUpRatio(p, 0.2, y - 1960)), { model: "logistic" });
  close(lg.speed, 0.07, 1e-5);
  close(lg.steadyRatio, 0.875, 1e-4);
  close(lg.c, 0.08, 1e-4);
  close(lg.growthGap, -0.01, 1e-4);
});

Deno.test("catchUpRatios() divides by the leader's value of the same year and reports gaps", () => {
  const t = catchUpRatios(
    [
      { code: "JPN", year: 1960, v: 10 },
      { code: "KOR", year: 1960, v: 2.5 },
      { code: "JPN", year: 1961, v: 20 },
      { code: "KOR", year: 1961, v: 5 },
    ],
    "JPN",
    { entity: "code", value: "v" },
  );
  assert.deepEqual(t.objects(), [{ entity: "KOR", year: 1960, ratio: 0.25 }, {
    entity: "KOR",
    year: 1961,
    ratio: 0.25,
  }]);
  assert.throws(
    () =>
      catchUpRatios([{ code: "JPN", year: 1960, v: 10 }, { code: "KOR", year: 1962, v: 1 }], "JPN", {
        entity: "code",
        value: "v",
      }),
    ValidationError,
  );
  // the default column roles entity, year, value; a column that is not there is named
  assert.deepEqual(
    catchUpRatios([{ entity: "L", year: 1, value: 4 }, { entity: "F", year: 1, value: 1 }], "L").objects(),
    [{ entity: "F", year: 1, ratio: 0.25 }],
  );
  assert.throws(
    () => catchUpRatios([{ code: "L", year: 1, value: 4 }], "L"),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "entity",
  );
});

Deno.test("invalid catch-up parameters name the parameter", () => {
  assert.throws(() => simulateCatchUp({ c: -1, gLeader: 0.02 }, 0.3), /"c"/);
  assert.throws(() => simulateCatchUp({ c: 0.1, gLeader: 0.02 }, 0), /ratio0/);
  assert.throws(() => fitCatchUp([1, 2, 3, 4], [0.1, 0.2, 0.3, 0.4], { model: "linear" as never }), /model/);
  assert.throws(() => fitCatchUp([1, 2, 3, 4], [0.1, -0.2, 0.3, 0.4]), /row 2/);
});

Deno.test("fitCatchUp() keeps c ≥ 0: a logistic follower falling away is fitted with ρ < 0, B* = ρ/c < 0", () => {
  const t = Array.from({ length: 31 }, (_, i) => i);
  const p = { model: "logistic" as const, c: 0.05, g: 0, gLeader: 0.08 }; // ρ = −0.03
  const f = fitCatchUp(t, t.map((x) => catchUpRatio(p, 0.8, x)));
  close(f.speed, -0.03, 1e-6);
  close(f.steadyRatio, -0.6, 1e-5);
  close(f.c, 0.05, 1e-6);
  close(f.growthGap, -0.08, 1e-6);
  assert.ok(f.c >= 0);
  const cls = classifyCatchUpFit(f, { lang: "zh" });
  assert.equal(cls.class, "fallingBehind");
  assert.equal(cls.label, "落后");
  close(cls.rate, -0.03, 1e-6);
});

Deno.test("Nelson–Phelps forging ahead (k < 0): closed form B* + (B₀ − B*)e^{−kt} with B* = c/k, ODE and fit agree", () => {
  const p = { model: "nelson-phelps" as const, c: 0.02, g: 0.06, gLeader: 0.02 }; // k = −0.02, c/k = −1
  close(catchUpRatio(p, 0.5, 10), -1 + 1.5 * Math.exp(0.2));
  const sim = simulateCatchUp(p, 0.5, { tEnd: 30 });
  (sim.table.array("ratio") as number[]).forEach((v, t) => close(v, -1 + 1.5 * Math.exp(0.02 * t), 1e-8));
  assert.match(sim.warnings[0]!, /forges ahead/);
  const t = Array.from({ length: 31 }, (_, i) => i);
  const f = fitCatchUp(t, t.map((x) => catchUpRatio(p, 0.5, x)), { model: "nelson-phelps" });
  close(f.speed, -0.02, 1e-6);
  close(f.c, 0.02, 1e-6);
  assert.equal(classifyCatchUpFit(f).class, "catchingUp");
});

Deno.test("classifyCatchUpFit() uses the fit's c and growth gap: Nelson–Phelps B* = 0.8", () => {
  const t = [0, 4, 8, 12, 16, 20];
  const fit = fitCatchUp(t, t.map((x) => 0.8 - 0.6 * Math.exp(-0.1 * x)), { model: "nelson-phelps" });
  const c = classifyCatchUpFit(fit);
  assert.equal(c.class, "catchingUp");
  close(c.steadyRatio, 0.8, 1e-6);
  close(c.speed, 0.1, 1e-6);
  assert.equal(classifyCatchUpFit(fit, { ratio: 0.79 }).class, "keepingPace");
  assert.equal(classifyCatchUpFit(fit, { ratio: 0.9 }).class, "fallingBehind");
});

Deno.test("degenerate catch-up input: constant series warns about R², catchUpRatio validates", () => {
  const f = fitCatchUp([1, 2, 3, 4], [0.5, 0.5, 0.5, 0.5]);
  assert.ok(Number.isNaN(f.r2));
  assert.ok(f.warnings.some((w) => /constant: R² is undefined/.test(w)));
  assert.throws(
    () => catchUpRatio({ c: 0.05, gLeader: 0.02 }, -0.1, 5),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "ratio0",
  );
  assert.throws(() => catchUpRatio({ c: 0.05, gLeader: 0.02 }, 0.3, NaN), /"t"/);
});

Deno.test("simulateCatchUp({ ...params, ratio0, tEnd, … }) and catchUpRatios(t, { …, leader }): the 0.1 forms", () => {
  const p = { model: "logistic", c: 0.05, g: 0.03, gLeader: 0.02 } as const;
  const v01 = simulateCatchUp({ ...p, ratio0: 0.2, tEnd: 30, dt: 2, leader0: 3 });
  const today = simulateCatchUp(p, 0.2, { tEnd: 30, dt: 2, leader0: 3 });
  assert.deepEqual(v01.table.objects(), today.table.objects());
  assert.deepEqual([v01.steady, v01.warnings], [today.steady, today.warnings]);
  assert.throws(
    () =>
      simulateCatchUp({ ...p, ratio0: 0.2, tEnd: 30 } as typeof p, undefined as unknown as number, {
        tEnd: 20,
      }),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "tEnd",
  );
  const gdp = [
    { code: "JPN", year: 1960, v: 10 },
    { code: "KOR", year: 1960, v: 2 },
    { code: "JPN", year: 1961, v: 12 },
    { code: "KOR", year: 1961, v: 3 },
  ];
  assert.deepEqual(
    catchUpRatios(gdp, { entity: "code", year: "year", value: "v", leader: "JPN" }).objects(),
    catchUpRatios(gdp, "JPN", { entity: "code", value: "v" }).objects(),
  );
});
