/**
 * Variance-based sensitivity indices: first-order (S1) and total (ST) Sobol indices from the outputs of a
 * Saltelli design, with bootstrap intervals. 基于方差的敏感性指数（Sobol 指数）。
 * @module
 */
import * as aq from "../deps/arquero.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import { quantileSorted } from "../deps/d3_array.ts";
import { ParamChecker } from "../core/checks.ts";
import { Random } from "../core/random.ts";
import { describeValue, ValidationError } from "../core/validation_error.ts";
import { finiteResult } from "../indicators/finite_result.ts";
import type { SaltelliDesign } from "./saltelli_design.ts";

/** Options of {@link sobolIndices}. */
export interface SobolIndicesOptions {
  /** Bootstrap replicates of the intervals (default 1000). */
  readonly replicates?: number;
  /** Confidence level of the percentile intervals (default 0.95). */
  readonly level?: number;
  /** Seed of the bootstrap resampling (default 1). */
  readonly seed?: number;
}

/** Result of {@link sobolIndices}. */
export interface SobolIndicesResult {
  /**
   * One row per parameter, in the design's order: `param`, `S1`, `S1_lower`, `S1_upper`, `ST`, `ST_lower`,
   * `ST_upper` (percentile intervals at `level`).
   */
  readonly table: ColumnTable;
  /** Variance of the output over the A and B samples (the denominator of every index). */
  readonly variance: number;
  /** Base samples N of the design. */
  readonly n: number;
  /** Bootstrap replicates drawn. */
  readonly replicates: number;
  /** Confidence level. */
  readonly level: number;
  /** Seed of the resampling. */
  readonly seed: number;
  /** Notes: a constant output (indices undefined), negative first-order estimates, the design's notes. */
  readonly warnings: readonly string[];
}

/**
 * S1 and ST of every parameter from the samples `idx` of the blocks (Saltelli et al. 2010, Table 2 (b) and
 * (f)), f(B) centred on the mean of the sampled outputs.
 */
function estimate(
  fA: Float64Array,
  fB: Float64Array,
  fAB: readonly Float64Array[],
  idx: ArrayLike<number>,
): { V: number; S1: number[]; ST: number[] } {
  const n = idx.length;
  let mean = 0;
  for (let j = 0; j < n; j++) mean += fA[idx[j]!]! + fB[idx[j]!]!;
  mean /= 2 * n;
  let V = 0;
  for (let j = 0; j < n; j++) V += (fA[idx[j]!]! - mean) ** 2 + (fB[idx[j]!]! - mean) ** 2;
  V /= 2 * n;
  const S1: number[] = [], ST: number[] = [];
  for (const f of fAB) {
    let v1 = 0, vt = 0;
    for (let j = 0; j < n; j++) {
      const a = fA[idx[j]!]!, b = fB[idx[j]!]!, ab = f[idx[j]!]!;
      v1 += (b - mean) * (ab - a);
      vt += (a - ab) ** 2;
    }
    S1.push(V > 0 ? v1 / n / V : Number.NaN);
    ST.push(V > 0 ? vt / (2 * n) / V : Number.NaN);
  }
  return { V, S1, ST };
}

/** The outputs of a design, checked and split into the blocks f(A), f(B), f(A_B^(i)). */
function blocksOf(design: SaltelliDesign, outputs: ArrayLike<number>) {
  const { n, names } = design, k = names.length;
  const want = n * (k + 2);
  if (outputs?.length !== want) {
    throw new ValidationError("parameters of sobolIndices", [{
      column: "outputs",
      expected: `one output per design point (${n} × (${k} + 2) = ${want} numbers, in the design's order)`,
      received: outputs?.length === undefined ? describeValue(outputs) : `${outputs.length} values`,
    }]);
  }
  const bad: number[] = [];
  for (let r = 0; r < want && bad.length < 20; r++) {
    if (typeof outputs[r] !== "number" || !Number.isFinite(outputs[r])) bad.push(r);
  }
  if (bad.length) {
    throw new ValidationError(
      "outputs of sobolIndices",
      bad.map((r) => ({
        row: r + 1,
        column: "outputs",
        expected: "a finite number",
        received: describeValue(outputs[r]),
        message: `design point ${design.blocks[r]}, sample ${r % n}`,
      })),
    );
  }
  const part = (b: number) => Float64Array.from({ length: n }, (_, j) => outputs[b * n + j]!);
  return { fA: part(0), fB: part(1), fAB: names.map((_, i) => part(i + 2)) };
}

