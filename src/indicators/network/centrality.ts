/**
 * Positions in a collaboration network: degree, strength, betweenness, harmonic closeness, eigenvector
 * centrality and PageRank per organisation. 网络位置：度、强度、介数、调和接近度、特征向量中心性与 PageRank。
 * @module
 */
import * as aq from "../../deps/arquero.ts";
import type { ColumnTable } from "../../deps/arquero.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../../core/validation_error.ts";
import { componentsOf, type TieGraph, tieGraph, type TiesInput } from "./tie_graph.ts";
import { Random } from "../../core/random.ts";
import { pathScores } from "./paths.ts";
import { eigenvectorOf, pagerankOf } from "./power_iteration.ts";
import { finiteResult } from "../finite_result.ts";

/** The measures {@link centrality} computes. */
export type CentralityMeasure =
  | "degree"
  | "strength"
  | "betweenness"
  | "harmonic"
  | "eigenvector"
  | "pagerank";

/** Every measure, in the order of the table's columns. */
export const CENTRALITY_MEASURES: readonly CentralityMeasure[] = [
  "degree",
  "strength",
  "betweenness",
  "harmonic",
  "eigenvector",
  "pagerank",
];

/** Options of {@link centrality}. */
export interface CentralityOptions {
  /** Read ties as directed source → target (default false: collaboration ties join both ends). */
  readonly directed?: boolean;
  /**
   * Column (or edge attribute) of the tie weight, used by strength, eigenvector centrality and PageRank
   * (default "weight"; when that column is absent every tie weighs 1); `null`: every tie weighs 1.
   */
  readonly weight?: string | null;
  /** Measures to compute (default all of {@link CENTRALITY_MEASURES}; betweenness and harmonic cost O(n·m)). */
  readonly measures?: readonly CentralityMeasure[];
  /** Every organisation of the network, isolates included (default: the ids the ties name). */
  readonly nodes?: readonly string[];
  /**
   * Estimate betweenness and harmonic closeness from this many source organisations drawn at random
   * without replacement (Brandes & Pich 2007; networkx's `k`), scaled by n/k: O(k·m) instead of O(n·m).
   * Default: every organisation (exact). A number ≥ n is exact.
   */
  readonly samples?: number;
  /** Seed of the drawing of `samples` (default 42). */
  readonly seed?: number;
  /** PageRank damping factor α in (0, 1) (default 0.85, Brin & Page 1998). */
  readonly alpha?: number;
  /** Convergence of the power iterations: Σ|xₜ − xₜ₋₁| < n · tolerance (default 1e-10). */
  readonly tolerance?: number;
  /** Iteration limit of the power iterations (default 10,000; not converging gives nulls and a warning). */
  readonly maxIterations?: number;
}

/** The result of {@link centrality}. */
export interface CentralityResult {
  /**
   * One row per organisation (node order): `id`, then per measure asked for — undirected: `degree`,
   * `strength`; directed: `in_degree`, `out_degree`, `degree`, `in_strength`, `out_strength`, `strength` —
   * `betweenness`, `betweenness_raw`, `harmonic`, `harmonic_raw`, `eigenvector`, `pagerank`.
   */
  readonly table: ColumnTable;
  /**
   * Merged repeated pairs, left-out self-ties, a disconnected network, sampled path measures, a power
   * iteration that did not converge.
   */
  readonly warnings: readonly string[];
  /** Were ties read as directed? */
  readonly directed: boolean;
  /** Number of organisations (nodes). */
  readonly nodes: number;
  /** Number of distinct ties. */
  readonly ties: number;
  /** Number of (weakly) connected components. */
  readonly components: number;
  /** Sources of the path measures: n when exact, k when estimated from `samples`. */
  readonly sources: number;
}

interface Settings {
  readonly measures: ReadonlySet<CentralityMeasure>;
  readonly alpha: number;
  readonly tolerance: number;
  readonly maxIterations: number;
  readonly samples: number | undefined;
  readonly seed: number;
}

