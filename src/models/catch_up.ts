/**
 * Latecomer catch-up 后发追赶: technology diffusion from a leader with absorptive capacity, in the ratio of
 * the follower's to the leader's technology (or income) level B = A_i/A_m — simulation, closed-form path and
 * fit. The models and their steady state are described in `classify/catch_up.ts`, which also classifies a
 * follower as catching up, keeping pace or falling behind:
 *
 * - Nelson & Phelps (1966), generalised by Benhabib & Spiegel (2005, eq. 2.1): Ḃ = c − (c + g_m − g_i) B, so
 *   with k = c + g_m − g_i, B(t) = B* + (B₀ − B*)e^{−kt}, B* = c/k;
 * - Benhabib & Spiegel logistic diffusion (2005, eq. 2.5): Ḃ = ρB − cB², ρ = c + g_i − g_m, with the closed form
 *   B(t) = ρB₀e^{ρt} / (ρ + cB₀(e^{ρt} − 1)).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { catchUpRatio } from "clusterlab/advanced";
 * import { simulateCatchUp } from "clusterlab";
 * const p = { model: "nelson-phelps" as const, c: 0.06, gLeader: 0.02 }; // k = 0.08, B* = 0.75
 * const s = simulateCatchUp(p, 0.25, { tEnd: 10 });
 * const closed = catchUpRatio(p, 0.25, 10); // 0.75 − 0.5e^{−0.8}
 * assert.ok(Math.abs(closed - (0.75 - 0.5 * Math.exp(-0.8))) < 1e-12);
 * assert.ok(Math.abs((s.table.get("ratio", 10) as number) - closed) < 1e-8);
 * ```
 * @module
 */
import * as aq from "../deps/arquero.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import { type TableInput, toTable } from "../data/adapters.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../core/validation_error.ts";
import { increasingIssues, ParamChecker } from "../core/checks.ts";
import {
  type CatchUpModel,
  type CatchUpParams,
  type CatchUpSteadyState,
  catchUpSteadyState,
  checkCatchUpParams,
} from "../classify/catch_up.ts";
import { solveODE } from "./ode.ts";
import { finiteResult } from "../indicators/finite_result.ts";
import { checkUniqueKey } from "../data/keys.ts";
import { mergeGivenOnce } from "../core/deprecated.ts";

/** Options of {@link simulateCatchUp}. */
export interface SimulateCatchUpOptions {
  /** Years to simulate (> 0; default 50). */
  readonly tEnd?: number;
  /** Output spacing in years (> 0; default 1). */
  readonly dt?: number;
  /** Leader level at t = 0 (> 0; default 1), to report levels as well as the ratio. */
  readonly leader0?: number;
}

/**
 * @deprecated the 0.1 argument of {@link simulateCatchUp}, everything in one object; use
 * `simulateCatchUp(params, ratio0, { tEnd, dt, leader0 })`.
 */
export interface CatchUpSimulation extends CatchUpParams, SimulateCatchUpOptions {
  /** Initial ratio B₀ = A_i/A_m (> 0). */
  readonly ratio0: number;
}

/** Today's (params, ratio0, options) of a {@link simulateCatchUp} call, the 0.1 one-object form included. */
function simulateArguments(
  params: CatchUpParams | CatchUpSimulation,
  ratio0: number | undefined,
  options: SimulateCatchUpOptions,
): [CatchUpParams, number, SimulateCatchUpOptions] {
  if (ratio0 !== undefined || params === null || typeof params !== "object") {
    return [params, ratio0!, options];
  }
  const { ratio0: start, tEnd, dt, leader0, ...rest } = params as CatchUpSimulation;
  const v01 = { tEnd, dt, leader0 };
  return [rest, start, mergeGivenOnce("parameters of simulateCatchUp", v01, options)];
}

/** Result of {@link simulateCatchUp}. */
export interface SimulateCatchUpResult {
  /** One row per output time: `t`, `ratio`, `leader` (leader level, growing at g_m), `follower` (ratio × leader). */
  readonly table: ColumnTable;
  /** The closed-form steady state of the parameters. */
  readonly steady: CatchUpSteadyState;
  /** Problems met (integration stopped, the follower forging ahead without bound). */
  readonly warnings: readonly string[];
}

