/**
 * Knowledge gatekeepers: organisations central inside their region (or country) and open to the outside,
 * after Giuliani & Bell (2005). 知识守门人：区域内部中心性与外部开放度。
 * @module
 */
import * as aq from "../deps/arquero.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import { type TableInput, toTable } from "../data/adapters.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../core/validation_error.ts";
import type { Bilingual, Lang } from "../core/i18n.ts";
import { tieGraph, type TiesInput } from "../indicators/network/tie_graph.ts";
import { finiteResult } from "../indicators/finite_result.ts";

/** The four cognitive roles of Giuliani & Bell (2005). */
export type GatekeeperClass =
  | "technological_gatekeeper"
  | "active_mutual_exchanger"
  | "external_star"
  | "isolated";

/** The classes in display order (high internal centrality first). */
export const GATEKEEPER_CLASS_ORDER: readonly GatekeeperClass[] = [
  "technological_gatekeeper",
  "active_mutual_exchanger",
  "external_star",
  "isolated",
];

/** Bilingual names of the classes. */
export const GATEKEEPER_CLASSES: Readonly<Record<GatekeeperClass, Bilingual>> = {
  technological_gatekeeper: { en: "Technological gatekeeper", zh: "技术守门人" },
  active_mutual_exchanger: { en: "Active mutual exchanger", zh: "积极互惠交换者" },
  external_star: { en: "External star", zh: "外部明星" },
  isolated: { en: "Isolated", zh: "孤立者" },
};

/** A threshold: the mean or median of the measure (within the scope), or a number. */
export type GatekeeperThreshold = "mean" | "median" | number;

/** Options of {@link gatekeepers}. */
export interface GatekeepersOptions {
  /**
   * Column of the organisation table that defines "inside" (default "region"; e.g. "country"): a tie
   * between two organisations with the same value is internal, any other tie external.
   */
  readonly inside?: string;
  /** What is counted: "degree" (distinct partners, default) or "strength" (summed tie weights). */
  readonly measure?: "degree" | "strength";
  /** Internal centrality is high when it is above this (default "mean"; design choice). */
  readonly internalThreshold?: GatekeeperThreshold;
  /** External openness is high when it is above this (default "mean"; design choice). */
  readonly externalThreshold?: GatekeeperThreshold;
  /**
   * Where a "mean" or "median" threshold is taken: over the organisations of the same `inside` value
   * ("inside", default: each region is its own cluster, as the single cluster of Giuliani & Bell) or over all
   * organisations ("all"). Design choice.
   */
  readonly scope?: "inside" | "all";
  /** Column of the tie weight for `measure: "strength"` (default "weight"; absent: 1 per tie). */
  readonly weight?: string | null;
  /** Language of the `label` column (default "en"). */
  readonly lang?: Lang;
}

/** The result of {@link gatekeepers}. */
export interface GatekeepersResult {
  /**
   * One row per organisation (organisation table order): `id`, the `inside` column, `type` (when the
   * organisation table has one), `internal` (centrality inside), `external` (openness), `external_share` =
   * external/(internal + external) (null without ties), `class` and `label`.
   */
  readonly table: ColumnTable;
  /** The thresholds used: the `inside` column (or "all"), `organisations`, `internal_threshold`, `external_threshold`. */
  readonly thresholds: ColumnTable;
  /** Merged repeated ties, left-out self-ties. */
  readonly warnings: readonly string[];
}

function checkOptions(o: GatekeepersOptions): void {
  const issues: ValidationIssue[] = [];
  for (const k of ["internalThreshold", "externalThreshold"] as const) {
    const v = o[k];
    if (
      v !== undefined && v !== "mean" && v !== "median" &&
      !(typeof v === "number" && Number.isFinite(v) && v >= 0)
    ) {
      issues.push({ column: k, expected: '"mean", "median" or a number ≥ 0', received: describeValue(v) });
    }
  }
  if (o.measure !== undefined && o.measure !== "degree" && o.measure !== "strength") {
    issues.push({
      column: "measure",
      expected: '"degree" or "strength"',
      received: describeValue(o.measure),
    });
  }
  if (o.scope !== undefined && o.scope !== "inside" && o.scope !== "all") {
    issues.push({ column: "scope", expected: '"inside" or "all"', received: describeValue(o.scope) });
  }
  if (issues.length > 0) throw new ValidationError("options of gatekeepers", issues);
}

/** Organisation ids and their inside values, validated. */
function readOrganisations(t: ColumnTable, inside: string): { ids: string[]; places: string[] } {
  const issues: ValidationIssue[] = [];
  for (const c of ["id", inside]) {
    if (!t.columnNames().includes(c)) {
      issues.push({ column: c, expected: "a column of the organisation table", received: "no such column" });
    }
  }
  if (issues.length > 0) throw new ValidationError("organisation table of gatekeepers", issues);
  const gi = t.getter("id"), gp = t.getter(inside);
  const ids: string[] = [], places: string[] = [];
  for (let i = 0; i < t.numRows(); i++) {
    const id = gi(i), p = gp(i);
    if (typeof id !== "string" || id === "") {
      issues.push({ row: i + 1, column: "id", expected: "a non-empty text id", received: describeValue(id) });
    }
    if (typeof p !== "string" || p === "") {
      issues.push({ row: i + 1, column: inside, expected: "a non-empty text", received: describeValue(p) });
    }
    ids.push(id as string);
    places.push(p as string);
  }
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) {
      issues.push({
        row: i + 1,
        column: "id",
        expected: "a unique id",
        received: `${JSON.stringify(id)} (repeated)`,
      });
    }
    seen.add(id);
  });
  if (issues.length > 0) throw new ValidationError("organisation table of gatekeepers", issues);
  return { ids, places };
}

