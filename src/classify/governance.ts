/**
 * Phase and knowledge-governance mechanism from knowledge stock × alliance stock: the source text's practical
 * question — should a cluster increase the supply of knowledge, connect knowledge suppliers with users, or
 * build a knowledge-sharing platform with a common culture and language?
 *
 * No publication gives numeric cut-offs: the quadrant split (0.5 or the panel median), the mechanism
 * portfolio and the lag tolerance are a **design choice**, grounded in Menzel & Fornahl (2010, "Cluster life
 * cycles", *Industrial and Corporate Change* 19(1): the phases), Giuliani & Bell (2005, *Research Policy*
 * 34(1): knowledge base × network position), Grandori (2001, *Journal of Management and Governance* 5: a
 * portfolio of mechanisms) and 徐维祥 et al. (2020, the lag rule |K − A| ≤ 0.1). All are parameters.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { GOVERNANCE_QUADRANT_MECHANISMS } from "clusterlab";
 * import { governanceQuadrant } from "clusterlab/advanced";
 * assert.equal(governanceQuadrant(0.8, 0.2), "HL"); // knowledge-rich, fragmented
 * assert.equal(GOVERNANCE_QUADRANT_MECHANISMS.HL.en, "connect knowledge suppliers and users");
 * ```
 * @module
 */
import * as aq from "../deps/arquero.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import { type TableInput, toTable } from "../data/adapters.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../core/validation_error.ts";
import type { Bilingual, Lang } from "../core/i18n.ts";
import { entropyWeights, type IndicatorDirection } from "../indicators/entropy_weights.ts";
import { Random } from "../core/random.ts";
import { finiteResult } from "../indicators/finite_result.ts";
import { checkUniqueKey, panelKey } from "../data/keys.ts";
import { checkGivenOnce } from "../core/deprecated.ts";

/** Quadrant of knowledge stock K × alliance stock A: L/H for K, then L/H for A. */
export type GovernanceQuadrant = "LL" | "HL" | "LH" | "HH";

/** The three mechanisms of the source text. */
export type GovernanceMechanism = "supply" | "connect" | "platform";

/** Phase of each quadrant (after Menzel & Fornahl 2010's life cycle; design choice), in English and Chinese. */
export const GOVERNANCE_PHASES: Readonly<Record<GovernanceQuadrant, Bilingual>> = {
  LL: { en: "emerging cluster", zh: "萌芽期集群" },
  HL: { en: "knowledge-rich, fragmented", zh: "知识丰富但联系松散" },
  LH: { en: "networked, knowledge-poor (lock-in risk)", zh: "网络密集但知识贫乏（锁定风险）" },
  HH: { en: "mature innovation cluster", zh: "成熟创新集群" },
};

/** Main mechanism of each quadrant: the three mechanisms of the source text placed on the quadrants (design
 * choice). */
export const GOVERNANCE_QUADRANT_MECHANISMS: Readonly<Record<GovernanceQuadrant, Bilingual>> = {
  LL: { en: "increase knowledge supply", zh: "增加知识供给" },
  HL: { en: "connect knowledge suppliers and users", zh: "连接知识供给者与使用者" },
  LH: { en: "increase knowledge supply through external pipelines", zh: "通过外部管道增加知识供给" },
  HH: {
    en: "knowledge-sharing platform with common culture and language",
    zh: "构建具有共同文化和语言的知识共享平台",
  },
};

/** The three mechanisms of the portfolio. */
export const GOVERNANCE_MECHANISMS: Readonly<Record<GovernanceMechanism, Bilingual>> = {
  supply: { en: "increase knowledge supply", zh: "增加知识供给" },
  connect: { en: "connect suppliers and users", zh: "连接供给者与使用者" },
  platform: { en: "knowledge-sharing platform", zh: "知识共享平台" },
};

/** Lag readings (徐维祥 et al. 2020). */
export const GOVERNANCE_LAGS: Readonly<
  Record<"synchronous" | "alliance_lags" | "knowledge_lags", Bilingual>
> = {
  synchronous: { en: "synchronous", zh: "同步发展" },
  alliance_lags: { en: "alliance stock lags", zh: "联盟存量滞后" },
  knowledge_lags: { en: "knowledge stock lags", zh: "知识存量滞后" },
};

/**
 * The note carried by every row of {@link classifyGovernance}: the cut-offs are a design choice. `{t}` is
 * replaced by the threshold (fixed split) or by the medians of K and A (median split), at full precision.
 */
