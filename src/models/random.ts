/**
 * Seeded pseudo-random numbers for deterministic models. Every stochastic model in ClusterLab takes a
 * `seed` and draws from a {@link Random}, so the same parameters and seed give the same output on every run
 * and every machine. 可复现的随机数：同一种子，同一结果。
 *
 * The generator is mulberry32 (Tommy Ettinger, 2017; public domain): a 32-bit state, period 2³², passes
 * PractRand to 2³² outputs; fast enough for agent models (one `Math.imul` chain per draw). Normal draws use
 * the Box–Muller transform (Box & Muller 1958) with the second variate cached.
 *
 * @example
 * ```ts
 * import { Random } from "clusterlab";
 * const rng = new Random(42);
 * rng.next();   // a float in [0, 1)
 * rng.int(6);   // an integer in 0..5
 * rng.normal(); // a standard normal draw
 * ```
 * @module
 */

import { describeValue, ValidationError } from "../data/validation_error.ts";

/**
 * The mulberry32 step: a function returning floats in [0, 1) with 32 bits of randomness, seeded by the
 * unsigned 32-bit integer `seed` (Ettinger 2017, public domain).
 *
 * @example
 * ```ts
 * import { mulberry32 } from "clusterlab";
 * const next = mulberry32(1);
 * next(); // 0.6270739405881613 (the first mulberry32 output for seed 1)
 * ```
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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
 * - `next()`: uniform float in [0, 1);
 * - `int(n)`: uniform integer in 0..n−1 (n ≥ 1, floor(next·n): bias ≤ n/2³², negligible for model sizes);
 * - `normal(mean, sd)`: Box–Muller normal draw;
 * - `bernoulli(p)`: true with probability p;
 * - `shuffle(array)`: Fisher–Yates in place;
 * - `fork()`: an independent child generator seeded from this one (for per-run streams).
 *
 * @example
 * ```ts
 * import { Random } from "clusterlab";
 * const a = new Random(7), b = new Random(7);
 * a.next() === b.next(); // true: same seed, same stream
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

  /** A uniform float in [0, 1) (mulberry32). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.#state ^ (this.#state >>> 15), 1 | this.#state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
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

  /** A normal draw with the given mean and standard deviation (Box–Muller, Box & Muller 1958). */
  normal(mean = 0, sd = 1): number {
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
