/**
 * Density: how much of what is related to sector s a region already does,
 * d_rs = Σ_s' M_rs' φ_s's / Σ_s' φ_s's (Hidalgo et al. 2007; Hausmann et al. 2014). 密度。
 * @module
 */
import { checkChoice } from "../core/checks.ts";
import { checkWorkers, type WorkersOption } from "../core/parallel.ts";
import { checkK, knnFilter } from "./density_knn.ts";
import { alignSquare, weightedDensity } from "./input.ts";
import { Matrix, type MatrixInput, type MatrixInputOptions } from "./matrix.ts";
import { presenceInput } from "./presence.ts";
import { proximity } from "./proximity.ts";
import type { SparseBinaryMatrix } from "./sparse.ts";
import { finiteResult } from "./finite_result.ts";

/** Options of {@link density}. */
export interface DensityOptions extends MatrixInputOptions {
  /** Sector × sector proximity; default `proximity(M)` (Stata convention, zero diagonal). */
  readonly phi?: Matrix;
  /**
   * `"full"` (default): every sector weighs by its proximity; `"knn"`: only the `k` sectors closest to
   * each sector count (py-ecomplexity and Stata `ecomplexity` option `knn`).
   */
  readonly method?: "full" | "knn";
  /** Number of nearest neighbours with `method: "knn"` (required there; an integer in [1, sectors − 1]). */
  readonly k?: number;
  /**
   * Threads for the product M·φ (default `"auto"`: the machine's cores, at most 4, when it has ≥ 10⁸
   * additions, else 1; see `threadCount`). The same bits for any number.
   */
  readonly workers?: WorkersOption;
}

/**
 * Density d_rs = Σ_s' M_rs' φ_s's / Σ_s' φ_s's ∈ [0, 1] (Hausmann et al. 2014; the Stata `ecomplexity`
 * `density` column). Region × sector, dense; the product M·φ is sparse in M.
 *
 * With `method: "knn"` the sums run over the `k` nearest neighbours N_k(s) of s only: the sectors s' ≠ s
 * with the largest φ_s's (Stata `ecomplexity`, `calculate_density.ado` lines 31–57 at commit 8229f7a:
 * each row of φ sorted, entries ≥ its k-th largest kept, then the usual weighted mean; py-ecomplexity 0.5.2,
 * `ecomplexity/calc_density.py` lines 26–50: scikit-learn's k nearest neighbours of the distance 1 − φ, the
 * sector itself left out). Design choice where the two differ: a tie at the k-th largest φ keeps every tied
 * sector (Stata's rule; scikit-learn picks k of them in an order of its own), and s itself never counts (the
 * diagonal of φ is ignored). Without ties both packages' rules give these values. Note that py-ecomplexity
 * 0.5.2 sums the neighbours' presence without the proximity weights (line 48 adds `rca_knn_p`, not
 * `num_p`; reported as harvard-growth-lab/py-ecomplexity issue #35, "knn option gives integer density
 * outputs"): its values are the count of present neighbours; here they are the proximity-weighted mean
 * that its docstring and Stata compute. A sector whose k neighbours all have φ = 0 gets 0 and a warning.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { density, matrixFrom } from "clusterlab";
 * const M = matrixFrom([[1, 0], [1, 1]], { regions: ["A", "B"], sectors: ["s", "t"] });
 * // φ_st = C_st / max(k_s, k_t) = 1/2, zero diagonal: d_At = M_As φ_st / (φ_st) = 1, d_As = M_At φ_ts / φ_ts = 0
 * assert.deepEqual(density(M).toArrays(), [[0, 1], [1, 1]]);
 * // k nearest neighbours: with k = 1 only the closest sector counts
 * const sectors = ["a", "b", "c"];
 * const phi = matrixFrom([[0, 0.8, 0.2], [0.8, 0, 0.5], [0.2, 0.5, 0]], { regions: sectors, sectors });
 * const P = matrixFrom([[0, 0, 1]], { regions: ["R"], sectors });
 * assert.equal(density(P, { phi }).get("R", "b"), 0.5 / 1.3); // c weighs 0.5 of 0.8 + 0.5
 * assert.equal(density(P, { phi, method: "knn", k: 1 }).get("R", "b"), 0); // b's nearest is a, absent
 * assert.equal(density(P, { phi, method: "knn", k: 1 }).get("R", "a"), 0); // a's nearest is b
 * assert.equal(density(P, { phi, method: "knn", k: 2 }).get("R", "a"), 0.2 / 1.0);
 * ```
 */
export function density(M: MatrixInput | SparseBinaryMatrix, opts: DensityOptions = {}): Matrix {
  const method = opts.method ?? "full";
  checkChoice("options of density", "method", method, ["full", "knn"] as const);
  const workers = checkWorkers("options of density", opts.workers);
  const { sparse: sp, warnings: read } = presenceInput(M, opts);
  if (method === "knn") checkK(opts.k, sp.ncol, "options of density");
  const phi = opts.phi ?? proximity(sp);
  const warnings: string[] = [...read, ...phi.warnings];
  const aligned = alignSquare(phi, sp.cols, "input of density");
  const weights = method === "knn" ? knnFilter(aligned, sp.ncol, opts.k!) : aligned;
  const data = weightedDensity(sp, weights, 1, warnings, workers);
  return finiteResult("density", new Matrix(sp.rows, sp.cols, data, { warnings }));
}
