/**
 * Latin hypercube sampling of a parameter space. 拉丁超立方抽样。
 * @module
 */
import { ParamChecker } from "../core/checks.ts";
import { Random } from "../core/random.ts";
import { checkSize } from "../core/size_guard.ts";
import {
  checkRanges,
  type DesignResult,
  designTable,
  type ParameterRanges,
  scalePoints,
} from "./design_ranges.ts";

/** Options of {@link latinHypercube}. */
export interface LatinHypercubeOptions {
  /** Seed of the permutations and of the positions inside the strata (default 1). */
  readonly seed?: number;
}

/**
 * A Latin hypercube sample of `n` points over `ranges` (McKay, Beckman & Conover 1979, "A comparison of
 * three methods for selecting values of input variables in the analysis of output from a computer code",
 * Technometrics 21(2): 239–245): each parameter's range is cut into n strata of equal width and each
 * stratum holds exactly one point, x_id = lower_d + (π_d(i) + u_id) / n · (upper_d − lower_d), with π_d an
 * independent random permutation of 0 … n − 1 per parameter and u_id uniform in [0, 1). Draws from
 * `new Random(seed)`, parameter by parameter in the order of `ranges`: a Fisher–Yates shuffle, then the n
 * positions. Returns `{ table, points, names, warnings }`; the table has `sample` and one column per
 * parameter.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { latinHypercube } from "clusterlab";
 * const d = latinHypercube({ p1: [0, 1], p2: [0.1, 0.9] }, 5, { seed: 3 });
 * assert.equal(d.table.numRows(), 5);
 * // one point in each fifth of each range
 * assert.deepEqual(d.points.map((p) => Math.floor(p.p1 * 5)).sort(), [0, 1, 2, 3, 4]);
 * assert.deepEqual(d.points.map((p) => Math.floor((p.p2 - 0.1) / 0.16)).sort(), [0, 1, 2, 3, 4]);
 * assert.deepEqual(latinHypercube({ p1: [0, 1], p2: [0.1, 0.9] }, 5, { seed: 3 }).points, d.points);
 * ```
 */
export function latinHypercube(
  ranges: ParameterRanges,
  n: number,
  options: LatinHypercubeOptions = {},
): DesignResult {
  const seed = options.seed ?? 1;
  const check = new ParamChecker("parameters of latinHypercube");
  const names = checkRanges(check, ranges);
  check.number("n", n, { integer: true, min: 1 });
  check.number("seed", seed, { integer: true, min: 0, max: 0xffffffff });
  check.done();
  checkSize("parameters of latinHypercube", "n", {
    what: `n ${n} × ${names.length + 1} columns × 3 copies`,
    values: n * (names.length + 1) * 3,
  });
  const rng = new Random(seed);
  const unit: number[][] = Array.from({ length: n }, () => new Array<number>(names.length));
  names.forEach((_, d) => {
    const strata = rng.shuffle(Array.from({ length: n }, (_, i) => i));
    for (let i = 0; i < n; i++) unit[i]![d] = (strata[i]! + rng.next()) / n;
  });
  const points = scalePoints(names, ranges, unit);
  const table = designTable(names, points, { sample: points.map((_, i) => i) });
  return { table, points, names, warnings: [] };
}
