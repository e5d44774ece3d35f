import assert from "node:assert/strict";
import { DirectedGraph, UndirectedGraph } from "graphology";
import { componentsOf, tieGraph } from "../../../src/indicators/network/tie_graph.ts";
import { ValidationError } from "../../../src/core/validation_error.ts";

Deno.test("tieGraph: undirected rows merge in either direction; compressed rows list each tie at both ends", () => {
  const g = tieGraph([
    { source: "a", target: "b", weight: 1 },
    { source: "c", target: "a", weight: 2 },
    { source: "b", target: "a", weight: 4 },
  ]);
  assert.deepEqual(g.ids, ["a", "b", "c"]);
  assert.equal(g.ties, 2);
  assert.deepEqual([...g.tieSource], [0, 0]);
  assert.deepEqual([...g.tieTarget], [1, 2]);
  assert.deepEqual([...g.tieWeight], [5, 2]);
  assert.deepEqual([...g.outStart], [0, 2, 3, 4]);
  assert.deepEqual([...g.outAdj], [1, 2, 0, 0]);
  assert.deepEqual([...g.outWeight], [5, 2, 5, 2]);
  assert.equal(g.inAdj, g.outAdj);
});

Deno.test("tieGraph: directed keeps a → b and b → a apart, with separate in- and out-lists", () => {
  const g = tieGraph([{ source: "a", target: "b" }, { source: "b", target: "a" }, {
    source: "b",
    target: "c",
  }], {
    directed: true,
  });
  assert.equal(g.ties, 3);
  assert.deepEqual([...g.outStart], [0, 1, 3, 3]);
  assert.deepEqual([...g.inStart], [0, 1, 2, 3]);
  assert.deepEqual([...g.inAdj], [1, 0, 1]);
  assert.equal(g.warnings.length, 0);
});

Deno.test("tieGraph: graphology graphs, weights from an attribute; mixed or undirected graphs are not read as directed", () => {
  const d = new DirectedGraph();
  d.addNode("x");
  d.addNode("y");
  d.addEdge("x", "y", { w: 3 });
  const g = tieGraph(d, { weight: "w" });
  assert.equal(g.directed, true);
  assert.deepEqual([...g.tieWeight], [3]);
  assert.equal(tieGraph(d, { directed: false }).directed, false);
  const u = new UndirectedGraph();
  u.addNode("x");
  assert.throws(() => tieGraph(u, { directed: true }), ValidationError);
  assert.throws(() => tieGraph(u, { nodes: ["x"] }), /nodes/);
  u.addNode("y");
  u.addEdge("x", "y", { weight: -1 });
  assert.throws(() => tieGraph(u), /attribute weight.*positive/);
});

Deno.test("tieGraph: nodes fixes the node set and order; repeated or empty ids in nodes are errors", () => {
  const g = tieGraph([{ source: "b", target: "a" }], { nodes: ["z", "a", "b"] });
  assert.deepEqual(g.ids, ["z", "a", "b"]);
  assert.throws(() => tieGraph([], { nodes: ["a", "a"] }), /nodes\[1\].*repeated/);
  assert.throws(() => tieGraph([], { nodes: [""] }), /nodes\[0\]/);
});

Deno.test("componentsOf: sizes decreasing, equal sizes by first node", () => {
  const g = tieGraph([{ source: "a", target: "b" }, { source: "c", target: "d" }, {
    source: "d",
    target: "e",
  }], {
    nodes: ["q", "a", "b", "c", "d", "e"],
  });
  const { component, sizes } = componentsOf(g);
  assert.deepEqual(sizes, [3, 2, 1]);
  assert.deepEqual([...component], [2, 1, 1, 0, 0, 0]);
});
