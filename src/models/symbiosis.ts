/**
 * Competition and co-development of organisation populations: the logistic Lotka–Volterra symbiosis model
 * 种群共生模型, its equilibrium and Jacobian stability.
 *
 * Model (n populations): dx_i/dt = r_i x_i (1 − x_i/N_i + Σ_{j≠i} σ_ij x_j/N_j), where r_i is the intrinsic
 * growth rate, N_i the carrying capacity and σ_ij the effect of population j on i (σ_ii is ignored). With
 * y = x/N the interior equilibrium solves (I − Σ) y = 1. For two populations this gives the closed form
 * y₁* = (1 + σ₁₂)/(1 − σ₁₂σ₂₁), y₂* = (1 + σ₂₁)/(1 − σ₁₂σ₂₁) (e.g. 刘友金 & 易秋平 2005; Murray, *Mathematical
 * Biology I*, 3rd ed. 2002, §3.5 for the mutualism form). The competitive form ẋ_i = x_i(r_i − Σ_j a_ij x_j)
 * (Strogatz, *Nonlinear Dynamics and Chaos*, 1994, §6.4) maps to it by N_i = r_i/a_ii, σ_ij = −a_ij N_j / r_i
 * ({@link competitiveToSymbiosis}). The type of a fixed point is classified in `classify/fixed_point.ts`, the
 * symbiosis mode of a pair (Pistorius & Utterback 1997) in `classify/interaction.ts`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { equilibrium, stability } from "clusterlab";
 * const p = { r: [1, 1], N: [100, 80], sigma: [[0, 0.2], [0.3, 0]] };
 * const e = equilibrium(p); // y* = (1.2/0.94, 1.3/0.94): mutualism lifts both above capacity
 * assert.ok(Math.abs(e.x[0]! - 100 * 1.2 / 0.94) < 1e-9 && Math.abs(e.x[1]! - 80 * 1.3 / 0.94) < 1e-9);
 * assert.equal(stability(p, e.x).type.en, "stable node");
 * ```
 * @module
 */
import * as aq from "../deps/arquero.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import { ParamChecker } from "../core/checks.ts";
import { mergeGivenOnce } from "../core/deprecated.ts";
import { eigenvaluesGeneral } from "../core/linalg/general_eigen.ts";
import { solveLinearSystem } from "../core/linalg/linear_solve.ts";
import { classifyEigenvalues, type StabilityResult } from "../classify/fixed_point.ts";
import { type ODESolution, solveODE } from "./ode.ts";
import { finiteResult } from "../indicators/finite_result.ts";

/** Parameters of the logistic symbiosis model. */
export interface SymbiosisParams {
  /** Intrinsic growth rates r_i (> 0). */
  readonly r: readonly number[];
  /** Carrying capacities N_i (> 0). */
  readonly N: readonly number[];
  /** σ_ij: effect of population j on population i; the diagonal is ignored. */
  readonly sigma: readonly (readonly number[])[];
}

/** Options of {@link simulateSymbiosis}. */
export interface SimulateSymbiosisOptions {
  /** Population labels, in the order of `r`: the `population` column (default "P1", "P2", …). */
  readonly populations?: readonly string[];
  /** End time (> 0; default 50). */
  readonly tEnd?: number;
  /** Output spacing (> 0; default 0.5). */
  readonly dt?: number;
  /** Integrator (default "dopri5"). */
  readonly method?: "dopri5" | "rk4";
}

/**
 * @deprecated the 0.1 argument of {@link simulateSymbiosis}, everything in one object; use
 * `simulateSymbiosis({ r, N, sigma }, x0, { populations, tEnd, dt, method })`.
 */
export interface SymbiosisSimulation extends SymbiosisParams {
  /** Initial populations x_i(0) (≥ 0). */
  readonly x0: readonly number[];
  /** Population names (today `populations`; default "P1", "P2", …). */
  readonly names?: readonly string[];
  /** End time (default 50). */
  readonly tEnd?: number;
  /** Output spacing (default 0.5). */
  readonly dt?: number;
  /** Integrator (default "dopri5"). */
  readonly method?: "dopri5" | "rk4";
}

