/**
 * Sparse binary matrices in compressed sparse row (CSR) form: the presence matrices M of economic
 * complexity are mostly zeros (typically 5–20 % ones), so products such as MᵀM (co-occurrence, proximity),
 * M·x (reflections, eigenvectors) and M·Φ (density) are computed from the list of ones only.
 * 稀疏二值矩阵（CSR 格式）：只存储 1 的位置。
 *
 * Storage: `rowPtr` (`Uint32Array`, length nrow + 1) and `colIdx` (`Int32Array`, one entry per one, sorted
 * within each row). The transposed (CSC) index is built lazily on first use.
 * @module
 */
import { Matrix, type MatrixOptions } from "./matrix.ts";
import {
  cscIndex,
  csrAt,
  csrFromDense,
  csrToDense,
  mulDense,
  mulVec,
  pairCounts,
  tmulVec,
} from "./sparse_products.ts";
import type { WorkersOption } from "../core/parallel.ts";

/** Options of {@link SparseBinaryMatrix.fromMatrix}. */
export interface FromMatrixOptions {
  /** Which cells are ones (default: value ≠ 0). */
  readonly isOne?: (v: number) => boolean;
}

/** Options of the vector products of {@link SparseBinaryMatrix}. */
export interface SparseProductOptions {
  /** Write the result into this array (overwritten; length nrow for `mulVec`, ncol for `tmulVec`). */
  readonly out?: Float64Array;
}

/**
 * A labelled binary (0/1) matrix stored as CSR.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { matrixFrom, presence } from "clusterlab";
 * const M = presence(matrixFrom([[1, 0], [1, 1]], { regions: ["r1", "r2"], sectors: ["a", "b"] }));
 * const s = M.sparse; // the SparseBinaryMatrix of the presence matrix
 * assert.equal(s.nnz, 3);
 * assert.deepEqual(Array.from(s.crossprod()), [2, 1, 1, 1]); // MᵀM
 * assert.deepEqual(Array.from(s.mulVec([1, 10])), [1, 11]); // M x
 * ```
 */
export class SparseBinaryMatrix {
  /** Row labels (usually regions). */
  readonly rows: readonly string[];
  /** Column labels (usually sectors). */
  readonly cols: readonly string[];
  /** Row pointers: the ones of row i are `colIdx[rowPtr[i] .. rowPtr[i+1])`. */
  readonly rowPtr: Uint32Array;
  /** Column index of each one, row by row, ascending within a row. */
  readonly colIdx: Int32Array;
  #csc: { colPtr: Uint32Array; rowIdx: Int32Array } | undefined;

  /**
   * Wrap CSR arrays (not copied): `rowPtr` must have nrow + 1 entries ending at `colIdx.length`
   * (`RangeError` otherwise); `colIdx` must hold column indices < ncol, ascending within each row (not
   * checked). Most callers use {@link SparseBinaryMatrix.fromMatrix} instead.
   */
  constructor(rows: readonly string[], cols: readonly string[], rowPtr: Uint32Array, colIdx: Int32Array) {
    if (rowPtr.length !== rows.length + 1) {
      throw new RangeError(`rowPtr needs ${rows.length + 1} entries, received ${rowPtr.length}`);
    }
    if (rowPtr[rows.length] !== colIdx.length) {
      throw new RangeError(`rowPtr ends at ${rowPtr[rows.length]}, colIdx has ${colIdx.length} entries`);
    }
    this.rows = rows;
    this.cols = cols;
    this.rowPtr = rowPtr;
    this.colIdx = colIdx;
  }

  /** The ones of `m`: the cells where `isOne(value)` (default: value ≠ 0). */
  static fromMatrix(m: Matrix, options: FromMatrixOptions = {}): SparseBinaryMatrix {
    const { rowPtr, colIdx } = csrFromDense(
      m.data,
      m.nrow,
      m.ncol,
      options.isOne ?? ((v: number) => v !== 0),
    );
    return new SparseBinaryMatrix(m.rows, m.cols, rowPtr, colIdx);
  }

