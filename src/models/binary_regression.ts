/**
 * Regressions of a 0/1 outcome: the logit by IRLS (Newton–Raphson) and the linear probability model by OLS,
 * with fixed effects absorbed (equivalent to dummies) and classical or cluster-robust standard errors.
 * 二元因变量回归：logit（IRLS）与线性概率模型（OLS），固定效应与聚类稳健标准误。
 * @module
 */
import { solveLinearSystem } from "../core/linalg/linear_solve.ts";
import { type Factor, FixedEffects } from "./fixed_effects.ts";

/** Options of {@link fitBinary}. */
export interface FitBinaryOptions {
  /** `"logit"` (default) or `"lpm"` (linear probability model). */
  readonly model?: "logit" | "lpm";
  /** Names of the columns of `x` (default "x1", "x2", …). */
  readonly names?: readonly string[];
  /** Add an intercept (default: true when there are no fixed effects, which absorb it otherwise). */
  readonly intercept?: boolean;
  /** Factors whose dummies are in the model (at most two; absorbed, see `FixedEffects`). */
  readonly fixedEffects?: readonly Factor[];
  /** Cluster of each observation: standard errors become cluster-robust. */
  readonly cluster?: Factor;
  /**
   * Finite-sample factor of the cluster-robust variance: `"stata"` (default) as Stata's `vce(cluster)`:
   * G/(G−1)·(N−1)/(N−K) for the linear model (`regress`), G/(G−1) for the logit (`logit`, the `_robust`
   * default); `"cr1"`: G/(G−1)·(N−1)/(N−K) for both (statsmodels' `cov_type="cluster"`).
   */
  readonly correction?: "stata" | "cr1";
  /** Most IRLS iterations of the logit (default 50). */
  readonly maxIterations?: number;
  /** The logit has converged when the deviance changes by less than `tolerance` × (|deviance| + 0.1) between
   * iterations, R's `glm` rule (default 1e-10). */
  readonly tolerance?: number;
}

/** Result of {@link fitBinary}. */
export interface BinaryFit {
  /** The coefficients' names: "(intercept)" first when there is one, then `names`. */
  readonly names: readonly string[];
  /** Estimates, in the order of `names`. */
  readonly estimate: Float64Array;
  /** Standard errors: cluster-robust with `cluster`, classical otherwise. */
  readonly se: Float64Array;
  /** `"cluster"` or `"classical"`. */
  readonly standardErrors: "cluster" | "classical";
  /** Fitted probabilities (logit) or linear predictions (LPM) of the rows used (`used`). */
  readonly fitted: Float64Array;
  /** 1 for the observations in the fit, 0 for those left out (levels that predict the outcome perfectly). */
  readonly used: Uint8Array;
  /** Observations used. */
  readonly n: number;
  /** Parameters, the absorbed fixed effects included (their rank). */
  readonly k: number;
  /** Clusters among the rows used (0 without `cluster`). */
  readonly clusters: number;
  /** Did the IRLS converge (always true for the LPM)? */
  readonly converged: boolean;
  /** IRLS iterations (1 for the LPM). */
  readonly iterations: number;
  /** Log-likelihood of the logit at the estimate (NaN for the LPM). */
  readonly logLikelihood: number;
  /** Notes: levels that predict the outcome perfectly, separation, non-convergence, too few clusters. */
  readonly warnings: readonly string[];
}

