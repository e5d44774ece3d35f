/**
 * The governance recommendation for one entity (a province, a country) of a {@link classifyGovernance}
 * table: its path across the knowledge × alliance quadrants and, for one year, the phase, main mechanism,
 * portfolio (Grandori 2001), stability and lag (徐维祥 et al. 2020), written out in English and Chinese.
 * 治理建议。
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { classifyGovernance, governanceRecommendation } from "clusterlab";
 * const r = classifyGovernance([{ entity: "a", year: 2020, K: 0.8, A: 0.9 }], { knowledge: "K", alliance: "A" });
 * const rec = governanceRecommendation(r, "a");
 * assert.equal(rec.quadrant, "HH"); // both stocks high: a mature cluster
 * assert.equal(rec.mechanism.en, "knowledge-sharing platform with common culture and language");
 * ```
 * @module
 */
import type { ColumnTable } from "../deps/arquero.ts";
import { describeValue, ValidationError } from "../core/validation_error.ts";
import type { Bilingual } from "../core/i18n.ts";
import { checkGivenOnce } from "../core/deprecated.ts";
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
  /** The cluster phase of the quadrant ({@link GOVERNANCE_PHASES}). */
  readonly phase: Bilingual;
  /** The main mechanism of the quadrant ({@link GOVERNANCE_QUADRANT_MECHANISMS}). */
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
  readonly at?: number;
  /** Display names of entities (entity → a name for both languages, or `{ en, zh }`); default: the entity. */
  readonly names?: Readonly<Record<string, string | Bilingual>>;
  /** Column of the entities (default "entity"). */
  readonly entity?: string;
  /** Column of the years (default "year"). */
  readonly year?: string;
}

/**
 * @deprecated the 0.1 options of {@link governanceRecommendation}; use {@link GovernanceRecommendationOptions}
 * (`year` → `at`, `name` → `names: { [entity]: name }`, `entityColumn` → `entity`, `yearColumn` → `year`).
 */
export interface GovernanceRecommendationOptionsV01 {
  /** The year of the recommendation (today `at`). */
  readonly year?: number;
  /** Display name of the entity, per language or one for both (today `names`). */
  readonly name?: Bilingual | string;
  /** Column of the entities (today `entity`). */
  readonly entityColumn?: string;
  /** Column of the years (today `year`). */
  readonly yearColumn?: string;
}

/** Today's options from a call's, the 0.1 names (told apart from today's `year` column by its type) read. */
function recommendationOptions(
  entity: string,
  options: GovernanceRecommendationOptions | GovernanceRecommendationOptionsV01,
): GovernanceRecommendationOptions {
  const { year, name, entityColumn, yearColumn, ...rest } = options as
    & GovernanceRecommendationOptionsV01
    & Omit<GovernanceRecommendationOptions, "year">
    & { readonly year?: number | string };
  if (
    typeof year !== "number" && name === undefined && entityColumn === undefined && yearColumn === undefined
  ) {
    return options as GovernanceRecommendationOptions;
  }
  const today = { ...rest, year: typeof year === "number" ? undefined : year };
  const v01 = {
    at: typeof year === "number" ? year : undefined,
    names: name === undefined ? undefined : { [entity]: name },
    entity: entityColumn,
    year: yearColumn,
  };
  checkGivenOnce("options of governanceRecommendation", v01, today);
  return {
    at: v01.at ?? today.at,
    names: v01.names ?? today.names,
    entity: v01.entity ?? today.entity,
    year: v01.year ?? today.year,
  };
}

const NEEDED = ["K", "A", "quadrant", "w_supply", "w_connect", "w_platform", "distance", "stability", "lag"];
const QUADRANTS: readonly string[] = ["LL", "HL", "LH", "HH"];

/** "2010–2017", or "2010" for a one-year run. */
function span(s: GovernanceTrajectoryStep): string {
  return s.from === s.to ? String(s.from) : `${s.from}–${s.to}`;
}

/** The rows of `entity` in year order, with their years (one row per year, else an error). */
function rowsOf(
  table: ColumnTable,
  entity: string,
  entityColumn: string,
  yearColumn: string,
): { mine: number[]; years: number[] } {
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
  return { mine, years };
}

/** Runs of consecutive observed years in one quadrant, over the entity's rows up to index `at`. */
function trajectoryOf(
  table: ColumnTable,
  mine: readonly number[],
  years: readonly number[],
  at: number,
): GovernanceTrajectoryStep[] {
  const trajectory: GovernanceTrajectoryStep[] = [];
  for (let k = 0; k <= at; k++) {
    const raw = table.get("quadrant", mine[k]!);
    const q = String(raw);
    if (!QUADRANTS.includes(q)) {
      throw new ValidationError("input of governanceRecommendation", [{
        row: mine[k]! + 1,
        column: "quadrant",
        expected: "LL, HL, LH or HH",
        received: describeValue(raw),
      }]);
    }
    const last = trajectory.at(-1);
    if (last && last.quadrant === q) {
      trajectory[trajectory.length - 1] = { ...last, to: years[k]!, years: last.years + 1 };
    } else trajectory.push({ quadrant: q as GovernanceQuadrant, from: years[k]!, to: years[k]!, years: 1 });
  }
  return trajectory;
}

