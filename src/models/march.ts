/**
 * March (1991) organisational learning: exploration and exploitation between individuals and an
 * organisational code, in the corrected variant documented by Christensen (2015).
 *
 * March, J. G. (1991). Exploration and exploitation in organizational learning. Organization Science 2(1),
 * 71–87. Christensen, M. (2015). A note on "Exploration and exploitation in organizational learning" (the
 * details of March's original program that the paper omits, needed to reproduce its Figure 1).
 * 马奇（1991）组织学习模型：个体与组织规范之间的探索与利用。
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { simulateMarch } from "clusterlab";
 * const r = simulateMarch({ p1: 0.5, p2: 0.5 }, { runs: 20, seed: 3 });
 * assert.equal(r.runs.numRows(), 20);
 * assert.ok(r.knowledge > 0 && r.knowledge <= 1); // the code learns something true about reality
 * assert.equal(r.params.m, 30); // March's defaults: 30 dimensions, 50 individuals
 * ```
 * @module
 */
import * as aq from "../deps/arquero.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../core/validation_error.ts";
import { Random } from "../core/random.ts";
import { finiteResult } from "../indicators/finite_result.ts";
import { checkSize } from "../core/size_guard.ts";

/** The model of {@link simulateMarch}: learning rates and, optionally, the size and environment. */
export interface MarchParams {
  /** Socialisation rate p1 ∈ [0, 1]: chance per period and dimension that an individual moves toward the code. */
  readonly p1: number;
  /** Code-learning rate p2 ∈ [0, 1]: effectiveness of the code learning from the superior group. */
  readonly p2: number;
  /** Dimensions of reality m (default 30). */
  readonly m?: number;
  /** Individuals n (default 50). */
  readonly n?: number;
  /** Turnover p3 ∈ [0, 1]: chance per period that an individual is replaced by a naive one (default 0). */
  readonly turnover?: number;
  /** Turbulence p4 ∈ [0, 1]: chance per period that a dimension of reality flips (default 0). */
  readonly turbulence?: number;
}

/** Options of {@link simulateMarch}: how many runs, from which seed, for how long. */
export interface SimulateMarchOptions {
  /** Number of independent runs (default 80, as in March 1991). */
  readonly runs?: number;
  /** Base seed (default 1). Run r draws from `new Random(Random.runSeed(seed, r))`. */
  readonly seed?: number;
  /**
   * Maximum number of periods. Without turnover and turbulence, runs stop at equilibrium and this is only a
   * safety cap (default 10,000; a run that hits it is reported in `warnings`). With turnover or turbulence
   * there is no equilibrium and every run lasts exactly this many periods (default 100 then).
   */
  readonly periods?: number;
  /** Record the mean code knowledge per period across runs in `trace` (default false). */
  readonly trace?: boolean;
}

/** @deprecated the 0.1 options of `simulateMarch`, parameters and run settings in one object; use `(params, options)`. */
export type MarchOptions = MarchParams & SimulateMarchOptions;

/** The parameters and run settings of a {@link simulateMarch} call, defaults filled in. */
export interface MarchSettings extends Required<MarchParams> {
  /** Number of runs. */
  readonly runs: number;
  /** Base seed. */
  readonly seed: number;
  /** Period cap (or exact length with turnover or turbulence). */
  readonly periods: number;
}

/** Result of {@link simulateMarch}. */
export interface MarchResult {
  /** Mean over runs of the code's final knowledge Σ_d c_d·r_d / m (the y-axis of March's Figure 1). */
  readonly knowledge: number;
  /** Mean over runs of the individuals' final knowledge, mean_i Σ_d b_id·r_d / m. */
  readonly individualKnowledge: number;
  /**
   * One row per run: `run`, `knowledge` (code), `individualKnowledge`, `periods` (periods simulated) and
   * `equilibrium` (true when the run ended in the absorbing state).
   */
  readonly runs: ColumnTable;
  /** Mean code knowledge after each period 1..T across runs (runs that stopped keep their final value). */
  readonly trace?: Float64Array;
  /** The parameters used, defaults filled in. */
  readonly params: MarchSettings;
  /** Notes on the run (runs that hit the period cap). */
  readonly warnings: readonly string[];
}

function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/**
 * The run settings of a call: `options`, or — the published v0.1 form `simulateMarch({ p1, p2, runs, seed })`
 * — settings given beside the parameters. A setting given in both places is a {@link ValidationError}.
 */
