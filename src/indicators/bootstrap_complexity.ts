/**
 * Uncertainty of economic complexity: bootstrap percentile intervals of ECI/PCI and of their ranks, by
 * resampling sectors (default) or regions with replacement. 复杂度的不确定性：自助法区间。
 * @module
 */
import * as aq from "../deps/arquero.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import { ParamChecker } from "../core/checks.ts";
import { Random } from "../core/random.ts";
import { complexity, type ComplexityOptions, type ComplexityResult, correlation } from "./complexity.ts";
import type { MatrixInput } from "./matrix.ts";
import { toSparsePresence } from "./presence.ts";
import { SparseBinaryMatrix } from "./sparse.ts";

/** Options of {@link bootstrapComplexity}: those of `complexity()` and of the bootstrap. */
export interface BootstrapComplexityOptions extends ComplexityOptions {
  /** Bootstrap replicates (default 1000). */
  readonly replicates?: number;
  /** Seed of the resampling (default 1): the same seed gives the same intervals. */
  readonly seed?: number;
  /** Confidence level of the percentile intervals (default 0.95). */
  readonly level?: number;
  /** Resampling unit (design choice; default `"sectors"`): sectors or regions, with replacement. */
  readonly resample?: "sectors" | "regions";
  /** Warn when the relative gap (λ₂ − λ₃) / λ₂ of the full sample is below this (default 0.1; design
   * choice): the second eigenvector, hence the ranking, is then unstable. */
  readonly gap?: number;
  /**
   * Sign of each replicate (design choice; default `"estimate"`): `"estimate"` flips a replicate whose scores
   * correlate negatively with the estimate's (over the units that are not resampled), as bootstrapped
   * eigenvectors are aligned with the reference solution; `"none"` keeps `complexity()`'s own sign rule in
   * every replicate (diversity or reflections), which flips arbitrarily when ECI hardly correlates with it.
   */
  readonly align?: "estimate" | "none";
}

/** Result of {@link bootstrapComplexity}. */
export interface BootstrapComplexityResult {
  /** One row per region: `region`, the estimate (`eci`, or `fitness`), `lower`, `upper` (percentile
   * interval), `rank` (1 = highest), `rank_lower`, `rank_upper`, `replicates` (those in which it had a score). */
  readonly regions: ColumnTable;
  /** One row per sector, the same columns with `sector` and `pci` (or `complexity`). */
  readonly sectors: ColumnTable;
  /** `complexity()` on the full input: the estimates. */
  readonly estimate: ComplexityResult;
  /** Replicates drawn. */
  readonly replicates: number;
  /** Confidence level. */
  readonly level: number;
  /** Resampling unit. */
  readonly resample: "sectors" | "regions";
  /** Seed used. */
  readonly seed: number;
  /** The replicates' scores, unit-major: `regions[u * replicates + b]` is region u's score in replicate b
   * (NaN when it had none), after sign alignment; likewise `sectors`. */
  readonly samples: { readonly regions: Float64Array; readonly sectors: Float64Array };
  /** Relative eigengap (λ₂ − λ₃) / λ₂ of the full sample (eigenvector method; NaN otherwise). */
  readonly eigengap: number;
  /** Notes: a small eigengap, replicates with degenerate draws (and what was done), the estimate's notes. */
  readonly warnings: readonly string[];
}

