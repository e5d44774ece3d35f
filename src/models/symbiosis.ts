/**
 * Competition and co-development of organisation populations: the logistic Lotka–Volterra symbiosis model
 * (DESIGN §4) 种群共生模型, its equilibrium, Jacobian stability and the Pistorius & Utterback interaction modes.
 *
 * Model (n populations): dx_i/dt = r_i x_i (1 − x_i/N_i + Σ_{j≠i} σ_ij x_j/N_j), where r_i is the intrinsic
 * growth rate, N_i the carrying capacity and σ_ij the effect of population j on i (σ_ii is ignored). With
 * y = x/N the interior equilibrium solves (I − Σ) y = 1. For two populations this gives the closed form
 * y₁* = (1 + σ₁₂)/(1 − σ₁₂σ₂₁), y₂* = (1 + σ₂₁)/(1 − σ₁₂σ₂₁) (e.g. 刘友金 & 易秋平 2005; Murray, *Mathematical
 * Biology I*, 3rd ed. 2002, §3.5 for the mutualism form). The competitive form ẋ_i = x_i(r_i − Σ_j a_ij x_j)
 * (Strogatz, *Nonlinear Dynamics and Chaos*, 1994, §6.4) maps to it by N_i = r_i/a_ii, σ_ij = −a_ij N_j / r_i
 * ({@link competitiveToSymbiosis}).
 *
 * @example
 * ```ts
 * import { equilibrium, stability } from "clusterlab";
 * const p = { r: [1, 1], N: [100, 80], sigma: [[0, 0.2], [0.3, 0]] };
 * equilibrium(p).x; // [127.66, 110.64]: mutualism lifts both above capacity
 * stability(p, equilibrium(p).x).type.en; // "stable node"
 * ```
 * @module
 */