function runSettings(params: SimulateMarchOptions, options: SimulateMarchOptions): SimulateMarchOptions {
  if (params === null || typeof params !== "object") return options;
  const keys = ["runs", "seed", "periods", "trace"] as const;
  const both = keys.filter((k) => params[k] !== undefined && options[k] !== undefined);
  if (both.length > 0) {
    throw new ValidationError("settings of simulateMarch", [{
      column: both.join(", "),
      expected: "each run setting in one place (the options, second argument)",
      received: "given beside the parameters and in the options",
    }]);
  }
  const merged: Record<string, unknown> = { ...options };
  for (const k of keys) if (params[k] !== undefined) merged[k] = params[k];
  return merged as SimulateMarchOptions;
}

function checkParams(o: MarchParams, r: SimulateMarchOptions): MarchSettings {
  const issues: ValidationIssue[] = [];
  const prob = (name: string, v: unknown) => {
    if (typeof v !== "number" || !(v >= 0 && v <= 1)) {
      issues.push({ column: name, expected: "a number in [0, 1]", received: describeValue(v) });
    }
  };
  const int = (name: string, v: unknown, min: number, max: number) => {
    if (typeof v !== "number" || !Number.isInteger(v) || v < min || v > max) {
      issues.push({ column: name, expected: `an integer in [${min}, ${max}]`, received: describeValue(v) });
    }
  };
  if (o === null || typeof o !== "object") {
    throw new ValidationError("parameters of simulateMarch", [{
      column: "params",
      expected: "an object { p1, p2, … }",
      received: describeValue(o),
    }]);
  }
  const turnover = o.turnover ?? 0, turbulence = o.turbulence ?? 0;
  const p = {
    p1: o.p1,
    p2: o.p2,
    runs: r.runs ?? 80,
    seed: r.seed ?? 1,
    m: o.m ?? 30,
    n: o.n ?? 50,
    turnover,
    turbulence,
    periods: r.periods ?? (turnover > 0 || turbulence > 0 ? 100 : 10_000),
  };
  prob("p1", p.p1);
  prob("p2", p.p2);
  prob("turnover", p.turnover);
  prob("turbulence", p.turbulence);
  int("runs", p.runs, 1, 1e9);
  int("seed", p.seed, 0, 0xffffffff);
  int("m", p.m, 1, 1e6);
  int("n", p.n, 1, 1e6);
  int("periods", p.periods, 1, 1e9);
  if (issues.length) throw new ValidationError("parameters of simulateMarch", issues);
  checkSize("parameters of simulateMarch", "runs", {
    what: `runs ${p.runs} × 3 results + n ${p.n} × m ${p.m} beliefs${
      r.trace ? ` + periods ${p.periods} (trace)` : ""
    }`,
    values: p.runs * 3 + p.n * p.m * 2 + (r.trace ? p.periods : 0),
  });
  return p;
}

/** How one run ended: the code's score Σ_d c_d·r_d, periods simulated, whether it reached the absorbing state. */
interface RunEnd {
  readonly score: number;
  readonly periods: number;
  readonly equilibrium: boolean;
}

/**
 * The state of one run, bit-packed: reality R, code (cPos, cNeg), beliefs (bPos, bNeg) and actions (aPos),
 * 32 dimensions per word; allocated once and reset per run.
 */
class MarchWorld {
  readonly W: number;
  readonly valid: Uint32Array;
  readonly R: Uint32Array;
  readonly cPos: Uint32Array;
  readonly cNeg: Uint32Array;
  readonly bPos: Uint32Array;
  readonly bNeg: Uint32Array;
  readonly aPos: Uint32Array;
  readonly superior: Int32Array;
  readonly votes: Int32Array;
  /** (1 − p2)^k for k = 0…n. */
  readonly keep: Float64Array;
  rng: Random = new Random(0);

  constructor(readonly p: MarchSettings) {
    const { m, n, p2 } = p;
    const W = this.W = (m + 31) >>> 5;
    this.valid = new Uint32Array(W);
    for (let w = 0; w < W; w++) {
      const bits = Math.min(32, m - 32 * w);
      this.valid[w] = bits === 32 ? 0xffffffff : ((1 << bits) - 1) >>> 0;
    }
    this.R = new Uint32Array(W);
    this.cPos = new Uint32Array(W);
    this.cNeg = new Uint32Array(W);
    this.bPos = new Uint32Array(n * W);
    this.bNeg = new Uint32Array(n * W);
    this.aPos = new Uint32Array(n * W);
    this.superior = new Int32Array(n);
    this.votes = new Int32Array(m);
    this.keep = new Float64Array(n + 1);
    for (let k = 0; k <= n; k++) this.keep[k] = Math.pow(1 - p2, k);
  }

