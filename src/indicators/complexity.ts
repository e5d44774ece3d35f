/**
 * Economic / knowledge complexity of regions (ECI; KCI on patents) and sectors (PCI; TCI), by the
 * eigenvector method (default), the method of reflections, or the fitness–complexity algorithm.
 * 经济（知识）复杂度：特征向量法、反射法、适应度—复杂度算法。
 * @module
 */
import { checkChoice, checkNumber, listLabels } from "../core/checks.ts";
import { type MatrixInput, type MatrixInputOptions, Series } from "./matrix.ts";
import { presenceInput } from "./presence.ts";
import { reflections } from "./reflections.ts";
import { SparseBinaryMatrix } from "./sparse.ts";
import { lanczosEigen } from "../core/linalg/lanczos.ts";
import { checkWorkers, type WorkersOption } from "../core/parallel.ts";
import { normalisedProduct } from "./complexity_product.ts";

/** How ECI is standardised: the spread used for the z-score. */
export type ComplexitySd = "stata" | "sample" | "population";

/** Options of {@link complexity}. */
export interface ComplexityOptions extends MatrixInputOptions {
  /** `"eigenvector"` (default; Hausmann et al. 2014, the Stata `ecomplexity` package), `"reflections"`
   * (Hidalgo & Hausmann 2009) or `"fitness"` (Tacchella et al. 2012). */
  readonly method?: "eigenvector" | "reflections" | "fitness";
  /** Sign of the eigenvector: `"diversity"` (default, Stata `ecomplexity` and py-ecomplexity: corr(ECI,
   * diversity) > 0) or `"reflections"` (corr(ECI, k_r,N) > 0 with the even reflection order N = `steps`). */
  readonly sign?: "diversity" | "reflections";
  /** Standard deviation of the z-scores: `"stata"` (default; sample s.d. over all region × sector rows of
   * the long table, each region counted once per sector, as the Stata package does), `"sample"` (n − 1 over
   * regions: R `economiccomplexity`, Atlas) or `"population"` (n over regions: numpy `std`). */
  readonly sd?: ComplexitySd;
  /** PCI z-score: `"eci"` (default, Stata: PCI = (K_s − mean ECI) / sd ECI, on ECI's scale) or `"own"`
   * (PCI standardised by its own mean and s.d.). */
  readonly pciScale?: "eci" | "own";
  /** Reflection order for `method: "reflections"` and `sign: "reflections"` (default 18; even). */
  readonly steps?: number;
  /** Fitness iterations, counting the initial vector of ones (default 20, as R `economiccomplexity`). */
  readonly iterations?: number;
  /** Fitness extremality γ (default 1). */
  readonly extremality?: number;
  /**
   * Threads for the eigen-solver's sparse products (default `"auto"`: the machine's cores, at most 4, on a
   * large matrix, else 1; see `threadCount`). The same bits for any number.
   */
  readonly workers?: WorkersOption;
}

/** Result of {@link complexity}. */
export interface ComplexityResult {
  /** The method that produced the scores (see {@link ComplexityOptions.method}). */
  readonly method: "eigenvector" | "reflections" | "fitness";
  /** ECI (KCI) per region: a z-score (fitness: F normalised to mean 1). */
  readonly eci: Series;
  /** PCI (TCI) per sector: a z-score (fitness: Q normalised to mean 1). */
  readonly pci: Series;
  /** Diversity k_r,0 = Σ_s M_rs: the number of sectors each region is specialised in. */
  readonly diversity: Series;
  /** Ubiquity k_s,0 = Σ_r M_rs: the number of regions specialised in each sector. */
  readonly ubiquity: Series;
  /** Un-standardised, signed region scores K_r (the eigenvector method: K_r = (1/k_r) Σ_s M_rs K_s). */
  readonly kc: Float64Array;
  /** Un-standardised, signed sector scores K_s (PCI* in the COI/COG formulas). */
  readonly kp: Float64Array;
  /** Mean used to standardise ECI (1 for the fitness method, whose scores are normalised to mean 1). */
  readonly mean: number;
  /** S.d. used to standardise ECI, under the `sd` option's convention (NaN for the fitness method). */
  readonly sd: number;
  /** Eigenvalues 1, λ₂, λ₃ of M̃ (eigenvector method only). */
  readonly eigenvalues?: Float64Array;
  /** Notes on degenerate input: regions or sectors without presence, disconnected graph,
   * repeated second eigenvalue, no spread. */
  readonly warnings: readonly string[];
}

