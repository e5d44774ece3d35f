/**
 * The Haken order-parameter model 哈肯模型 (Haken, *Synergetics*, 1977/1983, §7 "slaving principle"), in the
 * discrete form used to identify the order parameter of a composite system from a panel (e.g. 郭治安 1988;
 * widely applied to knowledge–organisation–institution panels in the Chinese synergy literature):
 *
 *   q1(t+1) = (1 − λ1) q1(t) − a q1(t) q2(t)
 *   q2(t+1) = (1 − λ2) q2(t) + b q1(t)²
 *
 * Both equations are linear in their parameters, so they are estimated by ordinary least squares without
 * intercept, pooling the transitions of every entity of the panel (no transition crosses entities).
 * The adiabatic-elimination condition |λ2| ≫ |λ1| with λ2 > 0 (design choice: ratio ≥ `ratio`, default 1)
 * says q1 is the order parameter (the slow variable that enslaves q2); then q2 ≈ (b/λ2) q1² and the potential
 * is V(q1) = ½ λ1 q1² + (a b / (4 λ2)) q1⁴. If the condition fails, swap q1 and q2 and fit again.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { fitHaken } from "clusterlab";
 * // noiseless data from λ1 = −0.02, a = 0.01, λ2 = 0.4, b = 0.2: the least squares recover them
 * const q1 = [1], q2 = [0.5];
 * for (let t = 0; t < 20; t++) {
 *   q1.push(1.02 * q1[t]! - 0.01 * q1[t]! * q2[t]!);
 *   q2.push(0.6 * q2[t]! + 0.2 * q1[t]! ** 2);
 * }
 * const fit = fitHaken([{ q1, q2 }]);
 * assert.ok(Math.abs(fit.lambda1 + 0.02) < 1e-10 && Math.abs(fit.a - 0.01) < 1e-10);
 * assert.ok(Math.abs(fit.lambda2 - 0.4) < 1e-10 && Math.abs(fit.b - 0.2) < 1e-10);
 * assert.equal(fit.orderParameter, true); // λ2 > 0 and |λ2| ≥ |λ1|: q1 enslaves q2
 * ```
 * @module
 */
import { ParamChecker } from "../core/checks.ts";
import { solveLinearSystem } from "../core/linalg/linear_solve.ts";
import { finiteResult } from "../indicators/finite_result.ts";

/** One entity's series of the two state variables (same length, ≥ 3 points). */
export interface HakenSeries {
  /** The candidate order parameter q1 at consecutive times. */
  readonly q1: readonly number[];
  /** The second state variable q2 at the same times. */
  readonly q2: readonly number[];
}

/** Result of {@link fitHaken}. */
export interface HakenFit {
  /** Damping of q1 (negative: q1 grows on its own). */
  readonly lambda1: number;
  /** Damping of q2. */
  readonly lambda2: number;
  /** Effect of q2 on q1 (enters as −a q1 q2). */
  readonly a: number;
  /** Effect of q1² on q2. */
  readonly b: number;
  /** R² (uncentred: no intercept) of each equation. */
  readonly r2: readonly [number, number];
  /** Number of pooled transitions. */
  readonly transitions: number;
  /** λ2 > 0 and |λ2| ≥ ratio·|λ1|: q1 is the order parameter. */
  readonly orderParameter: boolean;
  /** Coefficients of V(q1) = c2 q1² + c4 q1⁴ (c2 = λ1/2, c4 = a b/(4 λ2)); meaningful when `orderParameter`. */
  readonly potential: { readonly c2: number; readonly c4: number };
  /** Problems of the fit: few transitions, a singular equation, the adiabatic condition failing. */
  readonly warnings: readonly string[];
}

/** Options of {@link fitHaken}. */
export interface FitHakenOptions {
  /** The adiabatic condition asks |λ2| ≥ ratio·|λ1| (≥ 0; default 1, design choice). */
  readonly ratio?: number;
}