  /** A naive belief vector into individual i: −1, 0, 1 with probability ⅓ each per dimension. */
  naive(i: number): void {
    const { W, bPos, bNeg, rng } = this, m = this.p.m;
    for (let w = 0; w < W; w++) {
      let pos = 0, neg = 0;
      const bits = Math.min(32, m - 32 * w);
      for (let b = 0; b < bits; b++) {
        const v = rng.uint32() % 3; // bias ≤ 3/2³², negligible
        if (v === 2) pos |= 1 << b;
        else if (v === 0) neg |= 1 << b;
      }
      bPos[i * W + w] = pos >>> 0;
      bNeg[i * W + w] = neg >>> 0;
    }
  }

  /** A new reality, a neutral code and naive individuals, drawn from `rng`. */
  reset(rng: Random): void {
    this.rng = rng;
    const { W, R, cPos, cNeg, valid } = this;
    for (let w = 0; w < W; w++) {
      R[w] = (rng.uint32() & valid[w]!) >>> 0;
      cPos[w] = 0;
      cNeg[w] = 0;
    }
    for (let i = 0; i < this.p.n; i++) this.naive(i);
  }

  /** The code's knowledge Σ_d c_d·r_d. */
  codeScore(): number {
    const { W, R, cPos, cNeg, valid } = this;
    let s = 0;
    for (let w = 0; w < W; w++) {
      const r = R[w]!, nr = ~r & valid[w]!;
      s += popcount(cPos[w]! & r) + popcount(cNeg[w]! & nr) - popcount(cPos[w]! & nr) -
        popcount(cNeg[w]! & r);
    }
    return s;
  }

  /** Individual i's knowledge Σ_d b_id·r_d. */
  beliefScore(i: number): number {
    const { W, R, bPos, bNeg, valid } = this;
    let s = 0;
    for (let w = 0; w < W; w++) {
      const r = R[w]!, nr = ~r & valid[w]!, bp = bPos[i * W + w]!, bn = bNeg[i * W + w]!;
      s += popcount(bp & r) + popcount(bn & nr) - popcount(bp & nr) - popcount(bn & r);
    }
    return s;
  }

  /** Turnover and turbulence (March 1991, pp. 78–79), as thresholds on 32-bit draws. */
  disturb(p3u: number, p4u: number): void {
    const { R, rng } = this, { n, m } = this.p;
    if (p3u > 0) { for (let i = 0; i < n; i++) if (rng.uint32() < p3u) this.naive(i); }
    if (p4u > 0) {
      for (let d = 0; d < m; d++) if (rng.uint32() < p4u) R[d >>> 5] = (R[d >>> 5]! ^ (1 << (d & 31))) >>> 0;
    }
  }

  /** 1. Individuals act (a fair coin where the belief is 0); returns how many perform above `score`. */
  act(score: number): number {
    const { W, R, bPos, bNeg, aPos, valid, superior, rng } = this;
    let nSup = 0;
    for (let i = 0; i < this.p.n; i++) {
      let perf = 0;
      for (let w = 0; w < W; w++) {
        const bp = bPos[i * W + w]!, bn = bNeg[i * W + w]!, v = valid[w]!;
        const zeros = ~(bp | bn) & v;
        const a = (bp | (zeros & rng.uint32())) >>> 0;
        aPos[i * W + w] = a;
        const agree = popcount(~(a ^ R[w]!) & v);
        perf += 2 * agree - popcount(v);
      }
      if (perf > score) superior[nSup++] = i;
    }
    return nSup;
  }

  /** 2. Gradual socialisation toward the code, with probability p1 (as `p1u` of 2³²) per differing dimension. */
  socialise(p1u: number): void {
    const { W, bPos, bNeg, cPos, cNeg, rng } = this;
    for (let i = 0; i < this.p.n; i++) {
      for (let w = 0; w < W; w++) {
        const j = i * W + w;
        const bp = bPos[j]!, bn = bNeg[j]!;
        const mPos = cPos[w]! & ~bp, mNeg = cNeg[w]! & ~bn;
        let cand = (mPos | mNeg) >>> 0, hit = 0;
        while (cand !== 0) {
          const low = cand & -cand;
          if (rng.uint32() < p1u) hit |= low;
          cand = (cand ^ low) >>> 0;
        }
        if (hit === 0) continue;
        const h1 = hit & mPos, h2 = hit & mNeg;
        bPos[j] = ((bp | (h1 & ~bn)) & ~h2) >>> 0;
        bNeg[j] = ((bn | (h2 & ~bp)) & ~h1) >>> 0;
      }
    }
  }