/**
 * Complexity of regions and sectors from a binary presence matrix M (regions × sectors).
 *
 * Eigenvector method (default; Hausmann, Hidalgo et al. 2014, *The Atlas of Economic Complexity*; the
 * Stata `ecomplexity` package): K_s is the eigenvector of the second-largest eigenvalue of
 * M̃_ss' = Σ_r M_rs M_rs' / (k_s k_r); K_r = (1/k_r) Σ_s M_rs K_s; the sign makes corr(K_r, k_r) > 0;
 * ECI = (K_r − mean) / sd and PCI = (K_s − mean) / sd with the mean and sample s.d. of K_r over all
 * region × sector rows (Stata). M̃ is similar to the symmetric S = U^{-1/2} Mᵀ D^{-1} M U^{-1/2}, whose top
 * eigenvector U^{1/2}1 (eigenvalue 1) is deflated; λ₂ comes from Lanczos on sparse products.
 * Reflections: ECI = z(k_r,N), PCI = z(k_s,N+1) (Hidalgo & Hausmann 2009; R `economiccomplexity`).
 * Fitness: F = M Q, Q = 1 / (Mᵀ (1/F)^γ)^{1/γ}, both from the previous iterate, each normalised to mean 1
 * (Tacchella, Cristelli, Caldarelli, Gabrielli & Pietronero 2012; R `economiccomplexity`).
 *
 * Degenerate input returns results with warnings, never a crash: regions/sectors with no presence are left
 * out of the computation and get NaN (named in the warnings); a disconnected bipartite graph (λ₂ = 1) or a
 * repeated second eigenvalue (λ₂ = λ₃) makes the eigenvector arbitrary and is reported; zero spread gives
 * z-scores of 0 with a warning.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { complexity, matrixFrom } from "clusterlab";
 * // a nested ("triangular") matrix: A does everything, C only the ubiquitous sector a
 * const M = matrixFrom([[1, 1, 1], [1, 1, 0], [1, 0, 0]], { regions: ["A", "B", "C"], sectors: ["a", "b", "c"] });
 * const c = complexity(M);
 * assert.deepEqual(c.eci.ranked(), ["A", "B", "C"]); // the most diversified region is the most complex
 * assert.deepEqual(c.pci.ranked(), ["c", "b", "a"]); // the rarest sector is the most complex
 * assert.deepEqual(Array.from(c.diversity.values), [3, 2, 1]);
 * assert.deepEqual(c.warnings, []);
 * ```
 */
