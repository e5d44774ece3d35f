import assert from "node:assert/strict";
import {
  type MarchParams,
  simulateMarch as simulate,
  type SimulateMarchOptions,
} from "../../src/models/march.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

/** The run options of simulateMarch; every other key of a test's record is a model parameter. */
const RUN_KEYS = ["runs", "seed", "periods", "trace"];

/** A test writes parameters and run options as one record; simulateMarch takes them apart. */
function simulateMarch(o: MarchParams & SimulateMarchOptions) {
  const params: Record<string, unknown> = {}, options: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) (RUN_KEYS.includes(k) ? options : params)[k] = v;
  return simulate(params as unknown as MarchParams, options);
}

// Workiewicz's replication of March (1991) Figure 1 with the Christensen (2015) corrections, 10,000 runs
// per cell (github.com/Mac13kW/March_1991_Original, Output/…_i_10000.csv). Rows p1 = 0.1 … 0.9.
const REFERENCE: Record<string, number[]> = {
  "0.1": [0.8633, 0.8171, 0.8051, 0.8021, 0.7994, 0.8032, 0.8060, 0.8090, 0.8132],
  "0.5": [0.9543, 0.9088, 0.8691, 0.8371, 0.8106, 0.7867, 0.7679, 0.7540, 0.7421],
  "0.9": [0.9724, 0.9404, 0.9081, 0.8737, 0.8401, 0.8067, 0.7796, 0.7561, 0.7284],
};
const P1 = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

function curve(p2: number, runs: number, seed = 11): number[] {
  return P1.map((p1) => simulateMarch({ p1, p2, runs, seed }).knowledge);
}

Deno.test("March Figure 1: slow socialisation learns more when p2 is 0.5 or 0.9", () => {
  for (const p2 of [0.5, 0.9]) {
    const k = curve(p2, 300);
    // strictly decreasing in p1 at the ends and overall
    assert.ok(k[0]! - k[8]! > 0.15, `p2=${p2}: ${k}`);
    for (let i = 0; i + 2 < k.length; i += 2) assert.ok(k[i]! > k[i + 2]!, `p2=${p2}, p1 step ${i}: ${k}`);
    // close to the 10,000-run replication (standard error with 300 runs ≈ 0.006)
    k.forEach((v, i) =>
      assert.ok(Math.abs(v - REFERENCE[String(p2)]![i]!) < 0.025, `p2=${p2} p1=${P1[i]}: ${v}`)
    );
  }
});

Deno.test("March Figure 1: for p2 = 0.1 the curve is U-shaped", () => {
  const k = curve(0.1, 1000);
  const min = Math.min(...k);
  const argmin = k.indexOf(min);
  assert.ok(argmin >= 2 && argmin <= 6, `minimum at p1=${P1[argmin]}: ${k}`);
  assert.ok(k[0]! - min > 0.04, `left arm ${k}`);
  assert.ok(k[8]! - min > 0.005, `right arm ${k}`);
  k.forEach((v, i) => assert.ok(Math.abs(v - REFERENCE["0.1"]![i]!) < 0.015, `p1=${P1[i]}: ${v}`));
});

Deno.test("simulateMarch is reproducible and returns a per-run table", () => {
  const a = simulateMarch({ p1: 0.3, p2: 0.5, runs: 20, seed: 5 });
  const b = simulateMarch({ p1: 0.3, p2: 0.5, runs: 20, seed: 5 });
  const c = simulateMarch({ p1: 0.3, p2: 0.5, runs: 20, seed: 6 });
  assert.equal(a.knowledge, b.knowledge);
  assert.deepEqual(a.runs.objects(), b.runs.objects());
  assert.notDeepEqual(a.runs.array("knowledge"), c.runs.array("knowledge"));
  assert.equal(a.runs.numRows(), 20);
  assert.deepEqual(a.runs.columnNames(), [
    "run",
    "knowledge",
    "individualKnowledge",
    "periods",
    "equilibrium",
  ]);
  const ks = a.runs.array("knowledge") as Float64Array;
  assert.equal(a.knowledge, ks.reduce((s, v) => s + v, 0) / 20);
  // every run reached the absorbing state, where individuals agree with the code wherever it is set
  assert.ok((a.runs.array("equilibrium") as boolean[]).every((e) => e));
  for (const v of ks) assert.ok(v >= -1 && v <= 1 && Number.isInteger(Math.round(v * 30 * 1e9) / 1e9));
  assert.deepEqual(a.warnings, []);
});

