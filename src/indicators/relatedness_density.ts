/**
 * Relatedness density RD_rs = 100 · Σ_j M_rj φ_js / Σ_j φ_js (Boschma, Balland & Kogler 2015; EconGeo
 * `relatedness_density`). 关联密度（百分比）。
 * @module
 */
import { alignSquare, type MatrixInput, type MatrixInputOptions, weightedDensity } from "./input.ts";
import { Matrix } from "./matrix.ts";
import { toSparsePresence } from "./presence.ts";
import type { SparseBinaryMatrix } from "./sparse.ts";

/**
 * Relatedness density of each region around each sector, in percent (0–100): the share of the sectors
 * related to s (weighted by relatedness φ_js) in which region r is specialised (Boschma, Balland & Kogler
 * 2015; EconGeo `relatedness_density`, which multiplies by 100). φ may be any sector × sector relatedness
 * (`proximity`, `relatedness`); its diagonal is used as given.
 *
 * Signature (stable): `relatednessDensity(M: PresenceMatrix | Matrix (0/1) | SparseBinaryMatrix, phi:
 * Matrix): Matrix` (regions × sectors, percent). Sectors whose φ column sums to 0 get 0 and a warning.
 *
 * @example
 * ```ts
 * import { matrixFrom, relatednessDensity } from "clusterlab";
 * const M = matrixFrom([[1, 0, 0]], { rows: ["A"], cols: ["a", "b", "c"] });
 * const phi = matrixFrom([[0, 1, 1], [1, 0, 3], [1, 3, 0]], { rows: ["a", "b", "c"], cols: ["a", "b", "c"] });
 * relatednessDensity(M, phi).get("A", "b"); // 100 · 1 / (1 + 3) = 25
 * ```
 */
export function relatednessDensity(
  M: MatrixInput | SparseBinaryMatrix,
  phi: Matrix,
  opts: MatrixInputOptions = {},
): Matrix {
  const sp = toSparsePresence(M, opts);
  const warnings: string[] = [...phi.warnings];
  const data = weightedDensity(sp, alignSquare(phi, sp.cols, "input of relatednessDensity"), 100, warnings);
  return new Matrix(sp.rows, sp.cols, data, warnings);
}