/**
 * The closed-form ratio B(t) of a catch-up model from B₀ (Benhabib & Spiegel 2005, eqs. 2.1 and 2.5; with
 * ρ = 0 the logistic form is B₀/(1 + cB₀t), with k = 0 Nelson–Phelps is B₀ + ct).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { catchUpRatio } from "clusterlab/advanced";
 * // logistic with ρ = 0: B(t) = B₀/(1 + cB₀t) = 0.5/(1 + 0.02·0.5·10)
 * assert.equal(catchUpRatio({ c: 0.02, g: 0.01, gLeader: 0.03 }, 0.5, 10), 0.5 / 1.1);
 * ```
 */
export function catchUpRatio(params: CatchUpParams, ratio0: number, t: number): number {
  const chk = new ParamChecker("parameters of catchUpRatio");
  checkCatchUpParams(chk, params);
  chk.number("ratio0", ratio0, { min: 0, open: true });
  chk.number("t", t);
  chk.done();
  const s = catchUpSteadyState(params);
  if ((params.model ?? "logistic") === "logistic") {
    const rho = s.rate, c = s.c;
    if (rho === 0) return ratio0 / (1 + c * ratio0 * t);
    const e = Math.exp(rho * t);
    return rho * ratio0 * e / (rho + c * ratio0 * (e - 1));
  }
  const k = s.rate;
  if (k === 0) return ratio0 + s.c * t;
  const bs = s.c / k; // = steadyRatio when k > 0; negative (no steady state) when the follower forges ahead
  return bs + (ratio0 - bs) * Math.exp(-k * t);
}

/**
 * Simulate catch-up from the ratio `ratio0` = B₀ by integrating the ratio ODE (Dormand–Prince); returns a
 * table with `t`, `ratio`, `leader` (leader level, growing at g_m) and `follower` (= ratio × leader), plus the
 * steady state ({@link catchUpSteadyState}).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { simulateCatchUp } from "clusterlab";
 * const s = simulateCatchUp({ model: "logistic", c: 0.08, g: 0.01, gLeader: 0.02 }, 0.2, { tEnd: 60 });
 * // B* = (0.08 + 0.01 − 0.02)/0.08 = 0.875
 * assert.ok(Math.abs(s.steady.steadyRatio - 0.875) < 1e-12);
 * assert.equal(s.table.numRows(), 61);
 * ```
 */
export function simulateCatchUp(
  params: CatchUpParams,
  ratio0: number,
  options?: SimulateCatchUpOptions,
): SimulateCatchUpResult;
/**
 * @deprecated the 0.1 form `simulateCatchUp({ ...params, ratio0, tEnd, dt, leader0 })`; use
 * `simulateCatchUp(params, ratio0, { tEnd, dt, leader0 })`.
 */
