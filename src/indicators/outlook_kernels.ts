/**
 * The row kernels of `opportunity` (internal): COG's sparse part, and density, COI's sum and COG's sparse part
 * in one sweep over the rows of φ. Each fills the rows [lo, hi) of its outputs and is self-contained (only
 * its arguments and the helpers named beside it), so `parallelRows` can run it on workers; each row is formed
 * by the same additions in the same order whatever the threads, so the results are bitwise those of one
 * thread. 复杂度前景的按行内核。
 * @module
 */
import { parallelRows, sharedFloat64, threadCount, type WorkersOption } from "../core/parallel.ts";
import type { SparseBinaryMatrix } from "./sparse.ts";

/** What the kernels read and write (typed arrays shared between threads). */
interface OutlookArgs {
  readonly [key: string]: Float64Array | Int32Array | Uint32Array | number;
  readonly rowPtr: Uint32Array;
  readonly colIdx: Int32Array;
  readonly phi: Float64Array;
  readonly w: Float64Array;
  readonly base: Float64Array;
  /** Σ_s' φ_s's per sector (the sweep only). */
  readonly cs: Float64Array;
  readonly kp: Float64Array;
  readonly gain: Float64Array;
  /** Σ_s d_rs (1 − M_rs) PCI*_s per region (the sweep only). */
  readonly coiRaw: Float64Array;
  /** Density per region × sector, or empty (not kept). */
  readonly dens: Float64Array;
  readonly n: number;
}

/**
 * COG_rs's sparse form for every region: base_s − Σ_{s' present} φ_s's w_s' (`density` given), on `workers`
 * threads (default `"auto"`).
 */
export function outlookGain(
  sp: SparseBinaryMatrix,
  phi: Float64Array,
  w: Float64Array,
  base: Float64Array,
  workers: WorkersOption = "auto",
): Float64Array {
  const nr = sp.nrow, n = sp.ncol;
  const threads = threadCount(sp.nnz * n, nr, workers);
  const gain = sharedFloat64(nr * n, threads);
  const empty = new Float64Array(0);
  const args: OutlookArgs = {
    rowPtr: sp.rowPtr,
    colIdx: sp.colIdx,
    phi,
    w,
    base,
    cs: empty,
    kp: empty,
    gain,
    coiRaw: empty,
    dens: empty,
    n,
  };
  parallelRows(nr, gainRows, args, { threads, cost: sp.rowPtr, helpers: [subtractRows], outputs: ["gain"] });
  return gain;
}

/**
 * Density, COI's raw sum and COG's sparse part in one sweep over the rows of φ: each region's present rows
 * φ_a· are read once for both Σ_a φ_a· (density's numerator) and base − Σ_a φ_a· w_a. Rows with w_a = 0
 * subtract +0, which changes nothing, so both are bitwise the separate passes' (`density`, then
 * {@link outlookGain}). With `keepDensity` the density rows are kept (else one scratch row per thread).
 */
export function outlookSweep(
  sp: SparseBinaryMatrix,
  phi: Float64Array,
  kp: Float64Array,
  w: Float64Array,
  base: Float64Array,
  opts: { readonly keepDensity?: boolean; readonly workers?: WorkersOption } = {},
): { coiRaw: Float64Array; gain: Float64Array; density?: Float64Array; cs: Float64Array } {
  const nr = sp.nrow, n = sp.ncol;
  const cs = new Float64Array(n); // Σ_s' φ_s's, as `weightedDensity` sums it
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) cs[b]! += phi[a * n + b]!;
  const threads = threadCount(sp.nnz * n, nr, opts.workers ?? "auto");
  const gain = sharedFloat64(nr * n, threads), coiRaw = sharedFloat64(nr, threads);
  const dens = opts.keepDensity ? sharedFloat64(nr * n, threads) : new Float64Array(0);
  const args: OutlookArgs = {
    rowPtr: sp.rowPtr,
    colIdx: sp.colIdx,
    phi,
    w,
    base,
    cs,
    kp,
    gain,
    coiRaw,
    dens,
    n,
  };
  parallelRows(nr, sweepRegions, args, {
    threads,
    cost: sp.rowPtr,
    helpers: [sweepRows, rowOutlook],
    outputs: opts.keepDensity ? ["gain", "coiRaw", "dens"] : ["gain", "coiRaw"],
  });
  return { coiRaw, gain, cs, ...(opts.keepDensity ? { density: dens } : {}) };
}

