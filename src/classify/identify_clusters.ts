/**
 * Is it an innovation cluster? Scores every region × sector (or region × cluster category) on the two
 * dimensions of the source text — geographic space and technological-economic space — plus knowledge
 * production and external interaction. The source text defines an innovation cluster as innovative
 * organisations concentrated in geographic space or agglomerated in technological-economic space, with mass
 * production of new knowledge and effective interaction with the outside, and warns that analysing one
 * dimension only misleads. 创新集群识别：地理空间与技术经济空间两个维度。
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { identifyClusters, matrixFrom } from "clusterlab";
 * const x = matrixFrom([[50, 5, 5], [5, 50, 5], [5, 5, 50], [20, 20, 20]], {
 *   rows: ["R1", "R2", "R3", "R4"], cols: ["A", "B", "C"],
 * });
 * const r = identifyClusters(x);
 * assert.equal(r.table.numRows(), 12); // one row per region × sector
 * // R1 in A: the largest employment, LQ 50/60 ÷ 80/240 = 2.5 and the largest share: all three ECO stars
 * assert.equal(r.table.get("eco_stars", 0), 3);
 * assert.ok(r.warnings.some((w) => w.startsWith("no establishments given")));
 * ```
 * @module
 */
import * as aq from "../deps/arquero.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import { quantileSorted } from "../deps/d3_array.ts";
import { type TableInput, toTable } from "../data/adapters.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../core/validation_error.ts";
import type { Bilingual, Lang } from "../core/i18n.ts";
import { type PerLabel, resolvePerLabel } from "../indicators/concentration_input.ts";
import { portfolioMean } from "../indicators/coherence.ts";
import { asMatrix, readingWarnings } from "../indicators/input.ts";
import type { MatrixInput, MatrixInputOptions } from "../indicators/matrix.ts";
import { locationQuotient } from "../indicators/location_quotient.ts";
import { Matrix } from "../indicators/matrix.ts";
import { presence } from "../indicators/presence.ts";
import { proximity } from "../indicators/proximity.ts";
import { relatednessDensity } from "../indicators/relatedness_density.ts";
import { finiteResult } from "../indicators/finite_result.ts";
import { communities } from "../indicators/network/communities.ts";
import { renamedOptions } from "../core/deprecated.ts";

/**
 * The outcomes of {@link identifyClusters} ({@link clusterLabelKey} gives the rule). The first four are the
 * readings of the source text's definition (an innovation cluster; a geographic agglomeration without
 * knowledge production; a technological community without geographic concentration; not a cluster);
 * `geographic_without_technology` and `geographic_without_external` extend them so that every combination of
 * the criteria gets a label that is true for it (design choice).
 */
export type ClusterLabelKey =
  | "innovation_cluster"
  | "geographic_agglomeration"
  | "geographic_without_technology"
  | "geographic_without_external"
  | "technological_community"
  | "not_cluster";

/** Bilingual labels of the outcomes (each names what the cell lacks; see {@link clusterLabelKey}). */
export const CLUSTER_LABELS: Readonly<Record<ClusterLabelKey, Bilingual>> = {
  innovation_cluster: { en: "Innovation cluster", zh: "创新集群" },
  geographic_agglomeration: {
    en: "Geographic agglomeration without knowledge production",
    zh: "缺乏知识生产的地理集聚",
  },
  geographic_without_technology: {
    en: "Geographic agglomeration without technological relatedness",
    zh: "地理集聚但缺乏技术关联",
  },
  geographic_without_external: {
    en: "Geographic agglomeration without external interaction",
    zh: "地理集聚但缺乏对外互动",
  },
  technological_community: {
    en: "Technological community without geographic concentration",
    zh: "缺乏地理集中的技术共同体",
  },
  not_cluster: { en: "Not a cluster", zh: "非集群" },
};

/** The label keys in the order of {@link clusterLabelKey}'s rule (for tables and legends). */
export const CLUSTER_LABEL_ORDER: readonly ClusterLabelKey[] = [
  "innovation_cluster",
  "geographic_agglomeration",
  "geographic_without_technology",
  "geographic_without_external",
  "technological_community",
  "not_cluster",
];

/** Whether each criterion of {@link identifyClusters} is met (an unmeasured one already resolved). */
export interface ClusterCriteria {
  /** Concentration in geographic space (ECO stars and/or the US Cluster Mapping level). */
  readonly geographic: boolean;
  /** Concentration in technological-economic space (relatedness density and community LQ). */
  readonly technological: boolean;
  /** Production of new knowledge (knowledge LQ or region-level knowledge index). */
  readonly knowledge: boolean;
  /** Effective interaction with the outside (share of ties to other regions). */
  readonly external: boolean;
}

/**
 * The label of a region × sector from its four criteria: the decision rule of {@link identifyClusters}.
 * The source text defines an innovation cluster by new-knowledge production as its essential feature,
 * concentration in geographic *and* technological-economic space (both dimensions) and effective
 * interaction with the outside. The four labels that definition gives do not cover every combination
 * (a geographic concentration that produces knowledge but is unrelated in technology space is not "without
 * knowledge production"), so two labels extend them to make the rule exhaustive, and the rule is ordered so
 * that every label is true of the cell it is given to (design choice). A geographic concentration that misses
 * several criteria is named after the first missing one in the order knowledge production (the essential
 * feature), technological relatedness (the second dimension), external interaction; the `failed` column of
 * {@link identifyClusters} lists all of them.
 *
 * Truth table (G geographic, T technological, K knowledge production, E external interaction; 1 met, 0 not,
 * · either):
 *
 * | G | T | K | E | label key                       | what the label asserts |
 * |---|---|---|---|---------------------------------|------------------------|
 * | 1 | 1 | 1 | 1 | `innovation_cluster`            | G, T, K, E             |
 * | 1 | · | 0 | · | `geographic_agglomeration`      | G, not K (4 rows)      |
 * | 1 | 0 | 1 | · | `geographic_without_technology` | G, not T (2 rows)      |
 * | 1 | 1 | 1 | 0 | `geographic_without_external`   | G, not E               |
 * | 0 | 1 | · | · | `technological_community`       | T, not G (4 rows)      |
 * | 0 | 0 | · | · | `not_cluster`                   | neither G nor T (4 rows) |
 *
 * The 16 combinations are covered once each. In {@link identifyClusters} an unmeasured criterion counts as
 * met with `unmeasured: "skip"` and as not met with "fail" (then "without knowledge production" reads
 * "without measured knowledge production"); the `unmeasured` column says which.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { clusterLabelKey } from "clusterlab";
 * const c = { geographic: true, technological: false, knowledge: true, external: true };
 * assert.equal(clusterLabelKey(c), "geographic_without_technology");
 * assert.equal(clusterLabelKey({ ...c, technological: true }), "innovation_cluster");
 * assert.equal(clusterLabelKey({ ...c, geographic: false }), "not_cluster");
 * ```
 */
