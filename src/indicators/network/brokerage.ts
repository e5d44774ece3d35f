/**
 * Gould & Fernandez (1989) brokerage roles: who mediates between whom, given each organisation's group.
 * Gould–Fernandez 经纪角色：协调人、顾问、守门人、代理人、联络人。
 * @module
 */
import * as aq from "../../deps/arquero.ts";
import type { ColumnTable } from "../../deps/arquero.ts";
import { isDanfoFrame, isTable, type TableInput, toTable } from "../../data/adapters.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../../core/validation_error.ts";
import type { Bilingual, Lang } from "../../core/i18n.ts";
import { type TieGraph, tieGraph, type TiesInput } from "./tie_graph.ts";
import { finiteResult } from "../finite_result.ts";

/** A brokerage role (Gould & Fernandez 1989), or `total`. */
export type BrokerageRole =
  | "coordinator"
  | "itinerant"
  | "gatekeeper"
  | "representative"
  | "liaison"
  | "total";

/** The roles in table order (`sna::brokerage` columns w_I, w_O, b_OI, b_IO, b_O, t). */
export const BROKERAGE_ROLE_ORDER: readonly BrokerageRole[] = [
  "coordinator",
  "itinerant",
  "gatekeeper",
  "representative",
  "liaison",
  "total",
];

/** Bilingual names of the roles, with the two-path each counts (a → b → c, b the broker). */
export const BROKERAGE_ROLES: Readonly<Record<BrokerageRole, Bilingual & { readonly path: string }>> = {
  coordinator: { en: "Coordinator", zh: "协调人", path: "A → A → A" },
  itinerant: { en: "Itinerant broker", zh: "顾问（流动经纪人）", path: "A → B → A" },
  gatekeeper: { en: "Gatekeeper", zh: "守门人", path: "A → B → B" },
  representative: { en: "Representative", zh: "代理人", path: "A → A → B" },
  liaison: { en: "Liaison", zh: "联络人", path: "A → B → C" },
  total: { en: "Total brokerage", zh: "经纪总数", path: "any" },
};

/** Each organisation's group: a Map or record id → group, or a table with `id` and the `groupBy` column. */
export type GroupInput = ReadonlyMap<string, string> | Readonly<Record<string, string>> | TableInput;

/** Options of {@link brokerage}. */
export interface BrokerageOptions {
  /**
   * Each organisation's group (region, type, country…): a `Map` or record id → group, or an organisation
   * table with an `id` column and the `groupBy` column. Required. Its organisations are the network's nodes
   * (those without ties are isolates: they count in n and the group sizes, as in `sna::brokerage` on the full
   * adjacency matrix).
   */
  readonly group: GroupInput;
  /** Column of the group when `group` is a table (default "region"). */
  readonly groupBy?: string;
  /** Read ties as directed source → target (default true, as Gould & Fernandez); false: both directions. */
  readonly directed?: boolean;
  /** Language of the `label` column of `summary` (default "en"). */
  readonly lang?: Lang;
}

/** The result of {@link brokerage}. */
export interface BrokerageResult {
  /**
   * One row per organisation (order of `group`): `id`, `group`, the counts `coordinator`, `itinerant`,
   * `gatekeeper`, `representative`, `liaison`, `total`, and for each of them `<role>_expected` and `<role>_z`
   * (null where the null model gives zero variance; a warning counts them).
   */
  readonly table: ColumnTable;
  /** The network level: `role`, `label`, `path`, `observed` (sum over organisations), `expected`, `sd`, `z`. */
  readonly summary: ColumnTable;
  /** Merged repeated ties, left-out self-ties, z-scores left null. */
  readonly warnings: readonly string[];
  /** Density d = arcs/(n(n − 1)) of the null model (undirected ties count as two arcs). */
  readonly density: number;
  /** Were ties read as directed? */
  readonly directed: boolean;
}