export const GOVERNANCE_CUTOFF_NOTES: Readonly<Record<"fixed" | "median", Bilingual>> = {
  fixed: {
    en: "design choice: K and A split at {t}; |K − A| ≤ {lag} synchronous",
    zh: "设计选择：K 与 A 以 {t} 分界；|K − A| ≤ {lag} 为同步",
  },
  median: {
    en: "design choice: split at the panel medians ({t}); |K − A| ≤ {lag} synchronous",
    zh: "设计选择：以面板中位数（{t}）分界；|K − A| ≤ {lag} 为同步",
  },
};

/** A dimension: indicator columns with directions (entropy-weighted here), or one ready score column in [0, 1]. */
export type GovernanceDimension = Readonly<Record<string, IndicatorDirection>> | string;

/** The two dimensions of {@link classifyGovernance}: knowledge stock K and alliance stock A. */
export interface GovernanceDimensions {
  /** Knowledge-stock indicators (`{ rd_stock: "+", papers: "+" }`) or a ready K column. */
  readonly knowledge: GovernanceDimension;
  /** Alliance-stock indicators or a ready A column. */
  readonly alliance: GovernanceDimension;
}

/** Options of {@link classifyGovernance}. */
export interface ClassifyGovernanceOptions {
  /** Column of the entities (default "entity"), kept in the output when the input has it. */
  readonly entity?: string;
  /** Column of the years (default "year"), kept in the output when the input has it. */
  readonly year?: string;
  /** Further input columns carried into the output unchanged (e.g. `["entity_en"]`; default none). */
  readonly keep?: readonly string[];
  /** Quadrant split: a fixed threshold on both axes (default 0.5) or the pooled-panel median of each axis. */
  readonly split?: "fixed" | "median";
  /** The fixed threshold (default 0.5). */
  readonly threshold?: number;
  /** |K − A| ≤ this is synchronous (default 0.1, 徐维祥 et al. 2020). */
  readonly lagTolerance?: number;
  /** Bootstrap of the quadrant's stability (default 200 replicates over rows, seed 1; `replicates: 0` skips). */
  readonly bootstrap?: {
    /** Number of bootstrap replicates (integer ≥ 0; default 200; 0 skips the bootstrap). */
    readonly replicates?: number;
    /** Seed of the resampling (default 1). */
    readonly seed?: number;
    /** Resample rows (entity-years, default) or the indicators of each dimension. */
    readonly over?: "rows" | "indicators";
  };
  /** ε of the entropy-weight scaling (default 0.002). */
  readonly epsilon?: number;
  /** Language of the labels (default "en"). */
  readonly lang?: Lang;
}

/**
 * @deprecated the 0.1 options of {@link classifyGovernance}, dimensions and options in one object, `id` the
 * list of every column kept (in order); use {@link GovernanceDimensions} and {@link ClassifyGovernanceOptions}.
 */
export type GovernanceOptions =
  & GovernanceDimensions
  & Omit<ClassifyGovernanceOptions, "entity" | "year" | "keep">
  & {
    /** Columns that identify a row, kept in the output (default: `entity` and `year` when present). */
    readonly id?: readonly string[];
  };

/** Options as read inside: today's, or the 0.1 `id` (every kept column). */
type GovernanceReading = ClassifyGovernanceOptions & { readonly id?: readonly string[] };

/** Today's (dimensions, options) of a call, the 0.1 form (everything in the second argument) included. */
function governanceArguments(
  dimensions: GovernanceDimensions | GovernanceOptions,
  options: ClassifyGovernanceOptions,
): [GovernanceDimensions, GovernanceReading] {
  const { knowledge, alliance, ...rest } = dimensions as GovernanceOptions;
  if (Object.keys(rest).length === 0) return [dimensions, options];
  checkGivenOnce("options of classifyGovernance", rest, options);
  const reading: GovernanceReading = { ...rest, ...options };
  if (reading.id !== undefined && (options.entity ?? options.year ?? options.keep) !== undefined) {
    throw new ValidationError("options of classifyGovernance", [{
      column: "id",
      expected: "either the deprecated 0.1 id (every kept column) or entity, year and keep, not both",
      received: `id ${describeValue(reading.id)}`,
    }]);
  }
  return [{ knowledge, alliance }, reading];
}

