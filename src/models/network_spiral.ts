/**
 * Agent-based SECI on a collaboration network: organisations hold tacit and explicit knowledge, socialise
 * along ties, externalise into a platform repository where knowledge is combined, and internalise from it.
 * A public platform is open to all and updates slowly; a private platform is open to its members and
 * updates fast (DESIGN §4, §3.3). 协作网络上的主体 SECI 模型：公共平台与私人平台。
 * @module
 */
import * as aq from "arquero";
import type { ColumnTable } from "arquero";
import type { AbstractGraph } from "graphology-types";
import { type TableInput, toTable } from "../data/adapters.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../data/validation_error.ts";
import type { Bilingual, Lang } from "../i18n.ts";
import { mulberry32 } from "./random.ts";
import type { PlatformOrderName } from "./seci.ts";

/** Bilingual names of the organisation types (DESIGN §5; the ORGANISATIONS schema). */
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
 *
 * @example
 * ```ts
 * import { agentNetwork } from "clusterlab";
 * const net = agentNetwork(
 *   [{ id: "a", type: "firm" }, { id: "b", type: "university" }],
 *   [{ source: "a", target: "b", weight: 2 }],
 * );
 * net.neighbours.length; // 2 (each undirected tie stored both ways)
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
    if (!tt.columnNames().includes(c)) {
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
  const src = tt.array("source") as ArrayLike<unknown>, tgt = tt.array("target") as ArrayLike<unknown>;
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

/**
 * Build an {@link AgentNetwork} from a graphology graph (e.g. from graphology-generators). The node
 * attribute `typeAttribute` (default "type") gives the organisation type; nodes without it are "other"
 * (reported in `warnings`). Edge attribute `weight` (default 1).
 *
 * @example
 * ```ts
 * import { UndirectedGraph } from "graphology";
 * import { agentNetworkFromGraph } from "clusterlab";
 * const g = new UndirectedGraph();
 * g.addNode("a", { type: "firm" }); g.addNode("b", { type: "firm" }); g.addEdge("a", "b");
 * agentNetworkFromGraph(g).ids; // ["a", "b"]
 * ```
 */
export function agentNetworkFromGraph(graph: GraphologyGraph, typeAttribute = "type"): AgentNetwork {
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
export interface NetworkSpiralOptions {
  /** Steps (default 200). */
  readonly steps?: number;
  /** Seed (default 1). */
  readonly seed?: number;
  /**
   * Platform order: "public" (open, update 0.05), "private" (members only, update 0.3), or the classifier's
   * order names: public_hierarchy → public, private_order → private, hybrid → open with update 0.175
   * (design choice). Default "public".
   */
  readonly order?: "public" | "private" | PlatformOrderName;
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
}

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

/**
 * Agent-based SECI on a collaboration network (DESIGN §4; design choices documented here, configurable).
 * Each step, synchronously (all reads from the previous state), for organisation a with type multipliers
 * σ, ε, ι:
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
 * and partner choice) comes from a mulberry32 stream seeded by `seed`. Cost O(steps · (n log d)); no
 * allocation per step.
 *
 * @example
 * ```ts
 * import { UndirectedGraph } from "graphology";
 * import { agentNetworkFromGraph, simulateNetworkSpiral } from "clusterlab";
 * const g = new UndirectedGraph();
 * ["a", "b", "c"].forEach((id) => g.addNode(id, { type: "firm" }));
 * g.addEdge("a", "b"); g.addEdge("b", "c");
 * const r = simulateNetworkSpiral(agentNetworkFromGraph(g), { order: "private", steps: 50, seed: 1 });
 * r.series.numRows(); // 51 (steps 0..50)
 * ```
 */
export function simulateNetworkSpiral(
  network: AgentNetwork,
  options: NetworkSpiralOptions = {},
): NetworkSpiralResult {
  const o = options;
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
  const PRESETS: Record<string, { access: "open" | "members"; update: number }> = {
    public: { access: "open", update: 0.05 },
    public_hierarchy: { access: "open", update: 0.05 },
    private: { access: "members", update: 0.3 },
    private_order: { access: "members", update: 0.3 },
    hybrid: { access: "open", update: 0.175 },
  };
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
  const n = network.ids.length;
  if (n === 0) {
    issues.push({ column: "network", expected: "at least one organisation", received: "0 organisations" });
  }
  const profiles = o.typeProfiles ?? DEFAULT_TYPE_PROFILES;
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
  if (issues.length) throw new ValidationError("parameters of simulateNetworkSpiral", issues);
  const lang = o.lang ?? "en";
  const warnings: string[] = [...network.warnings];

  // access
  const member = new Uint8Array(n);
  if (access === "open") member.fill(1);
  else {
    const list = new Set(o.platform?.members ?? ["firm"]);
    for (let a = 0; a < n; a++) if (list.has(network.ids[a]!) || list.has(network.types[a]!)) member[a] = 1;
  }
  let members = 0;
  for (let a = 0; a < n; a++) members += member[a]!;
  if (members === 0) warnings.push("No organisation has access to the platform: the repository stays empty");
  if (
    s * Math.max(1, ...Object.values(profiles).map((p) => p.socialisation ?? 1)) > 1 ||
    iR * Math.max(1, ...Object.values(profiles).map((p) => p.internalisation ?? 1)) > 1 ||
    e * Math.max(1, ...Object.values(profiles).map((p) => p.externalisation ?? 1)) > 1
  ) {
    warnings.push("A rate × type multiplier exceeds 1: learners overshoot the gap they close");
  }
  // per-agent multipliers
  const sig = new Float64Array(n), eps = new Float64Array(n), iota = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    const p = profiles[network.types[a]!] ?? {};
    sig[a] = s * (p.socialisation ?? 1);
    eps[a] = e * (p.externalisation ?? 1);
    iota[a] = iR * (p.internalisation ?? 1);
  }
  // groups: type × member
  const typeNames = [...new Set(network.types)].sort();
  const typeIndex = new Map(typeNames.map((t, k) => [t, k]));
  const G = typeNames.length * 2;
  const groupOf = new Int32Array(n);
  const groupCount = new Float64Array(G);
  for (let a = 0; a < n; a++) {
    groupOf[a] = typeIndex.get(network.types[a]!)! * 2 + member[a]!;
    groupCount[groupOf[a]!]!++;
  }

  const next = mulberry32(seed);
  let T = new Float64Array(n), E = new Float64Array(n);
  let Tn = new Float64Array(n), En = new Float64Array(n);
  for (let a = 0; a < n; a++) T[a] = lo + (hi - lo) * next();
  let P = 0;
  const { offsets, neighbours, cumulative } = network;

  // recording
  const nRec = Math.floor(steps / recordEvery) + 1 + (steps % recordEvery === 0 ? 0 : 1);
  const gRows = nRec * G;
  const gr = {
    step: new Int32Array(gRows),
    type: new Array<string>(gRows),
    typeLabel: new Array<string>(gRows),
    member: new Array<boolean>(gRows),
    agents: new Int32Array(gRows),
    tacit: new Float64Array(gRows),
    explicit: new Float64Array(gRows),
    repository: new Float64Array(gRows),
  };
  const se = {
    step: new Int32Array(nRec),
    repository: new Float64Array(nRec),
    tacit: new Float64Array(nRec),
    explicit: new Float64Array(nRec),
    gini: new Float64Array(nRec),
  };
  const sumT = new Float64Array(G), sumE = new Float64Array(G), scratch = new Float64Array(n);
  let rec = 0;
  const record = (step: number) => {
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
    se.gini[rec] = giniOf(T, scratch);
    rec++;
  };
  record(0);

  const keep = 1 - delta;
  for (let step = 1; step <= steps; step++) {
    // platform: contributors' mean explicit knowledge (previous state)
    let sumMemberE = 0;
    for (let a = 0; a < n; a++) if (member[a]) sumMemberE += E[a]!;
    const meanE = members > 0 ? sumMemberE / members : 0;
    const Pn = (P + update * Math.max(0, meanE - P) + c * P) * keep;
    for (let a = 0; a < n; a++) {
      const Ta = T[a]!;
      let t = Ta;
      const start = offsets[a]!, end = offsets[a + 1]!;
      if (end > start) {
        // partner with probability ∝ weight: binary search in the cumulative weights
        const x = next() * cumulative[end - 1]!;
        let lo2 = start, hi2 = end - 1;
        while (lo2 < hi2) {
          const mid = (lo2 + hi2) >>> 1;
          if (cumulative[mid]! > x) hi2 = mid;
          else lo2 = mid + 1;
        }
        const gap = T[neighbours[lo2]!]! - Ta;
        if (gap > 0) t += sig[a]! * gap;
      }
      if (member[a] && P > Ta) t += iota[a]! * (P - Ta);
      const Ea = E[a]!;
      Tn[a] = t * keep;
      En[a] = (Ta > Ea ? Ea + eps[a]! * (Ta - Ea) : Ea) * keep;
    }
    [T, Tn] = [Tn, T];
    [E, En] = [En, E];
    P = Pn;
    if (step % recordEvery === 0 || step === steps) record(step);
  }

  const degree = new Int32Array(n);
  for (let a = 0; a < n; a++) degree[a] = offsets[a + 1]! - offsets[a]!;
  return {
    groups: aq.table(gr),
    series: aq.table(se),
    agents: aq.table({
      id: [...network.ids],
      type: [...network.types],
      member: Array.from(member, (m) => m === 1),
      degree,
      tacit: T,
      explicit: E,
    }),
    members,
    platform: { order, access, update },
    warnings,
  };
}
