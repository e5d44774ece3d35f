import assert from "node:assert/strict";
import { coreness } from "../../../src/indicators/network/coreness.ts";
import { readCSV } from "../../../src/data/read.ts";

// deno-lint-ignore no-explicit-any
type Row = Record<string, any>;
const REF = new URL("../../fixtures/reference/network/", import.meta.url);
const NX = JSON.parse(await Deno.readTextFile(new URL("structure_networkx.json", REF)));
const ties = async (name: string) =>
  ((await readCSV(new URL(`graph_${name}.csv`, REF).pathname)).objects() as Row[])
    .map((r) => ({ source: String(r.source), target: String(r.target) }));

Deno.test("coreness matches networkx core_number on the karate club and a sparse random graph", async () => {
  for (
    const [name, ref, nodes] of [
      ["karate", NX.core_karate, Array.from({ length: 34 }, (_, i) => String(i))],
      ["sparse", NX.core_sparse, NX.sparse_nodes],
    ] as [string, Record<string, number>, string[]][]
  ) {
    const r = coreness(await ties(name), { nodes });
    for (const d of r.table.objects() as Row[]) assert.equal(d.coreness, ref[d.id], `${name} ${d.id}`);
    const max = Math.max(...Object.values(ref));
    assert.equal(r.maxCore, max);
    assert.equal(r.mainCoreSize, Object.values(ref).filter((k) => k === max).length);
  }
});

Deno.test("coreness by hand: a 4-clique with a tail and an isolate; weights and repeats do not count", () => {
  const clique = [["a", "b"], ["a", "c"], ["a", "d"], ["b", "c"], ["b", "d"], ["c", "d"]];
  const r = coreness(
    [...clique, ["d", "e"], ["e", "f"], ["b", "a"]].map(([source, target]) => ({
      source,
      target,
      weight: 5,
    })),
    { nodes: ["a", "b", "c", "d", "e", "f", "g"] },
  );
  assert.deepEqual([...r.table.array("coreness")], [3, 3, 3, 3, 1, 1, 0]);
  assert.deepEqual([...r.table.array("main_core")], [true, true, true, true, false, false, false]);
  assert.equal(r.warnings.length, 1);
  assert.equal(coreness([], { nodes: ["a"] }).maxCore, 0);
  assert.deepEqual([...coreness([], { nodes: ["a"] }).table.array("main_core")], [false]);
});