/** The result of {@link classifyGovernance}. */
export interface GovernanceResult {
  /**
   * One row per input row: the entity, year and kept columns, `K`, `A`, `quadrant` (LL/HL/LH/HH), `phase`,
   * `mechanism`, the
   * portfolio `w_supply`, `w_connect`, `w_platform`, `distance` (to the nearest threshold), `stability`
   * (bootstrap share keeping the quadrant; null when not bootstrapped), `lag` (code), `lag_label` and
   * `cutoff` (the cut-offs used, stated as a design choice: {@link GOVERNANCE_CUTOFF_NOTES}).
   */
  readonly table: ColumnTable;
  /** Entropy weights of the knowledge and alliance indicators (empty for a ready score column). */
  readonly weights: {
    readonly knowledge: Readonly<Record<string, number>>;
    readonly alliance: Readonly<Record<string, number>>;
  };
  /** The thresholds used on K and A. */
  readonly thresholds: { readonly K: number; readonly A: number };
  /**
   * How many rows fall in each quadrant, per year (one row per year in ascending order, when the input has
   * a year column; else one row): `year`, `HH`, `HL`, `LH`, `LL` (0 for a quadrant no row falls in, never
   * missing) and `total`.
   */
  readonly counts: ColumnTable;
  /** Notes on degenerate input and on what the bootstrap could not vary. */
  readonly warnings: readonly string[];
}

/** Median of a typed array (mean of the two middle values for even n). */
function median(x: Float64Array): number {
  const s = Float64Array.from(x).sort();
  const n = s.length;
  return n % 2 === 1 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
}

/** Thresholds on K and A. */
export interface GovernanceThresholds {
  /** Threshold on the knowledge stock K. */
  readonly K: number;
  /** Threshold on the alliance stock A. */
  readonly A: number;
}

/** Options of {@link governancePortfolio} and {@link governanceQuadrant}. */
export interface GovernanceQuadrantOptions {
  /** The thresholds on K and A (default 0.5 each). */
  readonly thresholds?: GovernanceThresholds;
}

/** Options of {@link governanceLag}. */
export interface GovernanceLagOptions {
  /** |K − A| ≤ this is synchronous (default 0.1, 徐维祥 et al. 2020). */
  readonly tolerance?: number;
}

const HALF: GovernanceThresholds = { K: 0.5, A: 0.5 };

/** The thresholds of the options, or of the 0.1 positional `{ K, A }` (not both). */
function quadrantThresholds(
  fn: string,
  options: GovernanceQuadrantOptions | GovernanceThresholds,
): GovernanceThresholds {
  const { K, A, thresholds } = options as Partial<GovernanceThresholds> & GovernanceQuadrantOptions;
  if (K === undefined && A === undefined) return thresholds ?? HALF;
  if (thresholds !== undefined) {
    throw new ValidationError(`options of ${fn}`, [{
      column: "thresholds",
      expected: "either { thresholds: { K, A } } or the deprecated 0.1 { K, A }, not both",
      received: `thresholds ${describeValue(thresholds)} and K ${describeValue(K)}, A ${describeValue(A)}`,
    }]);
  }
  return { K: K ?? HALF.K, A: A ?? HALF.A };
}

/**
 * The mechanism portfolio (design choice): bilinear interpolation of the quadrant mechanisms over the unit
 * square of (k, a), where k and a are K and A rescaled piecewise-linearly so that the thresholds map to
 * 0.5. Corners: (0,0) and (0,1) supply, (1,0) connect, (1,1) platform. Hence w_supply = 1 − k,
 * w_connect = k(1 − a), w_platform = k·a, summing to 1 (Grandori 2001: a portfolio, not a single tool).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { governancePortfolio } from "clusterlab/advanced";
 * // thresholds 0.5: k = 0.75, a = 0.25
 * assert.deepEqual(governancePortfolio(0.75, 0.25), { supply: 0.25, connect: 0.5625, platform: 0.1875 });
 * // at the thresholds k = a = 0.5 whatever they are
 * assert.deepEqual(governancePortfolio(0.2, 0.6, { thresholds: { K: 0.2, A: 0.6 } }), {
 *   supply: 0.5,
 *   connect: 0.25,
 *   platform: 0.25,
 * });
 * ```
 */
