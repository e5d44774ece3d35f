/**
 * Alliance stock (联盟存量): how much a region's (country's, cluster's) organisations are tied to each other and
 * to the outside, from a list of collaboration ties — the organisational attribute of the knowledge ×
 * alliance governance quadrants (a design grounded in Giuliani & Bell 2005 and Menzel & Fornahl 2010; see
 * `classifyGovernance`). Indicators per group and year: ties per organisation, network density (Wasserman &
 * Faust 1994), share of supplier–user ties (university or research institute ↔ firm; Giuliani & Bell 2005),
 * share of external ties ("global pipelines", Bathelt, Malmberg & Maskell 2004) and the share of the largest
 * connected component. The alliance-stock composite A is their entropy-weighted score ({@link entropyWeights}).
 *
 * @module
 */
import * as aq from "../deps/arquero.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import { UndirectedGraph } from "../deps/graphology.ts";
import { connectedComponents } from "../deps/graphology_components.ts";
import { type TableInput, toTable } from "../data/adapters.ts";
import { missingColumns, ParamChecker } from "../core/checks.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../core/validation_error.ts";
import { finiteResult } from "./finite_result.ts";

/**
 * Knowledge suppliers in a supplier–user tie (Horizon 2020's higher-education and research organisations,
 * HES/REC; Giuliani & Bell 2005).
 */
export const KNOWLEDGE_SUPPLIER_TYPES: readonly string[] = ["university", "research_institute"];
/** Knowledge users in a supplier–user tie (firms; PRC in Horizon 2020). */
export const KNOWLEDGE_USER_TYPES: readonly string[] = ["firm"];

/** Options of {@link allianceStock}. */
export interface AllianceStockOptions {
  /** Organisation column that defines the group (default `"region"`; e.g. a country or cluster column). */
  readonly group?: string;
  /** @deprecated Use `group`: the same option under its old name (giving both is an error). */
  readonly groupBy?: string;
  /** Rolling window in years: year t counts the ties of years t − window + 1 … t (default 1). */
  readonly window?: number;
  /** Years to report (default: every year with ties). */
  readonly years?: readonly number[];
  /** Organisation types counted as knowledge suppliers (default university, research_institute). */
  readonly supplierTypes?: readonly string[];
  /** Organisation types counted as knowledge users (default firm). */
  readonly userTypes?: readonly string[];
}

/** The result of {@link allianceStock} and {@link allianceStockFromCounts}. */
export interface AllianceStockResult {
  /** One row per group and year with the alliance indicators (see the function). */
  readonly table: ColumnTable;
  /** Notes on the input (self-ties ignored, group-years left out); empty when none. */
  readonly warnings: readonly string[];
}

/**
 * Alliance-stock indicators per group and year from an organisation-level tie list (columns `source`,
 * `target`, `year` as in the `TIES` schema; organisations with `id`, `type` and the group column, as in
 * `ORGANISATIONS`), with a graphology network per group and window.
 *
 * For group g and year t (ties of the window t − w + 1 … t; an organisation is *active* when it has a tie
 * in the window; a pair tied several times counts once):
 * - `organisations` n_g: active organisations of g;
 * - `internal_ties` I: distinct pairs inside g; `external_ties` E: distinct pairs with one end in g;
 * - `ties_per_org` = (2I + E)/n_g, the mean number of partners;
 * - `density` = I / (n_g(n_g − 1)/2) (Wasserman & Faust 1994), 0 when n_g < 2;
 * - `supplier_user_share`: share of the I + E pairs joining a knowledge supplier (university, research
 *   institute) and a user (firm) — Giuliani & Bell 2005;
 * - `external_share` = E/(I + E) (Bathelt et al. 2004);
 * - `largest_component_share`: largest connected component of the internal network / n_g.
 *
 * Ties whose endpoints are not in `organisations` are errors naming the row; self-ties are ignored and
 * counted in `warnings`. Groups without an active organisation in a year have no row for that year.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { allianceStock } from "clusterlab";
 * const orgs = [
 *   { id: "u", name: "U", type: "university", region: "R" },
 *   { id: "f", name: "F", type: "firm", region: "R" },
 *   { id: "x", name: "X", type: "firm", region: "S" },
 * ];
 * const ties = [{ source: "u", target: "f", year: 2020 }, { source: "f", target: "x", year: 2020 }];
 * const { table, warnings } = allianceStock(ties, orgs);
 * assert.deepEqual(table.objects()[0], {
 *   region: "R", year: 2020, organisations: 2, internal_ties: 1, external_ties: 1,
 *   ties_per_org: 1.5, density: 1, supplier_user_share: 0.5, external_share: 0.5, largest_component_share: 1,
 * });
 * assert.deepEqual(warnings, []);
 * ```
 */