/**
 * Fit P(y = 1) on the columns of `x`, with optional fixed effects and clusters.
 *
 * - **Logit** by iteratively reweighted least squares, which is Newton–Raphson for the canonical link
 *   (McCullagh & Nelder 1989, *Generalized Linear Models*, §4.4): start μ = (y + ½)/2 (R's `glm`), then
 *   w = μ(1−μ), z = η + (y − μ)/w, weighted least squares of z, until the deviance settles (R's rule), with
 *   step halving if the deviance rises. Fixed effects are absorbed in every step by weighted alternating
 *   projections (Stammann 2018); this equals the logit with dummies. A level of a fixed effect whose
 *   outcomes are all 0 or all 1 predicts them perfectly (its dummy's estimate is infinite): its observations
 *   are left out, as Stata's `logit` drops them, and named in the warnings. Separation by the regressors is
 *   reported, as are fitted probabilities numerically 0 or 1 (R's warning).
 * - **LPM** by OLS, fixed effects by the within transformation (Frisch–Waugh–Lovell: same slopes and residuals
 *   as with dummies).
 * - **Standard errors.** Classical: the inverse Hessian (logit), σ̂²(X̃'X̃)⁻¹ with σ̂² = e'e/(N − K) (LPM).
 *   Cluster-robust (Liang & Zeger 1986; Cameron & Miller 2015, *J. Human Resources* 50: 317–372, CR1):
 *   V = c · B⁻¹ (Σ_g s_g s_gᵀ) B⁻¹, B the Hessian (X̃'WX̃; X̃'X̃ for the LPM), s_g = Σ_{i∈g} x̃_i u_i with
 *   u_i = y_i − μ_i (LPM: the residual), c as the `correction` option. K counts the absorbed fixed effects
 *   (their rank), as the dummies of `regress y x i.a i.b` do. Only the regressors' rows of V are formed
 *   (by FWL, exact).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { fitBinary } from "clusterlab/advanced";
 * // LPM on one regressor: OLS slope = cov(x, y) / var(x) = 0.5, intercept 0
 * const ols = fitBinary(Float64Array.from([0, 0, 1, 1]), [Float64Array.from([0, 1, 1, 2])], { model: "lpm" });
 * assert.deepEqual(ols.names, ["(intercept)", "x1"]);
 * assert.ok(Math.abs(ols.estimate[1]! - 0.5) < 1e-12 && Math.abs(ols.estimate[0]!) < 1e-12);
 * // logit with an intercept only: the estimate is the log-odds of the mean, log(0.75 / 0.25)
 * const lg = fitBinary(Float64Array.from([1, 1, 1, 0]), [], {});
 * assert.ok(lg.converged && Math.abs(lg.estimate[0]! - Math.log(3)) < 1e-9);
 * assert.ok(Math.abs(lg.se[0]! - Math.sqrt(1 / (4 * 0.75 * 0.25))) < 1e-9); // 1 / √(n p (1 − p))
 * ```
 */
export function fitBinary(
  y: ArrayLike<number>,
  x: readonly Float64Array[],
  options: FitBinaryOptions = {},
): BinaryFit {
  const model = options.model ?? "logit";
  const fixed = options.fixedEffects ?? [];
  const intercept = options.intercept ?? fixed.length === 0;
  const names = [
    ...(intercept ? ["(intercept)"] : []),
    ...x.map((_, j) => options.names?.[j] ?? `x${j + 1}`),
  ];
  const warnings: string[] = [];
  const used = model === "logit" ? perfectPrediction(y, fixed, warnings) : new Uint8Array(y.length).fill(1);
  const d = compact(y, x, fixed, options.cluster, used, intercept);
  const p = d.X.length;
  const fe = new FixedEffects(d.fixed);
  const k = p + fe.rank();
  if (!checkEstimable(d, k, p, model, warnings)) return undefinedFit(names, used, d.n, k, warnings);
  const fit = model === "logit" ? irls(d, fe, options, warnings) : ols(d, fe, warnings);
  const se = options.cluster
    ? clusterSe(d, fit, k, model, options.correction ?? "stata", warnings)
    : fit.classical;
  return {
    names,
    estimate: fit.beta,
    se,
    standardErrors: options.cluster ? "cluster" : "classical",
    fitted: fit.fitted,
    used,
    n: d.n,
    k,
    clusters: d.clusters,
    converged: fit.converged,
    iterations: fit.iterations,
    logLikelihood: fit.logLik,
    warnings,
  };
}

/** The observations used, as compact arrays (levels renumbered among the rows used). */
interface Design {
  readonly n: number;
  readonly y: Float64Array;
  readonly X: Float64Array[];
  readonly fixed: Factor[];
  readonly cluster: Int32Array | undefined;
  readonly clusters: number;
}

function compact(
  y: ArrayLike<number>,
  x: readonly Float64Array[],
  fixed: readonly Factor[],
  cluster: Factor | undefined,
  used: Uint8Array,
  intercept: boolean,
): Design {
  const idx: number[] = [];
  for (let i = 0; i < used.length; i++) if (used[i]) idx.push(i);
  const n = idx.length;
  const pick = (v: ArrayLike<number>) => Float64Array.from(idx, (i) => v[i]!);
  const X = [...(intercept ? [new Float64Array(n).fill(1)] : []), ...x.map(pick)];
  const recode = (f: Factor): Factor & { used: number } => {
    const map = new Int32Array(f.levels).fill(-1);
    let levels = 0;
    const codes = Int32Array.from(idx, (i) => {
      const c = f.codes[i]!;
      if (map[c]! < 0) map[c] = levels++;
      return map[c]!;
    });
    return { name: f.name, codes, levels, used: levels };
  };
  const cl = cluster ? recode(cluster) : undefined;
  return { n, y: pick(y), X, fixed: fixed.map(recode), cluster: cl?.codes, clusters: cl?.levels ?? 0 };
}

