/**
 * Tie dynamics of the agent-based SECI model ({@link simulateNetworkSpiral}): a network whose ties form with
 * knowledge complementarity or similarity and decay when no knowledge flows along them, so that knowledge
 * reshapes the organisation of the cluster. 关系动态：联系随知识互补性（或相似性）形成，闲置时衰减。
 *
 * The network is held in rows with spare room and a dense list of ties (a tie is added or removed in O(1)
 * plus the scan of its two rows). Candidate partners are sampled — friends of friends and strangers (Jackson
 * & Rogers 2007) — and the coins of formation and decay are thrown as Bernoulli processes with geometric gaps,
 * so that the dynamics of a step cost O(n·k·p + λ·m) draws (k candidates per organisation, formation
 * probability p, decay λ, m ties), never O(n²) nor even O(m).
 * @module
 */
import { describeValue, type ValidationIssue } from "../core/validation_error.ts";
import {
  type Adjacency,
  adjacencyStatistics,
  type NetworkSnapshot,
  StatisticsScratch,
} from "../indicators/network/network_statistics.ts";
import type { TieStore } from "./tie_store.ts";

/**
 * Rule of tie formation between organisations a and b with tacit knowledge T_a and T_b, through their
 * knowledge similarity σ_ab = min(T_a, T_b) / max(T_a, T_b) (1 when both are 0):
 *
 * - `"complementarity"`: the attraction is 1 − σ_ab, the share of the leader's knowledge the follower lacks —
 *   partners are chosen for what they can add (Cowan, Jonard & Zimmermann 2007, "Bilateral collaboration and
 *   the emergence of innovation networks", *Management Science* 53(7); Baum, Cowan & Jonard 2010,
 *   "Network-independent partner selection and the evolution of innovation networks", *Management Science*
 *   56(11): knowledge bases that complement each other);
 * - `"similarity"`: the attraction is σ_ab — cognitive proximity eases absorption and communication (Boschma
 *   2005, "Proximity and innovation: a critical assessment", *Regional Studies* 39(1); homophily, McPherson,
 *   Smith-Lovin & Cook 2001, *Annual Review of Sociology* 27).
 *
 * Boschma's proximity paradox (too little and too much proximity both hamper learning) is why both are
 * offered; the ratio form (scale-free, since knowledge grows over time) is a design choice.
 */
export type TieFormationRule = "complementarity" | "similarity";

/** How each organisation samples candidate partners every step (design choice; Jackson & Rogers 2007). */
export interface TieCandidateOptions {
  /**
   * Friends of friends drawn per organisation and step (default 1): a partner c drawn uniformly from its
   * ties, then a partner of c drawn uniformly (network-based meeting, which closes triangles).
   */
  readonly friendsOfFriends?: number;
  /** Strangers drawn per organisation and step, uniformly among all others (default 1; random meeting). */
  readonly strangers?: number;
}

/** Tie dynamics of {@link simulateNetworkSpiral} (the option `dynamics`; absent: the network is fixed). */
export interface TieDynamicsOptions {
  /** Formation rule (default "complementarity"): see {@link TieFormationRule}. */
  readonly rule?: TieFormationRule;
  /**
   * Formation probability p: a candidate b of a is tied with probability p × attraction(a, b) (default
   * 0.05); 0 keeps every existing tie and adds none.
   */
  readonly formation?: number;
  /**
   * Decay λ: the probability per step that a tie along which no knowledge flowed in that step dissolves
   * (default 0.02); an unused tie survives t steps with probability (1 − λ)^t (geometric survival).
   */
  readonly decay?: number;
  /** Candidate partners sampled per organisation and step (default one friend of a friend, one stranger). */
  readonly candidates?: TieCandidateOptions;
  /** Weight of a new tie (default 1, one collaboration); existing ties keep theirs. */
  readonly weight?: number;
}

/** The tie dynamics with every default resolved (the `dynamics` field of a result). */
export interface ResolvedTieDynamics {
  /** Formation rule. */
  readonly rule: TieFormationRule;
  /** Formation probability p. */
  readonly formation: number;
  /** Decay λ per unused step. */
  readonly decay: number;
  /** Friends of friends per organisation and step. */
  readonly friendsOfFriends: number;
  /** Strangers per organisation and step. */
  readonly strangers: number;
  /** Weight of a new tie. */
  readonly weight: number;
}

const DYNAMICS_KEYS = ["rule", "formation", "decay", "candidates", "weight"];
const CANDIDATE_KEYS = ["friendsOfFriends", "strangers"];

/** Unknown keys of an options object, as issues (a misspelt option would otherwise be ignored). */
function unknownKeys(o: object, known: readonly string[], prefix: string, issues: ValidationIssue[]): void {
  for (const k of Object.keys(o)) {
    if (!known.includes(k)) {
      issues.push({
        column: `${prefix}.${k}`,
        expected: `one of ${known.join(", ")}`,
        received: "unknown option",
      });
    }
  }
}

