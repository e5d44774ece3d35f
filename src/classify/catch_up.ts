/**
 * Catch-up classes 追赶类型 of a latecomer: catching up, keeping pace or falling behind, from the closed-form
 * steady state of the technology-diffusion models, in the ratio of the follower's to the leader's technology
 * (or income) level B = A_i/A_m.
 *
 * - Nelson & Phelps (1966), as generalised by Benhabib & Spiegel (2005, *Handbook of Economic Growth* 1A,
 *   ch. 13, eq. 2.1): Ȧ_i/A_i = g_i + c (A_m/A_i − 1), so Ḃ = c − (c + g_m − g_i) B. With k = c + g_m − g_i > 0
 *   the ratio converges to B* = c/k at speed k. With g_i = 0 this is the original Ȧ = Φ(h)(T − A), T growing
 *   at g_m: B* = Φ/(Φ + g_m).
 * - Benhabib & Spiegel logistic diffusion (2005, eq. 2.5): Ȧ_i/A_i = g_i + c (1 − A_i/A_m), so
 *   Ḃ = ρB − cB² with ρ = c + g_i − g_m. The follower keeps up with the leader iff ρ > 0 (their condition
 *   c(H_i) + g(H_i) − g(H_m) > 0), converging to B* = ρ/c; otherwise B → 0.
 * - Absorptive capacity (Cohen & Levinthal 1990) scales the diffusion rate: c = c₀ · h with h ∈ [0, 1]
 *   (design choice: a multiplicative capacity, like Φ(h) in Nelson–Phelps; default h = 1).
 *
 * The models themselves (simulation, closed-form path, fit) are in `models/catch_up.ts`; they import the
 * steady state from here.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { classifyCatchUp } from "clusterlab";
 * // ρ = 0.05 + 0.02 − 0.02 = 0.05 > 0, B* = ρ/c = 1: a ratio of 0.3 is below B*, so the follower catches up
 * const r = classifyCatchUp({ model: "logistic", c: 0.05, g: 0.02, gLeader: 0.02 }, 0.3);
 * assert.equal(r.class, "catchingUp");
 * assert.equal(r.steadyRatio, 1);
 * ```
 * @module
 */
import type { Bilingual, Lang } from "../core/i18n.ts";
import { ParamChecker } from "../core/checks.ts";
import { checkGivenOnce } from "../core/deprecated.ts";

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

/**
 * Record the problems of catch-up parameters in `c` (shared with the models of `models/catch_up.ts`).
 * @internal
 */
