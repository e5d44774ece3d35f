/**
 * A {@link TieGraph} as a graphology graph, and graphology-communities-louvain typed locally (its CommonJS
 * typings do not fit Deno's npm interop). Internal to the network room.
 * @module
 */
import { DirectedGraph, UndirectedGraph } from "../../deps/graphology.ts";
import * as louvainModule from "../../deps/graphology_louvain.ts";
import type { TieGraph } from "./tie_graph.ts";

/** A graphology graph built here (nodes are the TieGraph's ids, in order; edges carry `weight`). */
export type BuiltGraph = DirectedGraph | UndirectedGraph;

/** The graphology graph of `g`: one node per id in node order, one edge per distinct tie, attribute `weight`. */
export function toGraphology(g: TieGraph): BuiltGraph {
  const graph = g.directed ? new DirectedGraph() : new UndirectedGraph();
  for (const id of g.ids) graph.addNode(id);
  for (let k = 0; k < g.ties; k++) {
    graph.addEdge(g.ids[g.tieSource[k]!]!, g.ids[g.tieTarget[k]!]!, { weight: g.tieWeight[k]! });
  }
  return graph;
}

/** The CommonJS default export of graphology-communities-louvain 2.0.2. */
export const louvain = (louvainModule as unknown as {
  default: {
    detailed(
      graph: UndirectedGraph,
      options: { getEdgeWeight: string | null; resolution: number; rng: () => number },
    ): { communities: Record<string, number>; modularity: number; count: number; level: number };
  };
}).default;