/**
 * Observations of levels (of any fixed effect) whose outcomes are all 0 or all 1, found repeatedly (dropping
 * one factor's level can leave another's constant): 0 in the mask, with a warning per factor.
 */
function perfectPrediction(y: ArrayLike<number>, fixed: readonly Factor[], warnings: string[]): Uint8Array {
  const used = new Uint8Array(y.length).fill(1);
  const dropped = fixed.map(() => ({ levels: 0, rows: 0, zero: 0, one: 0 }));
  for (let changed = fixed.length > 0; changed;) {
    changed = false;
    fixed.forEach((f, q) => {
      const ones = new Float64Array(f.levels), all = new Float64Array(f.levels);
      for (let i = 0; i < y.length; i++) {
        if (!used[i]) continue;
        all[f.codes[i]!]! += 1;
        ones[f.codes[i]!]! += y[i]!;
      }
      const bad = new Uint8Array(f.levels);
      for (let g = 0; g < f.levels; g++) {
        if (all[g]! > 0 && (ones[g] === 0 || ones[g] === all[g])) {
          bad[g] = 1;
          dropped[q]!.levels++;
          if (ones[g] === 0) dropped[q]!.zero++;
          else dropped[q]!.one++;
        }
      }
      for (let i = 0; i < y.length; i++) {
        if (used[i] && bad[f.codes[i]!]) {
          used[i] = 0;
          dropped[q]!.rows++;
          changed = true;
        }
      }
    });
  }
  fixed.forEach((f, q) => {
    const d = dropped[q]!;
    if (d.levels) {
      warnings.push(
        `${d.levels} ${f.name} level(s) predict the outcome perfectly (${d.zero} with only 0s, ${d.one} with ` +
          `only 1s): their ${d.rows} observation(s) are left out of the logit, as Stata's logit drops them`,
      );
    }
  });
  return used;
}

/** Can anything be estimated? Warnings say why not. */
function checkEstimable(d: Design, k: number, p: number, model: string, warnings: string[]): boolean {
  let ones = 0;
  for (let i = 0; i < d.n; i++) ones += d.y[i]!;
  if (d.n === 0 || (model === "logit" && (ones === 0 || ones === d.n))) {
    warnings.push(
      `no variation left in the outcome (${d.n} observation(s), ${ones} equal to 1): nothing to estimate, values are NaN`,
    );
    return false;
  }
  if (p === 0 || d.n <= k) {
    warnings.push(`${d.n} observation(s) for ${k} parameter(s): nothing to estimate, values are NaN`);
    return false;
  }
  if (model === "logit" && d.fixed.length === 0) separation(d, warnings);
  return true;
}

/** Complete or quasi-complete separation by a single regressor (no fixed effects): its slope is infinite. */
function separation(d: Design, warnings: string[]): void {
  d.X.forEach((col, j) => {
    let lo0 = Infinity, hi0 = -Infinity, lo1 = Infinity, hi1 = -Infinity;
    for (let i = 0; i < d.n; i++) {
      const v = col[i]!;
      if (d.y[i] === 1) [lo1, hi1] = [Math.min(lo1, v), Math.max(hi1, v)];
      else [lo0, hi0] = [Math.min(lo0, v), Math.max(hi0, v)];
    }
    if (lo0 === hi1 && lo1 === hi0) return; // a constant column (the intercept)
    if (hi0 <= lo1 || hi1 <= lo0) {
      warnings.push(
        `regressor ${j + 1} separates the outcomes (${
          hi0 < lo1 || hi1 < lo0 ? "completely" : "quasi-completely"
        }): ` +
          "its logit estimate diverges (not identified)",
      );
    }
  });
}

function undefinedFit(
  names: string[],
  used: Uint8Array,
  n: number,
  k: number,
  warnings: string[],
): BinaryFit {
  const nan = () => new Float64Array(names.length).fill(Number.NaN);
  return {
    names,
    estimate: nan(),
    se: nan(),
    standardErrors: "classical",
    fitted: new Float64Array(n).fill(Number.NaN),
    used,
    n,
    k,
    clusters: 0,
    converged: false,
    iterations: 0,
    logLikelihood: Number.NaN,
    warnings,
  };
}

