import assert from "node:assert/strict";
import { type PolicyParams, policyScenario, type PolicyScenarioOptions } from "../../src/models/policy.ts";
import { ValidationError } from "../../src/core/validation_error.ts";
import { entropy } from "../../src/indicators/entropy.ts";
import { matrixFrom } from "../../src/indicators/matrix.ts";
import { COEVOLUTION_DEFAULTS, simulateCoevolution } from "../../src/models/coevolution.ts";
import { equilibrium } from "../../src/models/symbiosis.ts";
import { solveLinearSystem } from "../../src/core/linalg/linear_solve.ts";

const close = (a: number, b: number, tol = 1e-6) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);
type Row = Record<string, number | string | boolean>;
const rows = (t: { objects(): object[] }) => t.objects() as Row[];
const byScenario = (t: { objects(): object[] }) => Object.fromEntries(rows(t).map((r) => [r.scenario, r]));
const finals = (t: { objects(): object[] }, scenario: string) =>
  rows(t).filter((r) => r.scenario === scenario).map((r) => r.x as number);

const F4 = ["A", "B", "C", "D"];

/** The run options of policyScenario; every other key of a test's record belongs to the model. */
const RUN_KEYS = ["x0", "tEnd", "dt", "method", "extinction", "shocks", "lang"] as const;

/** A test writes the model and its run options as one record; policyScenario takes them apart. */
function scenario(o: PolicyParams & PolicyScenarioOptions) {
  const params: Record<string, unknown> = {}, options: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    ((RUN_KEYS as readonly string[]).includes(k) ? options : params)[k] = v;
  }
  return policyScenario(params as unknown as PolicyParams, options as PolicyScenarioOptions);
}

Deno.test("policyScenario(params, options): the model first, the run options last", () => {
  const r = policyScenario({ fields: ["A", "B"], capacity: [100, 50], major: 1, budget: 30 }, {
    tEnd: 200,
    lang: "zh",
  });
  assert.deepEqual(r.summary.array("label"), ["不支持", "平均支持", "抓大放小"]);
  assert.deepEqual(Array.from(r.allocation.concentrated), [30, 0]);
  close(r.summary.get("total", 2) as number, 180, 1e-4);
});

Deno.test("policyScenario(): no interactions → each field is logistic and settles at N_i + b_i", () => {
  const N = [100, 60, 30, 10];
  const r = scenario({ fields: F4, capacity: N, major: ["A", "C"], budget: 40, tEnd: 200, rate: 0.5 });
  assert.deepEqual(r.major, ["A", "C"]);
  assert.deepEqual([...r.allocation.concentrated], [20, 0, 20, 0]);
  assert.deepEqual([...r.allocation.even], [10, 10, 10, 10]);
  finals(r.fields, "none").forEach((x, i) => close(x, N[i]!));
  finals(r.fields, "even").forEach((x, i) => close(x, N[i]! + 10));
  finals(r.fields, "concentrated").forEach((x, i) => close(x, N[i]! + [20, 0, 20, 0][i]!));
  const s = byScenario(r.summary);
  close(s.none!.total as number, 200);
  close(s.even!.total as number, 240);
  close(s.concentrated!.total as number, 240);
  close(s.concentrated!.total_major as number, 170);
  close(s.concentrated!.total_others as number, 70);
  assert.equal(s.concentrated!.supported, 2);
  assert.equal(s.even!.supported, 4);
  // logistic at its capacity: J = diag(−r_i) → max Re λ = −0.5, a stable node
  for (const k of ["none", "even", "concentrated"]) {
    close(s[k]!.max_real as number, -0.5, 1e-6);
    assert.equal(s[k]!.stable, true);
    assert.equal(s[k]!.fixed_point, "stable node");
    assert.equal(s[k]!.at_rest, true);
  }
  // even support moves shares towards uniform: more diversity than none; concentrating on A and C here
  const expectH = (x: number[]) => entropy(matrixFrom([x], { rows: ["r"], cols: F4 })).values[0]!;
  close(s.even!.entropy as number, expectH([110, 70, 40, 20]), 1e-6);
  close(s.concentrated!.entropy as number, expectH([120, 60, 50, 10]), 1e-6);
  close(s.even!.effective_fields as number, 2 ** expectH([110, 70, 40, 20]), 1e-6);
  assert.ok((s.even!.entropy as number) > (s.none!.entropy as number));
  assert.deepEqual(r.warnings, []);
});