export function complexity(
  M: MatrixInput | SparseBinaryMatrix,
  opts: ComplexityOptions = {},
): ComplexityResult {
  const o = complexitySettings(opts);
  const { sparse: full, warnings: read } = presenceInput(M, opts);
  const warnings: string[] = [...read];
  const { sp, rowMap, colMap, d0, u0 } = withPresence(full, warnings);
  const components = countComponents(sp);
  if (components > 1) {
    warnings.push(
      `the region–sector graph has ${components} disconnected components: the second eigenvalue equals the first ` +
        `(λ₂ = 1) and complexity mostly separates the components`,
    );
  }
  let scores: Scores;
  if (sp.nrow < 2 || sp.ncol < 2) {
    warnings.push(
      `complexity needs at least 2 regions and 2 sectors with presence (found ${sp.nrow} × ${sp.ncol}): ` +
        "values are NaN",
    );
    scores = undefinedScores(sp);
  } else if (o.method === "fitness") scores = fitnessScores(sp, o);
  else if (o.method === "reflections") scores = reflectionScores(sp, o, warnings);
  else scores = eigenvectorScores(sp, o, components, warnings);
  const fitness = o.method === "fitness";
  return {
    method: o.method,
    eci: new Series(full.rows, expand(scores.eci, rowMap, full.nrow), {
      name: fitness ? "fitness" : "eci",
      warnings,
    }),
    pci: new Series(full.cols, expand(scores.pci, colMap, full.ncol), {
      name: fitness ? "complexity" : "pci",
      warnings,
    }),
    diversity: new Series(full.rows, d0, { name: "diversity" }),
    ubiquity: new Series(full.cols, u0, { name: "ubiquity" }),
    kc: expand(scores.kc, rowMap, full.nrow),
    kp: expand(scores.kp, colMap, full.ncol),
    mean: scores.mean,
    sd: scores.sd,
    ...(scores.eigenvalues ? { eigenvalues: scores.eigenvalues } : {}),
    warnings,
  };
}

/** The options of {@link complexity}, validated, with their defaults. */
interface ComplexitySettings {
  readonly method: "eigenvector" | "reflections" | "fitness";
  readonly sign: "diversity" | "reflections";
  readonly sd: ComplexitySd;
  readonly pciScale: "eci" | "own";
  readonly steps: number;
  readonly iterations: number;
  readonly gamma: number;
  readonly workers: WorkersOption;
}

function complexitySettings(opts: ComplexityOptions): ComplexitySettings {
  const subject = "options of complexity";
  const method = opts.method ?? "eigenvector";
  const sign = opts.sign ?? "diversity";
  const sd = opts.sd ?? "stata";
  const pciScale = opts.pciScale ?? "eci";
  const steps = opts.steps ?? 18;
  const iterations = opts.iterations ?? 20;
  const gamma = opts.extremality ?? 1;
  checkChoice(subject, "method", method, ["eigenvector", "reflections", "fitness"] as const);
  checkChoice(subject, "sign", sign, ["diversity", "reflections"] as const);
  checkChoice(subject, "sd", sd, ["stata", "sample", "population"] as const);
  checkChoice(subject, "pciScale", pciScale, ["eci", "own"] as const);
  checkNumber(subject, "steps", steps, { min: 0, max: 1000, integer: true });
  checkNumber(subject, "iterations", iterations, { min: 1, max: 10000, integer: true });
  checkNumber(subject, "extremality", gamma, { min: 1e-6 });
  const workers = checkWorkers(subject, opts.workers);
  return { method, sign, sd, pciScale, steps, iterations, gamma, workers };
}

/** The sub-matrix of the regions and sectors with presence; the others are named in the warnings. */
function withPresence(full: SparseBinaryMatrix, warnings: string[]) {
  const d0 = full.rowCounts(), u0 = full.colCounts();
  const rowMap = validIndex(d0), colMap = validIndex(u0);
  const zr = full.rows.filter((_, i) => d0[i] === 0), zc = full.cols.filter((_, j) => u0[j] === 0);
  if (zr.length) {
    warnings.push(`${zr.length} region(s) with diversity 0 left out, complexity NaN: ${listLabels(zr)}`);
  }
  if (zc.length) {
    warnings.push(`${zc.length} sector(s) with ubiquity 0 left out, complexity NaN: ${listLabels(zc)}`);
  }
  return { sp: subMatrix(full, rowMap, colMap), rowMap, colMap, d0, u0 };
}

/** Region and sector scores of one method, over the regions and sectors with presence. */
interface Scores {
  readonly kc: Float64Array;
  readonly kp: Float64Array;
  readonly eci: Float64Array;
  readonly pci: Float64Array;
  readonly mean: number;
  readonly sd: number;
  readonly eigenvalues?: Float64Array;
}

