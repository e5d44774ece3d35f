/**
 * Co-occurrence of specialisations: how many regions are specialised in both sectors s and s'
 * (C = MᵀM; of regions: MMᵀ). EconGeo `co.occurrence` (Boschma, Balland & Kogler 2015), which takes the
 * incidence matrix with the counted entities in rows: `cooccurrence(M)` equals `co.occurrence(t(M))`.
 * 共现矩阵。
 * @module
 */
import { checkChoice, type MatrixInput, type MatrixInputOptions } from "./input.ts";
import { Matrix } from "./matrix.ts";
import { toSparsePresence } from "./presence.ts";
import type { SparseBinaryMatrix } from "./sparse.ts";

/** Options of {@link cooccurrence}. */
export interface CooccurrenceOptions extends MatrixInputOptions {
  /** Keep the diagonal (the ubiquity / diversity itself); default false (set to 0, as EconGeo). */
  readonly diagonal?: boolean;
  /** Co-occurrence of `"sectors"` (default, MᵀM) or of `"regions"` (MMᵀ). */
  readonly of?: "sectors" | "regions";
}

/**
 * Co-occurrence matrix of a binary presence matrix, computed sparsely (Boschma, Balland & Kogler 2015;
 * EconGeo `co.occurrence`, diagonal 0 by default).
 *
 * @example
 * ```ts
 * import { cooccurrence, matrixFrom } from "clusterlab";
 * const M = matrixFrom([[1, 1, 0], [1, 1, 1]], { rows: ["A", "B"], cols: ["a", "b", "c"] });
 * cooccurrence(M).get("a", "b"); // 2 regions have both
 * cooccurrence(M, { of: "regions" }).get("A", "B"); // 2 sectors in common
 * ```
 */
export function cooccurrence(M: MatrixInput | SparseBinaryMatrix, opts: CooccurrenceOptions = {}): Matrix {
  const of = opts.of ?? "sectors";
  checkChoice("options of cooccurrence", "of", of, ["sectors", "regions"] as const);
  const diagonal = opts.diagonal ?? false;
  checkChoice("options of cooccurrence", "diagonal", diagonal, [true, false] as const);
  const sp = toSparsePresence(M, opts);
  const labels = of === "sectors" ? sp.cols : sp.rows;
  const c = of === "sectors" ? sp.crossprod() : sp.tcrossprod();
  const n = labels.length;
  if (!diagonal) { for (let i = 0; i < n; i++) c[i * n + i] = 0; }
  return new Matrix(labels, labels, c);
}