/** Validate the `dynamics` option (issues collected in `issues`); undefined when the network is fixed. */
export function tieDynamicsSetup(
  d: TieDynamicsOptions | undefined,
  issues: ValidationIssue[],
): ResolvedTieDynamics | undefined {
  if (d === undefined) return undefined;
  if (typeof d !== "object" || d === null || Array.isArray(d)) {
    issues.push({
      column: "dynamics",
      expected: "an object of tie dynamics options",
      received: describeValue(d),
    });
    return undefined;
  }
  unknownKeys(d, DYNAMICS_KEYS, "dynamics", issues);
  const rule = d.rule ?? "complementarity";
  if (rule !== "complementarity" && rule !== "similarity") {
    issues.push({
      column: "dynamics.rule",
      expected: '"complementarity" or "similarity"',
      received: describeValue(rule),
    });
  }
  const probability = (name: string, v: unknown, fallback: number): number => {
    const x = v ?? fallback;
    if (typeof x !== "number" || !(x >= 0 && x <= 1)) {
      issues.push({ column: `dynamics.${name}`, expected: "a number in [0, 1]", received: describeValue(x) });
      return fallback;
    }
    return x;
  };
  const c = d.candidates ?? {};
  if (typeof c !== "object" || c === null) {
    issues.push({ column: "dynamics.candidates", expected: "an object", received: describeValue(c) });
  } else unknownKeys(c, CANDIDATE_KEYS, "dynamics.candidates", issues);
  const count = (name: string, v: unknown): number => {
    const x = v ?? 1;
    if (typeof x !== "number" || !Number.isInteger(x) || x < 0 || x > 1000) {
      issues.push({
        column: `dynamics.candidates.${name}`,
        expected: "an integer in [0, 1000]",
        received: describeValue(x),
      });
      return 1;
    }
    return x;
  };
  const weight = d.weight ?? 1;
  if (typeof weight !== "number" || !(weight > 0) || !Number.isFinite(weight)) {
    issues.push({
      column: "dynamics.weight",
      expected: "a finite number > 0",
      received: describeValue(weight),
    });
  }
  return {
    rule,
    formation: probability("formation", d.formation, 0.05),
    decay: probability("decay", d.decay, 0.02),
    friendsOfFriends: count("friendsOfFriends", (c as TieCandidateOptions | null)?.friendsOfFriends),
    strangers: count("strangers", (c as TieCandidateOptions | null)?.strangers),
    weight,
  };
}

/**
 * The attraction of a pair under a rule: σ = min/max of the two tacit stocks (1 when both are 0);
 * complementarity 1 − σ, similarity σ.
 */
export function attraction(rule: TieFormationRule, ta: number, tb: number): number {
  const hi = ta > tb ? ta : tb, lo = ta > tb ? tb : ta;
  const similarity = hi > 0 ? lo / hi : 1;
  return rule === "similarity" ? similarity : 1 - similarity;
}

/** Largest gap of {@link geometricGap} (λ = 0: no event ever). */
const NEVER = 0x7fffffff;

/**
 * A geometric gap G ≥ 1 with P(G > t) = (1 − q)^t, by inversion: ⌈ln(1 − u) / ln(1 − q)⌉ for u uniform on
 * [0, 1). The positions 0 + G₁, G₁ + G₂, … of a sequence are then its successes of independent coins of
 * probability q (a Bernoulli process), found with one draw per success instead of one per position.
 */
export function geometricGap(q: number, u: number): number {
  return q >= 1 ? 1 : q <= 0 ? NEVER : gap(Math.log(1 - q), u);
}

/** {@link geometricGap} for 0 < q < 1 with ln(1 − q) computed once by the caller. */
function gap(logKeep: number, u: number): number {
  const g = Math.ceil(Math.log(1 - u) / logKeep);
  return g < 1 ? 1 : g > NEVER ? NEVER : g;
}

/** A function of u drawing the gaps of coins of probability q (ln(1 − q) computed once). */
function gaps(q: number): (u: number) => number {
  if (q >= 1) return () => 1;
  const logKeep = Math.log(1 - q);
  return (u) => gap(logKeep, u);
}

/**
 * Decay: every tie through which no knowledge flowed at `step` dissolves with probability λ. The coins of
 * all ties are thrown as a Bernoulli process over the tie list, from its end down (geometric gaps, so the
 * cost is O(λ·m) draws, not m): a tie whose coin falls is removed unless it was used at `step`. Removing
 * tie i moves the last tie, whose coin is already thrown, to number i, below which the walk goes on.
 */
