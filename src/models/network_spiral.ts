/**
 * Agent-based SECI on a collaboration network: organisations hold tacit and explicit knowledge, socialise
 * along ties, externalise into a platform repository where knowledge is combined, and internalise from it
 * (the four conversions of Nonaka 1994, *Organization Science* 5(1), placed on the ties and the platform).
 * A public platform (public hierarchy, the Zhongguancun case of the source text) is open to all and updates
 * slowly; a private platform (private order, the Hangzhou case) is open to its members and updates fast —
 * design choices, configurable. 协作网络上的主体 SECI 模型：公共平台与私人平台。
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { agentNetwork, simulateNetworkSpiral } from "clusterlab";
 * const net = agentNetwork(
 *   [{ id: "u", type: "university" }, { id: "f", type: "firm" }],
 *   [{ source: "u", target: "f" }],
 * );
 * const r = simulateNetworkSpiral(net, { order: "private", steps: 10 });
 * assert.equal(r.members, 1); // a private platform admits firms only
 * assert.equal(r.series.numRows(), 11); // steps 0…10
 * ```
 * @module
 */
import * as aq from "../deps/arquero.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import type { AbstractGraph } from "../deps/graphology_types.ts";
import { type TableInput, toTable } from "../data/adapters.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../core/validation_error.ts";
import type { Bilingual, Lang } from "../core/i18n.ts";
import { Random } from "../core/random.ts";
import type { PlatformOrder } from "../classify/platform.ts";
import type { Adjacency } from "../indicators/network/network_statistics.ts";
import {
  decayTies,
  formTies,
  NetworkStatisticsRecorder,
  type ResolvedTieDynamics,
  tieColumns,
  type TieDynamicsOptions,
  tieDynamicsSetup,
} from "./tie_dynamics.ts";
import { TieStore } from "./tie_store.ts";
import { finiteResult } from "../indicators/finite_result.ts";
import { checkSize } from "../core/size_guard.ts";

/** Bilingual names of the organisation types of the `ORGANISATIONS` schema (`ORGANISATION_TYPES`). */
export const ORGANISATION_TYPE_LABELS: Record<string, Bilingual> = {
  firm: { en: "Firm", zh: "企业" },
  university: { en: "University", zh: "大学" },
  research_institute: { en: "Research institute", zh: "科研院所" },
  intermediary: { en: "Intermediary", zh: "中介机构" },
  government: { en: "Government", zh: "政府" },
  other: { en: "Other", zh: "其他" },
};

/** A network of organisations in compressed sparse row form (undirected ties stored both ways). */
export interface AgentNetwork {
  /** Organisation ids, index = agent number. */
  readonly ids: readonly string[];
  /** Organisation type per agent. */
  readonly types: readonly string[];
  /** CSR offsets: the neighbours of agent a are `neighbours[offsets[a] .. offsets[a+1])`. */
  readonly offsets: Int32Array;
  /** Neighbour agent numbers. */
  readonly neighbours: Int32Array;
  /** Cumulative tie weights within each agent's row (for weighted partner choice). */
  readonly cumulative: Float64Array;
  /** Notes from building the network (self-ties skipped, duplicate ties merged, isolates). */
  readonly warnings: readonly string[];
}

function buildCSR(
  ids: string[],
  types: string[],
  edges: { s: number; t: number; w: number }[],
  warnings: string[],
): AgentNetwork {
  const n = ids.length;
  // merge duplicates (undirected): key min|max
  const merged = new Map<number, number>();
  let dup = 0;
  for (const { s, t, w } of edges) {
    const a = Math.min(s, t), b = Math.max(s, t), key = a * n + b;
    const prev = merged.get(key);
    if (prev !== undefined) dup++;
    merged.set(key, (prev ?? 0) + w);
  }
  if (dup > 0) warnings.push(`${dup} repeated ties merged (weights summed)`);
  const deg = new Int32Array(n + 1);
  for (const key of merged.keys()) {
    deg[Math.floor(key / n)]!++;
    deg[key % n]!++;
  }
  const offsets = new Int32Array(n + 1);
  for (let a = 0; a < n; a++) offsets[a + 1] = offsets[a]! + deg[a]!;
  const fill = offsets.slice(0, n);
  const neighbours = new Int32Array(offsets[n]!), weight = new Float64Array(offsets[n]!);
  for (const [key, w] of merged) {
    const a = Math.floor(key / n), b = key % n;
    neighbours[fill[a]!] = b;
    weight[fill[a]!++] = w;
    neighbours[fill[b]!] = a;
    weight[fill[b]!++] = w;
  }
  const cumulative = new Float64Array(offsets[n]!);
  let isolates = 0;
  for (let a = 0; a < n; a++) {
    let c = 0;
    for (let k = offsets[a]!; k < offsets[a + 1]!; k++) cumulative[k] = c += weight[k]!;
    if (offsets[a] === offsets[a + 1]) isolates++;
  }
  if (isolates > 0) warnings.push(`${isolates} organisations have no tie: they learn only from the platform`);
  return { ids, types, offsets, neighbours, cumulative, warnings };
}

