/**
 * Relatedness between sectors from their co-occurrence matrix, normalised as in EconGeo `relatedness`
 * (Balland; van Eck & Waltman 2009; Steijn 2017): probability index (default), association strength,
 * cosine, Jaccard. 产业关联度（共现归一化）。
 * @module
 */
import { ValidationError } from "../core/validation_error.ts";
import { checkChoice, listLabels } from "../core/checks.ts";
import { Matrix } from "./matrix.ts";
import { finiteResult } from "./finite_result.ts";
import { checkSymmetric } from "./input.ts";

/** Normalisations of {@link relatedness}. */
export type RelatednessMethod = "prob" | "association" | "cosine" | "jaccard";

/** Options of {@link relatedness}. */
export interface RelatednessOptions {
  /** The normalisation (default `"prob"`, EconGeo's default; case-insensitive). */
  readonly method?: RelatednessMethod;
}

/**
 * Relatedness r_ij of a symmetric co-occurrence matrix C (e.g. {@link cooccurrence}), exactly as EconGeo
 * `relatedness(mat, method)`: the diagonal of C is set to 0, s_i = Σ_j c_ij, T = Σ_ij c_ij, and
 *
 * - `prob` (Steijn 2017): c_ij / ([(s_i/T)(s_j/(T − s_i)) + (s_j/T)(s_i/(T − s_j))] · T/2)
 * - `association` (van Eck & Waltman 2009): (c_ij/T) / ((s_i/T)(s_j/T)) = c_ij T / (s_i s_j)
 * - `cosine`: c_ij / √(s_i s_j)
 * - `jaccard`: c_ij / (s_i + s_j − c_ij)
 *
 * 0/0 cells (sectors that co-occur with nothing) are 0 as in EconGeo; the diagonal is 0. Values above 1
 * (prob, association) mean "more related than expected by chance".
 *
 * @throws {ValidationError} when C is not square with matching labels, or has negative/non-finite cells.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { matrixFrom, relatedness } from "clusterlab";
 * const labels = ["a", "b", "c"];
 * const C = matrixFrom([[0, 2, 1], [2, 0, 1], [1, 1, 0]], { regions: labels, sectors: labels });
 * // s = (3, 3, 2), T = 8
 * assert.equal(relatedness(C, { method: "cosine" }).get("a", "b"), 2 / 3); // 2 / √(3 · 3)
 * assert.equal(relatedness(C, { method: "jaccard" }).get("a", "b"), 0.5); // 2 / (3 + 3 − 2)
 * assert.equal(relatedness(C, { method: "association" }).get("a", "c"), 4 / 3); // 1 · 8 / (3 · 2)
 * ```
 */
export function relatedness(C: Matrix, options?: RelatednessOptions): Matrix;
/** @deprecated the 0.1 form `relatedness(C, method)`; use `relatedness(C, { method })`. */
export function relatedness(C: Matrix, method?: RelatednessMethod): Matrix;
export function relatedness(C: Matrix, options: RelatednessOptions | RelatednessMethod = {}): Matrix {
  const method = (typeof options === "string" ? options : options.method) ?? "prob";
  const m = typeof method === "string" ? (method.toLowerCase() as RelatednessMethod) : method;
  checkChoice("options of relatedness", "method", m, ["prob", "association", "cosine", "jaccard"] as const);
  const n = C.nrow;
  if (C.ncol !== n || C.rows.some((l, i) => l !== C.cols[i])) {
    throw new ValidationError("input of relatedness", [{
      column: "C",
      expected: "a square co-occurrence matrix with the same row and column labels",
      received: `${C.nrow} × ${C.ncol}`,
    }]);
  }
  const c = C.data.slice();
  for (let k = 0; k < c.length; k++) {
    if (!(c[k]! >= 0) || !Number.isFinite(c[k]!)) {
      throw new ValidationError("input of relatedness", [{
        row: Math.floor(k / n) + 1,
        column: C.cols[k % n]!,
        expected: "a finite count ≥ 0",
        received: String(c[k]),
      }]);
    }
  }
  checkSymmetric(c, C.rows, "input of relatedness", { column: "C" });
  for (let i = 0; i < n; i++) c[i * n + i] = 0;
  const s = new Float64Array(n);
  let T = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) s[j]! += c[i * n + j]!;
  }
  for (let j = 0; j < n; j++) T += s[j]!;
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const cij = c[i * n + j]!, si = s[i]!, sj = s[j]!;
      let v: number;
      if (m === "prob") v = cij / (((si / T) * (sj / (T - si)) + (sj / T) * (si / (T - sj))) * (T / 2));
      else if (m === "association") v = (cij / T) / ((si / T) * (sj / T));
      else if (m === "cosine") v = cij / Math.sqrt(si * sj);
      else v = cij / (si + sj - cij);
      out[i * n + j] = Number.isFinite(v) ? v : 0;
    }
  }
  const warnings: string[] = [];
  const iso = C.rows.filter((_, i) => s[i] === 0);
  if (iso.length) {
    warnings.push(
      `${iso.length} sector(s) co-occur with no other sector: relatedness 0 (${listLabels(iso)})`,
    );
  }
  return finiteResult("relatedness", new Matrix(C.rows, C.cols, out, { warnings }));
}