/** The group map as ids (in order) and group labels, validated. */
function readGroups(input: GroupInput, groupBy: string): { ids: string[]; groups: string[] } {
  const ids: string[] = [], groups: string[] = [];
  const issues: ValidationIssue[] = [];
  const add = (id: unknown, g: unknown, row: number | undefined, where: string) => {
    if (typeof id !== "string" || id === "") {
      issues.push({
        row,
        column: row === undefined ? `group (key ${where})` : "id",
        expected: "a non-empty text id",
        received: describeValue(id),
      });
    } else if (typeof g !== "string" || g === "") {
      issues.push({
        row,
        column: row === undefined ? `group[${JSON.stringify(id)}]` : groupBy,
        expected: "a non-empty text group",
        received: describeValue(g),
      });
    } else {
      ids.push(id);
      groups.push(g);
    }
  };
  if (input instanceof Map) {
    let k = 0;
    for (const [id, g] of input) add(id, g, undefined, String(k++));
  } else if (isTable(input) || Array.isArray(input) || isDanfoFrame(input) || isColumnObject(input)) {
    const t = toTable(input as TableInput);
    for (const c of ["id", groupBy]) {
      if (!t.columnNames().includes(c)) {
        issues.push({ column: c, expected: "a column of the group table", received: "no such column" });
      }
    }
    if (issues.length === 0) {
      const gi = t.getter("id"), gg = t.getter(groupBy);
      for (let i = 0; i < t.numRows(); i++) add(gi(i), gg(i), i + 1, "");
    }
  } else if (typeof input === "object" && input !== null) {
    for (const [id, g] of Object.entries(input)) add(id, g, undefined, id);
  } else {
    issues.push({
      column: "group",
      expected: "a Map, a record id → group or an organisation table",
      received: describeValue(input),
    });
  }
  if (issues.length > 0) throw new ValidationError("group of brokerage", issues);
  return { ids, groups };
}

/** A column object (`{ id: [...], region: [...] }`) rather than a record id → group. */
function isColumnObject(x: unknown): boolean {
  return typeof x === "object" && x !== null &&
    Object.values(x).some((v) => Array.isArray(v) || ArrayBuffer.isView(v));
}

/**
 * Count, for each broker b, the ordered pairs (a, c) with a → b → c, a ≠ c and no tie a → c, by role.
 * Marks the out-neighbours of each in-neighbour a once: O(Σ_b Σ_{a→b} (out(a) + out(b))).
 */
function countRoles(g: TieGraph, group: Int32Array): Float64Array[] {
  const n = g.ids.length;
  const counts = BROKERAGE_ROLE_ORDER.slice(0, 5).map(() => new Float64Array(n));
  const [coord, itin, gate, repr, liai] = counts as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  const mark = new Int32Array(n).fill(-1);
  for (let b = 0; b < n; b++) {
    const gb = group[b]!;
    for (let p = g.inStart[b]!; p < g.inStart[b + 1]!; p++) {
      const a = g.inAdj[p]!, ga = group[a]!;
      for (let q = g.outStart[a]!; q < g.outStart[a + 1]!; q++) mark[g.outAdj[q]!] = a;
      for (let q = g.outStart[b]!; q < g.outStart[b + 1]!; q++) {
        const c = g.outAdj[q]!;
        if (c === a || mark[c] === a) continue;
        const gc = group[c]!;
        if (ga === gb) {
          if (gb === gc) coord[b]!++;
          else repr[b]!++;
        } else if (gb === gc) gate[b]!++;
        else if (ga === gc) itin[b]!++;
        else liai[b]!++;
      }
    }
  }
  return counts;
}

/** Power sums S_k = Σ n_g^k of the group sizes. */
function powerSums(sizes: Float64Array): [number, number, number, number] {
  let s1 = 0, s2 = 0, s3 = 0, s4 = 0;
  for (const x of sizes) {
    s1 += x;
    s2 += x * x;
    s3 += x ** 3;
    s4 += x ** 4;
  }
  return [s1, s2, s3, s4];
}

