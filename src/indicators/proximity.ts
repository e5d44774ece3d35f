/**
 * Proximity between sectors (the product space / technology space): φ_ss' = C_ss' / max(k_s, k_s'), with
 * C = MᵀM the co-occurrence of specialisations and k the ubiquity (Hidalgo, Klinger, Barabási & Hausmann
 * 2007). Equivalently min(P(s | s'), P(s' | s)). 产业（技术）邻近度。
 * @module
 */
import { checkChoice, listLabels, type MatrixInput, type MatrixInputOptions } from "./input.ts";
import { Matrix } from "./matrix.ts";
import { toSparsePresence } from "./presence.ts";
import { SparseBinaryMatrix } from "./sparse.ts";

/** Options of {@link proximity}. */
export interface ProximityOptions extends MatrixInputOptions {
  /** Diagonal of φ: 0 (default; the Stata `ecomplexity` convention) or 1 (C_ss/k_s, the R
   * `economiccomplexity` `proximity()` convention). */
  readonly diagonal?: 0 | 1;
}

/**
 * Sector × sector proximity φ_ss' = (MᵀM)_ss' / max(k_s, k_s') of a binary region × sector presence matrix
 * M (Hidalgo et al. 2007; DESIGN §2). MᵀM is computed sparsely (O(Σ_r k_r²)). A pair of sectors that no
 * region is specialised in has 0/0, set to 0 (a warning counts such sectors).
 *
 * Signature (stable): `proximity(M: PresenceMatrix | Matrix (0/1) | SparseBinaryMatrix, opts?: { diagonal?:
 * 0 | 1 }): Matrix` (sector × sector, labels = M's columns).
 *
 * @example
 * ```ts
 * import { matrixFrom, proximity } from "clusterlab";
 * const M = matrixFrom([[1, 1], [1, 0], [0, 1]], { rows: ["A", "B", "C"], cols: ["s", "t"] });
 * proximity(M).get("s", "t"); // C = 1, max(2, 2) = 2 → 0.5
 * proximity(M).get("s", "s"); // 0 (diagonal 0 by default)
 * ```
 */
export function proximity(M: MatrixInput | SparseBinaryMatrix, opts: ProximityOptions = {}): Matrix {
  const diagonal = opts.diagonal ?? 0;
  checkChoice("options of proximity", "diagonal", diagonal, [0, 1] as const);
  const sp = toSparsePresence(M, opts);
  const n = sp.ncol;
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
  const warnings: string[] = [];
  const z = sp.cols.filter((_, j) => u[j] === 0);
  if (z.length) {
    warnings.push(
      `${z.length} sector(s) with ubiquity 0 have proximity 0 to every sector: ${listLabels(z)}`,
    );
  }
  return new Matrix(sp.cols, sp.cols, c, warnings);
}
