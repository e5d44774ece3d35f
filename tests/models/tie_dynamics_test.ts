import assert from "node:assert/strict";
import { UndirectedGraph } from "graphology";
import { Random } from "../../src/core/random.ts";
import { ValidationError } from "../../src/core/validation_error.ts";
import { networkStatistics } from "../../src/indicators/network/network_statistics.ts";
import {
  agentNetwork,
  agentNetworkFromGraph,
  simulateNetworkSpiral,
  type SimulateNetworkSpiralOptions,
} from "../../src/models/network_spiral.ts";
import {
  attraction,
  decayTies,
  formTies,
  geometricGap,
  tieDynamicsSetup,
} from "../../src/models/tie_dynamics.ts";
import { TieStore } from "../../src/models/tie_store.ts";
import {
  SNAPSHOT_RUNS,
  SNAPSHOT_STEPS,
  snapshotNetwork,
  snapshotTies,
} from "../fixtures/reference/network/dynamics_snapshots.ts";

// deno-lint-ignore no-explicit-any
type Row = Record<string, any>;
const REF = new URL("../fixtures/reference/network/", import.meta.url);
const NX = JSON.parse(await Deno.readTextFile(new URL("statistics_networkx.json", REF)));
const SNAP = JSON.parse(await Deno.readTextFile(new URL("dynamics_snapshots.json", REF)));

/** Every conversion off: knowledge stays as drawn (no flow along any tie). */
const OFF: SimulateNetworkSpiralOptions = {
  socialisation: 0,
  externalisation: 0,
  combination: 0,
  internalisation: 0,
  obsolescence: 0,
  typeProfiles: {},
};

/** A seeded random network of n organisations and m ties (all firms). */
function randomNetwork(n: number, m: number, seed: number) {
  const rng = new Random(seed);
  const ids = Array.from({ length: n }, (_, k) => `o${k}`);
  const seen = new Set<number>(), ties: { source: string; target: string }[] = [];
  while (ties.length < m) {
    const a = rng.int(n), b = rng.int(n);
    if (a === b || seen.has(Math.min(a, b) * n + Math.max(a, b))) continue;
    seen.add(Math.min(a, b) * n + Math.max(a, b));
    ties.push({ source: ids[a]!, target: ids[b]! });
  }
  return agentNetwork(ids.map((id) => ({ id, type: "firm" })), ties);
}

const column = (r: { network: { array(c: string): unknown } }, c: string) =>
  Array.from(r.network.array(c) as ArrayLike<number>);

Deno.test("tie dynamics: formation 0 and decay 0 give the fixed network's run, bit for bit", () => {
  const net = randomNetwork(300, 900, 1);
  for (const order of ["public", "private"] as const) {
    const opts = { order, steps: 60, seed: 5, recordEvery: 7 };
    const fixed = simulateNetworkSpiral(net, opts);
    const off = simulateNetworkSpiral(net, { ...opts, dynamics: { formation: 0, decay: 0 } });
    for (const t of ["series", "groups", "agents", "network", "ties"] as const) {
      assert.deepEqual(off[t].objects(), fixed[t].objects(), `${order}: ${t}`);
    }
    assert.equal(fixed.dynamics, null);
    assert.deepEqual(off.dynamics, {
      rule: "complementarity",
      formation: 0,
      decay: 0,
      friendsOfFriends: 1,
      strangers: 1,
      weight: 1,
    });
  }
});

Deno.test("tie dynamics: formation 0 adds no tie — the network only loses ties", () => {
  const net = randomNetwork(200, 600, 2);
  const r = simulateNetworkSpiral(net, { steps: 80, seed: 3, recordEvery: 1, dynamics: { formation: 0 } });
  assert.ok(column(r, "formed").every((f) => f === 0));
  const ties = column(r, "ties");
  for (let t = 1; t < ties.length; t++) assert.ok(ties[t]! <= ties[t - 1]!, `step ${t}`);
  assert.ok(ties.at(-1)! < 600, "some unused ties decayed");
  const initial = new Set(
    simulateNetworkSpiral(net, { steps: 1 }).ties.objects().map((d: Row) => `${d.source} ${d.target}`),
  );
  for (const d of r.ties.objects() as Row[]) assert.ok(initial.has(`${d.source} ${d.target}`));
});