export function allianceStock(
  ties: TableInput,
  organisations: TableInput,
  options: AllianceStockOptions = {},
): AllianceStockResult {
  const s = allianceSettings(options);
  const orgT = toTable(organisations), tieT = toTable(ties);
  const missingOrg = missingColumns(orgT.columnNames(), ["id", "type", s.group]);
  if (missingOrg.length > 0) throw new ValidationError("organisation table of allianceStock", missingOrg);
  const missingTie = missingColumns(tieT.columnNames(), ["source", "target", "year"]);
  if (missingTie.length > 0) throw new ValidationError("tie table of allianceStock", missingTie);
  const orgs = readOrganisations(orgT, s);
  const t = readTies(tieT, orgs.index);
  const warnings: string[] = [];
  if (t.selfTies > 0) warnings.push(`${t.selfTies} self-ties (source = target) ignored`);
  const allYears = new Set<number>();
  for (let i = 0; i < t.keep.length; i++) if (t.keep[i]) allYears.add(t.yr[i]!);
  const years = s.years ? [...s.years] : [...allYears].sort((a, b) => a - b);
  const out: Record<string, unknown[]> = Object.fromEntries(
    [s.group, "year", ...ALLIANCE_COLUMNS, "largest_component_share"].map((c) => [c, []]),
  );
  for (const year of years) {
    const w = windowCounts(orgs, t, year, s.window);
    for (let k = 0; k < orgs.groups.length; k++) {
      const n = w.count[k]!;
      if (n === 0) continue;
      let largest = 1; // an isolated active organisation is a component of size 1
      const g = w.graphs.get(k);
      if (g) { for (const c of connectedComponents(g)) if (c.length > largest) largest = c.length; }
      const row = allianceRow(n, w.internal[k]!, w.external[k]!, w.supUser[k]!);
      out[s.group]!.push(orgs.groups[k]);
      out.year!.push(year);
      for (const c of ALLIANCE_COLUMNS) out[c]!.push(row[c]);
      out.largest_component_share!.push(largest / n);
    }
  }
  return finiteResult("allianceStock", { table: aq.table(out), warnings });
}

/** The indicator columns both alliance functions compute from n, I, E and the supplier–user count. */
const ALLIANCE_COLUMNS = [
  "organisations",
  "internal_ties",
  "external_ties",
  "ties_per_org",
  "density",
  "supplier_user_share",
  "external_share",
] as const;

/** n, I, E, (2I + E)/n, I/(n(n − 1)/2) (0 when n < 2), su/(I + E), E/(I + E). */
function allianceRow(
  n: number,
  I: number,
  E: number,
  su: number,
): Record<typeof ALLIANCE_COLUMNS[number], number> {
  return {
    organisations: n,
    internal_ties: I,
    external_ties: E,
    ties_per_org: (2 * I + E) / n,
    density: n < 2 ? 0 : I / ((n * (n - 1)) / 2),
    supplier_user_share: su / (I + E),
    external_share: E / (I + E),
  };
}

/** The options of {@link allianceStock}, validated, with their defaults. */
interface AllianceSettings {
  readonly group: string;
  readonly window: number;
  readonly years: readonly number[] | undefined;
  readonly supplierTypes: readonly string[];
  readonly userTypes: readonly string[];
}

function allianceSettings(options: AllianceStockOptions): AllianceSettings {
  const c = new ParamChecker("parameters of allianceStock");
  const { window = 1, years, supplierTypes = KNOWLEDGE_SUPPLIER_TYPES, userTypes = KNOWLEDGE_USER_TYPES } =
    options;
  if (options.group !== undefined && options.groupBy !== undefined) {
    c.add(
      "groupBy",
      'either "group" or its deprecated alias "groupBy", not both',
      `group ${describeValue(options.group)} and groupBy ${describeValue(options.groupBy)}`,
    );
  }
  if (!Number.isInteger(window) || window < 1) c.add("window", "a positive integer (years)", window);
  if (years !== undefined) {
    if (!Array.isArray(years)) c.add("years", "an array of integer years", years);
    else years.forEach((y, i) => Number.isInteger(y) || c.add(`years[${i}]`, "an integer year", y));
  }
  c.done();
  const group = options.group ?? options.groupBy ?? "region";
  return { group, window, years, supplierTypes, userTypes };
}

