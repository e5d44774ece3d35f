/**
 * Ordinary differential equations: an adaptive Dormand–Prince 5(4) integrator and a fixed-step classical
 * Runge–Kutta (RK4) option, both writing the state at a fixed output grid. 常微分方程求解器。
 *
 * Dormand–Prince: J. R. Dormand & P. J. Prince (1980), "A family of embedded Runge–Kutta formulae",
 * J. Comput. Appl. Math. 6(1):19–26; step control as in Hairer, Nørsett & Wanner (1993), *Solving Ordinary
 * Differential Equations I*, §II.4 (error norm √(mean((e_i/(atol + rtol·max(|y_i|,|ŷ_i|)))²)), step factor
 * 0.9·err^(−1/5) clamped to [0.2, 5]). RK4: Kutta (1901).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { solveODE } from "clusterlab";
 * // logistic growth ẏ = y(1 − y), y(0) = 0.1: y(t) = 1 / (1 + 9e^{−t})
 * const s = solveODE((_t, y, dy) => { dy[0] = y[0]! * (1 - y[0]!); }, [0.1], 5, { dt: 1 });
 * assert.ok(Math.abs(s.at(5)[0]! - 1 / (1 + 9 * Math.exp(-5))) < 1e-8);
 * assert.deepEqual([...s.t], [0, 1, 2, 3, 4, 5]);
 * ```
 * @module
 */
import { describeValue, ValidationError, type ValidationIssue } from "../core/validation_error.ts";
import { checkSize } from "../core/size_guard.ts";
import { mergeGivenOnce } from "../core/deprecated.ts";

/** Right-hand side: write dy/dt at (t, y) into `dy` (no allocation per call). */
export type ODEFunction = (t: number, y: Float64Array, dy: Float64Array) => void;

/** Options of {@link solveODE}. */
export interface SolveODEOptions {
  /** Start time (default 0; `tEnd` must be greater). */
  readonly t0?: number;
  /** Output spacing (default (tEnd − t0)/100); for `rk4` also the integration step unless `step` is set. */
  readonly dt?: number;
  /** `"dopri5"` (adaptive, default) or `"rk4"` (fixed step). */
  readonly method?: "dopri5" | "rk4";
  /** RK4 step (default `dt`); must divide the output spacing into a whole number of steps (rounded up). */
  readonly step?: number;
  /** Relative tolerance of dopri5 (default 1e-8). */
  readonly rtol?: number;
  /** Absolute tolerance of dopri5 (default 1e-10). */
  readonly atol?: number;
  /** Maximum number of accepted + rejected steps (default 1e6). */
  readonly maxSteps?: number;
}

/** @deprecated the 0.1 options of {@link solveODE}, `tEnd` among them; use `solveODE(f, y0, tEnd, options)`. */
export interface ODEOptions extends SolveODEOptions {
  /** End time (> t0). */
  readonly tEnd: number;
}

/** The solution on the output grid. */
export class ODESolution {
  /** Output times. */
  readonly t: Float64Array;
  /** States, row-major: `y[k * dim + i]` is component i at `t[k]`. */
  readonly y: Float64Array;
  /** Dimension of the state. */
  readonly dim: number;
  /** Steps taken (accepted) and rejected. */
  readonly stats: { readonly steps: number; readonly rejected: number; readonly evaluations: number };
  /** Problems met (stopped early, non-finite state). Empty when all went well. */
  readonly warnings: readonly string[];

  /**
   * Wrap a solver's output (arrays used as is, not copied): output times `t`, row-major states `y` of
   * `t.length × dim` values, step counts and warnings. Built by the solvers, not usually by callers.
   */
  constructor(
    t: Float64Array,
    y: Float64Array,
    dim: number,
    stats: { steps: number; rejected: number; evaluations: number },
    warnings: readonly string[],
  ) {
    this.t = t;
    this.y = y;
    this.dim = dim;
    this.stats = stats;
    this.warnings = warnings;
  }

  /** The state at output index k. */
  state(k: number): Float64Array {
    return this.y.slice(k * this.dim, (k + 1) * this.dim);
  }

  /** The state at the output time nearest to `time`. */
  at(time: number): Float64Array {
    let best = 0;
    for (let k = 1; k < this.t.length; k++) {
      if (Math.abs(this.t[k]! - time) < Math.abs(this.t[best]! - time)) best = k;
    }
    return this.state(best);
  }

