import assert from "node:assert/strict";
import { mulberry32, Random } from "../../src/models/random.ts";
import { ValidationError } from "../../src/data/validation_error.ts";

Deno.test("mulberry32 matches the reference output for seed 1", () => {
  // Independent Python port of the reference (Ettinger 2017): seeds 1 and 42.
  const next = mulberry32(1);
  assert.equal(next(), 0.6270739405881613);
  assert.equal(mulberry32(42)(), 0.6011037519201636);
});

Deno.test("Random: same seed, same stream; different seed, different stream", () => {
  const a = new Random(42), b = new Random(42), c = new Random(43);
  const xa = Array.from({ length: 10 }, () => a.next());
  const xb = Array.from({ length: 10 }, () => b.next());
  const xc = Array.from({ length: 10 }, () => c.next());
  assert.deepEqual(xa, xb);
  assert(xa.some((v, i) => v !== xc[i]));
  const ref = mulberry32(42);
  assert.deepEqual(xa, Array.from({ length: 10 }, () => ref()));
});

Deno.test("Random: uniform moments, int range, normal moments", () => {
  const r = new Random(123);
  const n = 200_000;
  let s = 0, s2 = 0;
  for (let i = 0; i < n; i++) {
    const u = r.next();
    assert(u >= 0 && u < 1);
    s += u;
    s2 += u * u;
  }
  const mean = s / n, v = s2 / n - mean * mean;
  assert(Math.abs(mean - 0.5) < 0.005, `mean ${mean}`);
  assert(Math.abs(v - 1 / 12) < 0.002, `var ${v}`);
  const counts = new Int32Array(6);
  for (let i = 0; i < 60_000; i++) counts[r.int(6)]++;
  for (const c of counts) assert(Math.abs(c - 10_000) < 400, `count ${c}`);
  let z = 0, z2 = 0;
  for (let i = 0; i < n; i++) {
    const x = r.normal(2, 3);
    z += x;
    z2 += x * x;
  }
  const zm = z / n, zv = z2 / n - zm * zm;
  assert(Math.abs(zm - 2) < 0.03, `normal mean ${zm}`);
  assert(Math.abs(zv - 9) < 0.15, `normal var ${zv}`);
});

Deno.test("Random: shuffle is a permutation; fork is deterministic", () => {
  const r = new Random(5);
  const a = r.shuffle(Int32Array.from({ length: 100 }, (_, i) => i));
  assert.deepEqual([...a].sort((x, y) => x - y), Array.from({ length: 100 }, (_, i) => i));
  assert.deepEqual(new Random(9).fork().next(), new Random(9).fork().next());
  // Fisher–Yates is uniform: each of the 3! = 6 orders of (0, 1, 2) has probability 1/6. With 6000 shuffles
  // the count's s.d. is √(6000·(1/6)·(5/6)) ≈ 29; ±150 (> 5 s.d.) cannot fail by chance for this seed.
  const counts = new Map<string, number>();
  const u = new Random(11);
  for (let k = 0; k < 6000; k++) {
    const key = u.shuffle([0, 1, 2]).join("");
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  assert.deepEqual([...counts.keys()].sort(), ["012", "021", "102", "120", "201", "210"]);
  for (const [key, c] of counts) assert.ok(Math.abs(c - 1000) < 150, `${key}: ${c} of 6000`);
});

Deno.test("Random: invalid seed and n are ValidationErrors", () => {
  assert.throws(() => new Random(-1), ValidationError);
  assert.throws(() => new Random(1.5), ValidationError);
  assert.throws(() => new Random(1).int(0), ValidationError);
});
