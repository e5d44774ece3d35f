/**
 * Core and periphery of a collaboration network: the k-core decomposition. 核心—边缘结构：k-核分解。
 * @module
 */
import * as aq from "../../deps/arquero.ts";
import type { ColumnTable } from "../../deps/arquero.ts";
import { type TieGraph, tieGraph, type TiesInput } from "./tie_graph.ts";
import { finiteResult } from "../finite_result.ts";

/** Options of {@link coreness}. */
export interface CorenessOptions {
  /** Every organisation of the network, isolates included (default: the ids the ties name). */
  readonly nodes?: readonly string[];
}

/** The result of {@link coreness}. */
export interface CorenessResult {
  /** One row per organisation (node order): `id`, `coreness` (its k-core number), `main_core` (in the k_max-core). */
  readonly table: ColumnTable;
  /** The largest k with a non-empty k-core (0 without ties). */
  readonly maxCore: number;
  /** Organisations in the main (k_max) core. */
  readonly mainCoreSize: number;
  /** Merged repeated ties, left-out self-ties. */
  readonly warnings: readonly string[];
}

/**
 * Core numbers by the O(m) bucket algorithm of Batagelj & Zaversnik (2003): repeatedly remove a node of
 * smallest remaining degree; its core number is the largest smallest-degree seen so far.
 */
export function coreNumbers(g: TieGraph): Int32Array {
  const n = g.ids.length;
  const deg = new Int32Array(n);
  let maxDeg = 0;
  for (let v = 0; v < n; v++) {
    deg[v] = g.outStart[v + 1]! - g.outStart[v]!;
    if (deg[v]! > maxDeg) maxDeg = deg[v]!;
  }
  // bin sort of the nodes by degree: vert in degree order, pos[v] its place, bin[d] the first place of degree d
  const bin = new Int32Array(maxDeg + 2), vert = new Int32Array(n), pos = new Int32Array(n);
  for (let v = 0; v < n; v++) bin[deg[v]! + 1]++;
  for (let d = 1; d <= maxDeg + 1; d++) bin[d]! += bin[d - 1]!;
  const next = bin.slice();
  for (let v = 0; v < n; v++) {
    pos[v] = next[deg[v]!]!++;
    vert[pos[v]!] = v;
  }
  for (let i = 0; i < n; i++) {
    const v = vert[i]!;
    for (let p = g.outStart[v]!; p < g.outStart[v + 1]!; p++) {
      const u = g.outAdj[p]!;
      if (deg[u]! > deg[v]!) {
        // move u to the front of its bin, then shrink its degree
        const du = deg[u]!, pu = pos[u]!, pw = bin[du]!, w = vert[pw]!;
        if (u !== w) {
          vert[pu] = w;
          pos[w] = pu;
          vert[pw] = u;
          pos[u] = pw;
        }
        bin[du]!++;
        deg[u]!--;
      }
    }
  }
  return deg;
}

/**
 * Core–periphery position by the k-core decomposition (Seidman 1983): the k-core is the largest set of
 * organisations each tied to at least k others of the set, and an organisation's `coreness` is the largest k
 * whose k-core contains it; the main core (k = `maxCore`) is the network's densest nucleus and low coreness
 * marks the periphery. Ties are read as undirected and unweighted (distinct partners); computed in O(m) by
 * Batagelj & Zaversnik (2003). Equals igraph `coreness(mode = "all")` and networkx `core_number` on simple
 * undirected graphs. (Borgatti & Everett's 2000 continuous core–periphery fit is not offered: its
 * least-squares version has no finite optimum on star-like networks, which collaboration networks with hubs
 * are.)
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { coreness } from "clusterlab";
 * // a triangle a, b, c with a pendant d on c
 * const ties = [["a", "b"], ["b", "c"], ["a", "c"], ["c", "d"]].map(([source, target]) => ({ source, target }));
 * const r = coreness(ties);
 * assert.deepEqual([...r.table.array("coreness")], [2, 2, 2, 1]);
 * assert.equal(r.maxCore, 2);
 * assert.equal(r.mainCoreSize, 3);
 * ```
 */
export function coreness(ties: TiesInput, options: CorenessOptions = {}): CorenessResult {
  const g = tieGraph(ties, { weight: null, nodes: options.nodes, subject: "tie table of coreness" });
  const core = coreNumbers(g);
  let maxCore = 0;
  for (const k of core) if (k > maxCore) maxCore = k;
  const main = Array.from(core, (k) => k === maxCore && maxCore > 0);
  const table = aq.table({ id: [...g.ids], coreness: core, main_core: main });
  return finiteResult("coreness", {
    table,
    maxCore,
    mainCoreSize: main.filter(Boolean).length,
    warnings: [...g.warnings],
  });
}