const choose2 = (x: number) => (x * (x - 1)) / 2;

/**
 * Expected value and variance of each role count for a member of each group (the `exp.grp`, `sd.grp` of
 * `sna::brokerage` 2.7-1, whose formulas follow Gould & Fernandez 1989), in O(groups). Roles in
 * {@link BROKERAGE_ROLE_ORDER}; gatekeeper and representative share their moments.
 */
function groupMoments(
  sizes: Float64Array,
  N: number,
  d: number,
): { mean: Float64Array[]; variance: Float64Array[] } {
  const p = d * d * (1 - d), q = d ** 3 * (1 - d) ** 3;
  const [s1, s2, s3] = powerSums(sizes);
  let t2 = 0, t3 = 0; // Σ n(n − 1), Σ n(n − 1)(n − 2)
  for (const x of sizes) {
    t2 += x * (x - 1);
    t3 += x * (x - 1) * (x - 2);
  }
  const G = sizes.length;
  const mean = BROKERAGE_ROLE_ORDER.map(() => new Float64Array(G));
  const variance = BROKERAGE_ROLE_ORDER.map(() => new Float64Array(G));
  for (let i = 0; i < G; i++) {
    const n = sizes[i]!, M = N - n;
    const set = (r: number, e: number, extra: number) => {
      mean[r]![i] = e;
      variance[r]![i] = e * (1 - p) + extra;
    };
    set(0, p * (n - 1) * (n - 2), 2 * (n - 1) * (n - 2) * (n - 3) * q);
    set(1, p * (t2 - n * (n - 1)), 2 * (t3 - n * (n - 1) * (n - 2)) * q);
    const e3 = p * M * (n - 1), v3 = 2 * ((n - 1) * choose2(M) + M * choose2(n - 1)) * q;
    set(2, e3, v3);
    set(3, e3, v3);
    // Σ_{j ≠ i} n_j C(N − n_j − n_i, 2) = ½[(M² − M)(S1 − n) − (2M − 1)(S2 − n²) + (S3 − n³)]
    const sumC = ((M * M - M) * (s1 - n) - (2 * M - 1) * (s2 - n * n) + (s3 - n ** 3)) / 2;
    set(4, p * ((s1 - n) ** 2 - (s2 - n * n)), 4 * sumC * q);
    set(5, p * (N - 1) * (N - 2), 2 * (N - 1) * (N - 2) * (N - 3) * q);
  }
  return { mean, variance };
}

/**
 * Expected value and variance of each role's network total (`exp.gli`, `sd.gli` of `sna::brokerage` 2.7-1),
 * with the sums over pairs and triples of groups written as power sums (O(groups) instead of O(groups³)).
 */