Deno.test("policyScenario(): k = n makes concentrated == even; zero budget makes all three equal", () => {
  const base = {
    fields: F4,
    capacity: [100, 60, 30, 10],
    budget: 40,
    competition: 0.05,
    spillover: 0.1,
    tEnd: 50,
    sigma: [[0, 0.1, 0, 0], [0, 0, -0.05, 0], [0.02, 0, 0, 0], [0, 0, 0, 0]],
  };
  const all = scenario({ ...base, major: 4 });
  assert.deepEqual(finals(all.fields, "even"), finals(all.fields, "concentrated"));
  const s = byScenario(all.summary);
  assert.equal(s.even!.total, s.concentrated!.total);
  assert.equal(s.even!.entropy, s.concentrated!.entropy);
  const zero = scenario({ ...base, major: 2, budget: 0 });
  const z = byScenario(zero.summary);
  assert.equal(z.none!.total, z.even!.total);
  assert.equal(z.none!.total, z.concentrated!.total);
  assert.deepEqual(finals(zero.fields, "none"), finals(zero.fields, "concentrated"));
  // starting at the pre-policy equilibrium, the no-support scenario stays there
  const series = rows(zero.series).filter((d) => d.scenario === "none").map((d) => d.total as number);
  series.forEach((v) => close(v, series[0]!, 1e-6));
});

Deno.test("policyScenario(): spillover closed form x_other* = K_o(1 + s K_m/N_m)", () => {
  const s = 0.2, N = [50, 80], B = 30;
  const r = scenario({
    fields: ["major", "other"],
    capacity: N,
    major: 1,
    budget: B,
    spillover: s,
    tEnd: 300,
  });
  const c = finals(r.fields, "concentrated"), e = finals(r.fields, "even"), n = finals(r.fields, "none");
  close(c[0]!, 80);
  close(c[1]!, 80 * (1 + s * 80 / 50));
  close(e[0]!, 65);
  close(e[1]!, 95 * (1 + s * 65 / 50));
  close(n[1]!, 80 * (1 + s));
  // here concentrating raises total knowledge above spreading
  const t = byScenario(r.summary);
  close(t.concentrated!.total as number, 80 + 80 * 1.32);
  assert.ok((t.concentrated!.total as number) > (t.even!.total as number));
});

Deno.test("policyScenario(): symmetric competition closed form y* = 1/(1 + c(n − 1))", () => {
  const c = 0.1;
  const r = scenario({
    fields: F4,
    capacity: [100, 100, 100, 100],
    major: 1,
    budget: 0,
    competition: c,
    x0: [10, 20, 30, 40],
    tEnd: 400,
  });
  finals(r.fields, "none").forEach((x) => close(x, 100 / (1 + 3 * c)));
  close(byScenario(r.summary).none!.entropy as number, 2);
  close(byScenario(r.summary).none!.effective_fields as number, 4);
});

Deno.test("policyScenario(): rate support leaves the equilibrium and raises the recovery rate", () => {
  const r = scenario({
    fields: F4,
    capacity: [100, 60, 30, 10],
    major: ["B"],
    budget: 0.4,
    support: "rate",
    rate: 0.3,
    tEnd: 100,
  });
  const s = byScenario(r.summary);
  for (const k of ["none", "even", "concentrated"]) close(s[k]!.total as number, 200);
  close(s.none!.max_real as number, -0.3);
  close(s.even!.max_real as number, -0.4); // every r_i = 0.3 + 0.1
  close(s.concentrated!.max_real as number, -0.3); // the unsupported fields recover at 0.3
});