/** A fit before its cluster-robust standard errors. */
interface CoreFit {
  readonly beta: Float64Array;
  readonly classical: Float64Array;
  /** B⁻¹ (p × p, row-major). */
  readonly bread: Float64Array;
  /** The regressors after absorbing the fixed effects (at the final weights). */
  readonly Xt: Float64Array[];
  /** Scores' multipliers u_i (y − μ for the logit, the residual for the LPM). */
  readonly u: Float64Array;
  readonly fitted: Float64Array;
  readonly converged: boolean;
  readonly iterations: number;
  readonly logLik: number;
}

/** Solve the weighted normal equations (X̃'WX̃) β = X̃'W z̃ and return β and (X̃'WX̃)⁻¹. */
function normalEquations(
  Xt: Float64Array[],
  z: Float64Array,
  w: Float64Array | undefined,
  warnings: string[],
) {
  const p = Xt.length, n = z.length;
  const A = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const b = new Array<number>(p).fill(0);
  for (let a = 0; a < p; a++) {
    const xa = Xt[a]!;
    for (let c = a; c < p; c++) {
      const xc = Xt[c]!;
      let s = 0;
      if (w) { for (let i = 0; i < n; i++) s += xa[i]! * w[i]! * xc[i]!; }
      else for (let i = 0; i < n; i++) s += xa[i]! * xc[i]!;
      A[a]![c] = A[c]![a] = s;
    }
    let s = 0;
    if (w) { for (let i = 0; i < n; i++) s += xa[i]! * w[i]! * z[i]!; }
    else for (let i = 0; i < n; i++) s += xa[i]! * z[i]!;
    b[a] = s;
  }
  const beta = solveLinearSystem(A, b);
  const inv = new Float64Array(p * p).fill(Number.NaN);
  if (!beta) {
    warnings.push("the regressors are collinear with each other or with the fixed effects: values are NaN");
    return { beta: new Float64Array(p).fill(Number.NaN), inv };
  }
  for (let c = 0; c < p; c++) {
    const col = solveLinearSystem(A, A.map((_, r) => (r === c ? 1 : 0)))!;
    for (let r = 0; r < p; r++) inv[r * p + c] = col[r]!;
  }
  return { beta: Float64Array.from(beta), inv };
}

function ols(d: Design, fe: FixedEffects, warnings: string[]): CoreFit {
  const { n } = d;
  const yt = d.y.slice(), Xt = d.X.map((c) => c.slice());
  const report = fe.demean([yt, ...Xt]);
  if (!report.converged) {
    warnings.push(`the fixed effects' projections did not converge in ${report.sweeps} sweeps`);
  }
  const { beta, inv } = normalEquations(Xt, yt, undefined, warnings);
  const p = Xt.length;
  const u = new Float64Array(n), fitted = new Float64Array(n);
  let rss = 0;
  for (let i = 0; i < n; i++) {
    let e = yt[i]!;
    for (let j = 0; j < p; j++) e -= Xt[j]![i]! * beta[j]!;
    u[i] = e;
    fitted[i] = d.y[i]! - e;
    rss += e * e;
  }
  const sigma2 = rss / (n - (p + fe.rank()));
  const classical = Float64Array.from({ length: p }, (_, j) => Math.sqrt(sigma2 * inv[j * p + j]!));
  return { beta, classical, bread: inv, Xt, u, fitted, converged: true, iterations: 1, logLik: Number.NaN };
}

const expit = (e: number) => (e >= 0 ? 1 / (1 + Math.exp(-e)) : Math.exp(e) / (1 + Math.exp(e)));

/** Binomial deviance −2 Σ [y log μ + (1 − y) log(1 − μ)] (= −2 log-likelihood for 0/1 outcomes). */
function deviance(y: Float64Array, eta: Float64Array): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    const e = eta[i]!;
    // log(1 + exp(−|e|)) keeps the precision of log μ and log(1 − μ) in the tails
    const softplus = Math.max(e, 0) + Math.log1p(Math.exp(-Math.abs(e)));
    s += y[i] === 1 ? softplus - e : softplus;
  }
  return 2 * s;
}

