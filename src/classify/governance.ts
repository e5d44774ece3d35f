/**
 * Phase and knowledge-governance mechanism from knowledge stock × alliance stock (DESIGN §3.2): the source
 * text's practical question — should a cluster increase the supply of knowledge, connect knowledge suppliers
 * with users, or build a knowledge-sharing platform with a common culture and language?
 *
 * No publication gives numeric cut-offs: the quadrant split (0.5 or the panel median), the mechanism
 * portfolio and the lag tolerance are a **design choice**, grounded in Menzel & Fornahl (2010, cluster life
 * cycle), Giuliani & Bell (2005, knowledge base × network position), Grandori (2001, a portfolio of
 * mechanisms) and 徐维祥 et al. (2020, the lag rule). All are parameters.
 *
 * @module
 */
import * as aq from "arquero";
import type { ColumnTable } from "arquero";
import { type TableInput, toTable } from "../data/adapters.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../data/validation_error.ts";
import type { Bilingual, Lang } from "../i18n.ts";
import { entropyWeights, type IndicatorDirection } from "../indicators/entropy_weights.ts";
import { Random } from "../models/random.ts";

/** Quadrant of knowledge stock K × alliance stock A: L/H for K, then L/H for A. */
export type GovernanceQuadrant = "LL" | "HL" | "LH" | "HH";

/** The three mechanisms of the source text. */
export type GovernanceMechanism = "supply" | "connect" | "platform";

/** Phase of each quadrant (DESIGN §3.2 table), in English and Chinese. */
export const GOVERNANCE_PHASES: Readonly<Record<GovernanceQuadrant, Bilingual>> = {
  LL: { en: "emerging cluster", zh: "萌芽期集群" },
  HL: { en: "knowledge-rich, fragmented", zh: "知识丰富但联系松散" },
  LH: { en: "networked, knowledge-poor (lock-in risk)", zh: "网络密集但知识贫乏（锁定风险）" },
  HH: { en: "mature innovation cluster", zh: "成熟创新集群" },
};

/** Main mechanism of each quadrant (DESIGN §3.2 table). */
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

/** Options of {@link classifyGovernance}. */
export interface GovernanceOptions {
  /** Knowledge-stock indicators (`{ rd_stock: "+", papers: "+" }`) or a ready K column. */
  readonly knowledge: GovernanceDimension;
  /** Alliance-stock indicators or a ready A column. */
  readonly alliance: GovernanceDimension;
  /** Columns that identify a row, kept in the output (default: `entity` and `year` when present). */
  readonly id?: readonly string[];
  /** Quadrant split: a fixed threshold on both axes (default 0.5) or the pooled-panel median of each axis. */
  readonly split?: "fixed" | "median";
  /** The fixed threshold (default 0.5). */
  readonly threshold?: number;
  /** |K − A| ≤ this is synchronous (default 0.1, 徐维祥 et al. 2020). */
  readonly lagTolerance?: number;
  /** Bootstrap of the quadrant's stability (default 200 replicates over rows, seed 1; `replicates: 0` skips). */
  readonly bootstrap?: {
    readonly replicates?: number;
    readonly seed?: number;
    /** Resample rows (entity-years, default) or the indicators of each dimension. */
    readonly over?: "rows" | "indicators";
  };
  /** ε of the entropy-weight scaling (default 0.002). */
  readonly epsilon?: number;
  /** Language of the labels (default "en"). */
  readonly lang?: Lang;
}

/** The result of {@link classifyGovernance}. */
export interface GovernanceResult {
  /**
   * One row per input row: the id columns, `K`, `A`, `quadrant` (LL/HL/LH/HH), `phase`, `mechanism`, the
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
  /** Notes on degenerate input and on what the bootstrap could not vary. */
  readonly warnings: readonly string[];
}

/** Median of a typed array (mean of the two middle values for even n). */
function median(x: Float64Array): number {
  const s = Float64Array.from(x).sort();
  const n = s.length;
  return n % 2 === 1 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
}

/**
 * The mechanism portfolio (design choice): bilinear interpolation of the quadrant mechanisms over the unit
 * square of (k, a), where k and a are K and A rescaled piecewise-linearly so that the thresholds map to
 * 0.5. Corners: (0,0) and (0,1) supply, (1,0) connect, (1,1) platform. Hence w_supply = 1 − k,
 * w_connect = k(1 − a), w_platform = k·a, summing to 1 (Grandori 2001: a portfolio, not a single tool).
 *
 * @example
 * ```ts
 * import { governancePortfolio } from "clusterlab";
 * governancePortfolio(0.75, 0.25); // { supply: 0.25, connect: 0.5625, platform: 0.1875 }
 * ```
 */
