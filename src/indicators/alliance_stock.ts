/**
 * Alliance stock (联盟存量, DESIGN §3.2): how much a region's (country's, cluster's) organisations are tied
 * to each other and to the outside, from a list of collaboration ties. Indicators per group and year:
 * ties per organisation, network density, share of supplier–user ties (university or research institute ↔
 * firm), share of external ties ("global pipelines", Bathelt, Malmberg & Maskell 2004) and the share of the
 * largest connected component. The alliance-stock composite A is their entropy-weighted score
 * ({@link entropyWeights}).
 *
 * @module
 */
import * as aq from "arquero";
import type { ColumnTable } from "arquero";
import { UndirectedGraph } from "graphology";
import { connectedComponents } from "graphology-components";
import { type TableInput, toTable } from "../data/adapters.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../data/validation_error.ts";

/** Knowledge suppliers in a supplier–user tie (DESIGN §5: HES/REC in Horizon 2020). */
export const KNOWLEDGE_SUPPLIER_TYPES: readonly string[] = ["university", "research_institute"];
/** Knowledge users in a supplier–user tie (firms; PRC in Horizon 2020). */
export const KNOWLEDGE_USER_TYPES: readonly string[] = ["firm"];

/** Options of {@link allianceStock}. */
export interface AllianceStockOptions {
  /** Organisation column that defines the group (default "region"; e.g. a country or cluster column). */
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

/** A table of alliance indicators with notes on degenerate input. */
export type AllianceStockTable = ColumnTable & { readonly warnings: readonly string[] };

function attachWarnings(table: ColumnTable, warnings: string[]): AllianceStockTable {
  Object.defineProperty(table, "warnings", { value: warnings, enumerable: false });
  return table as AllianceStockTable;
}

function columnsMissing(table: ColumnTable, cols: readonly string[], issues: ValidationIssue[]): void {
  const have = table.columnNames();
  for (const c of cols) {
    if (!have.includes(c)) {
      issues.push({ column: c, expected: `a column "${c}"`, received: `columns ${have.join(", ")}` });
    }
  }
}

/**
 * Alliance-stock indicators per group and year from an organisation-level tie list, with a graphology
 * network per group and window.
 *
 * For group g and year t (ties of the window t − w + 1 … t; an organisation is *active* when it has a tie
 * in the window; a pair tied several times counts once):
 * - `organisations` n_g: active organisations of g;
 * - `internal_ties` I: distinct pairs inside g; `external_ties` E: distinct pairs with one end in g;
 * - `ties_per_org` = (2I + E)/n_g, the mean number of partners;
 * - `density` = I / (n_g(n_g − 1)/2) (Wasserman & Faust 1994), 0 when n_g < 2;
 * - `supplier_user_share`: share of the I + E pairs joining a knowledge supplier (university, research
 *   institute) and a user (firm) — Giuliani & Bell 2005; DESIGN §3.2;
 * - `external_share` = E/(I + E) (Bathelt et al. 2004);
 * - `largest_component_share`: largest connected component of the internal network / n_g.
 *
 * Ties whose endpoints are not in `organisations` are errors naming the row; self-ties are ignored and
 * counted in `warnings`. Groups without an active organisation in a year have no row for that year.
 *
 * @example
 * ```ts
 * import { allianceStock } from "clusterlab";
 * const orgs = [
 *   { id: "u", name: "U", type: "university", region: "R" },
 *   { id: "f", name: "F", type: "firm", region: "R" },
 *   { id: "x", name: "X", type: "firm", region: "S" },
 * ];
 * const ties = [{ source: "u", target: "f", year: 2020 }, { source: "f", target: "x", year: 2020 }];
 * const a = allianceStock(ties, orgs);
 * a.objects()[0]; // region R: 2 organisations, 1 internal and 1 external tie, density 1, …
 * ```
 */
export function allianceStock(
  ties: TableInput,
  organisations: TableInput,
  options: AllianceStockOptions = {},
): AllianceStockTable {
  const {
    groupBy = "region",
    window = 1,
    supplierTypes = KNOWLEDGE_SUPPLIER_TYPES,
    userTypes = KNOWLEDGE_USER_TYPES,
  } = options;
  const paramIssues: ValidationIssue[] = [];
  if (!Number.isInteger(window) || window < 1) {
    paramIssues.push({
      column: "window",
      expected: "a positive integer (years)",
      received: describeValue(window),
    });
  }
  if (options.years !== undefined) {
    if (!Array.isArray(options.years)) {
      paramIssues.push({
        column: "years",
        expected: "an array of integer years",
        received: describeValue(options.years),
      });
    } else {
      options.years.forEach((y, i) => {
        if (!Number.isInteger(y)) {
          paramIssues.push({
            column: `years[${i}]`,
            expected: "an integer year",
            received: describeValue(y),
          });
        }
      });
    }
  }
  if (paramIssues.length > 0) throw new ValidationError("parameters of allianceStock", paramIssues);
  const orgT = toTable(organisations), tieT = toTable(ties);
  const issues: ValidationIssue[] = [];
  columnsMissing(orgT, ["id", "type", groupBy], issues);
  if (issues.length > 0) throw new ValidationError("organisation table of allianceStock", issues);
  columnsMissing(tieT, ["source", "target", "year"], issues);
  if (issues.length > 0) throw new ValidationError("tie table of allianceStock", issues);

  // Organisations: id → index, group index, role (1 supplier, 2 user, 0 other).
  const orgIndex = new Map<string, number>();
  const groupNames: string[] = [];
  const groupIndex = new Map<string, number>();
  const nOrg = orgT.numRows();
  const orgGroup = new Int32Array(nOrg), orgRole = new Uint8Array(nOrg);
  const gId = orgT.getter("id"), gType = orgT.getter("type"), gGroup = orgT.getter(groupBy);
  const sup = new Set(supplierTypes), use = new Set(userTypes);
  for (let i = 0; i < nOrg; i++) {
    const id = gId(i), g = gGroup(i), type = gType(i);
    if (typeof id !== "string" || id === "") {
      issues.push({ row: i + 1, column: "id", expected: "a non-empty text", received: describeValue(id) });
      continue;
    }
    if (orgIndex.has(id)) {
      issues.push({
        row: i + 1,
        column: "id",
        expected: "a unique id",
        received: `${JSON.stringify(id)} (duplicate)`,
      });
    }
    if (typeof g !== "string" || g === "") {
      issues.push({ row: i + 1, column: groupBy, expected: "a non-empty text", received: describeValue(g) });
      continue;
    }
    orgIndex.set(id, i);
    let k = groupIndex.get(g);
    if (k === undefined) {
      groupIndex.set(g, k = groupNames.length);
      groupNames.push(g);
    }
    orgGroup[i] = k;
    orgRole[i] = sup.has(type as string) ? 1 : use.has(type as string) ? 2 : 0;
  }
  if (issues.length > 0) throw new ValidationError("organisation table of allianceStock", issues);

  // Ties: endpoints and year, validated.
  const m = tieT.numRows();
  const src = new Int32Array(m), dst = new Int32Array(m), yr = new Int32Array(m);
  const gS = tieT.getter("source"), gT = tieT.getter("target"), gY = tieT.getter("year");
  let selfTies = 0;
  const keep = new Uint8Array(m);
  for (let i = 0; i < m; i++) {
    const s = orgIndex.get(String(gS(i))), t = orgIndex.get(String(gT(i))), y = gY(i);
    if (s === undefined) {
      issues.push({
        row: i + 1,
        column: "source",
        expected: "an id of the organisation table",
        received: describeValue(gS(i)),
      });
    }
    if (t === undefined) {
      issues.push({
        row: i + 1,
        column: "target",
        expected: "an id of the organisation table",
        received: describeValue(gT(i)),
      });
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
  const warnings: string[] = [];
  if (selfTies > 0) warnings.push(`${selfTies} self-ties (source = target) ignored`);

  const allYears = new Set<number>();
  for (let i = 0; i < m; i++) if (keep[i]) allYears.add(yr[i]!);
  const years = options.years ? [...options.years] : [...allYears].sort((a, b) => a - b);

  const out: Record<string, unknown[]> = {
    [groupBy]: [],
    year: [],
    organisations: [],
    internal_ties: [],
    external_ties: [],
    ties_per_org: [],
    density: [],
    supplier_user_share: [],
    external_share: [],
    largest_component_share: [],
  };
  const nG = groupNames.length;
  for (const t of years) {
    // Distinct pairs of the window.
    const seen = new Set<number>();
    const internal = new Float64Array(nG), external = new Float64Array(nG), supUser = new Float64Array(nG);
    const active = new Uint8Array(nOrg);
    const graphs = new Map<number, UndirectedGraph>();
    for (let i = 0; i < m; i++) {
      if (!keep[i] || yr[i]! > t || yr[i]! <= t - window) continue;
      const a = src[i]!, b = dst[i]!;
      const key = a * nOrg + b;
      if (seen.has(key)) continue;
      seen.add(key);
      active[a] = 1;
      active[b] = 1;
      const ga = orgGroup[a]!, gb = orgGroup[b]!;
      const su = (orgRole[a] === 1 && orgRole[b] === 2) || (orgRole[a] === 2 && orgRole[b] === 1);
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
    for (let i = 0; i < nOrg; i++) if (active[i]) count[orgGroup[i]!]++;
    for (let k = 0; k < nG; k++) {
      const n = count[k]!;
      if (n === 0) continue;
      const I = internal[k]!, E = external[k]!;
      let largest = n > 0 ? 1 : 0; // an isolated active organisation is a component of size 1
      const g = graphs.get(k);
      if (g) { for (const c of connectedComponents(g)) if (c.length > largest) largest = c.length; }
      out[groupBy]!.push(groupNames[k]);
      out.year!.push(t);
      out.organisations!.push(n);
      out.internal_ties!.push(I);
      out.external_ties!.push(E);
      out.ties_per_org!.push((2 * I + E) / n);
      out.density!.push(n < 2 ? 0 : I / ((n * (n - 1)) / 2));
      out.supplier_user_share!.push(supUser[k]! / (I + E));
      out.external_share!.push(E / (I + E));
      out.largest_component_share!.push(largest / n);
    }
  }
  return attachWarnings(aq.table(out), warnings);
}

/** Options of {@link allianceStockFromCounts}. */
export interface AllianceCountOptions {
  /** Column of the tie table's own group (default "country"). */
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

/**
 * Alliance-stock indicators per group (country) and year from **aggregated** tie counts — the Horizon 2020
 * country tables, where a tie is a pair of participations in one project, counted with multiplicity and
 * stored once per unordered (group, type) pair — and organisation counts per group, year and type.
 *
 * Same definitions as {@link allianceStock} (I internal, E external, n organisations): `ties_per_org` =
 * (2I + E)/n, `density` = I/(n(n − 1)/2) — a *tie intensity* here, since repeated co-participations count
 * and it can exceed 1 for small groups —, `supplier_user_share`, `external_share`. No component share:
 * counts carry no network structure.
 *
 * @example
 * ```ts
 * import { allianceStockFromCounts } from "clusterlab";
 * const ties = [{ country: "DE", partner_country: "DE", h2020_type: "HES", partner_h2020_type: "PRC", year: 2018, ties: 3 }];
 * const orgs = [{ country: "DE", year: 2018, h2020_type: "HES", organisations: 2 }, { country: "DE", year: 2018, h2020_type: "PRC", organisations: 2 }];
 * allianceStockFromCounts(ties, orgs).get("supplier_user_share", 0); // 1
 * ```
 */
export function allianceStockFromCounts(
  ties: TableInput,
  organisations: TableInput,
  options: AllianceCountOptions = {},
): AllianceStockTable {
  const {
    group = "country",
    partnerGroup = "partner_country",
    type = "h2020_type",
    partnerType = "partner_h2020_type",
    count = "ties",
    organisations: orgCol = "organisations",
    supplierTypes = ["HES", "REC"],
    userTypes = ["PRC"],
  } = options;
  const tieT = toTable(ties), orgT = toTable(organisations);
  const issues: ValidationIssue[] = [];
  columnsMissing(tieT, [group, partnerGroup, type, partnerType, "year", count], issues);
  if (issues.length > 0) throw new ValidationError("tie table of allianceStockFromCounts", issues);
  columnsMissing(orgT, [group, "year", orgCol], issues);
  if (issues.length > 0) throw new ValidationError("organisation table of allianceStockFromCounts", issues);

  const sup = new Set(supplierTypes), use = new Set(userTypes);
  type Acc = { n: number; I: number; E: number; su: number };
  const acc = new Map<string, Acc>();
  const get = (g: string, y: number): Acc => {
    const k = `${g}\u0000${y}`;
    let a = acc.get(k);
    if (!a) acc.set(k, a = { n: 0, I: 0, E: 0, su: 0 });
    return a;
  };
  const oG = orgT.getter(group), oY = orgT.getter("year"), oN = orgT.getter(orgCol);
  for (let i = 0; i < orgT.numRows(); i++) {
    const g = oG(i), y = oY(i), n = oN(i);
    if (typeof n !== "number" || !Number.isInteger(n) || n < 0) {
      issues.push({ row: i + 1, column: orgCol, expected: "an integer ≥ 0", received: describeValue(n) });
    }
    if (!Number.isInteger(y)) {
      issues.push({ row: i + 1, column: "year", expected: "an integer", received: describeValue(y) });
    }
    if (issues.length === 0) get(String(g), y as number).n += n as number;
  }
  if (issues.length > 0) throw new ValidationError("organisation table of allianceStockFromCounts", issues);
  const tG = tieT.getter(group),
    tP = tieT.getter(partnerGroup),
    tA = tieT.getter(type),
    tB = tieT.getter(partnerType);
  const tY = tieT.getter("year"), tC = tieT.getter(count);
  for (let i = 0; i < tieT.numRows(); i++) {
    const g = String(tG(i)), p = String(tP(i)), y = tY(i), c = tC(i);
    if (typeof c !== "number" || !(c >= 0) || !Number.isFinite(c)) {
      issues.push({ row: i + 1, column: count, expected: "a finite number ≥ 0", received: describeValue(c) });
    }
    if (!Number.isInteger(y)) {
      issues.push({ row: i + 1, column: "year", expected: "an integer", received: describeValue(y) });
    }
    if (issues.length > 0) continue;
    const a = String(tA(i)), b = String(tB(i));
    const su = (sup.has(a) && use.has(b)) || (use.has(a) && sup.has(b));
    const yy = y as number, cc = c as number;
    if (g === p) {
      const x = get(g, yy);
      x.I += cc;
      if (su) x.su += cc;
    } else {
      for (const side of [g, p]) {
        const x = get(side, yy);
        x.E += cc;
        if (su) x.su += cc;
      }
    }
  }
  if (issues.length > 0) throw new ValidationError("tie table of allianceStockFromCounts", issues);

  const warnings: string[] = [];
  const noOrgs: string[] = [];
  const rows: Record<string, unknown>[] = [];
  const keys = [...acc.keys()].sort();
  for (const k of keys) {
    const [g, y] = k.split("\u0000");
    const { n, I, E, su } = acc.get(k)!;
    if (I + E === 0) continue; // organisations without any tie that year: nothing to measure
    if (n === 0) {
      noOrgs.push(`${g} ${y}`);
      continue;
    }
    rows.push({
      [group]: g,
      year: Number(y),
      organisations: n,
      internal_ties: I,
      external_ties: E,
      ties_per_org: (2 * I + E) / n,
      density: n < 2 ? 0 : I / ((n * (n - 1)) / 2),
      supplier_user_share: su / (I + E),
      external_share: E / (I + E),
    });
  }
  if (noOrgs.length > 0) {
    warnings.push(
      `${noOrgs.length} group-years have ties but no organisation count and are left out: ${
        noOrgs.slice(0, 8).join(", ")
      }`,
    );
  }
  rows.sort((a, b) =>
    (a[group] as string).localeCompare(b[group] as string) || (a.year as number) - (b.year as number)
  );
  return attachWarnings(aq.from(rows), warnings);
}