function networkMoments(sizes: Float64Array, N: number, d: number): { mean: number[]; variance: number[] } {
  const p = d * d * (1 - d), q = d ** 3 * (1 - d) ** 3, r = d ** 4 * (1 - d) ** 2, s = d ** 5 * (1 - d);
  const [s1, s2, s3, s4] = powerSums(sizes);
  let e1 = 0, v1 = 0, e3 = 0, v3 = 0, a1 = 0, a1x = 0, a2 = 0, a2x = 0;
  for (const n of sizes) {
    const c = n * (n - 1) * (n - 2);
    e1 += c;
    v1 += c * ((4 * n - 10) * q - 4 * (n - 3) * r + (n - 3) * s);
    const b = n * (N - n) * (n - 1);
    e3 += b;
    v3 += b * ((N - 3) * q + (n - 2) * s);
    // itinerant: Σ_{x ≠ y} x y (x − 1)((2x + 2y − 6) q + (N − x − 1) s) = Σ_{x≠y} A1(x) y + A2(x) y²
    const A1 = n * (n - 1) * ((2 * n - 6) * q + (N - n - 1) * s), A2 = 2 * q * n * (n - 1);
    a1 += A1;
    a1x += A1 * n;
    a2 += A2;
    a2x += A2 * n * n;
  }
  const ordered3 = s1 ** 3 - 3 * s1 * s2 + 2 * s3; // Σ over ordered distinct triples of n_i n_j n_k
  const squared3 = s1 * s1 * s2 - 2 * s1 * s3 + 2 * s4 - s2 * s2; // same with one factor squared
  const c0 = (4 * N - 2) * q - (4 * N - 2) * r + (N - 1) * s;
  const slope = (-2 * q + 2 * r - s) + (-4 * q + 2 * r) + (-2 * q + 4 * r - s);
  const e5 = p * (N * (s1 * s1 - s2) - 2 * (s2 * s1 - s3));
  // the itinerant total has the expectation of the gatekeeper total, p Σ n(N − n)(n − 1), as in sna
  const mean = [p * e1, p * e3, p * e3, p * e3, e5, p * N * (N - 1) * (N - 2)];
  const variance = [
    mean[0]! * (1 - p) + v1,
    mean[1]! * (1 - p) + (a1 * s1 - a1x) + (a2 * s2 - a2x),
    mean[2]! * (1 - p) + v3,
    mean[3]! * (1 - p) + v3,
    e5 * (1 - p) + c0 * ordered3 + slope * squared3,
    mean[5]! * (1 - p) + N * (N - 1) * (N - 2) * ((4 * N - 10) * q - 4 * (N - 3) * r + (N - 3) * s),
  ];
  return { mean, variance };
}

/** The per-organisation table: counts, expected values and z-scores. */
function nodeTable(
  g: TieGraph,
  groupNames: readonly string[],
  group: Int32Array,
  counts: Float64Array[],
  moments: { mean: Float64Array[]; variance: Float64Array[] },
): { table: ColumnTable; nullZ: number } {
  const n = g.ids.length;
  const total = new Float64Array(n);
  for (const c of counts) for (let i = 0; i < n; i++) total[i]! += c[i]!;
  const all = [...counts, total];
  const cols: Record<string, ArrayLike<unknown>> = {
    id: [...g.ids],
    group: Array.from(group, (k) => groupNames[k]!),
  };
  BROKERAGE_ROLE_ORDER.forEach((role, r) => (cols[role] = all[r]!));
  let nullZ = 0;
  BROKERAGE_ROLE_ORDER.forEach((role, r) => {
    const e = new Float64Array(n), z: (number | null)[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const k = group[i]!, sd = Math.sqrt(moments.variance[r]![k]!);
      e[i] = moments.mean[r]![k]!;
      if (sd > 0) z[i] = (all[r]![i]! - e[i]!) / sd;
      else {
        z[i] = null;
        nullZ++;
      }
    }
    cols[`${role}_expected`] = e;
    cols[`${role}_z`] = z;
  });
  return { table: aq.table(cols), nullZ };
}

