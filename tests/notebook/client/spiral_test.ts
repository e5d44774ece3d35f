import assert from "node:assert/strict";
import { drawSpiral, type SpiralExplorerData, spiralRadius } from "../../../src/notebook/client/spiral.ts";

Deno.test("spiralRadius() is log2(1 + K/K0): 1 at the start, +1 per doubling of 1 + K/K0", () => {
  assert.equal(spiralRadius(1, 1), 1);
  assert.equal(spiralRadius(3, 1), 2);
  assert.equal(spiralRadius(14, 2), 3);
});

const data: SpiralExplorerData = {
  size: 220,
  R: 2,
  title: "spiral <test>",
  modes: ["S", "E", "C", "I"],
  colors: ["#a00", "#0a0", "#00a", "#aa0"],
  text: { step: "step", knowledge: "K", turns: "turns", growth: "λ" },
  runs: [{
    phase: [0, Math.PI / 2, Math.PI, 2 * Math.PI],
    knowledge: [1, 1, 3, 7],
    stage: [0, 1, 1, 3],
    turns: 1,
    growthRate: 0.6931,
  }],
};

Deno.test("drawSpiral(): polar mapping, one point per step, one segment per run of a conversion", () => {
  const s = drawSpiral(data, [0], 0);
  assert.match(s, /^<svg [^>]*aria-label="spiral &lt;test&gt;"/);
  assert.equal(s.match(/class="clr-point"/g)?.length, 4);
  // stages 0 | 1 1 | 3: segments start at steps 0 and 1, the last step only ends a segment
  assert.equal(s.match(/class="clr-seg"/g)?.length, 2);
  // step 2: radius log2(1 + 3) = 2 at phase π → x = 10 + (−2 + 2)/4 · 200 = 10, y = centre 110
  assert.match(
    s,
    /<circle cx="10" cy="110" r="2" fill="#0a0" class="clr-point"><title>step 2: E, K = 3.000<\/title>/,
  );
  assert.ok(s.includes(">turns 1 · λ = 0.693</text>"));
  assert.match(s, /<circle cx="[\d.]+" cy="[\d.]+" r="5" fill="black" class="clr-end">/);
});