export function governancePortfolio(
  K: number,
  A: number,
  options?: GovernanceQuadrantOptions,
): Record<GovernanceMechanism, number>;
/** @deprecated the 0.1 form `governancePortfolio(K, A, { K: tK, A: tA })`; use `{ thresholds: { K, A } }`. */
export function governancePortfolio(
  K: number,
  A: number,
  thresholds?: GovernanceThresholds,
): Record<GovernanceMechanism, number>;
export function governancePortfolio(
  K: number,
  A: number,
  options: GovernanceQuadrantOptions | GovernanceThresholds = {},
): Record<GovernanceMechanism, number> {
  const thresholds = quadrantThresholds("governancePortfolio", options);
  const rescale = (
    v: number,
    t: number,
  ) => (v <= t ? (t > 0 ? 0.5 * v / t : 0.5) : 0.5 + 0.5 * (v - t) / (1 - t));
  const k = Math.min(1, Math.max(0, rescale(K, thresholds.K)));
  const a = Math.min(1, Math.max(0, rescale(A, thresholds.A)));
  return { supply: 1 - k, connect: k * (1 - a), platform: k * a };
}

/**
 * Quadrant of (K, A): L/H for K, then L/H for A; "high" is ≥ the threshold (design choice: the threshold
 * belongs to "high").
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { governanceQuadrant } from "clusterlab/advanced";
 * assert.equal(governanceQuadrant(0.5, 0.4), "HL"); // K at the threshold counts as high
 * assert.equal(governanceQuadrant(0.5, 0.4, { thresholds: { K: 0.6, A: 0.3 } }), "LH");
 * ```
 */
export function governanceQuadrant(
  K: number,
  A: number,
  options?: GovernanceQuadrantOptions,
): GovernanceQuadrant;
/** @deprecated the 0.1 form `governanceQuadrant(K, A, tK, tA)`; use `{ thresholds: { K: tK, A: tA } }`. */
export function governanceQuadrant(K: number, A: number, tK?: number, tA?: number): GovernanceQuadrant;
export function governanceQuadrant(
  K: number,
  A: number,
  options?: GovernanceQuadrantOptions | number,
  tA01?: number,
): GovernanceQuadrant {
  const { K: tK, A: tA } = typeof options === "object"
    ? quadrantThresholds("governanceQuadrant", options)
    : { K: options ?? 0.5, A: tA01 ?? 0.5 };
  return `${K >= tK ? "H" : "L"}${A >= tA ? "H" : "L"}` as GovernanceQuadrant;
}

/**
 * Lag reading: |K − A| ≤ tolerance synchronous, else the smaller side lags (徐维祥 et al. 2020).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { governanceLag } from "clusterlab/advanced";
 * assert.equal(governanceLag(0.5, 0.3), "alliance_lags"); // |K − A| = 0.2 > 0.1
 * assert.equal(governanceLag(0.5, 0.3, { tolerance: 0.25 }), "synchronous");
 * ```
 */
export function governanceLag(
  K: number,
  A: number,
  options?: GovernanceLagOptions,
): keyof typeof GOVERNANCE_LAGS;
/** @deprecated the 0.1 form `governanceLag(K, A, tolerance)`; use `{ tolerance }`. */
export function governanceLag(K: number, A: number, tolerance?: number): keyof typeof GOVERNANCE_LAGS;
export function governanceLag(
  K: number,
  A: number,
  options: GovernanceLagOptions | number = {},
): keyof typeof GOVERNANCE_LAGS {
  const tolerance = (typeof options === "number" ? options : options.tolerance) ?? 0.1;
  if (Math.abs(K - A) <= tolerance) return "synchronous";
  return K > A ? "alliance_lags" : "knowledge_lags";
}

function readColumn(table: ColumnTable, col: string, issues: ValidationIssue[], unit: boolean): Float64Array {
  const n = table.numRows();
  const out = new Float64Array(n);
  if (!table.columnNames().includes(col)) {
    issues.push({
      column: col,
      expected: `a column "${col}"`,
      received: `columns ${table.columnNames().join(", ")}`,
    });
    return out;
  }
  const get = table.getter(col);
  for (let i = 0; i < n; i++) {
    const v = get(i);
    const ok = typeof v === "number" && Number.isFinite(v) && (!unit || (v >= 0 && v <= 1));
    if (!ok) {
      issues.push({
        row: i + 1,
        column: col,
        expected: unit ? "a number in [0, 1]" : "a finite number",
        received: describeValue(v),
      });
    } else out[i] = v;
  }
  return out;
}