export function simulateCatchUp(simulation: CatchUpSimulation): SimulateCatchUpResult;
export function simulateCatchUp(
  params01: CatchUpParams | CatchUpSimulation,
  ratio001?: number,
  options01: SimulateCatchUpOptions = {},
): SimulateCatchUpResult {
  const [params, ratio0, options] = simulateArguments(params01, ratio001, options01);
  const chk = new ParamChecker("parameters of simulateCatchUp");
  checkCatchUpParams(chk, params);
  chk.number("ratio0", ratio0, { min: 0, open: true });
  if (options.tEnd !== undefined) chk.number("tEnd", options.tEnd, { min: 0, open: true });
  if (options.dt !== undefined) chk.number("dt", options.dt, { min: 0, open: true });
  if (options.leader0 !== undefined) chk.number("leader0", options.leader0, { min: 0, open: true });
  chk.done();
  const steady = catchUpSteadyState(params);
  const c = steady.c, g = params.g ?? 0, gm = params.gLeader;
  const logistic = (params.model ?? "logistic") === "logistic";
  const sol = solveODE(
    (_t, b, db) => {
      db[0] = logistic ? (c + g - gm) * b[0]! - c * b[0]! * b[0]! : c - (c + gm - g) * b[0]!;
    },
    [ratio0],
    options.tEnd ?? 50,
    { dt: options.dt ?? 1 },
  );
  const L0 = options.leader0 ?? 1;
  const t = [...sol.t];
  const ratio = [...sol.y];
  const leader = t.map((x) => L0 * Math.exp(gm * x));
  const follower = ratio.map((b, k) => b * leader[k]!);
  const warnings = [...sol.warnings];
  if (!Number.isFinite(steady.steadyRatio)) warnings.push("the follower forges ahead without bound (k ≤ 0)");
  // a run long enough for a level to overflow stops where it does, as the integration does (named warning)
  const over = follower.findIndex((f, k) => !Number.isFinite(f) || !Number.isFinite(leader[k]!));
  if (over >= 0) {
    warnings.push(
      `overflow: the ${
        Number.isFinite(leader[over]!) ? "follower" : "leader"
      } level exceeds the float maximum ` +
        `(≈ 1.8e308) at t = ${t[over]}; output stops at t = ${
          t[over - 1] ?? t[0]
        } (shorten tEnd or rescale leader0)`,
    );
    for (const a of [t, ratio, leader, follower]) a.length = Math.max(over, 1);
  }
  return finiteResult("simulateCatchUp", {
    table: aq.table({ t, ratio, leader, follower }),
    steady,
    warnings,
  }, {
    allow: ["steady.steadyRatio", "steady.halfLife", "steady.speed"],
  });
}

/** Result of {@link fitCatchUp}. */
export interface CatchUpFit {
  /** The model that was fitted (`"nelson-phelps"` or `"logistic"`). */
  readonly model: CatchUpModel;
  /** Fitted initial ratio B₀ (at the first time). */
  readonly ratio0: number;
  /** Fitted curve parameter B*: the long-run ratio when the follower keeps up; negative (ρ/c < 0 logistic,
   * c/k < 0 Nelson–Phelps) when it falls away or forges ahead. */
  readonly steadyRatio: number;
  /** Fitted speed: k (Nelson–Phelps) or ρ (logistic), per time unit; the sign says the direction. */
  readonly speed: number;
  /** ln 2 / |speed|. */
  readonly halfLife: number;
  /** Implied diffusion rate c, per time unit. */
  readonly c: number;
  /** Implied growth differential g_i − g_m of the follower over the leader, per time unit. */
  readonly growthGap: number;
  /** Root-mean-square error of the fitted ratios. */
  readonly rmse: number;
  /** R² = 1 − SS_res / SS_tot of the fit (NaN when the ratios do not vary). */
  readonly r2: number;
  /** Fitted values at the input times. */
  readonly fitted: Float64Array;
  /** Problems (few points, no convergence, boundary solution). */
  readonly warnings: readonly string[];
}

/** Options of {@link fitCatchUp}. */
export interface FitCatchUpOptions {
  /** The model fitted: `"logistic"` (default) or `"nelson-phelps"`. */
  readonly model?: CatchUpModel;
}

/** A point of the Levenberg–Marquardt search: parameters [B₀, B*, k], sum of squares, convergence. */
interface LMPoint {
  readonly p: number[];
  readonly s: number;
  readonly converged: boolean;
}

/** The least-squares problem of {@link fitCatchUp}: curve, sum of squares and the c ≥ 0 constraint. */
interface CatchUpProblem {
  readonly curve: (p: readonly number[], t: number) => number;
  readonly sse: (p: readonly number[]) => number;
  readonly valid: (p: readonly number[]) => boolean;
  readonly ts: readonly number[];
  readonly ratios: readonly number[];
}

function checkSeries(times: readonly number[], ratios: readonly number[]): void {
  const issues: ValidationIssue[] = [];
  if (times.length !== ratios.length) {
    issues.push({
      column: "ratios",
      expected: `${times.length} values (one per time)`,
      received: `${ratios.length}`,
    });
  }
  times.forEach((v, i) => {
    if (!Number.isFinite(v)) {
      issues.push({ row: i + 1, column: "time", expected: "a finite number", received: describeValue(v) });
    }
  });
  ratios.forEach((v, i) => {
    if (!(Number.isFinite(v) && v > 0)) {
      issues.push({
        row: i + 1,
        column: "ratio",
        expected: "a finite number > 0",
        received: describeValue(v),
      });
    }
  });
  if (times.length < 4) {
    issues.push({ column: "times", expected: "at least 4 points", received: `${times.length}` });
  }
  issues.push(...increasingIssues("time", times));
  if (issues.length > 0) throw new ValidationError("series of fitCatchUp", issues);
}