/** The recommendation written out in both languages (numbers rounded for reading only). */
function recommendationText(
  name: Bilingual,
  year: number,
  r: Omit<GovernanceRecommendation, "text" | "entity" | "year">,
): Bilingual {
  const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
  const f2 = (x: number) => x.toFixed(2);
  const path = r.trajectory.map((s) => `${s.quadrant} ${span(s)}`).join(" → ");
  const mix = (lang: "en" | "zh", sep: string) =>
    (["supply", "connect", "platform"] as const).map((m) =>
      `${GOVERNANCE_MECHANISMS[m][lang]} ${pct(r.portfolio[m])}`
    )
      .join(sep);
  const { phase, mechanism, quadrant, K, A, distance, stability } = r;
  const lagText = GOVERNANCE_LAGS[r.lag];
  return {
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
}

/**
 * The recommendation for `entity` in one year of a {@link classifyGovernance} result, with the evidence
 * behind it: the quadrant path of the entity up to that year (runs of consecutive observed years in one
 * quadrant), K, A, the phase and main mechanism of the quadrant, the portfolio (Grandori 2001), the distance
 * to the nearest threshold, the bootstrap stability and the lag reading (徐维祥 et al. 2020). Nothing is
 * recomputed: the values are those of the table's row, so the cut-offs are the table's (a design choice, see
 * {@link classifyGovernance}). An entity or a year that the table does not hold is a
 * {@link ValidationError} listing the ones it does.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { classifyGovernance, governanceRecommendation } from "clusterlab";
 * const r = classifyGovernance([
 *   { entity: "a", year: 1, K: 0.2, A: 0.3 },
 *   { entity: "a", year: 2, K: 0.75, A: 0.25 },
 * ], { knowledge: "K", alliance: "A" }, { bootstrap: { replicates: 0 } });
 * const rec = governanceRecommendation(r, "a", { names: { a: { en: "Region A", zh: "甲地" } } });
 * assert.deepEqual(rec.trajectory.map((s) => s.quadrant), ["LL", "HL"]);
 * assert.deepEqual(rec.portfolio, { supply: 0.25, connect: 0.5625, platform: 0.1875 }); // k = 0.75, a = 0.25
 * assert.equal(rec.mechanism.en, "connect knowledge suppliers and users");
 * assert.ok(rec.text.zh.startsWith("甲地 2 年"));
 * ```
 */
export function governanceRecommendation(
  input: GovernanceResult | ColumnTable,
  entity: string,
  options?: GovernanceRecommendationOptions,
): GovernanceRecommendation;
/**
 * @deprecated the 0.1 form `governanceRecommendation(r, entity, { year: 2020, name, entityColumn, yearColumn })`;
 * use `{ at: 2020, names: { [entity]: name }, entity, year }` (a numeric `year` is read as 0.1's `at`).
 */
export function governanceRecommendation(
  input: GovernanceResult | ColumnTable,
  entity: string,
  options: GovernanceRecommendationOptionsV01,
): GovernanceRecommendation;
export function governanceRecommendation(
  input: GovernanceResult | ColumnTable,
  entity: string,
  options01: GovernanceRecommendationOptions | GovernanceRecommendationOptionsV01 = {},
): GovernanceRecommendation {
  const options = recommendationOptions(entity, options01);
  const table: ColumnTable = typeof (input as ColumnTable).columnNames === "function"
    ? input as ColumnTable
    : (input as GovernanceResult).table;
  const { entity: entityColumn = "entity", year: yearColumn = "year" } = options;
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
  const { mine, years } = rowsOf(table, entity, entityColumn, yearColumn);
  const year = options.at ?? years.at(-1)!;
  const at = years.indexOf(year);
  if (at < 0) {
    throw new ValidationError("options of governanceRecommendation", [{
      column: typeof (options01 as { readonly year?: unknown }).year === "number" ? "year" : "at",
      expected: `a year of "${entity}" in the table: ${years.join(", ")}`,
      received: describeValue(options.at),
    }]);
  }
  const trajectory = trajectoryOf(table, mine, years, at);
  const row = mine[at]!;
  const get = (c: string) => table.get(c, row);
  const quadrant = trajectory.at(-1)!.quadrant;
  const stabilityRaw = get("stability");
  const lag = String(get("lag")) as keyof typeof GOVERNANCE_LAGS;
  if (!(lag in GOVERNANCE_LAGS)) {
    throw new ValidationError("input of governanceRecommendation", [{
      row: row + 1,
      column: "lag",
      expected: Object.keys(GOVERNANCE_LAGS).join(", "),
      received: describeValue(lag),
    }]);
  }
  const fields = {
    K: get("K") as number,
    A: get("A") as number,
    quadrant,
    phase: GOVERNANCE_PHASES[quadrant],
    mechanism: GOVERNANCE_QUADRANT_MECHANISMS[quadrant],
    portfolio: {
      supply: get("w_supply") as number,
      connect: get("w_connect") as number,
      platform: get("w_platform") as number,
    },
    distance: get("distance") as number,
    stability: typeof stabilityRaw === "number" ? stabilityRaw : null,
    lag,
    trajectory,
  };
  const shown = options.names && Object.hasOwn(options.names, entity) ? options.names[entity] : undefined;
  const name: Bilingual = typeof shown === "string"
    ? { en: shown, zh: shown }
    : shown ?? { en: entity, zh: entity };
  return { entity, year, ...fields, text: recommendationText(name, year, fields) };
}
