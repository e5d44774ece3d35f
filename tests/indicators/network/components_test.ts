import assert from "node:assert/strict";
import { components } from "../../../src/indicators/network/components.ts";
import { readCSV } from "../../../src/data/read.ts";

// deno-lint-ignore no-explicit-any
type Row = Record<string, any>;
const REF = new URL("../../fixtures/reference/network/", import.meta.url);
const NX = JSON.parse(await Deno.readTextFile(new URL("structure_networkx.json", REF)));

Deno.test("components match networkx connected_components on a sparse random graph with isolates", async () => {
  const ties = ((await readCSV(new URL("graph_sparse.csv", REF).pathname)).objects() as Row[])
    .map((r) => ({ source: String(r.source), target: String(r.target) }));
  const r = components(ties, { nodes: NX.sparse_nodes });
  assert.deepEqual(r.sizes, NX.sparse_component_sizes);
  const members = new Map<number, string[]>();
  for (const d of r.table.objects() as Row[]) {
    members.set(d.component, [...(members.get(d.component) ?? []), d.id]);
  }
  const mine = [...members.values()].map((m) => JSON.stringify(m.sort())).sort();
  const ref = (NX.sparse_components as string[][]).map((m) => JSON.stringify(m)).sort();
  assert.deepEqual(mine, ref);
  assert.equal(r.largestShare, NX.sparse_component_sizes[0] / 60);
});

Deno.test("components: numbered by decreasing size, ties by first member; direction does not matter", () => {
  const r = components([
    { source: "x", target: "y" },
    { source: "a", target: "b" },
    { source: "c", target: "b" },
  ], { nodes: ["q", "x", "y", "a", "b", "c"] });
  assert.deepEqual([...r.table.array("component")], [3, 2, 2, 1, 1, 1]);
  assert.deepEqual([...r.table.array("component_size")], [1, 2, 2, 3, 3, 3]);
  assert.equal(r.count, 3);
  assert.equal(components([]).largestShare, 0);
});
