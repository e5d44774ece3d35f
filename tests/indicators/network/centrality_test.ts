import assert from "node:assert/strict";
import { UndirectedGraph } from "graphology";
import { centrality } from "../../../src/indicators/network/centrality.ts";
import { ValidationError } from "../../../src/core/validation_error.ts";
import { readCSV } from "../../../src/data/read.ts";

const REF = new URL("../../fixtures/reference/network/", import.meta.url);
// deno-lint-ignore no-explicit-any
type Row = Record<string, any>;
const NX = JSON.parse(await Deno.readTextFile(new URL("centrality_networkx.json", REF))).graphs as Record<
  string,
  Row
>;
const IGRAPH = (await readCSV(new URL("centrality_igraph.csv", REF).pathname)).objects() as Row[];
async function edges(name: string): Promise<Row[]> {
  const t = await readCSV(new URL(`graph_${name}.csv`, REF).pathname);
  // ids are text (the CSV reader may read them as numbers)
  return (t.objects() as Row[]).map((r) => ({
    source: String(r.source),
    target: String(r.target),
    weight: r.weight,
  }));
}
function close(actual: number, expected: number, tol: number, what: string) {
  assert.ok(
    Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)),
    `${what}: ${actual} vs ${expected}`,
  );
}
function byId(table: { objects(): object[] }): Map<string, Row> {
  return new Map((table.objects() as Row[]).map((r) => [r.id as string, r]));
}

for (const name of ["karate", "directed", "split", "cycle"]) {
  Deno.test(`centrality matches networkx 2.8.8 on the ${name} graph (every measure it defines)`, async () => {
    const ref = NX[name]!;
    const r = centrality(await edges(name), { directed: ref.directed, nodes: ref.nodes });
    assert.equal(r.nodes, ref.n);
    const rows = byId(r.table);
    const cols = ["degree", "strength", "betweenness", "betweenness_raw", "harmonic_raw", "pagerank"];
    if (ref.directed) cols.push("in_degree", "out_degree", "in_strength", "out_strength");
    if (ref.eigenvector) cols.push("eigenvector");
    for (const c of cols) {
      for (const id of ref.nodes as string[]) close(rows.get(id)![c], ref[c][id], 1e-9, `${name} ${c} ${id}`);
    }
    const unweighted = byId(
      centrality(await edges(name), { directed: ref.directed, nodes: ref.nodes, weight: null }).table,
    );
    for (const id of ref.nodes as string[]) {
      close(
        unweighted.get(id)!.pagerank,
        ref.pagerank_unweighted[id],
        1e-9,
        `${name} unweighted pagerank ${id}`,
      );
    }
  });

  Deno.test(`centrality matches igraph 1.3.5 on the ${name} graph (normalised betweenness and harmonic, PageRank, eigenvector / max)`, async () => {
    const ref = NX[name]!;
    const rows = byId(centrality(await edges(name), { directed: ref.directed, nodes: ref.nodes }).table);
    const ig = IGRAPH.filter((r) => r.graph === name);
    assert.equal(ig.length, ref.n);
    const maxEv = Math.max(...[...rows.values()].map((r) => r.eigenvector));
    for (const g of ig) {
      const id = String(g.id), mine = rows.get(id)!;
      close(mine.betweenness, g.betweenness, 1e-12, `${name} betweenness ${id}`);
      close(mine.betweenness_raw, g.betweenness_raw, 1e-12, `${name} betweenness_raw ${id}`);
      close(mine.harmonic, g.harmonic, 1e-12, `${name} harmonic ${id}`);
      close(mine.pagerank, g.pagerank, 1e-9, `${name} pagerank ${id}`);
      if (typeof g.eigenvector === "number") {
        close(mine.eigenvector / maxEv, g.eigenvector, 1e-8, `${name} eigenvector ${id}`);
      }
    }
  });
}