Deno.test("March closed cases: p1 = 0 keeps individuals fixed; p2 = 0 keeps the code at 0", () => {
  const noCode = simulateMarch({ p1: 0.5, p2: 0, runs: 10, seed: 2 });
  assert.equal(noCode.knowledge, 0); // code never learns: knowledge 0 (neutral code)
  // superior individuals keep existing, so no absorbing state: every run hits the period cap, reported
  assert.deepEqual(noCode.warnings, ["10 of 10 runs reached the cap of 10000 periods before equilibrium"]);
  // with p2 = 0 the code stays neutral, so socialisation has nothing to teach: individuals keep their
  // initial beliefs, whose expected knowledge is 0 (mean over 10 runs × 50 individuals is small)
  assert.ok(Math.abs(noCode.individualKnowledge) < 0.05);
  const r = simulateMarch({ p1: 0, p2: 0.9, runs: 10, seed: 2 });
  // without socialisation the code still learns from superior individuals and ends above 0.5
  assert.ok(r.knowledge > 0.5, String(r.knowledge));
});

Deno.test("March with turbulence and turnover runs a fixed horizon and records a trace", () => {
  const r = simulateMarch({
    p1: 0.5,
    p2: 0.5,
    runs: 50,
    seed: 3,
    turbulence: 0.02,
    periods: 200,
    trace: true,
  });
  assert.equal(r.trace!.length, 200);
  assert.ok((r.runs.array("periods") as Int32Array).every((p) => p === 200));
  // turbulence erodes knowledge: late knowledge below the peak of the trace
  const peak = Math.max(...r.trace!);
  assert.ok(r.trace![199]! < peak - 0.1, `peak ${peak}, end ${r.trace![199]}`);
  const t = simulateMarch({ p1: 0.5, p2: 0.5, runs: 50, seed: 3, turnover: 0.1, periods: 100 });
  assert.ok(t.knowledge > 0 && t.knowledge <= 1);
});

Deno.test("March rejects invalid parameters with ValidationError naming them", () => {
  assert.throws(() => simulateMarch({ p1: 1.5, p2: 0.5 }), (e: unknown) => {
    assert.ok(e instanceof ValidationError);
    assert.equal(e.issues[0]!.column, "p1");
    assert.equal(e.issues[0]!.received, "1.5");
    return true;
  });
  assert.throws(() => simulateMarch({ p1: 0.5, p2: Number.NaN }), ValidationError);
  assert.throws(() => simulateMarch({ p1: 0.5, p2: 0.5, runs: 0 }), ValidationError);
  assert.throws(() => simulateMarch({ p1: 0.5, p2: 0.5, m: 2.5 }), ValidationError);
});

Deno.test("March works for m > 32 (several bit words)", () => {
  const r = simulateMarch({ p1: 0.1, p2: 0.9, runs: 20, seed: 4, m: 70 });
  assert.ok(r.knowledge > 0.8, String(r.knowledge));
});

Deno.test("March turnover: p3 = 1 with p1 = 0 keeps individuals naive (expected knowledge 0)", () => {
  const r = simulateMarch({ p1: 0, p2: 0.5, runs: 50, seed: 3, turnover: 1, periods: 50 });
  // naive beliefs are −1, 0, 1 with probability ⅓: mean knowledge 0, s.e. √(2/3 / (50·50·30)) ≈ 0.003
  assert.ok(Math.abs(r.individualKnowledge) < 0.015, String(r.individualKnowledge));
});

Deno.test("March turbulence: without turnover code knowledge decays; turnover sustains it (March 1991, pp. 78–79)", () => {
  const base = { p1: 0.5, p2: 0.5, runs: 100, seed: 3, turbulence: 0.02, periods: 300 };
  const closed = simulateMarch(base).knowledge;
  const some = simulateMarch({ ...base, turnover: 0.02 }).knowledge;
  const more = simulateMarch({ ...base, turnover: 0.1 }).knowledge;
  assert.ok(closed < 0.15, `no turnover: ${closed}`);
  assert.ok(some > 0.35 && more > some, `turnover 0.02: ${some}, 0.1: ${more}`);
});

