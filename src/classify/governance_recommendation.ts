/**
 * The governance recommendation for one entity (a province, a country) of a {@link classifyGovernance}
 * table: its path across the knowledge × alliance quadrants and, for one year, the phase, main mechanism,
 * portfolio, stability and lag, written out in English and Chinese (DESIGN §3.2). 治理建议。
 * @module
 */
import type { ColumnTable } from "arquero";
import { describeValue, ValidationError } from "../data/validation_error.ts";
import type { Bilingual } from "../i18n.ts";
import {
  GOVERNANCE_LAGS,
  GOVERNANCE_MECHANISMS,
  GOVERNANCE_PHASES,
  GOVERNANCE_QUADRANT_MECHANISMS,
  type GovernanceMechanism,
  type GovernanceQuadrant,
  type GovernanceResult,
} from "./governance.ts";

/** A run of consecutive observed years of an entity in one quadrant. */
export interface GovernanceTrajectoryStep {
  /** The quadrant of every year of the run. */
  readonly quadrant: GovernanceQuadrant;
  /** First year of the run. */
  readonly from: number;
  /** Last year of the run (equal to `from` for a one-year run). */
  readonly to: number;
  /** Number of observed years in the run (years without a row are skipped, not counted). */
  readonly years: number;
}

/** The result of {@link governanceRecommendation}. */
export interface GovernanceRecommendation {
  /** The entity as it appears in the table's entity column. */
  readonly entity: string;
  /** The year of the recommendation. */
  readonly year: number;
  /** Knowledge-stock score K of the entity in `year`, in [0, 1]. */
  readonly K: number;
  /** Alliance-stock score A of the entity in `year`, in [0, 1]. */
  readonly A: number;
  /** Quadrant of (K, A) in `year`: L/H for K, then L/H for A. */
  readonly quadrant: GovernanceQuadrant;
  /** The cluster phase of the quadrant (DESIGN §3.2 table). */
  readonly phase: Bilingual;
  /** The main mechanism of the quadrant (DESIGN §3.2 table). */
  readonly mechanism: Bilingual;
  /** The portfolio weights of the row (`w_supply`, `w_connect`, `w_platform`), exact. */
  readonly portfolio: Readonly<Record<GovernanceMechanism, number>>;
  /** Distance to the nearest threshold. */
  readonly distance: number;
  /** Bootstrap share keeping the quadrant (null when not bootstrapped). */
  readonly stability: number | null;
  /** Which stock lags in `year` (`synchronous` when |K − A| is within the lag tolerance of
   * {@link classifyGovernance}). */
  readonly lag: keyof typeof GOVERNANCE_LAGS;
  /** The entity's path across the quadrants, from its first year up to `year`. */
  readonly trajectory: readonly GovernanceTrajectoryStep[];
  /** The recommendation in both languages (numbers rounded for reading here only; the fields are exact). */
  readonly text: Bilingual;
}

/** Options of {@link governanceRecommendation}. */
export interface GovernanceRecommendationOptions {
  /** The year of the recommendation (default: the entity's last year in the table). */
  readonly year?: number;
  /** Display name of the entity, per language or one for both (default: the entity itself). */
  readonly name?: Bilingual | string;
  /** Column of the entity names (default "entity"). */
  readonly entityColumn?: string;
  /** Column of the years (default "year"). */
  readonly yearColumn?: string;
}

const NEEDED = ["K", "A", "quadrant", "w_supply", "w_connect", "w_platform", "distance", "stability", "lag"];
const QUADRANTS: readonly string[] = ["LL", "HL", "LH", "HH"];

/** "2010–2017", or "2010" for a one-year run. */
function span(s: GovernanceTrajectoryStep): string {
  return s.from === s.to ? String(s.from) : `${s.from}–${s.to}`;
}

/**
 * The recommendation for `entity` in one year of a {@link classifyGovernance} result, with the evidence
 * behind it (DESIGN §3.2): the quadrant path of the entity up to that year (runs of consecutive observed
 * years in one quadrant), K, A, the phase and main mechanism of the quadrant, the portfolio (Grandori 2001),
 * the distance to the nearest threshold, the bootstrap stability and the lag reading (徐维祥 et al. 2020).
 * Nothing is recomputed: the values are those of the table's row, so the cut-offs are the table's (a design
 * choice, see {@link classifyGovernance}). An entity or a year that the table does not hold is a
 * {@link ValidationError} listing the ones it does.
 *
 * @example
 * ```ts
 * import { classifyGovernance, governanceRecommendation } from "clusterlab";
 * const r = classifyGovernance([
 *   { entity: "a", year: 1, K: 0.2, A: 0.3 },
 *   { entity: "a", year: 2, K: 0.75, A: 0.25 },
 * ], { knowledge: "K", alliance: "A", bootstrap: { replicates: 0 } });
 * const rec = governanceRecommendation(r, "a");
 * rec.trajectory.map((s) => s.quadrant); // ["LL", "HL"]
 * rec.portfolio; // { supply: 0.25, connect: 0.5625, platform: 0.1875 }
 * rec.mechanism.en; // "connect knowledge suppliers and users"
 * ```
 */