/** Composite of one dimension for the rows `rows` (indices into the table), scored on the full table. */
function composite(
  cols: Map<string, Float64Array>,
  dims: Readonly<Record<string, IndicatorDirection>>,
  names: readonly string[],
  sample: Int32Array,
  epsilon: number,
  n: number,
): { score: Float64Array; weights: Record<string, number> } {
  // Weights from the sample (entropy over the resampled rows, min–max over the sample).
  const sampleCols: Record<string, Float64Array> = {};
  for (const name of names) {
    const x = cols.get(name)!;
    const s = new Float64Array(sample.length);
    for (let i = 0; i < sample.length; i++) s[i] = x[sample[i]!]!;
    sampleCols[name] = s;
  }
  const dir: Record<string, IndicatorDirection> = {};
  for (const name of names) dir[name] = dims[name]!;
  const ew = entropyWeights(aq.table(sampleCols), { indicators: dir, epsilon });
  // Score every row with the sample's scaling and weights.
  const score = new Float64Array(n);
  for (const name of names) {
    const x = cols.get(name)!, s = sampleCols[name]!;
    let lo = Infinity, hi = -Infinity;
    for (let i = 0; i < s.length; i++) {
      if (s[i]! < lo) lo = s[i]!;
      if (s[i]! > hi) hi = s[i]!;
    }
    const w = ew.weights[name]!;
    const neg = dims[name] === "-";
    for (let i = 0; i < n; i++) {
      // A resample in which the indicator is constant scales its own value to 0.5 (as entropyWeights does);
      // rows outside the resample's range are clamped to it (below → 0, above → 1 for "+").
      const d = x[i]! - lo;
      let v = hi === lo ? (d === 0 ? 0.5 : d > 0 ? 1 : 0) : d / (hi - lo);
      v = Math.min(1, Math.max(0, v));
      if (neg) v = 1 - v;
      score[i] += w * (epsilon + (1 - 2 * epsilon) * v);
    }
  }
  return { score, weights: ew.weights };
}

/** The validated options of {@link classifyGovernance}, defaults filled in. */
interface GovernanceSettings {
  readonly split: "fixed" | "median";
  readonly threshold: number;
  readonly lagTolerance: number;
  readonly epsilon: number;
  readonly lang: Lang;
  readonly replicates: number;
  readonly seed: number;
  readonly over: "rows" | "indicators";
}

function checkOptions(dims: GovernanceDimensions, options: ClassifyGovernanceOptions): GovernanceSettings {
  const {
    split = "fixed",
    threshold = 0.5,
    lagTolerance = 0.1,
    epsilon = 0.002,
    lang = "en",
  } = options;
  const replicates = options.bootstrap?.replicates ?? 200;
  const seed = options.bootstrap?.seed ?? 1;
  const over = options.bootstrap?.over ?? "rows";
  const issues: ValidationIssue[] = [];
  if (split !== "fixed" && split !== "median") {
    issues.push({ column: "split", expected: `"fixed" or "median"`, received: describeValue(split) });
  }
  if (!(typeof threshold === "number" && threshold > 0 && threshold < 1)) {
    issues.push({ column: "threshold", expected: "a number in (0, 1)", received: describeValue(threshold) });
  }
  if (!(typeof lagTolerance === "number" && lagTolerance >= 0 && lagTolerance < 1)) {
    issues.push({
      column: "lagTolerance",
      expected: "a number in [0, 1)",
      received: describeValue(lagTolerance),
    });
  }
  if (!(Number.isInteger(replicates) && replicates >= 0)) {
    issues.push({
      column: "bootstrap.replicates",
      expected: "an integer ≥ 0",
      received: describeValue(replicates),
    });
  }
  if (over !== "rows" && over !== "indicators") {
    issues.push({
      column: "bootstrap.over",
      expected: `"rows" or "indicators"`,
      received: describeValue(over),
    });
  }
  if (lang !== "en" && lang !== "zh") {
    issues.push({ column: "lang", expected: `"en" or "zh"`, received: describeValue(lang) });
  }
  for (const [dim, spec] of [["knowledge", dims?.knowledge], ["alliance", dims?.alliance]] as const) {
    const ok = typeof spec === "string"
      ? spec.length > 0
      : typeof spec === "object" && spec !== null && Object.keys(spec).length > 0 &&
        Object.values(spec).every((d) => d === "+" || d === "-");
    if (!ok) {
      issues.push({
        column: dim,
        expected: `a score column name or indicators with directions ("+"/"-")`,
        received: describeValue(spec),
      });
    }
  }
  if (issues.length > 0) throw new ValidationError("parameters of classifyGovernance", issues);
  return { split, threshold, lagTolerance, epsilon, lang, replicates, seed, over };
}