function settingsOf(options: CentralityOptions): Settings {
  const { alpha = 0.85, tolerance = 1e-10, maxIterations = 10_000, samples, seed = 42 } = options;
  const measures = options.measures ?? CENTRALITY_MEASURES;
  const issues: ValidationIssue[] = [];
  if (!Array.isArray(measures) || measures.length === 0) {
    issues.push({
      column: "measures",
      expected: "a non-empty array of measures",
      received: describeValue(measures),
    });
  } else {
    measures.forEach((m, k) => {
      if (!CENTRALITY_MEASURES.includes(m)) {
        issues.push({
          column: `measures[${k}]`,
          expected: `one of ${CENTRALITY_MEASURES.join(", ")}`,
          received: describeValue(m),
        });
      }
    });
  }
  const check = (ok: boolean, column: string, expected: string, value: unknown) => {
    if (!ok) issues.push({ column, expected, received: describeValue(value) });
  };
  check(typeof alpha === "number" && alpha > 0 && alpha < 1, "alpha", "a number in (0, 1)", alpha);
  check(
    typeof tolerance === "number" && tolerance > 0 && Number.isFinite(tolerance),
    "tolerance",
    "a positive number",
    tolerance,
  );
  check(
    Number.isInteger(maxIterations) && maxIterations >= 1,
    "maxIterations",
    "a positive integer",
    maxIterations,
  );
  check(
    samples === undefined || (Number.isInteger(samples) && samples >= 1),
    "samples",
    "a positive integer",
    samples,
  );
  check(
    Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff,
    "seed",
    "an integer in [0, 4294967295]",
    seed,
  );
  if (issues.length > 0) throw new ValidationError("options of centrality", issues);
  return { measures: new Set(measures), alpha, tolerance, maxIterations, samples, seed };
}

/** Row sums of a compressed-row list: counts (`weights` null) or summed weights. */
function rowSums(g: TieGraph, start: Int32Array, weights: Float64Array | null): Float64Array {
  const n = g.ids.length, out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (!weights) out[i] = start[i + 1]! - start[i]!;
    else for (let p = start[i]!; p < start[i + 1]!; p++) out[i]! += weights[p]!;
  }
  return out;
}

/** Does every node reach node 0 and node 0 reach every node (two breadth-first searches)? */
function stronglyConnected(g: TieGraph): boolean {
  const n = g.ids.length;
  if (n === 0) return true;
  for (const [start, adj] of [[g.outStart, g.outAdj], [g.inStart, g.inAdj]] as const) {
    const seen = new Uint8Array(n), queue = new Int32Array(n);
    let head = 0, tail = 0;
    queue[tail++] = 0;
    seen[0] = 1;
    while (head < tail) {
      const v = queue[head++]!;
      for (let p = start[v]!; p < start[v + 1]!; p++) {
        if (!seen[adj[p]!]) {
          seen[adj[p]!] = 1;
          queue[tail++] = adj[p]!;
        }
      }
    }
    if (tail < n) return false;
  }
  return true;
}

/** The path-measure sources: every node, or `samples` of them drawn without replacement (seeded). */
function sourcesOf(n: number, s: Settings): Int32Array {
  const all = Int32Array.from({ length: n }, (_, i) => i);
  if (s.samples === undefined || s.samples >= n) return all;
  return new Random(s.seed).shuffle(all).slice(0, s.samples).sort();
}

/** A power-iteration result, or nulls and a warning when it did not converge. */
function converged(
  x: Float64Array | null,
  name: string,
  g: TieGraph,
  s: Settings,
  warnings: string[],
): ArrayLike<number | null> {
  if (x) return x;
  warnings.push(
    `${name} did not converge in ${s.maxIterations} iterations (tolerance ${s.tolerance}): the column is null; ` +
      "raise maxIterations or tolerance",
  );
  return new Array<null>(g.ids.length).fill(null);
}

/** Degree and strength columns (in, out and their sum when directed). */
function degreeColumns(g: TieGraph, s: Settings, cols: Record<string, ArrayLike<number | null>>): void {
  for (const [m, w] of [["degree", null], ["strength", "w"]] as const) {
    if (!s.measures.has(m)) continue;
    const out = rowSums(g, g.outStart, w ? g.outWeight : null);
    if (!g.directed) cols[m] = out;
    else {
      const inn = rowSums(g, g.inStart, w ? g.inWeight : null);
      cols[`in_${m}`] = inn;
      cols[`out_${m}`] = out;
      cols[m] = inn.map((v, i) => v + out[i]!);
    }
  }
}