Deno.test("tie dynamics: pure decay is geometric — E[ties(t)] = m₀ (1 − λ)^t when no knowledge flows", () => {
  // no conversion at all, so no tie is ever used: each dissolves with probability λ per step, independently
  const m0 = 20000, lambda = 0.1;
  const net = randomNetwork(4000, m0, 4);
  const r = simulateNetworkSpiral(net, {
    ...OFF,
    steps: 40,
    seed: 9,
    recordEvery: 1,
    dynamics: { formation: 0, decay: lambda },
  });
  const ties = column(r, "ties");
  let worst = 0;
  for (let t = 1; t <= 40; t++) {
    const q = (1 - lambda) ** t, z = (ties[t]! - m0 * q) / Math.sqrt(m0 * q * (1 - q));
    worst = Math.max(worst, Math.abs(z));
  }
  assert.ok(worst < 4, `largest |z| over 40 steps: ${worst}`);
  // the mean lifetime Σₜ P(T > t) = (1 − λ)/λ = 9 (truncated at 40 steps: 9·(1 − 0.9⁴⁰))
  const mean = ties.slice(1).reduce((s, x) => s + x, 0) / m0, expected = 9 * (1 - 0.9 ** 40);
  assert.ok(Math.abs(mean - expected) < 0.1, `mean lifetime ${mean} vs ${expected}`);
  assert.deepEqual(column(r, "dissolved").slice(1).reduce((s, x) => s + x, 0), m0 - ties.at(-1)!);
});

Deno.test("tie dynamics: a tie through which knowledge flows every step never decays; an unused one does", () => {
  const net = agentNetwork([{ id: "a", type: "firm" }, { id: "b", type: "firm" }], [{
    source: "a",
    target: "b",
  }]);
  // the organisation behind learns half the gap each step (s = 0.5): the gap never closes, the tie is used
  const used = simulateNetworkSpiral(net, {
    ...OFF,
    socialisation: 0.5,
    steps: 50,
    recordEvery: 1,
    dynamics: { formation: 0, decay: 1 },
  });
  assert.ok(column(used, "ties").every((m) => m === 1));
  const unused = simulateNetworkSpiral(net, {
    ...OFF,
    steps: 5,
    recordEvery: 1,
    dynamics: { formation: 0, decay: 1 },
  });
  assert.deepEqual(column(unused, "ties"), [1, 0, 0, 0, 0, 0]);
  assert.deepEqual(column(unused, "components"), [1, 2, 2, 2, 2, 2]);
});

Deno.test("tie dynamics: similarity between equal organisations forms ties with probability p per candidate", () => {
  // 2,000 organisations without ties, equal knowledge (attraction 1), one stranger each per step
  const n = 2000, p = 0.05, steps = 10;
  const ids = Array.from({ length: n }, (_, k) => `o${k}`);
  const net = agentNetwork(ids.map((id) => ({ id, type: "firm" })), []);
  const opts = {
    ...OFF,
    tacit0: [1, 1] as const,
    steps,
    recordEvery: 1,
    seed: 4,
  };
  const r = simulateNetworkSpiral(net, {
    ...opts,
    dynamics: {
      rule: "similarity",
      formation: p,
      decay: 0,
      candidates: { friendsOfFriends: 0, strangers: 1 },
    },
  });
  const formed = column(r, "formed").slice(1).reduce((s, x) => s + x, 0);
  // E = steps · n · p less the few candidates already tied (< 0.1 % of pairs), sd = √(steps · n · p (1 − p))
  const z = (formed - steps * n * p) / Math.sqrt(steps * n * p * (1 - p));
  assert.ok(Math.abs(z) < 4, `formed ${formed}, z ${z}`);
  assert.equal(r.ties.numRows(), formed);
  // complementarity between equal organisations is 0: no tie ever forms
  const c = simulateNetworkSpiral(net, {
    ...opts,
    dynamics: { rule: "complementarity", formation: 1, decay: 0 },
  });
  assert.equal(c.ties.numRows(), 0);
});

Deno.test("tie dynamics: friends of friends only close triangles — components never merge", () => {
  // two separate paths of 6 organisations; equal knowledge, similarity, p = 1: every friend of a friend ties
  const ids = Array.from({ length: 12 }, (_, k) => `o${k}`);
  const ties = ids.flatMap((id, k) => (k % 6 === 5 ? [] : [{ source: id, target: ids[k + 1]! }]));
  const net = agentNetwork(ids.map((id) => ({ id, type: "firm" })), ties);
  const r = simulateNetworkSpiral(net, {
    ...OFF,
    tacit0: [1, 1],
    steps: 60,
    recordEvery: 1,
    seed: 2,
    dynamics: {
      rule: "similarity",
      formation: 1,
      decay: 0,
      candidates: { friendsOfFriends: 1, strangers: 0 },
    },
  });
  assert.ok(column(r, "components").every((c) => c === 2));
  // after enough steps each path is a clique of 6: 2 · 15 ties, clustering 1
  const last = r.network.objects().at(-1) as Row;
  assert.deepEqual([last.ties, last.clustering, last.transitivity], [30, 1, 1]);
  assert.ok(column(r, "clustering")[0] === 0 && column(r, "clustering")[5]! > 0);
});