/**
 * Build an {@link AgentNetwork} from an organisation table (`id`, `type`) and a tie table (`source`,
 * `target`, optional `weight`, default 1), e.g. `h2020-organisations` and `h2020-ties`. Ties are
 * undirected; repeated ties are merged with summed weights and self-ties skipped (both reported in
 * `warnings`); a tie to an unknown organisation or a bad weight is a {@link ValidationError} naming the row.
 * An empty tie list (`[]`) gives organisations without ties, e.g. a network to grow with tie dynamics.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { agentNetwork } from "clusterlab";
 * const net = agentNetwork(
 *   [{ id: "a", type: "firm" }, { id: "b", type: "university" }, { id: "c", type: "firm" }],
 *   [{ source: "a", target: "b", weight: 2 }, { source: "b", target: "a", weight: 1 }],
 * );
 * assert.deepEqual([...net.neighbours], [1, 0]); // each undirected tie stored both ways
 * assert.deepEqual([...net.cumulative], [3, 3]); // the repeated tie merged, weights summed
 * assert.deepEqual(net.warnings, [
 *   "1 repeated ties merged (weights summed)",
 *   "1 organisations have no tie: they learn only from the platform",
 * ]);
 * ```
 */
export function agentNetwork(organisations: TableInput, ties: TableInput): AgentNetwork {
  const orgs = toTable(organisations), tt = toTable(ties);
  const issues: ValidationIssue[] = [];
  for (const c of ["id", "type"]) {
    if (!orgs.columnNames().includes(c)) {
      issues.push({ column: c, expected: "a column of the organisation table", received: "missing" });
    }
  }
  for (const c of ["source", "target"]) {
    // an empty list of ties (`[]`: a network to grow by tie dynamics) has no columns: nothing to read
    if (!tt.columnNames().includes(c) && tt.numRows() > 0) {
      issues.push({ column: c, expected: "a column of the tie table", received: "missing" });
    }
  }
  if (issues.length) throw new ValidationError("network input", issues);
  const rawIds = orgs.array("id") as ArrayLike<unknown>, rawTypes = orgs.array("type") as ArrayLike<unknown>;
  const present = (v: unknown) => (typeof v === "string" && v.trim() !== "") || typeof v === "number";
  for (let k = 0; k < orgs.numRows(); k++) {
    for (const [column, v] of [["id", rawIds[k]], ["type", rawTypes[k]]] as const) {
      if (!present(v)) {
        issues.push({ row: k + 1, column, expected: "a non-empty text", received: describeValue(v) });
      }
    }
  }
  if (issues.length) throw new ValidationError("network input", issues);
  const ids = Array.from(rawIds, (v) => String(v));
  const types = Array.from(rawTypes, (v) => String(v));
  const index = new Map<string, number>();
  ids.forEach((id, k) => {
    if (index.has(id)) {
      issues.push({ row: k + 1, column: "id", expected: "a unique id", received: describeValue(id) });
    }
    index.set(id, k);
  });
  const empty = tt.numRows() === 0;
  const src = (empty ? [] : tt.array("source")) as ArrayLike<unknown>;
  const tgt = (empty ? [] : tt.array("target")) as ArrayLike<unknown>;
  const hasW = tt.columnNames().includes("weight");
  const wcol = hasW ? tt.array("weight") as ArrayLike<unknown> : undefined;
  const edges: { s: number; t: number; w: number }[] = [];
  let selfTies = 0;
  for (let r = 0; r < tt.numRows(); r++) {
    const s = index.get(String(src[r])), t = index.get(String(tgt[r]));
    if (s === undefined) {
      issues.push({
        row: r + 1,
        column: "source",
        expected: "an id of the organisation table",
        received: describeValue(src[r]),
      });
    }
    if (t === undefined) {
      issues.push({
        row: r + 1,
        column: "target",
        expected: "an id of the organisation table",
        received: describeValue(tgt[r]),
      });
    }
    let w = 1;
    if (wcol && wcol[r] !== null && wcol[r] !== undefined) {
      w = wcol[r] as number;
      if (typeof w !== "number" || !(w > 0) || !Number.isFinite(w)) {
        issues.push({
          row: r + 1,
          column: "weight",
          expected: "a finite number > 0",
          received: describeValue(wcol[r]),
        });
        continue;
      }
    }
    if (s === undefined || t === undefined) continue;
    if (s === t) {
      selfTies++;
      continue;
    }
    edges.push({ s, t, w });
  }
  if (issues.length) throw new ValidationError("network input", issues);
  const warnings: string[] = [];
  if (selfTies > 0) warnings.push(`${selfTies} self-ties skipped`);
  return buildCSR(ids, types, edges, warnings);
}

/**
 * Any graphology graph (graphology-types' `AbstractGraph`: `Graph`, `UndirectedGraph`, `DirectedGraph`, …).
 * A local alias because `deno doc --lint` flags types of other packages as private (denoland/deno#27364).
 * @internal
 */
type GraphologyGraph = AbstractGraph;

/** Options of {@link agentNetworkFromGraph}. */
export interface AgentNetworkFromGraphOptions {
  /** The node attribute holding the organisation type (default "type", as the `ORGANISATIONS` column). */
  readonly type?: string;
}

