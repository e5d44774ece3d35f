/**
 * Complexity outlook: how much complexity lies near what a region already does (COI), and how much a new
 * specialisation would add to it (COG) — Hausmann et al. 2014; the Stata `ecomplexity` package.
 * 复杂度前景指数（COI）与复杂度前景增益（COG）。
 * @module
 */
import { checkChoice } from "../core/checks.ts";
import { alignSquare } from "./input.ts";
import { Matrix, type MatrixInput, type MatrixInputOptions, Series } from "./matrix.ts";
import { complexity, type ComplexityResult, type ComplexitySd } from "./complexity.ts";
import { presenceInput } from "./presence.ts";
import { proximity } from "./proximity.ts";
import type { SparseBinaryMatrix } from "./sparse.ts";

/** Options of {@link opportunity}. */
export interface OpportunityOptions extends MatrixInputOptions {
  /** Sector proximity (default `proximity(M)`, zero diagonal). */
  readonly phi?: Matrix;
  /** Complexity result (default `complexity(M)`, the eigenvector method with Stata conventions). */
  readonly complexity?: ComplexityResult;
  /**
   * Density (default `density(M, { phi })`, computed in the same sweep over the rows of φ as COG and not
   * kept: the same values as passing it).
   */
  readonly density?: Matrix;
  /** Spread for standardising COI (default `"stata"`: sample s.d. over all region × sector rows). */
  readonly sd?: ComplexitySd;
}

/** Result of {@link opportunity}. */
export interface OpportunityResult {
  /** Complexity outlook index per region, standardised. */
  readonly coi: Series;
  /** Complexity outlook gain per region × sector (0 where the region is already specialised). */
  readonly cog: Matrix;
  /** Notes on degenerate input, including those of the complexity computation (no spread, NaN COI). */
  readonly warnings: readonly string[];
}

/**
 * Complexity outlook index and gain, exactly as the Stata `ecomplexity` package (Hausmann et al. 2014):
 *
 * - COI_r = Σ_s d_rs (1 − M_rs) PCI*_s, then standardised by its mean and s.d. (`sd`, Stata default: sample
 *   s.d. over all region × sector rows);
 * - COG_rs = (1 − M_rs) Σ_s' (1 − M_rs') φ_s's PCI*_s' / (Σ_s'' φ_s's'') / sd(ECI),
 *
 * with PCI* the un-standardised signed sector score K_s of `complexity` and sd(ECI) the s.d. used for ECI.
 * The sparse part Σ_s' M_rs' (…) costs O(nnz · sectors); without `density`, density's own O(nnz · sectors)
 * product is formed in the same sweep over the rows of φ.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { matrixFrom, opportunity } from "clusterlab";
 * const M = matrixFrom([[1, 1, 1], [1, 1, 0], [1, 0, 0], [0, 1, 1]], {
 *   regions: ["A", "B", "C", "D"],
 *   sectors: ["a", "b", "c"],
 * });
 * const o = opportunity(M);
 * assert.equal(o.cog.get("A", "a"), 0); // A is already specialised in a: no gain
 * assert.deepEqual(o.cog.toArrays()[0], [0, 0, 0]); // A does everything
 * const sum = Array.from(o.coi.values).reduce((s, v) => s + v, 0);
 * assert.ok(Math.abs(sum) < 1e-12); // COI is standardised: mean 0 over regions
 * ```
 */