/** Organisations: id → index, the group of each, its role (1 supplier, 2 user, 0 other) and the groups. */
interface Organisations {
  readonly index: ReadonlyMap<string, number>;
  readonly groups: readonly string[];
  readonly group: Int32Array;
  readonly role: Uint8Array;
}

function readOrganisations(orgT: ColumnTable, s: AllianceSettings): Organisations {
  const issues: ValidationIssue[] = [];
  const index = new Map<string, number>();
  const groups: string[] = [];
  const groupIndex = new Map<string, number>();
  const n = orgT.numRows();
  const group = new Int32Array(n), role = new Uint8Array(n);
  const gId = orgT.getter("id"), gType = orgT.getter("type"), gGroup = orgT.getter(s.group);
  const sup = new Set(s.supplierTypes), use = new Set(s.userTypes);
  for (let i = 0; i < n; i++) {
    const id = gId(i), g = gGroup(i), type = gType(i);
    if (typeof id !== "string" || id === "") {
      issues.push({ row: i + 1, column: "id", expected: "a non-empty text", received: describeValue(id) });
      continue;
    }
    if (index.has(id)) {
      issues.push({
        row: i + 1,
        column: "id",
        expected: "a unique id",
        received: `${JSON.stringify(id)} (duplicate)`,
      });
    }
    if (typeof g !== "string" || g === "") {
      issues.push({ row: i + 1, column: s.group, expected: "a non-empty text", received: describeValue(g) });
      continue;
    }
    index.set(id, i);
    let k = groupIndex.get(g);
    if (k === undefined) {
      groupIndex.set(g, k = groups.length);
      groups.push(g);
    }
    group[i] = k;
    role[i] = sup.has(type as string) ? 1 : use.has(type as string) ? 2 : 0;
  }
  if (issues.length > 0) throw new ValidationError("organisation table of allianceStock", issues);
  return { index, groups, group, role };
}

/** Ties as organisation indices (src < dst) and years; `keep` marks the valid, non-self ties. */
interface Ties {
  readonly src: Int32Array;
  readonly dst: Int32Array;
  readonly yr: Int32Array;
  readonly keep: Uint8Array;
  readonly selfTies: number;
}

function readTies(tieT: ColumnTable, index: ReadonlyMap<string, number>): Ties {
  const issues: ValidationIssue[] = [];
  const m = tieT.numRows();
  const src = new Int32Array(m), dst = new Int32Array(m), yr = new Int32Array(m), keep = new Uint8Array(m);
  const gS = tieT.getter("source"), gT = tieT.getter("target"), gY = tieT.getter("year");
  let selfTies = 0;
  for (let i = 0; i < m; i++) {
    const s = index.get(String(gS(i))), t = index.get(String(gT(i))), y = gY(i);
    for (const [column, end, raw] of [["source", s, gS(i)], ["target", t, gT(i)]] as const) {
      if (end === undefined) {
        issues.push({
          row: i + 1,
          column,
          expected: "an id of the organisation table",
          received: describeValue(raw),
        });
      }
    }
    if (!Number.isInteger(y)) {
      issues.push({ row: i + 1, column: "year", expected: "an integer", received: describeValue(y) });
    }
    if (s === undefined || t === undefined || !Number.isInteger(y)) continue;
    if (s === t) {
      selfTies++;
      continue;
    }
    src[i] = Math.min(s, t);
    dst[i] = Math.max(s, t);
    yr[i] = y as number;
    keep[i] = 1;
  }
  if (issues.length > 0) throw new ValidationError("tie table of allianceStock", issues);
  return { src, dst, yr, keep, selfTies };
}

/** Per group, for the window ending in `year`: active organisations, I, E, supplier–user pairs, networks. */
function windowCounts(orgs: Organisations, t: Ties, year: number, window: number) {
  const nG = orgs.groups.length, nOrg = orgs.group.length;
  const seen = new Set<number>();
  const internal = new Float64Array(nG), external = new Float64Array(nG), supUser = new Float64Array(nG);
  const active = new Uint8Array(nOrg);
  const graphs = new Map<number, UndirectedGraph>();
  for (let i = 0; i < t.keep.length; i++) {
    if (!t.keep[i] || t.yr[i]! > year || t.yr[i]! <= year - window) continue;
    const a = t.src[i]!, b = t.dst[i]!;
    const key = a * nOrg + b;
    if (seen.has(key)) continue;
    seen.add(key);
    active[a] = 1;
    active[b] = 1;
    const ga = orgs.group[a]!, gb = orgs.group[b]!;
    const ra = orgs.role[a], rb = orgs.role[b];
    const su = (ra === 1 && rb === 2) || (ra === 2 && rb === 1);
    if (ga === gb) {
      internal[ga]++;
      if (su) supUser[ga]++;
      let g = graphs.get(ga);
      if (!g) graphs.set(ga, g = new UndirectedGraph());
      g.mergeEdge(String(a), String(b));
    } else {
      external[ga]++;
      external[gb]++;
      if (su) {
        supUser[ga]++;
        supUser[gb]++;
      }
    }
  }
  const count = new Int32Array(nG);
  for (let i = 0; i < nOrg; i++) if (active[i]) count[orgs.group[i]!]++;
  return { count, internal, external, supUser, graphs };
}

