/**
 * Fixed effects absorbed by (weighted) alternating projections: the within transformation of one or two
 * categorical factors, which replaces a dense matrix of dummies in least squares and in each IRLS step of a
 * logit. 固定效应的吸收（交替投影）。
 *
 * By the Frisch–Waugh–Lovell theorem (Frisch & Waugh 1933; Lovell 1963), the slopes of a (weighted) regression
 * of y on X and a set of dummies D equal those of the regression of ỹ on X̃, where ~ is the (weighted)
 * residual from projecting on D, and the residuals are the same. The projection on the dummies of one factor
 * is subtraction of the (weighted) group means; for two factors, alternating the two group-mean projections
 * converges to the projection on both (von Neumann–Halperin; Guimarães & Portugal 2010, *Stata Journal* 10:
 * 628–649; Gaure 2013, *Comput. Stat. Data Anal.* 66: 8–18, R `lfe`), and Stammann (2018, arXiv 1707.01815, R
 * `alpaca`) uses it inside the IRLS steps of a GLM, as `fitBinary` does.
 * @module
 */

/** A categorical factor: the level of each observation (0 … levels − 1). */
export interface Factor {
  /** Name (for messages), e.g. "region". */
  readonly name: string;
  /** Level of each observation, an integer in 0 … levels − 1. */
  readonly codes: Int32Array;
  /** Number of levels. */
  readonly levels: number;
}

/** Options of {@link FixedEffects.demean}. */
export interface DemeanOptions {
  /** Observation weights, > 0 (default all 1). */
  readonly weights?: Float64Array;
  /** Stop when no group mean subtracted in a sweep exceeds `tolerance` × the largest |value| (default 1e-13). */
  readonly tolerance?: number;
  /** Most sweeps over the factors (default 10,000). */
  readonly maxSweeps?: number;
}

/** What {@link FixedEffects.demean} did. */
export interface DemeanReport {
  /** Sweeps over the factors, at most, over the vectors. */
  readonly sweeps: number;
  /** Did every vector meet the tolerance? */
  readonly converged: boolean;
}

/**
 * One or two factors whose dummies are absorbed: {@link FixedEffects.demean} replaces vectors by their
 * (weighted) residuals from the projection on all the factors' dummies, and {@link FixedEffects.rank} is the
 * number of parameters those dummies hold.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { FixedEffects } from "clusterlab/advanced";
 * // a 2 × 2 balanced design: two-way demeaning x − row mean − column mean + grand mean, in one sweep
 * const fe = new FixedEffects([
 *   { name: "row", codes: Int32Array.from([0, 0, 1, 1]), levels: 2 },
 *   { name: "col", codes: Int32Array.from([0, 1, 0, 1]), levels: 2 },
 * ]);
 * const x = Float64Array.from([1, 2, 3, 7]);
 * fe.demean([x]);
 * assert.deepEqual(Array.from(x), [0.75, -0.75, -0.75, 0.75]);
 * assert.equal(fe.rank(), 3); // 2 + 2 levels − 1 connected component
 * ```
 */
export class FixedEffects {
  /** The factors (at most two). */
  readonly factors: readonly Factor[];
  /** Number of observations. */
  readonly n: number;

  /** Absorb the dummies of `factors` (zero, one or two, each with one code per observation). */
  constructor(factors: readonly Factor[]) {
    if (factors.length > 2) {
      throw new RangeError(`FixedEffects takes at most two factors, received ${factors.length}`);
    }
    const n = factors[0]?.codes.length ?? 0;
    for (const f of factors) {
      if (f.codes.length !== n) {
        throw new RangeError(`factor ${f.name} has ${f.codes.length} codes, expected ${n}`);
      }
    }
    this.factors = factors;
    this.n = n;
  }

