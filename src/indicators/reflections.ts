/**
 * The method of reflections (Hidalgo & Hausmann 2009): k_r,N = (1/k_r,0) Σ_s M_rs k_s,N−1 and
 * k_s,N = (1/k_s,0) Σ_r M_rs k_r,N−1, starting from diversity k_r,0 and ubiquity k_s,0. 反射法。
 * @module
 */
import { checkNumber, listLabels } from "../core/checks.ts";
import { Matrix, type MatrixInput, type MatrixInputOptions } from "./matrix.ts";
import { presenceInput } from "./presence.ts";
import type { SparseBinaryMatrix } from "./sparse.ts";

/** Options of {@link reflections}. */
export interface ReflectionsOptions extends MatrixInputOptions {
  /** Number of reflection steps N (default 18, the region-side order the R `economiccomplexity` package
   * reports with its default 20 iterations). */
  readonly steps?: number;
}

/** Result of {@link reflections}: every order 0..N. */
export interface ReflectionsResult {
  /** Regions × orders ("0", "1", …, "N"): k_r,0 … k_r,N. */
  readonly regions: Matrix;
  /** Sectors × orders ("0", …, "N"): k_s,0 … k_s,N. */
  readonly sectors: Matrix;
  /** Notes on degenerate input (regions or sectors without presence, whose values are NaN). */
  readonly warnings: readonly string[];
}

/**
 * Method of reflections up to order `steps` (Hidalgo & Hausmann 2009, PNAS 106: 10570). Even orders of
 * k_r rank regions by complexity in the limit (the direction converges to the ECI eigenvector). Regions or
 * sectors with no presence cannot be averaged: their values are NaN and named in the warnings.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { matrixFrom, reflections } from "clusterlab";
 * const M = matrixFrom([[1, 1], [1, 0]], { regions: ["A", "B"], sectors: ["s", "t"] });
 * const r = reflections(M, { steps: 2 });
 * assert.equal(r.regions.get("A", "1"), 1.5); // mean ubiquity of A's sectors: (2 + 1) / 2
 * assert.equal(r.sectors.get("t", "1"), 2); // mean diversity of t's regions: A only
 * assert.deepEqual(r.regions.toArrays(), [[2, 1.5, 1.75], [1, 2, 1.5]]);
 * ```
 */
export function reflections(
  M: MatrixInput | SparseBinaryMatrix,
  opts: ReflectionsOptions = {},
): ReflectionsResult {
  const steps = opts.steps ?? 18;
  checkNumber("options of reflections", "steps", steps, { min: 0, max: 1000, integer: true });
  const { sparse: sp, warnings: read } = presenceInput(M, opts);
  const { nrow, ncol } = sp;
  const kc0 = sp.rowCounts(), kp0 = sp.colCounts();
  const orders = Array.from({ length: steps + 1 }, (_, i) => String(i));
  const rc = new Float64Array(nrow * (steps + 1)), pc = new Float64Array(ncol * (steps + 1));
  let kc = kc0.slice(), kp = kp0.slice();
  for (let i = 0; i < nrow; i++) rc[i * (steps + 1)] = kc0[i]!;
  for (let j = 0; j < ncol; j++) pc[j * (steps + 1)] = kp0[j]!;
  for (let N = 1; N <= steps; N++) {
    const nc = sp.mulVec(kp), np = sp.tmulVec(kc);
    for (let i = 0; i < nrow; i++) nc[i] = kc0[i] === 0 ? Number.NaN : nc[i]! / kc0[i]!;
    for (let j = 0; j < ncol; j++) np[j] = kp0[j] === 0 ? Number.NaN : np[j]! / kp0[j]!;
    // NaN of empty rows/cols must not leak into the others: they have no ones, so they never enter a sum.
    for (let i = 0; i < nrow; i++) rc[i * (steps + 1) + N] = nc[i]!;
    for (let j = 0; j < ncol; j++) pc[j * (steps + 1) + N] = np[j]!;
    kc = nc.map((v) => (Number.isNaN(v) ? 0 : v));
    kp = np.map((v) => (Number.isNaN(v) ? 0 : v));
  }
  const warnings: string[] = [...read];
  const zr = sp.rows.filter((_, i) => kc0[i] === 0), zc = sp.cols.filter((_, j) => kp0[j] === 0);
  if (steps > 0 && zr.length) {
    warnings.push(
      `${zr.length} region(s) with diversity 0 have undefined reflections (NaN): ${listLabels(zr)}`,
    );
  }
  if (steps > 0 && zc.length) {
    warnings.push(
      `${zc.length} sector(s) with ubiquity 0 have undefined reflections (NaN): ${listLabels(zc)}`,
    );
  }
  return {
    regions: new Matrix(sp.rows, orders, rc, { warnings }),
    sectors: new Matrix(sp.cols, orders, pc, { warnings }),
    warnings,
  };
}
