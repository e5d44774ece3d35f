/**
 * The knowledge spiral drawn in the browser (the data mode of `spiralExplorer`): the data a widget carries
 * ({@link SpiralExplorerData}) and {@link drawSpiral}, which draws one run of it as SVG. Copied into the page
 * by source (see `client_render.ts`), so every function here is self-contained.
 * @module
 */
import { circle, lin, path, rule, svg, text } from "./svg.ts";

/** One run of `simulateSpiral` as carried by a data-mode spiral explorer (full precision). */
export interface SpiralExplorerRun {
  /** Cumulative phase of the S→E→C→I cycle per step (radians): `cycle.phase`. */
  readonly phase: number[];
  /** Total knowledge K per step: `cycle.knowledge` (the radius is log₂(1 + K/K₀), {@link spiralRadius}). */
  readonly knowledge: number[];
  /** The conversion in progress per step, as an index into `SECI_MODES`: `cycle.stage`. */
  readonly stage: number[];
  /** Turns completed. */
  readonly turns: number;
  /** Growth rate λ of the run. */
  readonly growthRate: number;
}

/** The JSON a data-mode spiral explorer embeds (the browser's `CLR.spiral` draws it). */
export interface SpiralExplorerData {
  /** Chart size (px), square. */
  readonly size: number;
  /** Half-width of the shared axes (radius units): 1.08 × the largest radius over all runs. */
  readonly R: number;
  /** Chart title (aria label) in the chosen language. */
  readonly title: string;
  /** Labels of the four conversions in `SECI_MODES` order, in the chosen language. */
  readonly modes: string[];
  /** Colours of the four conversions. */
  readonly colors: string[];
  /** Words of the tooltips and caption in the chosen language. */
  readonly text: { step: string; knowledge: string; turns: string; growth: string };
  /** One run per slider position, row-major (public share × rate, rate fastest). */
  readonly runs: SpiralExplorerRun[];
}

/**
 * Spiral radius for knowledge K with initial knowledge K₀ (design choice, so that exponential growth stays
 * readable): log₂(1 + K/K₀), 1 at the start and +1 for every doubling of 1 + K/K₀.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { spiralRadius } from "clusterlab/advanced";
 * assert.equal(spiralRadius(1, 1), 1);
 * assert.equal(spiralRadius(3, 1), 2);
 * ```
 */
export function spiralRadius(K: number, K0: number): number {
  return Math.log2(1 + K / K0);
}

/**
 * Draw run `k` of the data (grid index, row-major over the sliders; `pos`, the slider positions, is not
 * needed): polar mapping angle = SECI phase, radius = {@link spiralRadius}, on axes shared by every run
 * (±R, 10 px margin); segments coloured by conversion, one point per step with its tooltip, the start
 * (white) and end (black) points, the quadrant names and the caption "turns … · growth rate λ = …".
 */
export function drawSpiral(d: SpiralExplorerData, _pos: readonly number[], k: number): string {
  const run = d.runs[k]!, S = d.size, m = 10, R = d.R;
  const sx = lin(-R, R, m, S - m), sy = lin(-R, R, S - m, m);
  const K0 = run.knowledge[0]!, n = run.phase.length;
  const pts: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const r = spiralRadius(run.knowledge[i]!, K0);
    pts.push([sx(r * Math.cos(run.phase[i]!)), sy(r * Math.sin(run.phase[i]!))]);
  }
  let b = rule(sx(0), m, sx(0), S - m, { stroke: "#ccc" }) + rule(m, sy(0), S - m, sy(0), { stroke: "#ccc" });
  for (let q = 0; q < 4; q++) {
    const a = (q + 0.5) * Math.PI / 2;
    b += text(sx(R * 0.93 * Math.cos(a)), sy(R * 0.93 * Math.sin(a)) + 4, d.modes[q]!, {
      fill: d.colors[q],
      "font-size": 13,
      "font-weight": "bold",
      "text-anchor": "middle",
      class: "clr-mode",
    });
  }
  // one path per run of steps in the same conversion, ending at the first step of the next
  for (let i0 = 0; i0 < n - 1;) {
    let j = i0;
    while (j + 1 < n - 1 && run.stage[j + 1] === run.stage[i0]) j++;
    b += path(pts.slice(i0, j + 2), {
      stroke: d.colors[run.stage[i0]!],
      "stroke-width": 2.5,
      class: "clr-seg",
    });
    i0 = j + 1;
  }
  for (let i = 0; i < n; i++) {
    b += circle(
      pts[i]![0],
      pts[i]![1],
      2,
      { fill: d.colors[run.stage[i]!], class: "clr-point" },
      d.text.step + " " + i + ": " + d.modes[run.stage[i]!] + ", " + d.text.knowledge + " = " +
        run.knowledge[i]!.toPrecision(4),
    );
  }
  b += circle(pts[0]![0], pts[0]![1], 4, { fill: "white", stroke: "black", class: "clr-start" });
  b += circle(pts[n - 1]![0], pts[n - 1]![1], 5, { fill: "black", class: "clr-end" });
  b += text(
    S / 2,
    S - 6,
    d.text.turns + " " + run.turns + " · " + d.text.growth + " = " + run.growthRate.toFixed(3),
    { "font-size": 12, "text-anchor": "middle", class: "clr-summary" },
  );
  return svg(S, S, d.title, b);
}