export function clusterLabelKey(criteria: ClusterCriteria): ClusterLabelKey {
  const issues: ValidationIssue[] = [];
  for (const k of ["geographic", "technological", "knowledge", "external"] as const) {
    const v = (criteria as unknown as Record<string, unknown> | null)?.[k];
    if (typeof v !== "boolean") {
      issues.push({ column: k, expected: "true or false", received: describeValue(v) });
    }
  }
  if (issues.length) throw new ValidationError("criteria of clusterLabelKey", issues);
  return labelKeyOf(criteria.geographic, criteria.technological, criteria.knowledge, criteria.external);
}

/** The rule of {@link clusterLabelKey} without input checks (the per-cell loop of identifyClusters). */
function labelKeyOf(g: boolean, t: boolean, k: boolean, e: boolean): ClusterLabelKey {
  if (!g) return t ? "technological_community" : "not_cluster";
  if (!k) return "geographic_agglomeration";
  if (!t) return "geographic_without_technology";
  return e ? "innovation_cluster" : "geographic_without_external";
}

/**
 * The four US Cluster Mapping levels of a region × cluster category, from the strictest; see
 * {@link identifyClusters} for the rules (US Cluster Mapping Project, clustermapping/cmp,
 * data/processing/cluster_calcs_reducer.js).
 */
export type UsClusterLevel = "strong10" | "strong" | "significant" | "qualifying";

/** The key of the `us_level` column of {@link identifyClusters}: the strictest level met, or "none". */
export type UsLevelKey = UsClusterLevel | "none";

/** The US Cluster Mapping levels from the strictest to the loosest (the order `us_level` checks them in). */
export const US_CLUSTER_LEVEL_ORDER: readonly UsClusterLevel[] = [
  "strong10",
  "strong",
  "significant",
  "qualifying",
];

/** Bilingual labels of the US Cluster Mapping levels (the `us_level_label` column). */
export const US_CLUSTER_LEVELS: Readonly<Record<UsLevelKey, Bilingual>> = {
  strong10: { en: "Strong cluster (top 10% LQ)", zh: "强集群（区位商前 10%）" },
  strong: { en: "Strong cluster", zh: "强集群" },
  significant: { en: "Significant cluster", zh: "显著集群" },
  qualifying: { en: "Qualifying cluster", zh: "合格集群" },
  none: { en: "No US cluster level", zh: "未达美国集群等级" },
};

/** The criteria of {@link identifyClusters}, bilingual (used in the `failed` and `unmeasured` columns). */
export const CLUSTER_CRITERIA: Readonly<
  Record<"geographic" | "technological" | "knowledge" | "external", Bilingual>
> = {
  geographic: { en: "geographic concentration", zh: "地理集中" },
  technological: { en: "technological relatedness", zh: "技术关联" },
  knowledge: { en: "knowledge production", zh: "知识生产" },
  external: { en: "external interaction", zh: "对外互动" },
};

/** Thresholds of {@link identifyClusters} (every one is a parameter; defaults in {@link CLUSTER_THRESHOLDS}). */
export interface ClusterThresholds {
  /** ECO size star: employment among the top `ecoSizeTop` share of regions in the category (0.1). */
  readonly ecoSizeTop: number;
  /** ECO specialisation star: LQ ≥ this (2). */
  readonly ecoSpecialisationLQ: number;
  /** ECO focus star: the category's share of the region's employment among the top `ecoFocusTop` (0.1). */
  readonly ecoFocusTop: number;
  /** Stars needed for ECO geographic concentration (2; design choice). */
  readonly ecoMinStars: number;
  /** US Cluster Mapping *strong*: LQ ≥ this quantile of LQ over regions with employment > 0 (0.75). */
  readonly usLQQuantile: number;
  /** US Cluster Mapping *strong10*: LQ ≥ this quantile of LQ over regions with employment > 0 (0.9). */
  readonly usStrong10LQQuantile: number;
  /** US Cluster Mapping *significant*: LQ > this quantile of LQ over regions with employment > 0 (0.5). */
  readonly usSignificantLQQuantile: number;
  /** US Cluster Mapping *qualifying*: LQ > this quantile of LQ over regions with employment > 0 (0.25). */
  readonly usQualifyingLQQuantile: number;
  /** US Cluster Mapping, every level: employment > this quantile over regions with employment > 0 (0.25). */
  readonly usEmploymentQuantile: number;
  /**
   * US Cluster Mapping, every level: establishments > this quantile over regions with employment > 0 (0.25).
   */
  readonly usEstablishmentsQuantile: number;
  /** US Cluster Mapping *strong* and *strong10*: LQ ≥ this as well (1). */
  readonly usMinLQ: number;
  /**
   * The US level that counts as geographic concentration: that level or a stricter one
   * (`US_CLUSTER_LEVEL_ORDER`) must be met ("strong"; design choice).
   */
  readonly usGeographicLevel: UsClusterLevel;
  /** How the two geographic rules combine: "either" (default), "both", "eco" or "us" (design choice). */
  readonly geographicRule: "either" | "both" | "eco" | "us";
  /** Relatedness density must reach this quantile of the sector's RD over regions (0.5; design choice). */
  readonly rdQuantile: number;
  /** The region must have LQ ≥ this in the sector's proximity community (1; design choice). */
  readonly communityLQ: number;
  /**
   * Proximity edges kept in the network: φ > this (0.5; design choice — Hidalgo et al. 2007 draw the product
   * space with φ ≥ 0.55 plus a spanning tree; with every φ > 0 the network is too dense for communities).
   */
  readonly proximityMin: number;
  /** Louvain resolution (1). */
  readonly resolution: number;
  /** Knowledge production: knowledge LQ ≥ this when a knowledge matrix is given (1; design choice). */
  readonly knowledgeLQ: number;
  /** Knowledge production: region index ≥ this when `knowledgeIndex` is given (1; design choice). */
  readonly knowledgeIndexMin: number;
  /** External interaction: share of the region's tie weight that leaves the region ≥ this (0.25; design choice). */
  readonly externalShare: number;
}

/** Default thresholds (literature values for ECO and US rules; the rest are documented design choices). */
export const CLUSTER_THRESHOLDS: ClusterThresholds = {
  ecoSizeTop: 0.1,
  ecoSpecialisationLQ: 2,
  ecoFocusTop: 0.1,
  ecoMinStars: 2,
  usLQQuantile: 0.75,
  usStrong10LQQuantile: 0.9,
  usSignificantLQQuantile: 0.5,
  usQualifyingLQQuantile: 0.25,
  usEmploymentQuantile: 0.25,
  usEstablishmentsQuantile: 0.25,
  usMinLQ: 1,
  usGeographicLevel: "strong",
  geographicRule: "either",
  rdQuantile: 0.5,
  communityLQ: 1,
  proximityMin: 0.5,
  resolution: 1,
  knowledgeLQ: 1,
  knowledgeIndexMin: 1,
  externalShare: 0.25,
};

