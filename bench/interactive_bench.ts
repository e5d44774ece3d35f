/**
 * Speed and size of the interactive charts (issue 7): every frame of the slider grid is rendered in the
 * kernel, so building a widget must stay well under the "first plot within a few seconds" budget. The sizes
 * (KB of HTML per widget) are printed once, before the benchmarks run.
 *
 *   deno bench -A bench/interactive_bench.ts
 */
import * as Plot from "@observablehq/plot";
import { interactive, sliderRange } from "../src/plot/interactive.ts";
import { spiralExplorer } from "../src/plot/spiral_explorer.ts";
import { quadrantExplorer } from "../src/plot/quadrant_explorer.ts";
import { Random } from "../src/models/random.ts";

// A China-sized governance panel: 31 provinces × 12 years, seeded.
const rng = new Random(7);
const panel = Array.from({ length: 31 * 12 }, (_, i) => ({
  entity: `p${i % 31}`,
  year: 2011 + Math.floor(i / 31),
  K: rng.next(),
  A: rng.next(),
}));

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
for (
  const [name, w] of [
    ["spiralExplorer() default: 11 public shares × 5 rates", spiralExplorer()],
    [
      "quadrantExplorer(): 31 entities × 12 years × 9 thresholds",
      quadrantExplorer(panel, { highlight: ["p0"] }),
    ],
  ] as const
) {
  const s = w.stats;
  console.log(
    `${name}: ${s.frames} frames (${s.uniqueFrames} distinct), frames ${kb(s.rawBytes)} → payload ` +
      `${kb(s.payloadBytes)}, widget HTML ${kb(s.htmlBytes)}`,
  );
}

Deno.bench("spiralExplorer(): default grid, 55 frames (SECI runs + Plot frames + deflate)", () => {
  spiralExplorer();
});

Deno.bench("quadrantExplorer(): 31 entities × 12 years × 9 thresholds = 108 frames", () => {
  quadrantExplorer(panel, { highlight: ["p0"] });
});

Deno.bench("interactive(): 100 frames of a 30-point line chart", () => {
  interactive({
    sliders: { rate: { label: { en: "Rate", zh: "速率" }, values: sliderRange(0.01, 1, 0.01) } },
    render: ({ rate }) => ({ marks: [Plot.lineY(Array.from({ length: 30 }, (_, t) => Math.exp(rate * t)))] }),
  });
});
