/**
 * The kernels of `SparseBinaryMatrix`'s products, on the raw compressed sparse row (CSR) arrays: each
 * costs O(nnz) (vector products) or O(Σ_r k_r²) (MᵀM) instead of O(rows × columns). Internal: the methods of
 * `SparseBinaryMatrix` are the public interface. 稀疏二值矩阵的乘法内核。
 * @module
 */
import { parallelRows, shareable, sharedFloat64, threadCount, type WorkersOption } from "../core/parallel.ts";

/** The CSR arrays of a binary matrix: the ones of row i are in columns `colIdx[rowPtr[i] .. rowPtr[i+1])`. */
export interface CsrArrays {
  /** Number of rows. */
  readonly nrow: number;
  /** Number of columns. */
  readonly ncol: number;
  /** Row pointers (nrow + 1 entries). */
  readonly rowPtr: Uint32Array;
  /** Column index of each one, ascending within a row. */
  readonly colIdx: Int32Array;
}

/** The transposed (CSC) index of `m`: `rowIdx[colPtr[j] .. colPtr[j+1])` are the rows with a one in j. */
export function cscIndex(m: CsrArrays): { colPtr: Uint32Array; rowIdx: Int32Array } {
  const { nrow, ncol, rowPtr, colIdx } = m;
  const colPtr = shareable(Uint32Array, ncol + 1);
  for (let k = 0; k < colIdx.length; k++) colPtr[colIdx[k]! + 1]!++;
  for (let j = 0; j < ncol; j++) colPtr[j + 1]! += colPtr[j]!;
  const next = colPtr.slice(0, ncol);
  const rowIdx = shareable(Int32Array, colIdx.length);
  for (let i = 0; i < nrow; i++) {
    for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) rowIdx[next[colIdx[p]!]!++] = i;
  }
  return { colPtr, rowIdx };
}

/** out = M x (length nrow). */
export function mulVec(m: CsrArrays, x: ArrayLike<number>, out: Float64Array): Float64Array {
  gatherSums(m.rowPtr, m.colIdx, x, out, m.nrow);
  return out;
}

/**
 * out_i = Σ x[idx[p]] over p in [ptr[i], ptr[i+1]), four ranges side by side (four independent chains of
 * additions, not one waiting on the last), each in its own order: the bits of a range summed alone.
 */
export function gatherSums(
  ptr: Uint32Array,
  idx: Int32Array,
  x: ArrayLike<number>,
  out: Float64Array,
  n: number,
): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    let p0 = ptr[i]!, p1 = ptr[i + 1]!, p2 = ptr[i + 2]!, p3 = ptr[i + 3]!;
    const e0 = p1, e1 = p2, e2 = p3, e3 = ptr[i + 4]!;
    const len = Math.min(e0 - p0, e1 - p1, e2 - p2, e3 - p3);
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let k = 0; k < len; k++) {
      s0 += x[idx[p0 + k]!]!;
      s1 += x[idx[p1 + k]!]!;
      s2 += x[idx[p2 + k]!]!;
      s3 += x[idx[p3 + k]!]!;
    }
    for (p0 += len; p0 < e0; p0++) s0 += x[idx[p0]!]!;
    for (p1 += len; p1 < e1; p1++) s1 += x[idx[p1]!]!;
    for (p2 += len; p2 < e2; p2++) s2 += x[idx[p2]!]!;
    for (p3 += len; p3 < e3; p3++) s3 += x[idx[p3]!]!;
    out[i] = s0;
    out[i + 1] = s1;
    out[i + 2] = s2;
    out[i + 3] = s3;
  }
  for (; i < n; i++) {
    let s = 0;
    for (let p = ptr[i]!; p < ptr[i + 1]!; p++) s += x[idx[p]!]!;
    out[i] = s;
  }
}

/** out = Mᵀ x (length ncol). */
export function tmulVec(m: CsrArrays, x: ArrayLike<number>, out: Float64Array): Float64Array {
  const { rowPtr, colIdx } = m;
  out.fill(0);
  for (let i = 0; i < m.nrow; i++) {
    const xi = x[i]!;
    if (xi === 0) continue;
    for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) out[colIdx[p]!]! += xi;
  }
  return out;
}

/**
 * The co-occurrence counts of the ones of each pointer range (dense n × n, row-major): for every range
 * [ptr[i], ptr[i+1]), each pair (a, b) of its indices adds 1 at (a, b). With the CSR arrays this is MᵀM; with
 * the CSC arrays, MMᵀ. Each unordered pair of positions p ≤ q is counted once and the two triangles are then
 * folded (integer counts: the same values for half the increments, whatever the order within a range).
 */
export function pairCounts(ptr: Uint32Array, idx: Int32Array, ranges: number, n: number): Float64Array {
  const out = shareable(Float64Array, n * n);
  // rows of the result in blocks of ≈ 256 KiB, so that the rows being counted into stay in cache; each
  // range's cursor only moves forward, so every position p is counted exactly once, in whatever order
  const block = Math.max(1, Math.floor(32768 / Math.max(1, n)));
  const cursor = ptr.slice(0, ranges);
  for (let lo = 0; lo < n; lo += block) {
    const hi = lo + block;
    for (let i = 0; i < ranges; i++) {
      const b = ptr[i + 1]!;
      let p = cursor[i]!;
      for (; p < b; p++) {
        const r = idx[p]!;
        if (r >= hi) break;
        const off = r * n;
        for (let q = p; q < b; q++) out[off + idx[q]!]!++;
      }
      cursor[i] = p;
    }
  }
  // each unordered pair was counted once, on one side (the upper one when the indices ascend): fold
  for (let r = 0; r < n; r++) {
    for (let c = r + 1; c < n; c++) out[r * n + c] = out[c * n + r] = out[r * n + c]! + out[c * n + r]!;
  }
  return out;
}