Deno.test("tie dynamics: ties(t) = ties(t − 1) + formed − dissolved, and the last row is the final network's", () => {
  const net = randomNetwork(400, 1200, 6);
  for (const rule of ["complementarity", "similarity"] as const) {
    const r = simulateNetworkSpiral(net, {
      steps: 50,
      seed: 8,
      recordEvery: 1,
      dynamics: { rule, formation: 0.2 },
    });
    const ties = column(r, "ties"), formed = column(r, "formed"), dissolved = column(r, "dissolved");
    for (let t = 1; t < ties.length; t++) assert.equal(ties[t], ties[t - 1]! + formed[t]! - dissolved[t]!);
    assert.ok(formed.slice(1).some((f) => f > 0) && dissolved.slice(1).some((f) => f > 0), rule);
    const s = networkStatistics(r.ties, { nodes: r.agents.array("id") as string[] });
    const last = r.network.objects().at(-1) as Row;
    assert.deepEqual(
      [last.ties, last.density, last.components, last.largest_share, last.mean_degree, last.clustering],
      [s.ties, s.density, s.components, s.largestShare, s.meanDegree, s.clustering],
    );
    assert.deepEqual([last.transitivity, last.degree_gini], [s.transitivity, s.degreeGini]);
    // the agents' degrees are those of the final ties
    const deg = new Map<string, number>();
    for (const d of r.ties.objects() as Row[]) {
      deg.set(d.source, (deg.get(d.source) ?? 0) + 1);
      deg.set(d.target, (deg.get(d.target) ?? 0) + 1);
    }
    for (const d of r.agents.objects() as Row[]) assert.equal(d.degree, deg.get(d.id) ?? 0);
  }
});

Deno.test("tie dynamics: the co-evolved snapshots still match the fixture, and their statistics networkx", () => {
  for (const name of Object.keys(SNAPSHOT_RUNS)) {
    for (const step of SNAPSHOT_STEPS) {
      const key = `${name}_${step}`;
      assert.deepEqual(snapshotTies(name, step), SNAP.snapshots[key], `${key}: regenerate the fixture?`);
      const r = simulateNetworkSpiral(snapshotNetwork(), { ...SNAPSHOT_RUNS[name], steps: step });
      const last = r.network.objects().at(-1) as Row, ref = NX.graphs[`dynamics_${key}`];
      assert.deepEqual([last.ties, last.components], [ref.ties, ref.components], key);
      for (
        const [mine, theirs] of [
          ["density", "density"],
          ["largest_share", "largestShare"],
          ["mean_degree", "meanDegree"],
          ["clustering", "clustering"],
          ["transitivity", "transitivity"],
          ["degree_gini", "degreeGini"],
        ]
      ) {
        assert.ok(
          Math.abs(last[mine!] - ref[theirs!]) < 1e-12,
          `${key}: ${mine} ${last[mine!]} vs ${ref[theirs!]}`,
        );
      }
    }
  }
});

Deno.test("tie dynamics: seeded — the same seed gives the same network, another seed another", () => {
  const net = randomNetwork(300, 900, 7);
  const run = (seed: number) =>
    simulateNetworkSpiral(net, { steps: 40, seed, dynamics: { rule: "similarity", formation: 0.2 } });
  const a = run(1), b = run(1), c = run(2);
  assert.deepEqual(a.ties.objects(), b.ties.objects());
  assert.deepEqual(a.network.objects(), b.network.objects());
  assert.deepEqual(a.series.objects(), b.series.objects());
  assert.notDeepEqual(a.ties.objects(), c.ties.objects());
});

Deno.test("tie dynamics: complementarity ties unlike organisations, similarity like ones, as the rule's weights say", () => {
  // no knowledge flow (the stocks stay as drawn), an empty start, no decay, strangers only: a formed tie is a
  // pair drawn at random and kept with probability p·f(σ), so the mean similarity σ of the formed ties is
  // Σ σ f(σ) / Σ f(σ) over all pairs, with f(σ) = 1 − σ (complementarity) or σ (similarity)
  const ids = Array.from({ length: 600 }, (_, k) => `o${k}`);
  const net = agentNetwork(ids.map((id) => ({ id, type: "firm" })), []);
  for (const rule of ["complementarity", "similarity"] as const) {
    const r = simulateNetworkSpiral(net, {
      ...OFF,
      tacit0: [0.2, 2],
      steps: 30,
      seed: 3,
      dynamics: { rule, formation: 0.5, decay: 0, candidates: { friendsOfFriends: 0, strangers: 1 } },
    });
    const t = new Map((r.agents.objects() as Row[]).map((d) => [d.id, d.tacit as number]));
    const sims = (r.ties.objects() as Row[]).map((d) =>
      attraction("similarity", t.get(d.source)!, t.get(d.target)!)
    );
    const observed = sims.reduce((s, x) => s + x, 0) / sims.length;
    const stocks = [...t.values()];
    let num = 0, den = 0;
    for (let i = 0; i < stocks.length; i++) {
      for (let j = i + 1; j < stocks.length; j++) {
        const sigma = attraction("similarity", stocks[i]!, stocks[j]!),
          f = attraction(rule, stocks[i]!, stocks[j]!);
        num += sigma * f;
        den += f;
      }
    }
    // about 4,000 ties: the standard error of their mean similarity is below 0.005
    assert.ok(
      Math.abs(observed - num / den) < 0.02,
      `${rule}: ${observed} vs ${num / den} (${sims.length} ties)`,
    );
  }
});