/**
 * Bootstrap intervals of ECI and PCI (or fitness and complexity) and of their ranks: `replicates` times, the
 * resampling unit is drawn with replacement (`new Random(seed)`), `complexity()` is computed on the drawn
 * matrix with the same options (each replicate standardised on its own, like the estimate), its sign is
 * aligned with the estimate's (`align`: an eigenvector's sign is a convention, not a finding; with few sectors
 * the diversity rule flips it at random), and each region's and sector's score and rank are collected. Intervals are percentile
 * intervals (Efron & Tibshirani 1993, *An Introduction to the Bootstrap*, ch. 13): the (1 − level)/2 and
 * (1 + level)/2 quantiles of the replicates (linear interpolation between order statistics, R's type 7).
 *
 * **Resampling unit (design choice, `resample`).** `"sectors"` (default): the sectors are the items that
 * reveal a region's capabilities, so they are resampled, as the items of a test are. A sector drawn k times
 * enters as k identical columns of M, which is the same as weighting it by k: the rows of M̃ = U⁻¹MᵀD⁻¹M of
 * the copies are equal, so the eigenvector gives them the same K_s (reported once), and the sector counts k
 * times in its holders' diversity, in the average K_r = (1/k_r) Σ_s M_rs K_s and in the `"stata"` s.d. A
 * sector not drawn in a replicate has no score there (about e⁻¹ ≈ 37 % of the replicates); its interval uses
 * the others (`replicates` column), and so does that of a region whose sectors were all left out.
 * `"regions"`: the same with regions. Ranks (1 = highest, ties averaged) are put on the full sample's scale:
 * 1 + (n − 1) × (the unit's rank among the m units scored in the replicate − 1) / (m − 1).
 *
 * A small relative eigengap (λ₂ − λ₃) / λ₂ (below `gap`) is reported: then a small perturbation mixes the
 * second and third eigenvectors and ranks swap (Davis–Kahan), so wide rank intervals are expected.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { bootstrapComplexity, matrixFrom } from "clusterlab";
 * // a nested matrix: region i holds sectors 0 … 7 − i
 * const M = matrixFrom(
 *   Array.from({ length: 6 }, (_, i) => Array.from({ length: 8 }, (_, j) => (j < 8 - i ? 1 : 0))),
 *   { regions: ["A", "B", "C", "D", "E", "F"], sectors: [..."stuvwxyz"] },
 * );
 * const b = bootstrapComplexity(M, { replicates: 200, seed: 7 });
 * const A = b.regions.objects()[0] as Record<string, number>;
 * assert.equal(A.rank, 1); // A holds every sector: the most complex
 * assert.ok(A.lower <= A.eci && A.eci <= A.upper && A.rank_lower >= 1);
 * assert.deepEqual(bootstrapComplexity(M, { replicates: 200, seed: 7 }).regions.objects(), b.regions.objects());
 * ```
 */
export function bootstrapComplexity(
  input: MatrixInput | SparseBinaryMatrix,
  options: BootstrapComplexityOptions = {},
): BootstrapComplexityResult {
  const o = checkOptions(options);
  const full = toSparsePresence(input, options);
  const estimate = complexity(full, options);
  const rng = new Random(o.seed);
  const side = o.resample === "sectors" ? "cols" : "rows";
  const nr = full.nrow, nc = full.ncol, B = o.replicates;
  const eci = new Float64Array(nr * B), pci = new Float64Array(nc * B);
  const reci = new Float64Array(nr * B), rpci = new Float64Array(nc * B);
  const notes = new Map<string, number>();
  let smallGap = 0, flipped = 0;
  const align = o.align === "estimate" && estimate.method !== "fitness";
  for (let b = 0; b < B; b++) {
    const { sp, first } = resampled(full, side, rng);
    const c = complexity(sp, options);
    const ev = c.eigenvalues;
    if (ev && relativeGap(ev) < o.gap) smallGap++;
    for (const w of new Set(c.warnings.map(kindOf))) notes.set(w, (notes.get(w) ?? 0) + 1);
    const r = original(c.eci.values, side === "rows" ? first : undefined, nr);
    const s = original(c.pci.values, side === "cols" ? first : undefined, nc);
    // the side that is not resampled has every unit: align the sign on it
    if (
      align &&
      correlationOfFinite(
          side === "cols" ? r : s,
          side === "cols" ? estimate.eci.values : estimate.pci.values,
        ) < 0
    ) {
      flipped++;
      for (let u = 0; u < nr; u++) r[u] = -r[u]!;
      for (let u = 0; u < nc; u++) s[u] = -s[u]!;
    }
    store(r, b, B, eci, reci);
    store(s, b, B, pci, rpci);
  }
  if (flipped) notes.set(`the sign was flipped to match the estimate's`, flipped);
  const gap = estimate.eigenvalues ? relativeGap(estimate.eigenvalues) : Number.NaN;
  const warnings = [
    ...estimate.warnings,
    ...gapWarnings(estimate, gap, smallGap, o),
    ...replicateWarnings(notes, B),
  ];
  return {
    regions: intervalTable(
      "region",
      estimate.eci.name,
      estimate.eci.labels,
      estimate.eci.values,
      eci,
      reci,
      B,
      o.level,
    ),
    sectors: intervalTable(
      "sector",
      estimate.pci.name,
      estimate.pci.labels,
      estimate.pci.values,
      pci,
      rpci,
      B,
      o.level,
    ),
    estimate,
    replicates: B,
    level: o.level,
    resample: o.resample,
    seed: o.seed,
    samples: { regions: eci, sectors: pci },
    eigengap: gap,
    warnings,
  };
}