/** Today's (params, x0, options) of a {@link simulateSymbiosis} call, the 0.1 one-object form included. */
function symbiosisArguments(
  params: SymbiosisParams | SymbiosisSimulation,
  x0: readonly number[] | undefined,
  options: SimulateSymbiosisOptions,
): [SymbiosisParams, readonly number[], SimulateSymbiosisOptions] {
  if (x0 !== undefined || params === null || typeof params !== "object") return [params, x0!, options];
  const { r, N, sigma, x0: start, names, tEnd, dt, method } = params as SymbiosisSimulation;
  const v01 = { populations: names, tEnd, dt, method };
  return [{ r, N, sigma }, start, mergeGivenOnce("parameters of simulateSymbiosis", v01, options)];
}

/** Result of {@link simulateSymbiosis}. */
export interface SymbiosisResult {
  /** Long table: one row per time and population (`t`, `population`, `x`, `y` = x/N). */
  readonly table: ColumnTable;
  /** The raw ODE solution. */
  readonly solution: ODESolution;
  /** Populations at the end time. */
  readonly final: number[];
  /** Problems met (integration stopped, populations leaving the positive orthant). */
  readonly warnings: readonly string[];
}

function checkParams(c: ParamChecker, p: SymbiosisParams): number {
  const n = Array.isArray(p.r) ? p.r.length : 0;
  if (n === 0) c.add("r", "a non-empty array of growth rates", p.r);
  c.vector("r", p.r, n || undefined, { min: 0, open: true });
  c.vector("N", p.N, n || undefined, { min: 0, open: true });
  if (n > 0) c.matrix("sigma", p.sigma, n);
  return n;
}

/** The right-hand side of the symbiosis model. */
function symbiosisRHS(p: SymbiosisParams) {
  const n = p.r.length;
  const r = Float64Array.from(p.r), N = Float64Array.from(p.N);
  const S = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) S[i * n + j] = i === j ? 0 : p.sigma[i]![j]!;
  return (_t: number, x: Float64Array, dx: Float64Array) => {
    for (let i = 0; i < n; i++) {
      let g = 1 - x[i]! / N[i]!;
      for (let j = 0; j < n; j++) g += S[i * n + j]! * x[j]! / N[j]!;
      dx[i] = r[i]! * x[i]! * g;
    }
  };
}

/**
 * Simulate the logistic symbiosis model from the populations `x0` (≥ 0), integrated by {@link solveODE}.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { equilibrium, simulateSymbiosis } from "clusterlab";
 * const p = { r: [1, 1], N: [100, 80], sigma: [[0, 0.2], [0.3, 0]] };
 * const s = simulateSymbiosis(p, [10, 10], { tEnd: 40 });
 * // the stable coexistence equilibrium x* = N·y*, y* = (1.2, 1.3)/0.94, is reached by t = 40
 * const x = equilibrium(p).x;
 * assert.ok(Math.abs(s.final[0]! - x[0]!) < 1e-3 && Math.abs(s.final[1]! - x[1]!) < 1e-3);
 * assert.equal(s.table.numRows(), 2 * 81); // two populations × t = 0, 0.5, …, 40
 * ```
 */
export function simulateSymbiosis(
  params: SymbiosisParams,
  x0: readonly number[],
  options?: SimulateSymbiosisOptions,
): SymbiosisResult;
/**
 * @deprecated the 0.1 form `simulateSymbiosis({ r, N, sigma, x0, names, tEnd, … })`; use
 * `simulateSymbiosis({ r, N, sigma }, x0, { populations: names, tEnd, … })`.
 */