Deno.test("policyScenario(): calibrate makes the no-support equilibrium equal the observed levels", () => {
  const obs = [500, 300, 120, 80];
  const r = scenario({
    fields: F4,
    capacity: obs,
    calibrate: true,
    major: 2,
    budget: 100,
    competition: 0.05,
    spillover: 0.05,
    tEnd: 150,
  });
  finals(r.fields, "none").forEach((x, i) => close(x, obs[i]!, 1e-6));
  // N = x̂/y*: the capacities are the observed levels divided by the relative equilibrium
  const cap = rows(r.fields).filter((d) => d.scenario === "none").map((d) => d.capacity as number);
  cap.forEach((v, i) => assert.ok(v > 0 && Number.isFinite(v), `capacity ${i}`));
  close(cap[0]! / obs[0]!, cap[1]! / obs[1]!, 1e-12); // the two majors are symmetric
  assert.throws(
    () =>
      scenario({
        fields: ["A", "B"],
        capacity: [1, 1],
        calibrate: true,
        major: 1,
        budget: 0,
        sigma: [[0, -2], [0, 0]], // y*_A = 1 − 2 < 0
      }),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "calibrate",
  );
});

Deno.test("policyScenario(): seeded shocks are deterministic and decay for a stable system", () => {
  const opt = {
    fields: F4,
    capacity: [100, 60, 30, 10],
    major: 1,
    budget: 20,
    competition: 0.05,
    tEnd: 100,
    shocks: { count: 8, size: 0.3, horizon: 5, seed: 7 },
  };
  const a = byScenario(scenario(opt).summary), b = byScenario(scenario(opt).summary);
  const c = byScenario(scenario({ ...opt, shocks: { ...opt.shocks, seed: 8 } }).summary);
  assert.equal(a.even!.shock_remaining, b.even!.shock_remaining);
  assert.notEqual(a.even!.shock_remaining, c.even!.shock_remaining);
  for (const k of ["none", "even", "concentrated"]) {
    const v = a[k]!.shock_remaining as number;
    assert.ok(v > 0 && v < 0.5, `${k}: ${v}`);
  }
  // no interactions, rate r: small shocks decay like e^{−r h} (linearisation): 0.3·5 → e^{−1.5} ≈ 0.22
  const lin = byScenario(
    scenario({ ...opt, competition: 0, shocks: { count: 20, size: 1e-4, horizon: 5, seed: 1 } })
      .summary,
  );
  close(lin.none!.shock_remaining as number, Math.exp(-1.5), 1e-3);
});

Deno.test("policyScenario(): lost fields and unfinished runs are warnings, not errors", () => {
  const r = scenario({
    fields: ["A", "B"],
    capacity: [100, 100],
    major: 1,
    budget: 100,
    sigma: [[0, -0.5], [-3, 0]],
    x0: [50, 50],
    tEnd: 200,
  });
  assert.ok(
    r.warnings.some((w) => /concentrated: 1 field\(s\) below 0.01 of capacity.*B/.test(w)),
    r.warnings.join(),
  );
  const short = scenario({ fields: ["A"], capacity: [100], major: 1, budget: 10, x0: [1], tEnd: 1 });
  assert.ok(short.warnings.some((w) => /not at rest/.test(w)));
});

Deno.test("policyScenario(): 'at rest' means |dx/dt| within 1e-6·r·K, so the threshold scales with the rate", () => {
  // One logistic field, K = 100, x0 = 50: x(t) = K/(1 + e^{−rt}) and dx/dt = r·x·(1 − x/K) ≈ r·K·e^{−rt}.
  // r = 2, t = 7.25: dx/dt = 200·e^{−14.5} ≈ 1.009e-4 < 1e-6·r·K = 2e-4 → at rest (a threshold 1e-6·K/r = 5e-5
  // would say no). r = 0.5, t = 26.25: dx/dt = 50·e^{−13.125} ≈ 0.997e-4 > 1e-6·r·K = 5e-5 → not at rest.
  const run = (rate: number, tEnd: number) =>
    scenario({ fields: ["A"], capacity: [100], major: 1, budget: 0, x0: [50], rate, tEnd });
  const fast = run(2, 7.25);
  const x = fast.fields.get("x", 0) as number;
  close(x, 100 / (1 + Math.exp(-14.5)), 1e-6); // the logistic closed form
  close(2 * x * (1 - x / 100), 200 * Math.exp(-14.5), 1e-6);
  assert.deepEqual(fast.summary.array("at_rest"), [true, true, true]);
  assert.deepEqual(fast.warnings, []);
  const slow = run(0.5, 26.25);
  assert.deepEqual(slow.summary.array("at_rest"), [false, false, false]);
  assert.ok(slow.warnings.some((w) => /none: not at rest at t = 26.25/.test(w)), slow.warnings.join());
  // one trajectory row per scenario × time × field (here 1 field): no row beyond the fields
  const T = fast.series.numRows() / 3;
  assert.equal(fast.trajectories.numRows(), 3 * T);
  assert.deepEqual([...new Set(fast.trajectories.array("field"))], ["A"]);
});