function irls(d: Design, fe: FixedEffects, options: FitBinaryOptions, warnings: string[]): CoreFit {
  const { n, y } = d;
  const maxIterations = options.maxIterations ?? 50, tolerance = options.tolerance ?? 1e-10;
  let eta = Float64Array.from(y, (v) => Math.log((v + 0.5) / (1.5 - v)));
  let dev = deviance(y, eta), converged = false, it = 0, unsettled = false;
  const w = new Float64Array(n), z = new Float64Array(n);
  while (it < maxIterations && !converged) {
    it++;
    for (let i = 0; i < n; i++) {
      const mu = expit(eta[i]!);
      w[i] = Math.max(mu * (1 - mu), 1e-300);
      z[i] = eta[i]! + (y[i]! - mu) / w[i]!;
    }
    const zt = z.slice(), Xt = d.X.map((c) => c.slice());
    unsettled = !fe.demean([zt, ...Xt], { weights: w }).converged || unsettled;
    const { beta } = normalEquations(Xt, zt, w, warnings);
    if (Number.isNaN(beta[0]!)) break;
    const next = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let r = zt[i]!;
      for (let j = 0; j < Xt.length; j++) r -= Xt[j]![i]! * beta[j]!;
      next[i] = z[i]! - r; // fitted η = z − the weighted residual (FWL)
    }
    let devNext = deviance(y, next);
    // the starting η is not a model's linear predictor: step halving from the second iteration on
    for (let h = 0; it > 1 && h < 30 && !(devNext <= dev * (1 + 1e-12) + 1e-12); h++) {
      for (let i = 0; i < n; i++) next[i] = (next[i]! + eta[i]!) / 2; // step halving
      devNext = deviance(y, next);
    }
    converged = Math.abs(devNext - dev) < tolerance * (Math.abs(devNext) + 0.1);
    eta = next;
    dev = devNext;
  }
  if (unsettled) warnings.push("the fixed effects' projections did not converge in some IRLS steps");
  if (!converged) warnings.push(`the logit did not converge in ${it} IRLS iterations`);
  return finishLogit(d, fe, eta, dev, converged, it, warnings);
}

/** β, the inverse Hessian and the scores at the final η. */
function finishLogit(
  d: Design,
  fe: FixedEffects,
  eta: Float64Array,
  dev: number,
  converged: boolean,
  iterations: number,
  warnings: string[],
): CoreFit {
  const { n, y } = d;
  const mu = eta.map(expit), w = new Float64Array(n), u = new Float64Array(n), z = new Float64Array(n);
  let extreme = 0;
  for (let i = 0; i < n; i++) {
    w[i] = Math.max(mu[i]! * (1 - mu[i]!), 1e-300);
    u[i] = y[i]! - mu[i]!;
    z[i] = eta[i]! + u[i]! / w[i]!;
    if (mu[i]! < 10 * Number.EPSILON || mu[i]! > 1 - 10 * Number.EPSILON) extreme++;
  }
  if (extreme) {
    warnings.push(`fitted probabilities numerically 0 or 1 for ${extreme} observation(s) (separation?)`);
  }
  const zt = z.slice(), Xt = d.X.map((c) => c.slice());
  fe.demean([zt, ...Xt], { weights: w });
  const { beta, inv } = normalEquations(Xt, zt, w, warnings);
  const p = Xt.length;
  const classical = Float64Array.from({ length: p }, (_, j) => Math.sqrt(inv[j * p + j]!));
  return { beta, classical, bread: inv, Xt, u, fitted: mu, converged, iterations, logLik: -dev / 2 };
}

/** Cluster-robust standard errors of the regressors: √diag(c · B⁻¹ (Σ_g s_g s_gᵀ) B⁻¹). */
function clusterSe(
  d: Design,
  fit: CoreFit,
  k: number,
  model: "logit" | "lpm",
  correction: "stata" | "cr1",
  warnings: string[],
): Float64Array {
  const p = fit.Xt.length, G = d.clusters, n = d.n;
  if (G < 2) {
    warnings.push(`${G} cluster(s): cluster-robust standard errors need at least 2, values are NaN`);
    return new Float64Array(p).fill(Number.NaN);
  }
  const s = new Float64Array(G * p);
  for (let i = 0; i < n; i++) {
    const g = d.cluster![i]!;
    for (let j = 0; j < p; j++) s[g * p + j]! += fit.Xt[j]![i]! * fit.u[i]!;
  }
  const meat = new Float64Array(p * p);
  for (let g = 0; g < G; g++) {
    for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) meat[a * p + b]! += s[g * p + a]! * s[g * p + b]!;
  }
  const c = model === "logit" && correction === "stata" ? G / (G - 1) : (G / (G - 1)) * ((n - 1) / (n - k));
  const B = fit.bread;
  return Float64Array.from({ length: p }, (_, j) => {
    let v = 0;
    for (let a = 0; a < p; a++) {
      for (let b = 0; b < p; b++) v += B[j * p + a]! * meat[a * p + b]! * B[b * p + j]!;
    }
    return Math.sqrt(c * v);
  });
}