interface Settings {
  readonly replicates: number;
  readonly seed: number;
  readonly level: number;
  readonly resample: "sectors" | "regions";
  readonly gap: number;
  readonly align: "estimate" | "none";
}

function checkOptions(options: BootstrapComplexityOptions): Settings {
  const c = new ParamChecker("options of bootstrapComplexity");
  const s = {
    replicates: options.replicates ?? 1000,
    seed: options.seed ?? 1,
    level: options.level ?? 0.95,
    resample: options.resample ?? "sectors",
    gap: options.gap ?? 0.1,
    align: options.align ?? "estimate",
  };
  c.number("replicates", s.replicates, { min: 2, max: 1e6, integer: true });
  c.number("seed", s.seed, { min: 0, max: 0xffffffff, integer: true });
  c.number("level", s.level, { min: 0, max: 1, open: true });
  if (s.level >= 1) c.add("level", "a number in (0, 1)", s.level);
  c.choice("resample", s.resample, ["sectors", "regions"] as const);
  c.number("gap", s.gap, { min: 0, max: 1 });
  c.choice("align", s.align, ["estimate", "none"] as const);
  c.done();
  return s;
}

/** (λ₂ − λ₃) / λ₂ from the eigenvalues 1, λ₂, λ₃ of `complexity()` (NaN when λ₃ is unknown). */
function relativeGap(ev: Float64Array): number {
  return (ev[1]! - ev[2]!) / Math.abs(ev[1]!);
}

/**
 * The drawn matrix: columns (or rows) drawn with replacement, sorted by original index so that the copies of a
 * unit are adjacent; `first[u]` = the position of unit u's first copy (−1 when not drawn).
 */
function resampled(full: SparseBinaryMatrix, side: "rows" | "cols", rng: Random) {
  const n = side === "cols" ? full.ncol : full.nrow;
  const count = new Int32Array(n);
  for (let k = 0; k < n; k++) count[rng.int(n)]!++;
  const first = new Int32Array(n).fill(-1), orig = new Int32Array(n);
  for (let u = 0, k = 0; u < n; u++) {
    if (count[u]! > 0) first[u] = k;
    for (let c = 0; c < count[u]!; c++) orig[k++] = u;
  }
  if (side === "cols") {
    const rowPtr = new Uint32Array(full.nrow + 1), idx: number[] = [];
    for (let i = 0; i < full.nrow; i++) {
      for (let p = full.rowPtr[i]!; p < full.rowPtr[i + 1]!; p++) {
        const j = full.colIdx[p]!;
        for (let c = 0; c < count[j]!; c++) idx.push(first[j]! + c);
      }
      rowPtr[i + 1] = idx.length;
    }
    const cols = Array.from(orig, (j) => full.cols[j]!);
    return { sp: new SparseBinaryMatrix(full.rows, cols, rowPtr, Int32Array.from(idx)), first };
  }
  const rowPtr = new Uint32Array(n + 1), idx: number[] = [];
  for (let k = 0; k < n; k++) {
    const i = orig[k]!;
    for (let p = full.rowPtr[i]!; p < full.rowPtr[i + 1]!; p++) idx.push(full.colIdx[p]!);
    rowPtr[k + 1] = idx.length;
  }
  const rows = Array.from(orig, (i) => full.rows[i]!);
  return { sp: new SparseBinaryMatrix(rows, full.cols, rowPtr, Int32Array.from(idx)), first };
}

/** Scores of a replicate for the n original units: from their first copy when resampled (NaN when not drawn). */
function original(values: Float64Array, first: Int32Array | undefined, n: number): Float64Array {
  if (!first) return values.slice();
  return Float64Array.from({ length: n }, (_, u) => (first[u]! < 0 ? Number.NaN : values[first[u]!]!));
}

/** Pearson correlation over the units where both are finite. */
function correlationOfFinite(a: Float64Array, b: Float64Array): number {
  const keep: number[] = [];
  for (let u = 0; u < a.length; u++) if (Number.isFinite(a[u]!) && Number.isFinite(b[u]!)) keep.push(u);
  return correlation(keep.map((u) => a[u]!), keep.map((u) => b[u]!));
}