  /** The trajectory of component i. */
  component(i: number): Float64Array {
    const out = new Float64Array(this.t.length);
    for (let k = 0; k < out.length; k++) out[k] = this.y[k * this.dim + i]!;
    return out;
  }
}

/** Check the options; returns the issues found. */
function checkOptions(y0: readonly number[], tEnd: number, o: SolveODEOptions): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const t0 = o.t0 ?? 0;
  const pos = (name: string, v: number | undefined) => {
    if (v !== undefined && !(Number.isFinite(v) && v > 0)) {
      issues.push({ column: name, expected: "a finite number > 0", received: describeValue(v) });
    }
  };
  if (!Number.isFinite(t0)) {
    issues.push({ column: "t0", expected: "a finite number", received: describeValue(t0) });
  }
  if (!(Number.isFinite(tEnd) && tEnd > t0)) {
    issues.push({
      column: "tEnd",
      expected: `a finite number > t0 (${t0})`,
      received: describeValue(tEnd),
    });
  }
  pos("dt", o.dt);
  pos("step", o.step);
  pos("rtol", o.rtol);
  pos("atol", o.atol);
  pos("maxSteps", o.maxSteps);
  if (o.method !== undefined && o.method !== "dopri5" && o.method !== "rk4") {
    issues.push({ column: "method", expected: '"dopri5" or "rk4"', received: describeValue(o.method) });
  }
  if (y0.length === 0) issues.push({ column: "y0", expected: "at least one component", received: "[]" });
  y0.forEach((v, i) => {
    if (!Number.isFinite(v)) {
      issues.push({ column: `y0[${i}]`, expected: "a finite number", received: describeValue(v) });
    }
  });
  return issues;
}

// Dormand–Prince 5(4) tableau (Dormand & Prince 1980, Table 2).
const C2 = 1 / 5, C3 = 3 / 10, C4 = 4 / 5, C5 = 8 / 9;
const A21 = 1 / 5;
const A31 = 3 / 40, A32 = 9 / 40;
const A41 = 44 / 45, A42 = -56 / 15, A43 = 32 / 9;
const A51 = 19372 / 6561, A52 = -25360 / 2187, A53 = 64448 / 6561, A54 = -212 / 729;
const A61 = 9017 / 3168, A62 = -355 / 33, A63 = 46732 / 5247, A64 = 49 / 176, A65 = -5103 / 18656;
const B1 = 35 / 384, B3 = 500 / 1113, B4 = 125 / 192, B5 = -2187 / 6784, B6 = 11 / 84;
// error coefficients: b − b̂
const E1 = 71 / 57600, E3 = -71 / 16695, E4 = 71 / 1920, E5 = -17253 / 339200, E6 = 22 / 525, E7 = -1 / 40;

/**
 * Integrate ẏ = f(t, y) from y(t0) = `y0` to `tEnd`, returning the state every `dt`. The adaptive method never
 * steps over an output time, so outputs are exact integration points (no interpolation).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { solveODE } from "clusterlab";
 * // ẏ = −y: y(1) = e^{−1}, by Dormand–Prince and by RK4 with steps of 0.01
 * const exact = Math.exp(-1);
 * const dp = solveODE((_t, y, dy) => { dy[0] = -y[0]!; }, [1], 1, { dt: 0.5 });
 * assert.ok(Math.abs(dp.at(1)[0]! - exact) < 1e-9);
 * const rk = solveODE((_t, y, dy) => { dy[0] = -y[0]!; }, [1], 1, { method: "rk4", step: 0.01 });
 * assert.ok(Math.abs(rk.at(1)[0]! - exact) < 1e-9);
 * ```
 */