function catchUpProblem(
  model: CatchUpModel,
  ts: readonly number[],
  ratios: readonly number[],
): CatchUpProblem {
  const n = ts.length;
  const curve = (p: readonly number[], t: number): number => {
    const [b0, bs, k] = p as [number, number, number];
    if (model === "nelson-phelps") return bs + (b0 - bs) * Math.exp(-k * t);
    return bs / (1 + (bs / b0 - 1) * Math.exp(-k * t));
  };
  const sse = (p: readonly number[]) => {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const r = ratios[i]! - curve(p, ts[i]!);
      s += r * r;
    }
    return Number.isFinite(s) ? s : Infinity;
  };
  // the model requires c ≥ 0: Nelson–Phelps c = k·B*, logistic c = ρ/B* (B* ≠ 0)
  const valid = (p: readonly number[]) =>
    p[0]! > 0 && (model === "nelson-phelps" ? p[2]! * p[1]! >= 0 : p[1]! !== 0 && p[2]! / p[1]! >= 0);
  return { curve, sse, valid, ts, ratios };
}

/** Levenberg–Marquardt (numerical Jacobian, λ ×10 / ÷10, at most 500 iterations) from `start`. */
function levenbergMarquardt(problem: CatchUpProblem, start: number[]): LMPoint {
  const { curve, sse, valid, ts, ratios } = problem;
  const n = ts.length;
  let p = start;
  let s = sse(p);
  let lambda = 1e-3;
  for (let it = 0; it < 500; it++) {
    const J: number[][] = [];
    const res: number[] = [];
    for (let i = 0; i < n; i++) {
      const f0 = curve(p, ts[i]!);
      res.push(ratios[i]! - f0);
      J.push(p.map((v, j) => {
        const h = 1e-7 * Math.max(1, Math.abs(v));
        const q = [...p];
        q[j] = v + h;
        return (curve(q, ts[i]!) - f0) / h;
      }));
    }
    const JTJ = [0, 1, 2].map((a) =>
      [0, 1, 2].map((b) => J.reduce((acc, row) => acc + row[a]! * row[b]!, 0))
    );
    const JTr = [0, 1, 2].map((a) => J.reduce((acc, row, i) => acc + row[a]! * res[i]!, 0));
    let improved = false;
    for (let tries = 0; tries < 20; tries++) {
      const A = JTJ.map((row, a) => row.map((v, b) => (a === b ? v * (1 + lambda) + 1e-12 : v)));
      const d = solve3(A, JTr);
      if (d) {
        const q = p.map((v, j) => v + d[j]!);
        const sq = valid(q) ? sse(q) : Infinity;
        if (sq < s) {
          const rel = (s - sq) / Math.max(s, 1e-300);
          p = q;
          s = sq;
          lambda = Math.max(lambda / 10, 1e-12);
          improved = true;
          if (rel < 1e-14) return { p, s, converged: true };
          break;
        }
      }
      lambda *= 10;
    }
    if (!improved) return { p, s, converged: true };
  }
  return { p, s, converged: false };
}

/** The best of several starts: speeds 0.5…8 per span × three B* guesses, plus a falling-away start each. */
function bestOfStarts(problem: CatchUpProblem): LMPoint {
  const { ts, ratios } = problem;
  const n = ts.length;
  const first = ratios[0]!, last = ratios[n - 1]!;
  const span = Math.max(...ts) || 1;
  let best: LMPoint | null = null;
  for (const k of [0.5, 1, 2, 4, 8].map((m) => m / span)) {
    for (const bs of [last, (first + last) / 2, last * 1.5]) {
      const r = levenbergMarquardt(problem, [first, bs, k]);
      if (!best || r.s < best.s) best = r;
    }
    // falling away (logistic ρ < 0, B* = ρ/c < 0) or forging ahead (Nelson–Phelps k < 0, B* = c/k < 0)
    const r = levenbergMarquardt(problem, [first, -last, -k]);
    if (r.s < best!.s) best = r;
  }
  return best!;
}