/** The columns of every measure asked for. */
function measureColumns(
  g: TieGraph,
  s: Settings,
  sources: Int32Array,
  warnings: string[],
): Record<string, ArrayLike<number | null>> {
  const n = g.ids.length, cols: Record<string, ArrayLike<number | null>> = {};
  const want = (m: CentralityMeasure) => s.measures.has(m);
  degreeColumns(g, s, cols);
  if (want("betweenness") || want("harmonic")) {
    const paths = pathScores(g, sources, { betweenness: want("betweenness"), harmonic: want("harmonic") });
    const k = n / Math.max(1, sources.length); // n/k when sampled, 1 when exact
    if (want("betweenness")) {
      // undirected: every unordered pair was counted from both ends
      const raw = paths.betweenness.map((v) => (v * k) / (g.directed ? 1 : 2));
      const scale = n <= 2 ? 0 : (g.directed ? 1 : 2) / ((n - 1) * (n - 2));
      cols.betweenness = raw.map((v) => v * scale);
      cols.betweenness_raw = raw;
    }
    if (want("harmonic")) {
      const raw = paths.harmonic.map((v) => v * k);
      cols.harmonic = raw.map((v) => (n <= 1 ? 0 : v / (n - 1)));
      cols.harmonic_raw = raw;
    }
  }
  const power = { maxIterations: s.maxIterations, tolerance: s.tolerance };
  if (want("eigenvector") && g.directed && !stronglyConnected(g)) {
    warnings.push(
      "eigenvector centrality is defined on a directed network only when it is strongly connected (Newman 2010 " +
        "§7.2), and this one is not: the column is null (use pagerank)",
    );
    cols.eigenvector = new Array<null>(n).fill(null);
  } else if (want("eigenvector")) {
    cols.eigenvector = converged(eigenvectorOf(g, power), "eigenvector centrality", g, s, warnings);
  }
  if (want("pagerank")) cols.pagerank = converged(pagerankOf(g, s.alpha, power), "PageRank", g, s, warnings);
  return cols;
}