export function governanceRecommendation(
  input: GovernanceResult | ColumnTable,
  entity: string,
  options: GovernanceRecommendationOptions = {},
): GovernanceRecommendation {
  const table: ColumnTable = typeof (input as ColumnTable).columnNames === "function"
    ? input as ColumnTable
    : (input as GovernanceResult).table;
  const { entityColumn = "entity", yearColumn = "year" } = options;
  const cols = table.columnNames();
  const missing = [entityColumn, yearColumn, ...NEEDED].filter((c) => !cols.includes(c));
  if (missing.length) {
    throw new ValidationError(
      "input of governanceRecommendation",
      missing.map((c) => ({
        column: c,
        expected: `a column "${c}" (a classifyGovernance table)`,
        received: `columns ${cols.join(", ")}`,
      })),
    );
  }
  const getE = table.getter(entityColumn), getY = table.getter(yearColumn);
  const entities = new Set<string>();
  const mine: number[] = [];
  for (let i = 0; i < table.numRows(); i++) {
    const e = String(getE(i));
    entities.add(e);
    if (e === entity) mine.push(i);
  }
  if (mine.length === 0) {
    throw new ValidationError("options of governanceRecommendation", [{
      column: "entity",
      expected: `one of the entities of the table: ${[...entities].join(", ")}`,
      received: describeValue(entity),
    }]);
  }
  mine.sort((a, b) => (getY(a) as number) - (getY(b) as number));
  const years = mine.map((i) => getY(i) as number);
  for (let k = 1; k < years.length; k++) {
    if (years[k] === years[k - 1]) {
      throw new ValidationError("input of governanceRecommendation", [{
        row: mine[k]! + 1,
        column: yearColumn,
        expected: `one row per year of "${entity}"`,
        received: `a second row for ${years[k]}`,
      }]);
    }
  }
  const year = options.year ?? years.at(-1)!;
  const at = years.indexOf(year);
  if (at < 0) {
    throw new ValidationError("options of governanceRecommendation", [{
      column: "year",
      expected: `a year of "${entity}" in the table: ${years.join(", ")}`,
      received: describeValue(options.year),
    }]);
  }
  const get = (c: string, i: number) => table.get(c, i);
  const trajectory: GovernanceTrajectoryStep[] = [];
  for (let k = 0; k <= at; k++) {
    const q = String(get("quadrant", mine[k]!));
    if (!QUADRANTS.includes(q)) {
      throw new ValidationError("input of governanceRecommendation", [{
        row: mine[k]! + 1,
        column: "quadrant",
        expected: "LL, HL, LH or HH",
        received: describeValue(get("quadrant", mine[k]!)),
      }]);
    }
    const last = trajectory.at(-1);
    if (last && last.quadrant === q) {
      trajectory[trajectory.length - 1] = { ...last, to: years[k]!, years: last.years + 1 };
    } else trajectory.push({ quadrant: q as GovernanceQuadrant, from: years[k]!, to: years[k]!, years: 1 });
  }
  const row = mine[at]!;
  const quadrant = trajectory.at(-1)!.quadrant;
  const K = get("K", row) as number, A = get("A", row) as number;
  const portfolio = {
    supply: get("w_supply", row) as number,
    connect: get("w_connect", row) as number,
    platform: get("w_platform", row) as number,
  };
  const distance = get("distance", row) as number;
  const stabilityRaw = get("stability", row);
  const stability = typeof stabilityRaw === "number" ? stabilityRaw : null;
  const lag = String(get("lag", row)) as keyof typeof GOVERNANCE_LAGS;
  if (!(lag in GOVERNANCE_LAGS)) {
    throw new ValidationError("input of governanceRecommendation", [{
      row: row + 1,
      column: "lag",
      expected: Object.keys(GOVERNANCE_LAGS).join(", "),
      received: describeValue(lag),
    }]);
  }
  const name: Bilingual = typeof options.name === "string"
    ? { en: options.name, zh: options.name }
    : options.name ?? { en: entity, zh: entity };
  const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
  const f2 = (x: number) => x.toFixed(2);
  const path = trajectory.map((s) => `${s.quadrant} ${span(s)}`).join(" → ");
  const mix = (lang: "en" | "zh", sep: string) =>
    (["supply", "connect", "platform"] as const).map((m) =>
      `${GOVERNANCE_MECHANISMS[m][lang]} ${pct(portfolio[m])}`
    )
      .join(sep);
  const phase = GOVERNANCE_PHASES[quadrant], mechanism = GOVERNANCE_QUADRANT_MECHANISMS[quadrant];
  const lagText = GOVERNANCE_LAGS[lag];
  const text: Bilingual = {
    en: `${name.en} ${year}: ${phase.en} (quadrant ${quadrant}; K = ${f2(K)}, A = ${f2(A)}, ${
      f2(distance)
    } from the nearest threshold; ${
      stability === null
        ? "not bootstrapped"
        : `the quadrant holds in ${pct(stability)} of bootstrap resamples`
    }). Path: ${path}. Main mechanism: ${mechanism.en}. Portfolio: ${mix("en", ", ")}; ${lagText.en}.`,
    zh: `${name.zh} ${year} 年：${phase.zh}（象限 ${quadrant}；K = ${f2(K)}，A = ${f2(A)}，距最近分界线 ${
      f2(distance)
    }；${
      stability === null ? "未做自助抽样" : `自助重抽样中 ${pct(stability)} 保持该象限`
    }）。路径：${path}。主要机制：${mechanism.zh}。机制组合：${mix("zh", "，")}；${lagText.zh}。`,
  };
  return {
    entity,
    year,
    K,
    A,
    quadrant,
    phase,
    mechanism,
    portfolio,
    distance,
    stability,
    lag,
    trajectory,
    text,
  };
}
