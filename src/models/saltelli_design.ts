/**
 * The Saltelli sampling design of variance-based sensitivity analysis: matrices A, B and the k matrices
 * A_B^(i), from a Sobol sequence. Saltelli 抽样设计。
 * @module
 */
import { ParamChecker } from "../core/checks.ts";
import { checkSize } from "../core/size_guard.ts";
import { SOBOL_MAX_DIMENSIONS, sobolSequence } from "../core/sobol_sequence.ts";
import {
  checkRanges,
  type DesignResult,
  designTable,
  type ParameterRanges,
  scalePoints,
} from "./design_ranges.ts";

/** Options of {@link saltelliDesign}. */
export interface SaltelliDesignOptions {
  /**
   * Points of the Sobol sequence left out at its start (default 1: the origin, which would put every
   * parameter of the first sample at its lower bound; design choice).
   */
  readonly skip?: number;
}

/** A Saltelli design: the points to run the model on, in blocks A, B, A_B^(1), …, A_B^(k). */
export interface SaltelliDesign extends DesignResult {
  /** Base samples N: the design has N · (k + 2) points. */
  readonly n: number;
  /** The block of each point, as in the table's `block` column: `"A"`, `"B"` or `"AB:<parameter>"`. */
  readonly blocks: readonly string[];
}

/** The most parameters a Saltelli design supports: A and B take 2k dimensions of the Sobol sequence. */
const MAX_PARAMETERS = Math.floor(SOBOL_MAX_DIMENSIONS / 2);

/**
 * The Saltelli design for `n` base samples over `ranges` (k ≤ 10 parameters): the Sobol sequence in 2k
 * dimensions (Joe & Kuo 2008 directions, points `skip` … `skip` + n − 1) gives the n × k matrices A (first
 * k coordinates) and B (last k); A_B^(i) is A with its column i taken from B (Saltelli et al. 2010,
 * "Variance based sensitivity analysis of model output. Design and estimator for the total sensitivity
 * index", Comput. Phys. Commun. 181: 259–270, §3 and Fig. 1). Run the model on every point, in order, and
 * hand the outputs to `sobolIndices`: N · (k + 2) runs give first-order and total indices of every
 * parameter. Rows are in blocks: A (n rows), B (n rows), then A_B^(1) … A_B^(k), each with `sample` 0 … n − 1.
 * A power of two for n keeps the Sobol points balanced (a warning says when it is not).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { saltelliDesign } from "clusterlab";
 * const d = saltelliDesign({ p1: [0, 1], p2: [0, 10] }, 4);
 * assert.equal(d.points.length, 4 * (2 + 2));
 * assert.deepEqual(d.table.columnNames(), ["block", "sample", "p1", "p2"]);
 * assert.deepEqual(d.points[0], { p1: 0.5, p2: 5 }); // A, sample 0: Sobol point 1 (½, ½, ½, ½)
 * // A_B^(p1), sample 0: p1 from B, p2 from A
 * assert.equal(d.blocks[8], "AB:p1");
 * assert.deepEqual(d.points[8], { p1: d.points[4]!.p1, p2: d.points[0]!.p2 });
 * ```
 */
export function saltelliDesign(
  ranges: ParameterRanges,
  n: number,
  options: SaltelliDesignOptions = {},
): SaltelliDesign {
  const skip = options.skip ?? 1;
  const check = new ParamChecker("parameters of saltelliDesign");
  const names = checkRanges(check, ranges);
  if (names.length > MAX_PARAMETERS) {
    check.add(
      "ranges",
      `at most ${MAX_PARAMETERS} parameters (2k ≤ ${SOBOL_MAX_DIMENSIONS} Sobol dimensions)`,
      `${names.length} parameters`,
    );
  }
  check.number("n", n, { integer: true, min: 2 });
  check.number("skip", skip, { integer: true, min: 0 });
  check.done();
  const k = names.length;
  checkSize("parameters of saltelliDesign", "n", {
    what: `n ${n} × (k ${k} + 2) points × ${k + 2} columns × 3 copies`,
    values: n * (k + 2) * (k + 2) * 3,
  });
  const sobol = sobolSequence(n, 2 * k, { skip });
  const A = sobol.map((u) => u.slice(0, k)), B = sobol.map((u) => u.slice(k));
  const unit = [...A, ...B];
  const blocks = [...A.map(() => "A"), ...B.map(() => "B")];
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < n; j++) unit.push(A[j]!.map((a, d) => (d === i ? B[j]![d]! : a)));
    blocks.push(...A.map(() => `AB:${names[i]}`));
  }
  const points = scalePoints(names, ranges, unit);
  const table = designTable(names, points, { block: blocks, sample: points.map((_, r) => r % n) });
  const warnings = Number.isInteger(Math.log2(n)) ? [] : [
    `n = ${n} is not a power of 2: the Sobol points are balanced only for powers of 2 (use ${
      2 ** Math.round(Math.log2(n))
    })`,
  ];
  return { table, points, names, warnings, n, blocks };
}
