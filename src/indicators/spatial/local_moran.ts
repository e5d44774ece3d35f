/**
 * Local Moran's I 局部莫兰指数 (LISA, Anselin 1995): for each region, is it surrounded by similar values (a
 * hot or cold spot) or by dissimilar ones (a spatial outlier)?
 * @module
 */
import * as aq from "../../deps/arquero.ts";
import type { ColumnTable } from "../../deps/arquero.ts";
import type { Bilingual } from "../../core/i18n.ts";
import { Random } from "../../core/random.ts";
import { normalTwoSided } from "../../core/normal.ts";
import { describeValue, ValidationError } from "../../core/validation_error.ts";
import { listLabels } from "../../core/checks.ts";
import { alignValues, type SpatialValueColumns, type SpatialValues } from "./spatial_values.ts";
import { deviations, foldedPseudoP, permutationIssues } from "./moran.ts";
import { describeWeights, type SpatialWeights } from "./weights.ts";
import { finiteResult } from "../finite_result.ts";

/** LISA quadrant of a region: its value (first letter) and its neighbours' (second), High or Low. */
export type LisaQuadrant = "HH" | "LH" | "LL" | "HL";

/** The quadrants, in the order of the Moran scatterplot (I, II, III, IV). */
export const LISA_QUADRANTS: readonly LisaQuadrant[] = ["HH", "LH", "LL", "HL"];

/** Options of {@link localMoran}. */
export interface LocalMoranOptions extends SpatialValueColumns {
  /** Conditional permutations per region for pseudo p-values (default 0: analytic p only); e.g. 999. */
  readonly permutations?: number;
  /** Seed of the permutations (default 1). */
  readonly seed?: number;
  /** Significance level of the `significant` flag (default 0.05). */
  readonly level?: number;
  /**
   * Moments under conditional randomisation (default true, spdep ≥ 1.2's `localmoran(conditional = TRUE)`,
   * Sokal, Oden & Thomson 1998) or total randomisation (false: Anselin 1995, eq. 13–14).
   */
  readonly conditional?: boolean;
}

/** Result of {@link localMoran}. */
export interface LocalMoranResult {
  /**
   * One row per region (order of the weights): `id`, `value`, `lag` (spatial lag of the deviations z),
   * `Ii`, `expected`, `variance`, `z`, `p` (two-sided, analytic), `p_permutation` (only with permutations),
   * `quadrant` (HH, LH, LL, HL), `significant` (p < `level`) and `cluster` (the quadrant when significant,
   * else "not significant").
   */
  readonly table: ColumnTable;
  /** Significance level of `significant`. */
  readonly level: number;
  /** Permutations per region (0 when none). */
  readonly permutations: number;
  /** Which p-value `significant` uses: the permutation pseudo p when permutations were drawn, else `p`. */
  readonly pValue: "analytic" | "permutation";
  /** How the weights were built and their style, en/zh ("k = 4 nearest neighbours, row-standardised (W)"). */
  readonly weights: Bilingual;
  /** Notes: islands, regions without a z-score. */
  readonly warnings: readonly string[];
}

function checkOptions(o: LocalMoranOptions): { permutations: number; seed: number; level: number } {
  const { permutations, seed, issues } = permutationIssues(o);
  const level = o.level ?? 0.05;
  if (typeof level !== "number" || !(level > 0 && level < 1)) {
    issues.push({ column: "level", expected: "a number in (0, 1)", received: describeValue(level) });
  }
  if (o.conditional !== undefined && typeof o.conditional !== "boolean") {
    issues.push({ column: "conditional", expected: "true or false", received: describeValue(o.conditional) });
  }
  if (issues.length > 0) throw new ValidationError("options of localMoran", issues);
  return { permutations, seed, level };
}

/** Analytic moments of I_i (spdep 1.2 `localmoran`, mlvar = TRUE: m2 = Σz²/n). */
function moments(W: SpatialWeights, z: Float64Array, conditional: boolean) {
  const n = z.length;
  let m2 = 0, m4 = 0;
  for (const v of z) {
    m2 += v * v;
    m4 += v ** 4;
  }
  m2 /= n;
  const b2 = m4 / n / (m2 * m2);
  const lag = W.lag(z);
  const Ii = new Float64Array(n), E = new Float64Array(n), V = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let wi = 0, wi2 = 0;
    for (let p = W.offsets[i]!; p < W.offsets[i + 1]!; p++) {
      wi += W.weights[p]!;
      wi2 += W.weights[p]! ** 2;
    }
    const zi = z[i]!;
    Ii[i] = (zi / m2) * lag[i]!;
    if (conditional) {
      E[i] = -(zi * zi * wi) / ((n - 1) * m2);
      V[i] = (zi / m2) ** 2 * (n / (n - 2)) * (wi2 - (wi * wi) / (n - 1)) * (m2 - (zi * zi) / (n - 1));
    } else {
      E[i] = -wi / (n - 1);
      const A = (n - b2) / (n - 1), B = (2 * b2 - n) / ((n - 1) * (n - 2));
      V[i] = A * wi2 + B * (wi * wi - wi2) - E[i]! ** 2;
    }
  }
  return { Ii, E, V, lag, m2 };
}

/**
 * Conditional permutation pseudo p-values (Anselin 1995): region i keeps its value, its k_i neighbours'
 * values are drawn without replacement from the other n − 1 regions, R times.
 */