function undefinedScores(sp: SparseBinaryMatrix): Scores {
  const nan = (n: number) => new Float64Array(n).fill(Number.NaN);
  return { kc: nan(sp.nrow), kp: nan(sp.ncol), eci: nan(sp.nrow), pci: nan(sp.ncol), mean: 0, sd: 0 };
}

function fitnessScores(sp: SparseBinaryMatrix, o: ComplexitySettings): Scores {
  const { f, q } = fitnessIterate(sp, o.iterations, o.gamma);
  return { kc: f, kp: q, eci: f, pci: q, mean: 1, sd: Number.NaN };
}

/** Reflections: ECI = z(k_r,N), PCI = z(k_s,N+1), each standardised by its own spread. */
function reflectionScores(sp: SparseBinaryMatrix, o: ComplexitySettings, warnings: string[]): Scores {
  const { nrow: nr, ncol: nc } = sp;
  const kc = new Float64Array(nr), kp = new Float64Array(nc);
  const r = reflections(sp, { steps: o.steps + 1 });
  for (let i = 0; i < nr; i++) kc[i] = r.regions.at(i, o.steps);
  for (let j = 0; j < nc; j++) kp[j] = r.sectors.at(j, o.steps + 1);
  const { mean, sd } = spread(kc, o.sd, nc, warnings, "ECI");
  const own = spread(kp, o.sd, nr, warnings, "PCI");
  return { kc, kp, eci: zScore(kc, mean, sd), pci: zScore(kp, own.mean, own.sd), mean, sd };
}

/** The eigenvector method: K_s from λ₂ of M̃, K_r = (1/k_r) Σ_s M_rs K_s, signed, then standardised. */
function eigenvectorScores(
  sp: SparseBinaryMatrix,
  o: ComplexitySettings,
  components: number,
  warnings: string[],
): Scores {
  const { kc, kp, eigenvalues } = secondEigenvector(sp, components, warnings, o.workers);
  if (signFlips(sp, kc, o, warnings)) {
    for (let i = 0; i < kc.length; i++) kc[i] = -kc[i]!;
    for (let j = 0; j < kp.length; j++) kp[j] = -kp[j]!;
  }
  const { mean, sd } = spread(kc, o.sd, sp.ncol, warnings, "ECI");
  let pci: Float64Array;
  if (o.pciScale === "eci") pci = zScore(kp, mean, sd);
  else {
    const own = spread(kp, o.sd, sp.nrow, warnings, "PCI");
    pci = zScore(kp, own.mean, own.sd);
  }
  return { kc, kp, eci: zScore(kc, mean, sd), pci, mean, sd, eigenvalues };
}

/**
 * K_s, K_r and the eigenvalues 1, λ₂, λ₃ of M̃ = U⁻¹Mᵀ D⁻¹M, through the similar symmetric S = U^{-1/2} Mᵀ
 * D⁻¹ M U^{-1/2}: its top eigenvector U^{1/2}1 (eigenvalue 1) is deflated and λ₂ comes from Lanczos on sparse
 * products; a second run with v₂ deflated too gives λ₃ (a Krylov space cannot reveal the multiplicity of λ₂).
 */
function secondEigenvector(
  sp: SparseBinaryMatrix,
  components: number,
  warnings: string[],
  workers: WorkersOption,
) {
  const nc = sp.ncol;
  const d = sp.rowCounts(), u = sp.colCounts();
  const isu = new Float64Array(nc);
  for (let j = 0; j < nc; j++) isu[j] = 1 / Math.sqrt(u[j]!);
  const product = normalisedProduct(sp, d, isu, workers);
  try {
    return eigenPairs(sp, product.matvec, { d, isu, u, components, warnings });
  } finally {
    product.close();
  }
}