export function checkCatchUpParams(c: ParamChecker, p: CatchUpParams): void {
  if (p === null || typeof p !== "object") {
    c.add("params", "an object { c, gLeader, … }", p);
    return;
  }
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

/** Today's (params, ratio, options) of a {@link classifyCatchUp} call, the 0.1 `({ ...params, ratio }, options)`. */
function classifyArguments(
  params: CatchUpParams & { readonly ratio?: number },
  ratio: number | ClassifyCatchUpOptions | undefined,
  options: ClassifyCatchUpOptions = {},
): [CatchUpParams, number, ClassifyCatchUpOptions] {
  if (params === null || typeof params !== "object") return [params, ratio as number, options];
  const { ratio: inParams, ...rest } = params;
  if (typeof ratio !== "number") return [rest, inParams as number, ratio ?? {}];
  checkGivenOnce("parameters of classifyCatchUp", { ratio: inParams }, { ratio });
  return [rest, ratio, options];
}

/**
 * The closed-form steady state and speed of a catch-up model: logistic B* = ρ/c when ρ = c + g_i − g_m > 0
 * (else 0), Nelson–Phelps B* = c/k when k = c + g_m − g_i > 0 (else Infinity); speed |ρ| or |k|, half-life
 * ln 2 / speed (Benhabib & Spiegel 2005, eqs. 2.1 and 2.5).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { catchUpSteadyState } from "clusterlab";
 * // Nelson–Phelps with g_i = 0: B* = Φ/(Φ + g_m) = 0.06/0.08
 * const s = catchUpSteadyState({ model: "nelson-phelps", c: 0.06, gLeader: 0.02 });
 * assert.equal(s.steadyRatio, 0.75);
 * assert.equal(s.halfLife, Math.LN2 / 0.08);
 * ```
 */
export function catchUpSteadyState(params: CatchUpParams): CatchUpSteadyState {
  const chk = new ParamChecker("parameters of catchUpSteadyState");
  checkCatchUpParams(chk, params);
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

/** Options of {@link classifyCatchUp}. */
export interface ClassifyCatchUpOptions {
  /** Relative band around B* that counts as keeping pace (≥ 0; default 0.05; design choice). */
  readonly tolerance?: number;
  /** Language of the label (default "en"). */
  readonly lang?: Lang;
}

/**
 * Classify a follower at ratio B = A_i/A_m from the closed-form condition: in the logistic model
 * ρ = c + g_i − g_m ≤ 0 means falling behind (B → 0); otherwise compare B with B*: below B*·(1 − tolerance)
 * catching up, above B*·(1 + tolerance) falling behind (relative decline toward B*), else keeping pace (design
 * choice: relative tolerance, default 0.05). In Nelson–Phelps k ≤ 0 means catching up without bound.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { classifyCatchUp } from "clusterlab";
 * // ρ = 0.01 − 0.02 < 0: the ratio tends to 0 whatever it is now
 * const r = classifyCatchUp({ model: "logistic", c: 0.01, gLeader: 0.02 }, 0.5, { lang: "zh" });
 * assert.equal(r.label, "落后");
 * assert.equal(r.steadyRatio, 0);
 * ```
 */
export function classifyCatchUp(
  params: CatchUpParams,
  ratio: number,
  options?: ClassifyCatchUpOptions,
): CatchUpClass;
/** @deprecated the 0.1 form `classifyCatchUp({ ...params, ratio }, options)`; use `(params, ratio, options)`. */
export function classifyCatchUp(
  params: CatchUpParams & { readonly ratio: number },
  options?: ClassifyCatchUpOptions,
): CatchUpClass;
export function classifyCatchUp(
  params01: CatchUpParams & { readonly ratio?: number },
  ratio01?: number | ClassifyCatchUpOptions,
  options01?: ClassifyCatchUpOptions,
): CatchUpClass {
  const [params, ratio, options] = classifyArguments(params01, ratio01, options01);
  const chk = new ParamChecker("parameters of classifyCatchUp");
  checkCatchUpParams(chk, params);
  chk.number("ratio", ratio, { min: 0, open: true });
  const tol = options.tolerance ?? 0.05;
  chk.number("tolerance", tol, { min: 0 });
  const lang = options.lang ?? "en";
  if (lang !== "en" && lang !== "zh") chk.add("lang", '"en" or "zh"', lang);
  chk.done();
  const s = catchUpSteadyState(params);
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
  const B = ratio, Bs = s.steadyRatio;
  if (B < Bs * (1 - tol)) return make("catchingUp", `ratio ${B} below the steady ratio B* = ${Bs}`);
  if (B > Bs * (1 + tol)) {
    return make("fallingBehind", `ratio ${B} above the steady ratio B* = ${Bs}: relative decline`);
  }
  return make("keepingPace", `ratio ${B} within ${tol * 100}% of the steady ratio B* = ${Bs}`);
}

/**
 * What {@link classifyCatchUpFit} needs of a fitted catch-up curve (the `CatchUpFit` of `fitCatchUp` has it):
 * the model, the implied diffusion rate c, the growth gap g_i − g_m and the fitted ratios.
 */
export interface FittedCatchUp {
  /** The model that was fitted. */
  readonly model: CatchUpModel;
  /** Implied diffusion rate c, per time unit. */
  readonly c: number;
  /** Implied growth differential g_i − g_m of the follower over the leader, per time unit. */
  readonly growthGap: number;
  /** Fitted ratios at the input times (the last one is the default ratio classified). */
  readonly fitted: ArrayLike<number>;
}

/** Options of {@link classifyCatchUpFit}. */
export interface ClassifyCatchUpFitOptions extends ClassifyCatchUpOptions {
  /** The ratio to classify (default: the last fitted value; pass the last observed ratio to classify the
   * data point instead). */
  readonly ratio?: number;
}

/**
 * Classify a fitted series (`fitCatchUp`) with the closed-form condition of {@link classifyCatchUp}: the
 * fit's implied c and growth gap g_i − g_m (entered as g = gap, g_m = 0) and the ratio at the end of the series
 * (default: the last fitted value).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { classifyCatchUpFit } from "clusterlab";
 * // Nelson–Phelps with c = 0.08 and gap −0.02: k = 0.1, B* = 0.8; B = 0.72 < 0.95 · 0.8
 * const fit = { model: "nelson-phelps" as const, c: 0.08, growthGap: -0.02, fitted: [0.2, 0.72] };
 * assert.equal(classifyCatchUpFit(fit).class, "catchingUp");
 * assert.equal(classifyCatchUpFit(fit, { ratio: 0.8 }).class, "keepingPace");
 * ```
 */
export function classifyCatchUpFit(
  fit: FittedCatchUp,
  options: ClassifyCatchUpFitOptions = {},
): CatchUpClass {
  const chk = new ParamChecker("parameters of classifyCatchUpFit");
  if (fit === null || typeof fit !== "object" || !(fit.fitted?.length > 0)) {
    chk.add("fit", "a fitted catch-up curve (fitCatchUp) with at least one fitted value", fit);
  }
  chk.done();
  const ratio = options.ratio ?? fit.fitted[fit.fitted.length - 1]!;
  return classifyCatchUp({ model: fit.model, c: fit.c, g: fit.growthGap, gLeader: 0 }, ratio, {
    tolerance: options.tolerance,
    lang: options.lang,
  });
}