  /** 3. The code adopts the majority action of the `nSup` superior individuals, 1 − (1 − p2)^k per dimension. */
  learnCode(nSup: number): void {
    const { W, aPos, cPos, cNeg, votes, superior, keep, rng } = this, m = this.p.m;
    votes.fill(0);
    for (let s = 0; s < nSup; s++) {
      const i = superior[s]!;
      for (let w = 0; w < W; w++) {
        const a = aPos[i * W + w]!, bits = Math.min(32, m - 32 * w), base = 32 * w;
        for (let b = 0; b < bits; b++) votes[base + b]! += ((a >>> b) & 1) * 2 - 1;
      }
    }
    for (let d = 0; d < m; d++) {
      const k = votes[d]!, w = d >>> 5, bit = 1 << (d & 31);
      if (k > 0) {
        if ((cPos[w]! & bit) === 0 && rng.uint32() / 4294967296 >= keep[k]!) {
          cPos[w] = (cPos[w]! | bit) >>> 0;
          cNeg[w] = (cNeg[w]! & ~bit) >>> 0;
        }
      } else if (k < 0) {
        if ((cNeg[w]! & bit) === 0 && rng.uint32() / 4294967296 >= keep[-k]!) {
          cNeg[w] = (cNeg[w]! | bit) >>> 0;
          cPos[w] = (cPos[w]! & ~bit) >>> 0;
        }
      }
    }
  }

  /** The absorbing state: nobody can beat the code and everyone matches the code where it is not 0. */
  absorbing(score: number): boolean {
    const { W, bPos, bNeg, cPos, cNeg, valid } = this;
    for (let i = 0; i < this.p.n; i++) {
      let zeros = 0;
      for (let w = 0; w < W; w++) {
        const bp = bPos[i * W + w]!, bn = bNeg[i * W + w]!;
        if (((bp ^ cPos[w]!) | (bn ^ cNeg[w]!)) & (cPos[w]! | cNeg[w]!)) return false;
        zeros += popcount(~(bp | bn) & valid[w]!);
      }
      if (this.beliefScore(i) + zeros > score) return false;
    }
    return true;
  }

  /** One run from a fresh world; adds score/m after each period to `traceSum` (kept after an early stop). */
  run(rng: Random, traceSum: Float64Array | undefined): RunEnd {
    const { p1, p2, m, turnover, turbulence, periods } = this.p;
    const open = turnover > 0 || turbulence > 0;
    const p1u = p1 * 4294967296, p3u = turnover * 4294967296, p4u = turbulence * 4294967296;
    this.reset(rng);
    let t = 0, equilibrium = false;
    let score = 0;
    while (t < periods) {
      this.disturb(p3u, p4u);
      score = this.codeScore();
      const nSup = this.act(score); // performance judged on actions (Christensen 2015)
      if (p1u > 0) this.socialise(p1u);
      if (nSup > 0 && p2 > 0) {
        this.learnCode(nSup);
        score = this.codeScore();
      }
      if (traceSum) traceSum[t]! += score / m;
      t++;
      if (!open && this.absorbing(score)) {
        equilibrium = true;
        break;
      }
    }
    if (traceSum) { for (let k = t; k < periods; k++) traceSum[k]! += score / m; }
    return { score, periods: t, equilibrium };
  }
}