/** λ₂ and its vector (then K_s, K_r) and λ₃ by Lanczos with the product `matvec`. */
function eigenPairs(
  sp: SparseBinaryMatrix,
  matvec: (x: Float64Array, out: Float64Array) => void,
  o: { d: Float64Array; isu: Float64Array; u: Float64Array; components: number; warnings: string[] },
) {
  const { nrow: nr, ncol: nc } = sp;
  const { d, isu, u, components, warnings } = o;
  const w1 = new Float64Array(nc);
  let s1 = 0;
  for (let j = 0; j < nc; j++) s1 += u[j]!;
  for (let j = 0; j < nc; j++) w1[j] = Math.sqrt(u[j]! / s1);
  // a product costs O(nnz), a convergence check O(m³) in the Krylov dimension m (≈ 100 here): check often
  const lz = lanczosEigen(matvec, nc, { count: 1, deflate: [w1], checkEvery: 10 });
  if (!lz.converged) warnings.push(`the eigen-solver did not converge (residual ${lz.residuals[0]})`);
  const v2 = lz.vectors.slice(0, nc);
  const l3 = nc > 2
    ? lanczosEigen(matvec, nc, { count: 1, deflate: [w1, v2], checkEvery: 10, tol: 1e-9 }).values[0]
    : undefined;
  const l2 = lz.values[0]!;
  if (components === 1 && Math.abs(1 - l2) <= 1e-10) {
    warnings.push(
      "the second eigenvalue equals the first (λ₂ = 1): the complexity eigenvector is not unique",
    );
  }
  if (l3 !== undefined && Math.abs(l2 - l3) <= 1e-10 * Math.max(1, Math.abs(l2))) {
    warnings.push(
      `repeated second eigenvalue (λ₂ = λ₃ = ${l2}): the complexity eigenvector is not unique, ranking is arbitrary`,
    );
  }
  const kp = new Float64Array(nc), kc = new Float64Array(nr);
  for (let j = 0; j < nc; j++) kp[j] = lz.vectors[j]! * isu[j]!;
  sp.mulVec(kp, { out: kc });
  for (let i = 0; i < nr; i++) kc[i]! /= d[i]!;
  return { kc, kp, eigenvalues: new Float64Array([1, l2, l3 ?? Number.NaN]) };
}

/** Should the eigenvector be flipped so that ECI correlates positively with diversity (or the reflections)? */
function signFlips(
  sp: SparseBinaryMatrix,
  kc: Float64Array,
  o: ComplexitySettings,
  warnings: string[],
): boolean {
  let c: number;
  if (o.sign === "diversity") {
    c = correlation(kc, sp.rowCounts());
    if (c === 0 || Number.isNaN(c)) {
      warnings.push("ECI is uncorrelated with diversity: its sign is arbitrary");
    }
  } else {
    const order = o.steps % 2 === 0 ? o.steps : o.steps + 1;
    const r = reflections(sp, { steps: order });
    const kN = new Float64Array(sp.nrow);
    for (let i = 0; i < sp.nrow; i++) kN[i] = r.regions.at(i, order);
    c = correlation(kc, kN);
    if (c === 0 || Number.isNaN(c)) {
      warnings.push("ECI is uncorrelated with the reflections: its sign is arbitrary");
    }
  }
  return c < 0;
}

/**
 * Fitness–complexity (Tacchella, Cristelli, Caldarelli, Gabrielli & Pietronero 2012, *Sci. Rep.* 2: 723):
 * `complexity(M, { method: "fitness", iterations, extremality })`; `eci` holds the fitness F and `pci`
 * the complexity Q, each normalised to mean 1.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { matrixFrom } from "clusterlab";
 * import { fitnessComplexity } from "clusterlab/advanced";
 * const M = matrixFrom([[1, 1], [1, 0]], { regions: ["A", "B"], sectors: ["s", "t"] });
 * // by hand, from F = Q = (1, 1): F = MQ = (2, 1), Q = 1/(Mᵀ(1/F)) = (1/2, 1), normalised to mean 1:
 * // F = (4/3, 2/3), Q = (2/3, 4/3); once more: F = (2, 2/3) → (3/2, 1/2), Q = (4/9, 4/3) → (1/2, 3/2)
 * const fc = fitnessComplexity(M, { iterations: 3 }); // the initial vector of ones and two updates
 * assert.deepEqual(Array.from(fc.eci.values), [1.5, 0.5]);
 * assert.deepEqual(Array.from(fc.pci.values), [0.5, 1.5]);
 * ```
 */