  /** Number of rows. */
  get nrow(): number {
    return this.rows.length;
  }

  /** Number of columns. */
  get ncol(): number {
    return this.cols.length;
  }

  /** Number of ones. */
  get nnz(): number {
    return this.colIdx.length;
  }

  /** Share of cells that are ones (0 for an empty matrix). */
  get fill(): number {
    const size = this.nrow * this.ncol;
    return size === 0 ? 0 : this.nnz / size;
  }

  /** CSC index: `colPtr` and `rowIdx` (ascending rows within each column), built once. */
  csc(): { colPtr: Uint32Array; rowIdx: Int32Array } {
    return this.#csc ??= cscIndex(this);
  }

  /** Ones per row (diversity when rows are regions). */
  rowCounts(): Float64Array {
    return Float64Array.from({ length: this.nrow }, (_, i) => this.rowPtr[i + 1]! - this.rowPtr[i]!);
  }

  /** Ones per column (ubiquity when columns are sectors). */
  colCounts(): Float64Array {
    return tmulVec(this, new Float64Array(this.nrow).fill(1), new Float64Array(this.ncol));
  }

  /** The value (0 or 1) at (i, j). */
  at(i: number, j: number): number {
    return csrAt(this, i, j);
  }

  /** y = M x (length nrow), into `out` when given. */
  mulVec(x: ArrayLike<number>, options: SparseProductOptions = {}): Float64Array {
    return mulVec(this, x, options.out ?? new Float64Array(this.nrow));
  }

  /**
   * y = Mᵀ x (length ncol), into `out` when given. Once the CSC index exists (`csc()`), each y_j is gathered
   * down its column (rows ascending: the same additions in the same order as the row-wise scatter, so the
   * same bits), which is faster for repeated products.
   */
  tmulVec(x: ArrayLike<number>, options: SparseProductOptions = {}): Float64Array {
    const out = options.out ?? new Float64Array(this.ncol);
    const c = this.#csc;
    if (c === undefined) return tmulVec(this, x, out);
    return mulVec({ nrow: this.ncol, ncol: this.nrow, rowPtr: c.colPtr, colIdx: c.rowIdx }, x, out);
  }

  /** C = MᵀM (ncol × ncol, dense row-major): C_jk = number of rows with ones in both j and k. */
  crossprod(): Float64Array {
    return pairCounts(this.rowPtr, this.colIdx, this.nrow, this.ncol);
  }

  /** C = MMᵀ (nrow × nrow, dense row-major): C_ik = number of columns with ones in both rows i and k. */
  tcrossprod(): Float64Array {
    const { colPtr, rowIdx } = this.csc();
    return pairCounts(colPtr, rowIdx, this.ncol, this.nrow);
  }

  /**
   * Y = M B for a dense row-major B (ncol × k): Y is nrow × k. Cost O(nnz · k), on `workers` threads
   * (default `"auto"`; the same bits for any number).
   */
  mulDense(b: Float64Array, k: number, options: { readonly workers?: WorkersOption } = {}): Float64Array {
    if (b.length !== this.ncol * k) throw new RangeError(`B must be ${this.ncol} × ${k}`);
    return mulDense(this, b, k, options.workers);
  }

  /** The transposed matrix (columns become rows), still CSR. */
  transpose(): SparseBinaryMatrix {
    const { colPtr, rowIdx } = this.csc();
    return new SparseBinaryMatrix(this.cols, this.rows, colPtr.slice(), rowIdx.slice());
  }

  /** The dense labelled {@link Matrix} of zeros and ones, carrying `warnings` (default none). */
  toMatrix(options: MatrixOptions = {}): Matrix {
    return new Matrix(this.rows, this.cols, csrToDense(this), options);
  }
}