/** Replicate b's scores and their ranks on the full sample's scale, into column b of `out` and `ranks`. */
function store(v: Float64Array, b: number, B: number, out: Float64Array, ranks: Float64Array): void {
  const n = v.length;
  const r = scaledRanks(v);
  for (let u = 0; u < n; u++) {
    out[u * B + b] = v[u]!;
    ranks[u * B + b] = r[u]!;
  }
}

/** Average ranks (1 = highest) of the finite values, on the scale 1 … n of all n units; NaN stays NaN. */
function scaledRanks(v: Float64Array): Float64Array {
  const n = v.length;
  const idx: number[] = [];
  for (let u = 0; u < n; u++) if (!Number.isNaN(v[u]!)) idx.push(u);
  idx.sort((a, b) => v[b]! - v[a]!);
  const m = idx.length, out = new Float64Array(n).fill(Number.NaN);
  for (let a = 0; a < m;) {
    let e = a;
    while (e + 1 < m && v[idx[e + 1]!] === v[idx[a]!]) e++;
    const rank = (a + e) / 2 + 1; // ties share the average rank
    for (let q = a; q <= e; q++) out[idx[q]!] = m > 1 ? 1 + ((n - 1) * (rank - 1)) / (m - 1) : 1;
    a = e + 1;
  }
  return out;
}

/** Quantile of type 7 (Hyndman & Fan 1996) of the sorted values `s`. */
function quantile(s: Float64Array, p: number): number {
  if (!s.length) return Number.NaN;
  const h = (s.length - 1) * p, lo = Math.floor(h);
  return lo + 1 < s.length ? s[lo]! + (h - lo) * (s[lo + 1]! - s[lo]!) : s[lo]!;
}

function intervalTable(
  unit: "region" | "sector",
  name: string,
  labels: readonly string[],
  estimate: Float64Array,
  values: Float64Array,
  ranks: Float64Array,
  B: number,
  level: number,
): ColumnTable {
  const lo = (1 - level) / 2, hi = (1 + level) / 2;
  const cols: Record<string, number[]> = {
    [name]: [],
    lower: [],
    upper: [],
    rank: Array.from(scaledRanks(estimate)),
    rank_lower: [],
    rank_upper: [],
    replicates: [],
  };
  labels.forEach((_, u) => {
    const finite = (a: Float64Array) => a.subarray(u * B, (u + 1) * B).filter((x) => !Number.isNaN(x)).sort();
    const v = finite(values), r = finite(ranks);
    cols[name]!.push(estimate[u]!);
    cols.lower!.push(quantile(v, lo));
    cols.upper!.push(quantile(v, hi));
    cols.rank_lower!.push(quantile(r, lo));
    cols.rank_upper!.push(quantile(r, hi));
    cols.replicates!.push(v.length);
  });
  return aq.table({ [unit]: [...labels], ...cols });
}

/** The kind of a replicate's warning (labels stripped), to count replicates by kind. */
function kindOf(w: string): string {
  if (/disconnected/.test(w)) return "the region–sector graph was disconnected";
  if (/not unique/.test(w)) return "the second eigenvalue was repeated (eigenvector not unique)";
  if (/left out/.test(w)) return "some regions or sectors had no presence (no score there)";
  if (/did not converge/.test(w)) return "the eigen-solver did not converge";
  if (/sign is arbitrary/.test(w)) return "ECI was uncorrelated with the sign rule";
  return "other notes of complexity()";
}

function replicateWarnings(notes: Map<string, number>, B: number): string[] {
  return [...notes].map(([kind, k]) => `in ${k} of ${B} replicates ${kind}`);
}

function gapWarnings(estimate: ComplexityResult, gap: number, small: number, o: Settings): string[] {
  if (!estimate.eigenvalues || !(gap < o.gap)) return [];
  const [, l2, l3] = estimate.eigenvalues;
  return [
    `λ₂ = ${l2!.toPrecision(4)} and λ₃ = ${l3!.toPrecision(4)} are close (relative gap ${
      gap.toPrecision(2)
    } < ` +
    `${o.gap}): the ECI/PCI ranking is unstable (rank instability); the gap was below ${o.gap} in ${small} of ` +
    `${o.replicates} replicates`,
  ];
}
