/**
 * Density: how much of what is related to sector s a region already does,
 * d_rs = Σ_s' M_rs' φ_s's / Σ_s' φ_s's (Hidalgo et al. 2007; Hausmann et al. 2014). 密度。
 * @module
 */
import { alignSquare, type MatrixInput, type MatrixInputOptions, weightedDensity } from "./input.ts";
import { Matrix } from "./matrix.ts";
import { toSparsePresence } from "./presence.ts";
import { proximity } from "./proximity.ts";
import type { SparseBinaryMatrix } from "./sparse.ts";

/** Options of {@link density}. */
export interface DensityOptions extends MatrixInputOptions {
  /** Sector × sector proximity; default `proximity(M)` (Stata convention, zero diagonal). */
  readonly phi?: Matrix;
}

/**
 * Density d_rs = Σ_s' M_rs' φ_s's / Σ_s' φ_s's ∈ [0, 1] (Hausmann et al. 2014; the Stata `ecomplexity`
 * `density` column). Region × sector, dense; the product M·φ is sparse in M.
 *
 * @example
 * ```ts
 * import { density, matrixFrom } from "clusterlab";
 * const M = matrixFrom([[1, 0], [1, 1]], { rows: ["A", "B"], cols: ["s", "t"] });
 * density(M).get("A", "t"); // φ_st = 1/2, Σ φ_·t = 1/2 → 1
 * ```
 */
export function density(M: MatrixInput | SparseBinaryMatrix, opts: DensityOptions = {}): Matrix {
  const sp = toSparsePresence(M, opts);
  const phi = opts.phi ?? proximity(sp);
  const warnings: string[] = [...phi.warnings];
  const data = weightedDensity(sp, alignSquare(phi, sp.cols, "input of density"), 1, warnings);
  return new Matrix(sp.rows, sp.cols, data, warnings);
}