/**
 * Fit the speed of catch-up to a ratio series by nonlinear least squares (Levenberg–Marquardt with a
 * numerical Jacobian, several starting speeds; the best sum of squares wins) on the closed forms
 * B(t) = B* + (B₀ − B*)e^{−kt} (Nelson–Phelps) or B(t) = B* ÷ (1 + (B* ÷ B₀ − 1)e^{−ρt}) (logistic, B* > 0).
 * Implied structure: Nelson–Phelps c = k·B*, g_i − g_m = c − k; logistic c = ρ/B*, g_i − g_m = ρ − c. The fit is
 * constrained to c ≥ 0 (k and B* of the same sign), so a follower falling away in the logistic model has
 * ρ < 0 and B* = ρ/c < 0 (the ratio tends to 0, not to B*).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { fitCatchUp } from "clusterlab";
 * const t = [0, 5, 10, 15, 20, 25, 30];
 * const fit = fitCatchUp(t, t.map((x) => 0.8 - 0.6 * Math.exp(-0.1 * x)), { model: "nelson-phelps" });
 * // noiseless Nelson–Phelps data: k = 0.1, B* = 0.8, c = k·B* = 0.08 are recovered
 * assert.ok(Math.abs(fit.speed - 0.1) < 1e-6);
 * assert.ok(Math.abs(fit.steadyRatio - 0.8) < 1e-6);
 * assert.ok(Math.abs(fit.c - 0.08) < 1e-6);
 * ```
 */
export function fitCatchUp(
  times: readonly number[],
  ratios: readonly number[],
  options: FitCatchUpOptions = {},
): CatchUpFit {
  checkSeries(times, ratios);
  const model = options.model ?? "logistic";
  if (model !== "logistic" && model !== "nelson-phelps") {
    const chk = new ParamChecker("options of fitCatchUp");
    chk.add("model", '"logistic" or "nelson-phelps"', model);
    chk.done();
  }
  const t0 = Math.min(...times);
  const ts = times.map((t) => t - t0);
  const n = ts.length;
  const problem = catchUpProblem(model, ts, ratios);
  const best = bestOfStarts(problem);
  const [b0, bs, k] = best.p as [number, number, number];
  const fitted = Float64Array.from(ts, (t) => problem.curve(best.p, t));
  const mean = ratios.reduce((a, v) => a + v, 0) / n;
  const sst = ratios.reduce((a, v) => a + (v - mean) ** 2, 0);
  const span = Math.max(...ts) || 1;
  const warnings: string[] = [];
  if (!best.converged) warnings.push("Levenberg–Marquardt reached 500 iterations without converging");
  if (Math.abs(k) * span < 0.05) warnings.push("the fitted speed is too slow to be identified on this span");
  if (sst === 0) warnings.push("the series is constant: R² is undefined (NaN)");
  if (Math.abs(bs) > 10 * Math.max(...ratios)) {
    warnings.push("the steady ratio is not identified: the series is still in its exponential phase");
  }
  const c = model === "nelson-phelps" ? k * bs : k / bs;
  return finiteResult("fitCatchUp", {
    model,
    ratio0: b0,
    steadyRatio: bs,
    speed: k,
    halfLife: k !== 0 ? Math.LN2 / Math.abs(k) : Infinity,
    c,
    growthGap: model === "nelson-phelps" ? c - k : k - c,
    rmse: Math.sqrt(best.s / n),
    r2: sst > 0 ? 1 - best.s / sst : NaN,
    fitted,
    warnings,
  });
}

