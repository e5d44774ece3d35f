import assert from "node:assert/strict";
import { Random } from "../../src/core/random.ts";
import { agentNetwork } from "../../src/models/network_spiral.ts";
import { TieStore } from "../../src/models/tie_store.ts";

/** A seeded random network of n organisations and m ties (all firms), weights 1–3. */
function randomNetwork(n: number, m: number, seed: number) {
  const rng = new Random(seed);
  const ids = Array.from({ length: n }, (_, k) => `o${k}`);
  const seen = new Set<number>(), ties: { source: string; target: string; weight: number }[] = [];
  while (ties.length < m) {
    const a = rng.int(n), b = rng.int(n);
    if (a === b || seen.has(Math.min(a, b) * n + Math.max(a, b))) continue;
    seen.add(Math.min(a, b) * n + Math.max(a, b));
    ties.push({ source: ids[a]!, target: ids[b]!, weight: 1 + rng.int(3) });
  }
  return agentNetwork(ids.map((id) => ({ id, type: "firm" })), ties);
}

Deno.test("TieStore keeps rows, tie list and running weight sums consistent through random adds and removals", () => {
  const net = randomNetwork(60, 150, 9);
  const store = new TieStore(net);
  const ref = new Map<string, number>(); // "a b" (a < b) → weight
  for (let a = 0; a < 60; a++) {
    for (let k = net.offsets[a]!; k < net.offsets[a + 1]!; k++) {
      const b = net.neighbours[k]!;
      if (b > a) {
        ref.set(`${a} ${b}`, net.cumulative[k]! - (k > net.offsets[a]! ? net.cumulative[k - 1]! : 0));
      }
    }
  }
  const rng = new Random(4);
  for (let op = 0; op < 3000; op++) {
    if (rng.next() < 0.5 && store.ties > 0) {
      const i = rng.int(store.ties), a = store.tieA[i]!, b = store.tieB[i]!;
      store.remove(i);
      ref.delete(`${Math.min(a, b)} ${Math.max(a, b)}`);
    } else {
      const a = rng.int(60), b = rng.int(60);
      if (a === b || store.has(a, b)) continue;
      const w = 1 + rng.int(3);
      store.add(a, b, w);
      ref.set(`${Math.min(a, b)} ${Math.max(a, b)}`, w);
    }
  }
  assert.equal(store.ties, ref.size);
  const seen = new Map<string, number>();
  for (let a = 0; a < 60; a++) {
    let c = 0;
    for (let k = store.start[a]!; k < store.start[a]! + store.degree[a]!; k++) {
      const b = store.neighbours[k]!, i = store.slotTie[k]!;
      assert.ok(
        (store.tieA[i] === a && store.slotA[i] === k) || (store.tieB[i] === a && store.slotB[i] === k),
      );
      assert.equal(store.tieA[i] === a ? store.tieB[i] : store.tieA[i], b);
      c += store.weight[k]!;
      assert.equal(store.cumulative[k], c);
      const key = `${Math.min(a, b)} ${Math.max(a, b)}`;
      assert.equal(store.weight[k], ref.get(key), key);
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
  }
  assert.equal(seen.size, ref.size);
  assert.ok([...seen.values()].every((v) => v === 2), "every tie at both ends");
});

Deno.test("TieStore starts as the fixed network: the same rows, running sums and partner choice", () => {
  const net = randomNetwork(50, 120, 3);
  const store = new TieStore(net);
  assert.equal(store.ties, 120);
  for (let a = 0; a < 50; a++) {
    const d = net.offsets[a + 1]! - net.offsets[a]!;
    assert.equal(store.degree[a], d);
    for (let k = 0; k < d; k++) {
      assert.equal(store.neighbours[store.start[a]! + k], net.neighbours[net.offsets[a]! + k]);
      assert.equal(store.cumulative[store.start[a]! + k], net.cumulative[net.offsets[a]! + k]);
    }
  }
  // every tie numbered once, from its lower end, with both slots pointing back to it
  for (let i = 0; i < store.ties; i++) {
    const a = store.tieA[i]!, b = store.tieB[i]!;
    assert.ok(a < b);
    assert.deepEqual([store.neighbours[store.slotA[i]!], store.neighbours[store.slotB[i]!]], [b, a]);
    assert.deepEqual([store.slotTie[store.slotA[i]!], store.slotTie[store.slotB[i]!]], [i, i]);
  }
  // a row that outgrows its room moves to the end of the arena, its ties following
  const top = store.top;
  for (let b = 0; b < 50; b++) if (b !== 7 && !store.has(7, b)) store.add(7, b, 1);
  assert.equal(store.degree[7], 49);
  assert.ok(store.start[7]! >= top, "row 7 moved");
  for (let k = store.start[7]!; k < store.start[7]! + 49; k++) {
    const i = store.slotTie[k]!;
    assert.ok(store.slotA[i] === k || store.slotB[i] === k);
  }
});
