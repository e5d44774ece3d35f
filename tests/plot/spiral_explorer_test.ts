import assert from "node:assert/strict";
import { spiralExplorer, spiralRadius } from "../../src/plot/spiral_explorer.ts";
import { simulateSpiral } from "../../src/models/seci.ts";
import { ValidationError } from "../../src/data/validation_error.ts";

Deno.test("spiralRadius() is log2(1 + K/K0): 1 at the start, +1 per doubling of 1 + K/K0", () => {
  assert.equal(spiralRadius(1, 1), 1);
  assert.equal(spiralRadius(3, 1), 2);
  assert.equal(spiralRadius(14, 2), 3);
});

Deno.test("spiralExplorer(): one frame per public share × rate, each showing that run's turns and growth", () => {
  const w = spiralExplorer({
    publicShares: [0, 0.5, 1],
    rates: [0.04, 0.12],
    rateMode: "combination",
    model: { steps: 30 },
    lang: "zh",
  });
  assert.equal(w.stats.frames, 6);
  assert.equal(w.stats.uniqueFrames, 6);
  assert.deepEqual(w.initialParams, { publicShare: 0.5, rate: 0.04 });
  for (const [i, p] of [0, 0.5, 1].entries()) {
    for (const [j, r] of [0.04, 0.12].entries()) {
      const res = simulateSpiral({ steps: 30, publicShare: p, rates: { combination: r } });
      const html = w.frameHTML([i, j]);
      assert.ok(
        html.includes(`圈数 ${res.turns} · 增长率 λ = ${res.growthRate.toFixed(3)}`),
        `frame ${p}, ${r}: expected turns ${res.turns}, λ ${res.growthRate}`,
      );
    }
  }
  const html = w.toHTML();
  assert.ok(html.includes("公共权力份额") && html.includes("组合化速率") && html.includes("社会化"));
  assert.equal(w.toPNG()[1], 0x50); // a PNG of the initial frame
});

Deno.test("spiralExplorer(): more public power changes the spiral (public power raises E and C)", () => {
  const w = spiralExplorer({ publicShares: [0, 1], rates: [0.08] });
  assert.notEqual(w.frameHTML([0, 0]), w.frameHTML([1, 0]));
  const priv = simulateSpiral({ steps: 40, publicShare: 0 });
  const pub = simulateSpiral({ steps: 40, publicShare: 1 });
  assert.ok(w.frameHTML([0, 0]).includes(`λ = ${priv.growthRate.toFixed(3)}`));
  assert.ok(w.frameHTML([1, 0]).includes(`λ = ${pub.growthRate.toFixed(3)}`));
});

Deno.test("spiralExplorer(): bad options are a ValidationError naming the option", () => {
  assert.throws(
    () => spiralExplorer({ publicShares: [0, 1.5], rateMode: "teaching" as never, rates: [-1], size: 10 }),
    (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.deepEqual(e.issues.map((i) => i.column), ["rateMode", "publicShares", "rates", "size"]);
      return true;
    },
  );
});
