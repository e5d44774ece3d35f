/**
 * Latecomer catch-up 后发追赶: technology diffusion from a leader with absorptive capacity, in the ratio of
 * the follower's to the leader's technology (or income) level B = A_i/A_m.
 *
 * - Nelson & Phelps (1966), as generalised by Benhabib & Spiegel (2005, *Handbook of Economic Growth* 1A,
 *   ch. 13, eq. 2.1): Ȧ_i/A_i = g_i + c (A_m/A_i − 1), so Ḃ = c − (c + g_m − g_i) B. With k = c + g_m − g_i > 0
 *   the ratio converges to B* = c/k at speed k: B(t) = B* + (B₀ − B*)e^{−kt}. With g_i = 0 this is the
 *   original Ȧ = Φ(h)(T − A), T growing at g_m: B* = Φ/(Φ + g_m).
 * - Benhabib & Spiegel logistic diffusion (2005, eq. 2.5): Ȧ_i/A_i = g_i + c (1 − A_i/A_m), so
 *   Ḃ = ρB − cB² with ρ = c + g_i − g_m. The follower keeps up with the leader iff ρ > 0 (their condition
 *   c(H_i) + g(H_i) − g(H_m) > 0), converging to B* = ρ/c; otherwise B → 0. Closed form
 *   B(t) = ρB₀e^{ρt} / (ρ + cB₀(e^{ρt} − 1)).
 * - Absorptive capacity (Cohen & Levinthal 1990) scales the diffusion rate: c = c₀ · h with h ∈ [0, 1]
 *   (design choice: a multiplicative capacity, like Φ(h) in Nelson–Phelps; default h = 1).
 *
 * @example
 * ```ts
 * import { classifyCatchUp } from "clusterlab";
 * classifyCatchUp({ model: "logistic", c: 0.05, g: 0.02, gLeader: 0.02, ratio: 0.3 }).label; // "catching up"
 * ```
 * @module
 */
import * as aq from "arquero";
import type { ColumnTable } from "arquero";
import type { Bilingual, Lang } from "../i18n.ts";
import { type TableInput, toTable } from "../data/adapters.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../data/validation_error.ts";
import { ParamChecker } from "./param_check.ts";
import { solveODE } from "./ode.ts";

/** The diffusion model. */
export type CatchUpModel = "nelson-phelps" | "logistic";

/** Parameters of the catch-up models. */
export interface CatchUpParams {
  /** `"nelson-phelps"` (exponential diffusion) or `"logistic"` (Benhabib–Spiegel), default "logistic". */
  readonly model?: CatchUpModel;
  /** Diffusion (catch-up) rate c₀ ≥ 0 per year. */
  readonly c: number;
  /** Follower's own innovation rate g_i (per year, default 0). */
  readonly g?: number;
  /** Leader's growth rate g_m (per year). */
  readonly gLeader: number;
  /** Absorptive capacity h in [0, 1] multiplying c₀ (default 1). */
  readonly absorptiveCapacity?: number;
}

/** Options of {@link simulateCatchUp}. */
export interface CatchUpSimulation extends CatchUpParams {
  /** Initial ratio B₀ = A_i/A_m (> 0). */
  readonly ratio0: number;
  /** Years to simulate (default 50). */
  readonly tEnd?: number;
  /** Output spacing in years (default 1). */
  readonly dt?: number;
  /** Leader level at t = 0 (default 1), to report levels as well as the ratio. */
  readonly leader0?: number;
}

/** Steady state of a catch-up model. */
export interface CatchUpSteadyState {
  /** Effective diffusion rate c = c₀·h. */
  readonly c: number;
  /** Logistic: ρ = c + g_i − g_m (keeps up iff > 0). Nelson–Phelps: k = c + g_m − g_i (converges iff > 0). */
  readonly rate: number;
  /** Long-run ratio B* (0 when the follower falls away, Infinity when it forges ahead without bound). */
  readonly steadyRatio: number;
  /** Convergence speed toward B* (per year; |rate|). */
  readonly speed: number;
  /** Half-life ln 2 / speed in years (Infinity when the speed is 0). */
  readonly halfLife: number;
}

function checkParams(c: ParamChecker, p: CatchUpParams): void {
  if (p.model !== undefined && p.model !== "logistic" && p.model !== "nelson-phelps") {
    c.add("model", '"logistic" or "nelson-phelps"', p.model);
  }
  c.number("c", p.c, { min: 0 });
  if (p.g !== undefined) c.number("g", p.g);
  c.number("gLeader", p.gLeader);
  if (p.absorptiveCapacity !== undefined) {
    c.number("absorptiveCapacity", p.absorptiveCapacity, { min: 0, max: 1 });
  }
}