export function governancePortfolio(
  K: number,
  A: number,
  thresholds: { K: number; A: number } = { K: 0.5, A: 0.5 },
): Record<GovernanceMechanism, number> {
  const rescale = (
    v: number,
    t: number,
  ) => (v <= t ? (t > 0 ? 0.5 * v / t : 0.5) : 0.5 + 0.5 * (v - t) / (1 - t));
  const k = Math.min(1, Math.max(0, rescale(K, thresholds.K)));
  const a = Math.min(1, Math.max(0, rescale(A, thresholds.A)));
  return { supply: 1 - k, connect: k * (1 - a), platform: k * a };
}

/** Quadrant of (K, A) for thresholds t: "high" is ≥ t (design choice: the threshold belongs to "high"). */
export function governanceQuadrant(K: number, A: number, tK = 0.5, tA = 0.5): GovernanceQuadrant {
  return `${K >= tK ? "H" : "L"}${A >= tA ? "H" : "L"}` as GovernanceQuadrant;
}

/** Lag reading: |K − A| ≤ tolerance synchronous, else the smaller side lags (徐维祥 et al. 2020). */
export function governanceLag(K: number, A: number, tolerance = 0.1): keyof typeof GOVERNANCE_LAGS {
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

/**
 * Classify each row (an entity-year) by knowledge stock K × alliance stock A (DESIGN §3.2).
 *
 * - K and A: entropy-weighted composites of the given indicators, min–max normalised over the pooled panel
 *   (so years compare), or ready score columns in [0, 1];
 * - quadrant: K and A against the threshold (0.5, or each axis' panel median with `split: "median"`;
 *   "high" includes the threshold); phase and main mechanism from the DESIGN §3.2 table:
 *   LL emerging → increase knowledge supply; HL knowledge-rich, fragmented → connect suppliers and users;
 *   LH networked, knowledge-poor → supply through external pipelines; HH mature → knowledge-sharing platform;
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
 * import { classifyGovernance } from "clusterlab";
 * const r = classifyGovernance(
 *   [{ entity: "a", K: 0.8, A: 0.2 }, { entity: "b", K: 0.3, A: 0.35 }],
 *   { knowledge: "K", alliance: "A" },
 * );
 * r.table.get("mechanism", 0); // "connect knowledge suppliers and users"
 * r.table.get("lag", 1);       // "synchronous"
 * r.table.get("cutoff", 0);    // "design choice: K and A split at 0.5; |K − A| ≤ 0.1 synchronous"
 * ```
 */
export function classifyGovernance(input: TableInput, options: GovernanceOptions): GovernanceResult {
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
  for (const [dim, spec] of [["knowledge", options.knowledge], ["alliance", options.alliance]] as const) {
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

  const table = toTable(input);
  const n = table.numRows();
  if (n === 0) {
    throw new ValidationError("input of classifyGovernance", [{
      column: "(rows)",
      expected: "at least one row",
      received: "0 rows",
    }]);
  }
  const cols = new Map<string, Float64Array>();
  const dimNames = (spec: GovernanceDimension) => (typeof spec === "string" ? [] : Object.keys(spec));
  for (const name of [...dimNames(options.knowledge), ...dimNames(options.alliance)]) {
    if (!cols.has(name)) cols.set(name, readColumn(table, name, issues, false));
  }
  const ready: Partial<Record<"K" | "A", Float64Array>> = {};
  if (typeof options.knowledge === "string") ready.K = readColumn(table, options.knowledge, issues, true);
  if (typeof options.alliance === "string") ready.A = readColumn(table, options.alliance, issues, true);
  if (issues.length > 0) throw new ValidationError("input of classifyGovernance", issues);

  const warnings: string[] = [];
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const score = (
    spec: GovernanceDimension,
    key: "K" | "A",
    sample: Int32Array,
    names?: readonly string[],
  ): { score: Float64Array; weights: Record<string, number> } => {
    if (typeof spec === "string") return { score: ready[key]!, weights: {} };
    return composite(cols, spec, names ?? Object.keys(spec), sample, epsilon, n);
  };
  // Point estimate (entropy weights warn on degenerate indicators: collect their warnings once).
  for (const [spec, label] of [[options.knowledge, "knowledge"], [options.alliance, "alliance"]] as const) {
    if (typeof spec !== "string") {
      const ew = entropyWeights(
        aq.table(Object.fromEntries(Object.keys(spec).map((k) => [k, cols.get(k)!]))),
        { indicators: spec, epsilon },
      );
      warnings.push(...ew.warnings.map((w) => `${label}: ${w}`));
    }
  }
  const kRes = score(options.knowledge, "K", all), aRes = score(options.alliance, "A", all);
  const K = kRes.score, A = aRes.score;
  const thresholdsOf = (k: Float64Array, a: Float64Array) =>
    split === "median" ? { K: median(k), A: median(a) } : { K: threshold, A: threshold };
  const thresholds = thresholdsOf(K, A);
  const quadrant: GovernanceQuadrant[] = [];
  for (let i = 0; i < n; i++) quadrant.push(governanceQuadrant(K[i]!, A[i]!, thresholds.K, thresholds.A));

  // Bootstrap stability.
  let stability: (number | null)[] = new Array(n).fill(null);
  const bothReady = typeof options.knowledge === "string" && typeof options.alliance === "string";
  if (replicates > 0 && bothReady && split === "fixed") {
    warnings.push(
      "K and A are ready score columns with a fixed split: nothing to bootstrap, stability is null",
    );
  } else if (replicates > 0) {
    if (typeof options.knowledge === "string" || typeof options.alliance === "string") {
      warnings.push(
        "a ready score column is held fixed in the bootstrap: its own uncertainty is not reflected",
      );
    }
    const rng = new Random(seed);
    const keep = new Int32Array(n);
    for (let r = 0; r < replicates; r++) {
      let kb: Float64Array, ab: Float64Array;
      if (over === "rows") {
        const sample = new Int32Array(n);
        for (let i = 0; i < n; i++) sample[i] = rng.int(n);
        kb = score(options.knowledge, "K", sample).score;
        ab = score(options.alliance, "A", sample).score;
      } else {
        const pick = (spec: GovernanceDimension) => {
          if (typeof spec === "string") return undefined;
          const names = Object.keys(spec);
          return [...new Set(Array.from({ length: names.length }, () => names[rng.int(names.length)]!))];
        };
        kb = score(options.knowledge, "K", all, pick(options.knowledge)).score;
        ab = score(options.alliance, "A", all, pick(options.alliance)).score;
      }
      const tb = thresholdsOf(kb, ab);
      for (let i = 0; i < n; i++) {
        if (governanceQuadrant(kb[i]!, ab[i]!, tb.K, tb.A) === quadrant[i]) keep[i]++;
      }
    }
    stability = Array.from(keep, (c) => c / replicates);
  }

  const idCols = options.id ?? ["entity", "year"].filter((c) => table.columnNames().includes(c));
  const out: Record<string, unknown[]> = {};
  for (const c of idCols) {
    if (!table.columnNames().includes(c)) {
      throw new ValidationError("parameters of classifyGovernance", [{
        column: "id",
        expected: `columns of the input`,
        received: `"${c}" (columns ${table.columnNames().join(", ")})`,
      }]);
    }
    out[c] = table.array(c) as unknown[];
  }
  const phase: string[] = [], mech: string[] = [], lagCode: string[] = [], lagLabel: string[] = [];
  const wS = new Float64Array(n),
    wC = new Float64Array(n),
    wP = new Float64Array(n),
    dist = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const q = quadrant[i]!;
    phase.push(GOVERNANCE_PHASES[q][lang]);
    mech.push(GOVERNANCE_QUADRANT_MECHANISMS[q][lang]);
    const p = governancePortfolio(K[i]!, A[i]!, thresholds);
    wS[i] = p.supply;
    wC[i] = p.connect;
    wP[i] = p.platform;
    dist[i] = Math.min(Math.abs(K[i]! - thresholds.K), Math.abs(A[i]! - thresholds.A));
    const lag = governanceLag(K[i]!, A[i]!, lagTolerance);
    lagCode.push(lag);
    lagLabel.push(GOVERNANCE_LAGS[lag][lang]);
  }
  const cutoff = GOVERNANCE_CUTOFF_NOTES[split][lang]
    .replace("{t}", split === "median" ? `K ${thresholds.K}, A ${thresholds.A}` : String(threshold))
    .replace("{lag}", String(lagTolerance));
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
  return {
    table: aq.table(out),
    weights: { knowledge: kRes.weights, alliance: aRes.weights },
    thresholds,
    warnings,
  };
}