export function solveODE(
  f: ODEFunction,
  y0: readonly number[],
  tEnd: number,
  options?: SolveODEOptions,
): ODESolution;
/** @deprecated the 0.1 form `solveODE(f, y0, { tEnd, … })`; use `solveODE(f, y0, tEnd, { … })`. */
export function solveODE(f: ODEFunction, y0: readonly number[], options: ODEOptions): ODESolution;
export function solveODE(
  f: ODEFunction,
  y0: readonly number[],
  tEnd01: number | ODEOptions,
  options01: SolveODEOptions = {},
): ODESolution {
  const { tEnd, ...options } = typeof tEnd01 === "object" && tEnd01 !== null
    ? mergeGivenOnce("options of solveODE", tEnd01, options01 as ODEOptions)
    : { ...options01, tEnd: tEnd01 };
  const issues = checkOptions(y0, tEnd, options);
  if (issues.length > 0) throw new ValidationError("options of solveODE", issues);
  const t0 = options.t0 ?? 0;
  const dt = options.dt ?? (tEnd - t0) / 100;
  const nOut = Math.max(1, Math.ceil((tEnd - t0) / dt - 1e-9));
  const dim = y0.length;
  checkSize("options of solveODE", options.dt === undefined ? "tEnd" : "dt", {
    what: `${nOut + 1} output times ((tEnd ${tEnd} − t0 ${t0}) / dt ${dt}) × ${dim + 1} values`,
    values: (nOut + 1) * (dim + 1),
    hint: "use a larger dt (output spacing) or a shorter tEnd",
  });
  const T = new Float64Array(nOut + 1);
  const Y = new Float64Array((nOut + 1) * dim);
  for (let k = 0; k <= nOut; k++) T[k] = k === nOut ? tEnd : t0 + k * dt;
  Y.set(y0, 0);
  const run: Run = { f, T, Y, dim, stats: { steps: 0, rejected: 0, evaluations: 0 }, warnings: [] };
  const filled = (options.method ?? "dopri5") === "rk4"
    ? rk4Grid(run, options.step ?? dt)
    : dopri5Grid(run, dt, options.rtol ?? 1e-8, options.atol ?? 1e-10, options.maxSteps ?? 1e6);
  return new ODESolution(
    T.slice(0, filled + 1),
    Y.slice(0, (filled + 1) * dim),
    dim,
    run.stats,
    run.warnings,
  );
}

/** One integration: right-hand side, output grid `T` (with `T[0]` = t0), states `Y` (row 0 = y0), counts. */
interface Run {
  readonly f: ODEFunction;
  readonly T: Float64Array;
  readonly Y: Float64Array;
  readonly dim: number;
  readonly stats: { steps: number; rejected: number; evaluations: number };
  readonly warnings: string[];
}

const finite = (v: Float64Array) => v.every(Number.isFinite);

/** Classical RK4 between output times, with the step `h0` shortened to divide each interval evenly. */
function rk4Grid(run: Run, h0: number): number {
  const { f, T, Y, dim, stats } = run;
  const nOut = T.length - 1;
  const y = Y.slice(0, dim);
  const k1 = new Float64Array(dim), k2 = new Float64Array(dim), k3 = new Float64Array(dim);
  const k4 = new Float64Array(dim), tmp = new Float64Array(dim);
  let t = T[0]!;
  let filled = 0;
  for (let k = 1; k <= nOut; k++) {
    const span = T[k]! - t;
    const n = Math.max(1, Math.ceil(span / h0 - 1e-9));
    const h = span / n;
    for (let s = 0; s < n; s++) {
      f(t, y, k1);
      for (let i = 0; i < dim; i++) tmp[i] = y[i]! + 0.5 * h * k1[i]!;
      f(t + 0.5 * h, tmp, k2);
      for (let i = 0; i < dim; i++) tmp[i] = y[i]! + 0.5 * h * k2[i]!;
      f(t + 0.5 * h, tmp, k3);
      for (let i = 0; i < dim; i++) tmp[i] = y[i]! + h * k3[i]!;
      f(t + h, tmp, k4);
      for (let i = 0; i < dim; i++) y[i] = y[i]! + (h / 6) * (k1[i]! + 2 * k2[i]! + 2 * k3[i]! + k4[i]!);
      t = s === n - 1 ? T[k]! : t + h;
      stats.steps++;
      stats.evaluations += 4;
    }
    if (!finite(y)) {
      run.warnings.push(`state became non-finite before t = ${T[k]}; output stops at t = ${T[k - 1]}`);
      break;
    }
    Y.set(y, k * dim);
    filled = k;
  }
  return filled;
}

/** The stage derivatives k1…k7 of Dormand–Prince and the trial state (k1 holds f(t, y) on entry). */
interface Dopri5Work {
  readonly k: readonly Float64Array[];
  readonly tmp: Float64Array;
  readonly yNew: Float64Array;
}

/**
 * One Dormand–Prince trial step of size h from (t, y): fills the stages and `yNew`, returns the error norm
 * √(mean((e_i/(atol + rtol·max(|y_i|, |ŷ_i|)))²)) (Hairer, Nørsett & Wanner 1993, §II.4).
 */
