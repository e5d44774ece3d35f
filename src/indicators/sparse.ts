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
import { Matrix } from "./matrix.ts";

/**
 * A labelled binary (0/1) matrix stored as CSR.
 *
 * @example
 * ```ts
 * import { matrixFrom, SparseBinaryMatrix } from "clusterlab";
 * const m = matrixFrom([[1, 0], [1, 1]], { rows: ["r1", "r2"], cols: ["a", "b"] });
 * const s = SparseBinaryMatrix.fromMatrix(m);
 * s.nnz; // 3
 * Array.from(s.crossprod()); // MᵀM = [2, 1, 1, 1]
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
  #colPtr: Uint32Array | undefined;
  #rowIdx: Int32Array | undefined;

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

  /** The ones of `m` (cells where `isOne(value)`; default: value ≠ 0). */
  static fromMatrix(m: Matrix, isOne: (v: number) => boolean = (v) => v !== 0): SparseBinaryMatrix {
    const { nrow, ncol, data } = m;
    const rowPtr = new Uint32Array(nrow + 1);
    let nnz = 0;
    for (let k = 0; k < data.length; k++) if (isOne(data[k]!)) nnz++;
    const colIdx = new Int32Array(nnz);
    let p = 0;
    for (let i = 0; i < nrow; i++) {
      const off = i * ncol;
      for (let j = 0; j < ncol; j++) if (isOne(data[off + j]!)) colIdx[p++] = j;
      rowPtr[i + 1] = p;
    }
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
    if (!this.#colPtr) {
      const { nrow, ncol, rowPtr, colIdx } = this;
      const colPtr = new Uint32Array(ncol + 1);
      for (let k = 0; k < colIdx.length; k++) colPtr[colIdx[k]! + 1]!++;
      for (let j = 0; j < ncol; j++) colPtr[j + 1]! += colPtr[j]!;
      const next = colPtr.slice(0, ncol);
      const rowIdx = new Int32Array(colIdx.length);
      for (let i = 0; i < nrow; i++) {
        for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) rowIdx[next[colIdx[p]!]!++] = i;
      }
      this.#colPtr = colPtr;
      this.#rowIdx = rowIdx;
    }
    return { colPtr: this.#colPtr, rowIdx: this.#rowIdx! };
  }

  /** Ones per row (diversity when rows are regions). */
  rowCounts(): Float64Array {
    const out = new Float64Array(this.nrow);
    for (let i = 0; i < this.nrow; i++) out[i] = this.rowPtr[i + 1]! - this.rowPtr[i]!;
    return out;
  }

  /** Ones per column (ubiquity when columns are sectors). */
  colCounts(): Float64Array {
    const out = new Float64Array(this.ncol);
    for (let k = 0; k < this.colIdx.length; k++) out[this.colIdx[k]!]!++;
    return out;
  }

  /** The value (0 or 1) at (i, j). */
  at(i: number, j: number): number {
    const { rowPtr, colIdx } = this;
    let lo = rowPtr[i]!, hi = rowPtr[i + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1, c = colIdx[mid]!;
      if (c === j) return 1;
      if (c < j) lo = mid + 1;
      else hi = mid;
    }
    return 0;
  }

  /** y = M x (length nrow); `out` is overwritten when given. */
  mulVec(x: ArrayLike<number>, out: Float64Array = new Float64Array(this.nrow)): Float64Array {
    const { rowPtr, colIdx } = this;
    for (let i = 0; i < this.nrow; i++) {
      let s = 0;
      for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) s += x[colIdx[p]!]!;
      out[i] = s;
    }
    return out;
  }

  /** y = Mᵀ x (length ncol); `out` is overwritten when given. */
  tmulVec(x: ArrayLike<number>, out: Float64Array = new Float64Array(this.ncol)): Float64Array {
    const { rowPtr, colIdx } = this;
    out.fill(0);
    for (let i = 0; i < this.nrow; i++) {
      const xi = x[i]!;
      if (xi === 0) continue;
      for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) out[colIdx[p]!]! += xi;
    }
    return out;
  }

  /** C = MᵀM (ncol × ncol, dense row-major): C_jk = number of rows with ones in both j and k. */
  crossprod(): Float64Array {
    const { ncol, rowPtr, colIdx } = this;
    const out = new Float64Array(ncol * ncol);
    for (let i = 0; i < this.nrow; i++) {
      const a = rowPtr[i]!, b = rowPtr[i + 1]!;
      for (let p = a; p < b; p++) {
        const off = colIdx[p]! * ncol;
        for (let q = a; q < b; q++) out[off + colIdx[q]!]!++;
      }
    }
    return out;
  }

  /** C = MMᵀ (nrow × nrow, dense row-major): C_ik = number of columns with ones in both rows i and k. */
  tcrossprod(): Float64Array {
    const { nrow } = this;
    const { colPtr, rowIdx } = this.csc();
    const out = new Float64Array(nrow * nrow);
    for (let j = 0; j < this.ncol; j++) {
      const a = colPtr[j]!, b = colPtr[j + 1]!;
      for (let p = a; p < b; p++) {
        const off = rowIdx[p]! * nrow;
        for (let q = a; q < b; q++) out[off + rowIdx[q]!]!++;
      }
    }
    return out;
  }

  /** Y = M B for a dense row-major B (ncol × k): Y is nrow × k. Cost O(nnz · k). */
  mulDense(b: Float64Array, k: number): Float64Array {
    if (b.length !== this.ncol * k) throw new RangeError(`B must be ${this.ncol} × ${k}`);
    const { rowPtr, colIdx } = this;
    const out = new Float64Array(this.nrow * k);
    for (let i = 0; i < this.nrow; i++) {
      const o = i * k;
      for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) {
        const off = colIdx[p]! * k;
        for (let t = 0; t < k; t++) out[o + t]! += b[off + t]!;
      }
    }
    return out;
  }

  /** The transposed matrix (columns become rows), still CSR. */
  transpose(): SparseBinaryMatrix {
    const { colPtr, rowIdx } = this.csc();
    return new SparseBinaryMatrix(this.cols, this.rows, colPtr.slice(), rowIdx.slice());
  }

  /** The dense labelled {@link Matrix} of zeros and ones. */
  toMatrix(warnings: readonly string[] = []): Matrix {
    const { nrow, ncol, rowPtr, colIdx } = this;
    const data = new Float64Array(nrow * ncol);
    for (let i = 0; i < nrow; i++) {
      for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) data[i * ncol + colIdx[p]!] = 1;
    }
    return new Matrix(this.rows, this.cols, data, warnings);
  }
}