function ols2(x1: number[], x2: number[], y: number[]): { beta: [number, number]; r2: number } | null {
  let s11 = 0, s12 = 0, s22 = 0, s1y = 0, s2y = 0, syy = 0;
  for (let i = 0; i < y.length; i++) {
    s11 += x1[i]! * x1[i]!;
    s12 += x1[i]! * x2[i]!;
    s22 += x2[i]! * x2[i]!;
    s1y += x1[i]! * y[i]!;
    s2y += x2[i]! * y[i]!;
    syy += y[i]! * y[i]!;
  }
  const beta = solveLinearSystem([[s11, s12], [s12, s22]], [s1y, s2y]);
  if (beta === null) return null;
  let sse = 0;
  for (let i = 0; i < y.length; i++) sse += (y[i]! - beta[0]! * x1[i]! - beta[1]! * x2[i]!) ** 2;
  return { beta: [beta[0]!, beta[1]!], r2: syy > 0 ? 1 - sse / syy : 0 };
}

/**
 * Estimate the Haken model by least squares on a panel (one {@link HakenSeries} per entity, e.g. per province;
 * values are usually normalised indices). Throws a {@link ValidationError} naming the entity and column for
 * bad input; a singular design (e.g. q2 ≡ 0) gives a warning and zero coefficients for that equation.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { fitHaken } from "clusterlab";
 * // two entities, 4 and 3 points: 3 + 2 pooled transitions (none crosses entities)
 * const fit = fitHaken([{ q1: [1, 2, 3, 4], q2: [1, 1, 2, 3] }, { q1: [2, 3, 5], q2: [1, 2, 2] }]);
 * assert.equal(fit.transitions, 5);
 * ```
 */
export function fitHaken(panel: readonly HakenSeries[], options: FitHakenOptions = {}): HakenFit {
  const c = new ParamChecker("input of fitHaken");
  if (!Array.isArray(panel) || panel.length === 0) {
    c.add("panel", "a non-empty array of {q1, q2} series", panel);
  }
  const ratio = options.ratio ?? 1;
  c.number("ratio", ratio, { min: 0 });
  (Array.isArray(panel) ? panel : []).forEach((s, e) => {
    const n = Array.isArray(s?.q1) ? s.q1.length : 0;
    if (n < 2) c.add(`panel[${e}].q1`, "at least 2 values", s?.q1);
    c.vector(`panel[${e}].q1`, s?.q1, undefined);
    c.vector(`panel[${e}].q2`, s?.q2, n);
  });
  c.done();
  const X1a: number[] = [], X1b: number[] = [], Y1: number[] = [];
  const X2a: number[] = [], X2b: number[] = [], Y2: number[] = [];
  for (const s of panel) {
    for (let t = 0; t + 1 < s.q1.length; t++) {
      const q1 = s.q1[t]!, q2 = s.q2[t]!;
      X1a.push(q1);
      X1b.push(q1 * q2);
      Y1.push(s.q1[t + 1]!);
      X2a.push(q2);
      X2b.push(q1 * q1);
      Y2.push(s.q2[t + 1]!);
    }
  }
  const warnings: string[] = [];
  if (Y1.length < 4) warnings.push(`only ${Y1.length} transitions for 4 parameters: the fit is fragile`);
  const f1 = ols2(X1a, X1b, Y1), f2 = ols2(X2a, X2b, Y2);
  if (!f1) warnings.push("the q1 equation is singular (q1 and q1·q2 collinear): λ1 and a set to 0");
  if (!f2) warnings.push("the q2 equation is singular (q2 and q1² collinear): λ2 and b set to 0");
  const lambda1 = f1 ? 1 - f1.beta[0] : 0, a = f1 ? -f1.beta[1] : 0;
  const lambda2 = f2 ? 1 - f2.beta[0] : 0, b = f2 ? f2.beta[1] : 0;
  const orderParameter = lambda2 > 0 && Math.abs(lambda2) >= ratio * Math.abs(lambda1);
  if (!orderParameter) {
    warnings.push(
      `adiabatic condition fails (λ2 = ${lambda2}, λ1 = ${lambda1}): q1 is not the order parameter; swap q1 and q2`,
    );
  }
  return finiteResult("fitHaken", {
    lambda1,
    lambda2,
    a,
    b,
    r2: [f1 ? f1.r2 : 0, f2 ? f2.r2 : 0],
    transitions: Y1.length,
    orderParameter,
    potential: { c2: lambda1 / 2, c4: lambda2 !== 0 ? (a * b) / (4 * lambda2) : 0 },
    warnings,
  });
}