/**
 * Gould & Fernandez (1989) brokerage: for each organisation b, the number of ordered pairs (a, c) it
 * brokers — a → b → c with a ≠ c and no tie a → c — by the groups of a, b and c: `coordinator` (all three in
 * one group, A → A → A), `itinerant` (a and c in one group, b in another, A → B → A), `gatekeeper` (b and c
 * share a group a is not in, A → B → B), `representative` (a and b share a group c is not in, A → A → B),
 * `liaison` (three groups, A → B → C), and `total`. Ties are directed source → target (Gould & Fernandez's
 * transaction networks); with `directed: false` every tie counts in both directions, so a brokered pair
 * {a, c} counts twice (a → b → c and c → b → a) and gatekeeper and representative counts mirror each other
 * across the pair. Tie weights are ignored (a tie is present or not); repeated ties are merged.
 *
 * Expected values and z-scores are those of R's `sna::brokerage` (Butts, sna 2.7-1; the moments of Gould &
 * Fernandez 1989 under a Bernoulli graph of density d = arcs/(n(n − 1)) with the observed group sizes):
 * per organisation E = d²(1 − d) × (number of ordered pairs of the role's groups), e.g. coordinator
 * d²(1 − d)(n_g − 1)(n_g − 2), and z = (count − E)/sd; per network (`summary`) the same for the sums. A
 * z-score is null where the variance is 0 (e.g. a group of one or two has no coordinator pairs). Tested
 * against sna 2.7-1 (tests/fixtures/reference/network/brokerage_sna.R). `sna` reports the representative
 * role as `b_IO` and the gatekeeper as `b_OI`.
 *
 * Every organisation of `group` is a node; a tie naming an organisation that has no group is a
 * {@link ValidationError} naming the row and the id.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { brokerage } from "clusterlab";
 * // a (region R) → b (region S) → c (region S): b lets an outsider into its own region
 * const r = brokerage(
 *   [{ source: "a", target: "b" }, { source: "b", target: "c" }],
 *   { group: { a: "R", b: "S", c: "S" } },
 * );
 * assert.deepEqual([...r.table.array("gatekeeper")], [0, 1, 0]);
 * assert.deepEqual([...r.table.array("total")], [0, 1, 0]);
 * assert.equal(r.summary.get("observed", 2), 1); // one gatekeeper two-path in the network
 * ```
 */
export function brokerage(ties: TiesInput, options: BrokerageOptions): BrokerageResult {
  const { groupBy = "region", directed = true, lang = "en" } = options ?? {};
  if (options?.group === undefined) {
    throw new ValidationError("options of brokerage", [{
      column: "group",
      expected: "each organisation's group (a Map, a record id → group or an organisation table)",
      received: "undefined (missing)",
    }]);
  }
  const { ids, groups } = readGroups(options.group, groupBy);
  const g = tieGraph(ties, {
    directed,
    weight: null,
    nodes: ids,
    subject: "tie table of brokerage (ids must have a group)",
  });
  const N = ids.length;
  if (N < 3) {
    throw new ValidationError("group of brokerage", [{
      column: "group",
      expected: "at least 3 organisations",
      received: `${N}`,
    }]);
  }
  const groupNames: string[] = [], groupIndex = new Map<string, number>();
  const group = Int32Array.from(groups, (x) => {
    let k = groupIndex.get(x);
    if (k === undefined) groupIndex.set(x, k = groupNames.push(x) - 1);
    return k;
  });
  const sizes = new Float64Array(groupNames.length);
  for (const k of group) sizes[k]!++;
  const arcs = directed ? g.ties : 2 * g.ties;
  const d = arcs / (N * (N - 1));
  const counts = countRoles(g, group);
  const { table, nullZ } = nodeTable(g, groupNames, group, counts, groupMoments(sizes, N, d));
  const net = networkMoments(sizes, N, d);
  const observed = BROKERAGE_ROLE_ORDER.map((role) =>
    (table.array(role) as Float64Array).reduce((x, y) => x + y, 0)
  );
  const sd = net.variance.map((v) => Math.sqrt(Math.max(0, v)));
  const summary = aq.table({
    role: [...BROKERAGE_ROLE_ORDER],
    label: BROKERAGE_ROLE_ORDER.map((role) => BROKERAGE_ROLES[role][lang]),
    path: BROKERAGE_ROLE_ORDER.map((role) => BROKERAGE_ROLES[role].path),
    observed,
    expected: net.mean,
    sd,
    z: observed.map((o, r) => (sd[r]! > 0 ? (o - net.mean[r]!) / sd[r]! : null)),
  });
  const warnings = [...g.warnings];
  if (nullZ > 0) {
    warnings.push(
      `${nullZ} organisation × role z-scores are null: the null model gives that role zero variance (e.g. a group of one or two has no coordinator pairs)`,
    );
  }
  return finiteResult("brokerage", { table, summary, warnings, density: d, directed });
}