/**
 * Build an {@link AgentNetwork} from a graphology graph (e.g. from graphology-generators). The node
 * attribute `type` (default "type") gives the organisation type; nodes without it are "other" (reported in
 * `warnings`). Edge attribute `weight` (default 1).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { UndirectedGraph } from "graphology";
 * import { agentNetworkFromGraph } from "clusterlab/advanced";
 * const g = new UndirectedGraph();
 * g.addNode("a", { kind: "firm" });
 * g.addNode("b", {});
 * g.addEdge("a", "b");
 * const net = agentNetworkFromGraph(g, { type: "kind" });
 * assert.deepEqual(net.types, ["firm", "other"]);
 * assert.deepEqual(net.warnings, ['1 nodes have no "kind" attribute: typed "other"']);
 * ```
 */
export function agentNetworkFromGraph(
  graph: GraphologyGraph,
  options?: AgentNetworkFromGraphOptions,
): AgentNetwork;
/** @deprecated the 0.1 form `agentNetworkFromGraph(graph, typeAttribute)`; use `{ type: typeAttribute }`. */
export function agentNetworkFromGraph(graph: GraphologyGraph, typeAttribute?: string): AgentNetwork;
export function agentNetworkFromGraph(
  graph: GraphologyGraph,
  options: AgentNetworkFromGraphOptions | string = {},
): AgentNetwork {
  const typeAttribute = (typeof options === "string" ? options : options.type) ?? "type";
  const ids: string[] = [], types: string[] = [];
  const index = new Map<string, number>();
  let untyped = 0;
  graph.forEachNode((node: string, attrs: Record<string, unknown>) => {
    index.set(node, ids.length);
    ids.push(node);
    const t = attrs[typeAttribute];
    if (t === undefined || t === null) untyped++;
    types.push(t === undefined || t === null ? "other" : String(t));
  });
  const edges: { s: number; t: number; w: number }[] = [];
  const issues: ValidationIssue[] = [];
  let selfTies = 0, k = 0;
  graph.forEachEdge((_e: string, attrs: Record<string, unknown>, source: string, target: string) => {
    k++;
    const w = attrs.weight ?? 1;
    if (typeof w !== "number" || !(w > 0) || !Number.isFinite(w)) {
      issues.push({ row: k, column: "weight", expected: "a finite number > 0", received: describeValue(w) });
      return;
    }
    if (source === target) {
      selfTies++;
      return;
    }
    edges.push({ s: index.get(source)!, t: index.get(target)!, w });
  });
  if (issues.length) throw new ValidationError("graph edges", issues);
  const warnings: string[] = [];
  if (untyped > 0) warnings.push(`${untyped} nodes have no "${typeAttribute}" attribute: typed "other"`);
  if (selfTies > 0) warnings.push(`${selfTies} self-ties skipped`);
  return buildCSR(ids, types, edges, warnings);
}

/** Per-type multipliers of the agent rates. */
export interface TypeProfile {
  /** Multiplier of the socialisation rate s for this type (default 1). */
  readonly socialisation?: number;
  /** Multiplier of the externalisation rate e for this type (default 1). */
  readonly externalisation?: number;
  /** Multiplier of the internalisation rate i for this type (default 1). */
  readonly internalisation?: number;
}

/**
 * Default type profiles (design choice, configurable): knowledge suppliers (universities, research
 * institutes) codify more (externalisation ×1.5); firms, the users, absorb more (internalisation ×1.5) and
 * codify less (×0.75); other types ×1.
 */
export const DEFAULT_TYPE_PROFILES: Record<string, TypeProfile> = {
  university: { externalisation: 1.5 },
  research_institute: { externalisation: 1.5 },
  firm: { internalisation: 1.5, externalisation: 0.75 },
};

/** Platform settings of {@link simulateNetworkSpiral}. */
export interface NetworkPlatformOptions {
  /** "open": every organisation reads and writes; "members": only members (default by order). */
  readonly access?: "open" | "members";
  /** Share of the gap to the contributors' mean explicit knowledge written per step (default by order). */
  readonly update?: number;
  /** Members: a list of ids, or of types (default for a private platform: firms). */
  readonly members?: readonly string[];
}

/** Parameters of {@link simulateNetworkSpiral}. */
export interface SimulateNetworkSpiralOptions {
  /** Steps (default 200). */
  readonly steps?: number;
  /** Seed (default 1). */
  readonly seed?: number;
  /**
   * Platform order: "public" (open, update 0.05), "private" (members only, update 0.3), or the classifier's
   * order names: public_hierarchy → public, private_order → private, hybrid → open with update 0.175
   * (design choice). Default "public".
   */
  readonly order?: "public" | "private" | PlatformOrder;
  /** Overrides of the platform preset. */
  readonly platform?: NetworkPlatformOptions;
  /** Socialisation rate s: share of the gap to a partner's tacit knowledge learnt per meeting (default 0.2). */
  readonly socialisation?: number;
  /** Externalisation rate e: share of uncodified tacit knowledge codified per step (default 0.1). */
  readonly externalisation?: number;
  /** Combination rate c: growth of the repository per step by recombination (default 0.01). */
  readonly combination?: number;
  /** Internalisation rate i: share of the gap to the repository learnt per step (default 0.1). */
  readonly internalisation?: number;
  /** Obsolescence δ of every stock per step (default 0.005). */
  readonly obsolescence?: number;
  /** Per-type rate multipliers (default {@link DEFAULT_TYPE_PROFILES}). */
  readonly typeProfiles?: Record<string, TypeProfile>;
  /** Initial tacit knowledge is uniform on [low, high] (default [0.5, 1.5]). */
  readonly tacit0?: readonly [number, number];
  /** Record the summary every k steps (default max(1, ⌊steps/200⌋)); the last step is always recorded. */
  readonly recordEvery?: number;
  /** Language of label columns (default "en"). */
  readonly lang?: Lang;
  /**
   * Tie dynamics (default none: the network is fixed, and the run is the same, bit for bit, as without this
   * option): ties form with knowledge complementarity or similarity and decay when no knowledge flows along
   * them. See {@link TieDynamicsOptions}; `{}` takes every default.
   */
  readonly dynamics?: TieDynamicsOptions;
}