/** Options of {@link allianceStockFromCounts}: the columns of the two count tables and the type codes. */
export interface AllianceStockFromCountsOptions {
  /** Column of the tie table's own group, also the group column of the organisation counts (default "country"). */
  readonly group?: string;
  /** Column of the partner's group (default "partner_country"). */
  readonly partnerGroup?: string;
  /** Column of the own organisation type (default "h2020_type"). */
  readonly type?: string;
  /** Column of the partner's organisation type (default "partner_h2020_type"). */
  readonly partnerType?: string;
  /** Column with the number of ties (default "ties"). */
  readonly count?: string;
  /** Column with the number of organisations in the organisation-count table (default "organisations"). */
  readonly organisations?: string;
  /** Knowledge-supplier type codes (default Horizon 2020 HES, REC). */
  readonly supplierTypes?: readonly string[];
  /** Knowledge-user type codes (default Horizon 2020 PRC). */
  readonly userTypes?: readonly string[];
}

/** @deprecated Use {@link AllianceStockFromCountsOptions} (the same type under its old name). */
export type AllianceCountOptions = AllianceStockFromCountsOptions;

/**
 * Alliance-stock indicators per group (country) and year from **aggregated** tie counts — the Horizon 2020
 * country tables, where a tie is a pair of participations in one project, counted with multiplicity and
 * stored once per unordered (group, type) pair — and organisation counts per group, year and type.
 *
 * Same definitions as {@link allianceStock} (I internal, E external, n organisations): `ties_per_org` =
 * (2I + E)/n, `density` = I/(n(n − 1)/2) — a *tie intensity* here, since repeated co-participations count
 * and it can exceed 1 for small groups —, `supplier_user_share`, `external_share`. No component share:
 * counts carry no network structure. Group-years with ties but no organisation count are left out and named
 * in the warnings.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { allianceStockFromCounts } from "clusterlab";
 * const ties = [
 *   { country: "DE", partner_country: "DE", h2020_type: "HES", partner_h2020_type: "PRC", year: 2018, ties: 3 },
 *   { country: "DE", partner_country: "FR", h2020_type: "PRC", partner_h2020_type: "PRC", year: 2018, ties: 1 },
 * ];
 * const orgs = [
 *   { country: "DE", year: 2018, h2020_type: "HES", organisations: 2 },
 *   { country: "DE", year: 2018, h2020_type: "PRC", organisations: 2 },
 *   { country: "FR", year: 2018, h2020_type: "PRC", organisations: 1 },
 * ];
 * const { table } = allianceStockFromCounts(ties, orgs);
 * // DE: n = 4, I = 3 (all supplier–user), E = 1 → (2·3 + 1)/4 ties per organisation, density 3/6
 * assert.deepEqual(table.objects()[0], {
 *   country: "DE", year: 2018, organisations: 4, internal_ties: 3, external_ties: 1,
 *   ties_per_org: 1.75, density: 0.5, supplier_user_share: 0.75, external_share: 0.25,
 * });
 * ```
 */
export function allianceStockFromCounts(
  ties: TableInput,
  organisations: TableInput,
  options: AllianceStockFromCountsOptions = {},
): AllianceStockResult {
  const c = countColumns(options);
  const tieT = toTable(ties), orgT = toTable(organisations);
  const missingTie = missingColumns(tieT.columnNames(), [
    c.group,
    c.partnerGroup,
    c.type,
    c.partnerType,
    "year",
    c.count,
  ]);
  if (missingTie.length > 0) throw new ValidationError("tie table of allianceStockFromCounts", missingTie);
  const missingOrg = missingColumns(orgT.columnNames(), [c.group, "year", c.organisations]);
  if (missingOrg.length > 0) {
    throw new ValidationError("organisation table of allianceStockFromCounts", missingOrg);
  }
  const acc = new Map<string, GroupYear>();
  addOrganisationCounts(orgT, c, acc);
  addTieCounts(tieT, c, acc);
  const warnings: string[] = [];
  const noOrgs: string[] = [];
  const rows: Record<string, unknown>[] = [];
  for (const k of [...acc.keys()].sort()) {
    const [g, y] = k.split("\u0000");
    const { n, I, E, su } = acc.get(k)!;
    if (I + E === 0) continue; // organisations without any tie that year: nothing to measure
    if (n === 0) {
      noOrgs.push(`${g} ${y}`);
      continue;
    }
    rows.push({ [c.group]: g, year: Number(y), ...allianceRow(n, I, E, su) });
  }
  if (noOrgs.length > 0) {
    warnings.push(
      `${noOrgs.length} group-years have ties but no organisation count and are left out: ${
        noOrgs.slice(0, 8).join(", ")
      }`,
    );
  }
  rows.sort((a, b) =>
    (a[c.group] as string).localeCompare(b[c.group] as string) || (a.year as number) - (b.year as number)
  );
  return finiteResult("allianceStockFromCounts", { table: aq.from(rows), warnings });
}

