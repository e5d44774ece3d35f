/**
 * Eigenvector centrality and PageRank on a {@link TieGraph} by power iteration on typed arrays, with the
 * update, start and stopping rule of graphology-metrics 2.4.2 and networkx 2.8 (so the three agree to the
 * tolerance). Internal to the network room (see `centrality`).
 * @module
 */
import type { TieGraph } from "./tie_graph.ts";

/** Convergence settings: stop when Σ|xₜ − xₜ₋₁| < n · tolerance; null after `maxIterations` without it. */
export interface PowerSettings {
  /** Tolerance per node. */
  readonly tolerance: number;
  /** Iteration limit. */
  readonly maxIterations: number;
}

/** Σ|a − b|. */
function l1(a: Float64Array, b: Float64Array): number {
  let e = 0;
  for (let i = 0; i < a.length; i++) e += Math.abs(a[i]! - b[i]!);
  return e;
}

/**
 * Eigenvector centrality (Bonacich 1972): x ← (A + I)ᵀx / ‖(A + I)ᵀx‖₂ from x₀ = 1/n, A the weighted
 * adjacency (x_v collects the scores of the nodes tied to v; directed: of those pointing to v). The shift by
 * I keeps bipartite networks from oscillating; graphology-metrics' `eigenvector` and networkx's
 * `eigenvector_centrality` iterate exactly so. Null when it does not converge.
 */
export function eigenvectorOf(g: TieGraph, s: PowerSettings): Float64Array | null {
  const n = g.ids.length;
  let x = new Float64Array(n).fill(1 / n), next = new Float64Array(n);
  for (let it = 0; it < s.maxIterations; it++) {
    next.set(x);
    for (let i = 0; i < n; i++) {
      const xi = x[i]!;
      if (xi === 0) continue;
      for (let p = g.outStart[i]!; p < g.outStart[i + 1]!; p++) next[g.outAdj[p]!]! += xi * g.outWeight[p]!;
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += next[i]! * next[i]!;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < n; i++) next[i]! /= norm;
    const done = l1(next, x) < n * s.tolerance;
    [x, next] = [next, x];
    if (done) return x;
  }
  return null;
}

/**
 * PageRank (Brin & Page 1998): x ← α Pᵀx + (α·dangling + 1 − α)/n from x₀ = 1/n, P the transition matrix
 * of the ties in proportion to their weights (undirected ties in both directions), the mass of dangling
 * nodes (no out-ties) spread uniformly — graphology-metrics' `pagerank`, networkx's `pagerank` and igraph's
 * `page_rank` (PRPACK, solved exactly) compute this vector. Null when it does not converge.
 */
export function pagerankOf(g: TieGraph, alpha: number, s: PowerSettings): Float64Array | null {
  const n = g.ids.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let p = g.outStart[i]!; p < g.outStart[i + 1]!; p++) out[i]! += g.outWeight[p]!;
  }
  const share = new Float64Array(g.outWeight.length);
  for (let i = 0; i < n; i++) {
    for (let p = g.outStart[i]!; p < g.outStart[i + 1]!; p++) share[p] = g.outWeight[p]! / out[i]!;
  }
  let x = new Float64Array(n).fill(1 / n), next = new Float64Array(n);
  for (let it = 0; it < s.maxIterations; it++) {
    let dangling = 0;
    for (let i = 0; i < n; i++) if (out[i] === 0) dangling += x[i]!;
    next.fill((alpha * dangling + 1 - alpha) / n);
    for (let i = 0; i < n; i++) {
      const xi = alpha * x[i]!;
      for (let p = g.outStart[i]!; p < g.outStart[i + 1]!; p++) next[g.outAdj[p]!]! += xi * share[p]!;
    }
    const done = l1(next, x) < n * s.tolerance;
    [x, next] = [next, x];
    if (done) return x;
  }
  return null;
}
