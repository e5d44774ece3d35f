/**
 * Global Moran's I 全局莫兰指数: is a variable spatially clustered (I > E[I]), dispersed (I < E[I]) or
 * neither? With its moments under the normality or randomisation assumption (Cliff & Ord 1981, ch. 2), the
 * analytic two-sided p-value, and a seeded permutation pseudo p-value.
 * @module
 */
import { Random } from "../../core/random.ts";
import { normalTwoSided } from "../../core/normal.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../../core/validation_error.ts";
import { alignValues, type SpatialValueColumns, type SpatialValues } from "./spatial_values.ts";
import type { SpatialWeights } from "./weights.ts";
import { finiteResult } from "../finite_result.ts";

/** The null hypothesis the moments of Moran's I are derived under. */
export type MoranAssumption = "randomisation" | "normality";

/** Options of {@link moranI}. */
export interface MoranIOptions extends SpatialValueColumns {
  /** `"randomisation"` (default, as spdep's `moran.test`) or `"normality"` (Cliff & Ord 1981, eq. 2.36–2.37). */
  readonly assumption?: MoranAssumption;
  /** Random permutations for the pseudo p-value (default 0: none); e.g. 999. */
  readonly permutations?: number;
  /** Seed of the permutations (default 1). */
  readonly seed?: number;
}

/** Result of {@link moranI}. */
export interface MoranIResult {
  /** Moran's I. */
  readonly I: number;
  /** E[I] = −1/(n − 1). */
  readonly expected: number;
  /** Var[I] under `assumption`. */
  readonly variance: number;
  /** z = (I − E[I]) / √Var[I]. */
  readonly z: number;
  /** Analytic two-sided p-value 2·(1 − Φ(|z|)). */
  readonly p: number;
  /**
   * Permutation pseudo p-value (M + 1)/(R + 1) of R permutations, M the number of permuted I ≥ the observed
   * one, or of those below it when they are fewer (PySAL esda's `p_sim`); null when no permutations were
   * asked.
   */
  readonly pPermutation: number | null;
  /** Number of permutations drawn (0 when none). */
  readonly permutations: number;
  /** The assumption of `variance`, `z` and `p`. */
  readonly assumption: MoranAssumption;
  /** Number of regions counted in I (regions with at least one neighbour: spdep's `adjust.n = TRUE`). */
  readonly n: number;
  /** Notes: islands, constant values. */
  readonly warnings: readonly string[];
}

/** Σ_i z_i Σ_j w_ij z_j. */
function crossProduct(W: SpatialWeights, z: Float64Array): number {
  const { offsets, indices, weights } = W;
  let s = 0;
  for (let i = 0; i < z.length; i++) {
    let l = 0;
    for (let p = offsets[i]!; p < offsets[i + 1]!; p++) l += weights[p]! * z[indices[p]!]!;
    s += z[i]! * l;
  }
  return s;
}

/**
 * The validation issues of `permutations` (an integer ≥ 0, default 0) and `seed` (default 1), shared by the
 * spatial statistics.
 * @internal
 */
export function permutationIssues(
  o: { readonly permutations?: number; readonly seed?: number },
): { permutations: number; seed: number; issues: ValidationIssue[] } {
  const permutations = o.permutations ?? 0, seed = o.seed ?? 1;
  const issues: ValidationIssue[] = [];
  if (!Number.isInteger(permutations) || permutations < 0) {
    issues.push({
      column: "permutations",
      expected: "an integer ≥ 0",
      received: describeValue(permutations),
    });
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    issues.push({ column: "seed", expected: "an integer in [0, 4294967295]", received: describeValue(seed) });
  }
  return { permutations, seed, issues };
}

function checkOptions(options: MoranIOptions, fn: string): { permutations: number; seed: number } {
  const { permutations, seed, issues } = permutationIssues(options);
  if (issues.length > 0) throw new ValidationError(`options of ${fn}`, issues);
  return { permutations, seed };
}

/**
 * Deviations from the mean, checked: at least 3 regions with neighbours (the moments divide by n − 2) and
 * values that are not all equal.
 * @internal
 */
export function deviations(x: Float64Array, fn: string): Float64Array {
  const mean = x.reduce((a, b) => a + b, 0) / x.length;
  const z = x.map((v) => v - mean);
  if (z.every((v) => v === 0)) {
    throw new ValidationError(`values of ${fn}`, [{
      column: "value",
      expected: "values that are not all equal (Moran's I divides by their variance)",
      received: `every value is ${describeValue(x[0])}`,
    }]);
  }
  return z;
}

/**
 * Var[I] under normality or randomisation (Cliff & Ord 1981, eq. 2.36 and 2.37; spdep's `moran.test`): n is
 * the number of regions with neighbours, the kurtosis K is taken over all regions (as spdep does).
 */