/** Rows [lo, hi) of COG's sparse part (kernel of {@link outlookGain}). */
function gainRows(a: OutlookArgs, lo: number, hi: number): void {
  const { rowPtr, colIdx, w, n } = a;
  const offs = new Int32Array(n), ws = new Float64Array(n);
  for (let i = lo; i < hi; i++) {
    const o = i * n, end = rowPtr[i + 1]!;
    let q = 0;
    for (let p = rowPtr[i]!; p < end; p++) {
      const c = colIdx[p]!, wc = w[c]!;
      if (wc === 0) continue;
      offs[q] = c * n - o; // relative to the region's row of the gain: one index serves φ and the gain
      ws[q++] = wc;
    }
    a.gain.set(a.base, o);
    subtractRows(a.gain, o, a.phi, offs, ws, q, n);
  }
}

/** Rows [lo, hi) of the sweep (kernel of {@link outlookSweep}). */
function sweepRegions(a: OutlookArgs, lo: number, hi: number): void {
  const { rowPtr, colIdx, cs, n } = a;
  const keep = a.dens.length > 0;
  const num = new Float64Array(n);
  for (let i = lo; i < hi; i++) {
    const o = i * n;
    num.fill(0);
    a.gain.set(a.base, o);
    sweepRows(num, a.gain, o, a.phi, colIdx, a.w, rowPtr[i]!, rowPtr[i + 1]!, n);
    for (let b = 0; b < n; b++) num[b] = cs[b] === 0 ? 0 : num[b]! * 1 / cs[b]!;
    a.coiRaw[i] = rowOutlook(rowPtr, colIdx, i, num, a.kp, n);
    if (keep) a.dens.set(num, o);
  }
}

/**
 * Σ_s d_rs (1 − M_rs) PCI*_s of region i over the sectors with a complexity, with d_r· in `d` (length n).
 * Also used by `opportunity` when a density is given.
 */
export function rowOutlook(
  rowPtr: Uint32Array,
  colIdx: Int32Array,
  i: number,
  d: Float64Array,
  kp: Float64Array,
  n: number,
): number {
  const end = rowPtr[i + 1]!;
  let s = 0, p = rowPtr[i]!;
  for (let j = 0; j < n; j++) {
    if (p < end && colIdx[p] === j) { // the region's ones are ascending: walk them with j
      p++;
      continue;
    }
    const kj = kp[j]!;
    if (kj !== kj) continue; // NaN: sectors with ubiquity 0 have no complexity; they add nothing
    s += d[j]! * kj;
  }
  return s;
}

