/**
 * Seeded pseudo-random numbers for deterministic models. Every stochastic model in ClusterLab takes a
 * `seed` and draws from a {@link Random}, so the same parameters and seed give the same output on every run
 * and every machine. 可复现的随机数：同一种子，同一结果。
 *
 * The generator is mulberry32 (Tommy Ettinger, 2017; public domain): a 32-bit state, period 2³², passes
 * PractRand to 2³² outputs; fast enough for agent models (one `Math.imul` chain per draw). Normal draws use
 * the Box–Muller transform (Box & Muller 1958) with the second variate cached. The seed of run r of a
 * repeated simulation is {@link Random.runSeed}(seed, r), a splitmix32-style hash (Steele, Lea & Flood 2014,
 * "Fast splittable pseudorandom number generators", OOPSLA), so runs do not share streams.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Random } from "clusterlab";
 * const rng = new Random(1);
 * assert.equal(rng.next(), 0.6270739405881613); // the first mulberry32 output for seed 1
 * const die = rng.int(6);
 * assert.ok(Number.isInteger(die) && die >= 0 && die < 6);
 * assert.equal(new Random(42).uint32(), 0.6011037519201636 * 2 ** 32); // next() = uint32() / 2³²
 * ```
 * @module
 */

import { describeValue, ValidationError } from "./validation_error.ts";

/** Options of {@link Random.normal}. */
export interface NormalOptions {
  /** Mean of the draw (default 0). */
  readonly mean?: number;
  /** Standard deviation of the draw (default 1). */
  readonly sd?: number;
}

function checkSeed(seed: number): number {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new ValidationError("seed of Random", [{
      column: "seed",
      expected: "an integer in [0, 4294967295]",
      received: describeValue(seed),
    }]);
  }
  return seed;
}

/**
 * A seeded random-number generator (mulberry32 inside). All draws are deterministic given the seed.
 *
 * - `next()`: uniform float in [0, 1) (32 bits of randomness);
 * - `uint32()`: the raw 32-bit output (`next() === uint32() / 2³²`), for bit-level models;
 * - `stream()`: `next` as a bound `() => number`, for libraries that take an rng function;
 * - `int(n)`: uniform integer in 0..n−1 (n ≥ 1, floor(next·n): bias ≤ n/2³², negligible for model sizes);
 * - `normal(mean, sd)`: Box–Muller normal draw;
 * - `bernoulli(p)`: true with probability p;
 * - `shuffle(array)`: Fisher–Yates in place;
 * - `fork()`: an independent child generator seeded from this one;
 * - `Random.runSeed(seed, r)`: the seed of run r of a repeated simulation with base seed `seed`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Random } from "clusterlab";
 * const a = new Random(7), b = new Random(7);
 * assert.equal(a.next(), b.next()); // same seed, same stream
 * const draw = a.stream();
 * assert.equal(draw(), b.next()); // the stream advances `a` itself
 * assert.deepEqual(new Random(3).shuffle([1, 2, 3, 4]).sort(), [1, 2, 3, 4]);
 * ```
 */
export class Random {
  /** The seed this generator was created with. */
  readonly seed: number;
  #state: number;
  #spare = NaN;

  /** A generator seeded with `seed`, an integer in [0, 2³² − 1] (else a {@link ValidationError}). */
  constructor(seed: number) {
    this.seed = checkSeed(seed);
    this.#state = seed >>> 0;
  }

  /**
   * The seed of run `run` (0, 1, …) of a simulation repeated with base seed `seed`: the MurmurHash3 fmix32
   * finaliser (Appleby 2011) of the Weyl sequence seed + (run + 1)·0x9e3779b9, the 32-bit form of SplitMix
   * (Steele, Lea & Flood 2014, "Fast splittable pseudorandom number generators", OOPSLA). Runs get unrelated
   * streams, and run r has the same stream in every cell of a sweep with the same base seed (common random
   * numbers).
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { Random } from "clusterlab";
   * const s = Random.runSeed(1, 0);
   * assert.equal(s, Random.runSeed(1, 0)); // a pure function of (seed, run)
   * assert.ok(Number.isInteger(s) && s >= 0 && s < 2 ** 32);
   * assert.notEqual(Random.runSeed(1, 1), s);
   * ```
   */
  static runSeed(seed: number, run: number): number {
    checkSeed(seed);
    if (!Number.isInteger(run) || run < 0) {
      throw new ValidationError("run of Random.runSeed", [{
        column: "run",
        expected: "an integer ≥ 0",
        received: describeValue(run),
      }]);
    }
    let z = (seed + Math.imul(run + 1, 0x9e3779b9)) | 0;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  }

  /** The next raw 32-bit output of mulberry32, an integer in [0, 2³² − 1]. */
  uint32(): number {
    this.#state = (this.#state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.#state ^ (this.#state >>> 15), 1 | this.#state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** A uniform float in [0, 1): `uint32() / 2³²`. */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** `next` as a function bound to this generator (each call advances it), for APIs that take an rng. */
  stream(): () => number {
    return () => this.next();
  }

  /** A uniform integer in 0..n−1; `n` must be a positive integer. */
  int(n: number): number {
    if (!Number.isInteger(n) || n < 1) {
      throw new ValidationError("argument of Random.int", [{
        column: "n",
        expected: "a positive integer",
        received: describeValue(n),
      }]);
    }
    return Math.floor(this.next() * n);
  }

  /** A normal draw (Box–Muller, Box & Muller 1958), standard unless `mean` and `sd` are given. */
  normal(options?: NormalOptions): number;
  /** @deprecated the 0.1 form `normal(mean, sd)`; use `normal({ mean, sd })`. */
  normal(mean: number, sd?: number): number;
  normal(options: NormalOptions | number = {}, sd01?: number): number {
    const { mean = 0, sd = 1 } = typeof options === "number" ? { mean: options, sd: sd01 } : options;
    let z: number;
    if (!Number.isNaN(this.#spare)) {
      z = this.#spare;
      this.#spare = NaN;
    } else {
      let u = this.next();
      while (u === 0) u = this.next();
      const v = this.next();
      const r = Math.sqrt(-2 * Math.log(u));
      z = r * Math.cos(2 * Math.PI * v);
      this.#spare = r * Math.sin(2 * Math.PI * v);
    }
    return mean + sd * z;
  }

  /** True with probability `p` (p ≤ 0 never, p ≥ 1 always). */
  bernoulli(p: number): boolean {
    return this.next() < p;
  }

  /** Shuffle `array` in place (Fisher–Yates) and return it. */
  shuffle<T extends { length: number; [i: number]: unknown }>(array: T): T {
    for (let i = array.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = array[i];
      array[i] = array[j];
      array[j] = tmp;
    }
    return array;
  }

  /** An independent child generator whose seed is drawn from this one. */
  fork(): Random {
    return new Random(Math.floor(this.next() * 4294967296) >>> 0);
  }
}

/**
 * The mulberry32 stream of `seed` as a function returning floats in [0, 1) (the seed is taken as an
 * unsigned 32-bit integer, `seed >>> 0`).
 *
 * @deprecated the 0.1 building block; use `new Random(seed).stream()` (the same numbers).
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { mulberry32 } from "clusterlab/advanced";
 * import { Random } from "clusterlab";
 * assert.equal(mulberry32(1)(), 0.6270739405881613);
 * assert.equal(mulberry32(1)(), new Random(1).next());
 * ```
 */
export function mulberry32(seed: number): () => number {
  return new Random(seed >>> 0).stream();
}
