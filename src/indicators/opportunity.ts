/**
 * Complexity outlook: how much complexity lies near what a region already does (COI), and how much a new
 * specialisation would add to it (COG) — Hausmann et al. 2014; the Stata `ecomplexity` package.
 * 复杂度前景指数（COI）与复杂度前景增益（COG）。
 * @module
 */
import { checkChoice } from "../core/checks.ts";
import { checkWorkers, type WorkersOption } from "../core/parallel.ts";
import { alignSquare, zeroRelatednessWarning } from "./input.ts";
import { finiteResult } from "./finite_result.ts";
import { outlookGain, outlookSweep, rowOutlook } from "./outlook_kernels.ts";
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
  /**
   * Return the density formed in the sweep as `density` on the result (default false: one region × sector
   * matrix less). Bitwise `density(M, { phi })`, at no extra arithmetic. Ignored when `density` is given.
   */
  readonly keepDensity?: boolean;
  /**
   * Threads for the O(nnz · sectors) sweep (default `"auto"`: the machine's cores, at most 4, when the sweep
   * has ≥ 10⁸ additions, else 1; see `threadCount`). Rows are split between threads, each row computed as
   * on one thread: the results are bitwise the same for any `workers`.
   */
  readonly workers?: WorkersOption;
  /** Spread for standardising COI (default `"stata"`: sample s.d. over all region × sector rows). */
  readonly sd?: ComplexitySd;
}

/** Result of {@link opportunity}. */
export interface OpportunityResult {
  /** Complexity outlook index per region, standardised. */
  readonly coi: Series;
  /** Complexity outlook gain per region × sector (0 where the region is already specialised). */
  readonly cog: Matrix;
  /** Density per region × sector, with `keepDensity` only (bitwise `density(M, { phi })`). */
  readonly density?: Matrix;
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
 * product is formed in the same sweep over the rows of φ (and returned with `keepDensity`). On a large input
 * the sweep runs on several threads (`workers`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { density, matrixFrom, opportunity } from "clusterlab";
 * const M = matrixFrom([[1, 1, 1], [1, 1, 0], [1, 0, 0], [0, 1, 1]], {
 *   regions: ["A", "B", "C", "D"],
 *   sectors: ["a", "b", "c"],
 * });
 * const o = opportunity(M);
 * assert.equal(o.cog.get("A", "a"), 0); // A is already specialised in a: no gain
 * assert.deepEqual(o.cog.toArrays()[0], [0, 0, 0]); // A does everything
 * const sum = Array.from(o.coi.values).reduce((s, v) => s + v, 0);
 * assert.ok(Math.abs(sum) < 1e-12); // COI is standardised: mean 0 over regions
 * // the density of the same sweep, kept: the same values as density(M)
 * const k = opportunity(M, { keepDensity: true, workers: 2 });
 * assert.deepEqual(k.density!.toArrays(), density(M).toArrays());
 * assert.deepEqual(k.cog.toArrays(), o.cog.toArrays()); // any number of threads: the same bits
 * ```
 */
export function opportunity(
  M: MatrixInput | SparseBinaryMatrix,
  opts: OpportunityOptions = {},
): OpportunityResult {
  const sdKind = opts.sd ?? "stata";
  checkChoice("options of opportunity", "sd", sdKind, ["stata", "sample", "population"] as const);
  const workers = checkWorkers("options of opportunity", opts.workers);
  const { sparse: sp, warnings: read } = presenceInput(M, opts);
  const phiM = opts.phi ?? proximity(sp);
  const phi = alignSquare(phiM, sp.cols, "input of opportunity");
  const cx = opts.complexity ?? complexity(sp);
  const warnings: string[] = [...read, ...cx.warnings];
  const { w, base } = gainWeights(phi, cx.kp, sp.ncol);
  const n = sp.ncol;
  let coiRaw: Float64Array, gain: Float64Array, dens: Matrix | undefined;
  if (opts.density) {
    const d = opts.density.data;
    coiRaw = Float64Array.from(
      { length: sp.nrow },
      (_, i) => rowOutlook(sp.rowPtr, sp.colIdx, i, d.subarray(i * n, i * n + n), cx.kp, n),
    );
    gain = outlookGain(sp, phi, w, base, workers);
  } else {
    const swept = outlookSweep(sp, phi, cx.kp, w, base, { keepDensity: opts.keepDensity ?? false, workers });
    ({ coiRaw, gain } = swept);
    if (swept.density) {
      const dw = [...read, ...phiM.warnings];
      zeroRelatednessWarning(sp.cols, swept.cs, dw);
      dens = finiteResult("density", new Matrix(sp.rows, sp.cols, swept.density, { warnings: dw }));
    }
  }
  const coi = outlookIndex(sp, coiRaw, cx.kp, sdKind, warnings);
  const cog = finishGain(sp, gain, cx.sd, warnings);
  return {
    coi: new Series(sp.rows, coi, { name: "coi", warnings }),
    cog: new Matrix(sp.rows, sp.cols, cog, { warnings }),
    ...(dens ? { density: dens } : {}),
    warnings,
  };
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