function solve3(A: number[][], b: number[]): number[] | null {
  const m = A.map((r, i) => [...r, b[i]!]);
  for (let c = 0; c < 3; c++) {
    let piv = c;
    for (let r = c + 1; r < 3; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[piv]![c]!)) piv = r;
    if (Math.abs(m[piv]![c]!) < 1e-300) return null;
    [m[c], m[piv]] = [m[piv]!, m[c]!];
    for (let r = c + 1; r < 3; r++) {
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k < 4; k++) m[r]![k] = m[r]![k]! - f * m[c]![k]!;
    }
  }
  const x = [0, 0, 0];
  for (let r = 2; r >= 0; r--) {
    let s = m[r]![3]!;
    for (let k = r + 1; k < 3; k++) s -= m[r]![k]! * x[k]!;
    x[r] = s / m[r]![r]!;
  }
  return x.every(Number.isFinite) ? x : null;
}

/** Options of {@link catchUpRatios}: the column roles of the long table. */
export interface CatchUpRatiosOptions {
  /** Column of the entities (default "entity"). */
  readonly entity?: string;
  /** Column of the years (default "year"). */
  readonly year?: string;
  /** Column of the values (GDP per capita, technology level; default "value"). */
  readonly value?: string;
}

/**
 * Ratios B = A_i/A_m of each entity's value to the value of the `leader` entity in the same year, from a long
 * table (`entity`, `year`, `value` columns, renamed by the options). Years where the leader is missing, and
 * values that are not > 0, are errors naming the row (nothing is dropped silently).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { catchUpRatios } from "clusterlab";
 * const r = catchUpRatios(
 *   [{ code: "JPN", year: 1960, gdppc: 10 }, { code: "KOR", year: 1960, gdppc: 2.5 }],
 *   "JPN",
 *   { entity: "code", value: "gdppc" },
 * );
 * assert.deepEqual(r.objects(), [{ entity: "KOR", year: 1960, ratio: 0.25 }]);
 * ```
 */
export function catchUpRatios(input: TableInput, leader: string, options?: CatchUpRatiosOptions): ColumnTable;
/**
 * @deprecated the 0.1 form `catchUpRatios(input, { entity, year, value, leader })`; use
 * `catchUpRatios(input, leader, { entity, year, value })`.
 */
export function catchUpRatios(
  input: TableInput,
  options: CatchUpRatiosOptions & { readonly leader: string },
): ColumnTable;
export function catchUpRatios(
  input: TableInput,
  leader01: string | (CatchUpRatiosOptions & { readonly leader: string }),
  options01: CatchUpRatiosOptions = {},
): ColumnTable {
  const { leader, ...options } = typeof leader01 === "object" && leader01 !== null
    ? mergeGivenOnce("options of catchUpRatios", leader01, options01 as typeof leader01)
    : { ...options01, leader: leader01 };
  const { entity = "entity", year = "year", value = "value" } = options;
  const t = toTable(input);
  const names = t.columnNames();
  const chk = new ParamChecker("input of catchUpRatios");
  for (const [opt, col] of [["entity", entity], ["year", year], ["value", value]] as const) {
    if (!names.includes(col)) {
      chk.add(opt, `a column of the table (${names.join(", ")})`, col, "missing column");
    }
  }
  chk.done();
  checkUniqueKey(t, [entity, year], "input of catchUpRatios");
  const rows = t.objects() as Record<string, unknown>[];
  const lead = new Map<number, number>();
  for (const r of rows) {
    if (r[entity] === leader) lead.set(Number(r[year]), Number(r[value]));
  }
  const issues: ValidationIssue[] = [];
  if (lead.size === 0) {
    issues.push({ column: entity, expected: `rows for the leader "${leader}"`, received: "none" });
  }
  const out: { entity: string; year: number; ratio: number }[] = [];
  rows.forEach((r, i) => {
    if (r[entity] === leader) return;
    const y = Number(r[year]);
    const v = Number(r[value]);
    const l = lead.get(y);
    if (!(Number.isFinite(v) && v > 0)) {
      issues.push({ row: i + 1, column: value, expected: "a number > 0", received: describeValue(r[value]) });
    } else if (l === undefined || !(l > 0)) {
      if (lead.size > 0) {
        issues.push({
          row: i + 1,
          column: year,
          expected: `a year with a leader value`,
          received: describeValue(y),
        });
      }
    } else out.push({ entity: String(r[entity]), year: y, ratio: v / l });
  });
  if (issues.length > 0) throw new ValidationError("input of catchUpRatios", issues);
  return finiteResult("catchUpRatios", aq.from(out));
}