/**
 * The closed-form steady state and speed of a catch-up model.
 *
 * @example
 * ```ts
 * import { catchUpSteadyState } from "clusterlab";
 * catchUpSteadyState({ model: "nelson-phelps", c: 0.06, gLeader: 0.02 }).steadyRatio; // 0.75 = Φ/(Φ + g)
 * ```
 */
export function catchUpSteadyState(params: CatchUpParams): CatchUpSteadyState {
  const chk = new ParamChecker("parameters of catchUpSteadyState");
  checkParams(chk, params);
  chk.done();
  const c = params.c * (params.absorptiveCapacity ?? 1);
  const g = params.g ?? 0;
  if ((params.model ?? "logistic") === "logistic") {
    const rho = c + g - params.gLeader;
    const steady = rho > 0 ? rho / c : 0;
    const speed = Math.abs(rho);
    return { c, rate: rho, steadyRatio: steady, speed, halfLife: speed > 0 ? Math.LN2 / speed : Infinity };
  }
  const k = c + params.gLeader - g;
  const steady = k > 0 ? c / k : Infinity;
  const speed = Math.abs(k);
  return { c, rate: k, steadyRatio: steady, speed, halfLife: speed > 0 ? Math.LN2 / speed : Infinity };
}

/**
 * The closed-form ratio B(t) of a catch-up model from B₀.
 *
 * @example
 * ```ts
 * import { catchUpRatio } from "clusterlab";
 * catchUpRatio({ model: "nelson-phelps", c: 0.06, gLeader: 0.02 }, 0.25, 10); // 0.75 − 0.5e^{−0.8}
 * ```
 */