Deno.test("centrality by hand: a star, a path and a directed path", () => {
  // star: the hub lies on every path between two leaves; each leaf reaches 3 others at distance 2 and the hub at 1
  const star = centrality(["b", "c", "d", "e"].map((x) => ({ source: "a", target: x })));
  assert.deepEqual([...star.table.array("betweenness")], [1, 0, 0, 0, 0]);
  assert.deepEqual([...star.table.array("betweenness_raw")], [6, 0, 0, 0, 0]);
  assert.deepEqual([...star.table.array("harmonic_raw")], [4, 2.5, 2.5, 2.5, 2.5]);
  assert.deepEqual([...star.table.array("harmonic")], [1, 2.5 / 4, 2.5 / 4, 2.5 / 4, 2.5 / 4]);
  // eigenvector of the star K1,4: λ = 2, x_hub = 2 x_leaf, unit norm → x_leaf = 1/√8
  close(star.table.get("eigenvector", 0), 2 / Math.sqrt(8), 1e-9, "hub");
  close(star.table.get("eigenvector", 1), 1 / Math.sqrt(8), 1e-9, "leaf");
  // PageRank of a star (undirected, α): hub p_h = (1 − α)/5 + α·4·p_l, leaf p_l = (1 − α)/5 + α p_h/4
  const a = 0.85, pl = ((1 - a) / 5) * (1 + a / 4) / (1 - a * a), ph = (1 - a) / 5 + 4 * a * pl;
  close(ph + 4 * pl, 1, 1e-12, "sums to 1");
  close(star.table.get("pagerank", 0), ph, 1e-9, "hub pagerank");
  close(star.table.get("pagerank", 3), pl, 1e-9, "leaf pagerank");
  // directed path a → b → c: b brokers one ordered pair; harmonic counts paths into the node
  const path = centrality([{ source: "a", target: "b" }, { source: "b", target: "c" }], { directed: true });
  assert.deepEqual([...path.table.array("betweenness_raw")], [0, 1, 0]);
  assert.deepEqual([...path.table.array("betweenness")], [0, 0.5, 0]); // 1/((n−1)(n−2)) = 1/2
  assert.deepEqual([...path.table.array("harmonic_raw")], [0, 1, 1.5]);
  assert.deepEqual([...path.table.array("in_degree")], [0, 1, 1]);
  assert.deepEqual([...path.table.array("out_degree")], [1, 1, 0]);
  assert.deepEqual([...path.table.array("degree")], [1, 2, 1]);
  // a directed acyclic network has no eigenvector centrality: nulls and a warning, PageRank still defined
  assert.deepEqual([...path.table.array("eigenvector")], [null, null, null]);
  assert.ok(
    path.warnings.some((w) =>
      /eigenvector centrality is defined on a directed network only when it is strongly connected/.test(w)
    ),
  );
  close([...path.table.array("pagerank")].reduce((x, y) => x + y, 0), 1, 1e-9, "PageRank sums to 1");
});

Deno.test("centrality: repeated pairs merge with weights summed; self-ties left out; both in warnings", () => {
  const r = centrality([
    { source: "a", target: "b", weight: 1 },
    { source: "b", target: "a", weight: 2 },
    { source: "a", target: "a", weight: 5 },
    { source: "b", target: "c", weight: 1 },
  ], { measures: ["degree", "strength"] });
  assert.deepEqual(r.table.columnNames(), ["id", "degree", "strength"]);
  assert.deepEqual([...r.table.array("strength")], [3, 4, 1]);
  assert.deepEqual([...r.table.array("degree")], [1, 2, 1]);
  assert.equal(r.ties, 2);
  assert.equal(r.warnings.length, 2);
  assert.match(r.warnings[0]!, /^1 row repeats a pair/);
  assert.match(r.warnings[1]!, /^1 self-ties/);
});

Deno.test("centrality: isolates through nodes, a disconnected network warns about eigenvector centrality", () => {
  const r = centrality([{ source: "a", target: "b" }], { nodes: ["a", "b", "z"] });
  assert.deepEqual([...r.table.array("id")], ["a", "b", "z"]);
  assert.deepEqual([...r.table.array("degree")], [1, 1, 0]);
  assert.deepEqual([...r.table.array("harmonic")], [0.5, 0.5, 0]);
  assert.equal(r.components, 2);
  assert.ok(r.warnings.some((w) => /2 components/.test(w)));
  assert.throws(
    () => centrality([{ source: "a", target: "q" }], { nodes: ["a", "b"] }),
    (e: unknown) => e instanceof ValidationError && /row 1, column "target".*"q"/.test(e.message),
  );
});

Deno.test("centrality accepts a graphology graph and gives the same numbers as its tie table", () => {
  const g = new UndirectedGraph();
  for (const x of ["a", "b", "c", "d"]) g.addNode(x);
  g.addEdge("a", "b", { weight: 2 });
  g.addEdge("b", "c", {});
  g.addEdge("c", "d", { weight: 1 });
  g.addEdge("d", "b", { weight: 3 });
  const fromGraph = centrality(g).table.objects();
  const fromTable = centrality([
    { source: "a", target: "b", weight: 2 },
    { source: "b", target: "c", weight: 1 },
    { source: "c", target: "d", weight: 1 },
    { source: "d", target: "b", weight: 3 },
  ]).table.objects();
  assert.deepEqual(fromGraph, fromTable);
  assert.throws(() => centrality(g, { directed: true }), ValidationError);
});