/** Options of {@link identifyClusters}. */
export interface IdentifyClustersOptions extends MatrixInputOptions {
  /** Establishments per region × sector (same labels), for the US Cluster Mapping establishment criterion. */
  readonly establishments?: MatrixInput;
  /** Knowledge output per region × sector (patents, new products): per worker and knowledge LQ. */
  readonly knowledge?: MatrixInput;
  /**
   * A region-level knowledge indicator (e.g. an R&D-employment LQ when no patents exist), compared with
   * `knowledgeIndexMin`. Used when `knowledge` is not given.
   */
  readonly knowledgeIndex?: PerLabel;
  /** Collaboration ties between regions (one row per tie, as the `TIES` schema); ends outside the matrix
   * count as external. */
  readonly ties?: TableInput;
  /** Column of `ties` with the region of one end (default "source"). */
  readonly source?: string;
  /** Column of `ties` with the region of the other end (default "target"). */
  readonly target?: string;
  /** Column of `ties` with the tie weights (default "weight"; without such a column every tie weighs 1). */
  readonly weight?: string;
  /** @deprecated Use the options `source`, `target`, `weight`: the 0.1 form of the same column names. */
  readonly tieColumns?: TieColumns;
  /** A precomputed sector × sector relatedness φ (default: `proximity` of the employment presence matrix). */
  readonly proximity?: Matrix;
  /** Threshold overrides. */
  readonly thresholds?: Partial<ClusterThresholds>;
  /** What an unmeasured criterion (no knowledge or tie data) counts as: "skip" (default) or "fail". */
  readonly unmeasured?: "skip" | "fail";
  /** Seed of the Louvain community detection (default 42). */
  readonly seed?: number;
  /** Language of the `label`, `failed` and `unmeasured` columns (default "en"). */
  readonly lang?: Lang;
}

/** The result of {@link identifyClusters}. */
export interface ClusterResult {
  /** One row per region × sector: every measured value, threshold, criterion and label (see
   * {@link identifyClusters}). */
  readonly table: ColumnTable;
  /** What was found in the input that the caller should know (unmeasured criteria, inactive sectors, …). */
  readonly warnings: readonly string[];
  /** The thresholds used. */
  readonly thresholds: ClusterThresholds;
  /** Community id of each sector in the proximity network (Louvain, seeded). */
  readonly communities: ReadonlyMap<string, number>;
  /** Modularity of the community partition. */
  readonly modularity: number;
}

function checkThresholds(t: ClusterThresholds): void {
  const issues: ValidationIssue[] = [];
  const unit = [
    "ecoSizeTop",
    "ecoFocusTop",
    "usLQQuantile",
    "usStrong10LQQuantile",
    "usSignificantLQQuantile",
    "usQualifyingLQQuantile",
    "usEmploymentQuantile",
    "usEstablishmentsQuantile",
    "rdQuantile",
  ] as const;
  for (const k of unit) {
    const v = t[k];
    if (!(typeof v === "number" && v >= 0 && v <= 1)) {
      issues.push({ column: `thresholds.${k}`, expected: "a number in [0, 1]", received: describeValue(v) });
    }
  }
  const nonneg = [
    "ecoSpecialisationLQ",
    "usMinLQ",
    "communityLQ",
    "proximityMin",
    "knowledgeLQ",
    "externalShare",
  ] as const;
  for (const k of nonneg) {
    const v = t[k];
    if (!(typeof v === "number" && Number.isFinite(v) && v >= 0)) {
      issues.push({ column: `thresholds.${k}`, expected: "a finite number ≥ 0", received: describeValue(v) });
    }
  }
  if (!(typeof t.knowledgeIndexMin === "number" && Number.isFinite(t.knowledgeIndexMin))) {
    issues.push({
      column: "thresholds.knowledgeIndexMin",
      expected: "a finite number",
      received: describeValue(t.knowledgeIndexMin),
    });
  }
  if (!(typeof t.resolution === "number" && Number.isFinite(t.resolution) && t.resolution > 0)) {
    issues.push({
      column: "thresholds.resolution",
      expected: "a finite number > 0",
      received: describeValue(t.resolution),
    });
  }
  if (![0, 1, 2, 3].includes(t.ecoMinStars)) {
    issues.push({
      column: "thresholds.ecoMinStars",
      expected: "0, 1, 2 or 3",
      received: describeValue(t.ecoMinStars),
    });
  }
  if (!US_CLUSTER_LEVEL_ORDER.includes(t.usGeographicLevel)) {
    issues.push({
      column: "thresholds.usGeographicLevel",
      expected: '"strong10", "strong", "significant" or "qualifying"',
      received: describeValue(t.usGeographicLevel),
    });
  }
  if (!["either", "both", "eco", "us"].includes(t.geographicRule)) {
    issues.push({
      column: "thresholds.geographicRule",
      expected: '"either", "both", "eco" or "us"',
      received: describeValue(t.geographicRule),
    });
  }
  if (issues.length) throw new ValidationError("options of identifyClusters", issues);
}

/** An optional matrix input read into a {@link Matrix}; the warnings of reading a long table go to `warnings`. */
function read(input: MatrixInput, options: MatrixInputOptions, what: string, warnings: string[]): Matrix {
  const m = asMatrix(input, options);
  for (const w of readingWarnings(input, m)) warnings.push(`${what}: ${w}`);
  return m;
}

/** Re-index `m` to the given labels (every label must exist); names missing ones. */
function align(m: Matrix, rows: readonly string[], cols: readonly string[], parameter: string): Matrix {
  const issues: ValidationIssue[] = [];
  const ri = new Map(m.rows.map((l, i) => [l, i])), ci = new Map(m.cols.map((l, j) => [l, j]));
  rows.forEach((r, i) => {
    if (!ri.has(r)) {
      issues.push({ row: i + 1, column: parameter, expected: `a row for region "${r}"`, received: "none" });
    }
  });
  cols.forEach((c, j) => {
    if (!ci.has(c)) {
      issues.push({
        row: j + 1,
        column: parameter,
        expected: `a column for sector "${c}"`,
        received: "none",
      });
    }
  });
  if (issues.length) throw new ValidationError("options of identifyClusters", issues);
  const out = new Float64Array(rows.length * cols.length);
  for (let i = 0; i < rows.length; i++) {
    const si = ri.get(rows[i]!)!;
    for (let j = 0; j < cols.length; j++) out[i * cols.length + j] = m.data[si * m.ncol + ci.get(cols[j]!)!]!;
  }
  for (let k = 0; k < out.length; k++) {
    const v = out[k]!;
    if (!(v >= 0) || v === Infinity) {
      issues.push({
        row: Math.floor(k / cols.length) + 1,
        column: cols[k % cols.length]!,
        expected: "a finite count ≥ 0",
        received: describeValue(v),
        message: `${parameter}, region "${rows[Math.floor(k / cols.length)]}"`,
      });
    }
  }
  if (issues.length) throw new ValidationError("options of identifyClusters", issues);
  return new Matrix(rows, cols, out);
}

/** Quantile (linear interpolation, as d3.quantile / R type 7) of `values`; NaN when there are none. */
function quantileOf(values: Float64Array, p: number): number {
  if (values.length === 0) return NaN;
  const s = Float64Array.from(values).sort();
  return quantileSorted(s, p) as number;
}