function dopri5Trial(
  f: ODEFunction,
  t: number,
  h: number,
  y: Float64Array,
  w: Dopri5Work,
  rtol: number,
  atol: number,
): number {
  const [k1, k2, k3, k4, k5, k6, k7] = w.k as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  const { tmp, yNew } = w;
  const dim = y.length;
  for (let i = 0; i < dim; i++) tmp[i] = y[i]! + h * A21 * k1[i]!;
  f(t + C2 * h, tmp, k2);
  for (let i = 0; i < dim; i++) tmp[i] = y[i]! + h * (A31 * k1[i]! + A32 * k2[i]!);
  f(t + C3 * h, tmp, k3);
  for (let i = 0; i < dim; i++) tmp[i] = y[i]! + h * (A41 * k1[i]! + A42 * k2[i]! + A43 * k3[i]!);
  f(t + C4 * h, tmp, k4);
  for (let i = 0; i < dim; i++) {
    tmp[i] = y[i]! + h * (A51 * k1[i]! + A52 * k2[i]! + A53 * k3[i]! + A54 * k4[i]!);
  }
  f(t + C5 * h, tmp, k5);
  for (let i = 0; i < dim; i++) {
    tmp[i] = y[i]! + h * (A61 * k1[i]! + A62 * k2[i]! + A63 * k3[i]! + A64 * k4[i]! + A65 * k5[i]!);
  }
  f(t + h, tmp, k6);
  for (let i = 0; i < dim; i++) {
    yNew[i] = y[i]! + h * (B1 * k1[i]! + B3 * k3[i]! + B4 * k4[i]! + B5 * k5[i]! + B6 * k6[i]!);
  }
  f(t + h, yNew, k7);
  let err = 0;
  for (let i = 0; i < dim; i++) {
    const e = h * (E1 * k1[i]! + E3 * k3[i]! + E4 * k4[i]! + E5 * k5[i]! + E6 * k6[i]! + E7 * k7[i]!);
    const sc = atol + rtol * Math.max(Math.abs(y[i]!), Math.abs(yNew[i]!));
    err += (e / sc) ** 2;
  }
  return Math.sqrt(err / dim);
}

/**
 * Adaptive Dormand–Prince 5(4) through the output times (never stepping over one), with the step control
 * of Hairer, Nørsett & Wanner (1993) §II.4: factor 0.9·err^(−1/5) clamped to [0.2, 5].
 */
function dopri5Grid(run: Run, dt: number, rtol: number, atol: number, maxSteps: number): number {
  const { f, T, Y, dim, stats, warnings } = run;
  const nOut = T.length - 1;
  const y = Y.slice(0, dim);
  const w: Dopri5Work = {
    k: Array.from({ length: 7 }, () => new Float64Array(dim)),
    tmp: new Float64Array(dim),
    yNew: new Float64Array(dim),
  };
  const k1 = w.k[0]!, k7 = w.k[6]!;
  let t = T[0]!;
  let filled = 0;
  let h = Math.min(dt, T[nOut]! - t) * 0.01;
  f(t, y, k1);
  stats.evaluations++;
  let k = 1;
  let failed = false;
  while (k <= nOut && !failed) {
    if (stats.steps + stats.rejected >= maxSteps) {
      warnings.push(`maxSteps (${maxSteps}) reached at t = ${t}; output stops there`);
      break;
    }
    const target = T[k]!;
    let last = false;
    if (t + h >= target - 1e-12 * Math.max(1, Math.abs(target))) {
      h = target - t;
      last = true;
    }
    const err = dopri5Trial(f, t, h, y, w, rtol, atol);
    stats.evaluations += 6;
    if (!Number.isFinite(err)) {
      stats.rejected++;
      h *= 0.2;
      if (h < 1e-14 * Math.max(1, Math.abs(t))) {
        warnings.push(`state became non-finite near t = ${t}; output stops there`);
        failed = true;
      }
      continue;
    }
    if (err <= 1) {
      t = last ? target : t + h;
      y.set(w.yNew);
      k1.set(k7); // FSAL
      stats.steps++;
      if (last) {
        Y.set(y, k * dim);
        filled = k;
        k++;
      }
      const fac = err === 0 ? 5 : Math.min(5, Math.max(0.2, 0.9 * err ** -0.2));
      if (!last) h *= fac;
      else h = Math.max(h, Math.min(dt, h * fac));
    } else {
      stats.rejected++;
      h *= Math.max(0.2, 0.9 * err ** -0.2);
      if (h < 1e-14 * Math.max(1, Math.abs(t))) {
        warnings.push(`step size underflow at t = ${t} (stiff or singular problem); output stops there`);
        failed = true;
      }
    }
  }
  return filled;
}
