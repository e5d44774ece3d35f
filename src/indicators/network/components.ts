/**
 * Connected components of a collaboration network. 连通分量。
 * @module
 */
import * as aq from "../../deps/arquero.ts";
import type { ColumnTable } from "../../deps/arquero.ts";
import { componentsOf, tieGraph, type TiesInput } from "./tie_graph.ts";
import { finiteResult } from "../finite_result.ts";

/** Options of {@link components}. */
export interface ComponentsOptions {
  /** Every organisation of the network, isolates included (default: the ids the ties name). */
  readonly nodes?: readonly string[];
}

/** The result of {@link components}. */
export interface ComponentsResult {
  /** One row per organisation (node order): `id`, `component` (1 = the largest), `component_size`. */
  readonly table: ColumnTable;
  /** Number of components (an isolate is a component of one). */
  readonly count: number;
  /** Size of component 1, 2, … (decreasing). */
  readonly sizes: readonly number[];
  /** Share of the organisations in the largest component (0 for an empty network). */
  readonly largestShare: number;
  /** Merged repeated ties, left-out self-ties. */
  readonly warnings: readonly string[];
}

/**
 * Connected components of a collaboration network: two organisations are in one component when a chain of
 * ties joins them, whatever the ties' direction (weak components, igraph `components(mode = "weak")`,
 * networkx `connected_components` / `weakly_connected_components`). Components are numbered by decreasing
 * size, equal sizes in order of their first member. Breadth-first search, O(n + m).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { components } from "clusterlab";
 * const r = components([{ source: "a", target: "b" }, { source: "c", target: "d" }, { source: "d", target: "e" }]);
 * assert.deepEqual([...r.table.array("component")], [2, 2, 1, 1, 1]);
 * assert.deepEqual(r.sizes, [3, 2]);
 * assert.equal(r.largestShare, 3 / 5);
 * ```
 */
export function components(ties: TiesInput, options: ComponentsOptions = {}): ComponentsResult {
  const g = tieGraph(ties, { weight: null, nodes: options.nodes, subject: "tie table of components" });
  const { component, sizes } = componentsOf(g);
  const table = aq.table({
    id: [...g.ids],
    component: Int32Array.from(component, (c) => c + 1),
    component_size: Int32Array.from(component, (c) => sizes[c]!),
  });
  const n = g.ids.length;
  return finiteResult("components", {
    table,
    count: sizes.length,
    sizes,
    largestShare: n === 0 ? 0 : sizes[0]! / n,
    warnings: [...g.warnings],
  });
}
