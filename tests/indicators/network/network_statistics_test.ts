import assert from "node:assert/strict";
import { UndirectedGraph } from "graphology";
import { readCSV } from "../../../src/data/read.ts";
import {
  adjacencyStatistics,
  type NetworkSnapshot,
  networkStatistics,
} from "../../../src/indicators/network/network_statistics.ts";
import { ValidationError } from "../../../src/core/validation_error.ts";

// deno-lint-ignore no-explicit-any
type Row = Record<string, any>;
const REF = new URL("../../fixtures/reference/network/", import.meta.url);
const NX = JSON.parse(await Deno.readTextFile(new URL("statistics_networkx.json", REF)));
const SNAP = JSON.parse(await Deno.readTextFile(new URL("dynamics_snapshots.json", REF)));
const KEYS = [
  "organisations",
  "ties",
  "density",
  "components",
  "largestShare",
  "meanDegree",
  "clustering",
  "transitivity",
  "degreeGini",
] as const;

/** Every statistic equal to networkx's (counts exactly, ratios to 1e-12). */
function matches(mine: NetworkSnapshot, ref: Row, what: string): void {
  for (const k of KEYS) {
    if (k === "organisations" || k === "ties" || k === "components") {
      assert.equal(mine[k], ref[k], `${what}: ${k}`);
    } else assert.ok(Math.abs(mine[k] - ref[k]) < 1e-12, `${what}: ${k} ${mine[k]} vs networkx ${ref[k]}`);
  }
}

const tiesOf = async (name: string) =>
  ((await readCSV(new URL(name, REF).pathname)).objects() as Row[])
    .map((r) => ({ source: String(r.source), target: String(r.target) }));

Deno.test("networkStatistics matches networkx on the karate club, small graphs and a directed graph read undirected", async () => {
  for (const name of ["karate", "split", "cycle", "directed"]) {
    matches(networkStatistics(await tiesOf(`graph_${name}.csv`)), NX.graphs[name], name);
  }
});

Deno.test("networkStatistics matches networkx on a sparse graph with isolates (nodes given)", async () => {
  const nodes = Array.from({ length: 60 }, (_, k) => `s${String(k).padStart(2, "0")}`);
  const s = networkStatistics(await tiesOf("graph_sparse.csv"), { nodes });
  matches(s, NX.graphs.sparse, "sparse");
  // without the node list, the isolates are not part of the network
  const named = networkStatistics(await tiesOf("graph_sparse.csv"));
  assert.ok(named.organisations < 60 && named.components < s.components);
});

Deno.test("networkStatistics matches networkx on the co-evolved networks of simulateNetworkSpiral", () => {
  for (const [key, ties] of Object.entries(SNAP.snapshots as Record<string, [string, string][]>)) {
    const s = networkStatistics(ties.map(([source, target]) => ({ source, target })), { nodes: SNAP.nodes });
    matches(s, NX.graphs[`dynamics_${key}`], key);
  }
});

Deno.test("networkStatistics: closed forms — complete graph, star, empty and one-node networks", () => {
  const ids = ["a", "b", "c", "d", "e"];
  const complete = ids.flatMap((x, i) => ids.slice(i + 1).map((y) => ({ source: x, target: y })));
  const k5 = networkStatistics(complete);
  assert.deepEqual(
    [k5.ties, k5.density, k5.components, k5.meanDegree, k5.clustering, k5.transitivity, k5.degreeGini],
    [10, 1, 1, 4, 1, 1, 0],
  );
  // a star with 4 leaves: no triangle; degrees 4, 1, 1, 1, 1: Σ|kᵢ − kⱼ| = 2·4·3 = 24, 2n²k̄ = 2·25·1.6 = 80
  const star = networkStatistics(ids.slice(1).map((x) => ({ source: "a", target: x })));
  assert.deepEqual([star.clustering, star.transitivity, star.components], [0, 0, 1]);
  assert.ok(Math.abs(star.degreeGini - 24 / 80) < 1e-15);
  const empty = networkStatistics([], { nodes: ["x", "y", "z"] });
  assert.deepEqual(
    [empty.ties, empty.density, empty.components, empty.largestShare, empty.meanDegree, empty.degreeGini],
    [0, 0, 3, 1 / 3, 0, 0],
  );
  const one = networkStatistics([], { nodes: ["x"] });
  assert.deepEqual([one.density, one.components, one.clustering], [0, 1, 0]);
  const none = adjacencyStatistics({
    n: 0,
    start: new Int32Array(0),
    degree: new Int32Array(0),
    neighbours: new Int32Array(0),
  });
  assert.deepEqual([none.density, none.largestShare, none.meanDegree, none.clustering], [0, 0, 0, 0]);
});

Deno.test("networkStatistics: repeated and self-ties are reported, a graphology graph is read too", () => {
  const s = networkStatistics([
    { source: "a", target: "b" },
    { source: "b", target: "a" },
    { source: "c", target: "c" },
    { source: "b", target: "c" },
  ]);
  assert.equal(s.ties, 2);
  assert.equal(s.warnings.length, 2);
  const g = new UndirectedGraph();
  ["a", "b", "c"].forEach((x) => g.addNode(x));
  g.addEdge("a", "b");
  g.addEdge("b", "c");
  g.addEdge("c", "a");
  assert.deepEqual([networkStatistics(g).clustering, networkStatistics(g).ties], [1, 3]);
  assert.throws(
    () => networkStatistics([{ source: "a", target: "q" }], { nodes: ["a"] }),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "target",
  );
});

Deno.test("adjacencyStatistics reads rows with gaps between them (a growing network's arena)", () => {
  // the triangle a–b–c with d hanging on c, rows placed at 0, 10, 20, 30 with room to spare
  const start = Int32Array.from([0, 10, 20, 30]), degree = Int32Array.from([2, 2, 3, 1]);
  const neighbours = new Int32Array(40).fill(99);
  neighbours.set([1, 2], 0);
  neighbours.set([0, 2], 10);
  neighbours.set([0, 1, 3], 20);
  neighbours.set([2], 30);
  const s = adjacencyStatistics({ n: 4, start, degree, neighbours });
  const ref = networkStatistics([
    { source: "a", target: "b" },
    { source: "b", target: "c" },
    { source: "c", target: "a" },
    { source: "c", target: "d" },
  ]);
  for (const k of KEYS) assert.equal(s[k], ref[k], k);
});