/** The indicator columns of both dimensions and the ready score columns, read and validated. */
interface GovernanceInputs {
  readonly n: number;
  readonly cols: Map<string, Float64Array>;
  readonly ready: Partial<Record<"K" | "A", Float64Array>>;
}

function readInputs(table: ColumnTable, dims: GovernanceDimensions): GovernanceInputs {
  const n = table.numRows();
  if (n === 0) {
    throw new ValidationError("input of classifyGovernance", [{
      column: "(rows)",
      expected: "at least one row",
      received: "0 rows",
    }]);
  }
  const issues: ValidationIssue[] = [];
  const cols = new Map<string, Float64Array>();
  const dimNames = (spec: GovernanceDimension) => (typeof spec === "string" ? [] : Object.keys(spec));
  for (const name of [...dimNames(dims.knowledge), ...dimNames(dims.alliance)]) {
    if (!cols.has(name)) cols.set(name, readColumn(table, name, issues, false));
  }
  const ready: Partial<Record<"K" | "A", Float64Array>> = {};
  if (typeof dims.knowledge === "string") ready.K = readColumn(table, dims.knowledge, issues, true);
  if (typeof dims.alliance === "string") ready.A = readColumn(table, dims.alliance, issues, true);
  if (issues.length > 0) throw new ValidationError("input of classifyGovernance", issues);
  return { n, cols, ready };
}

/** Scores K and A of every row from a sample of rows (or a subset of indicators), with their weights. */
class GovernanceScorer {
  readonly all: Int32Array;
  constructor(
    readonly dims: GovernanceDimensions,
    readonly inputs: GovernanceInputs,
    readonly p: GovernanceSettings,
  ) {
    this.all = Int32Array.from({ length: inputs.n }, (_, i) => i);
  }

  score(
    key: "K" | "A",
    sample: Int32Array,
    names?: readonly string[],
  ): { score: Float64Array; weights: Record<string, number> } {
    const spec = key === "K" ? this.dims.knowledge : this.dims.alliance;
    if (typeof spec === "string") return { score: this.inputs.ready[key]!, weights: {} };
    return composite(
      this.inputs.cols,
      spec,
      names ?? Object.keys(spec),
      sample,
      this.p.epsilon,
      this.inputs.n,
    );
  }

  thresholds(k: Float64Array, a: Float64Array): GovernanceThresholds {
    return this.p.split === "median"
      ? { K: median(k), A: median(a) }
      : { K: this.p.threshold, A: this.p.threshold };
  }
}

/** Entropy weights warn on degenerate indicators: collect their warnings once, from the full panel. */
function weightWarnings(dims: GovernanceDimensions, inputs: GovernanceInputs, epsilon: number): string[] {
  const warnings: string[] = [];
  for (const [spec, label] of [[dims.knowledge, "knowledge"], [dims.alliance, "alliance"]] as const) {
    if (typeof spec !== "string") {
      const ew = entropyWeights(
        aq.table(Object.fromEntries(Object.keys(spec).map((k) => [k, inputs.cols.get(k)!]))),
        { indicators: spec, epsilon },
      );
      warnings.push(...ew.warnings.map((w) => `${label}: ${w}`));
    }
  }
  return warnings;
}

/**
 * Share of bootstrap replicates (rows or indicators resampled with replacement, weights, scaling and median
 * recomputed; seeded) in which each row keeps its quadrant; null for every row when nothing is bootstrapped.
 */
function bootstrapStability(
  scorer: GovernanceScorer,
  quadrant: readonly GovernanceQuadrant[],
  warnings: string[],
): (number | null)[] {
  const { dims, p } = scorer;
  const n = quadrant.length;
  const bothReady = typeof dims.knowledge === "string" && typeof dims.alliance === "string";
  if (p.replicates > 0 && bothReady && p.split === "fixed") {
    warnings.push(
      "K and A are ready score columns with a fixed split: nothing to bootstrap, stability is null",
    );
  }
  if (p.replicates === 0 || (bothReady && p.split === "fixed")) return new Array(n).fill(null);
  if (typeof dims.knowledge === "string" || typeof dims.alliance === "string") {
    warnings.push(
      "a ready score column is held fixed in the bootstrap: its own uncertainty is not reflected",
    );
  }
  const rng = new Random(p.seed);
  const keep = new Int32Array(n);
  const pick = (spec: GovernanceDimension) => {
    if (typeof spec === "string") return undefined;
    const names = Object.keys(spec);
    return [...new Set(Array.from({ length: names.length }, () => names[rng.int(names.length)]!))];
  };
  for (let r = 0; r < p.replicates; r++) {
    let kb: Float64Array, ab: Float64Array;
    if (p.over === "rows") {
      const sample = new Int32Array(n);
      for (let i = 0; i < n; i++) sample[i] = rng.int(n);
      kb = scorer.score("K", sample).score;
      ab = scorer.score("A", sample).score;
    } else {
      kb = scorer.score("K", scorer.all, pick(dims.knowledge)).score;
      ab = scorer.score("A", scorer.all, pick(dims.alliance)).score;
    }
    const tb = scorer.thresholds(kb, ab);
    for (let i = 0; i < n; i++) {
      if (governanceQuadrant(kb[i]!, ab[i]!, { thresholds: tb }) === quadrant[i]) keep[i]++;
    }
  }
  return Array.from(keep, (c) => c / p.replicates);
}