/** @deprecated Use {@link SimulateNetworkSpiralOptions} (the same type under its 0.1 name). */
export type NetworkSpiralOptions = SimulateNetworkSpiralOptions;

/** Result of {@link simulateNetworkSpiral}. */
export interface NetworkSpiralResult {
  /**
   * One row per recorded step × type × access: `step`, `type`, `typeLabel`, `member` (has platform
   * access), `agents`, `tacit` and `explicit` (means), `repository`.
   */
  readonly groups: ColumnTable;
  /** One row per recorded step: `step`, `repository`, `tacit` (mean), `explicit` (mean), `gini` (of tacit). */
  readonly series: ColumnTable;
  /** One row per organisation at the end: `id`, `type`, `member`, `degree`, `tacit`, `explicit`. */
  readonly agents: ColumnTable;
  /**
   * One row per recorded step (the steps of `series`): `step`, `ties`, `density`, `components`,
   * `largest_share` (of the largest component), `mean_degree`, `clustering` (average local),
   * `transitivity`, `degree_gini`, and `formed` / `dissolved` (ties since the previous recorded step). On a
   * fixed network every row is the same, and `formed` and `dissolved` are 0.
   */
  readonly network: ColumnTable;
  /** The ties at the end, once each: `source`, `target`, `weight` (a new tie weighs `dynamics.weight`). */
  readonly ties: ColumnTable;
  /** The tie dynamics used, defaults resolved; null on a fixed network. */
  readonly dynamics: ResolvedTieDynamics | null;
  /** Number of organisations with platform access. */
  readonly members: number;
  /** The platform used (preset and overrides resolved). */
  readonly platform: Required<Omit<NetworkPlatformOptions, "members">> & { readonly order: string };
  /** Notes (network warnings, nobody with access, …). */
  readonly warnings: readonly string[];
}

/** Gini coefficient of non-negative values (sorted copy; 0 when all are 0). */
function giniOf(values: Float64Array, scratch: Float64Array): number {
  scratch.set(values);
  scratch.sort();
  const n = scratch.length;
  let cum = 0, total = 0;
  for (let k = 0; k < n; k++) {
    cum += (k + 1) * scratch[k]!;
    total += scratch[k]!;
  }
  return total === 0 ? 0 : (2 * cum) / (n * total) - (n + 1) / n;
}

/** The validated settings of {@link simulateNetworkSpiral}, defaults and the platform preset resolved. */
interface NetworkSetup {
  readonly steps: number;
  readonly seed: number;
  readonly recordEvery: number;
  readonly s: number;
  readonly e: number;
  readonly c: number;
  readonly iR: number;
  readonly delta: number;
  readonly order: string;
  readonly access: "open" | "members";
  readonly update: number;
  readonly lo: number;
  readonly hi: number;
  readonly profiles: Record<string, TypeProfile>;
  readonly lang: Lang;
  readonly dynamics: ResolvedTieDynamics | undefined;
}

/** Platform presets by order (design choice): access and update speed. */
const PRESETS: Record<string, { access: "open" | "members"; update: number }> = {
  public: { access: "open", update: 0.05 },
  public_hierarchy: { access: "open", update: 0.05 },
  private: { access: "members", update: 0.3 },
  private_order: { access: "members", update: 0.3 },
  hybrid: { access: "open", update: 0.175 },
};

function checkProfiles(profiles: Record<string, TypeProfile>, issues: ValidationIssue[]): void {
  for (const [type, p] of Object.entries(profiles)) {
    for (const [k, v] of Object.entries(p)) {
      if (typeof v !== "number" || !(v >= 0) || !Number.isFinite(v)) {
        issues.push({
          column: `typeProfiles.${type}.${k}`,
          expected: "a finite number ≥ 0",
          received: describeValue(v),
        });
      }
    }
  }
}