/** Mean or median of `values`, or the number itself. */
function thresholdOf(rule: GatekeeperThreshold, values: number[]): number {
  if (typeof rule === "number") return rule;
  if (values.length === 0) return 0;
  if (rule === "mean") return values.reduce((x, y) => x + y, 0) / values.length;
  const s = [...values].sort((x, y) => x - y), h = s.length >> 1;
  return s.length % 2 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

/**
 * Classify organisations by internal centrality and external openness, after Giuliani & Bell (2005, Research
 * Policy 34: 47–68, §5 and Fig. 6), who cross how central a firm is in its cluster's knowledge network with
 * how open it is to knowledge from outside the cluster:
 *
 * | internal centrality | external openness | class |
 * |---|---|---|
 * | high | high | `technological_gatekeeper` — central inside and connected outside: brings outside knowledge in |
 * | high | low | `active_mutual_exchanger` — central inside, weakly connected outside |
 * | low | high | `external_star` — connected outside, weakly connected inside |
 * | low | low | `isolated` |
 *
 * `inside` names a column of `organisations` (e.g. `region` or `country`): a tie between two organisations
 * with the same value is internal, any other tie external. `internal` counts an organisation's distinct
 * internal partners and `external` its distinct external partners (`measure: "strength"`: their summed tie
 * weights); ties are read as undirected. Giuliani & Bell measured centrality by in-degree in a directed
 * "whom do you ask for technical advice" network and openness by an index of extra-cluster linkages;
 * collaboration ties have no direction, so both become degrees here (design choice). "High" means strictly
 * above the threshold; by default the mean of the organisations of the same `inside` value (`scope`),
 * Giuliani & Bell's split at the cluster's average (design choice; every threshold is a parameter: a number
 * t means "more than t", so `externalThreshold: 0` makes any external tie high openness). Within a group of
 * one nobody is above the group's mean: for small groups use `scope: "all"` or numbers.
 *
 * Every organisation is classified, those without ties as isolated. A tie naming an organisation that is not
 * in `organisations` is a {@link ValidationError} naming the row.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { gatekeepers } from "clusterlab";
 * const organisations = [
 *   { id: "u", type: "university", region: "R" },
 *   { id: "f", type: "firm", region: "R" },
 *   { id: "g", type: "firm", region: "R" },
 *   { id: "x", type: "firm", region: "S" },
 * ];
 * // u is tied to both firms of R and to x outside; f and g only to u
 * const ties = [
 *   { source: "u", target: "f" },
 *   { source: "u", target: "g" },
 *   { source: "u", target: "x" },
 * ];
 * const { table } = gatekeepers(ties, organisations);
 * assert.equal(table.get("class", 0), "technological_gatekeeper");
 * assert.deepEqual([...table.array("internal")], [2, 1, 1, 0]);
 * ```
 */
export function gatekeepers(
  ties: TiesInput,
  organisations: TableInput,
  options: GatekeepersOptions = {},
): GatekeepersResult {
  checkOptions(options);
  const {
    inside = "region",
    measure = "degree",
    internalThreshold = "mean",
    externalThreshold = "mean",
    scope = "inside",
    lang = "en",
  } = options;
  const orgs = toTable(organisations);
  const { ids, places } = readOrganisations(orgs, inside);
  const g = tieGraph(ties, {
    weight: measure === "strength" ? options.weight : null,
    nodes: ids,
    subject: "tie table of gatekeepers (ids of the organisation table)",
  });
  const n = ids.length;
  const internal = new Float64Array(n), external = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let p = g.outStart[i]!; p < g.outStart[i + 1]!; p++) {
      const w = measure === "strength" ? g.outWeight[p]! : 1;
      if (places[g.outAdj[p]!] === places[i]) internal[i]! += w;
      else external[i]! += w;
    }
  }
  // thresholds per scope
  const scopeOf = (i: number) => (scope === "all" ? "all" : places[i]!);
  const members = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const k = scopeOf(i);
    if (!members.has(k)) members.set(k, []);
    members.get(k)!.push(i);
  }
  const cut = new Map<string, [number, number]>();
  for (const [k, m] of members) {
    cut.set(k, [
      thresholdOf(internalThreshold, m.map((i) => internal[i]!)),
      thresholdOf(externalThreshold, m.map((i) => external[i]!)),
    ]);
  }
  const klass = Array.from({ length: n }, (_, i): GatekeeperClass => {
    const [ti, te] = cut.get(scopeOf(i))!;
    const hi = internal[i]! > ti, he = external[i]! > te;
    return hi
      ? (he ? "technological_gatekeeper" : "active_mutual_exchanger")
      : he
      ? "external_star"
      : "isolated";
  });
  const cols: Record<string, ArrayLike<unknown>> = { id: ids, [inside]: places };
  if (orgs.columnNames().includes("type") && inside !== "type") {
    cols.type = orgs.array("type") as ArrayLike<unknown>;
  }
  Object.assign(cols, {
    internal,
    external,
    external_share: Array.from(
      internal,
      (v, i) => (v + external[i]! > 0 ? external[i]! / (v + external[i]!) : null),
    ),
    class: klass,
    label: klass.map((k) => GATEKEEPER_CLASSES[k][lang]),
  });
  const keys = [...cut.keys()];
  const thresholds = aq.table({
    [scope === "all" ? "scope" : inside]: keys,
    organisations: keys.map((k) => members.get(k)!.length),
    internal_threshold: keys.map((k) => cut.get(k)![0]),
    external_threshold: keys.map((k) => cut.get(k)![1]),
  });
  return finiteResult("gatekeepers", { table: aq.table(cols), thresholds, warnings: [...g.warnings] });
}
