/**
 * Whole-network statistics of an undirected collaboration network: density, components, mean degree,
 * clustering and the Gini coefficient of degree. 网络整体统计：密度、连通分量、平均度、聚类系数、度的基尼系数。
 *
 * The statistics are computed on adjacency rows ({@link Adjacency}), so the same kernel serves a tie table
 * ({@link networkStatistics}) and a network that changes while a model runs (the tie dynamics of
 * `simulateNetworkSpiral`, which records them every recorded step).
 * @module
 */
import { tieGraph, type TiesInput } from "./tie_graph.ts";

/**
 * Undirected adjacency rows: the neighbours of node `a` are `neighbours[start[a]] …
 * neighbours[start[a] + degree[a] − 1]`, each tie listed at both ends, no self-tie, no repeated pair.
 * Rows may leave gaps between them (a network that grows keeps spare room in its rows).
 */
export interface Adjacency {
  /** Number of nodes. */
  readonly n: number;
  /** First slot of each node's row. */
  readonly start: Int32Array;
  /** Number of neighbours of each node. */
  readonly degree: Int32Array;
  /** Neighbour node numbers. */
  readonly neighbours: Int32Array;
}

/** The statistics of one network (see {@link networkStatistics} for the definitions). */
export interface NetworkSnapshot {
  /** Number of nodes n. */
  readonly organisations: number;
  /** Number of ties m (unordered pairs). */
  readonly ties: number;
  /** 2m / (n (n − 1)); 0 when n < 2. */
  readonly density: number;
  /** Number of connected components (an isolate is a component of one). */
  readonly components: number;
  /** Share of the nodes in the largest component (0 for an empty network). */
  readonly largestShare: number;
  /** 2m / n (0 for an empty network). */
  readonly meanDegree: number;
  /** Average local clustering (Watts & Strogatz 1998; nodes of degree < 2 count as 0). */
  readonly clustering: number;
  /** Global clustering: 3 × triangles / connected triples (0 without any triple). */
  readonly transitivity: number;
  /** Gini coefficient of the degrees (0 when every degree is equal, 0 without ties). */
  readonly degreeGini: number;
}

/** Reusable work arrays of {@link adjacencyStatistics} (sized for n nodes; the forward rows grow as needed). */
export class StatisticsScratch {
  /** Stamp of the node whose forward neighbours are marked. */
  readonly mark: Int32Array;
  /** Triangles through each node. */
  readonly triangles: Float64Array;
  /** Breadth-first queue (and the nodes in degree order). */
  readonly queue: Int32Array;
  /** Visited stamps of the components search. */
  readonly seen: Uint8Array;
  /** Rank of each node in the order of increasing degree. */
  readonly rank: Int32Array;
  /** Row starts of the forward neighbours (those of higher rank). */
  readonly forwardStart: Int32Array;
  /** Forward neighbours, row after row. */
  forward: Int32Array;
  /** Counts of nodes per degree (grows with the largest degree). */
  counts: Int32Array;

  /** Work arrays for networks of `n` nodes. */
  constructor(readonly n: number) {
    this.mark = new Int32Array(n);
    this.triangles = new Float64Array(n);
    this.queue = new Int32Array(n);
    this.seen = new Uint8Array(n);
    this.rank = new Int32Array(n);
    this.forwardStart = new Int32Array(n + 1);
    this.forward = new Int32Array(16);
    this.counts = new Int32Array(16);
  }
}

/** Nodes counted per degree, in `s.counts[0 … max]`; returns the largest degree. */
function degreeCounts(adj: Adjacency, s: StatisticsScratch): number {
  const { n, degree } = adj;
  let max = 0;
  for (let a = 0; a < n; a++) if (degree[a]! > max) max = degree[a]!;
  if (s.counts.length <= max + 1) s.counts = new Int32Array(2 * max + 2);
  const counts = s.counts;
  counts.fill(0, 0, max + 2);
  for (let a = 0; a < n; a++) counts[degree[a]!]!++;
  return max;
}

/**
 * Triangles through each node, by the forward algorithm (Schank & Wagner 2005, "Finding, counting and
 * listing all triangles in large graphs", WEA): nodes ranked by increasing degree, each tie kept at its
 * lower-ranked end, and every triangle found once from its lowest-ranked node — O(m · √m) at worst.
 */