/**
 * Louvain communities of the φ network (edges φ > min, weight the symmetrised φ), through the public
 * {@link communities} (seeded; renumbered 1, 2, … in order of first sector).
 */
function communitiesOf(
  phi: Matrix,
  min: number,
  resolution: number,
  seed: number,
): { ids: Int32Array; count: number; modularity: number; edges: number } {
  const n = phi.nrow;
  const source: string[] = [], target: string[] = [], weight: number[] = [];
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const w = (phi.data[a * n + b]! + phi.data[b * n + a]!) / 2;
      if (w > min) {
        source.push(String(a));
        target.push(String(b));
        weight.push(w);
      }
    }
  }
  const ids = new Int32Array(n);
  if (source.length === 0) {
    for (let a = 0; a < n; a++) ids[a] = a + 1;
    return { ids, count: n, modularity: 0, edges: 0 };
  }
  const nodes = Array.from({ length: n }, (_, a) => String(a));
  const res = communities({ source, target, weight }, { seed, resolution, nodes });
  const community = res.table.array("community") as number[];
  for (let a = 0; a < n; a++) ids[a] = community[a]!;
  return { ids, count: res.count, modularity: res.modularity, edges: source.length };
}

/**
 * Identify innovation clusters in both dimensions of the source text. Input: a region × sector
 * (or region × cluster-category) matrix of employment — a {@link Matrix} or a long table with `region`,
 * `sector`, `value` columns (names configurable with `row`, `col`, `value`). Each region × sector is scored on:
 *
 * 1. **Geographic concentration.**
 *    - European Cluster Observatory stars (European Cluster Observatory 2007–2014; Ketels & Protsiv 2013):
 *      *size* — employment x_rs > 0 and ≥ the (1 − `ecoSizeTop`) quantile of the sector's employment over
 *      regions with any activity; *specialisation* — LQ_rs ≥ `ecoSpecialisationLQ` (2); *focus* — the
 *      sector's share of the region's employment x_rs/x_r· > 0 and ≥ the (1 − `ecoFocusTop`) quantile of
 *      that share over regions. `eco_stars` = 0–3.
 *    - US Cluster Mapping levels (Delgado, Porter & Stern 2014; clustermapping.us), exactly as the project's
 *      processing code defines them (US Cluster Mapping Project, clustermapping/cmp,
 *      data/processing/cluster_calcs_reducer.js). Per sector, over the regions with employment x_rs > 0
 *      (regions without employment neither enter the distributions nor meet any level), with quantiles
 *      P_p by linear interpolation (d3.quantile, R type 7), and
 *      base_rs = x_rs > P25(x) ∧ est_rs > P25(est) (both strict; the establishments quantile is taken over
 *      the same regions with x_rs > 0):
 *      - `us_qualifying`  = LQ_rs > P25(LQ) ∧ base_rs;
 *      - `us_significant` = LQ_rs > P50(LQ) ∧ base_rs;
 *      - `us_strong`      = LQ_rs ≥ P75(LQ) ∧ base_rs ∧ LQ_rs ≥ `usMinLQ` (1);
 *      - `us_strong10`    = LQ_rs ≥ P90(LQ) ∧ base_rs ∧ LQ_rs ≥ `usMinLQ` (1).
 *      Note the strict ">" for qualifying / significant and "≥" for strong / strong10. The quantile levels
 *      are parameters (`usQualifyingLQQuantile`, `usSignificantLQQuantile`, `usLQQuantile`,
 *      `usStrong10LQQuantile`, `usEmploymentQuantile`, `usEstablishmentsQuantile`); the columns
 *      `us_lq_p25`, `us_lq_p50`, `us_lq_p75`, `us_lq_p90`, `us_employment_p25`, `us_establishments_p25`
 *      hold the thresholds actually used and are named after the default levels. The levels are not always
 *      nested: with ties (P50 = P75) a region at LQ = P75 is strong but not significant, as in the source.
 *      `us_level` is the strictest level met, checked in the order strong10, strong, significant,
 *      qualifying, else "none" (`US_CLUSTER_LEVELS` gives its bilingual labels; `us_level_label` is in
 *      `lang`). The source computes this for traded clusters within one region type; here the distribution
 *      is over the rows of the input. Without `establishments` the establishments criterion is left out of
 *      every level and the `us_establishments_p25` column is absent; a warning says so.
 *    - `geographic` = (eco_stars ≥ `ecoMinStars`) OR the US level `usGeographicLevel` ("strong") or a
 *      stricter one is met, by default (`geographicRule`: "either", "both", "eco", "us"; design choice).
 * 2. **Technological-economic concentration** (Hidalgo et al. 2007; Boschma, Balland & Kogler 2015):
 *    presence M = 1[LQ ≥ 1]; proximity φ (or the `proximity` option); relatedness density RD_rs (0–100);
 *    `coherence` of a region = mean RD over the sectors it is present in (`coherence()`); Louvain communities of the
 *    proximity network (edges φ > `proximityMin`, graphology-communities-louvain with a seeded rng);
 *    `community_lq` = LQ of the region in the sector's community (employment summed over the community).
 *    `technological` = RD_rs ≥ the `rdQuantile` quantile of the sector's RD over regions AND
 *    community_lq ≥ `communityLQ` (design choice: the region is specialised in the sector's neighbourhood of
 *    the technology space, whether or not in the sector itself).
 * 3. **Knowledge production** (optional): with a `knowledge` matrix (patents, new products), per worker
 *    k_rs/x_rs and knowledge LQ = LQ of the knowledge matrix; `knowledge` = knowledge LQ ≥ `knowledgeLQ`.
 *    With a region-level `knowledgeIndex` instead: `knowledge` = index ≥ `knowledgeIndexMin`. Design choice.
 * 4. **External interaction** (optional; Bathelt, Malmberg & Maskell 2004, "local buzz and global
 *    pipelines"): with `ties` between regions (columns `source`, `target` and `weight` as in the `TIES`
 *    schema, renamed by the options of the same names; without a weight column each tie weighs 1),
 *    `external_share` = weight of the region's ties whose other end is another region / weight of all its
 *    ties (ties inside the region count once); `external` = share ≥ `externalShare`. Region level. Design
 *    choice.
 *
 * **Decision rule** (design choice; the source text defines the concept, no publication gives cut-offs):
 * {@link clusterLabelKey}, whose truth table covers every combination of the four criteria. A criterion
 * without data is *unmeasured*: with `unmeasured: "skip"` (default) it does not block a label, with "fail" it
 * counts as failed; the `unmeasured` column lists it.
 * - `innovation_cluster`: geographic ∧ technological ∧ knowledge ∧ external;
 * - `geographic_agglomeration` (without knowledge production): geographic ∧ ¬knowledge;
 * - `geographic_without_technology`: geographic ∧ knowledge ∧ ¬technological;
 * - `geographic_without_external`: geographic ∧ technological ∧ knowledge ∧ ¬external;
 * - `technological_community` (without geographic concentration): technological ∧ ¬geographic;
 * - `not_cluster`: neither geographic nor technological.
 * `geographic_without_technology` and `geographic_without_external` extend the four labels of the source
 * text's definition so that the rule is exhaustive and every label is true of its cell; the `failed` column
 * names every criterion missed.
 *
 * Output: one row per region × sector with every measured value and per-sector threshold, the constant
 * thresholds (`eco_lq_min`, `eco_min_stars`, `us_lq_min`, `community_lq_min`, and with the data they apply
 * to `knowledge_lq_min`, `knowledge_index_min`, `external_share_min`), `label_key`, `label` (in `lang`),
 * `label_en`, `label_zh`. The result is `{ table, warnings, thresholds, communities, modularity }`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { identifyClusters, matrixFrom } from "clusterlab";
 * const x = matrixFrom([[50, 5, 5], [5, 50, 5], [5, 5, 50], [20, 20, 20]], {
 *   rows: ["R1", "R2", "R3", "R4"], cols: ["A", "B", "C"],
 * });
 * const { table } = identifyClusters(x);
 * const cell = (r: string, s: string) =>
 *   table.params({ r, s }).filter((d: { region: string; sector: string }, $: { r: string; s: string }) =>
 *     d.region === $.r && d.sector === $.s
 *   );
 * // LQ of A over the 4 regions: 2.5, 0.25, 0.25, 1; P90 = 2.05, P75 = 1.375, P50 = 0.625 (type 7)
 * assert.equal(cell("R1", "A").get("eco_stars", 0), 3);
 * assert.equal(cell("R1", "A").get("us_level", 0), "strong10"); // LQ 2.5 ≥ P90
 * assert.equal(cell("R4", "A").get("us_level", 0), "significant"); // P50 < LQ 1 < P75
 * ```
 */