Deno.test("policyScenario(): invalid parameters are ValidationErrors naming the parameter", () => {
  const ok = { fields: F4, capacity: [1, 2, 3, 4], major: 2, budget: 10 };
  const column = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      assert.ok(e instanceof ValidationError, String(e));
      return e.issues.map((i) => i.column);
    }
    assert.fail("no error");
  };
  assert.deepEqual(column(() => scenario({ ...ok, capacity: [1, -2, 3, 4] })), ["capacity[1]"]);
  assert.deepEqual(column(() => scenario({ ...ok, capacity: [1, 2] })), ["capacity"]);
  assert.deepEqual(column(() => scenario({ ...ok, budget: -1 })), ["budget"]);
  assert.deepEqual(column(() => scenario({ ...ok, major: 5 })), ["major"]);
  assert.deepEqual(column(() => scenario({ ...ok, major: 0 })), ["major"]);
  assert.deepEqual(column(() => scenario({ ...ok, major: ["A", "Z"] })), ["major"]);
  assert.deepEqual(column(() => scenario({ ...ok, major: [] })), ["major"]);
  assert.deepEqual(column(() => scenario({ ...ok, fields: ["A", "A", "B", "C"] })), ["fields"]);
  assert.deepEqual(column(() => scenario({ ...ok, competition: -0.1 })), ["competition"]);
  assert.deepEqual(column(() => scenario({ ...ok, rate: [1, 1, 0, 1] })), ["rate[2]"]);
  assert.deepEqual(column(() => scenario({ ...ok, support: "tax" as "rate" })), ["support"]);
  assert.deepEqual(column(() => scenario({ ...ok, x0: [0, 0, 0, 0] })), ["x0"]);
  assert.deepEqual(column(() => scenario({ ...ok, spillover: NaN })), ["spillover"]);
  assert.deepEqual(column(() => scenario({ ...ok, sigma: [[0, 1]] })), ["sigma"]);
  assert.deepEqual(
    column(() => scenario({ ...ok, shocks: { count: 0, size: 0.1, horizon: 1, seed: 1 } })),
    ["shocks.count"],
  );
  assert.deepEqual(column(() => scenario({ ...ok, tEnd: 0 })), ["tEnd", "dt"]);
});

Deno.test("policyScenario(): Chinese labels", () => {
  const r = scenario({ fields: F4, capacity: [1, 2, 3, 4], major: 2, budget: 1, lang: "zh" });
  assert.deepEqual(rows(r.summary).map((d) => d.label), ["不支持", "平均支持", "抓大放小"]);
  assert.equal(rows(r.summary)[0]!.fixed_point, "稳定结点");
});

Deno.test("policyScenario({ model: 'coevolution' }): one field is exactly simulateCoevolution; support moves O and I", () => {
  const d = COEVOLUTION_DEFAULTS;
  const r = scenario({
    fields: ["K"],
    capacity: [100],
    major: 1,
    budget: 50,
    model: "coevolution",
    tEnd: 300,
  });
  // no support: the K–O–I symbiosis equilibrium (I − Σ) y = 1, also reached by simulateCoevolution from x0
  const e = equilibrium({ N: [100, 100, 100], sigma: d.sigma });
  const s = byScenario(r.summary);
  close(s.none!.total as number, e.x[0]!);
  close(s.none!.organisation as number, e.x[1]!);
  close(s.none!.institution as number, e.x[2]!);
  const sim = simulateCoevolution({ tEnd: 300, dt: 1 });
  sim.final.forEach((v, i) => close(v, e.x[i]!, 1e-4));
  // support B on the field's capacity (K = N + B, while O and I feel x/N): solve
  // (N/K)u − σ_KO y_O − σ_KI y_I = 1, y_O − σ_OK u − σ_OI y_I = 1, y_I − σ_IK u − σ_IO y_O = 1
  const S = d.sigma;
  const y = solveLinearSystem([[100 / 150, -S[0]![1]!, -S[0]![2]!], [-S[1]![0]!, 1, -S[1]![2]!], [
    -S[2]![0]!,
    -S[2]![1]!,
    1,
  ]], [1, 1, 1])!;
  close(s.concentrated!.total as number, 100 * y[0]!);
  close(s.concentrated!.organisation as number, 100 * y[1]!);
  close(s.concentrated!.institution as number, 100 * y[2]!);
  assert.ok((s.concentrated!.institution as number) > (s.none!.institution as number));
  assert.equal(s.concentrated!.stable, true);
  assert.equal(r.coevolution!.numRows(), 3 * 301 * 2);
  assert.deepEqual(r.coevolution!.array("population").slice(0, 2), ["organisation", "institution"]);
  assert.deepEqual(r.warnings, []);
});

