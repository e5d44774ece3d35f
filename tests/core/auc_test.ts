import assert from "node:assert/strict";
import { rocAuc } from "../../src/core/auc.ts";
import { Random } from "../../src/core/random.ts";

/** Every positive × negative pair: 1 when ordered right, ½ when tied (the definition). */
function pairwise(s: number[], y: number[]): number {
  let u = 0, pairs = 0;
  for (let i = 0; i < s.length; i++) {
    for (let j = 0; j < s.length; j++) {
      if (y[i] !== 1 || y[j] !== 0) continue;
      pairs++;
      u += s[i]! > s[j]! ? 1 : s[i] === s[j] ? 0.5 : 0;
    }
  }
  return u / pairs;
}

Deno.test("rocAuc: the Mann–Whitney count over all pairs, ties half, on seeded data with many ties", () => {
  const rng = new Random(11);
  for (let rep = 0; rep < 20; rep++) {
    const n = 5 + rng.int(60);
    const s = Array.from({ length: n }, () => rng.int(6) / 5); // six distinct values: many ties
    const y = s.map((v) => (rng.next() < 0.3 + 0.4 * v ? 1 : 0));
    if (!y.includes(0) || !y.includes(1)) continue;
    assert.ok(Math.abs(rocAuc(s, y) - pairwise(s, y)) < 1e-15);
  }
});

Deno.test("rocAuc: perfect, reversed and uninformative scores; NaN without both outcomes; bad input", () => {
  assert.equal(rocAuc([1, 2, 3, 4], [0, 0, 1, 1]), 1);
  assert.equal(rocAuc([4, 3, 2, 1], [0, 0, 1, 1]), 0);
  assert.equal(rocAuc([0.3, 0.3, 0.3, 0.3], [0, 1, 0, 1]), 0.5);
  assert.ok(Number.isNaN(rocAuc([1, 2], [1, 1])));
  assert.throws(() => rocAuc([1, 2], [0, 2]), RangeError);
  assert.throws(() => rocAuc([1, NaN], [0, 1]), RangeError);
  assert.throws(() => rocAuc([1, 2], [0]), RangeError);
});
