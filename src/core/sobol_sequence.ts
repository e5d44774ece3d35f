/**
 * The Sobol low-discrepancy sequence in up to {@link SOBOL_MAX_DIMENSIONS} dimensions, with the direction
 * numbers of Joe & Kuo (2008). Sobol 低差异序列。
 *
 * Sobol, I. M. (1967), "On the distribution of points in a cube and the approximate evaluation of
 * integrals", USSR Comput. Math. Math. Phys. 7(4): 86–112. Direction numbers: Joe, S. & Kuo, F. Y. (2008),
 * "Constructing Sobol sequences with better two-dimensional projections", SIAM J. Sci. Comput. 30(5):
 * 2635–2654, file `new-joe-kuo-6.21201` (dimensions 2–21 transcribed below: degree s, coefficient a and
 * initial m₁ … m_s). Points are generated in Gray-code order (Antonov & Saleev 1979; Bratley & Fox 1988,
 * ACM TOMS 14: 88–100), as in Joe & Kuo's own program and SciPy's `qmc.Sobol(scramble=False)`: point 0 is the
 * origin, point 1 is ½ in every dimension, points 2 and 3 are (¾, ¼, …) and (¼, ¾, …).
 * @module
 */
import { ParamChecker } from "./checks.ts";
import { checkSize } from "./size_guard.ts";

/** Joe–Kuo direction numbers, dimensions 2–21: "s a m₁ … m_s" (new-joe-kuo-6.21201). */
const JOE_KUO = [
  "1 0 1", // d = 2
  "2 1 1 3", // d = 3
  "3 1 1 3 1", // d = 4
  "3 2 1 1 1", // d = 5
  "4 1 1 1 3 3", // d = 6
  "4 4 1 3 5 13", // d = 7
  "5 2 1 1 5 5 17", // d = 8
  "5 4 1 1 5 5 5", // d = 9
  "5 7 1 1 7 11 19", // d = 10
  "5 11 1 1 5 1 1", // d = 11
  "5 13 1 1 1 3 11", // d = 12
  "5 14 1 3 5 5 31", // d = 13
  "6 1 1 3 3 9 7 49", // d = 14
  "6 13 1 1 1 15 21 21", // d = 15
  "6 16 1 3 1 13 27 49", // d = 16
  "6 19 1 1 1 15 7 5", // d = 17
  "6 22 1 3 1 15 13 25", // d = 18
  "6 25 1 1 5 5 19 61", // d = 19
  "7 1 1 3 7 11 23 15 103", // d = 20
  "7 4 1 3 7 13 13 15 69", // d = 21
];

/**
 * The number of dimensions {@link sobolSequence} supports (those with transcribed direction numbers).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { SOBOL_MAX_DIMENSIONS } from "clusterlab/advanced";
 * assert.equal(SOBOL_MAX_DIMENSIONS, 21);
 * ```
 */
export const SOBOL_MAX_DIMENSIONS: number = JOE_KUO.length + 1;

/** Bits of each coordinate: points 0 … 2³² − 1 are distinct. */
const BITS = 32;

/** Direction numbers V₁ … V₃₂ of dimension `d` (1-based), scaled by 2³² (Joe & Kuo 2008, §2). */
function directions(d: number): Uint32Array {
  const V = new Uint32Array(BITS + 1);
  if (d === 1) {
    for (let i = 1; i <= BITS; i++) V[i] = 2 ** (BITS - i);
    return V;
  }
  const [s, a, ...m] = JOE_KUO[d - 2]!.split(" ").map(Number) as [number, number, ...number[]];
  for (let i = 1; i <= Math.min(s, BITS); i++) V[i] = m[i - 1]! * 2 ** (BITS - i);
  for (let i = s + 1; i <= BITS; i++) {
    let v = (V[i - s]! ^ (V[i - s]! >>> s)) >>> 0;
    for (let k = 1; k < s; k++) if ((a >>> (s - 1 - k)) & 1) v = (v ^ V[i - k]!) >>> 0;
    V[i] = v;
  }
  return V;
}

/** Options of {@link sobolSequence}. */
export interface SobolSequenceOptions {
  /** Points of the sequence left out at its start (default 0: the first point is the origin). */
  readonly skip?: number;
}

/**
 * Points `skip`, `skip` + 1, … of the (unscrambled) Sobol sequence in `dimensions` ≤ 21 dimensions: `n`
 * rows of coordinates in [0, 1). Each coordinate is x_k = (v₁ b₁ ⊕ v₂ b₂ ⊕ …) / 2³² for the bits b of the
 * Gray code k ⊕ ⌊k/2⌋, computed by Antonov–Saleev's recursion x_k = x_{k−1} ⊕ v_c with c the lowest zero bit
 * of k − 1 (Bratley & Fox 1988); direction numbers from Joe & Kuo (2008). The first 2^m points (m ≥ 0) are a
 * (t, m, s)-net: each dimension's first 2^m values hit every interval [j/2^m, (j+1)/2^m) once.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sobolSequence } from "clusterlab/advanced";
 * assert.deepEqual(sobolSequence(4, 2), [[0, 0], [0.5, 0.5], [0.75, 0.25], [0.25, 0.75]]);
 * assert.deepEqual(sobolSequence(1, 3, { skip: 5 }), [[0.875, 0.875, 0.125]]);
 * ```
 */
export function sobolSequence(n: number, dimensions: number, options: SobolSequenceOptions = {}): number[][] {
  const skip = options.skip ?? 0;
  const check = new ParamChecker("parameters of sobolSequence");
  check.number("n", n, { integer: true, min: 0 });
  check.number("dimensions", dimensions, { integer: true, min: 1, max: SOBOL_MAX_DIMENSIONS });
  check.number("skip", skip, { integer: true, min: 0 });
  check.done();
  if (n + skip > 2 ** BITS) {
    check.add("n", `n + skip ≤ 2^${BITS} (the points of a ${BITS}-bit sequence)`, n);
    check.done();
  }
  checkSize("parameters of sobolSequence", "n", {
    what: `n ${n} × dimensions ${dimensions}`,
    values: n * dimensions,
  });
  const V = Array.from({ length: dimensions }, (_, d) => directions(d + 1));
  // x at index `skip`: the XOR of the directions of the bits of its Gray code
  const x = new Uint32Array(dimensions);
  const gray = skip ^ Math.floor(skip / 2);
  for (let bit = 0; bit < BITS; bit++) {
    if (Math.floor(gray / 2 ** bit) % 2 === 1) {
      for (let d = 0; d < dimensions; d++) x[d] ^= V[d]![bit + 1]!;
    }
  }
  const out: number[][] = [];
  for (let k = skip; k < skip + n; k++) {
    if (k > skip) {
      let c = 1, i = k - 1; // c: 1 + the number of trailing one bits of k − 1
      while (i % 2 === 1) [i, c] = [Math.floor(i / 2), c + 1];
      for (let d = 0; d < dimensions; d++) x[d] ^= V[d]![c]!;
    }
    out.push(Array.from(x, (v) => v / 2 ** BITS));
  }
  return out;
}
