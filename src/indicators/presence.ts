/**
 * Binary presence (specialisation) matrix M_rs = 1[LQ_rs ≥ threshold]. 二值专业化矩阵。
 * @module
 */
import {
  asMatrix,
  checkBinary,
  checkNumber,
  type MatrixInput,
  type MatrixInputOptions,
  noPresenceWarnings,
} from "./input.ts";
import { ValidationError } from "../data/validation_error.ts";
import { Matrix } from "./matrix.ts";
import { SparseBinaryMatrix } from "./sparse.ts";

/** Options of {@link presence}. */
export interface PresenceOptions extends MatrixInputOptions {
  /** Use `>` instead of `≥` (default false: M = 1[LQ ≥ threshold], which reproduces the Stata `ecomplexity`
   * fixture and the R `economiccomplexity` package; `strict: true` gives 1[LQ > threshold]). */
  readonly strict?: boolean;
  /** The threshold (default 1). */
  readonly threshold?: number;
}

/**
 * A dense 0/1 {@link Matrix} that also keeps its ones in sparse CSR form ({@link SparseBinaryMatrix}), so
 * every complexity function multiplies it sparsely. Returned by {@link presence}.
 */
export class PresenceMatrix extends Matrix {
  /** The same matrix in CSR form. */
  readonly sparse: SparseBinaryMatrix;

  /** The dense 0/1 matrix of `sparse` (same labels), carrying `warnings` (default none). */
  constructor(sparse: SparseBinaryMatrix, warnings: readonly string[] = []) {
    super(sparse.rows, sparse.cols, sparse.toMatrix().data, warnings);
    this.sparse = sparse;
  }

  /** The CSR form (same as `.sparse`). */
  toSparse(): SparseBinaryMatrix {
    return this.sparse;
  }

  /** A plain dense {@link Matrix} copy. */
  toMatrix(): Matrix {
    return new Matrix(this.rows, this.cols, this.data.slice(), this.warnings);
  }
}

/**
 * Presence M_rs = 1[v_rs ≥ threshold] (or `>` with `strict: true`) of a matrix of location quotients /
 * RCA values v (Hausmann et al. 2014; Hidalgo et al. 2007). The default (≥ 1) is the Stata `ecomplexity`
 * and R `economiccomplexity` convention; pass the output of `locationQuotient`.
 *
 * Signature (stable): `presence(m: Matrix | MatrixInput, opts?: { strict?, threshold? }): PresenceMatrix`
 * (a `Matrix` subclass with `.sparse` CSR storage). Warnings of the input are carried over, and all-zero
 * rows/columns of M are reported.
 *
 * @example
 * ```ts
 * import { matrixFrom, presence } from "clusterlab";
 * const lq = matrixFrom([[1, 0.5], [2, 1.2]], { rows: ["A", "B"], cols: ["s1", "s2"] });
 * presence(lq).get("A", "s1"); // 1 (1 ≥ 1)
 * presence(lq, { strict: true }).get("A", "s1"); // 0 (1 > 1 is false)
 * ```
 */
export function presence(m: MatrixInput, opts: PresenceOptions = {}): PresenceMatrix {
  const x = asMatrix(m, opts);
  const threshold = opts.threshold ?? 1;
  checkNumber("options of presence", "threshold", threshold);
  const strict = opts.strict ?? false;
  if (typeof strict !== "boolean") checkNumber("options of presence", "strict (a boolean)", strict);
  const bad = x.data.findIndex((v) => Number.isNaN(v));
  if (bad >= 0) {
    throw new ValidationError("input of presence", [{
      row: Math.floor(bad / x.ncol) + 1,
      column: x.cols[bad % x.ncol]!,
      expected: "a number (a location quotient)",
      received: "NaN",
    }]);
  }
  const sp = SparseBinaryMatrix.fromMatrix(x, strict ? (v) => v > threshold : (v) => v >= threshold);
  return new PresenceMatrix(sp, [...x.warnings, ...presenceWarnings(sp)]);
}

/** Warnings about all-zero rows/columns of a presence matrix. */
export function presenceWarnings(sp: SparseBinaryMatrix): string[] {
  return [
    ...noPresenceWarnings(sp.rows, sp.rowCounts(), "rows"),
    ...noPresenceWarnings(sp.cols, sp.colCounts(), "cols"),
  ];
}

/**
 * The CSR form of a presence matrix: `.sparse` of a {@link PresenceMatrix}, or built from a 0/1
 * {@link Matrix} (any other value is a {@link ValidationError} naming the cell).
 *
 * @example
 * ```ts
 * import { matrixFrom, toSparsePresence } from "clusterlab";
 * toSparsePresence(matrixFrom([[1, 0]], { rows: ["A"], cols: ["s1", "s2"] })).nnz; // 1
 * ```
 */
export function toSparsePresence(
  m: MatrixInput | SparseBinaryMatrix,
  opts: MatrixInputOptions = {},
): SparseBinaryMatrix {
  if (m instanceof SparseBinaryMatrix) return m;
  if (m instanceof PresenceMatrix) return m.sparse;
  const x = asMatrix(m, opts);
  checkBinary(x, "presence matrix");
  return SparseBinaryMatrix.fromMatrix(x);
}