function moranVariance(
  W: SpatialWeights,
  n: number,
  z: Float64Array,
  assumption: MoranAssumption,
): number {
  const { S0, S1, S2 } = W;
  const E = -1 / (n - 1);
  if (assumption === "normality") {
    return (n * n * S1 - n * S2 + 3 * S0 * S0) / (S0 * S0 * (n * n - 1)) - E * E;
  }
  let m2 = 0, m4 = 0;
  for (const v of z) {
    m2 += v * v;
    m4 += v * v * v * v;
  }
  const K = (z.length * m4) / (m2 * m2); // over every region, islands included (as spdep's moran())
  const num = n * ((n * n - 3 * n + 3) * S1 - n * S2 + 3 * S0 * S0) -
    K * ((n * n - n) * S1 - 2 * n * S2 + 6 * S0 * S0);
  return num / ((n - 1) * (n - 2) * (n - 3) * S0 * S0) - E * E;
}

/**
 * PySAL's folded pseudo p-value (M + 1)/(R + 1), M = min(larger, R − larger), from the number `larger` of
 * the R permuted statistics that are ≥ the observed one (esda `Moran.p_sim`).
 * @internal
 */
export function foldedPseudoP(larger: number, permutations: number): number {
  const m = Math.min(larger, permutations - larger);
  return (m + 1) / (permutations + 1);
}

function permutationP(
  W: SpatialWeights,
  z: Float64Array,
  I: number,
  scale: number,
  permutations: number,
  seed: number,
): number {
  const rng = new Random(seed);
  const zp = Float64Array.from(z);
  let larger = 0;
  for (let r = 0; r < permutations; r++) {
    rng.shuffle(zp);
    if (scale * crossProduct(W, zp) >= I) larger++;
  }
  return foldedPseudoP(larger, permutations);
}

/**
 * Global Moran's I (Moran 1950; Cliff & Ord 1981):
 * I = (n / S0) · Σ_ij w_ij z_i z_j / Σ_i z_i², z_i = x_i − x̄, S0 = Σ_ij w_ij, with E[I] = −1/(n − 1) and
 * Var[I] under `assumption` (randomisation by default, as spdep's `moran.test`; formulas in Cliff & Ord 1981,
 * eq. 2.36–2.37, with the kurtosis K = n Σz⁴ / (Σz²)²). `p` is two-sided from z = (I − E[I]) / √Var[I].
 * With `permutations` R > 0 the values are shuffled R times over the regions (seeded, `new Random(seed)`)
 * and `pPermutation` is PySAL's pseudo p-value. Regions without neighbours stay in the mean and the sums of
 * squares but not in n (spdep's default `adjust.n = TRUE`); a warning says so.
 *
 * @param values region id → value, or a table with `region` and `value` columns (options name them)
 * @param W spatial weights whose regions are exactly the regions of `values`
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { moranI, spatialWeights } from "clusterlab";
 * // Four regions on a line, a–b–c–d, binary weights: z = (−1.5, −0.5, 0.5, 1.5), Σz² = 5,
 * // Σ w_ij z_i z_j = 2·(0.75 − 0.25 + 0.75) = 2.5, S0 = 6, so I = (4/6)·2.5/5 = 1/3.
 * const W = spatialWeights({ a: ["b"], b: ["a", "c"], c: ["b", "d"], d: ["c"] }, { style: "B" });
 * const m = moranI({ a: 1, b: 2, c: 3, d: 4 }, W);
 * assert.ok(Math.abs(m.I - 1 / 3) < 1e-12);
 * assert.ok(Math.abs(m.expected + 1 / 3) < 1e-12);
 * ```
 */
export function moranI(values: SpatialValues, W: SpatialWeights, options: MoranIOptions = {}): MoranIResult {
  const assumption = options.assumption ?? "randomisation";
  if (assumption !== "randomisation" && assumption !== "normality") {
    throw new ValidationError("options of moranI", [{
      column: "assumption",
      expected: `"randomisation" or "normality"`,
      received: describeValue(assumption),
    }]);
  }
  const { permutations, seed } = checkOptions(options, "moranI");
  const z = deviations(alignValues(values, W, options, "moranI"), "moranI");
  const n = W.n - W.islands.length;
  if (n < 4) {
    throw new ValidationError("weights of moranI", [{
      column: "W",
      expected: "at least 4 regions with neighbours (Var[I] divides by (n − 1)(n − 2)(n − 3))",
      received: `${n}`,
    }]);
  }
  const m2 = z.reduce((a, v) => a + v * v, 0);
  const scale = n / (W.S0 * m2);
  const I = scale * crossProduct(W, z);
  const expected = -1 / (n - 1);
  const variance = moranVariance(W, n, z, assumption);
  const zScore = (I - expected) / Math.sqrt(variance);
  const warnings = W.warnings.filter((w) => w.includes("no neighbour")); // asymmetry does not bias I
  if (W.islands.length > 0) {
    warnings.push(
      `n = ${n}: the ${W.islands.length} region(s) without neighbours count in the mean and variance of the ` +
        `values but not in n (spdep's adjust.n = TRUE)`,
    );
  }
  return finiteResult("moranI", {
    I,
    expected,
    variance,
    z: zScore,
    p: normalTwoSided(zScore),
    pPermutation: permutations > 0 ? permutationP(W, z, I, scale, permutations, seed) : null,
    permutations,
    assumption,
    n,
    warnings,
  });
}