/**
 * Centrality of every organisation of a collaboration network. `ties` is a `TIES` table (`source`, `target`,
 * optional `weight`; rows naming the same pair are merged with weights summed, self-ties left out, both
 * counted in `warnings`) or a graphology graph. Ties are undirected unless `directed: true`.
 *
 * - **degree** — number of distinct partners; directed: `in_degree`, `out_degree` and `degree` = in + out
 *   (igraph `degree(mode = "all")`, networkx `DiGraph.degree`). graphology-metrics' `degreeCentrality` divides
 *   by n − 1; the table gives counts.
 * - **strength** — sum of tie weights (Barrat et al. 2004); directed: in, out and their sum.
 * - **betweenness** (Freeman 1977) by Brandes' (2001) algorithm on step counts (weights do not lengthen
 *   paths — design choice: a tie's weight is its strength, not a distance): `betweenness_raw` =
 *   Σ_{s ≠ v ≠ t} σ_st(v)/σ_st over unordered pairs {s, t} when undirected, ordered pairs when directed;
 *   `betweenness` = raw × 2/((n − 1)(n − 2)) undirected, × 1/((n − 1)(n − 2)) directed — networkx
 *   `betweenness_centrality(normalized=True)`, igraph `betweenness(normalized = TRUE)` and graphology-metrics
 *   `betweenness` (normalized) alike.
 * - **harmonic** closeness (Marchiori & Latora 2000; Boldi & Vigna 2014): `harmonic_raw` = Σ_{u ≠ v} 1/d(u, v)
 *   in steps, from u to v when directed (networkx `harmonic_centrality`; igraph `harmonic_centrality(mode =
 *   "in")`), 0 for unreachable u, so it is defined on disconnected networks; `harmonic` = raw/(n − 1)
 *   (igraph's `normalized = TRUE`). graphology-metrics 2.4.2 has no harmonic closeness: its `closeness` is
 *   Freeman's (n − 1)/Σd over the reachable nodes, a different measure that breaks on disconnected networks.
 * - **eigenvector** centrality (Bonacich 1972): power iteration on A + I from 1/n, weighted, scaled to unit
 *   Euclidean norm — the iteration and stopping rule of graphology-metrics' `eigenvector` and networkx
 *   `eigenvector_centrality`; igraph `eigen_centrality` scales the maximum to 1 (divide by the maximum to
 *   compare). Directed: from in-ties (a node is central when central nodes point to it), as networkx. On a
 *   disconnected network it is ≈ 0 outside the component with the largest eigenvalue (a warning says so); on
 *   a directed network it is defined only when the network is strongly connected (Newman 2010 §7.2):
 *   otherwise the column is null, with a warning.
 * - **pagerank** (Brin & Page 1998): damping `alpha`, transitions in proportion to tie weights, dangling
 *   nodes (no out-ties) spread uniformly, sums to 1 — the definition of graphology-metrics `pagerank`,
 *   networkx `pagerank` and igraph `page_rank` (PRPACK); undirected ties count in both directions.
 *
 * The measures run on ClusterLab's typed-array rows (one breadth-first search per source serves betweenness
 * and harmonic closeness; `samples` draws k sources for an O(k·m) estimate). graphology-metrics 2.4.2 defines
 * betweenness, eigenvector centrality and PageRank exactly so, and the tests check that it gives the same
 * numbers, but it reads a graphology graph through per-edge attribute look-ups: on the full Horizon 2020
 * network (35,871 organisations, 796,670 ties) its PageRank took 2.5 s and its eigenvector centrality 2.3 s
 * against 0.09 s and 0.05 s here, after 2.4 s to build the graphology graph (bench/README.md), and it cannot
 * sample sources. Tested against networkx 2.8.8, igraph 1.3.5 and graphology-metrics 2.4.2 on small graphs
 * (tests/fixtures/reference/network/centrality_networkx.py, centrality_igraph.R).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { centrality } from "clusterlab";
 * // a path a – b – c: b lies on the only path between a and c
 * const { table } = centrality([{ source: "a", target: "b" }, { source: "b", target: "c" }]);
 * assert.deepEqual(table.array("degree"), [1, 2, 1]);
 * assert.deepEqual(table.array("betweenness"), [0, 1, 0]); // 1 of the 1 pairs not involving b
 * assert.deepEqual(table.array("harmonic_raw"), [1.5, 2, 1.5]);
 * ```
 */
export function centrality(ties: TiesInput, options: CentralityOptions = {}): CentralityResult {
  const s = settingsOf(options);
  const g = tieGraph(ties, {
    directed: options.directed,
    weight: options.weight,
    nodes: options.nodes,
    subject: "tie table of centrality",
  });
  const warnings = [...g.warnings];
  const { sizes } = componentsOf(g);
  if (s.measures.has("eigenvector") && sizes.length > 1) {
    warnings.push(
      `the network has ${sizes.length} components (largest ${sizes[0]} of ${g.ids.length} organisations): ` +
        "eigenvector centrality is ≈ 0 outside the component with the largest eigenvalue; compare within a component",
    );
  }
  const sources = sourcesOf(g.ids.length, s);
  const pathMeasures = s.measures.has("betweenness") || s.measures.has("harmonic");
  if (pathMeasures && sources.length < g.ids.length) {
    warnings.push(
      `betweenness and harmonic closeness are estimated from ${sources.length} of ${g.ids.length} sources ` +
        `drawn at random (seed ${s.seed}; Brandes & Pich 2007)`,
    );
  }
  const table = aq.table({ id: [...g.ids], ...measureColumns(g, s, sources, warnings) });
  return finiteResult("centrality", {
    table,
    warnings,
    directed: g.directed,
    nodes: g.ids.length,
    ties: g.ties,
    components: sizes.length,
    sources: pathMeasures ? sources.length : 0,
  });
}