/**
 * Simulate March's (1991) model of mutual learning between n individuals and an organisational code, in
 * the variant of Christensen (2015), which reproduces March's Figure 1:
 *
 * - reality r ∈ {−1, 1}^m (each dimension 1 with probability ½); the code starts neutral (c = 0); each
 *   individual's belief on each dimension is −1, 0 or 1 with equal probability;
 * - each period: (1) individuals **act**: action = belief, or a fair coin where the belief is 0;
 *   performance = Σ_d a_d·r_d; (2) **gradual socialisation**: on every dimension where the code is not 0
 *   and differs from the belief, with probability p1 the belief moves one step toward the code (−1 → 0,
 *   0 → 1); (3) the **code learns** from the superior group, the individuals whose *performance* exceeds
 *   the code's knowledge Σ_d c_d·r_d (superiority judged on actions, so a lucky individual may count):
 *   where the majority action of the superior group differs from the code by k > 0 votes, the code adopts
 *   it with probability 1 − (1 − p2)^k (March's footnote 1);
 * - turnover p3 replaces an individual by a naive one; turbulence p4 flips a dimension of reality
 *   (March 1991, pp. 78–79).
 *
 * Without turnover and turbulence a run stops in the absorbing state: no individual could beat the code
 * even with every coin right (Σ b·r + #zeros ≤ Σ c·r), and every belief equals the code wherever the code
 * is not 0. This is the exact absorbing condition (the replication by Workiewicz 2019 stops one step later
 * in rare cases, with the same final state). The reported knowledge is the code's Σ_d c_d·r_d / m.
 *
 * Reference values (Workiewicz's replication, 10,000 runs): p2 = 0.9 falls from 0.972 (p1 = 0.1) to
 * 0.728 (p1 = 0.9); p2 = 0.5 from 0.954 to 0.742; p2 = 0.1 is U-shaped, 0.863 → 0.799 (p1 = 0.5) → 0.813.
 *
 * Implementation: beliefs are bit masks (32 dimensions per word, Uint32Array), coin flips for all
 * dimensions come from one random word, popcounts give scores; no allocation per period. Run r draws from
 * `new Random(Random.runSeed(seed, r))`, so results are reproducible and cells of a sweep with the same seed
 * share random numbers (common random numbers).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { simulateMarch } from "clusterlab";
 * const slow = simulateMarch({ p1: 0.1, p2: 0.9 }, { runs: 200, seed: 1 });
 * const fast = simulateMarch({ p1: 0.9, p2: 0.9 }, { runs: 200, seed: 1 });
 * assert.ok(slow.knowledge > fast.knowledge); // slow socialisation learns more (March 1991, Figure 1)
 * // p2 = 0: the code never learns, stays neutral (knowledge 0), and someone can always beat it: no equilibrium
 * const still = simulateMarch({ p1: 0.5, p2: 0 }, { runs: 3, periods: 20 });
 * assert.equal(still.knowledge, 0);
 * assert.deepEqual(still.warnings, ["3 of 3 runs reached the cap of 20 periods before equilibrium"]);
 * // the published v0.1 form, run settings beside the parameters, gives the same result
 * assert.equal(simulateMarch({ p1: 0.1, p2: 0.9, runs: 200, seed: 1 }).knowledge, slow.knowledge);
 * ```
 */
export function simulateMarch(
  params: MarchParams & SimulateMarchOptions,
  options: SimulateMarchOptions = {},
): MarchResult {
  const runOptions = runSettings(params, options);
  const settings = checkParams(params, runOptions);
  const { runs, seed, m, n, turnover, turbulence, periods } = settings;
  const open = turnover > 0 || turbulence > 0;
  const world = new MarchWorld(settings);
  const outKnowledge = new Float64Array(runs), outIndividual = new Float64Array(runs);
  const outPeriods = new Int32Array(runs);
  const outEq = new Uint8Array(runs);
  const traceSum = runOptions.trace ? new Float64Array(periods) : undefined;
  let capped = 0;
  for (let run = 0; run < runs; run++) {
    const end = world.run(new Random(Random.runSeed(seed, run)), traceSum);
    if (!open && !end.equilibrium) capped++;
    let ind = 0;
    for (let i = 0; i < n; i++) ind += world.beliefScore(i);
    outKnowledge[run] = end.score / m;
    outIndividual[run] = ind / (n * m);
    outPeriods[run] = end.periods;
    outEq[run] = end.equilibrium ? 1 : 0;
  }
  let k = 0, ki = 0;
  for (let r = 0; r < runs; r++) {
    k += outKnowledge[r]!;
    ki += outIndividual[r]!;
  }
  const warnings: string[] = [];
  if (capped > 0) {
    warnings.push(`${capped} of ${runs} runs reached the cap of ${periods} periods before equilibrium`);
  }
  let trace: Float64Array | undefined;
  if (traceSum) {
    trace = traceSum;
    for (let i = 0; i < periods; i++) trace[i]! /= runs;
  }
  return finiteResult("simulateMarch", {
    knowledge: k / runs,
    individualKnowledge: ki / runs,
    runs: aq.table({
      run: Int32Array.from({ length: runs }, (_, i) => i),
      knowledge: outKnowledge,
      individualKnowledge: outIndividual,
      periods: outPeriods,
      equilibrium: Array.from(outEq, (v) => v === 1),
    }),
    ...(trace ? { trace } : {}),
    params: settings,
    warnings,
  });
}