export function identifyClusters(input: MatrixInput, options: IdentifyClustersOptions = {}): ClusterResult {
  const settings = checkOptions(options);
  const x = asMatrix(input, options);
  const lq = locationQuotient(x); // validates counts
  const warnings: string[] = [...readingWarnings(input, x), ...lq.warnings];
  const geo = geographicStage(x, lq, options, settings.thresholds, warnings);
  const tech = technologicalStage(x, lq, geo.activeRegions, options.proximity, settings, warnings);
  const know = knowledgeStage(x, options, settings.unmeasured, warnings);
  let extShare: Float64Array | undefined;
  if (options.ties !== undefined) {
    extShare = externalShares(options.ties, tieColumnsOf(options), x.rows, warnings);
  } else {
    warnings.push(
      `external interaction not measured (no ties): ${
        settings.unmeasured === "skip" ? "skipped" : "counted as failed"
      }`,
    );
  }
  const table = clusterTable({ x, lq, geo, tech, know, extShare, settings });
  const communities = new Map(x.cols.map((s, j) => [s, tech.comm.ids[j]!]));
  return finiteResult("identifyClusters", {
    table,
    warnings,
    thresholds: settings.thresholds,
    communities,
    modularity: tech.comm.modularity,
  });
}

/** @deprecated the 0.1 `tieColumns` of {@link identifyClusters}; use its options `source`, `target`, `weight`. */
export interface TieColumns {
  /** Region of one end (default "source"). */
  readonly source?: string;
  /** Region of the other end (default "target"). */
  readonly target?: string;
  /** The weight column. */
  readonly weight?: string;
}

/** The tie column options, the deprecated 0.1 `tieColumns: { source, target, weight }` read as them. */
function tieColumnsOf(
  options: IdentifyClustersOptions,
): Pick<IdentifyClustersOptions, "source" | "target" | "weight"> {
  const { source, target, weight, tieColumns = {} } = options;
  const flat: Record<string, string | undefined> = { source, target, weight };
  for (const [k, v] of Object.entries(tieColumns)) flat[`tieColumns.${k}`] = v;
  return renamedOptions("options of identifyClusters", flat, {
    "tieColumns.source": "source",
    "tieColumns.target": "target",
    "tieColumns.weight": "weight",
  });
}

/** The validated options of {@link identifyClusters}, defaults filled in. */
interface ClusterSettings {
  readonly thresholds: ClusterThresholds;
  readonly seed: number;
  readonly lang: Lang;
  readonly unmeasured: "skip" | "fail";
}

function checkOptions(options: IdentifyClustersOptions): ClusterSettings {
  const thresholds: ClusterThresholds = { ...CLUSTER_THRESHOLDS, ...(options.thresholds ?? {}) };
  checkThresholds(thresholds);
  const { seed = 42, lang = "en", unmeasured = "skip" } = options;
  const optIssues: ValidationIssue[] = [];
  if (!(Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff)) {
    optIssues.push({
      column: "seed",
      expected: "an integer in [0, 4294967295]",
      received: describeValue(seed),
    });
  }
  if (lang !== "en" && lang !== "zh") {
    optIssues.push({ column: "lang", expected: '"en" or "zh"', received: describeValue(lang) });
  }
  if (unmeasured !== "skip" && unmeasured !== "fail") {
    optIssues.push({
      column: "unmeasured",
      expected: '"skip" or "fail"',
      received: describeValue(unmeasured),
    });
  }
  if (optIssues.length) throw new ValidationError("options of identifyClusters", optIssues);
  return { thresholds, seed, lang, unmeasured };
}

/** Stage 1, geographic concentration: shares, the ECO size and focus thresholds, the US level thresholds. */
interface GeographicStage {
  /** x_rs / x_r· (0 for a region without employment). */
  readonly share: Float64Array;
  /** Regions with employment. */
  readonly activeRegions: number[];
  readonly est: Matrix | undefined;
  readonly sizeThr: Float64Array;
  readonly focusThr: Float64Array;
  /** US LQ thresholds per sector: P75 (strong), P90 (strong10), P50 (significant), P25 (qualifying). */
  readonly usLQ: Float64Array;
  readonly usLQ10: Float64Array;
  readonly usLQ50: Float64Array;
  readonly usLQ25: Float64Array;
  readonly usEmp: Float64Array;
  readonly usEst: Float64Array;
}