/** The options of {@link allianceStockFromCounts} with their defaults. */
type CountColumns = Required<AllianceStockFromCountsOptions>;

function countColumns(options: AllianceStockFromCountsOptions): CountColumns {
  return {
    group: options.group ?? "country",
    partnerGroup: options.partnerGroup ?? "partner_country",
    type: options.type ?? "h2020_type",
    partnerType: options.partnerType ?? "partner_h2020_type",
    count: options.count ?? "ties",
    organisations: options.organisations ?? "organisations",
    supplierTypes: options.supplierTypes ?? ["HES", "REC"],
    userTypes: options.userTypes ?? ["PRC"],
  };
}

/** Counts of one group and year: organisations n, internal I and external E ties, supplier–user ties su. */
interface GroupYear {
  n: number;
  I: number;
  E: number;
  su: number;
}

function groupYear(acc: Map<string, GroupYear>, g: string, y: number): GroupYear {
  const k = `${g}\u0000${y}`;
  let a = acc.get(k);
  if (!a) acc.set(k, a = { n: 0, I: 0, E: 0, su: 0 });
  return a;
}

function addOrganisationCounts(orgT: ColumnTable, c: CountColumns, acc: Map<string, GroupYear>): void {
  const issues: ValidationIssue[] = [];
  const oG = orgT.getter(c.group), oY = orgT.getter("year"), oN = orgT.getter(c.organisations);
  for (let i = 0; i < orgT.numRows(); i++) {
    const g = oG(i), y = oY(i), n = oN(i);
    if (typeof n !== "number" || !Number.isInteger(n) || n < 0) {
      issues.push({
        row: i + 1,
        column: c.organisations,
        expected: "an integer ≥ 0",
        received: describeValue(n),
      });
    }
    if (!Number.isInteger(y)) {
      issues.push({ row: i + 1, column: "year", expected: "an integer", received: describeValue(y) });
    }
    if (issues.length === 0) groupYear(acc, String(g), y as number).n += n as number;
  }
  if (issues.length > 0) throw new ValidationError("organisation table of allianceStockFromCounts", issues);
}

function addTieCounts(tieT: ColumnTable, c: CountColumns, acc: Map<string, GroupYear>): void {
  const issues: ValidationIssue[] = [];
  const sup = new Set(c.supplierTypes), use = new Set(c.userTypes);
  const tG = tieT.getter(c.group), tP = tieT.getter(c.partnerGroup);
  const tA = tieT.getter(c.type), tB = tieT.getter(c.partnerType);
  const tY = tieT.getter("year"), tC = tieT.getter(c.count);
  for (let i = 0; i < tieT.numRows(); i++) {
    const g = String(tG(i)), p = String(tP(i)), y = tY(i), n = tC(i);
    if (typeof n !== "number" || !(n >= 0) || !Number.isFinite(n)) {
      issues.push({
        row: i + 1,
        column: c.count,
        expected: "a finite number ≥ 0",
        received: describeValue(n),
      });
    }
    if (!Number.isInteger(y)) {
      issues.push({ row: i + 1, column: "year", expected: "an integer", received: describeValue(y) });
    }
    if (issues.length > 0) continue;
    const a = String(tA(i)), b = String(tB(i));
    const su = (sup.has(a) && use.has(b)) || (use.has(a) && sup.has(b));
    for (const side of g === p ? [g] : [g, p]) {
      const x = groupYear(acc, side, y as number);
      if (g === p) x.I += n as number;
      else x.E += n as number;
      if (su) x.su += n as number;
    }
  }
  if (issues.length > 0) throw new ValidationError("tie table of allianceStockFromCounts", issues);
}
