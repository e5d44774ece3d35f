/**
 * Speed and size of the interactive charts (issue 7), in both modes: "frames" renders every frame of the
 * slider grid in the kernel, "data" renders one static frame and embeds the model results for the browser;
 * building a widget must stay well under the "first plot within a few seconds" budget. The sizes
 * (KB of HTML per widget) are printed once, before the benchmarks run.
 *
 *   deno bench -A bench/interactive_bench.ts
 */
import * as Plot from "@observablehq/plot";
import { interactive } from "../src/notebook/interactive.ts";
import { sliderRange } from "../src/notebook/slider.ts";
import { spiralExplorer } from "../src/notebook/spiral_explorer.ts";
import { quadrantExplorer } from "../src/notebook/quadrant_explorer.ts";
import { Random } from "../src/core/random.ts";

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
    ["spiralExplorer() default, frames: 11 public shares × 5 rates", spiralExplorer({ mode: "frames" })],
    ["spiralExplorer() default, data: 11 public shares × 5 rates", spiralExplorer()],
    [
      "quadrantExplorer(), frames: 31 entities × 12 years × 9 thresholds",
      quadrantExplorer(panel, { highlight: ["p0"], mode: "frames" }),
    ],
    [
      "quadrantExplorer(), data: 31 entities × 12 years × 9 thresholds",
      quadrantExplorer(panel, { highlight: ["p0"] }),
    ],
  ] as const
) {
  const s = w.stats;
  console.log(
    `${name}: ${s.frames} slider positions (${s.uniqueFrames} distinct rendered), raw frames or data ${
      kb(s.rawBytes)
    } → payload ` +
      `${kb(s.payloadBytes)}, widget HTML ${kb(s.htmlBytes)}`,
  );
}

Deno.bench("spiralExplorer(), frames: default grid, 55 frames (SECI runs + Plot frames + deflate)", () => {
  spiralExplorer({ mode: "frames" });
});

Deno.bench(
  "spiralExplorer(), data: default grid, 55 runs (SECI runs + 1 Plot frame + JSON + deflate)",
  () => {
    spiralExplorer();
  },
);

Deno.bench("quadrantExplorer(), frames: 31 entities × 12 years × 9 thresholds = 108 frames", () => {
  quadrantExplorer(panel, { highlight: ["p0"], mode: "frames" });
});

Deno.bench("quadrantExplorer(), data: 31 entities × 12 years × 9 thresholds (1 Plot frame + JSON)", () => {
  quadrantExplorer(panel, { highlight: ["p0"] });
});

Deno.bench("interactive(): 100 frames of a 30-point line chart", () => {
  interactive({
    sliders: { rate: { label: { en: "Rate", zh: "速率" }, values: sliderRange(0.01, 1, 0.01) } },
    render: ({ rate }) => ({ marks: [Plot.lineY(Array.from({ length: 30 }, (_, t) => Math.exp(rate * t)))] }),
  });
});
