/**
 * Co-occurrence of specialisations: how many regions are specialised in both sectors s and s'
 * (C = MᵀM; of regions: MMᵀ). EconGeo `co.occurrence` (Boschma, Balland & Kogler 2015), which takes the
 * incidence matrix with the counted entities in rows: `cooccurrence(M)` equals `co.occurrence(t(M))`.
 * 共现矩阵。
 * @module
 */
import { checkChoice } from "../core/checks.ts";
import { Matrix, type MatrixInput, type MatrixInputOptions } from "./matrix.ts";
import { presenceInput } from "./presence.ts";
import type { SparseBinaryMatrix } from "./sparse.ts";
import { finiteResult } from "./finite_result.ts";
import { checkSize } from "../core/size_guard.ts";

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
 * import assert from "node:assert/strict";
 * import { cooccurrence, matrixFrom } from "clusterlab";
 * const M = matrixFrom([[1, 1, 0], [1, 1, 1]], { regions: ["A", "B"], sectors: ["a", "b", "c"] });
 * assert.equal(cooccurrence(M).get("a", "b"), 2); // both regions are specialised in a and b
 * assert.deepEqual(cooccurrence(M).toArrays(), [[0, 2, 1], [2, 0, 1], [1, 1, 0]]); // diagonal 0
 * assert.equal(cooccurrence(M, { of: "regions" }).get("A", "B"), 2); // A and B share 2 sectors
 * assert.equal(cooccurrence(M, { diagonal: true }).get("c", "c"), 1); // the ubiquity of c
 * ```
 */
export function cooccurrence(M: MatrixInput | SparseBinaryMatrix, opts: CooccurrenceOptions = {}): Matrix {
  const of = opts.of ?? "sectors";
  checkChoice("options of cooccurrence", "of", of, ["sectors", "regions"] as const);
  const diagonal = opts.diagonal ?? false;
  checkChoice("options of cooccurrence", "diagonal", diagonal, [true, false] as const);
  const { sparse: sp, warnings } = presenceInput(M, opts);
  const labels = of === "sectors" ? sp.cols : sp.rows;
  const k = labels.length;
  checkSize("input of cooccurrence", of, { what: `${k} × ${k} ${of}`, values: k * k });
  const c = of === "sectors" ? sp.crossprod() : sp.tcrossprod();
  const n = labels.length;
  if (!diagonal) { for (let i = 0; i < n; i++) c[i * n + i] = 0; }
  return finiteResult("cooccurrence", new Matrix(labels, labels, c, { warnings }));
}
