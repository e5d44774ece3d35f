/**
 * Proximity between sectors (the product space / technology space): φ_ss' = C_ss' / max(k_s, k_s'), with
 * C = MᵀM the co-occurrence of specialisations and k the ubiquity (Hidalgo, Klinger, Barabási & Hausmann
 * 2007). Equivalently min(P(s | s'), P(s' | s)). 产业（技术）邻近度。
 * @module
 */
import { checkChoice, listLabels } from "../core/checks.ts";
import { Matrix, type MatrixInput, type MatrixInputOptions } from "./matrix.ts";
import { presenceInput } from "./presence.ts";
import { SparseBinaryMatrix } from "./sparse.ts";
import { finiteResult } from "./finite_result.ts";
import { checkSize } from "../core/size_guard.ts";

/** Options of {@link proximity}. */
export interface ProximityOptions extends MatrixInputOptions {
  /** Diagonal of φ: 0 (default; the Stata `ecomplexity` convention) or 1 (C_ss/k_s, the R
   * `economiccomplexity` `proximity()` convention). */
  readonly diagonal?: 0 | 1;
}

/**
 * Sector × sector proximity φ_ss' = (MᵀM)_ss' / max(k_s, k_s') of a binary region × sector presence matrix
 * M (Hidalgo, Klinger, Barabási & Hausmann 2007, *Science* 317: 482). MᵀM is computed sparsely (O(Σ_r k_r²)). A pair of sectors that no
 * region is specialised in has 0/0, set to 0 (a warning counts such sectors).
 *
 * Signature (stable): `proximity(M: PresenceMatrix | Matrix (0/1) | SparseBinaryMatrix, opts?: { diagonal?:
 * 0 | 1 }): Matrix` (sector × sector, labels = M's columns).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { matrixFrom, proximity } from "clusterlab";
 * const M = matrixFrom([[1, 1], [1, 0], [0, 1]], { regions: ["A", "B", "C"], sectors: ["s", "t"] });
 * assert.equal(proximity(M).get("s", "t"), 0.5); // C_st = 1 (region A), max(k_s, k_t) = 2
 * assert.equal(proximity(M).get("s", "s"), 0); // diagonal 0 by default (Stata)
 * assert.equal(proximity(M, { diagonal: 1 }).get("s", "s"), 1); // R economiccomplexity
 * ```
 */
export function proximity(M: MatrixInput | SparseBinaryMatrix, opts: ProximityOptions = {}): Matrix {
  const diagonal = opts.diagonal ?? 0;
  checkChoice("options of proximity", "diagonal", diagonal, [0, 1] as const);
  const { sparse: sp, warnings: read } = presenceInput(M, opts);
  const n = sp.ncol;
  checkSize("input of proximity", "sectors", { what: `${n} × ${n} sectors`, values: n * n });
  const c = sp.crossprod();
  const u = sp.colCounts();
  for (let a = 0; a < n; a++) {
    const ua = u[a]!, off = a * n;
    for (let b = 0; b < n; b++) {
      const mx = ua > u[b]! ? ua : u[b]!;
      c[off + b] = mx === 0 ? 0 : c[off + b]! / mx;
    }
    c[off + a] = diagonal === 0 ? 0 : (ua === 0 ? 0 : 1);
  }
  const warnings: string[] = [...read];
  const z = sp.cols.filter((_, j) => u[j] === 0);
  if (z.length) {
    warnings.push(
      `${z.length} sector(s) with ubiquity 0 have proximity 0 to every sector: ${listLabels(z)}`,
    );
  }
  return finiteResult("proximity", new Matrix(sp.cols, sp.cols, c, { warnings }));
}