export function fitnessComplexity(
  M: MatrixInput | SparseBinaryMatrix,
  opts: Omit<ComplexityOptions, "method"> = {},
): ComplexityResult {
  return complexity(M, { ...opts, method: "fitness" });
}

function fitnessIterate(sp: SparseBinaryMatrix, iterations: number, gamma: number) {
  const nr = sp.nrow, nc = sp.ncol;
  let f: Float64Array = new Float64Array(nr).fill(1);
  let q: Float64Array = new Float64Array(nc).fill(1);
  const invF = new Float64Array(nr);
  for (let it = 1; it < iterations; it++) {
    const nf = sp.mulVec(q);
    for (let i = 0; i < nr; i++) invF[i] = gamma === 1 ? 1 / f[i]! : Math.pow(1 / f[i]!, gamma);
    const nq = sp.tmulVec(invF);
    for (let j = 0; j < nc; j++) nq[j] = gamma === 1 ? 1 / nq[j]! : 1 / Math.pow(nq[j]!, 1 / gamma);
    normaliseMean(nf);
    normaliseMean(nq);
    f = nf;
    q = nq;
  }
  return { f, q };
}

function normaliseMean(x: Float64Array): void {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]!;
  const m = s / x.length;
  for (let i = 0; i < x.length; i++) x[i]! /= m;
}

/** Mean and s.d. of x under the chosen convention; `weight` = how many long-table rows each entry has. */
function spread(x: Float64Array, kind: ComplexitySd, weight: number, warnings: string[], what: string) {
  const { mean, sd } = pooledScale([{ values: x, weight }], kind);
  if (!(sd > 1e-300)) warnings.push(`${what} has no spread (s.d. 0): its z-scores are set to 0`);
  return { mean, sd };
}

/** One block of scores for {@link pooledScale}: its values and how many long-table rows each one stands for. */
export interface ScoreBlock {
  /** The scores (NaN entries are skipped: regions or sectors without presence). */
  readonly values: ArrayLike<number>;
  /** Long-table rows per entry (the `"stata"` convention: the number of sectors, or regions, with presence). */
  readonly weight: number;
}

/**
 * Mean and s.d. of the scores of several blocks taken together, under a {@link ComplexitySd} convention:
 * `"stata"` counts each entry `weight` times (the rows of the long region × sector table: sample s.d. with
 * Σ w·n − 1 in the denominator), `"sample"` and `"population"` count each entry once (n − 1, n). With one
 * block this is exactly the standardisation of {@link complexity} (internal; `complexityPanel` pools years
 * with it).
 */
export function pooledScale(blocks: readonly ScoreBlock[], kind: ComplexitySd): { mean: number; sd: number } {
  const stata = kind === "stata";
  let rows = 0, count = 0;
  const sums = blocks.map(({ values, weight }) => {
    let s = 0, n = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (Number.isNaN(v)) continue;
      s += v;
      n++;
    }
    rows += (stata ? weight : 1) * n;
    count += n;
    return { s, n };
  });
  // the weighted mean as Σ_b (w_b n_b / Σ w n) · (s_b / n_b): one block gives s / n exactly
  let mean = 0;
  blocks.forEach(({ weight }, b) => {
    const { s, n } = sums[b]!;
    if (n > 0) mean += ((stata ? weight : 1) * n / rows) * (s / n);
  });
  let ss = 0;
  for (const { values, weight } of blocks) {
    let sb = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (!Number.isNaN(v)) sb += (v - mean) ** 2;
    }
    ss += stata ? weight * sb : sb;
  }
  const sd = stata
    ? Math.sqrt(ss / (rows - 1))
    : kind === "sample"
    ? Math.sqrt(ss / (count - 1))
    : Math.sqrt(ss / count);
  return { mean, sd };
}

