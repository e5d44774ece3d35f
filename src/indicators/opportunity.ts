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
import { density } from "./density.ts";
import { presenceInput } from "./presence.ts";
import { proximity } from "./proximity.ts";
import type { SparseBinaryMatrix } from "./sparse.ts";

/** Options of {@link opportunity}. */
export interface OpportunityOptions extends MatrixInputOptions {
  /** Sector proximity (default `proximity(M)`, zero diagonal). */
  readonly phi?: Matrix;
  /** Complexity result (default `complexity(M)`, the eigenvector method with Stata conventions). */
  readonly complexity?: ComplexityResult;
  /** Density (default `density(M, { phi })`). */
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
 * The sparse part Σ_s' M_rs' (…) costs O(nnz · sectors).
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
  const dens = opts.density ?? density(sp, { phi: phiM });
  const warnings: string[] = [...read, ...cx.warnings];
  const coi = outlookIndex(sp, dens, cx.kp, sdKind, warnings);
  const cog = outlookGain(sp, phi, cx.kp, cx.sd, warnings);
  return {
    coi: new Series(sp.rows, coi, { name: "coi", warnings }),
    cog: new Matrix(sp.rows, sp.cols, cog, { warnings }),
    warnings,
  };
}

/**
 * COI_r = Σ_s d_rs (1 − M_rs) PCI*_s over the sectors with a complexity, standardised by its mean and s.d.
 * over the regions with presence (NaN for the others).
 */
function outlookIndex(
  sp: SparseBinaryMatrix,
  dens: Matrix,
  kp: Float64Array,
  sdKind: ComplexitySd,
  warnings: string[],
): Float64Array {
  const nr = sp.nrow, n = sp.ncol;
  const coiRaw = new Float64Array(nr);
  const valid: boolean[] = [];
  const d = dens.data;
  for (let i = 0; i < nr; i++) {
    let s = 0, p = sp.rowPtr[i]!;
    const end = sp.rowPtr[i + 1]!, o = i * n;
    for (let j = 0; j < n; j++) {
      if (p < end && sp.colIdx[p] === j) { // the region's ones are ascending: walk them with j
        p++;
        continue;
      }
      const kj = kp[j]!;
      if (Number.isNaN(kj)) continue; // sectors with ubiquity 0 have no complexity; they add nothing
      s += d[o + j]! * kj;
    }
    valid.push(sp.rowPtr[i + 1] !== sp.rowPtr[i]);
    coiRaw[i] = s;
  }
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

/**
 * COG_rs = (1 − M_rs) Σ_s' (1 − M_rs') φ_s's PCI*_s' / (Σ_s'' φ_s's'') / sd(ECI), as base_s − (the sparse
 * part over the region's present sectors s'), O(nnz · sectors).
 */
function outlookGain(
  sp: SparseBinaryMatrix,
  phi: Float64Array,
  kp: Float64Array,
  sdE: number,
  warnings: string[],
): Float64Array {
  const nr = sp.nrow, n = sp.ncol;
  const w = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    let rs = 0;
    for (let b = 0; b < n; b++) rs += phi[a * n + b]!;
    const k = kp[a]!;
    w[a] = rs === 0 || Number.isNaN(k) ? 0 : k / rs;
  }
  // base_s = Σ_s' φ_s's w_s'
  const base = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    const wa = w[a]!;
    if (wa === 0) continue;
    for (let b = 0; b < n; b++) base[b]! += phi[a * n + b]! * wa;
  }
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
    for (let p = start; p < end; p++) cog[o + sp.colIdx[p]!] = 0;
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
