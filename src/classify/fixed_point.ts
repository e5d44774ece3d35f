/**
 * The type of a fixed point 不动点类型 of a dynamical system from the eigenvalues of its Jacobian there:
 * node, focus, saddle, centre or non-hyperbolic (Strogatz, *Nonlinear Dynamics and Chaos*, 1994, §5.2 and
 * §6.3; linearisation decides only when no eigenvalue has a zero real part, the Hartman–Grobman theorem).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { classifyEigenvalues } from "clusterlab/advanced";
 * // a complex pair with negative real part: trajectories spiral in
 * const r = classifyEigenvalues([{ re: -1, im: 2 }, { re: -1, im: -2 }]);
 * assert.equal(r.type.en, "stable focus");
 * assert.equal(r.stable, true);
 * ```
 * @module
 */
import type { Bilingual } from "../core/i18n.ts";
import type { Complex } from "../core/linalg/general_eigen.ts";
import { ParamChecker } from "../core/checks.ts";

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

/** Result of {@link classifyEigenvalues} (and of the symbiosis model's `stability`). */
export interface StabilityResult {
  /** Jacobian eigenvalues, in the order given (`eigenvaluesGeneral` sorts them by decreasing real part). */
  readonly eigenvalues: Complex[];
  /** Kind of fixed point. */
  readonly type: Bilingual;
  /** True when every eigenvalue has a real part < −tolerance (locally asymptotically stable). */
  readonly stable: boolean;
  /** The largest real part (the slowest recovery rate is its negative). */
  readonly maxReal: number;
}

/** Options of {@link classifyEigenvalues}. */
export interface ClassifyEigenvaluesOptions {
  /** |Re λ| ≤ this counts as a zero real part, |Im λ| ≤ this as real (≥ 0; default 1e-9). */
  readonly tolerance?: number;
}

/**
 * Classify a fixed point from eigenvalues: all real parts < 0 stable (node if all real, focus if any complex
 * pair), all > 0 unstable, mixed signs saddle; a real part within `tolerance` of 0 is non-hyperbolic
 * (center when every real part is 0 and some eigenvalue is complex) — Strogatz (1994) §5.2, §6.3.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { classifyEigenvalues } from "clusterlab/advanced";
 * assert.equal(classifyEigenvalues([{ re: -1, im: 0 }, { re: 1, im: 0 }]).type.en, "saddle");
 * // |Re λ| = 1e-4 is zero at tolerance 1e-3: linearisation cannot decide
 * assert.deepEqual(classifyEigenvalues([{ re: 1e-4, im: 0 }], { tolerance: 1e-3 }).type, {
 *   en: "non-hyperbolic (linearisation inconclusive)",
 *   zh: "非双曲（线性化不能判定）",
 * });
 * ```
 */
export function classifyEigenvalues(
  eigenvalues: readonly Complex[],
  options?: ClassifyEigenvaluesOptions,
): StabilityResult;
/** @deprecated the 0.1 form `classifyEigenvalues(eigenvalues, tolerance)`; use `{ tolerance }`. */
export function classifyEigenvalues(eigenvalues: readonly Complex[], tolerance?: number): StabilityResult;
export function classifyEigenvalues(
  eigenvalues: readonly Complex[],
  options: ClassifyEigenvaluesOptions | number = {},
): StabilityResult {
  const tolerance = (typeof options === "number" ? options : options.tolerance) ?? 1e-9;
  const chk = new ParamChecker("parameters of classifyEigenvalues");
  chk.number("tolerance", tolerance, { min: 0 });
  chk.done();
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