Deno.test("March trace: a tiny case (m = 2, n = 1, p2 = 1) whose trace is a 0/1 step function per run", () => {
  // Derivation. The code starts neutral (score 0). With n = 1 and m = 2 the lone individual's performance is
  // Σ a_d·r_d ∈ {−2, 0, 2}, so it is superior only with both actions right; then every dimension has k = 1
  // vote and p2 = 1 adopts it with probability 1 − (1 − 1)¹ = 1: the code equals reality, knowledge 2/2 = 1,
  // and nobody can beat it afterwards. So each run's code knowledge after period t is 0 before its first
  // success and 1 from then on; a run that stops keeps its final value. The trace (mean over runs) thus
  // takes values in {0, 1/R, …, 1}, never decreases, and equals the mean final knowledge from the period
  // the last run stopped.
  const one = simulateMarch({ p1: 1, p2: 1, m: 2, n: 1, runs: 1, seed: 5, periods: 12, trace: true });
  // seed 5: success in period 1, the belief is socialised in period 2 and the run stops there
  assert.equal(one.knowledge, 1);
  assert.equal(one.runs.get("periods", 0), 2);
  assert.deepEqual([...one.trace!], new Array(12).fill(1)); // recorded for periods 1–2, carried to 12
  const R = 8;
  const many = simulateMarch({ p1: 1, p2: 1, m: 2, n: 1, runs: R, seed: 1, periods: 12, trace: true });
  const finals = [...(many.runs.array("knowledge") as Float64Array)];
  for (const k of finals) assert.ok(k === 0 || k === 1, `final knowledge ${k}`);
  const successes = finals.filter((k) => k === 1).length;
  assert.ok(successes > 0 && successes < R, `${successes} of ${R} runs learn reality`); // a non-trivial case
  assert.equal(many.knowledge, successes / R);
  const stop = Math.max(...(many.runs.array("periods") as Int32Array));
  many.trace!.forEach((v, t) => {
    assert.ok(Number.isInteger(v * R) && v >= 0 && v <= 1, `trace[${t}] = ${v}`);
    if (t > 0) assert.ok(v >= many.trace![t - 1]!, `trace decreases at ${t}`);
    if (t >= stop - 1) assert.equal(v, successes / R, `trace[${t}] after every run stopped`);
  });
  assert.deepEqual(many.warnings, []);
});

Deno.test("March trace with turbulence: code knowledge per period in steps of 1/m, last value = knowledge", () => {
  // one run of an open model never stops, so trace[t] is that run's Σ c_d·r_d / m after period t + 1: a
  // multiple of 1/m in [−1, 1], and the last entry is the reported final knowledge exactly
  const m = 4;
  const r = simulateMarch({
    p1: 0.5,
    p2: 0.5,
    m,
    n: 3,
    runs: 1,
    seed: 2,
    periods: 10,
    turbulence: 0.1,
    trace: true,
  });
  assert.equal(r.runs.get("periods", 0), 10);
  for (const v of r.trace!) assert.ok(Number.isInteger(v * m) && Math.abs(v) <= 1, `trace value ${v}`);
  assert.equal(r.trace![9], r.knowledge);
  assert.ok(r.trace!.some((v) => v !== 0), "the code learns something");
});

Deno.test("simulateMarch(params, options): the parameters first, the runs last; params echoes both", () => {
  const r = simulate({ p1: 0.2, p2: 0.7, m: 40 }, { runs: 3, seed: 9 });
  assert.deepEqual(r.params, {
    p1: 0.2,
    p2: 0.7,
    runs: 3,
    seed: 9,
    m: 40,
    n: 50,
    turnover: 0,
    turbulence: 0,
    periods: 10_000,
  });
  assert.equal(r.knowledge, simulateMarch({ p1: 0.2, p2: 0.7, m: 40, runs: 3, seed: 9 }).knowledge);
  assert.throws(() => simulate(null as never), ValidationError);
});

Deno.test("simulateMarch: the 0.1 one-object form keeps every run setting, trace included", () => {
  const p = { p1: 0.5, p2: 0.5, turbulence: 0.02 };
  const v01 = simulate({ ...p, runs: 4, seed: 3, periods: 30, trace: true });
  const today = simulate(p, { runs: 4, seed: 3, periods: 30, trace: true });
  assert.ok(v01.trace !== undefined);
  assert.deepEqual(Array.from(v01.trace!), Array.from(today.trace!));
  assert.deepEqual([v01.knowledge, v01.params], [today.knowledge, today.params]);
});