function geographicStage(
  x: Matrix,
  lq: Matrix,
  options: IdentifyClustersOptions,
  thresholds: ClusterThresholds,
  warnings: string[],
): GeographicStage {
  const { rows, cols, nrow, ncol } = x;
  const X = x.data, L = lq.data;
  const rs = x.rowSums();
  const share = new Float64Array(nrow * ncol);
  for (let i = 0; i < nrow; i++) {
    for (let j = 0; j < ncol; j++) share[i * ncol + j] = rs[i]! > 0 ? X[i * ncol + j]! / rs[i]! : 0;
  }
  const activeRegions: number[] = [];
  for (let i = 0; i < nrow; i++) if (rs[i]! > 0) activeRegions.push(i);
  const est = options.establishments === undefined
    ? undefined
    : align(read(options.establishments, options, "establishments", warnings), rows, cols, "establishments");
  if (!est) {
    warnings.push(
      "no establishments given: the US Cluster Mapping rule is applied without its establishments criterion",
    );
  }
  const g: GeographicStage = {
    share,
    activeRegions,
    est,
    sizeThr: new Float64Array(ncol),
    focusThr: new Float64Array(ncol),
    usLQ: new Float64Array(ncol),
    usLQ10: new Float64Array(ncol),
    usLQ50: new Float64Array(ncol),
    usLQ25: new Float64Array(ncol),
    usEmp: new Float64Array(ncol),
    usEst: new Float64Array(ncol),
  };
  const colBuf = new Float64Array(nrow);
  const inactiveSectors: string[] = [];
  for (let j = 0; j < ncol; j++) {
    let k = 0;
    for (const i of activeRegions) colBuf[k++] = X[i * ncol + j]!;
    g.sizeThr[j] = quantileOf(colBuf.subarray(0, k), 1 - thresholds.ecoSizeTop);
    k = 0;
    for (const i of activeRegions) colBuf[k++] = share[i * ncol + j]!;
    g.focusThr[j] = quantileOf(colBuf.subarray(0, k), 1 - thresholds.ecoFocusTop);
    // US rule: over the regions with employment > 0 in the sector (cluster_calcs_reducer.js).
    k = 0;
    for (let i = 0; i < nrow; i++) if (X[i * ncol + j]! > 0) colBuf[k++] = L[i * ncol + j]!;
    if (k === 0) inactiveSectors.push(cols[j]!);
    const lqSorted = colBuf.subarray(0, k).sort();
    g.usLQ[j] = k ? quantileSorted(lqSorted, thresholds.usLQQuantile) as number : NaN;
    g.usLQ10[j] = k ? quantileSorted(lqSorted, thresholds.usStrong10LQQuantile) as number : NaN;
    g.usLQ50[j] = k ? quantileSorted(lqSorted, thresholds.usSignificantLQQuantile) as number : NaN;
    g.usLQ25[j] = k ? quantileSorted(lqSorted, thresholds.usQualifyingLQQuantile) as number : NaN;
    k = 0;
    for (let i = 0; i < nrow; i++) if (X[i * ncol + j]! > 0) colBuf[k++] = X[i * ncol + j]!;
    g.usEmp[j] = quantileOf(colBuf.subarray(0, k), thresholds.usEmploymentQuantile);
    if (est) {
      k = 0;
      for (let i = 0; i < nrow; i++) if (X[i * ncol + j]! > 0) colBuf[k++] = est.data[i * ncol + j]!;
      g.usEst[j] = quantileOf(colBuf.subarray(0, k), thresholds.usEstablishmentsQuantile);
    }
  }
  if (inactiveSectors.length) {
    warnings.push(
      `${inactiveSectors.length} sector(s) without employment in any region (${
        inactiveSectors.slice(0, 5).join(", ")
      }): their US thresholds are undefined (NaN) and no US level is met`,
    );
  }
  return g;
}

/** Stage 2, technological-economic concentration: presence, relatedness density, communities. */
interface TechnologicalStage {
  /** Presence M = 1[LQ ≥ 1]. */
  readonly P: Float64Array;
  /** Relatedness density RD_rs (0–100). */
  readonly RD: Float64Array;
  /** Mean RD over the sectors a region is present in (NaN without any). */
  readonly coherence: Float64Array;
  /** The `rdQuantile` quantile of each sector's RD over regions with employment. */
  readonly rdThr: Float64Array;
  readonly comm: { ids: Int32Array; count: number; modularity: number; edges: number };
  /** LQ of each region in each community (region-major, `comm.count` columns). */
  readonly commLQ: Float64Array;
}

function technologicalStage(
  x: Matrix,
  lq: Matrix,
  activeRegions: readonly number[],
  phiIn: Matrix | undefined,
  settings: ClusterSettings,
  warnings: string[],
): TechnologicalStage {
  const { rows, cols, nrow, ncol } = x;
  const X = x.data;
  const { thresholds } = settings;
  const M = presence(lq);
  const phi = phiIn ?? proximity(M);
  for (const w of phi.warnings) warnings.push(`proximity: ${w}`);
  const rd = relatednessDensity(M, phi);
  for (const w of rd.warnings) if (!phi.warnings.includes(w)) warnings.push(`relatedness density: ${w}`);
  const RD = rd.data, P = M.data;
  const mean = portfolioMean(P, RD, nrow, ncol, 1); // the computation of coherence()
  const coherence = mean.values;
  const noPresence = mean.empty.map((i) => rows[i]!);
  if (noPresence.length) {
    warnings.push(
      `${noPresence.length} region(s) with no sector at LQ ≥ 1 (${
        noPresence.slice(0, 5).join(", ")
      }): coherence undefined (NaN)`,
    );
  }
  const rdThr = new Float64Array(ncol);
  const colBuf = new Float64Array(nrow);
  for (let j = 0; j < ncol; j++) {
    let k = 0;
    for (const i of activeRegions) colBuf[k++] = RD[i * ncol + j]!;
    rdThr[j] = quantileOf(colBuf.subarray(0, k), thresholds.rdQuantile);
  }
  const phiCols = phi.cols;
  if (phiCols.length !== ncol || phiCols.some((c, j) => c !== cols[j])) {
    throw new ValidationError("options of identifyClusters", [{
      column: "proximity",
      expected: `a sector × sector matrix over the ${ncol} sectors of the input, in the same order`,
      received: `${phi.nrow} × ${phi.ncol}`,
    }]);
  }
  const comm = communitiesOf(phi, thresholds.proximityMin, thresholds.resolution, settings.seed);
  if (comm.edges === 0) {
    warnings.push("the proximity network has no edge above proximityMin: every sector is its own community");
  }
  const commEmp = new Float64Array(nrow * comm.count);
  for (let i = 0; i < nrow; i++) {
    for (let j = 0; j < ncol; j++) commEmp[i * comm.count + comm.ids[j]! - 1] += X[i * ncol + j]!;
  }
  const commLQ = locationQuotient(
    new Matrix(rows, Array.from({ length: comm.count }, (_, c) => String(c + 1)), commEmp),
  ).data;
  return { P, RD, coherence, rdThr, comm, commLQ };
}

/** Stage 3, knowledge production: a knowledge matrix and its LQ, or a region-level index, or nothing. */
interface KnowledgeStage {
  readonly kMat?: Matrix;
  readonly kLQ?: Float64Array;
  readonly kIndex?: Float64Array;
}

function knowledgeStage(
  x: Matrix,
  options: IdentifyClustersOptions,
  unmeasured: "skip" | "fail",
  warnings: string[],
): KnowledgeStage {
  if (options.knowledge !== undefined) {
    const kMat = align(read(options.knowledge, options, "knowledge", warnings), x.rows, x.cols, "knowledge");
    const l = locationQuotient(kMat);
    for (const w of l.warnings) warnings.push(`knowledge: ${w}`);
    return { kMat, kLQ: l.data };
  }
  if (options.knowledgeIndex !== undefined) {
    const kIndex = resolvePerLabel(
      options.knowledgeIndex,
      x.rows,
      "options of identifyClusters",
      "knowledgeIndex",
      () => undefined,
    );
    return { kIndex };
  }
  warnings.push(
    `knowledge production not measured (no knowledge or knowledgeIndex): ${
      unmeasured === "skip" ? "skipped" : "counted as failed"
    }`,
  );
  return {};
}

