import assert from "node:assert/strict";
import { mulberry32, Random } from "../../src/core/random.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

Deno.test("Random follows the mulberry32 reference output for seeds 1 and 42", () => {
  // Independent Python port of the reference (Ettinger 2017): the first output for seeds 1 and 42.
  assert.equal(new Random(1).next(), 0.6270739405881613);
  assert.equal(new Random(42).next(), 0.6011037519201636);
  // uint32 is the raw output: next() = uint32() / 2³², and both advance the same state.
  const a = new Random(1), b = new Random(1);
  for (let k = 0; k < 5; k++) assert.equal(a.uint32() / 4294967296, b.next());
});

Deno.test("Random.stream() is next() bound to the generator: the same numbers, the same state", () => {
  const a = new Random(42), b = new Random(42);
  const draw = a.stream();
  assert.equal(draw(), b.next());
  assert.equal(a.next(), b.next()); // the stream advanced `a`
  assert.equal(draw(), b.next());
});

Deno.test("Random.runSeed(): the splitmix32-style seed of run r (hand-traced values), validated", () => {
  // fmix32(seed + (r + 1)·0x9e3779b9), traced by hand in Python (32-bit wrap-around arithmetic).
  const ref = (seed: number, r: number) => {
    let z = Number((BigInt(seed) + BigInt(r + 1) * 0x9e3779b9n) % 2n ** 32n);
    const mul = (x: number, y: number) => Number((BigInt(x) * BigInt(y)) % 2n ** 32n);
    z = mul((z ^ (z >>> 16)) >>> 0, 0x85ebca6b);
    z = mul((z ^ (z >>> 13)) >>> 0, 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  for (const [seed, r] of [[1, 0], [1, 1], [0, 0], [0xffffffff, 7], [123456789, 999]]) {
    assert.equal(Random.runSeed(seed!, r!), ref(seed!, r!), `seed ${seed}, run ${r}`);
  }
  // the same values from an independent Python port: 2527132011, 314344336 (seed 1) and 2462723854 (seed 0)
  assert.deepEqual([Random.runSeed(1, 0), Random.runSeed(1, 1), Random.runSeed(0, 0)], [
    2527132011,
    314344336,
    2462723854,
  ]);
  assert.throws(() => Random.runSeed(-1, 0), ValidationError);
  assert.throws(() => Random.runSeed(1, -1), ValidationError);
  assert.throws(() => Random.runSeed(1, 0.5), ValidationError);
});

Deno.test("Random: same seed, same stream; different seed, different stream", () => {
  const a = new Random(42), b = new Random(42), c = new Random(43);
  const xa = Array.from({ length: 10 }, () => a.next());
  const xb = Array.from({ length: 10 }, () => b.next());
  const xc = Array.from({ length: 10 }, () => c.next());
  assert.deepEqual(xa, xb);
  assert(xa.some((v, i) => v !== xc[i]));
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
    const x = r.normal({ mean: 2, sd: 3 });
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

Deno.test("Random.normal(mean, sd): the 0.1 form draws the same numbers as normal({ mean, sd })", () => {
  const a = new Random(5), b = new Random(5);
  for (let k = 0; k < 4; k++) assert.equal(a.normal(2, 3), b.normal({ mean: 2, sd: 3 }));
  assert.equal(new Random(9).normal(2), new Random(9).normal({ mean: 2 })); // sd defaults to 1
});

Deno.test("mulberry32(seed): the deprecated 0.1 building block is the stream of new Random(seed)", () => {
  const next = mulberry32(42), r = new Random(42);
  for (let k = 0; k < 5; k++) assert.equal(next(), r.next());
  assert.equal(mulberry32(1)(), 0.6270739405881613); // the reference output of seed 1
  assert.equal(mulberry32(2 ** 32 + 1)(), mulberry32(1)()); // the seed taken as uint32, as in 0.1
});