  /**
   * Replace each vector (in place) by its residual from the weighted projection on the dummies of every
   * factor: one factor in one pass (group means), two by alternating projections until the largest group
   * mean subtracted in a sweep is below `tolerance` × the largest |value| of the vector.
   */
  demean(vectors: readonly Float64Array[], options: DemeanOptions = {}): DemeanReport {
    const { weights, tolerance = 1e-13, maxSweeps = 10_000 } = options;
    if (!this.factors.length) return { sweeps: 0, converged: true };
    const wsum = this.factors.map((f) => groupSums(f, weights, undefined));
    let sweeps = 0, converged = true;
    for (const v of vectors) {
      if (this.factors.length === 1) {
        project(this.factors[0]!, v, weights, wsum[0]!);
        sweeps = Math.max(sweeps, 1);
        continue;
      }
      let scale = 0;
      for (let i = 0; i < v.length; i++) scale = Math.max(scale, Math.abs(v[i]!));
      let k = 0, change = Infinity;
      while (change > tolerance * scale && k < maxSweeps) {
        change = 0;
        for (let f = 0; f < this.factors.length; f++) {
          change = Math.max(change, project(this.factors[f]!, v, weights, wsum[f]!));
        }
        k++;
      }
      if (change > tolerance * scale) converged = false;
      sweeps = Math.max(sweeps, k);
    }
    return { sweeps, converged };
  }

  /**
   * Number of free parameters of the dummies: the levels of one factor; for two, levels₁ + levels₂ − the
   * connected components of the graph linking the levels that share an observation (Abowd, Creecy & Kramarz
   * 2002: one normalisation per component). Levels with no observation count for nothing.
   */
  rank(): number {
    const used = this.factors.map((f) => {
      const seen = new Uint8Array(f.levels);
      for (let i = 0; i < this.n; i++) seen[f.codes[i]!] = 1;
      return seen.reduce((a, b) => a + b, 0);
    });
    if (this.factors.length < 2) return used[0] ?? 0;
    const [a, b] = this.factors as [Factor, Factor];
    const parent = new Int32Array(a.levels + b.levels).map((_, i) => i);
    const find = (x: number): number => {
      while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
      return x;
    };
    for (let i = 0; i < this.n; i++) {
      const p = find(a.codes[i]!), q = find(a.levels + b.codes[i]!);
      if (p !== q) parent[p] = q;
    }
    const active = new Uint8Array(a.levels + b.levels);
    for (let i = 0; i < this.n; i++) active[a.codes[i]!] = active[a.levels + b.codes[i]!] = 1;
    let components = 0;
    for (let x = 0; x < active.length; x++) if (active[x] && find(x) === x) components++;
    return used[0]! + used[1]! - components;
  }
}

/** Σ w (or Σ w·v) per level of `f`. */
function groupSums(f: Factor, w: Float64Array | undefined, v: Float64Array | undefined): Float64Array {
  const s = new Float64Array(f.levels);
  const { codes } = f, n = codes.length;
  if (v === undefined) {
    if (w === undefined) { for (let i = 0; i < n; i++) s[codes[i]!]! += 1; }
    else for (let i = 0; i < n; i++) s[codes[i]!]! += w[i]!;
  } else if (w === undefined) { for (let i = 0; i < n; i++) s[codes[i]!]! += v[i]!; }
  else for (let i = 0; i < n; i++) s[codes[i]!]! += w[i]! * v[i]!;
  return s;
}

/** v −= its weighted group means over `f`; returns the largest |mean| subtracted. */
function project(f: Factor, v: Float64Array, w: Float64Array | undefined, wsum: Float64Array): number {
  const m = groupSums(f, w, v);
  let largest = 0;
  for (let g = 0; g < m.length; g++) {
    m[g] = wsum[g]! > 0 ? m[g]! / wsum[g]! : 0;
    largest = Math.max(largest, Math.abs(m[g]!));
  }
  const { codes } = f;
  for (let i = 0; i < v.length; i++) v[i]! -= m[codes[i]!]!;
  return largest;
}
