/**
 * Data-carrying interactive charts: the output embeds the model results as JSON and the browser draws the
 * chart from them on each slider change with the renderer of `client_render.ts` (see `interactive.ts` for the
 * two modes and their design choices).
 * @module
 */
import { describeValue, ValidationError } from "../core/validation_error.ts";
import type { ClientChart } from "./client_render.ts";
import { sliderGrid, type SliderSpec, type SliderValue, validateSliders } from "./slider.ts";
import { InteractiveFigure } from "./interactive_figure.ts";
import { assembleWidget } from "./widget_html.ts";
import { checkWidgetOptions, renderFrame, type WidgetOptions } from "./interactive.ts";

/** Options of {@link dataInteractive}. */
export interface DataInteractiveOptions<P extends Record<string, SliderValue>> extends WidgetOptions<P> {
  /** The browser-side drawing function of the renderer (`CLR.spiral` or `CLR.quadrant`). */
  readonly chart: ClientChart;
  /** The data the browser draws from (JSON-serialisable; its layout is the chart kind's, see `client/`). */
  readonly data: unknown;
}

/**
 * Build a data-carrying interactive chart: the output embeds `data` as JSON (deflate-compressed and base64
 * by default) plus the small renderer of `client_render.ts`, and the browser redraws the chart from the
 * data on each slider change with `CLR[chart](data, positions, k)` (`positions`: 0-based slider positions,
 * `k`: the row-major grid index, last slider fastest). The initial view inside the HTML and the PNG are the
 * kernel's Observable Plot rendering of `render(initial params)`, so a page without scripts, or a headless
 * run, still shows the chart. Deterministic: the same options give the same bytes.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import * as Plot from "@observablehq/plot";
 * import { dataInteractive, embeddedData } from "clusterlab/advanced";
 * const data = { size: 300, R: 1, title: "spiral", modes: ["S", "E", "C", "I"], colors: ["#000", "#111", "#222", "#333"],
 *   text: { step: "step", knowledge: "K", turns: "turns", growth: "λ" },
 *   runs: [{ phase: [0, 1], knowledge: [1, 2], stage: [0, 0], turns: 0, growthRate: 0.5 }] };
 * const w = dataInteractive({
 *   chart: "spiral",
 *   data,
 *   sliders: { run: { label: { en: "Run", zh: "运行" }, values: [1] } },
 *   render: () => ({ marks: [Plot.dot([[0, 1], [1, 2]])] }),
 * });
 * assert.equal(w.mode, "data");
 * assert.deepEqual(embeddedData(w.toHTML()), data); // the data travel with the widget
 * assert.equal(w.toHTML().split("var CLR=").length, 2); // and the renderer, once
 * ```
 */
export function dataInteractive<P extends Record<string, SliderValue>>(
  options: DataInteractiveOptions<P>,
): InteractiveFigure {
  const { lang = "en", compress = true } = options;
  const entries = Object.entries(options.sliders ?? {}) as [string, SliderSpec][];
  const issues = validateSliders(entries, Number.MAX_SAFE_INTEGER);
  if (options.chart !== "spiral" && options.chart !== "quadrant") {
    issues.push({
      column: "chart",
      expected: '"spiral" or "quadrant"',
      received: describeValue(options.chart),
    });
  }
  checkWidgetOptions(options, issues);
  if (issues.length > 0) throw new ValidationError("options of dataInteractive()", issues);

  const grid = sliderGrid<P>(entries);
  const figureAt = (pos: readonly number[]) =>
    renderFrame(options.render, grid.paramsAt(pos), "dataInteractive()");
  const initial = figureAt(grid.initialPos);
  const json = JSON.stringify(options.data);
  const { html, payloadBytes, htmlBytes } = assembleWidget({
    entries,
    grid,
    lang,
    title: options.title,
    json,
    compress,
    meta: { chart: options.chart },
    frame: initial.toHTML(),
    mode: "data",
  });
  return new InteractiveFigure({
    initial,
    initialParams: grid.paramsAt(grid.initialPos),
    names: grid.names,
    html,
    frames: [],
    map: [],
    dims: grid.dims,
    stats: {
      frames: grid.total,
      uniqueFrames: 1,
      rawBytes: new TextEncoder().encode(json).length,
      payloadBytes,
      htmlBytes,
    },
    description: options.description ?? options.title?.en ?? "ClusterLab interactive figure",
    mode: "data",
    renderAt: (pos) => figureAt(pos).toHTML(),
  });
}