/**
 * First-order and total Sobol indices of each parameter, from the model's outputs on a
 * {@link saltelliDesign} (`outputs[r]` for the design's point r). With V the variance of the outputs over
 * A and B together, the estimators of Saltelli et al. (2010, "Variance based sensitivity analysis of model
 * output. Design and estimator for the total sensitivity index", Comput. Phys. Commun. 181: 259–270, Table
 * 2 (b) and (f)) are S1_i = (1/N) Σ_j f(B)_j (f(A_B^(i))_j − f(A)_j) / V and, Jansen's (1999, "Analysis of
 * variance designs for model output", Comput. Phys. Commun. 117: 35–43), ST_i = (1/2N) Σ_j (f(A)_j −
 * f(A_B^(i))_j)² / V, where f(B)_j is centred on the mean f̄ of the outputs over A and B (design choice:
 * the expectation is unchanged, as Σ_j (f(A_B^(i))_j − f(A)_j) has mean 0, and the variance a large mean
 * adds to the estimate is removed; Sobol' 2001, "Global sensitivity indices for nonlinear mathematical
 * models and their Monte Carlo estimates", Math. Comput. Simul. 55: 271–280, subtracts f₀ likewise; SALib
 * does not centre). S1_i is the share of the variance explained by parameter i alone, ST_i the share it
 * takes part in with all its interactions (for the true indices ST_i ≥ S1_i and Σ S1 ≤ 1; estimates
 * may break either). Intervals: `replicates` bootstrap
 * resamples of the N samples (the same rows of every block; `new Random(seed)`), percentile intervals at
 * `level` (Efron & Tibshirani 1993, ch. 13; R's type 7). Design choice: percentile intervals, where SALib
 * (Herman & Usher 2017) reports normal ones. Resampling treats the Sobol points as independent draws (it
 * ignores their balance), so the intervals measure Monte Carlo error, not the smaller quasi-Monte Carlo error
 * the points may have. Estimates of S1 below 0 are sampling noise around 0 and are noted.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { saltelliDesign, sobolIndices } from "clusterlab";
 * // y = x1 + 2·x2 with x uniform on [0, 1]: Var = 1/12 + 4/12, so S1 = ST = 1/5 and 4/5
 * const d = saltelliDesign({ x1: [0, 1], x2: [0, 1] }, 1024);
 * const s = sobolIndices(d, d.points.map((p) => p.x1 + 2 * p.x2), { seed: 2 });
 * const [x1, x2] = s.table.objects() as Record<string, number>[];
 * assert.ok(Math.abs(x1!.S1 - 0.2) < 0.01 && Math.abs(x2!.ST - 0.8) < 0.01);
 * assert.ok(x1!.S1_lower <= x1!.S1 && x1!.S1 <= x1!.S1_upper);
 * assert.deepEqual(s.warnings, []);
 * ```
 */
export function sobolIndices(
  design: SaltelliDesign,
  outputs: ArrayLike<number>,
  options: SobolIndicesOptions = {},
): SobolIndicesResult {
  const replicates = options.replicates ?? 1000, level = options.level ?? 0.95, seed = options.seed ?? 1;
  const check = new ParamChecker("parameters of sobolIndices");
  const d = design as Partial<SaltelliDesign> | undefined;
  if (!d || !Array.isArray(d.names) || !Number.isInteger(d.n) || !Array.isArray(d.blocks)) {
    check.add("design", "a design from saltelliDesign()", design);
  }
  check.number("replicates", replicates, { integer: true, min: 1 });
  check.number("level", level, { min: 0, open: true, max: 0.999999 });
  check.number("seed", seed, { integer: true, min: 0, max: 0xffffffff });
  check.done();
  const { fA, fB, fAB } = blocksOf(design, outputs);
  const n = design.n, k = design.names.length;
  const full = estimate(fA, fB, fAB, Array.from({ length: n }, (_, j) => j));
  const rng = new Random(seed);
  const s1 = design.names.map(() => new Float64Array(replicates));
  const st = design.names.map(() => new Float64Array(replicates));
  const idx = new Uint32Array(n);
  for (let b = 0; b < replicates; b++) {
    for (let j = 0; j < n; j++) idx[j] = rng.int(n);
    const e = estimate(fA, fB, fAB, idx);
    for (let i = 0; i < k; i++) [s1[i]![b], st[i]![b]] = [e.S1[i]!, e.ST[i]!];
  }
  const lo = (1 - level) / 2, hi = (1 + level) / 2;
  const interval = (x: Float64Array) => {
    const s = x.filter(Number.isFinite).sort();
    return s.length ? [quantileSorted(s, lo) as number, quantileSorted(s, hi) as number] : [NaN, NaN];
  };
  const rows = design.names.map((param, i) => {
    const [S1_lower, S1_upper] = interval(s1[i]!), [ST_lower, ST_upper] = interval(st[i]!);
    return { param, S1: full.S1[i]!, S1_lower, S1_upper, ST: full.ST[i]!, ST_lower, ST_upper };
  });
  const warnings = [...design.warnings];
  if (!(full.V > 0)) {
    warnings.push("the output does not vary over the design: every index is undefined (NaN)");
  }
  const negative = rows.filter((r) => r.S1 < 0).map((r) => `${r.param} (${r.S1.toPrecision(2)})`);
  if (negative.length) {
    warnings.push(`S1 below 0 for ${negative.join(", ")}: sampling noise around 0; a larger n narrows it`);
  }
  return finiteResult("sobolIndices", {
    table: aq.from(rows),
    variance: full.V,
    n,
    replicates,
    level,
    seed,
    warnings,
  });
}