Deno.test("centrality: bad input is a ValidationError naming the row, column and value", () => {
  const bad = (ties: Row[], options = {}, re: RegExp) =>
    assert.throws(
      () => centrality(ties, options),
      (e: unknown) => e instanceof ValidationError && re.test(e.message),
    );
  bad([{ source: "a", target: "" }], {}, /row 1, column "target": expected a non-empty text id/);
  bad([{ source: "a", target: 3 }], {}, /row 1, column "target".*received 3/);
  bad(
    [{ source: "a", target: "b", weight: 0 }],
    {},
    /row 1, column "weight": expected a positive finite number/,
  );
  bad([{ source: "a", target: "b", weight: null }], {}, /column "weight".*null/);
  bad([{ source: "a", target: "b" }], { weight: "w" }, /column "w": expected a column of tie weights/);
  bad([{ from: "a", to: "b" }], {}, /column "source"/);
  bad([{ source: "a", target: "b" }], { measures: ["closeness"] }, /measures\[0\].*"closeness"/);
  bad([{ source: "a", target: "b" }], { alpha: 1 }, /column "alpha"/);
});

// graphology-metrics 2.4.2 defines betweenness, eigenvector centrality and PageRank as ClusterLab does
import * as metrics from "graphology-metrics";
import { DirectedGraph } from "graphology";
type Scores = Record<string, number>;
const gm = (metrics as unknown as {
  centrality: {
    betweenness(g: unknown, o: object): Scores;
    eigenvector(g: unknown, o: object): Scores;
    pagerank(g: unknown, o: object): Scores;
  };
}).centrality;

for (const name of ["karate", "directed", "cycle"]) {
  Deno.test(`centrality equals graphology-metrics 2.4.2 on the ${name} graph (betweenness, eigenvector, PageRank)`, async () => {
    const ref = NX[name]!;
    const ties = await edges(name);
    const g = ref.directed ? new DirectedGraph() : new UndirectedGraph();
    for (const id of ref.nodes as string[]) g.addNode(id);
    for (const t of ties) g.addEdge(t.source, t.target, { weight: t.weight });
    const rows = byId(centrality(ties, { directed: ref.directed, nodes: ref.nodes }).table);
    const tight = { maxIterations: 100000, tolerance: 1e-13 };
    const b = gm.betweenness(g, { getEdgeWeight: null, normalized: true });
    const p = gm.pagerank(g, { getEdgeWeight: "weight", alpha: 0.85, ...tight });
    const e = ref.eigenvector ? gm.eigenvector(g, { getEdgeWeight: "weight", ...tight }) : null;
    for (const id of ref.nodes as string[]) {
      close(rows.get(id)!.betweenness, b[id]!, 1e-12, `${name} betweenness ${id}`);
      close(rows.get(id)!.pagerank, p[id]!, 1e-9, `${name} pagerank ${id}`);
      if (e) close(rows.get(id)!.eigenvector, e[id]!, 1e-8, `${name} eigenvector ${id}`);
    }
  });
}

Deno.test("centrality samples: k ≥ n is exact; k < n is seeded and, averaged over seeds, unbiased (n/k scaling)", async () => {
  const ties = await edges("karate");
  const exact = centrality(ties, { measures: ["betweenness", "harmonic"] });
  assert.equal(exact.sources, 34);
  const all = centrality(ties, { measures: ["betweenness", "harmonic"], samples: 100 });
  assert.deepEqual(all.table.objects(), exact.table.objects());
  assert.ok(!all.warnings.some((w) => /estimated/.test(w)));
  const a = centrality(ties, { measures: ["betweenness", "harmonic"], samples: 10, seed: 3 });
  assert.deepEqual(
    a.table.objects(),
    centrality(ties, { measures: ["betweenness", "harmonic"], samples: 10, seed: 3 }).table.objects(),
  );
  assert.equal(a.sources, 10);
  assert.ok(a.warnings.some((w) => /estimated from 10 of 34 sources/.test(w)));
  // mean over 300 seeds of the estimate of the total betweenness and harmonic closeness ≈ the exact totals
  const sum = (t: typeof a, c: string) =>
    [...t.table.array(c)].reduce((x: number, y) => x + (y as number), 0);
  let b = 0, h = 0;
  for (let seed = 0; seed < 300; seed++) {
    const r = centrality(ties, { measures: ["betweenness", "harmonic"], samples: 10, seed });
    b += sum(r, "betweenness_raw") / 300;
    h += sum(r, "harmonic_raw") / 300;
  }
  close(b, sum(exact, "betweenness_raw"), 0.03, "mean sampled total betweenness");
  close(h, sum(exact, "harmonic_raw"), 0.01, "mean sampled total harmonic");
  assert.throws(() => centrality(ties, { samples: 0 }), /samples/);
});