export function decayTies(store: TieStore, lambda: number, step: number, next: () => number): number {
  if (lambda <= 0) return 0;
  const draw = gaps(lambda);
  let dissolved = 0;
  for (let i = store.ties - draw(next()); i >= 0; i -= draw(next())) {
    if (store.usedAt(i, step)) continue;
    store.remove(i);
    dissolved++;
  }
  return dissolved;
}

/**
 * Formation: every organisation a, in order, has `friendsOfFriends` then `strangers` candidate draws each
 * step; each draw ties with probability p × attraction(T_a, T_b) (see {@link attraction}) unless the
 * candidate b is a itself or already tied. The p-coins are thrown first, as a Bernoulli process over the
 * n × (friends of friends + strangers) draws (geometric gaps: O(n·k·p) draws, not n·k); only a draw whose
 * coin falls picks its candidate (a partner of a partner, or anyone else) and then ties with probability
 * attraction. Returns the number of ties formed.
 */
export function formTies(
  store: TieStore,
  d: ResolvedTieDynamics,
  tacit: Float64Array,
  next: () => number,
): number {
  const { n, start, degree } = store;
  const fof = d.friendsOfFriends, per = fof + (n > 1 ? d.strangers : 0);
  if (d.formation <= 0 || per === 0) return 0;
  const total = n * per, draw = gaps(d.formation);
  let formed = 0;
  for (let i = draw(next()) - 1; i < total; i += draw(next())) {
    const a = Math.floor(i / per);
    let b: number;
    if (i - a * per < fof) {
      if (degree[a] === 0) continue;
      const nb = store.neighbours;
      const x = nb[start[a]! + Math.floor(next() * degree[a]!)]!;
      b = nb[start[x]! + Math.floor(next() * degree[x]!)]!;
      if (b === a) continue;
    } else {
      b = Math.floor(next() * (n - 1));
      if (b >= a) b++;
    }
    const attract = attraction(d.rule, tacit[a]!, tacit[b]!);
    if (!(attract > 0 && next() < attract) || store.has(a, b)) continue;
    store.add(a, b, d.weight);
    formed++;
  }
  return formed;
}

/** The columns of the `network` table of a result, one row per recorded step. */
function networkColumns(rows: number) {
  return {
    step: new Int32Array(rows),
    ties: new Int32Array(rows),
    density: new Float64Array(rows),
    components: new Int32Array(rows),
    largest_share: new Float64Array(rows),
    mean_degree: new Float64Array(rows),
    clustering: new Float64Array(rows),
    transitivity: new Float64Array(rows),
    degree_gini: new Float64Array(rows),
    formed: new Int32Array(rows),
    dissolved: new Int32Array(rows),
  };
}

/**
 * Network statistics at every recorded step, recomputed only when ties formed or dissolved since the last
 * record (on a fixed network they are computed once and repeated). `formed` and `dissolved` count the ties
 * since the previous recorded step (0 at step 0).
 */
export class NetworkStatisticsRecorder {
  readonly columns;
  readonly #scratch: StatisticsScratch;
  #last: NetworkSnapshot | undefined;
  #row = 0;

  /** A recorder of `rows` rows for networks of n nodes. */
  constructor(n: number, rows: number) {
    this.columns = networkColumns(rows);
    this.#scratch = new StatisticsScratch(n);
  }

  /** Record the statistics of `adj` at `step`, with the ties formed and dissolved since the last record. */
  record(step: number, adj: Adjacency, formed: number, dissolved: number): void {
    const same = this.#last !== undefined && formed === 0 && dissolved === 0;
    const s = same ? this.#last! : adjacencyStatistics(adj, this.#scratch);
    this.#last = s;
    const c = this.columns, r = this.#row++;
    c.step[r] = step;
    c.ties[r] = s.ties;
    c.density[r] = s.density;
    c.components[r] = s.components;
    c.largest_share[r] = s.largestShare;
    c.mean_degree[r] = s.meanDegree;
    c.clustering[r] = s.clustering;
    c.transitivity[r] = s.transitivity;
    c.degree_gini[r] = s.degreeGini;
    c.formed[r] = formed;
    c.dissolved[r] = dissolved;
  }
}

/** The ties of `adj` once each (lower end first, in row order) as `source`, `target`, `weight` columns. */
export function tieColumns(
  adj: Adjacency,
  weightOf: (slot: number) => number,
  ids: readonly string[],
): { source: string[]; target: string[]; weight: Float64Array } {
  const source: string[] = [], target: string[] = [], weight: number[] = [];
  for (let a = 0; a < adj.n; a++) {
    for (let k = adj.start[a]!; k < adj.start[a]! + adj.degree[a]!; k++) {
      const b = adj.neighbours[k]!;
      if (b < a) continue;
      source.push(ids[a]!);
      target.push(ids[b]!);
      weight.push(weightOf(k));
    }
  }
  return { source, target, weight: Float64Array.from(weight) };
}
