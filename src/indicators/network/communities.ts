/**
 * Communities of a collaboration network: seeded Louvain with modularity. 社区发现：带种子的 Louvain 算法与模块度。
 * @module
 */
import * as aq from "../../deps/arquero.ts";
import type { ColumnTable } from "../../deps/arquero.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../../core/validation_error.ts";
import { Random } from "../../core/random.ts";
import { type TieGraph, tieGraph, type TiesInput } from "./tie_graph.ts";
import { louvain, toGraphology } from "./graphology_bridge.ts";
import type { UndirectedGraph } from "../../deps/graphology.ts";
import { finiteResult } from "../finite_result.ts";

/** Options of {@link communities}. */
export interface CommunitiesOptions {
  /** Seed of Louvain's random node order (default 42, as `identifyClusters`). */
  readonly seed?: number;
  /** Resolution γ of the modularity (default 1; larger γ, smaller communities; Reichardt & Bornholdt 2006). */
  readonly resolution?: number;
  /** Column (or edge attribute) of the tie weight (default "weight"; absent: 1 per tie); `null`: unweighted. */
  readonly weight?: string | null;
  /** Every organisation of the network, isolates included (default: the ids the ties name). */
  readonly nodes?: readonly string[];
}

/** The result of {@link communities}. */
export interface CommunitiesResult {
  /** One row per organisation (node order): `id`, `community` (1, 2, … in order of first member), `community_size`. */
  readonly table: ColumnTable;
  /** Modularity Q of the partition at the given resolution. */
  readonly modularity: number;
  /** Number of communities (isolates are communities of one). */
  readonly count: number;
  /** Size of community 1, 2, … */
  readonly sizes: readonly number[];
  /** Merged repeated ties, left-out self-ties. */
  readonly warnings: readonly string[];
}

/**
 * Modularity of a partition at resolution γ (Newman & Girvan 2004; Reichardt & Bornholdt 2006):
 * Q = Σ_c [ W_c/W − γ (S_c/2W)² ], W the total tie weight, W_c the weight of the ties inside community c and
 * S_c the summed strength of its members. 0 when the network has no ties.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { modularity, tieGraph } from "clusterlab/advanced";
 * // two triangles joined by one tie, split into the two triangles: Q = 2·(3/7 − (7/14)²) = 5/14
 * const ties = [["a", "b"], ["b", "c"], ["a", "c"], ["d", "e"], ["e", "f"], ["d", "f"], ["c", "d"]]
 *   .map(([source, target]) => ({ source, target }));
 * const q = modularity(tieGraph(ties), Int32Array.from([0, 0, 0, 1, 1, 1]));
 * assert.ok(Math.abs(q - 5 / 14) < 1e-12);
 * ```
 */
export function modularity(g: TieGraph, community: Int32Array, resolution = 1): number {
  let total = 0;
  const k = Math.max(0, ...community) + 1;
  const inside = new Float64Array(k), strength = new Float64Array(k);
  for (let e = 0; e < g.ties; e++) {
    const w = g.tieWeight[e]!, a = community[g.tieSource[e]!]!, b = community[g.tieTarget[e]!]!;
    total += w;
    strength[a]! += w;
    strength[b]! += w;
    if (a === b) inside[a]! += w;
  }
  if (total === 0) return 0;
  let q = 0;
  for (let c = 0; c < k; c++) q += inside[c]! / total - resolution * (strength[c]! / (2 * total)) ** 2;
  return q;
}

function checkOptions(seed: unknown, resolution: unknown): void {
  const issues: ValidationIssue[] = [];
  if (!(Number.isInteger(seed) && (seed as number) >= 0 && (seed as number) <= 0xffffffff)) {
    issues.push({ column: "seed", expected: "an integer in [0, 4294967295]", received: describeValue(seed) });
  }
  if (!(typeof resolution === "number" && resolution > 0 && Number.isFinite(resolution))) {
    issues.push({ column: "resolution", expected: "a positive number", received: describeValue(resolution) });
  }
  if (issues.length > 0) throw new ValidationError("options of communities", issues);
}

/**
 * Louvain communities (Blondel et al. 2008) of a collaboration network, with graphology-communities-louvain
 * 2.0.2 seeded through {@link Random} (`seed`: the same seed gives the same partition on every machine), at
 * resolution γ, on the undirected weighted network (directed ties are read as undirected; repeated pairs
 * merged, weights summed). Communities are numbered 1, 2, … in order of their first member in node order;
 * isolates are communities of one. `modularity` is Q at γ ({@link modularity}); networkx
 * `community.modularity(G, parts, resolution=γ)` and igraph `modularity(g, membership, resolution = γ)`
 * give the same number for the same partition. Louvain is a heuristic: another seed may give another
 * partition of similar Q. This is the algorithm `identifyClusters` runs on the technology space.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { communities } from "clusterlab";
 * // two triangles joined by one tie
 * const ties = [["a", "b"], ["b", "c"], ["a", "c"], ["d", "e"], ["e", "f"], ["d", "f"], ["c", "d"]]
 *   .map(([source, target]) => ({ source, target }));
 * const r = communities(ties, { seed: 1 });
 * assert.deepEqual([...r.table.array("community")], [1, 1, 1, 2, 2, 2]);
 * assert.ok(Math.abs(r.modularity - 5 / 14) < 1e-12);
 * ```
 */
export function communities(ties: TiesInput, options: CommunitiesOptions = {}): CommunitiesResult {
  const { seed = 42, resolution = 1 } = options;
  checkOptions(seed, resolution);
  const g = tieGraph(ties, {
    weight: options.weight,
    nodes: options.nodes,
    subject: "tie table of communities",
  });
  const n = g.ids.length;
  const raw = new Int32Array(n);
  if (g.ties === 0) raw.forEach((_, i) => (raw[i] = i));
  else {
    const graph = toGraphology(g) as UndirectedGraph;
    const rng = new Random(seed);
    const res = louvain.detailed(graph, { getEdgeWeight: "weight", resolution, rng: () => rng.next() });
    g.ids.forEach((id, i) => (raw[i] = res.communities[id]!));
  }
  // renumber 0, 1, … in order of first member
  const renumber = new Map<number, number>();
  const community = raw.map((c) => {
    let k = renumber.get(c);
    if (k === undefined) renumber.set(c, k = renumber.size);
    return k;
  });
  const sizes = new Array<number>(renumber.size).fill(0);
  for (const c of community) sizes[c]!++;
  const table = aq.table({
    id: [...g.ids],
    community: Int32Array.from(community, (c) => c + 1),
    community_size: Int32Array.from(community, (c) => sizes[c]!),
  });
  return finiteResult("communities", {
    table,
    modularity: modularity(g, community, resolution),
    count: sizes.length,
    sizes,
    warnings: [...g.warnings],
  });
}
