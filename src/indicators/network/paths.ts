/**
 * Shortest-path centralities on a {@link TieGraph}: Brandes' betweenness and harmonic closeness in one
 * breadth-first search per source, on typed arrays. Internal to the network room (see `centrality`).
 * @module
 */
import type { TieGraph } from "./tie_graph.ts";

/** Raw betweenness and harmonic closeness accumulated over the given sources. */
export interface PathScores {
  /**
   * Σ over sources s of the dependencies δ_s(v) (Brandes 2001): ordered pairs (s, t). Undirected: each
   * unordered pair counted twice.
   */
  readonly betweenness: Float64Array;
  /** Σ over sources s ≠ v of 1/d(s, v) (0 when v is unreachable from s). */
  readonly harmonic: Float64Array;
}

/**
 * One breadth-first search per source along out-ties, counting shortest paths σ, then the dependency
 * accumulation of Brandes (2001, Algorithm 1) in order of decreasing distance. Predecessors are not stored:
 * w's predecessors are its in-neighbours at distance d(w) − 1. O(k·m) time for k sources, O(n) memory.
 * `betweenness` or `harmonic` can be skipped (the search is shared).
 */
export function pathScores(
  g: TieGraph,
  sources: Int32Array,
  want: { readonly betweenness: boolean; readonly harmonic: boolean },
): PathScores {
  const n = g.ids.length;
  const bc = new Float64Array(n), hc = new Float64Array(n);
  const sigma = new Float64Array(n), delta = new Float64Array(n);
  const dist = new Int32Array(n).fill(-1), order = new Int32Array(n);
  const { outStart, outAdj, inStart, inAdj } = g;
  for (const s of sources) {
    let head = 0, tail = 0;
    order[tail++] = s;
    dist[s] = 0;
    sigma[s] = 1;
    while (head < tail) {
      const v = order[head++]!, dv = dist[v]! + 1, sv = sigma[v]!;
      for (let p = outStart[v]!; p < outStart[v + 1]!; p++) {
        const w = outAdj[p]!;
        if (dist[w] === -1) {
          dist[w] = dv;
          order[tail++] = w;
          hc[w]! += 1 / dv;
        }
        if (dist[w] === dv) sigma[w]! += sv;
      }
    }
    if (want.betweenness) {
      for (let i = tail - 1; i > 0; i--) {
        const w = order[i]!, dw = dist[w]! - 1, coef = (1 + delta[w]!) / sigma[w]!;
        for (let p = inStart[w]!; p < inStart[w + 1]!; p++) {
          const v = inAdj[p]!;
          if (dist[v] === dw) delta[v]! += sigma[v]! * coef;
        }
        bc[w]! += delta[w]!;
      }
    }
    for (let i = 0; i < tail; i++) {
      const w = order[i]!;
      dist[w] = -1;
      sigma[w] = 0;
      delta[w] = 0;
    }
  }
  return { betweenness: bc, harmonic: want.harmonic ? hc : new Float64Array(0) };
}
