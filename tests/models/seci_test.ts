import assert from "node:assert/strict";
import {
  ORDER_PUBLIC_SHARE,
  powerMultipliers,
  seciGrowthRate,
  simulateSpiral,
  type SimulateSpiralOptions,
} from "../../src/models/seci.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

const close = (a: number, b: number, tol: number, what = "") =>
  assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b} (tol ${tol})`);

// one active level: stocks only at the individual level, no upward flow
/** The rates record of seciGrowthRate from s', e', c', i' and δ. */
const rates = (s: number, e: number, c: number, i: number, obsolescence: number) => ({
  socialisation: s,
  externalisation: e,
  combination: c,
  internalisation: i,
  obsolescence,
});

const ONE: SimulateSpiralOptions = {
  rates: { socialisation: 0.12, externalisation: 0.05, combination: 0.03, internalisation: 0.09 },
  obsolescence: 0.04,
  upward: 0,
  tacit0: [1, 0, 0, 0],
  explicit0: [0, 0, 0, 0],
};

Deno.test("seciGrowthRate is the largest eigenvalue of the 2 × 2 linear system", () => {
  close(seciGrowthRate(rates(0.1, 0.1, 0.1, 0.1, 0.05)), 0.15, 1e-15, "symmetric case");
  // [[s−δ, i],[e, c−δ]] = [[0.08, 0.09],[0.05, −0.01]]: trace 0.07, det −0.0053
  const tr = 0.07, det = 0.08 * -0.01 - 0.09 * 0.05;
  const ev = tr / 2 + Math.sqrt(tr * tr / 4 - det);
  close(seciGrowthRate(rates(0.12, 0.05, 0.03, 0.09, 0.04)), ev, 1e-15, "eigenvalue");
});

Deno.test("simulateSpiral: the linear model grows at the closed-form rate λ*", () => {
  const r = simulateSpiral({ ...ONE, steps: 200, substeps: 20 });
  const lambda = seciGrowthRate(rates(0.12, 0.05, 0.03, 0.09, 0.04));
  close(r.levelGrowth[0]!, lambda, 0, "levelGrowth");
  close(r.growthRate, lambda, 1e-7, "empirical growth");
  // eigenvector: E/T = (λ + δ − s) / i
  const last = r.stocks.filter((d: { step: number; level: string }) =>
    d.step === 200 && d.level === "individual"
  );
  const [T, E] = last.array("stock") as Float64Array;
  close(E! / T!, (lambda + 0.04 - 0.12) / 0.09, 1e-6, "eigenvector");
});

Deno.test("simulateSpiral: all rates 0 gives pure exponential decay e^{−δt}", () => {
  const r = simulateSpiral({
    rates: { socialisation: 0, externalisation: 0, combination: 0, internalisation: 0 },
    obsolescence: 0.1,
    upward: 0,
    tacit0: [1, 2, 3, 4],
    explicit0: [4, 3, 2, 1],
    steps: 30,
  });
  const tacit = r.stocks.filter((d: { step: number; form: string }) => d.step === 30 && d.form === "tacit");
  const vals = tacit.array("stock") as Float64Array;
  [1, 2, 3, 4].forEach((v, k) => close(vals[k]!, v * Math.exp(-0.1 * 30), 1e-9 * v, `level ${k}`));
  assert.equal(r.turns, 0);
  assert.ok(r.warnings.some((w) => w.includes("No socialisation")));
  assert.ok(r.warnings.some((w) => w.includes("No turn")));
});

Deno.test("simulateSpiral: stocks stay non-negative and change by exactly inflows − outflows", () => {
  const r = simulateSpiral({
    order: "public_hierarchy",
    cap: [5, 5, 5, 5],
    upward: [0.05, 0.04, 0.03],
    steps: 80,
  });
  const st = r.stocks.objects() as {
    step: number;
    level: string;
    form: string;
    stock: number;
    created: number;
    upwardIn: number;
    obsolescence: number;
  }[];
  for (const row of st) assert.ok(row.stock >= 0, JSON.stringify(row));
  const byKey = new Map(st.map((d) => [`${d.step}|${d.level}|${d.form}`, d]));
  for (const d of st) {
    if (d.step === 0) continue;
    const prev = byKey.get(`${d.step - 1}|${d.level}|${d.form}`)!;
    close(
      d.stock - prev.stock,
      d.created + d.upwardIn - d.obsolescence,
      1e-12 * Math.max(1, d.stock),
      "balance",
    );
  }
  // the flow table carries the same totals
  const fl = r.flows.objects() as { step: number; level: string; to: string; value: number; sign: number }[];
  const net = new Map<string, number>();
  for (const f of fl) {
    const k = `${f.step}|${f.level}|${f.to}`;
    net.set(k, (net.get(k) ?? 0) + f.sign * f.value);
    assert.ok(f.value >= 0);
  }
  for (const [k, v] of net) {
    const d = byKey.get(k)!;
    const prev = byKey.get(`${d.step - 1}|${d.level}|${d.form}`)!;
    close(v, d.stock - prev.stock, 1e-12 * Math.max(1, d.stock), `flows ${k}`);
  }
  // the logistic cap holds each level below 5
  for (const d of st) assert.ok(d.stock <= 5);
});

Deno.test("simulateSpiral: growth per turn equals 1 + λ·Σ 1/f_m in balanced growth", () => {
  const r = simulateSpiral({ ...ONE, steps: 400, substeps: 40 });
  const lambda = seciGrowthRate(rates(0.12, 0.05, 0.03, 0.09, 0.04));
  const ratio = (lambda + 0.04 - 0.12) / 0.09; // E/T
  const wT = 1 / (1 + ratio), wE = ratio / (1 + ratio);
  const f = [0.12 * wT, 0.05 * wT, 0.03 * wE, 0.09 * wE];
  const expected = 1 + lambda * f.reduce((s, v) => s + 1 / v, 0);
  assert.ok(r.turns >= 3, `turns ${r.turns}`);
  close(r.growthPerTurn.at(-1)!, expected, 1e-9 * expected, "growth per turn");
  // phase is non-decreasing and the turn counter matches
  const phase = r.cycle.array("phase") as Float64Array;
  for (let i = 1; i < phase.length; i++) assert.ok(phase[i]! >= phase[i - 1]!);
  assert.equal(Math.floor(phase.at(-1)! / (2 * Math.PI)), r.turns);
});

Deno.test("simulateSpiral: turn times are in model time for any dt (dt = 0.5 vs dt = 1, closed-form spacing)", () => {
  // A turn ends inside substep q of output step `step`, at t = (step − 1)·dt + (q + used)·h, h = dt/substeps.
  // (1) dt = 0.5 with 10 substeps and dt = 1 with 20 substeps take the same RK4 substeps (h = 0.05), so the
  //     turn times agree (up to rounding);
  // (2) each turn time lies within the output step at which the `turn` counter of the cycle table increases;
  // (3) in balanced growth K ∝ e^{λt}, so a turn that multiplies K by G lasts ln(G)/λ.
  const half = simulateSpiral({ ...ONE, steps: 800, dt: 0.5, substeps: 10 });
  const unit = simulateSpiral({ ...ONE, steps: 400, dt: 1, substeps: 20 });
  assert.equal(half.turns, unit.turns);
  assert.ok(half.turns >= 10, `turns ${half.turns}`);
  half.turnTimes.forEach((t, k) => close(t, unit.turnTimes[k]!, 1e-9, `turn ${k}`));
  const turn = half.cycle.array("turn") as Int32Array, time = half.cycle.array("time") as Float64Array;
  half.turnTimes.forEach((t, k) => {
    const i = turn.findIndex((v) => v > k);
    assert.ok(time[i - 1]! < t && t <= time[i]!, `turn ${k} at ${t}, counter moves at ${time[i]}`);
  });
  const lambda = seciGrowthRate(rates(0.12, 0.05, 0.03, 0.09, 0.04));
  for (let k = 4; k < half.turns; k++) {
    const duration = half.turnTimes[k]! - half.turnTimes[k - 1]!;
    close(duration, Math.log(half.growthPerTurn[k]!) / lambda, 1e-4, `duration of turn ${k}`);
  }
});

Deno.test("power: order strings map to shares and modulate the rates", () => {
  assert.deepEqual(powerMultipliers(0.5), {
    socialisation: 1,
    externalisation: 1,
    combination: 1,
    internalisation: 1,
  });
  const m = powerMultipliers(1, { strength: 0.5 });
  assert.equal(m.combination, 1.5);
  assert.equal(m.socialisation, 0.5);
  const pub = simulateSpiral({ order: "public_hierarchy", steps: 5 });
  const same = simulateSpiral({ publicShare: ORDER_PUBLIC_SHARE.public_hierarchy, steps: 5 });
  assert.deepEqual(pub.cycle.objects(), same.cycle.objects());
  close(pub.effectiveRates.combination[0]!, 0.08 * (1 + 0.5 * (2 * 5 / 6 - 1)), 1e-15, "public combination");
  const priv = simulateSpiral({ order: "private_order", steps: 5 });
  assert.ok(priv.effectiveRates.socialisation[0]! > pub.effectiveRates.socialisation[0]!);
  assert.equal(priv.publicShare, 1 / 6);
});

Deno.test("simulateSpiral: labels in Chinese and invalid parameters", () => {
  const zh = simulateSpiral({ steps: 2, lang: "zh" });
  assert.equal(zh.stocks.get("levelLabel", 0), "个人");
  assert.equal(zh.stocks.get("formLabel", 0), "隐性知识");
  assert.throws(() => simulateSpiral({ order: "public_hierarchy", publicShare: 0.2 }), ValidationError);
  assert.throws(() => simulateSpiral({ publicShare: 2 }), (e: unknown) => {
    assert.ok(e instanceof ValidationError);
    assert.equal(e.issues[0]!.column, "publicShare");
    return true;
  });
  assert.throws(
    () => simulateSpiral({ rates: { socialisation: [0.1, -1, 0.1, 0.1] } }),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "rates.socialisation[1]",
  );
  // too coarse a step is refused rather than producing negative stocks
  assert.throws(() => simulateSpiral({ obsolescence: 3, substeps: 1 }), ValidationError);
  // @ts-expect-error: unknown order
  assert.throws(() => simulateSpiral({ order: "market" }), ValidationError);
});

Deno.test("simulateSpiral: each level grows at its closed-form rate; the flow table carries stocks", () => {
  // no upward flow: every level is its own linear block with its own λ*
  const r = simulateSpiral({
    rates: { socialisation: [0.12, 0.05, 0.1, 0.02], combination: [0.03, 0.1, 0.05, 0.02] },
    obsolescence: [0.04, 0.03, 0.05, 0.06],
    upward: 0,
    tacit0: [1, 1, 1, 1],
    steps: 300,
    substeps: 20,
  });
  r.levelGrowth.forEach((lambda, l) =>
    close(r.simulatedLevelGrowth[l]!, lambda, 1e-6, `level ${l}: simulated vs closed form`)
  );
  close(r.levelGrowth[1]!, seciGrowthRate(rates(0.05, 0.08, 0.1, 0.08, 0.03)), 1e-15, "level 1 closed form");
  // with the upward flow the total approaches λ* from above (polynomial × exponential growth)
  const up = simulateSpiral({ ...ONE, upward: 0.02, tacit0: [1, 0, 0, 0], steps: 100 });
  close(up.simulatedLevelGrowth[0]!, up.levelGrowth[0]!, 1e-6, "individual level without inflow");
  assert.ok(up.growthRate > up.levelGrowth[0]!, `${up.growthRate} > ${up.levelGrowth[0]}`);
  // `stock` of each flow row is the stock of its `to` form at the end of the step
  const stock = new Map(
    (up.stocks.objects() as { step: number; level: string; form: string; stock: number }[]).map((
      d,
    ) => [`${d.step}|${d.level}|${d.form}`, d.stock]),
  );
  const fl = up.flows.objects() as { step: number; level: string; to: string; stock: number }[];
  assert.equal(fl.length, 100 * 4 * 7);
  for (const f of fl) assert.equal(f.stock, stock.get(`${f.step}|${f.level}|${f.to}`));
});

Deno.test("seciGrowthRate and powerMultipliers reject invalid parameters by name", () => {
  assert.throws(() => seciGrowthRate(rates(0.1, -0.1, 0.1, 0.1, 0.05)), (e: unknown) => {
    assert.ok(e instanceof ValidationError);
    assert.equal(e.issues[0]!.column, "externalisation");
    assert.equal(e.issues[0]!.received, "-0.1");
    return true;
  });
  assert.throws(() => seciGrowthRate(rates(0.1, 0.1, Number.NaN, 0.1, 0.05)), ValidationError);
  assert.throws(() => powerMultipliers(1.5), (e: unknown) => {
    assert.ok(e instanceof ValidationError);
    assert.equal(e.issues[0]!.column, "publicShare");
    return true;
  });
  assert.throws(() => powerMultipliers(0.5, { strength: 2 }), ValidationError);
  // not a SECI mode
  assert.throws(() => powerMultipliers(0.5, { publicModes: ["market" as never] }), ValidationError);
  assert.throws(() => seciGrowthRate({ socialisation: 0.1 } as never), (e: unknown) => {
    assert.ok(e instanceof ValidationError);
    assert.deepEqual(e.issues.map((i) => i.column), [
      "externalisation",
      "combination",
      "internalisation",
      "obsolescence",
    ]);
    return true;
  });
  // private order at full strength: public modes switched off, private modes doubled
  assert.deepEqual(powerMultipliers(0, { strength: 1 }), {
    socialisation: 2,
    externalisation: 0,
    combination: 0,
    internalisation: 2,
  });
});

Deno.test("simulateSpiral(): a language other than en or zh is a ValidationError, not undefined labels", () => {
  assert.throws(
    () => simulateSpiral({ steps: 2, lang: "fr" as never }),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "lang",
  );
});

Deno.test("seciGrowthRate(s, e, c, i, δ) and powerMultipliers(p, α, pub, priv): the 0.1 positional forms", () => {
  assert.equal(
    seciGrowthRate(0.12, 0.05, 0.03, 0.09, 0.04),
    seciGrowthRate({
      socialisation: 0.12,
      externalisation: 0.05,
      combination: 0.03,
      internalisation: 0.09,
      obsolescence: 0.04,
    }),
  );
  // the 0.1 form names its parameters as 0.1 did
  assert.throws(
    () => seciGrowthRate(0.1, -0.1, 0.1, 0.1, 0.05),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "e",
  );
  assert.deepEqual(powerMultipliers(0.8, 0.3), powerMultipliers(0.8, { strength: 0.3 }));
  assert.deepEqual(
    powerMultipliers(0.8, 0.3, ["socialisation"], ["combination"]),
    powerMultipliers(0.8, { strength: 0.3, publicModes: ["socialisation"], privateModes: ["combination"] }),
  );
  assert.deepEqual(
    powerMultipliers(0.8, undefined, ["socialisation"]),
    powerMultipliers(0.8, { publicModes: ["socialisation"] }),
  );
  assert.throws(() => powerMultipliers(0.5, 2), ValidationError);
});