function permutationP(
  W: SpatialWeights,
  z: Float64Array,
  Ii: Float64Array,
  m2: number,
  permutations: number,
  seed: number,
): Float64Array {
  const n = z.length, rng = new Random(seed), out = new Float64Array(n);
  // idx holds the other regions in its first n − 1 places; pos is its inverse (pos[idx[t]] = t).
  const idx = Int32Array.from({ length: n }, (_, i) => i), pos = Int32Array.from(idx);
  const swap = (s: number, t: number) => {
    const u = idx[s]!, v = idx[t]!;
    idx[s] = v;
    idx[t] = u;
    pos[v] = s;
    pos[u] = t;
  };
  for (let i = 0; i < n; i++) {
    const a = W.offsets[i]!, k = W.offsets[i + 1]! - a;
    swap(pos[i]!, n - 1); // region i out of the draw
    let larger = 0;
    for (let r = 0; r < permutations; r++) {
      let lag = 0;
      for (let t = 0; t < k; t++) { // partial Fisher–Yates: k distinct regions of the n − 1 others
        swap(t, t + Math.floor(rng.next() * (n - 1 - t)));
        lag += W.weights[a + t]! * z[idx[t]!]!;
      }
      if ((z[i]! / m2) * lag >= Ii[i]!) larger++;
    }
    out[i] = foldedPseudoP(larger, permutations);
  }
  return out;
}

function quadrantOf(z: number, lag: number): LisaQuadrant {
  return z > 0 ? (lag > 0 ? "HH" : "HL") : (lag > 0 ? "LH" : "LL");
}

/**
 * Local Moran's I (Anselin 1995) for every region: I_i = (z_i / m2) · Σ_j w_ij z_j with z_i = x_i − x̄ and
 * m2 = Σ z²/n, its expectation and variance (conditional randomisation by default, as spdep 1.2's
 * `localmoran`; `conditional: false` gives Anselin's total randomisation), the two-sided analytic p, and with
 * `permutations` a conditional-permutation pseudo p (PySAL's `p_sim`, seeded). `quadrant` places the region
 * on the Moran scatterplot from the sign of z_i and of its spatial lag (HH hot spot, LL cold spot, HL and LH
 * spatial outliers; z = 0 counts as Low, as spdep's "pysal" quadrants). `significant` compares the
 * permutation p (when drawn, as GeoDa and PySAL do for LISA maps; design choice) or else the analytic p with
 * `level`. Draw the cluster map with `regionMap(result, { geometry })`.
 *
 * No multiple-testing correction is applied: with n tests at level α about α·n regions are flagged by
 * chance (Anselin 1995, §4); choose a smaller `level` (e.g. α/n, Bonferroni) if that matters.
 *
 * @param values region id → value, or a table with `region` and `value` columns
 * @param W spatial weights whose regions are exactly the regions of `values`
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { localMoran, spatialWeights } from "clusterlab";
 * const W = spatialWeights({ a: ["b"], b: ["a", "c"], c: ["b", "d"], d: ["c"] });
 * const { table } = localMoran({ a: 1, b: 2, c: 3, d: 4 }, W);
 * // z = (−1.5, −0.5, 0.5, 1.5), m2 = 1.25; region a: lag = z_b = −0.5, I_a = (−1.5/1.25)·(−0.5) = 0.6
 * assert.ok(Math.abs(table.get("Ii", 0) - 0.6) < 1e-12);
 * assert.deepEqual(table.array("quadrant"), ["LL", "LL", "HH", "HH"]);
 * ```
 */
export function localMoran(
  values: SpatialValues,
  W: SpatialWeights,
  options: LocalMoranOptions = {},
): LocalMoranResult {
  const { permutations, seed, level } = checkOptions(options);
  const x = alignValues(values, W, options, "localMoran");
  const z = deviations(x, "localMoran");
  if (W.n < 3) {
    throw new ValidationError("weights of localMoran", [{
      column: "W",
      expected: "at least 3 regions (the variance divides by n − 2)",
      received: `${W.n}`,
    }]);
  }
  const { Ii, E, V, lag, m2 } = moments(W, z, options.conditional ?? true);
  const pPerm = permutations > 0 ? permutationP(W, z, Ii, m2, permutations, seed) : undefined;
  const n = W.n, zs: (number | null)[] = [], ps: (number | null)[] = [];
  const undefinedZ: string[] = [];
  for (let i = 0; i < n; i++) {
    if (V[i]! > 0) {
      zs.push((Ii[i]! - E[i]!) / Math.sqrt(V[i]!));
      ps.push(normalTwoSided(zs[i]!));
    } else {
      zs.push(null);
      ps.push(null);
      undefinedZ.push(W.ids[i]!);
    }
  }
  const quadrant = Array.from({ length: n }, (_, i) => quadrantOf(z[i]!, lag[i]!));
  const pUsed = (i: number) => (pPerm ? pPerm[i]! : ps[i]);
  const significant = Array.from({ length: n }, (_, i) => {
    const p = pUsed(i);
    return W.offsets[i + 1]! > W.offsets[i]! && p !== null && p < level;
  });
  const warnings = W.warnings.filter((w) => w.includes("no neighbour"));
  if (undefinedZ.length > 0) {
    warnings.push(
      `${undefinedZ.length} region(s) have Var[I_i] = 0 (no neighbour, or a value equal to the mean), so z ` +
        `and p are empty and they are not significant: ${listLabels(undefinedZ)}`,
    );
  }
  const table = aq.table({
    id: W.ids,
    value: Array.from(x),
    lag: Array.from(lag),
    Ii: Array.from(Ii),
    expected: Array.from(E),
    variance: Array.from(V),
    z: zs,
    p: ps,
    ...(pPerm ? { p_permutation: Array.from(pPerm) } : {}),
    quadrant,
    significant,
    cluster: quadrant.map((q, i) => (significant[i] ? q : "not significant")),
  });
  return finiteResult("localMoran", {
    table,
    level,
    permutations,
    pValue: pPerm ? "permutation" : "analytic",
    weights: { en: describeWeights(W, "en"), zh: describeWeights(W, "zh") },
    warnings,
  });
}