Deno.test("attraction: σ = min/max of the stocks; complementarity 1 − σ, similarity σ; two empty stocks are alike", () => {
  assert.equal(attraction("similarity", 1, 4), 0.25);
  assert.equal(attraction("complementarity", 4, 1), 0.75);
  assert.equal(attraction("similarity", 0, 0), 1);
  assert.equal(attraction("complementarity", 0, 0), 0);
  assert.equal(attraction("complementarity", 0, 3), 1);
});

Deno.test("geometricGap: P(G > t) = (1 − q)^t by inversion; q = 1 is every position", () => {
  assert.equal(geometricGap(0.5, 0), 1);
  assert.equal(geometricGap(0.5, 0.5), 1); // ln 0.5 / ln 0.5 = 1
  assert.equal(geometricGap(0.5, 0.7), 2); // ln 0.3 / ln 0.5 = 1.74
  assert.equal(geometricGap(0.5, 0.875), 3); // ln 0.125 / ln 0.5 = 3
  assert.equal(geometricGap(1, 0.99), 1);
  assert.ok(geometricGap(0, 0.5) > 1e9);
  // the empirical survival of 100,000 gaps against (1 − q)^t
  const rng = new Random(3), q = 0.2, n = 100000, above = new Array(6).fill(0);
  for (let k = 0; k < n; k++) {
    const g = geometricGap(q, rng.next());
    for (let t = 0; t < 6; t++) if (g > t) above[t]++;
  }
  for (let t = 0; t < 6; t++) {
    const p = 0.8 ** t;
    assert.ok(Math.abs(above[t] / n - p) < 4 * Math.sqrt((p * (1 - p)) / n) + 1e-12, `t = ${t}`);
  }
});

Deno.test("decayTies and formTies count what they change; nothing happens at rate 0", () => {
  const net = randomNetwork(100, 300, 5);
  const store = new TieStore(net), next = new Random(1).stream();
  const d = tieDynamicsSetup({ rule: "similarity", formation: 0.5 }, [])!;
  assert.equal(decayTies(store, 0, 1, next), 0);
  assert.equal(formTies(store, { ...d, formation: 0 }, new Float64Array(100).fill(1), next), 0);
  assert.equal(store.ties, 300);
  const formed = formTies(store, d, new Float64Array(100).fill(1), next);
  assert.equal(store.ties, 300 + formed);
  const gone = decayTies(store, 1, 1, next); // every tie unused at step 1: λ = 1 removes all
  assert.deepEqual([gone, store.ties], [300 + formed, 0]);
});

Deno.test("tie dynamics options are validated, each bad value named", () => {
  const net = randomNetwork(10, 10, 1);
  const bad: [unknown, string][] = [
    [{ rule: "proximity" }, "dynamics.rule"],
    [{ formation: 2 }, "dynamics.formation"],
    [{ decay: -0.1 }, "dynamics.decay"],
    [{ candidates: { strangers: 1.5 } }, "dynamics.candidates.strangers"],
    [{ candidates: { friendsOfFriends: -1 } }, "dynamics.candidates.friendsOfFriends"],
    [{ candidates: { friends: 1 } }, "dynamics.candidates.friends"],
    [{ weight: 0 }, "dynamics.weight"],
    [{ formaton: 0.1 }, "dynamics.formaton"],
    [true, "dynamics"],
  ];
  for (const [dynamics, col] of bad) {
    assert.throws(
      () => simulateNetworkSpiral(net, { dynamics: dynamics as never }),
      (e: unknown) => e instanceof ValidationError && e.issues.some((i) => i.column === col),
      col,
    );
  }
  const g = new UndirectedGraph();
  g.addNode("a", { type: "firm" });
  const r = simulateNetworkSpiral(agentNetworkFromGraph(g), { steps: 3, dynamics: {} });
  assert.deepEqual(column(r, "ties"), [0, 0, 0, 0]); // a single organisation has no stranger to meet
});