Deno.test("policyScenario({ model: 'coevolution' }): calibrated fields, k̄ weights, Jacobian over n + 2", () => {
  const obs = [500, 300, 120, 80];
  const opt = {
    fields: F4,
    capacity: obs,
    calibrate: true,
    major: 2,
    budget: 100,
    competition: 0.05,
    spillover: 0.05,
    model: "coevolution" as const,
    tEnd: 300,
    lang: "zh" as const,
  };
  const r = scenario(opt);
  finals(r.fields, "none").forEach((x, i) => close(x, obs[i]!, 1e-6));
  // at the no-support rest state every field has y_j = x̂_j/N_j = y*_j; O and I satisfy their equations with
  // k̄ = Σ w_j y*_j, w_j = x̂_j/Σx̂
  const s = byScenario(r.summary);
  const cap = rows(r.fields).filter((d) => d.scenario === "none").map((d) => d.capacity as number);
  const kbar = obs.reduce((a, x, j) => a + (x / 1000) * (x / cap[j]!), 0);
  const [sO, sI] = [COEVOLUTION_DEFAULTS.sigma[1]!, COEVOLUTION_DEFAULTS.sigma[2]!];
  const yO = (s.none!.organisation as number) / 100, yI = (s.none!.institution as number) / 100;
  close(yO, 1 + sO[0]! * kbar + sO[2]! * yI, 1e-9);
  close(yI, 1 + sI[0]! * kbar + sI[1]! * yO, 1e-9);
  assert.ok((s.concentrated!.total as number) > (s.none!.total as number));
  assert.deepEqual(rows(r.coevolution!).slice(0, 2).map((d) => d.population), ["组织", "制度"]);
  // the fields-only model on the same input differs (no O, I feedback) and has no coevolution table
  const f = scenario({ ...opt, model: "fields" });
  assert.equal(f.coevolution, undefined);
  assert.notEqual(byScenario(f.summary).concentrated!.total, s.concentrated!.total);
});

Deno.test("policyScenario(): invalid model options name the parameter", () => {
  const ok = { fields: F4, capacity: [1, 2, 3, 4], major: 2, budget: 10 };
  assert.throws(
    () => scenario({ ...ok, model: "spiral" as "fields" }),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "model",
  );
  assert.throws(
    () => scenario({ ...ok, model: "coevolution", coevolution: { N: [100, -1] } }),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "coevolution.N[1]",
  );
  assert.throws(
    () => scenario({ ...ok, model: "coevolution", coevolution: { sigma: [[0, 1], [1, 0]] } }),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "coevolution.sigma",
  );
});

Deno.test("policyScenario({ …parameters, x0, tEnd, dt, lang }): the 0.1 one-object form equals (params, options)", () => {
  const params = { fields: F4, capacity: [100, 60, 30, 10], major: ["A", "C"], budget: 40, rate: 0.5 };
  const run = {
    tEnd: 60,
    dt: 2,
    lang: "zh",
    shocks: { count: 3, size: 0.05, horizon: 10, seed: 2 },
  } as const;
  const v01 = policyScenario({ ...params, ...run });
  const today = policyScenario(params, run);
  for (const k of ["summary", "series", "trajectories", "fields"] as const) {
    assert.deepEqual(v01[k].objects(), today[k].objects());
  }
  assert.deepEqual([v01.major, v01.allocation, v01.warnings], [
    today.major,
    today.allocation,
    today.warnings,
  ]);
  assert.throws(
    () => policyScenario({ ...params, tEnd: 10 } as PolicyParams, { tEnd: 20 }),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "tEnd",
  );
});