/** num += Σ_p φ_a·, gain[o ..] −= Σ_p φ_a· w_a for a = idx[p], p in [start, end): four rows per sweep. */
function sweepRows(
  num: Float64Array,
  gain: Float64Array,
  o: number,
  phi: Float64Array,
  idx: Int32Array,
  w: Float64Array,
  start: number,
  end: number,
  n: number,
): void {
  let p = start;
  for (; p + 8 <= end; p += 8) {
    const c0 = idx[p]!, c1 = idx[p + 1]!, c2 = idx[p + 2]!, c3 = idx[p + 3]!;
    const c4 = idx[p + 4]!, c5 = idx[p + 5]!, c6 = idx[p + 6]!, c7 = idx[p + 7]!;
    const a0 = c0 * n, a1 = c1 * n, a2 = c2 * n, a3 = c3 * n, a4 = c4 * n, a5 = c5 * n, a6 = c6 * n;
    const a7 = c7 * n;
    const w0 = w[c0]!, w1 = w[c1]!, w2 = w[c2]!, w3 = w[c3]!, w4 = w[c4]!, w5 = w[c5]!, w6 = w[c6]!;
    const w7 = w[c7]!;
    for (let t = 0; t < n; t++) {
      const v0 = phi[a0 + t]!, v1 = phi[a1 + t]!, v2 = phi[a2 + t]!, v3 = phi[a3 + t]!;
      const v4 = phi[a4 + t]!, v5 = phi[a5 + t]!, v6 = phi[a6 + t]!, v7 = phi[a7 + t]!;
      num[t] = num[t]! + v0 + v1 + v2 + v3 + v4 + v5 + v6 + v7;
      gain[o + t] = gain[o + t]! - v0 * w0 - v1 * w1 - v2 * w2 - v3 * w3 - v4 * w4 - v5 * w5 - v6 * w6 -
        v7 * w7;
    }
  }
  for (; p + 4 <= end; p += 4) {
    const c0 = idx[p]!, c1 = idx[p + 1]!, c2 = idx[p + 2]!, c3 = idx[p + 3]!;
    const a0 = c0 * n, a1 = c1 * n, a2 = c2 * n, a3 = c3 * n;
    const w0 = w[c0]!, w1 = w[c1]!, w2 = w[c2]!, w3 = w[c3]!;
    for (let t = 0; t < n; t++) {
      const v0 = phi[a0 + t]!, v1 = phi[a1 + t]!, v2 = phi[a2 + t]!, v3 = phi[a3 + t]!;
      num[t] = num[t]! + v0 + v1 + v2 + v3;
      gain[o + t] = gain[o + t]! - v0 * w0 - v1 * w1 - v2 * w2 - v3 * w3;
    }
  }
  for (; p < end; p++) {
    const c0 = idx[p]!, a0 = c0 * n, w0 = w[c0]!;
    for (let t = 0; t < n; t++) {
      const v0 = phi[a0 + t]!;
      num[t] = num[t]! + v0;
      gain[o + t] = gain[o + t]! - v0 * w0;
    }
  }
}

/**
 * row[o .. o+n) −= φ_a· w_a for the q rows a of φ at offsets `offs` (relative to o) with weights `ws`, eight
 * (then four) rows per sweep; each difference is formed left to right in the order of the rows, so the result
 * is bitwise that of one row at a time.
 */
function subtractRows(
  row: Float64Array,
  o: number,
  phi: Float64Array,
  offs: Int32Array,
  ws: Float64Array,
  q: number,
  n: number,
): void {
  const e = o + n;
  let p = 0;
  for (; p + 8 <= q; p += 8) {
    const a0 = offs[p]!, a1 = offs[p + 1]!, a2 = offs[p + 2]!, a3 = offs[p + 3]!;
    const a4 = offs[p + 4]!, a5 = offs[p + 5]!, a6 = offs[p + 6]!, a7 = offs[p + 7]!;
    const w0 = ws[p]!, w1 = ws[p + 1]!, w2 = ws[p + 2]!, w3 = ws[p + 3]!;
    const w4 = ws[p + 4]!, w5 = ws[p + 5]!, w6 = ws[p + 6]!, w7 = ws[p + 7]!;
    for (let t = o; t < e; t++) {
      row[t] = row[t]! - phi[a0 + t]! * w0 - phi[a1 + t]! * w1 - phi[a2 + t]! * w2 - phi[a3 + t]! * w3 -
        phi[a4 + t]! * w4 - phi[a5 + t]! * w5 - phi[a6 + t]! * w6 - phi[a7 + t]! * w7;
    }
  }
  for (; p + 4 <= q; p += 4) {
    const a0 = offs[p]!, a1 = offs[p + 1]!, a2 = offs[p + 2]!, a3 = offs[p + 3]!;
    const w0 = ws[p]!, w1 = ws[p + 1]!, w2 = ws[p + 2]!, w3 = ws[p + 3]!;
    for (let t = o; t < e; t++) {
      row[t] = row[t]! - phi[a0 + t]! * w0 - phi[a1 + t]! * w1 - phi[a2 + t]! * w2 - phi[a3 + t]! * w3;
    }
  }
  for (; p < q; p++) {
    const a0 = offs[p]!, w0 = ws[p]!;
    for (let t = o; t < e; t++) row[t] = row[t]! - phi[a0 + t]! * w0;
  }
}