export function catchUpRatio(params: CatchUpParams, ratio0: number, t: number): number {
  const chk = new ParamChecker("parameters of catchUpRatio");
  checkParams(chk, params);
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
 * Simulate catch-up by integrating the ratio ODE (Dormand–Prince); returns a table with `t`, `ratio`,
 * `leader` (leader level, growing at g_m) and `follower` (= ratio × leader), plus the steady state.
 *
 * @example
 * ```ts
 * import { simulateCatchUp } from "clusterlab";
 * const s = simulateCatchUp({ model: "logistic", c: 0.08, g: 0.01, gLeader: 0.02, ratio0: 0.2, tEnd: 60 });
 * s.steady.steadyRatio; // 0.875 = (0.08 + 0.01 − 0.02)/0.08
 * ```
 */
export function simulateCatchUp(options: CatchUpSimulation): {
  table: ColumnTable;
  steady: CatchUpSteadyState;
  warnings: string[];
} {
  const chk = new ParamChecker("parameters of simulateCatchUp");
  checkParams(chk, options);
  chk.number("ratio0", options.ratio0, { min: 0, open: true });
  if (options.tEnd !== undefined) chk.number("tEnd", options.tEnd, { min: 0, open: true });
  if (options.dt !== undefined) chk.number("dt", options.dt, { min: 0, open: true });
  if (options.leader0 !== undefined) chk.number("leader0", options.leader0, { min: 0, open: true });
  chk.done();
  const steady = catchUpSteadyState(options);
  const c = steady.c, g = options.g ?? 0, gm = options.gLeader;
  const logistic = (options.model ?? "logistic") === "logistic";
  const sol = solveODE(
    (_t, b, db) => {
      db[0] = logistic ? (c + g - gm) * b[0]! - c * b[0]! * b[0]! : c - (c + gm - g) * b[0]!;
    },
    [options.ratio0],
    { tEnd: options.tEnd ?? 50, dt: options.dt ?? 1 },
  );
  const L0 = options.leader0 ?? 1;
  const t = [...sol.t];
  const ratio = [...sol.y];
  const leader = t.map((x) => L0 * Math.exp(gm * x));
  const warnings = [...sol.warnings];
  if (!Number.isFinite(steady.steadyRatio)) warnings.push("the follower forges ahead without bound (k ≤ 0)");
  return {
    table: aq.table({ t, ratio, leader, follower: ratio.map((b, k) => b * leader[k]!) }),
    steady,
    warnings,
  };
}

/** Catch-up classes. */
export const CATCH_UP_CLASSES = {
  catchingUp: { en: "catching up", zh: "追赶中" },
  keepingPace: { en: "keeping pace", zh: "同步并跑" },
  fallingBehind: { en: "falling behind", zh: "落后" },
} as const satisfies Record<string, Bilingual>;

/** Result of {@link classifyCatchUp}. */
export interface CatchUpClass extends CatchUpSteadyState {
  /** Class key. */
  readonly class: keyof typeof CATCH_UP_CLASSES;
  /** Label in the requested language. */
  readonly label: string;
  /** The rule that fired, in words (English). */
  readonly reason: string;
}

/**
 * Classify a follower from the closed-form condition: in the logistic model ρ = c + g_i − g_m ≤ 0 means
 * falling behind (B → 0); otherwise compare the current ratio B with B*: below B*·(1 − tolerance) catching up,
 * above B*·(1 + tolerance) falling behind (relative decline toward B*), else keeping pace (design choice:
 * relative tolerance, default 0.05). In Nelson–Phelps k ≤ 0 means catching up without bound.
 *
 * @example
 * ```ts
 * import { classifyCatchUp } from "clusterlab";
 * classifyCatchUp({ model: "logistic", c: 0.01, g: 0, gLeader: 0.02, ratio: 0.5 }, { lang: "zh" }).label; // "落后"
 * ```
 */
export function classifyCatchUp(
  params: CatchUpParams & { readonly ratio: number },
  options: { tolerance?: number; lang?: Lang } = {},
): CatchUpClass {
  const chk = new ParamChecker("parameters of classifyCatchUp");
  checkParams(chk, params);
  chk.number("ratio", params.ratio, { min: 0, open: true });
  const tol = options.tolerance ?? 0.05;
  chk.number("tolerance", tol, { min: 0 });
  chk.done();
  const s = catchUpSteadyState(params);
  const lang = options.lang ?? "en";
  const make = (k: keyof typeof CATCH_UP_CLASSES, reason: string): CatchUpClass => ({
    ...s,
    class: k,
    label: CATCH_UP_CLASSES[k][lang],
    reason,
  });
  const logistic = (params.model ?? "logistic") === "logistic";
  if (logistic && s.rate <= 0) {
    return make("fallingBehind", `ρ = c + g − g_m = ${s.rate} ≤ 0: the ratio tends to 0`);
  }
  if (!logistic && s.rate <= 0) {
    return make("catchingUp", `k = c + g_m − g = ${s.rate} ≤ 0: the follower forges ahead`);
  }
  const B = params.ratio, Bs = s.steadyRatio;
  if (B < Bs * (1 - tol)) return make("catchingUp", `ratio ${B} below the steady ratio B* = ${Bs}`);
  if (B > Bs * (1 + tol)) {
    return make("fallingBehind", `ratio ${B} above the steady ratio B* = ${Bs}: relative decline`);
  }
  return make("keepingPace", `ratio ${B} within ${tol * 100}% of the steady ratio B* = ${Bs}`);
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
  readonly warnings: string[];
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
 * import { fitCatchUp } from "clusterlab";
 * const t = [0, 5, 10, 15, 20, 25, 30];
 * const fit = fitCatchUp(t, t.map((x) => 0.8 - 0.6 * Math.exp(-0.1 * x)), { model: "nelson-phelps" });
 * fit.speed; // ≈ 0.1
 * ```
 */
export function fitCatchUp(
  times: readonly number[],
  ratios: readonly number[],
  options: { model?: CatchUpModel } = {},
): CatchUpFit {
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
  if (issues.length > 0) throw new ValidationError("series of fitCatchUp", issues);
  const model = options.model ?? "logistic";
  const t0 = Math.min(...times);
  const ts = times.map((t) => t - t0);
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
  const lm = (start: number[]): { p: number[]; s: number; converged: boolean } => {
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
  };
  const first = ratios[0]!, last = ratios[n - 1]!;
  const span = Math.max(...ts) || 1;
  let best: { p: number[]; s: number; converged: boolean } | null = null;
  for (const k of [0.5, 1, 2, 4, 8].map((m) => m / span)) {
    for (const bs of [last, (first + last) / 2, last * 1.5]) {
      const r = lm([first, bs, k]);
      if (!best || r.s < best.s) best = r;
    }
    // falling away (logistic ρ < 0, B* = ρ/c < 0) or forging ahead (Nelson–Phelps k < 0, B* = c/k < 0)
    const r = lm([first, -last, -k]);
    if (r.s < best!.s) best = r;
  }
  const [b0, bs, k] = best!.p as [number, number, number];
  const fitted = Float64Array.from(ts, (t) => curve(best!.p, t));
  const mean = ratios.reduce((a, v) => a + v, 0) / n;
  const sst = ratios.reduce((a, v) => a + (v - mean) ** 2, 0);
  const warnings: string[] = [];
  if (!best!.converged) warnings.push("Levenberg–Marquardt reached 500 iterations without converging");
  if (Math.abs(k) * span < 0.05) warnings.push("the fitted speed is too slow to be identified on this span");
  if (sst === 0) warnings.push("the series is constant: R² is undefined (NaN)");
  if (Math.abs(bs) > 10 * Math.max(...ratios)) {
    warnings.push("the steady ratio is not identified: the series is still in its exponential phase");
  }
  const c = model === "nelson-phelps" ? k * bs : k / bs;
  return {
    model,
    ratio0: b0,
    steadyRatio: bs,
    speed: k,
    halfLife: k !== 0 ? Math.LN2 / Math.abs(k) : Infinity,
    c,
    growthGap: model === "nelson-phelps" ? c - k : k - c,
    rmse: Math.sqrt(best!.s / n),
    r2: sst > 0 ? 1 - best!.s / sst : NaN,
    fitted,
    warnings,
  };
}

/**
 * Classify a fitted series ({@link fitCatchUp}) with the closed-form condition of {@link classifyCatchUp}: the
 * fit's implied c and growth gap g_i − g_m (entered as g = gap, g_m = 0) and the ratio at the end of the series
 * (default: the last fitted value; pass the last observed ratio to classify the data point instead).
 *
 * @example
 * ```ts
 * import { classifyCatchUpFit, fitCatchUp } from "clusterlab";
 * const t = [0, 4, 8, 12, 16, 20];
 * const fit = fitCatchUp(t, t.map((x) => 0.8 - 0.6 * Math.exp(-0.1 * x)), { model: "nelson-phelps" });
 * classifyCatchUpFit(fit).label; // "catching up" (B(20) = 0.72 < 0.95·B*, B* = 0.8)
 * ```
 */
export function classifyCatchUpFit(
  fit: CatchUpFit,
  options: { ratio?: number; tolerance?: number; lang?: Lang } = {},
): CatchUpClass {
  const ratio = options.ratio ?? fit.fitted[fit.fitted.length - 1]!;
  return classifyCatchUp(
    { model: fit.model, c: fit.c, g: fit.growthGap, gLeader: 0, ratio },
    { tolerance: options.tolerance, lang: options.lang },
  );
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

/**
 * Ratios of each entity's value to a leader's value in the same year, from a long table
 * (`entity`, `year`, `value` columns named by the options). Years where the leader is missing are reported
 * as an error (nothing is dropped silently).
 *
 * @example
 * ```ts
 * import { catchUpRatios } from "clusterlab";
 * catchUpRatios([{ code: "JPN", year: 1960, gdppc: 10 }, { code: "KOR", year: 1960, gdppc: 2.5 }],
 *   { entity: "code", year: "year", value: "gdppc", leader: "JPN" }).objects(); // [{entity: "KOR", year: 1960, ratio: 0.25}]
 * ```
 */
export function catchUpRatios(
  input: TableInput,
  options: { entity: string; year: string; value: string; leader: string },
): ColumnTable {
  const t = toTable(input);
  const rows = t.objects() as Record<string, unknown>[];
  const lead = new Map<number, number>();
  for (const r of rows) {
    if (r[options.entity] === options.leader) lead.set(Number(r[options.year]), Number(r[options.value]));
  }
  const issues: ValidationIssue[] = [];
  if (lead.size === 0) {
    issues.push({
      column: options.entity,
      expected: `rows for the leader "${options.leader}"`,
      received: "none",
    });
  }
  const out: { entity: string; year: number; ratio: number }[] = [];
  rows.forEach((r, i) => {
    if (r[options.entity] === options.leader) return;
    const y = Number(r[options.year]);
    const v = Number(r[options.value]);
    const l = lead.get(y);
    if (!(Number.isFinite(v) && v > 0)) {
      issues.push({
        row: i + 1,
        column: options.value,
        expected: "a number > 0",
        received: describeValue(r[options.value]),
      });
    } else if (l === undefined || !(l > 0)) {
      if (lead.size > 0) {
        issues.push({
          row: i + 1,
          column: options.year,
          expected: `a year with a leader value`,
          received: describeValue(y),
        });
      }
    } else out.push({ entity: String(r[options.entity]), year: y, ratio: v / l });
  });
  if (issues.length > 0) throw new ValidationError("input of catchUpRatios", issues);
  return aq.from(out);
}