function countTriangles(adj: Adjacency, s: StatisticsScratch, max: number): void {
  const { n, start, degree, neighbours } = adj;
  const { mark, triangles, rank, forwardStart } = s;
  // ranks by counting sort on the degree (ties by node number)
  const next = s.counts;
  for (let d = 0, pos = 0; d <= max; d++) {
    const c = next[d]!;
    next[d] = pos;
    pos += c;
  }
  for (let a = 0; a < n; a++) rank[a] = next[degree[a]!]!++;
  let m2 = 0;
  for (let a = 0; a < n; a++) m2 += degree[a]!;
  if (s.forward.length < m2 / 2 + 1) s.forward = new Int32Array(m2);
  const forward = s.forward;
  let top = 0;
  for (let a = 0; a < n; a++) {
    forwardStart[a] = top;
    const ra = rank[a]!;
    for (let k = start[a]!, e = k + degree[a]!; k < e; k++) {
      const b = neighbours[k]!;
      if (rank[b]! > ra) forward[top++] = b;
    }
  }
  forwardStart[n] = top;
  mark.fill(-1);
  triangles.fill(0);
  for (let a = 0; a < n; a++) {
    const fa = forwardStart[a]!, ea = forwardStart[a + 1]!;
    for (let k = fa; k < ea; k++) mark[forward[k]!] = a;
    for (let k = fa; k < ea; k++) {
      const b = forward[k]!;
      for (let j = forwardStart[b]!, eb = forwardStart[b + 1]!; j < eb; j++) {
        const c = forward[j]!;
        if (mark[c] === a) {
          triangles[a]!++;
          triangles[b]!++;
          triangles[c]!++;
        }
      }
    }
  }
}

/** Number of components and the size of the largest (breadth-first search, O(n + m)). */
function componentCount(adj: Adjacency, s: StatisticsScratch): { count: number; largest: number } {
  const { n, start, degree, neighbours } = adj;
  const { queue, seen } = s;
  seen.fill(0);
  let count = 0, largest = 0;
  for (let root = 0; root < n; root++) {
    if (seen[root]) continue;
    count++;
    seen[root] = 1;
    queue[0] = root;
    let head = 0, tail = 1;
    while (head < tail) {
      const a = queue[head++]!;
      const ea = start[a]! + degree[a]!;
      for (let k = start[a]!; k < ea; k++) {
        const b = neighbours[k]!;
        if (!seen[b]) {
          seen[b] = 1;
          queue[tail++] = b;
        }
      }
    }
    if (tail > largest) largest = tail;
  }
  return { count, largest };
}

/**
 * Gini coefficient of the degrees, from their counts: with the degrees sorted ascending x₍₁₎ ≤ … ≤ x₍ₙ₎,
 * G = 2 Σ i·x₍ᵢ₎ / (n Σ x) − (n + 1)/n, equal to Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² x̄) (0 when Σ x = 0).
 */
function degreeGini(n: number, counts: Int32Array, max: number): number {
  let position = counts[0]!, weighted = 0, total = 0;
  for (let d = 1; d <= max; d++) {
    const c = counts[d]!;
    // positions position + 1 … position + c (1-based; degree-0 nodes come first and add nothing)
    weighted += d * (c * position + (c * (c + 1)) / 2);
    total += d * c;
    position += c;
  }
  return total === 0 ? 0 : (2 * weighted) / (n * total) - (n + 1) / n;
}