export function simulateSymbiosis(simulation: SymbiosisSimulation): SymbiosisResult;
export function simulateSymbiosis(
  params01: SymbiosisParams | SymbiosisSimulation,
  x001?: readonly number[],
  options01: SimulateSymbiosisOptions = {},
): SymbiosisResult {
  const [params, x0, options] = symbiosisArguments(params01, x001, options01);
  const c = new ParamChecker("parameters of simulateSymbiosis");
  const n = checkParams(c, params);
  c.vector("x0", x0, n || undefined, { min: 0 });
  if (options.tEnd !== undefined) c.number("tEnd", options.tEnd, { min: 0, open: true });
  if (options.dt !== undefined) c.number("dt", options.dt, { min: 0, open: true });
  if (
    options.populations !== undefined &&
    (!Array.isArray(options.populations) || options.populations.length !== n)
  ) {
    c.add("populations", `${n} labels`, options.populations);
  }
  c.done();
  const names = options.populations ?? params.r.map((_, i) => `P${i + 1}`);
  const sol = solveODE(symbiosisRHS(params), x0, options.tEnd ?? 50, {
    dt: options.dt ?? 0.5,
    method: options.method,
  });
  const warnings = [...sol.warnings];
  const t: number[] = [], pop: string[] = [], xs: number[] = [], ys: number[] = [];
  for (let k = 0; k < sol.t.length; k++) {
    for (let i = 0; i < n; i++) {
      t.push(sol.t[k]!);
      pop.push(names[i]!);
      const v = sol.y[k * n + i]!;
      xs.push(v);
      ys.push(v / params.N[i]!);
    }
  }
  if (xs.some((v) => v < 0)) {
    warnings.push("a population became negative (numerical error); check the step size");
  }
  const final = [...sol.state(sol.t.length - 1)];
  return finiteResult("simulateSymbiosis", {
    table: aq.table({ t, population: pop, x: xs, y: ys }),
    solution: sol,
    final,
    warnings,
  });
}

/** Result of {@link equilibrium}. */
export interface EquilibriumResult {
  /** Relative populations y* = x* ÷ N solving (I − Σ) y = 1 (empty when the system is singular). */
  readonly y: number[];
  /** Equilibrium populations x* = N·y*. */
  readonly x: number[];
  /** True when every y*_i > 0 (a coexistence equilibrium exists). */
  readonly feasible: boolean;
  /** Why there is no feasible equilibrium, if there is none. */
  readonly warnings: readonly string[];
}

/**
 * The interior (coexistence) equilibrium of the symbiosis model: solve (I − Σ) y = 1, x* = N y*.
 * `feasible` is false — with a warning naming the populations — when some y*_i ≤ 0 or I − Σ is singular.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { equilibrium } from "clusterlab";
 * // two populations: y* = (1 + σ₁₂)/(1 − σ₁₂σ₂₁) = 1.5/0.75 = 2 for each
 * assert.deepEqual(equilibrium({ N: [1, 3], sigma: [[0, 0.5], [0.5, 0]] }), {
 *   y: [2, 2],
 *   x: [2, 6],
 *   feasible: true,
 *   warnings: [],
 * });
 * ```
 */
export function equilibrium(params: Pick<SymbiosisParams, "N" | "sigma">): EquilibriumResult {
  const c = new ParamChecker("parameters of equilibrium");
  const n = Array.isArray(params.N) ? params.N.length : 0;
  if (n === 0) c.add("N", "a non-empty array of capacities", params.N);
  c.vector("N", params.N, undefined, { min: 0, open: true });
  if (n > 0) c.matrix("sigma", params.sigma, n);
  c.done();
  const A = params.sigma.map((row, i) => row.map((v, j) => (i === j ? 1 : -v)));
  const y = solveLinearSystem(A, new Array(n).fill(1));
  if (y === null) {
    return {
      y: [],
      x: [],
      feasible: false,
      warnings: ["I − Σ is singular: no isolated interior equilibrium"],
    };
  }
  const bad = y.map((v, i) => (v > 0 ? -1 : i)).filter((i) => i >= 0);
  const warnings = bad.length > 0
    ? [`no feasible coexistence equilibrium: y*_i ≤ 0 for population(s) ${bad.map((i) => i + 1).join(", ")}`]
    : [];
  return finiteResult("equilibrium", {
    y,
    x: y.map((v, i) => v * params.N[i]!),
    feasible: bad.length === 0,
    warnings,
  });
}