function networkSetup(network: AgentNetwork, o: SimulateNetworkSpiralOptions): NetworkSetup {
  const issues: ValidationIssue[] = [];
  const rate = (name: string, v: unknown, fallback: number): number => {
    const x = v ?? fallback;
    if (typeof x !== "number" || !(x >= 0 && x <= 1)) {
      issues.push({ column: name, expected: "a number in [0, 1]", received: describeValue(x) });
      return fallback;
    }
    return x;
  };
  const int = (name: string, v: unknown, fallback: number, min: number, max: number): number => {
    const x = v ?? fallback;
    if (typeof x !== "number" || !Number.isInteger(x) || x < min || x > max) {
      issues.push({ column: name, expected: `an integer in [${min}, ${max}]`, received: describeValue(x) });
      return fallback;
    }
    return x;
  };
  const steps = int("steps", o.steps, 200, 1, 1e9);
  const seed = int("seed", o.seed, 1, 0, 0xffffffff);
  const recordEvery = int("recordEvery", o.recordEvery, Math.max(1, Math.floor(steps / 200)), 1, 1e9);
  const s = rate("socialisation", o.socialisation, 0.2);
  const e = rate("externalisation", o.externalisation, 0.1);
  const c = rate("combination", o.combination, 0.01);
  const iR = rate("internalisation", o.internalisation, 0.1);
  const delta = rate("obsolescence", o.obsolescence, 0.005);
  const order = o.order ?? "public";
  const preset = PRESETS[order];
  if (!preset) {
    issues.push({
      column: "order",
      expected: "public, private, public_hierarchy, private_order or hybrid",
      received: describeValue(order),
    });
  }
  const access = o.platform?.access ?? preset?.access ?? "open";
  if (access !== "open" && access !== "members") {
    issues.push({
      column: "platform.access",
      expected: '"open" or "members"',
      received: describeValue(access),
    });
  }
  const update = rate("platform.update", o.platform?.update, preset?.update ?? 0.05);
  const [lo, hi] = o.tacit0 ?? [0.5, 1.5];
  if (!(typeof lo === "number" && typeof hi === "number" && lo >= 0 && hi >= lo && Number.isFinite(hi))) {
    issues.push({
      column: "tacit0",
      expected: "[low, high] with 0 ≤ low ≤ high",
      received: describeValue(o.tacit0),
    });
  }
  if (network.ids.length === 0) {
    issues.push({ column: "network", expected: "at least one organisation", received: "0 organisations" });
  }
  const profiles = o.typeProfiles ?? DEFAULT_TYPE_PROFILES;
  checkProfiles(profiles, issues);
  const lang = o.lang ?? "en";
  if (lang !== "en" && lang !== "zh") {
    issues.push({ column: "lang", expected: '"en" or "zh"', received: describeValue(lang) });
  }
  const dynamics = tieDynamicsSetup(o.dynamics, issues);
  if (issues.length) throw new ValidationError("parameters of simulateNetworkSpiral", issues);
  const records = Math.floor(steps / recordEvery) + 2;
  checkSize("parameters of simulateNetworkSpiral", "steps", {
    what: `${records} records (steps ${steps} / recordEvery ${recordEvery}) × ${
      2 * Object.keys(profiles).length + 1
    } groups × 8 values`,
    values: records * (2 * Object.keys(profiles).length + 1) * 8,
    hint: "record less often (a larger recordEvery) or run fewer steps",
  });
  return {
    steps,
    seed,
    recordEvery,
    s,
    e,
    c,
    iR,
    delta,
    order,
    access,
    update,
    lo,
    hi,
    profiles,
    lang,
    dynamics,
  };
}

/** Who has platform access (1) under the setup's access rule; warnings when nobody does, or rates overshoot. */
function platformAccess(
  network: AgentNetwork,
  p: NetworkSetup,
  memberList: readonly string[] | undefined,
  warnings: string[],
): { member: Uint8Array; members: number } {
  const n = network.ids.length;
  const member = new Uint8Array(n);
  if (p.access === "open") member.fill(1);
  else {
    const list = new Set(memberList ?? ["firm"]);
    for (let a = 0; a < n; a++) if (list.has(network.ids[a]!) || list.has(network.types[a]!)) member[a] = 1;
  }
  let members = 0;
  for (let a = 0; a < n; a++) members += member[a]!;
  if (members === 0) warnings.push("No organisation has access to the platform: the repository stays empty");
  const most = (k: keyof TypeProfile) => Math.max(1, ...Object.values(p.profiles).map((q) => q[k] ?? 1));
  if (
    p.s * most("socialisation") > 1 || p.iR * most("internalisation") > 1 || p.e * most("externalisation") > 1
  ) {
    warnings.push("A rate × type multiplier exceeds 1: learners overshoot the gap they close");
  }
  return { member, members };
}

/** The state of the agents: tacit T and explicit E knowledge (with next-step buffers) and the repository P. */
interface Agents {
  T: Float64Array;
  E: Float64Array;
  Tn: Float64Array;
  En: Float64Array;
  P: number;
}

/** Per-agent rates: s·σ, e·ε, i·ι with the type multipliers of the agent's type. */
interface AgentRates {
  readonly sig: Float64Array;
  readonly eps: Float64Array;
  readonly iota: Float64Array;
  readonly member: Uint8Array;
  readonly members: number;
}

/** Summaries by type × access group and for the whole network, recorded every `recordEvery` steps. */
class NetworkRecorder {
  readonly typeNames: string[];
  readonly G: number;
  readonly groupOf: Int32Array;
  readonly groupCount: Float64Array;
  readonly gr;
  readonly se;
  readonly #sumT: Float64Array;
  readonly #sumE: Float64Array;
  readonly #scratch: Float64Array;
  #rec = 0;