export function opportunity(
  M: MatrixInput | SparseBinaryMatrix,
  opts: OpportunityOptions = {},
): OpportunityResult {
  const sdKind = opts.sd ?? "stata";
  checkChoice("options of opportunity", "sd", sdKind, ["stata", "sample", "population"] as const);
  const { sparse: sp, warnings: read } = presenceInput(M, opts);
  const phiM = opts.phi ?? proximity(sp);
  const phi = alignSquare(phiM, sp.cols, "input of opportunity");
  const cx = opts.complexity ?? complexity(sp);
  const warnings: string[] = [...read, ...cx.warnings];
  const { w, base } = gainWeights(phi, cx.kp, sp.ncol);
  let coiRaw: Float64Array, gain: Float64Array;
  if (opts.density) {
    const d = opts.density.data, n = sp.ncol;
    coiRaw = Float64Array.from({ length: sp.nrow }, (_, i) => rawOutlook(sp, i, d, i * n, cx.kp));
    gain = outlookGain(sp, phi, w, base);
  } else ({ coiRaw, gain } = outlookSweep(sp, phi, cx.kp, w, base));
  const coi = outlookIndex(sp, coiRaw, cx.kp, sdKind, warnings);
  const cog = finishGain(sp, gain, cx.sd, warnings);
  return {
    coi: new Series(sp.rows, coi, { name: "coi", warnings }),
    cog: new Matrix(sp.rows, sp.cols, cog, { warnings }),
    warnings,
  };
}

/** Σ_s d_rs (1 − M_rs) PCI*_s of region i over the sectors with a complexity, d_r· at d[o .. o+n). */
function rawOutlook(sp: SparseBinaryMatrix, i: number, d: Float64Array, o: number, kp: Float64Array): number {
  const n = sp.ncol, end = sp.rowPtr[i + 1]!;
  let s = 0, p = sp.rowPtr[i]!;
  for (let j = 0; j < n; j++) {
    if (p < end && sp.colIdx[p] === j) { // the region's ones are ascending: walk them with j
      p++;
      continue;
    }
    const kj = kp[j]!;
    if (Number.isNaN(kj)) continue; // sectors with ubiquity 0 have no complexity; they add nothing
    s += d[o + j]! * kj;
  }
  return s;
}

/**
 * COI_r = Σ_s d_rs (1 − M_rs) PCI*_s (`coiRaw`), standardised by its mean and s.d. over the regions with
 * presence (NaN for the others).
 */
function outlookIndex(
  sp: SparseBinaryMatrix,
  coiRaw: Float64Array,
  kp: Float64Array,
  sdKind: ComplexitySd,
  warnings: string[],
): Float64Array {
  const nr = sp.nrow;
  const valid: boolean[] = [];
  for (let i = 0; i < nr; i++) valid.push(sp.rowPtr[i + 1] !== sp.rowPtr[i]);
  const vals = Array.from(coiRaw).filter((_, i) => valid[i]);
  const nv = vals.length;
  const mean = vals.reduce((a, b) => a + b, 0) / nv;
  const ss = vals.reduce((a, b) => a + (b - mean) ** 2, 0);
  const nSect = kp.filter((v) => !Number.isNaN(v)).length;
  const sdc = sdKind === "stata"
    ? Math.sqrt(nSect * ss / (nSect * nv - 1))
    : sdKind === "sample"
    ? Math.sqrt(ss / (nv - 1))
    : Math.sqrt(ss / nv);
  const coi = new Float64Array(nr);
  if (!(sdc > 1e-300)) warnings.push("COI has no spread (s.d. 0): its z-scores are set to 0");
  for (let i = 0; i < nr; i++) {
    coi[i] = !valid[i] ? Number.NaN : sdc > 1e-300 ? (coiRaw[i]! - mean) / sdc : 0;
  }
  if (valid.some((v) => !v)) {
    warnings.push("COI is NaN for regions with diversity 0 (left out of complexity)");
  }
  return coi;
}

/** The weights w_s' = PCI*_s' / Σ_s'' φ_s's'' (0 without a complexity) and base_s = Σ_s' φ_s's w_s'. */
function gainWeights(phi: Float64Array, kp: Float64Array, n: number) {
  const w = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    let rs = 0;
    for (let b = 0; b < n; b++) rs += phi[a * n + b]!;
    const k = kp[a]!;
    w[a] = rs === 0 || Number.isNaN(k) ? 0 : k / rs;
  }
  const base = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    const wa = w[a]!;
    if (wa === 0) continue;
    for (let b = 0; b < n; b++) base[b]! += phi[a * n + b]! * wa;
  }
  return { w, base };
}