/**
 * The Jacobian of the symbiosis model at `x`: J_ii = r_i(1 − 2x_i/N_i + Σ_{j≠i} σ_ij x_j/N_j),
 * J_ij = r_i x_i σ_ij / N_j.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { symbiosisJacobian } from "clusterlab/advanced";
 * // Strogatz (1994) eq. 6.4.4, rabbits vs sheep at (1, 1): J = [[−1, −2], [−1, −1]]
 * const J = symbiosisJacobian({ r: [3, 2], N: [3, 2], sigma: [[0, -4 / 3], [-1.5, 0]] }, [1, 1]);
 * J.flat().forEach((v, k) => assert.ok(Math.abs(v - [-1, -2, -1, -1][k]!) < 1e-12));
 * ```
 */
export function symbiosisJacobian(params: SymbiosisParams, x: readonly number[]): number[][] {
  const c = new ParamChecker("parameters of symbiosisJacobian");
  const n = checkParams(c, params);
  c.vector("x", x, n || undefined);
  c.done();
  const J: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    let g = 1 - 2 * x[i]! / params.N[i]!;
    for (let j = 0; j < n; j++) if (j !== i) g += params.sigma[i]![j]! * x[j]! / params.N[j]!;
    for (let j = 0; j < n; j++) {
      row.push(j === i ? params.r[i]! * g : params.r[i]! * x[i]! * params.sigma[i]![j]! / params.N[j]!);
    }
    J.push(row);
  }
  return J;
}

/** Options of {@link stability} and {@link fixedPoints}. */
export interface StabilityOptions {
  /** |Re λ| ≤ this counts as a zero real part (≥ 0; default 1e-9; see `classifyEigenvalues`). */
  readonly tolerance?: number;
}

/**
 * Local stability of the symbiosis model at `x` from the eigenvalues of its Jacobian
 * ({@link symbiosisJacobian}), classified by `classifyEigenvalues` (Strogatz 1994, §6.3).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { stability } from "clusterlab";
 * // Strogatz (1994) §6.4 rabbits vs sheep: the coexistence point (1, 1) is a saddle, λ = −1 ± √2
 * const s = stability({ r: [3, 2], N: [3, 2], sigma: [[0, -4 / 3], [-1.5, 0]] }, [1, 1]);
 * assert.equal(s.type.en, "saddle");
 * assert.ok(Math.abs(s.maxReal - (Math.SQRT2 - 1)) < 1e-12);
 * ```
 */
export function stability(
  params: SymbiosisParams,
  x: readonly number[],
  options?: StabilityOptions,
): StabilityResult;
/** @deprecated the 0.1 form `stability(params, x, tolerance)`; use `{ tolerance }`. */
export function stability(params: SymbiosisParams, x: readonly number[], tolerance?: number): StabilityResult;
export function stability(
  params: SymbiosisParams,
  x: readonly number[],
  options01: StabilityOptions | number = {},
): StabilityResult {
  const options: StabilityOptions = typeof options01 === "number" ? { tolerance: options01 } : options01;
  const c = new ParamChecker("parameters of stability");
  const n = checkParams(c, params);
  c.vector("x", x, n || undefined);
  c.done();
  return classifyEigenvalues(eigenvaluesGeneral(symbiosisJacobian(params, x)), options);
}

/** A fixed point with its stability. */
export interface FixedPoint extends StabilityResult {
  /** The populations at the fixed point. */
  readonly x: number[];
  /** Which populations are present (x_i > 0). */
  readonly present: boolean[];
}