/** Everything the output table is assembled from. */
interface ClusterStages {
  readonly x: Matrix;
  readonly lq: Matrix;
  readonly geo: GeographicStage;
  readonly tech: TechnologicalStage;
  readonly know: KnowledgeStage;
  readonly extShare: Float64Array | undefined;
  readonly settings: ClusterSettings;
}

/** The verdict on one region × sector: the stars, the US levels, the four criteria and the label. */
interface CellVerdict {
  readonly size: boolean;
  readonly spec: boolean;
  readonly focus: boolean;
  readonly stars: number;
  readonly usQual: boolean;
  readonly usSig: boolean;
  readonly us: boolean;
  readonly us10: boolean;
  readonly usLevel: UsLevelKey;
  readonly geo: boolean;
  readonly community: number;
  readonly cl: number;
  readonly tech: boolean;
  readonly know: boolean | null;
  readonly ext: boolean | null;
  readonly key: ClusterLabelKey;
  readonly failed: string;
}

/** What every cell's verdict shares: the criteria labels in `lang` and the rank of the US level asked for. */
interface VerdictContext {
  readonly crit: Readonly<Record<keyof typeof CLUSTER_CRITERIA, string>>;
  readonly usGeoRank: number;
}

function verdictContext(settings: ClusterSettings): VerdictContext {
  const l = settings.lang;
  return {
    crit: {
      geographic: CLUSTER_CRITERIA.geographic[l],
      technological: CLUSTER_CRITERIA.technological[l],
      knowledge: CLUSTER_CRITERIA.knowledge[l],
      external: CLUSTER_CRITERIA.external[l],
    },
    usGeoRank: US_CLUSTER_LEVEL_ORDER.indexOf(settings.thresholds.usGeographicLevel),
  };
}

function cellVerdict(z: ClusterStages, c: VerdictContext, i: number, j: number): CellVerdict {
  const { x, lq, geo: g, tech: t, know, extShare, settings } = z;
  const { thresholds, unmeasured } = settings;
  const skip = unmeasured === "skip";
  const k = i * x.ncol + j;
  const emp = x.data[k]!, l = lq.data[k]!, sh = g.share[k]!;
  const size = emp > 0 && emp >= g.sizeThr[j]!;
  const spec = l >= thresholds.ecoSpecialisationLQ;
  const focus = sh > 0 && sh >= g.focusThr[j]!;
  const stars = (size ? 1 : 0) + (spec ? 1 : 0) + (focus ? 1 : 0);
  // emp > P25(emp) ≥ 0 also excludes regions without employment in the sector.
  const usBase = emp > 0 && emp > g.usEmp[j]! && (!g.est || g.est.data[k]! > g.usEst[j]!);
  const usQual = usBase && l > g.usLQ25[j]!;
  const usSig = usBase && l > g.usLQ50[j]!;
  const us = usBase && l >= g.usLQ[j]! && l >= thresholds.usMinLQ;
  const us10 = usBase && l >= g.usLQ10[j]! && l >= thresholds.usMinLQ;
  const usLevel: UsLevelKey = us10
    ? "strong10"
    : us
    ? "strong"
    : usSig
    ? "significant"
    : usQual
    ? "qualifying"
    : "none";
  const usGeo = usLevel !== "none" && US_CLUSTER_LEVEL_ORDER.indexOf(usLevel) <= c.usGeoRank;
  const eco = stars >= thresholds.ecoMinStars;
  const rule = thresholds.geographicRule;
  const geo = rule === "either"
    ? eco || usGeo
    : rule === "both"
    ? eco && usGeo
    : rule === "eco"
    ? eco
    : usGeo;
  const community = t.comm.ids[j]!;
  const cl = t.commLQ[i * t.comm.count + community - 1]!;
  const tech = t.RD[k]! >= t.rdThr[j]! && cl >= thresholds.communityLQ;
  let kn: boolean | null = null;
  if (know.kMat) kn = know.kLQ![k]! >= thresholds.knowledgeLQ;
  else if (know.kIndex) kn = know.kIndex[i]! >= thresholds.knowledgeIndexMin;
  let ext: boolean | null = null;
  if (extShare) ext = Number.isFinite(extShare[i]!) ? extShare[i]! >= thresholds.externalShare : null;
  const key = labelKeyOf(geo, tech, kn === null ? skip : kn, ext === null ? skip : ext);
  const failed: string[] = [];
  if (!geo) failed.push(c.crit.geographic);
  if (!tech) failed.push(c.crit.technological);
  if (kn === false || (kn === null && !skip)) failed.push(c.crit.knowledge);
  if (ext === false || (ext === null && !skip)) failed.push(c.crit.external);
  return {
    size,
    spec,
    focus,
    stars,
    usQual,
    usSig,
    us,
    us10,
    usLevel,
    geo,
    community,
    cl,
    tech,
    know: kn,
    ext,
    key,
    failed: failed.join("; "),
  };
}