/** Rows per quadrant and year, every quadrant present (0 when empty), years ascending. */
function quadrantCounts(
  quadrant: readonly GovernanceQuadrant[],
  years: ArrayLike<unknown> | undefined,
  yearColumn: string,
): ColumnTable {
  const order: GovernanceQuadrant[] = ["HH", "HL", "LH", "LL"];
  const by = new Map<unknown, Record<GovernanceQuadrant, number>>();
  quadrant.forEach((q, i) => {
    const y = years ? years[i] : undefined;
    if (!by.has(y)) by.set(y, { HH: 0, HL: 0, LH: 0, LL: 0 });
    by.get(y)![q]++;
  });
  const keys = [...by.keys()].sort((a, b) =>
    typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b))
  );
  const cols: Record<string, unknown[]> = years ? { [yearColumn]: keys } : {};
  for (const q of order) cols[q] = keys.map((k) => by.get(k)![q]);
  cols.total = keys.map((k) => order.reduce((s, q) => s + by.get(k)![q], 0));
  return aq.table(cols);
}

/** The entity, year and kept columns of the input, checked to exist. */
function carriedColumns(table: ColumnTable, options: GovernanceReading): Record<string, unknown[]> {
  const names = table.columnNames();
  const wanted = options.id ?? [
    ...(options.entity !== undefined || names.includes("entity") ? [options.entity ?? "entity"] : []),
    ...(options.year !== undefined || names.includes("year") ? [options.year ?? "year"] : []),
    ...(options.keep ?? []),
  ];
  const out: Record<string, unknown[]> = {};
  const issues: ValidationIssue[] = [];
  for (const c of wanted) {
    if (!names.includes(c)) {
      issues.push({
        column: options.id
          ? "id"
          : options.keep?.includes(c)
          ? "keep"
          : c === options.year
          ? "year"
          : "entity",
        expected: "columns of the input",
        received: `"${c}" (columns ${names.join(", ")})`,
      });
    } else out[c] = table.array(c) as unknown[];
  }
  if (issues.length) throw new ValidationError("parameters of classifyGovernance", issues);
  return out;
}

/**
 * Classify each row (an entity-year) by knowledge stock K × alliance stock A. The quadrants, phases and
 * mechanisms follow the source text's three mechanisms placed on Menzel & Fornahl's (2010) life cycle and
 * Giuliani & Bell's (2005) knowledge base × network position (design choice):
 *
 * - K and A: entropy-weighted composites of the given indicators, min–max normalised over the pooled panel
 *   (so years compare), or ready score columns in [0, 1];
 * - quadrant: K and A against the threshold (0.5, or each axis' panel median with `split: "median"`;
 *   "high" includes the threshold); phase and main mechanism ({@link GOVERNANCE_PHASES},
 *   {@link GOVERNANCE_QUADRANT_MECHANISMS}): LL emerging → increase knowledge supply; HL knowledge-rich,
 *   fragmented → connect suppliers and users; LH networked, knowledge-poor → supply through external
 *   pipelines; HH mature → knowledge-sharing platform;
 * - portfolio: a weight per mechanism ({@link governancePortfolio}); `distance` = min(|K − t_K|, |A − t_A|);
 * - `stability`: share of bootstrap replicates (rows or indicators resampled with replacement, weights,
 *   scaling and median recomputed; seeded) in which the row keeps its quadrant;
 * - lag: |K − A| ≤ 0.1 synchronous, else which stock lags (徐维祥 et al. 2020);
 * - `cutoff`: the cut-offs used, in `lang`, stated as a design choice on every row.
 *
 * All cut-offs are a design choice (no published numeric rule) and parameters.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { classifyGovernance } from "clusterlab";
 * const r = classifyGovernance(
 *   [{ entity: "a", K: 0.8, A: 0.2 }, { entity: "b", K: 0.3, A: 0.35 }],
 *   { knowledge: "K", alliance: "A" },
 * );
 * assert.deepEqual(r.table.array("quadrant"), ["HL", "LL"]);
 * assert.equal(r.table.get("mechanism", 0), "connect knowledge suppliers and users");
 * assert.deepEqual(r.table.array("lag"), ["alliance_lags", "synchronous"]); // |0.3 − 0.35| ≤ 0.1
 * assert.equal(r.table.get("cutoff", 0), "design choice: K and A split at 0.5; |K − A| ≤ 0.1 synchronous");
 * ```
 */