/**
 * (x − mean) / sd entry by entry; every entry 0 when sd is 0, NaN entries stay NaN (internal: shared with
 * `complexityPanel`).
 */
export function zScore(x: Float64Array, mean: number, sd: number): Float64Array {
  const out = new Float64Array(x.length);
  if (!(sd > 1e-300)) {
    for (let i = 0; i < x.length; i++) if (Number.isNaN(x[i]!)) out[i] = Number.NaN;
    return out;
  }
  for (let i = 0; i < x.length; i++) out[i] = (x[i]! - mean) / sd;
  return out;
}

/**
 * Pearson correlation r = Σ (a − ā)(b − b̄) / √(Σ (a − ā)² Σ (b − b̄)²) (NaN when a side has no variance):
 * the sign conventions of {@link complexity} use it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { correlation } from "clusterlab/advanced";
 * assert.equal(correlation([1, 2, 3], [2, 4, 6]), 1);
 * assert.equal(correlation([1, 2, 3], [3, 2, 1]), -1);
 * assert.ok(Number.isNaN(correlation([1, 1, 1], [1, 2, 3])));
 * ```
 */
export function correlation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0, mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]!;
    mb += b[i]!;
  }
  ma /= n;
  mb /= n;
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) {
    const x = a[i]! - ma, y = b[i]! - mb;
    sab += x * y;
    saa += x * x;
    sbb += y * y;
  }
  return saa === 0 || sbb === 0 ? Number.NaN : sab / Math.sqrt(saa * sbb);
}

/** Map full index → compact index (−1 when the count is 0). */
function validIndex(counts: Float64Array): Int32Array {
  const map = new Int32Array(counts.length);
  let k = 0;
  for (let i = 0; i < counts.length; i++) map[i] = counts[i]! > 0 ? k++ : -1;
  return map;
}

function subMatrix(sp: SparseBinaryMatrix, rowMap: Int32Array, colMap: Int32Array): SparseBinaryMatrix {
  let allRows = true, allCols = true;
  for (const v of rowMap) if (v < 0) allRows = false;
  for (const v of colMap) if (v < 0) allCols = false;
  if (allRows && allCols) return sp;
  const rows = sp.rows.filter((_, i) => rowMap[i]! >= 0), cols = sp.cols.filter((_, j) => colMap[j]! >= 0);
  const rowPtr = new Uint32Array(rows.length + 1);
  const colIdx = new Int32Array(sp.nnz);
  let p = 0, r = 0;
  for (let i = 0; i < sp.nrow; i++) {
    if (rowMap[i]! < 0) continue;
    for (let q = sp.rowPtr[i]!; q < sp.rowPtr[i + 1]!; q++) colIdx[p++] = colMap[sp.colIdx[q]!]!;
    rowPtr[++r] = p;
  }
  return new SparseBinaryMatrix(rows, cols, rowPtr, colIdx.slice(0, p));
}

function expand(x: Float64Array, map: Int32Array, n: number): Float64Array {
  if (x.length === n) return x;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = map[i]! < 0 ? Number.NaN : x[map[i]!]!;
  return out;
}

/** Connected components of the bipartite region–sector graph (union–find). */
function countComponents(sp: SparseBinaryMatrix): number {
  const n = sp.nrow + sp.ncol;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (let i = 0; i < sp.nrow; i++) {
    for (let p = sp.rowPtr[i]!; p < sp.rowPtr[i + 1]!; p++) {
      const a = find(i), b = find(sp.nrow + sp.colIdx[p]!);
      if (a !== b) parent[a] = b;
    }
  }
  let c = 0;
  for (let i = 0; i < n; i++) if (find(i) === i) c++;
  return c;
}