/** Assemble: one row per region × sector, the columns of {@link identifyClusters} in their order. */
function clusterTable(z: ClusterStages): ColumnTable {
  const { x, lq, geo: g, tech: t, know, extShare, settings } = z;
  const { thresholds, lang } = settings;
  const { rows, cols, nrow, ncol } = x;
  const n = nrow * ncol;
  const rs = x.rowSums();
  const c: Record<string, unknown[]> = {};
  const col = (name: string, present = true) => (present ? (c[name] = new Array(n)) : undefined);
  const cRegion = col("region")!, cSector = col("sector")!, cEmp = col("employment")!;
  const cRegEmp = col("region_employment")!, cShare = col("share")!, cLQ = col("lq")!;
  const cSizeThr = col("eco_size_threshold")!, cSize = col("eco_size")!, cSpec = col("eco_specialisation")!;
  const cFocusThr = col("eco_focus_threshold")!, cFocus = col("eco_focus")!, cStars = col("eco_stars")!;
  const cEst = col("establishments", !!g.est);
  const cUsLQ25 = col("us_lq_p25")!, cUsLQ50 = col("us_lq_p50")!, cUsLQ = col("us_lq_p75")!;
  const cUsLQ10 = col("us_lq_p90")!, cUsEmp = col("us_employment_p25")!;
  const cUsEst = col("us_establishments_p25", !!g.est);
  const cUsQual = col("us_qualifying")!, cUsSig = col("us_significant")!, cUs = col("us_strong")!;
  const cUs10 = col("us_strong10")!, cUsLevel = col("us_level")!, cUsLevelLabel = col("us_level_label")!;
  const cGeo = col("geographic")!, cPres = col("present")!, cRD = col("relatedness_density")!;
  const cRDThr = col("rd_threshold")!, cCoh = col("coherence")!;
  const cComm = col("community")!, cCommLQ = col("community_lq")!, cTech = col("technological")!;
  const cKpw = col("knowledge_per_worker", !!know.kMat), cKLQ = col("knowledge_lq", !!know.kMat);
  const cKIdx = col("knowledge_index", !!know.kIndex);
  const cKnow = col("knowledge")!;
  const cExtShare = col("external_share", !!extShare);
  const cExt = col("external")!;
  const cEcoLQ = col("eco_lq_min")!, cUsMinLQ = col("us_lq_min")!, cCommMin = col("community_lq_min")!;
  const cEcoMinStars = col("eco_min_stars")!;
  const cKLQMin = col("knowledge_lq_min", !!know.kMat), cKIdxMin = col("knowledge_index_min", !!know.kIndex);
  const cExtMin = col("external_share_min", !!extShare);
  const cFailed = col("failed")!, cUnmeasured = col("unmeasured")!;
  const cKey = col("label_key")!, cLabel = col("label")!, cEn = col("label_en")!, cZh = col("label_zh")!;
  const crit = (k: keyof typeof CLUSTER_CRITERIA) => CLUSTER_CRITERIA[k][lang];
  const unmeasuredList = [
    ...(know.kMat || know.kIndex ? [] : [crit("knowledge")]),
    ...(extShare ? [] : [crit("external")]),
  ].join("; ");
  const vc = verdictContext(settings);
  for (let i = 0; i < nrow; i++) {
    for (let j = 0; j < ncol; j++) {
      const k = i * ncol + j;
      const v = cellVerdict(z, vc, i, j);
      const emp = x.data[k]!;
      cRegion[k] = rows[i];
      cSector[k] = cols[j];
      cEmp[k] = emp;
      cRegEmp[k] = rs[i];
      cShare[k] = g.share[k];
      cLQ[k] = lq.data[k];
      cSizeThr[k] = g.sizeThr[j];
      cSize[k] = v.size;
      cSpec[k] = v.spec;
      cFocusThr[k] = g.focusThr[j];
      cFocus[k] = v.focus;
      cStars[k] = v.stars;
      if (cEst) cEst[k] = g.est!.data[k];
      cUsLQ25[k] = g.usLQ25[j];
      cUsLQ50[k] = g.usLQ50[j];
      cUsLQ[k] = g.usLQ[j];
      cUsLQ10[k] = g.usLQ10[j];
      cUsEmp[k] = g.usEmp[j];
      if (cUsEst) cUsEst[k] = g.usEst[j];
      cUsQual[k] = v.usQual;
      cUsSig[k] = v.usSig;
      cUs[k] = v.us;
      cUs10[k] = v.us10;
      cUsLevel[k] = v.usLevel;
      cUsLevelLabel[k] = US_CLUSTER_LEVELS[v.usLevel][lang];
      cGeo[k] = v.geo;
      cPres[k] = t.P[k] === 1;
      cRD[k] = t.RD[k];
      cRDThr[k] = t.rdThr[j];
      cCoh[k] = t.coherence[i];
      cComm[k] = v.community;
      cCommLQ[k] = v.cl;
      cTech[k] = v.tech;
      if (cKpw) cKpw[k] = emp > 0 ? know.kMat!.data[k]! / emp : null;
      if (cKLQ) cKLQ[k] = know.kLQ![k];
      if (cKIdx) cKIdx[k] = know.kIndex![i];
      cKnow[k] = v.know;
      if (cExtShare) cExtShare[k] = Number.isFinite(extShare![i]!) ? extShare![i] : null;
      cExt[k] = v.ext;
      cEcoLQ[k] = thresholds.ecoSpecialisationLQ;
      cUsMinLQ[k] = thresholds.usMinLQ;
      cCommMin[k] = thresholds.communityLQ;
      cEcoMinStars[k] = thresholds.ecoMinStars;
      if (cKLQMin) cKLQMin[k] = thresholds.knowledgeLQ;
      if (cKIdxMin) cKIdxMin[k] = thresholds.knowledgeIndexMin;
      if (cExtMin) cExtMin[k] = thresholds.externalShare;
      cFailed[k] = v.failed;
      cUnmeasured[k] = unmeasuredList;
      cKey[k] = v.key;
      cLabel[k] = CLUSTER_LABELS[v.key][lang];
      cEn[k] = CLUSTER_LABELS[v.key].en;
      cZh[k] = CLUSTER_LABELS[v.key].zh;
    }
  }
  return aq.table(c);
}

/**
 * Share of each region's tie weight whose other end is another region (NaN for regions without ties). The
 * tie columns are `source`, `target` and `weight` (as the `TIES` schema), renamed by the options; without a
 * weight column every tie weighs 1.
 */
function externalShares(
  ties: TableInput,
  columns: Pick<IdentifyClustersOptions, "source" | "target" | "weight">,
  rows: readonly string[],
  warnings: string[],
): Float64Array {
  const { source = "source", target = "target" } = columns;
  const t = toTable(ties);
  const names = new Set(t.columnNames());
  const weight = columns.weight ?? (names.has("weight") ? "weight" : undefined);
  const missing = [source, target, ...(weight ? [weight] : [])].filter((c) => !names.has(c));
  if (missing.length) {
    throw new ValidationError(
      "ties of identifyClusters",
      missing.map((c) => ({
        column: c,
        expected: `a column "${c}"`,
        received: `columns ${[...names].join(", ")}`,
      })),
    );
  }
  const idx = new Map(rows.map((r, i) => [r, i]));
  const total = new Float64Array(rows.length), external = new Float64Array(rows.length);
  const gs = t.getter(source), gt = t.getter(target), gw = weight ? t.getter(weight) : () => 1;
  const issues: ValidationIssue[] = [];
  let outside = 0;
  for (let r = 0; r < t.numRows(); r++) {
    const a = gs(r), b = gt(r), w = gw(r);
    for (const [name, v] of [[source, a], [target, b]] as const) {
      if (typeof v !== "string" && typeof v !== "number") {
        issues.push({ row: r + 1, column: name, expected: "a region label", received: describeValue(v) });
      }
    }
    if (!(typeof w === "number" && Number.isFinite(w) && w >= 0)) {
      issues.push({
        row: r + 1,
        column: weight ?? "weight",
        expected: "a finite weight ≥ 0",
        received: describeValue(w),
      });
      continue;
    }
    const ia = idx.get(String(a)), ib = idx.get(String(b));
    if (ia === undefined && ib === undefined) {
      outside++;
      continue;
    }
    if (ia !== undefined && ia === ib) {
      total[ia] += w as number;
      continue;
    }
    if (ia !== undefined) {
      total[ia] += w as number;
      external[ia] += w as number;
    }
    if (ib !== undefined) {
      total[ib] += w as number;
      external[ib] += w as number;
    }
  }
  if (issues.length) throw new ValidationError("ties of identifyClusters", issues);
  if (outside) {
    warnings.push(
      `${outside} tie(s) with neither end among the regions of the matrix do not concern any region`,
    );
  }
  const none = rows.filter((_, i) => total[i] === 0);
  if (none.length) {
    warnings.push(
      `${none.length} region(s) without ties (${
        none.slice(0, 5).join(", ")
      }): external interaction unmeasured there`,
    );
  }
  return total.map((v, i) => (v > 0 ? external[i]! / v : NaN));
}