export function classifyGovernance(
  input: TableInput,
  dimensions: GovernanceDimensions,
  options?: ClassifyGovernanceOptions,
): GovernanceResult;
/**
 * @deprecated the 0.1 form `classifyGovernance(input, { knowledge, alliance, id, split, … })`; use
 * `classifyGovernance(input, { knowledge, alliance }, { split, … })`, with `keep` for columns beyond the
 * entity and year (0.1's `id` listed every kept column, in order, and still does here).
 */
export function classifyGovernance(input: TableInput, options: GovernanceOptions): GovernanceResult;
export function classifyGovernance(
  input: TableInput,
  dimensions01: GovernanceDimensions | GovernanceOptions,
  options01: ClassifyGovernanceOptions = {},
): GovernanceResult {
  const [dimensions, options] = governanceArguments(dimensions01, options01);
  const p = checkOptions(dimensions, options);
  const table = toTable(input);
  const key = panelKey(table, [options.entity ?? "entity", options.year ?? "year"]);
  checkUniqueKey(table, key, "input of classifyGovernance");
  const inputs = readInputs(table, dimensions);
  const n = inputs.n;
  const warnings = weightWarnings(dimensions, inputs, p.epsilon);
  const scorer = new GovernanceScorer(dimensions, inputs, p);
  const kRes = scorer.score("K", scorer.all), aRes = scorer.score("A", scorer.all);
  const K = kRes.score, A = aRes.score;
  const thresholds = scorer.thresholds(K, A);
  const quadrant: GovernanceQuadrant[] = [];
  for (let i = 0; i < n; i++) quadrant.push(governanceQuadrant(K[i]!, A[i]!, { thresholds }));
  const stability = bootstrapStability(scorer, quadrant, warnings);
  const out = carriedColumns(table, options);
  const phase: string[] = [], mech: string[] = [], lagCode: string[] = [], lagLabel: string[] = [];
  const wS = new Float64Array(n),
    wC = new Float64Array(n),
    wP = new Float64Array(n),
    dist = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const q = quadrant[i]!;
    phase.push(GOVERNANCE_PHASES[q][p.lang]);
    mech.push(GOVERNANCE_QUADRANT_MECHANISMS[q][p.lang]);
    const w = governancePortfolio(K[i]!, A[i]!, { thresholds });
    wS[i] = w.supply;
    wC[i] = w.connect;
    wP[i] = w.platform;
    dist[i] = Math.min(Math.abs(K[i]! - thresholds.K), Math.abs(A[i]! - thresholds.A));
    const lag = governanceLag(K[i]!, A[i]!, { tolerance: p.lagTolerance });
    lagCode.push(lag);
    lagLabel.push(GOVERNANCE_LAGS[lag][p.lang]);
  }
  const cutoff = GOVERNANCE_CUTOFF_NOTES[p.split][p.lang]
    .replace("{t}", p.split === "median" ? `K ${thresholds.K}, A ${thresholds.A}` : String(p.threshold))
    .replace("{lag}", String(p.lagTolerance));
  Object.assign(out, {
    K,
    A,
    quadrant,
    phase,
    mechanism: mech,
    w_supply: wS,
    w_connect: wC,
    w_platform: wP,
    distance: dist,
    stability,
    lag: lagCode,
    lag_label: lagLabel,
    cutoff: new Array<string>(n).fill(cutoff),
  });
  const yearColumn = options.year ?? "year";
  return finiteResult("classifyGovernance", {
    table: aq.table(out),
    counts: quadrantCounts(quadrant, out[yearColumn] as ArrayLike<unknown> | undefined, yearColumn),
    weights: { knowledge: kRes.weights, alliance: aRes.weights },
    thresholds,
    warnings,
  });
}