  constructor(network: AgentNetwork, member: Uint8Array, p: NetworkSetup, readonly lang: Lang) {
    const n = network.ids.length;
    this.typeNames = [...new Set(network.types)].sort();
    const typeIndex = new Map(this.typeNames.map((t, k) => [t, k]));
    const G = this.G = this.typeNames.length * 2;
    this.groupOf = new Int32Array(n);
    this.groupCount = new Float64Array(G);
    for (let a = 0; a < n; a++) {
      this.groupOf[a] = typeIndex.get(network.types[a]!)! * 2 + member[a]!;
      this.groupCount[this.groupOf[a]!]!++;
    }
    const nRec = recordedRows(p);
    this.gr = groupColumns(nRec * G);
    this.se = seriesColumns(nRec);
    this.#sumT = new Float64Array(G);
    this.#sumE = new Float64Array(G);
    this.#scratch = new Float64Array(n);
  }

  record(step: number, x: Agents): void {
    const { gr, se, G, groupOf, groupCount, typeNames, lang } = this;
    const sumT = this.#sumT, sumE = this.#sumE, rec = this.#rec, { T, E, P } = x;
    const n = T.length;
    sumT.fill(0);
    sumE.fill(0);
    let tt = 0, te = 0;
    for (let a = 0; a < n; a++) {
      sumT[groupOf[a]!]! += T[a]!;
      sumE[groupOf[a]!]! += E[a]!;
      tt += T[a]!;
      te += E[a]!;
    }
    for (let g = 0; g < G; g++) {
      const row = rec * G + g, type = typeNames[g >> 1]!;
      gr.step[row] = step;
      gr.type[row] = type;
      gr.typeLabel[row] = ORGANISATION_TYPE_LABELS[type]?.[lang] ?? type;
      gr.member[row] = (g & 1) === 1;
      gr.agents[row] = groupCount[g]!;
      gr.tacit[row] = groupCount[g]! > 0 ? sumT[g]! / groupCount[g]! : 0;
      gr.explicit[row] = groupCount[g]! > 0 ? sumE[g]! / groupCount[g]! : 0;
      gr.repository[row] = P;
    }
    se.step[rec] = step;
    se.repository[rec] = P;
    se.tacit[rec] = tt / n;
    se.explicit[rec] = te / n;
    se.gini[rec] = giniOf(T, this.#scratch);
    this.#rec++;
  }
}

/** Number of recorded steps: 0, every `recordEvery`-th step, and the last. */
function recordedRows(p: NetworkSetup): number {
  return Math.floor(p.steps / p.recordEvery) + 1 + (p.steps % p.recordEvery === 0 ? 0 : 1);
}

function groupColumns(n: number) {
  return {
    step: new Int32Array(n),
    type: new Array<string>(n),
    typeLabel: new Array<string>(n),
    member: new Array<boolean>(n),
    agents: new Int32Array(n),
    tacit: new Float64Array(n),
    explicit: new Float64Array(n),
    repository: new Float64Array(n),
  };
}

function seriesColumns(n: number) {
  return {
    step: new Int32Array(n),
    repository: new Float64Array(n),
    tacit: new Float64Array(n),
    explicit: new Float64Array(n),
    gini: new Float64Array(n),
  };
}

/**
 * The repository after one step, from the previous state: P' = (P + u·max(0, Ē − P) + c·P)(1 − δ), Ē the
 * mean explicit knowledge of the organisations with access.
 */
function platformNext(p: NetworkSetup, r: AgentRates, x: Agents): number {
  const { member, members } = r;
  const { E, P } = x;
  let sumMemberE = 0;
  for (let a = 0; a < E.length; a++) if (member[a]) sumMemberE += E[a]!;
  const meanE = members > 0 ? sumMemberE / members : 0;
  return (P + p.update * Math.max(0, meanE - P) + p.c * P) * (1 - p.delta);
}

/** Swap the state buffers after a step: the next state becomes the current one. */
function advance(x: Agents, Pn: number): void {
  const { T, E, Tn, En } = x;
  x.T = Tn;
  x.Tn = T;
  x.E = En;
  x.En = E;
  x.P = Pn;
}

/**
 * The index k in [lo, hi] of the first running sum above u (`cumulative[k] > u`): a partner drawn with
 * probability ∝ its tie weight when u is uniform on [0, cumulative[hi]) (binary search, O(log degree)).
 */
function weightedPick(cumulative: Float64Array, lo: number, hi: number, u: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid]! > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** One synchronous step of every agent and of the platform (all reads from the previous state). */
function networkStep(
  network: AgentNetwork,
  p: NetworkSetup,
  r: AgentRates,
  x: Agents,
  next: () => number,
): void {
  const { offsets, neighbours, cumulative } = network;
  const { sig, eps, iota, member } = r;
  const { T, E, Tn, En, P } = x;
  const n = T.length;
  const keep = 1 - p.delta;
  const Pn = platformNext(p, r, x);
  for (let a = 0; a < n; a++) {
    const Ta = T[a]!;
    let t = Ta;
    const start = offsets[a]!, end = offsets[a + 1]!;
    if (end > start) {
      // partner with probability ∝ weight
      const k = weightedPick(cumulative, start, end - 1, next() * cumulative[end - 1]!);
      const gap = T[neighbours[k]!]! - Ta;
      if (gap > 0) t += sig[a]! * gap;
    }
    if (member[a] && P > Ta) t += iota[a]! * (P - Ta);
    const Ea = E[a]!;
    Tn[a] = t * keep;
    En[a] = (Ta > Ea ? Ea + eps[a]! * (Ta - Ea) : Ea) * keep;
  }
  advance(x, Pn);
}

/**
 * The same step on a changing network: the partner is chosen in the store's rows (the same choice as
 * {@link networkStep} on rows that have not changed), and a tie through which knowledge flowed (the
 * partner knew more and the organisation socialises) is stamped as used at `step`.
 */
function dynamicStep(
  store: TieStore,
  p: NetworkSetup,
  r: AgentRates,
  x: Agents,
  next: () => number,
  step: number,
): void {
  const { degree, start, neighbours, cumulative, used } = store;
  const { sig, eps, iota, member } = r;
  const { T, E, Tn, En, P } = x;
  const n = T.length;
  const keep = 1 - p.delta;
  const Pn = platformNext(p, r, x);
  for (let a = 0; a < n; a++) {
    const Ta = T[a]!;
    let t = Ta;
    const d = degree[a]!;
    if (d > 0) {
      // partner with probability ∝ weight, in the row's running sums, as networkStep does
      const first = start[a]!, last = first + d - 1;
      const k = weightedPick(cumulative, first, last, next() * cumulative[last]!);
      const gap = T[neighbours[k]!]! - Ta;
      if (gap > 0) {
        t += sig[a]! * gap;
        if (sig[a]! > 0) used[k] = step;
      }
    }
    if (member[a] && P > Ta) t += iota[a]! * (P - Ta);
    const Ea = E[a]!;
    Tn[a] = t * keep;
    En[a] = (Ta > Ea ? Ea + eps[a]! * (Ta - Ea) : Ea) * keep;
  }
  advance(x, Pn);
}

/**
 * Agent-based SECI on a collaboration network (Nonaka 1994's four conversions on ties and a platform; design
 * choices documented here, configurable). Each step, synchronously (all reads from the previous state), for
 * organisation a with type multipliers σ, ε, ι:
 *
 * - **socialisation** only along ties: a meets one partner b chosen with probability ∝ tie weight and
 *   learns T_a += s·σ·max(0, T_b − T_a) (tacit knowledge is non-rival: b loses nothing);
 * - **externalisation**: E_a += e·ε·max(0, T_a − E_a) (codifying what is not yet codified);
 * - **platform**: the repository P moves toward the mean explicit knowledge of organisations with access,
 *   P += u·max(0, Ē − P) (u = update speed), and **combination** inside the repository creates knowledge,
 *   P += c·P;
 * - **internalisation** by organisations with access: T_a += i·ι·max(0, P − T_a);
 * - **obsolescence**: every stock × (1 − δ).
 *
 * Public platform: open to all, slow update (0.05); private platform: members only (default: firms),
 * fast update (0.3). Stocks stay non-negative for rates in [0, 1]. Randomness (initial tacit knowledge
 * and partner choice) comes from one `Random(seed)` stream. Cost O(steps · (n log d)); no
 * allocation per step.
 *
 * **Tie dynamics** (option `dynamics`, {@link TieDynamicsOptions}; without it the network is fixed): after
 * the knowledge step, (1) every tie through which no knowledge flowed in the step (neither end learnt from
 * the other through it) dissolves with probability λ (`decay`), so an unused tie survives t steps with
 * probability (1 − λ)^t; (2) every organisation a, in order, samples candidate partners — friends of friends
 * (a partner of a partner) and strangers (anyone), Jackson & Rogers 2007, "Meeting strangers and friends of
 * friends", *American Economic Review* 97(3) — and ties with a candidate b not yet tied with probability
 * p · attraction(T_a, T_b), the attraction rising with knowledge complementarity (Cowan, Jonard & Zimmermann
 * 2007; Baum, Cowan & Jonard 2010) or with similarity (Boschma 2005): see {@link TieFormationRule}. The
 * dynamics draw from their own stream, `Random(Random.runSeed(seed, 1))`, so with `formation: 0` and
 * `decay: 0` the knowledge trajectory is the fixed network's, bit for bit. A step costs O(n log d) for the
 * knowledge and O(n·k·p + λ·m) draws for the ties (k candidates per organisation; candidates are sampled,
 * never all pairs scanned; the coins are thrown with geometric gaps); the network statistics (`network`:
 * density, components, mean degree, clustering, Gini of degree) cost O(n + m·√m) per recorded step
 * (triangles by the forward algorithm). 10,000 organisations × 1,000 steps take 1–2 s of CPU (bench/README.md).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { UndirectedGraph } from "graphology";
 * import { simulateNetworkSpiral } from "clusterlab";
 * import { agentNetworkFromGraph } from "clusterlab/advanced";
 * const g = new UndirectedGraph();
 * ["a", "b", "c"].forEach((id) => g.addNode(id, { type: "firm" }));
 * g.addEdge("a", "b");
 * g.addEdge("b", "c");
 * // without tacit spread at the start ([1, 1]) and with every rate 0 but obsolescence, T(t) = (1 − δ)^t
 * const r = simulateNetworkSpiral(agentNetworkFromGraph(g), {
 *   steps: 10, tacit0: [1, 1], socialisation: 0, externalisation: 0, internalisation: 0, obsolescence: 0.1,
 * });
 * assert.ok(Math.abs((r.series.get("tacit", 10) as number) - 0.9 ** 10) < 1e-12);
 * assert.ok(Math.abs(r.series.get("gini", 10) as number) < 1e-12); // everyone equal
 * assert.equal(r.network.get("density", 10), 2 / 3); // the fixed network: 2 of 3 pairs tied
 *
 * // tie dynamics: organisations with equal knowledge are not complementary, so no tie forms; without
 * // socialisation no knowledge flows, and with decay 1 every unused tie dissolves in the first step
 * const d = simulateNetworkSpiral(agentNetworkFromGraph(g), {
 *   steps: 3, recordEvery: 1, tacit0: [1, 1], socialisation: 0,
 *   dynamics: { rule: "complementarity", formation: 1, decay: 1 },
 * });
 * assert.deepEqual([...d.network.array("ties")], [2, 0, 0, 0]);
 * assert.deepEqual([...d.network.array("components")], [1, 3, 3, 3]);
 * assert.equal(d.ties.numRows(), 0);
 * ```
 */
export function simulateNetworkSpiral(
  network: AgentNetwork,
  options: SimulateNetworkSpiralOptions = {},
): NetworkSpiralResult {
  const p = networkSetup(network, options);
  const n = network.ids.length;
  const warnings: string[] = [...network.warnings];
  const { member, members } = platformAccess(network, p, options.platform?.members, warnings);
  const rates = agentRates(network, p, member, members);
  const recorder = new NetworkRecorder(network, member, p, p.lang);
  const next = new Random(p.seed).stream();
  const x: Agents = {
    T: new Float64Array(n),
    E: new Float64Array(n),
    Tn: new Float64Array(n),
    En: new Float64Array(n),
    P: 0,
  };
  for (let a = 0; a < n; a++) x.T[a] = p.lo + (p.hi - p.lo) * next();
  const dyn = p.dynamics;
  const store = dyn ? new TieStore(network) : undefined;
  const fixed = store ? undefined : csrAdjacency(network);
  const adj: Adjacency = store ?? fixed!.adjacency;
  const stats = new NetworkStatisticsRecorder(n, recordedRows(p));
  const tieNext = new Random(Random.runSeed(p.seed, 1)).stream();
  recorder.record(0, x);
  stats.record(0, adj, 0, 0);
  let formed = 0, dissolved = 0;
  for (let step = 1; step <= p.steps; step++) {
    if (store) {
      dynamicStep(store, p, rates, x, next, step);
      dissolved += decayTies(store, dyn!.decay, step, tieNext);
      formed += formTies(store, dyn!, x.T, tieNext);
    } else networkStep(network, p, rates, x, next);
    if (step % p.recordEvery === 0 || step === p.steps) {
      recorder.record(step, x);
      stats.record(step, adj, formed, dissolved);
      formed = dissolved = 0;
    }
  }
  return finiteResult("simulateNetworkSpiral", {
    groups: aq.table(recorder.gr),
    series: aq.table(recorder.se),
    agents: aq.table({
      id: [...network.ids],
      type: [...network.types],
      member: Array.from(member, (m) => m === 1),
      degree: Int32Array.from(adj.degree),
      tacit: x.T,
      explicit: x.E,
    }),
    network: aq.table(stats.columns),
    ties: aq.table(tieColumns(adj, (k) => (store ? store.weight[k]! : fixed!.weight[k]!), network.ids)),
    dynamics: dyn ?? null,
    members,
    platform: { order: p.order, access: p.access, update: p.update },
    warnings,
  });
}

/** Per-agent rates: the base rates times the multipliers of the agent's type. */
function agentRates(network: AgentNetwork, p: NetworkSetup, member: Uint8Array, members: number): AgentRates {
  const n = network.ids.length;
  const rates: AgentRates = {
    sig: new Float64Array(n),
    eps: new Float64Array(n),
    iota: new Float64Array(n),
    member,
    members,
  };
  for (let a = 0; a < n; a++) {
    const q = p.profiles[network.types[a]!] ?? {};
    rates.sig[a] = p.s * (q.socialisation ?? 1);
    rates.eps[a] = p.e * (q.externalisation ?? 1);
    rates.iota[a] = p.iR * (q.internalisation ?? 1);
  }
  return rates;
}

/** The fixed network's rows as {@link Adjacency}, with each slot's tie weight (differences of the sums). */
function csrAdjacency(network: AgentNetwork): { adjacency: Adjacency; weight: Float64Array } {
  const { offsets, neighbours, cumulative } = network;
  const n = network.ids.length;
  const degree = new Int32Array(n), weight = new Float64Array(neighbours.length);
  for (let a = 0; a < n; a++) {
    degree[a] = offsets[a + 1]! - offsets[a]!;
    for (let k = offsets[a]!; k < offsets[a + 1]!; k++) {
      weight[k] = cumulative[k]! - (k > offsets[a]! ? cumulative[k - 1]! : 0);
    }
  }
  return { adjacency: { n, start: offsets, degree, neighbours }, weight };
}