/** The statistics of a network given as {@link Adjacency} rows; `scratch` avoids allocating per call. */
export function adjacencyStatistics(
  adj: Adjacency,
  scratch: StatisticsScratch = new StatisticsScratch(adj.n),
): NetworkSnapshot {
  const { n, degree } = adj;
  let twice = 0;
  for (let a = 0; a < n; a++) twice += degree[a]!;
  const ties = twice / 2;
  const max = degreeCounts(adj, scratch);
  const gini = n === 0 ? 0 : degreeGini(n, scratch.counts, max);
  countTriangles(adj, scratch, max);
  let local = 0, triangles3 = 0, triples = 0;
  for (let a = 0; a < n; a++) {
    const d = degree[a]!;
    if (d < 2) continue;
    const pairs = (d * (d - 1)) / 2;
    local += scratch.triangles[a]! / pairs;
    triangles3 += scratch.triangles[a]!;
    triples += pairs;
  }
  const { count, largest } = componentCount(adj, scratch);
  return {
    organisations: n,
    ties,
    density: n < 2 ? 0 : twice / (n * (n - 1)),
    components: count,
    largestShare: n === 0 ? 0 : largest / n,
    meanDegree: n === 0 ? 0 : twice / n,
    clustering: n === 0 ? 0 : local / n,
    // Σ triangles through each node = 3 × triangles
    transitivity: triples === 0 ? 0 : triangles3 / triples,
    degreeGini: gini,
  };
}

/** Options of {@link networkStatistics}. */
export interface NetworkStatisticsOptions {
  /** Every organisation of the network, isolates included (default: the ids the ties name). */
  readonly nodes?: readonly string[];
}

/** The result of {@link networkStatistics}: the statistics, and notes from reading the ties. */
export interface NetworkStatisticsResult extends NetworkSnapshot {
  /** Merged repeated ties, left-out self-ties. */
  readonly warnings: readonly string[];
}

/**
 * Whole-network statistics of a collaboration network, its ties read as undirected (a directed tie joins
 * both ends; repeated pairs count once; weights are not used), with the definitions of networkx:
 *
 * - **density** 2m / (n (n − 1)) (`nx.density`); **mean degree** 2m / n;
 * - **components**: number of connected components, isolates included (`nx.number_connected_components`),
 *   and the share of the nodes in the largest one;
 * - **clustering**: the average of the local clustering cᵢ = 2 tᵢ / (kᵢ (kᵢ − 1)), tᵢ the triangles through
 *   i, cᵢ = 0 when kᵢ < 2 (Watts & Strogatz 1998, *Nature* 393; `nx.average_clustering`); **transitivity**:
 *   3 × triangles / connected triples (`nx.transitivity`);
 * - **Gini of degree**: Σᵢ Σⱼ |kᵢ − kⱼ| / (2 n² k̄) over all nodes, isolates included (Gini 1912; the same
 *   formula as `gini` of a distribution), 0 when every degree is equal.
 *
 * Tested against networkx on the karate club, a sparse graph with isolates and a co-evolved network of
 * `simulateNetworkSpiral` (tests/fixtures/reference/network/statistics_networkx.py). Cost O(n + m·√m).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { networkStatistics } from "clusterlab/advanced";
 * // a triangle a–b–c with a pendant d on c, and an isolate e
 * const s = networkStatistics(
 *   [{ source: "a", target: "b" }, { source: "b", target: "c" }, { source: "c", target: "a" }, { source: "c", target: "d" }],
 *   { nodes: ["a", "b", "c", "d", "e"] },
 * );
 * assert.equal(s.ties, 4);
 * assert.equal(s.density, 8 / 20);
 * assert.equal(s.components, 2);
 * assert.equal(s.meanDegree, 8 / 5);
 * assert.equal(s.clustering, (1 + 1 + 1 / 3) / 5); // c has 3 neighbours and 1 of their 3 pairs tied
 * assert.equal(s.transitivity, 3 / 5); // 1 triangle, 5 connected triples
 * assert.ok(Math.abs(s.degreeGini - 0.35) < 1e-12); // degrees 2, 2, 3, 1, 0
 * ```
 */
export function networkStatistics(
  ties: TiesInput,
  options: NetworkStatisticsOptions = {},
): NetworkStatisticsResult {
  const g = tieGraph(ties, {
    directed: false,
    weight: null,
    nodes: options.nodes,
    subject: "tie table of networkStatistics",
  });
  // undirected: each distinct pair is listed in the rows of both its ends
  const n = g.ids.length, degree = new Int32Array(n);
  for (let a = 0; a < n; a++) degree[a] = g.outStart[a + 1]! - g.outStart[a]!;
  const snapshot = adjacencyStatistics({ n, start: g.outStart, degree, neighbours: g.outAdj });
  return { ...snapshot, warnings: [...g.warnings] };
}