/**
 * COG_rs = (1 − M_rs) Σ_s' (1 − M_rs') φ_s's PCI*_s' / (Σ_s'' φ_s's'') / sd(ECI), as base_s − (the sparse
 * part over the region's present sectors s'), O(nnz · sectors).
 */
function outlookGain(sp: SparseBinaryMatrix, phi: Float64Array, w: Float64Array, base: Float64Array) {
  const nr = sp.nrow, n = sp.ncol;
  const cog = new Float64Array(nr * n);
  const offs = new Int32Array(n), ws = new Float64Array(n);
  for (let i = 0; i < nr; i++) {
    const o = i * n, start = sp.rowPtr[i]!, end = sp.rowPtr[i + 1]!;
    let q = 0;
    for (let p = start; p < end; p++) {
      const a = sp.colIdx[p]!, wa = w[a]!;
      if (wa === 0) continue;
      offs[q] = a * n - o; // relative to the region's row of cog: one index serves φ and cog
      ws[q++] = wa;
    }
    cog.set(base, o);
    subtractRows(cog, o, phi, offs, ws, q, n);
  }
  return cog;
}

/**
 * Density, COI and COG's sparse part in one sweep over the rows of φ (when `opportunity` computes density
 * itself): each region's present rows φ_a· are read once for both Σ_a φ_a· (density's numerator, over a
 * scratch row: no region × sector density is kept) and base − Σ_a φ_a· w_a. Rows with w_a = 0 subtract +0,
 * which changes nothing, so both are bitwise the separate passes' (`density`, then `outlookGain`).
 */
function outlookSweep(
  sp: SparseBinaryMatrix,
  phi: Float64Array,
  kp: Float64Array,
  w: Float64Array,
  base: Float64Array,
): { coiRaw: Float64Array; gain: Float64Array } {
  const nr = sp.nrow, n = sp.ncol;
  const cs = new Float64Array(n); // Σ_s' φ_s's, as `weightedDensity` sums it
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) cs[b]! += phi[a * n + b]!;
  const gain = new Float64Array(nr * n), coiRaw = new Float64Array(nr), num = new Float64Array(n);
  for (let i = 0; i < nr; i++) {
    const o = i * n;
    num.fill(0);
    gain.set(base, o);
    sweepRows(num, gain, o, phi, sp.colIdx, w, sp.rowPtr[i]!, sp.rowPtr[i + 1]!, n);
    for (let b = 0; b < n; b++) num[b] = cs[b] === 0 ? 0 : num[b]! * 1 / cs[b]!;
    coiRaw[i] = rawOutlook(sp, i, num, 0, kp);
  }
  return { coiRaw, gain };
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

/** COG: 0 where the region is present, then divided by sd(ECI) (0 everywhere without a spread). */
function finishGain(
  sp: SparseBinaryMatrix,
  cog: Float64Array,
  sdE: number,
  warnings: string[],
): Float64Array {
  const n = sp.ncol;
  for (let i = 0; i < sp.nrow; i++) {
    const o = i * n;
    for (let p = sp.rowPtr[i]!; p < sp.rowPtr[i + 1]!; p++) cog[o + sp.colIdx[p]!] = 0;
    for (let b = o; b < o + n; b++) cog[b] = sdE > 1e-300 ? cog[b]! / sdE : 0;
  }
  if (!(sdE > 1e-300)) warnings.push("ECI has no spread: COG is set to 0");
  return cog;
}

/**
 * row[o .. o+n) −= φ_a· w_a for the q rows a of φ at offsets `offs` (relative to o) with weights `ws`, eight
 * (then four) rows per sweep; each difference is formed left to right in the order of the rows, so the result is bitwise
 * that of one row at a time.
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