import * as aq from "arquero";
import type { ColumnTable } from "arquero";
import type { Bilingual, Lang } from "../i18n.ts";
import { ParamChecker } from "./param_check.ts";
import { type Complex, eigenvaluesGeneral, solveLinearSystem } from "./eigen.ts";
import { type ODESolution, solveODE } from "./ode.ts";

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
export interface SymbiosisSimulation extends SymbiosisParams {
  /** Initial populations x_i(0) (≥ 0). */
  readonly x0: readonly number[];
  /** Population names (default "P1", "P2", …). */
  readonly names?: readonly string[];
  /** End time (default 50). */
  readonly tEnd?: number;
  /** Output spacing (default 0.5). */
  readonly dt?: number;
  /** Integrator (default "dopri5"). */
  readonly method?: "dopri5" | "rk4";
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
  readonly warnings: string[];
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
 * Simulate the logistic symbiosis model from `x0`.
 *
 * @example
 * ```ts
 * import { simulateSymbiosis } from "clusterlab";
 * const s = simulateSymbiosis({ r: [1, 1], N: [100, 80], sigma: [[0, 0.2], [0.3, 0]], x0: [10, 10], tEnd: 40 });
 * s.final; // ≈ [127.66, 110.64]
 * ```
 */
export function simulateSymbiosis(options: SymbiosisSimulation): SymbiosisResult {
  const c = new ParamChecker("parameters of simulateSymbiosis");
  const n = checkParams(c, options);
  c.vector("x0", options.x0, n || undefined, { min: 0 });
  if (options.tEnd !== undefined) c.number("tEnd", options.tEnd, { min: 0, open: true });
  if (options.dt !== undefined) c.number("dt", options.dt, { min: 0, open: true });
  if (options.names !== undefined && (!Array.isArray(options.names) || options.names.length !== n)) {
    c.add("names", `${n} names`, options.names);
  }
  c.done();
  const names = options.names ?? options.r.map((_, i) => `P${i + 1}`);
  const sol = solveODE(symbiosisRHS(options), options.x0, {
    tEnd: options.tEnd ?? 50,
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
      ys.push(v / options.N[i]!);
    }
  }
  if (xs.some((v) => v < 0)) {
    warnings.push("a population became negative (numerical error); check the step size");
  }
  const final = [...sol.state(sol.t.length - 1)];
  return { table: aq.table({ t, population: pop, x: xs, y: ys }), solution: sol, final, warnings };
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
  readonly warnings: string[];
}

/**
 * The interior (coexistence) equilibrium of the symbiosis model: solve (I − Σ) y = 1, x* = N y*.
 * `feasible` is false — with a warning naming the populations — when some y*_i ≤ 0 or I − Σ is singular.
 *
 * @example
 * ```ts
 * import { equilibrium } from "clusterlab";
 * equilibrium({ N: [1, 1], sigma: [[0, 0.5], [0.5, 0]] }).y; // [2, 2] = (1 + 0.5)/(1 − 0.25)
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
  return { y, x: y.map((v, i) => v * params.N[i]!), feasible: bad.length === 0, warnings };
}

/**
 * The Jacobian of the symbiosis model at `x`: J_ii = r_i(1 − 2x_i/N_i + Σ_{j≠i} σ_ij x_j/N_j),
 * J_ij = r_i x_i σ_ij / N_j.
 *
 * @example
 * ```ts
 * import { symbiosisJacobian } from "clusterlab";
 * symbiosisJacobian({ r: [3, 2], N: [3, 2], sigma: [[0, -4 / 3], [-1.5, 0]] }, [0, 0]); // [[3, 0], [0, 2]]
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

/** Kinds of fixed point, from the Jacobian eigenvalues. */
export const FIXED_POINT_TYPES = {
  stableNode: { en: "stable node", zh: "稳定结点" },
  unstableNode: { en: "unstable node", zh: "不稳定结点" },
  saddle: { en: "saddle", zh: "鞍点" },
  stableFocus: { en: "stable focus", zh: "稳定焦点" },
  unstableFocus: { en: "unstable focus", zh: "不稳定焦点" },
  center: { en: "center (linearisation inconclusive)", zh: "中心（线性化不能判定）" },
  nonHyperbolic: { en: "non-hyperbolic (linearisation inconclusive)", zh: "非双曲（线性化不能判定）" },
} as const satisfies Record<string, Bilingual>;

/** Result of {@link stability}. */
export interface StabilityResult {
  /** Jacobian eigenvalues, by decreasing real part. */
  readonly eigenvalues: Complex[];
  /** Kind of fixed point. */
  readonly type: Bilingual;
  /** True when every eigenvalue has a real part < −tolerance (locally asymptotically stable). */
  readonly stable: boolean;
  /** The largest real part (the slowest recovery rate is its negative). */
  readonly maxReal: number;
}

/**
 * Classify a fixed point from eigenvalues: all real parts < 0 stable (node if all real, focus if any complex
 * pair), all > 0 unstable, mixed signs saddle; a real part within `tolerance` of 0 is non-hyperbolic
 * (center when purely imaginary) — Strogatz (1994) §5.2, §6.3.
 *
 * @example
 * ```ts
 * import { classifyEigenvalues } from "clusterlab";
 * classifyEigenvalues([{ re: -1, im: 0 }, { re: 1, im: 0 }]).type.en; // "saddle"
 * ```
 */
export function classifyEigenvalues(eigenvalues: readonly Complex[], tolerance = 1e-9): StabilityResult {
  const re = eigenvalues.map((z) => z.re);
  const maxReal = Math.max(...re);
  const complex = eigenvalues.some((z) => Math.abs(z.im) > tolerance);
  let type: Bilingual;
  if (re.some((v) => Math.abs(v) <= tolerance)) {
    type = re.every((v) => Math.abs(v) <= tolerance) && complex
      ? FIXED_POINT_TYPES.center
      : FIXED_POINT_TYPES.nonHyperbolic;
  } else if (re.every((v) => v < 0)) {
    type = complex ? FIXED_POINT_TYPES.stableFocus : FIXED_POINT_TYPES.stableNode;
  } else if (re.every((v) => v > 0)) {
    type = complex ? FIXED_POINT_TYPES.unstableFocus : FIXED_POINT_TYPES.unstableNode;
  } else type = FIXED_POINT_TYPES.saddle;
  return { eigenvalues: [...eigenvalues], type, stable: maxReal < -tolerance, maxReal };
}

/**
 * Local stability of the symbiosis model at `x` from the eigenvalues of its Jacobian.
 *
 * @example
 * ```ts
 * import { stability } from "clusterlab";
 * stability({ r: [3, 2], N: [3, 2], sigma: [[0, -4 / 3], [-1.5, 0]] }, [1, 1]).type.en; // "saddle"
 * ```
 */
export function stability(params: SymbiosisParams, x: readonly number[], tolerance = 1e-9): StabilityResult {
  const c = new ParamChecker("parameters of stability");
  const n = checkParams(c, params);
  c.vector("x", x, n || undefined);
  c.done();
  return classifyEigenvalues(eigenvaluesGeneral(symbiosisJacobian(params, x)), tolerance);
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
 * import { fixedPoints } from "clusterlab";
 * // Strogatz §6.4 rabbits vs sheep: (0,0) unstable node, (0,2) and (3,0) stable nodes, (1,1) saddle
 * fixedPoints({ r: [3, 2], N: [3, 2], sigma: [[0, -4 / 3], [-1.5, 0]] }).map((p) => [p.x, p.type.en]);
 * ```
 */
export function fixedPoints(params: SymbiosisParams, tolerance = 1e-9): FixedPoint[] {
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
    const st = classifyEigenvalues(eigenvaluesGeneral(symbiosisJacobian(params, x)), tolerance);
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
 * import { competitiveToSymbiosis } from "clusterlab";
 * // Strogatz (1994) §6.4: ẋ = x(3 − x − 2y), ẏ = y(2 − x − y)
 * competitiveToSymbiosis({ r: [3, 2], a: [[1, 2], [1, 1]] }); // {r: [3, 2], N: [3, 2], sigma: [[0, -4/3], [-1.5, 0]]}
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

/** The six symbiosis modes of Pistorius & Utterback (1997), from the signs of (σ_ij, σ_ji). */
export const INTERACTION_MODES = {
  competition: { en: "pure competition", zh: "纯竞争" },
  mutualism: { en: "mutualism", zh: "互利共生" },
  predatorPrey: { en: "predator–prey", zh: "捕食（寄生）" },
  commensalism: { en: "commensalism", zh: "偏利共生" },
  amensalism: { en: "amensalism", zh: "偏害共生" },
  neutralism: { en: "neutralism", zh: "中性共存" },
} as const satisfies Record<string, Bilingual>;

/** A mode key of {@link INTERACTION_MODES}. */
export type InteractionMode = keyof typeof INTERACTION_MODES;

/** Result of {@link classifyInteraction}. */
export interface InteractionResult {
  /** Mode key. */
  readonly mode: InteractionMode;
  /** Mode label in the requested language. */
  readonly label: string;
  /** Signs used (−1, 0, +1) of the effect of j on i and of i on j. */
  readonly signs: readonly [number, number];
  /** For predator–prey and commensalism/amensalism: which side benefits or is harmed ("i" or "j"). */
  readonly beneficiary?: "i" | "j";
}

/**
 * Pistorius & Utterback (1997) mode of a pair from σ_ij (effect of j on i) and σ_ji (effect of i on j);
 * |σ| ≤ `tolerance` counts as zero (design choice, default 0.05).
 * (−,−) pure competition; (+,+) mutualism; (+,−) predator–prey (the + side is the predator);
 * (+,0) commensalism; (−,0) amensalism; (0,0) neutralism.
 *
 * @example
 * ```ts
 * import { classifyInteraction } from "clusterlab";
 * classifyInteraction(0.3, -0.2, { lang: "zh" }).label; // "捕食（寄生）"
 * ```
 */
export function classifyInteraction(
  sigmaIJ: number,
  sigmaJI: number,
  options: { tolerance?: number; lang?: Lang } = {},
): InteractionResult {
  const c = new ParamChecker("parameters of classifyInteraction");
  c.number("sigmaIJ", sigmaIJ);
  c.number("sigmaJI", sigmaJI);
  const tol = options.tolerance ?? 0.05;
  c.number("tolerance", tol, { min: 0 });
  c.done();
  const sgn = (v: number) => (Math.abs(v) <= tol ? 0 : Math.sign(v));
  const a = sgn(sigmaIJ), b = sgn(sigmaJI);
  let mode: InteractionMode;
  let beneficiary: "i" | "j" | undefined;
  if (a === 0 && b === 0) mode = "neutralism";
  else if (a < 0 && b < 0) mode = "competition";
  else if (a > 0 && b > 0) mode = "mutualism";
  else if (a * b < 0) {
    mode = "predatorPrey";
    beneficiary = a > 0 ? "i" : "j";
  } else if (a + b > 0) {
    mode = "commensalism";
    beneficiary = a > 0 ? "i" : "j";
  } else {
    mode = "amensalism";
    beneficiary = a < 0 ? "i" : "j"; // the harmed side
  }
  return { mode, label: INTERACTION_MODES[mode][options.lang ?? "en"], signs: [a, b], beneficiary };
}

/**
 * Every pair of an n × n σ matrix classified, as a table (`i`, `j`, `sigma_ij`, `sigma_ji`, `mode`, `label`).
 *
 * @example
 * ```ts
 * import { classifyInteractions } from "clusterlab";
 * classifyInteractions([[0, 0.2, -0.3], [0.1, 0, 0], [-0.4, 0, 0]], { names: ["K", "O", "I"] }).numRows(); // 3
 * ```
 */
export function classifyInteractions(
  sigma: readonly (readonly number[])[],
  options: { names?: readonly string[]; tolerance?: number; lang?: Lang } = {},
): ColumnTable {
  const n = sigma.length;
  const c = new ParamChecker("parameters of classifyInteractions");
  c.matrix("sigma", sigma, n);
  if (options.names !== undefined && (!Array.isArray(options.names) || options.names.length !== n)) {
    c.add("names", `${n} names`, options.names);
  }
  c.done();
  const names = options.names ?? sigma.map((_, i) => `P${i + 1}`);
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const r = classifyInteraction(sigma[i]![j]!, sigma[j]![i]!, options);
      rows.push({
        i: names[i],
        j: names[j],
        sigma_ij: sigma[i]![j],
        sigma_ji: sigma[j]![i],
        mode: r.mode,
        label: r.label,
      });
    }
  }
  return aq.from(rows);
}
