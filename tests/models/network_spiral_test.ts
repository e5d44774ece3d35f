import assert from "node:assert/strict";
import { UndirectedGraph } from "graphology";
import * as generators from "graphology-generators";
import { Random } from "../../src/core/random.ts";
import {
  agentNetwork,
  agentNetworkFromGraph,
  simulateNetworkSpiral,
  type SimulateNetworkSpiralOptions,
} from "../../src/models/network_spiral.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

const close = (a: number, b: number, tol: number, what = "") =>
  assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b} (tol ${tol})`);

function path(n: number, type = "firm"): UndirectedGraph {
  const g = new UndirectedGraph();
  for (let k = 0; k < n; k++) g.addNode(`n${k}`, { type });
  for (let k = 0; k + 1 < n; k++) g.addEdge(`n${k}`, `n${k + 1}`);
  return g;
}

// graphology-generators' index.d.ts declares flat exports (complete, erdosRenyi, …) but the CommonJS module
// exports namespaces (classic, random, …): type the namespaces we use.
type GraphClass = typeof UndirectedGraph;
const { classic, random } = generators as unknown as {
  classic: { complete(G: GraphClass, order: number): UndirectedGraph };
  random: {
    erdosRenyi: {
      sparse(G: GraphClass, o: { order: number; probability: number; rng: () => number }): UndirectedGraph;
    };
  };
};

const OFF: SimulateNetworkSpiralOptions = {
  socialisation: 0,
  externalisation: 0,
  combination: 0,
  internalisation: 0,
  typeProfiles: {},
};

Deno.test("agentNetwork builds CSR from tables, merges repeats and reports bad rows", () => {
  const net = agentNetwork(
    [{ id: "a", type: "firm" }, { id: "b", type: "university" }, { id: "c", type: "firm" }],
    [{ source: "a", target: "b", weight: 2 }, { source: "b", target: "a", weight: 1 }, {
      source: "c",
      target: "c",
      weight: 1,
    }],
  );
  assert.deepEqual([...net.offsets], [0, 1, 2, 2]);
  assert.deepEqual([...net.neighbours], [1, 0]);
  assert.deepEqual([...net.cumulative], [3, 3]);
  assert.deepEqual(net.warnings, [
    "1 self-ties skipped",
    "1 repeated ties merged (weights summed)",
    "1 organisations have no tie: they learn only from the platform",
  ]);
  assert.throws(
    () => agentNetwork([{ id: "a", type: "firm" }], [{ source: "a", target: "zz" }]),
    (e: unknown) =>
      e instanceof ValidationError && e.issues[0]!.row === 1 && e.issues[0]!.column === "target" &&
      e.issues[0]!.received === '"zz"',
  );
});

Deno.test("agentNetwork accepts an empty tie list: organisations without ties (a network to grow)", () => {
  const net = agentNetwork([{ id: "a", type: "firm" }, { id: "b", type: "firm" }], []);
  assert.deepEqual([...net.offsets], [0, 0, 0]);
  assert.deepEqual(net.warnings, ["2 organisations have no tie: they learn only from the platform"]);
  // a tie table with rows still needs its columns
  assert.throws(
    () => agentNetwork([{ id: "a", type: "firm" }], [{ from: "a", to: "a" }]),
    (e: unknown) => e instanceof ValidationError && e.issues.map((i) => i.column).join() === "source,target",
  );
});

Deno.test("network spiral: all conversions off gives decay (1 − δ)^t of the initial stock", () => {
  const net = agentNetworkFromGraph(path(5));
  const r = simulateNetworkSpiral(net, { ...OFF, obsolescence: 0.01, steps: 50, seed: 3 });
  const r0 = simulateNetworkSpiral(net, { ...OFF, obsolescence: 0.01, steps: 1, seed: 3, recordEvery: 1 });
  const t0 = r0.series.get("tacit", 0) as number;
  close(r.series.get("tacit", r.series.numRows() - 1) as number, t0 * 0.99 ** 50, 1e-12, "decay");
  assert.equal(r.series.get("repository", r.series.numRows() - 1), 0);
});

Deno.test("network spiral: socialisation only along ties (components stay apart), max spreads", () => {
  const g = path(4);
  g.addNode("iso", { type: "firm" });
  const net = agentNetworkFromGraph(g);
  const base = {
    ...OFF,
    socialisation: 1,
    obsolescence: 0,
    steps: 200,
    seed: 9,
    platform: { members: [] },
    order: "private" as const,
  };
  const r = simulateNetworkSpiral(net, base);
  const t = r.agents.array("tacit") as Float64Array;
  const init = simulateNetworkSpiral(net, { ...base, steps: 1, socialisation: 0 }).agents.array(
    "tacit",
  ) as Float64Array;
  // the connected path converges to its largest initial value; the isolate keeps its own
  const max = Math.max(init[0]!, init[1]!, init[2]!, init[3]!);
  for (let k = 0; k < 4; k++) close(t[k]!, max, 1e-12, `node ${k}`);
  assert.equal(t[4], init[4]);
  assert.ok(r.warnings.includes("No organisation has access to the platform: the repository stays empty"));
});

Deno.test("network spiral: repository follows its recurrence P' = (P + u·max(0, Ē − P) + cP)(1 − δ)", () => {
  const net = agentNetworkFromGraph(path(3));
  const opts = {
    ...OFF,
    externalisation: 1,
    combination: 0.02,
    obsolescence: 0.01,
    steps: 5,
    recordEvery: 1,
    seed: 2,
  };
  const r = simulateNetworkSpiral(net, { ...opts, order: "public" as const });
  const init = r.agents; // final state not needed: recompute from the recorded series
  assert.ok(init.numRows() === 3);
  const Ebar = r.series.array("explicit") as Float64Array, P = r.series.array("repository") as Float64Array;
  for (let k = 1; k <= 5; k++) {
    const expected = (P[k - 1]! + 0.05 * Math.max(0, Ebar[k - 1]! - P[k - 1]!) + 0.02 * P[k - 1]!) * 0.99;
    close(P[k]!, expected, 1e-15, `step ${k}`);
  }
  // with e = 1 explicit knowledge equals tacit knowledge of the step before, decayed
  const T = r.series.array("tacit") as Float64Array;
  for (let k = 1; k <= 5; k++) close(Ebar[k]!, T[k - 1]! * 0.99, 1e-12, `explicit ${k}`);
});

Deno.test("network spiral: private platform favours members; public spreads evenly; deterministic", () => {
  const g = new UndirectedGraph();
  for (let k = 0; k < 60; k++) {
    g.addNode(`o${k}`, { type: k % 3 === 0 ? "firm" : k % 3 === 1 ? "university" : "other" });
  }
  for (let k = 0; k < 60; k++) g.addEdge(`o${k}`, `o${(k + 7) % 60}`);
  const net = agentNetworkFromGraph(g);
  const priv = simulateNetworkSpiral(net, { order: "private", steps: 300, seed: 4 });
  const pub = simulateNetworkSpiral(net, { order: "public", steps: 300, seed: 4 });
  assert.equal(priv.members, 20);
  assert.equal(pub.members, 60);
  const mean = (t: typeof priv.agents, member: boolean) => {
    const rows = t.objects().filter((d) => (d as { member: boolean }).member === member) as {
      tacit: number;
    }[];
    return rows.reduce((s, d) => s + d.tacit, 0) / rows.length;
  };
  assert.ok(mean(priv.agents, true) > mean(priv.agents, false), "members ahead under a private platform");
  const last = (r: typeof priv) => r.series.get("gini", r.series.numRows() - 1) as number;
  assert.ok(last(pub) < last(priv), `gini public ${last(pub)} < private ${last(priv)}`);
  for (const d of priv.agents.objects() as { tacit: number; explicit: number }[]) {
    assert.ok(d.tacit >= 0 && d.explicit >= 0);
  }
  const again = simulateNetworkSpiral(net, { order: "private", steps: 300, seed: 4 });
  assert.deepEqual(again.series.objects(), priv.series.objects());
  assert.equal(priv.groups.numRows(), priv.series.numRows() * 6);
});

Deno.test("network spiral rejects bad parameters", () => {
  const net = agentNetworkFromGraph(path(3));
  assert.throws(() => simulateNetworkSpiral(net, { socialisation: 2 }), ValidationError);
  // @ts-expect-error: unknown order
  assert.throws(() => simulateNetworkSpiral(net, { order: "market" }), ValidationError);
  assert.throws(() => simulateNetworkSpiral(net, { steps: 0 }), ValidationError);
});

Deno.test("networks from graphology-generators: complete graph degrees, seeded Erdős–Rényi runs", () => {
  const k6 = agentNetworkFromGraph(classic.complete(UndirectedGraph, 6));
  assert.deepEqual([...k6.offsets], [0, 5, 10, 15, 20, 25, 30]);
  assert.deepEqual(k6.types, ["other", "other", "other", "other", "other", "other"]);
  assert.deepEqual(k6.warnings, ['6 nodes have no "type" attribute: typed "other"']);
  const g = random.erdosRenyi.sparse(UndirectedGraph, {
    order: 200,
    probability: 0.03,
    rng: new Random(5).stream(),
  });
  g.forEachNode((node: string) =>
    g.setNodeAttribute(node, "type", Number(node) % 4 === 0 ? "firm" : "university")
  );
  const net = agentNetworkFromGraph(g);
  assert.equal(net.neighbours.length, 2 * g.size);
  const a = simulateNetworkSpiral(net, { order: "private", steps: 50, seed: 8 });
  const b = simulateNetworkSpiral(agentNetworkFromGraph(g), { order: "private", steps: 50, seed: 8 });
  assert.deepEqual(a.agents.objects(), b.agents.objects());
  assert.equal(a.members, 50);
});

Deno.test("network spiral: the last step is recorded even when recordEvery does not divide steps", () => {
  const net = agentNetworkFromGraph(path(4));
  const r = simulateNetworkSpiral(net, { steps: 10, recordEvery: 4, seed: 1 });
  assert.deepEqual([...(r.series.array("step") as Int32Array)], [0, 4, 8, 10]);
  // the last recorded row is the final state of the agents
  const t = r.agents.array("tacit") as Float64Array;
  close(r.series.get("tacit", 3) as number, t.reduce((s, v) => s + v, 0) / 4, 1e-15, "final mean");
  assert.equal(r.groups.numRows(), 4 * 2);
});

Deno.test("agentNetwork reports missing ids and types by row instead of coercing them", () => {
  assert.throws(
    () =>
      agentNetwork([{ id: "a", type: "firm" }, { id: null, type: "firm" }, { id: "c", type: "" }], [{
        source: "a",
        target: "c",
      }]),
    (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.deepEqual(e.issues.map((i) => [i.row, i.column]), [[2, "id"], [3, "type"]]);
      return true;
    },
  );
});

Deno.test("network spiral: the Gini of tacit knowledge on a hand-traced three-organisation case", () => {
  // Three isolated organisations with T₀ = 1 each (tacit0 [1, 1]); open platform with u = 1, c = 1, s = 0,
  // e = 1, i = 0.5, δ = 0; internalisation multipliers: firm 1, university 0, other 2 (ι = 0.5, 0, 1).
  // Step by step (all reads from the previous state):
  //   step 1: Ē = 0 → P = 0; E = 0 + 1·(1 − 0) = 1; T = (1, 1, 1)
  //   step 2: Ē = 1 → P = 0 + 1·(1 − 0) + 1·0 = 1; T unchanged (P was 0)
  //   step 3: P = 1 + 0 + 1·1 = 2; T unchanged (P = 1 is not above T = 1)
  //   step 4: P = 4; T = (1 + 0.5·(2 − 1), 1, 1 + 1·(2 − 1)) = (1.5, 1, 2)
  //   step 5: P = 8; T = (1.5 + 0.5·(4 − 1.5), 1, 2 + 1·(4 − 2)) = (2.75, 1, 4)
  // Gini = Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² x̄): steps 0–3 all equal → 0;
  //   step 4: ordered-pair sum 2·(0.5 + 1 + 0.5) = 4, 2·9·1.5 = 27 → 4/27;
  //   step 5: 2·(1.75 + 1.25 + 3) = 12, 2·9·(7.75/3) = 46.5 → 12/46.5 = 8/31.
  // (The sorted form 2Σ(k+1)x₍ₖ₎/(nΣx) − (n+1)/n gives the same: step 5, 2·18.5/(3·7.75) − 4/3 = 8/31.)
  const g = new UndirectedGraph();
  g.addNode("f", { type: "firm" });
  g.addNode("u", { type: "university" });
  g.addNode("o", { type: "other" });
  const r = simulateNetworkSpiral(agentNetworkFromGraph(g), {
    order: "public",
    platform: { update: 1 },
    socialisation: 0,
    externalisation: 1,
    combination: 1,
    internalisation: 0.5,
    obsolescence: 0,
    typeProfiles: { university: { internalisation: 0 }, other: { internalisation: 2 } },
    tacit0: [1, 1],
    steps: 5,
    recordEvery: 1,
    seed: 1,
  });
  assert.deepEqual([...(r.series.array("repository") as Float64Array)], [0, 0, 1, 2, 4, 8]);
  assert.deepEqual([...(r.agents.array("tacit") as Float64Array)], [2.75, 1, 4]);
  const gini = [...(r.series.array("gini") as Float64Array)];
  assert.deepEqual(gini.slice(0, 4), [0, 0, 0, 0]);
  close(gini[4]!, 4 / 27, 1e-15, "Gini at step 4");
  close(gini[5]!, 8 / 31, 1e-15, "Gini at step 5");
  // i·ι_max = 0.5·2 = 1 closes the gap exactly (no overshoot warning); 0.6·2 = 1.2 > 1 overshoots
  const overshoot = /rate × type multiplier exceeds 1/;
  assert.ok(!r.warnings.some((w) => overshoot.test(w)), r.warnings.join("; "));
  const over = simulateNetworkSpiral(agentNetworkFromGraph(g), {
    internalisation: 0.6,
    typeProfiles: { other: { internalisation: 2 } },
    steps: 1,
  });
  assert.ok(over.warnings.some((w) => overshoot.test(w)), over.warnings.join("; "));
});

Deno.test("agentNetworkFromGraph(): the type attribute is an option (default `type`), missing types are `other`", () => {
  const g = new UndirectedGraph();
  g.addNode("a", { type: "firm", kind: "university" });
  g.addNode("b", { type: "university" });
  g.addNode("c");
  g.addEdge("a", "b", { weight: 2 });
  assert.deepEqual(agentNetworkFromGraph(g).types, ["firm", "university", "other"]);
  const byKind = agentNetworkFromGraph(g, { type: "kind" });
  assert.deepEqual(byKind.types, ["university", "other", "other"]);
  assert.equal(byKind.warnings[0], '2 nodes have no "kind" attribute: typed "other"');
  assert.throws(
    () => simulateNetworkSpiral(byKind, { lang: "fr" as never }),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "lang",
  );
});

Deno.test("agentNetworkFromGraph(graph, typeAttribute): the 0.1 form equals { type }", () => {
  const g = new UndirectedGraph();
  g.addNode("a", { kind: "firm" });
  g.addNode("b", { kind: "university" });
  g.addEdge("a", "b");
  assert.deepEqual(agentNetworkFromGraph(g, "kind"), agentNetworkFromGraph(g, { type: "kind" }));
  assert.deepEqual(agentNetworkFromGraph(g, "kind").types, ["firm", "university"]);
});
