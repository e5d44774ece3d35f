import assert from "node:assert/strict";
import { communities, modularity } from "../../../src/indicators/network/communities.ts";
import { tieGraph } from "../../../src/indicators/network/tie_graph.ts";
import { ValidationError } from "../../../src/core/validation_error.ts";
import { readCSV } from "../../../src/data/read.ts";

// deno-lint-ignore no-explicit-any
type Row = Record<string, any>;
const REF = new URL("../../fixtures/reference/network/", import.meta.url);
const NX = JSON.parse(await Deno.readTextFile(new URL("structure_networkx.json", REF)));
const KARATE = ((await readCSV(new URL("graph_karate.csv", REF).pathname)).objects() as Row[])
  .map((r) => ({ source: String(r.source), target: String(r.target), weight: r.weight }));
const IDS = Array.from({ length: 34 }, (_, i) => String(i));

Deno.test("modularity matches networkx 2.8.8 on the karate club's faction split (weighted, unweighted, γ = 1 and 0.5)", () => {
  const hi = new Set(NX.mr_hi as string[]);
  for (const weighted of [true, false]) {
    const g = tieGraph(KARATE, { nodes: IDS, weight: weighted ? "weight" : null });
    const split = Int32Array.from(g.ids, (id) => (hi.has(id) ? 0 : 1));
    for (const r of [1, 0.5]) {
      const ref = NX.modularity[`${weighted ? "weighted" : "unweighted"}_${r}`];
      assert.ok(Math.abs(modularity(g, split, r) - ref) < 1e-12, `${weighted} ${r}`);
    }
  }
  // the published value of the unweighted faction split (e.g. Newman 2006): Q = 0.3582
  assert.equal(NX.modularity.unweighted_1.toFixed(4), "0.3582");
});

Deno.test("communities: Louvain on the karate club comes within 0.01 of the proven optimum Q = 0.4198 (Brandes et al. 2008)", () => {
  for (const seed of [1, 2, 3, 42]) {
    const r = communities(KARATE, { weight: null, seed });
    assert.ok(r.modularity > 0.41 && r.modularity <= 0.41979 + 1e-9, `seed ${seed}: Q = ${r.modularity}`);
    assert.ok(r.count >= 3 && r.count <= 5, `seed ${seed}: ${r.count} communities`);
    // the reported Q is that of the reported partition
    const g = tieGraph(KARATE, { weight: null });
    const c = Int32Array.from(r.table.array("community") as Int32Array, (k) => k - 1);
    assert.ok(Math.abs(modularity(g, c) - r.modularity) < 1e-12);
  }
});

Deno.test("communities: seeded and deterministic; numbered by first member; sizes and the resolution", () => {
  const a = communities(KARATE, { seed: 7 }), b = communities(KARATE, { seed: 7 });
  assert.deepEqual(a.table.objects(), b.table.objects());
  assert.equal(a.table.get("community", 0), 1);
  const first = new Map<number, number>();
  (a.table.objects() as Row[]).forEach((d, i) => first.has(d.community) || first.set(d.community, i));
  assert.deepEqual([...first.keys()], Array.from({ length: a.count }, (_, k) => k + 1));
  assert.equal(a.sizes.reduce((x, y) => x + y, 0), 34);
  assert.deepEqual(
    (a.table.objects() as Row[]).map((d) => d.community_size),
    (a.table.objects() as Row[]).map((d) => a.sizes[d.community - 1]),
  );
  // a higher resolution splits the network into more communities
  assert.ok(communities(KARATE, { seed: 7, resolution: 3 }).count > a.count);
});

Deno.test("communities: isolates are communities of one; no ties at all gives modularity 0", () => {
  const r = communities([{ source: "a", target: "b" }], { nodes: ["a", "b", "z"] });
  assert.deepEqual([...r.table.array("community")], [1, 1, 2]);
  assert.deepEqual(r.sizes, [2, 1]);
  const empty = communities([], { nodes: ["a", "b"] });
  assert.deepEqual([...empty.table.array("community")], [1, 2]);
  assert.equal(empty.modularity, 0);
});

Deno.test("communities: bad options are ValidationErrors", () => {
  assert.throws(
    () => communities(KARATE, { seed: -1 }),
    (e: unknown) => e instanceof ValidationError && /seed/.test(e.message),
  );
  assert.throws(() => communities(KARATE, { resolution: 0 }), /resolution/);
});