/**
 * Y = M B for a dense row-major B (ncol × k): Y is nrow × k. Cost O(nnz · k). The rows of B are added eight
 * at a time (one load and store of Y's row per eight rows of B, the memory traffic that bounds this kernel);
 * each sum is still formed left to right in the order of the ones, so Y is bitwise the one-row-at-a-time sum,
 * on any number of threads (`workers`, default `"auto"`: see `threadCount`).
 */
export function mulDense(
  m: CsrArrays,
  b: Float64Array,
  k: number,
  workers: WorkersOption = "auto",
): Float64Array {
  const threads = threadCount(m.colIdx.length * k, m.nrow, workers);
  const out = sharedFloat64(m.nrow * k, threads);
  const args = { rowPtr: m.rowPtr, colIdx: m.colIdx, b, out, k };
  parallelRows(m.nrow, mulDenseRows, args, { threads, cost: m.rowPtr, helpers: [addRows], outputs: ["out"] });
  return out;
}

/** Rows [lo, hi) of Y = M B (the kernel of {@link mulDense}). */
function mulDenseRows(
  a: { rowPtr: Uint32Array; colIdx: Int32Array; b: Float64Array; out: Float64Array; k: number },
  lo: number,
  hi: number,
): void {
  for (let i = lo; i < hi; i++) addRows(a.out, i * a.k, a.b, a.colIdx, a.rowPtr[i]!, a.rowPtr[i + 1]!, a.k);
}

/** out[o .. o+k) += Σ_p b[idx[p]·k .. +k) for p in [start, end), eight (then four) rows per sweep, left to right. */
function addRows(
  out: Float64Array,
  o: number,
  b: Float64Array,
  idx: Int32Array,
  start: number,
  end: number,
  k: number,
): void {
  let p = start;
  const e = o + k;
  for (; p + 8 <= end; p += 8) {
    // offsets relative to out's row, so one index t serves all nine arrays
    const a0 = idx[p]! * k - o, a1 = idx[p + 1]! * k - o, a2 = idx[p + 2]! * k - o, a3 = idx[p + 3]! * k - o;
    const a4 = idx[p + 4]! * k - o, a5 = idx[p + 5]! * k - o, a6 = idx[p + 6]! * k - o;
    const a7 = idx[p + 7]! * k - o;
    for (let t = o; t < e; t++) {
      out[t] = out[t]! + b[a0 + t]! + b[a1 + t]! + b[a2 + t]! + b[a3 + t]! + b[a4 + t]! + b[a5 + t]! +
        b[a6 + t]! + b[a7 + t]!;
    }
  }
  for (; p + 4 <= end; p += 4) {
    const a0 = idx[p]! * k - o, a1 = idx[p + 1]! * k - o, a2 = idx[p + 2]! * k - o, a3 = idx[p + 3]! * k - o;
    for (let t = o; t < e; t++) out[t] = out[t]! + b[a0 + t]! + b[a1 + t]! + b[a2 + t]! + b[a3 + t]!;
  }
  for (; p < end; p++) {
    const a0 = idx[p]! * k - o;
    for (let t = o; t < e; t++) out[t] = out[t]! + b[a0 + t]!;
  }
}

/** The CSR arrays of the cells of a dense row-major nrow × ncol matrix where `isOne(value)`. */
export function csrFromDense(
  data: Float64Array,
  nrow: number,
  ncol: number,
  isOne: (v: number) => boolean,
): { rowPtr: Uint32Array; colIdx: Int32Array } {
  const rowPtr = shareable(Uint32Array, nrow + 1);
  let nnz = 0;
  for (let k = 0; k < data.length; k++) if (isOne(data[k]!)) nnz++;
  const colIdx = shareable(Int32Array, nnz);
  let p = 0;
  for (let i = 0; i < nrow; i++) {
    const off = i * ncol;
    for (let j = 0; j < ncol; j++) if (isOne(data[off + j]!)) colIdx[p++] = j;
    rowPtr[i + 1] = p;
  }
  return { rowPtr, colIdx };
}

/** The dense row-major 0/1 values of `m`. */
export function csrToDense(m: CsrArrays): Float64Array {
  const { nrow, ncol, rowPtr, colIdx } = m;
  const data = new Float64Array(nrow * ncol);
  for (let i = 0; i < nrow; i++) {
    for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) data[i * ncol + colIdx[p]!] = 1;
  }
  return data;
}

/** The value (0 or 1) of `m` at (i, j), by binary search in row i. */
export function csrAt(m: CsrArrays, i: number, j: number): number {
  const { rowPtr, colIdx } = m;
  let lo = rowPtr[i]!, hi = rowPtr[i + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1, c = colIdx[mid]!;
    if (c === j) return 1;
    if (c < j) lo = mid + 1;
    else hi = mid;
  }
  return 0;
}