/**
 * Every fixed point with non-negative populations: for each subset of present populations solve the reduced
 * system (I − Σ_S) y_S = 1 and keep solutions with y_S > 0. 2ⁿ subsets: meant for n ≤ 12.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { fixedPoints } from "clusterlab";
 * // Strogatz §6.4 rabbits vs sheep: (0,0) unstable node, (3,0) and (0,2) stable nodes, (1,1) saddle
 * const fp = fixedPoints({ r: [3, 2], N: [3, 2], sigma: [[0, -4 / 3], [-1.5, 0]] });
 * assert.deepEqual(fp.map((p) => [p.x.map((v) => Math.round(v * 1e9) / 1e9), p.type.en]), [
 *   [[0, 0], "unstable node"],
 *   [[3, 0], "stable node"],
 *   [[0, 2], "stable node"],
 *   [[1, 1], "saddle"],
 * ]);
 * ```
 */
export function fixedPoints(params: SymbiosisParams, options?: StabilityOptions): FixedPoint[];
/** @deprecated the 0.1 form `fixedPoints(params, tolerance)`; use `{ tolerance }`. */
export function fixedPoints(params: SymbiosisParams, tolerance?: number): FixedPoint[];
export function fixedPoints(
  params: SymbiosisParams,
  options01: StabilityOptions | number = {},
): FixedPoint[] {
  const options: StabilityOptions = typeof options01 === "number" ? { tolerance: options01 } : options01;
  const c = new ParamChecker("parameters of fixedPoints");
  const n = checkParams(c, params);
  if (n > 12) c.add("r", "at most 12 populations (2ⁿ subsets are enumerated)", `${n} populations`);
  c.done();
  const out: FixedPoint[] = [];
  for (let mask = 0; mask < 1 << n; mask++) {
    const idx: number[] = [];
    for (let i = 0; i < n; i++) if (mask & (1 << i)) idx.push(i);
    const A = idx.map((i) => idx.map((j) => (i === j ? 1 : -params.sigma[i]![j]!)));
    const y = idx.length === 0 ? [] : solveLinearSystem(A, idx.map(() => 1));
    if (y === null || y.some((v) => v <= 0)) continue;
    const x = new Array<number>(n).fill(0);
    idx.forEach((i, k) => (x[i] = y[k]! * params.N[i]!));
    const st = classifyEigenvalues(eigenvaluesGeneral(symbiosisJacobian(params, x)), options);
    out.push({ ...st, x, present: x.map((v) => v > 0) });
  }
  return out;
}

/**
 * Convert the competitive Lotka–Volterra form ẋ_i = x_i(r_i − Σ_j a_ij x_j) to symbiosis parameters:
 * N_i = r_i/a_ii, σ_ij = −a_ij N_j / r_i (requires r_i > 0, a_ii > 0).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { competitiveToSymbiosis } from "clusterlab";
 * // Strogatz (1994) §6.4: ẋ = x(3 − x − 2y), ẏ = y(2 − x − y)
 * assert.deepEqual(competitiveToSymbiosis({ r: [3, 2], a: [[1, 2], [1, 1]] }), {
 *   r: [3, 2],
 *   N: [3, 2],
 *   sigma: [[0, -4 / 3], [-1.5, 0]],
 * });
 * ```
 */
export function competitiveToSymbiosis(
  params: { readonly r: readonly number[]; readonly a: readonly (readonly number[])[] },
): SymbiosisParams {
  const c = new ParamChecker("parameters of competitiveToSymbiosis");
  const n = Array.isArray(params.r) ? params.r.length : 0;
  c.vector("r", params.r, undefined, { min: 0, open: true });
  if (c.matrix("a", params.a, n)) {
    params.a.forEach((row, i) => {
      if (!(row[i]! > 0)) c.add(`a[${i}][${i}]`, "a number > 0 (self-limitation)", row[i]);
    });
  }
  c.done();
  const N = params.r.map((r, i) => r / params.a[i]![i]!);
  const sigma = params.a.map((row, i) => row.map((a, j) => (i === j ? 0 : -a * N[j]! / params.r[i]!)));
  return { r: [...params.r], N, sigma };
}
