/**
 * Interactive charts without kernel callbacks. The Deno kernel has no frontend→kernel comms, so everything
 * the browser needs travels in one self-contained HTML output with `<input type="range">` sliders and a few
 * lines of vanilla JavaScript: no network, no external script, no library in the browser. Two modes:
 *
 * - **frames** ({@link interactive}): every frame of a parameter grid is rendered in the kernel (one
 *   Observable Plot figure per combination of slider values) and embedded; the browser swaps pictures.
 * - **data** (`dataInteractive`, the default of `spiralExplorer` and `quadrantExplorer`):
 *   the output carries the model results as JSON plus a small renderer (`CLIENT_RENDER_JS` of
 *   `client_render.ts`, inlined once per output), and the browser draws the chart from the data on each slider change (for the
 *   quadrant it also recomputes each entity's quadrant and the counts from the rule carried in the data).
 *
 * 交互图表：「帧」模式在内核中预先计算参数网格上的每一帧，浏览器切换图片；「数据」模式嵌入模型结果，浏览器在
 * 拖动滑块时根据数据重新绘制图表。两种模式均无需网络。
 *
 * Degrading: the Jupyter MIME bundle carries `text/html` (the interactive widget: scripts run in trusted
 * notebooks, VS Code and nbconvert HTML), `image/png` of the initial view (for headless and untrusted
 * views) and `text/plain`. Inside the HTML the initial view is the kernel's inline SVG in both modes, and
 * the sliders stay hidden until the script has decoded the payload, so a view without scripts shows a
 * static chart and a short note.
 *
 * Design choices (no published rule): frames mode trades size for fidelity (each frame is exactly the
 * static Plot chart; identical frames are stored once), and suits any chart; data mode trades fidelity for
 * size and build time (one Plot frame in the kernel, the rest drawn by a compact renderer that imitates
 * the Plot chart: straight segments instead of Plot's Catmull-Rom curve in the spiral, its own tick
 * layout), and exists for the two explorers (the renderer knows their layouts). Embedded numbers keep full
 * precision (JSON's shortest round-trip form); only pixel coordinates are rounded, to 0.01 px, when drawn.
 * Payloads are compressed with the browser's built-in `DecompressionStream("deflate-raw")` (Chromium 80+,
 * Firefox 113+, Safari 16.4+), with `compress: false` for plain JSON. No `eval`/`Function`: the renderer is
 * ordinary inline script code (the source of the functions in `src/notebook/client/`) and the data are parsed
 * with `JSON.parse`.
 * @module
 */
import type * as Plot from "../deps/plot.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../core/validation_error.ts";
import type { Bilingual, Lang } from "../core/i18n.ts";
import { Figure, plot } from "../plot/figure.ts";
import {
  type SliderGrid,
  sliderGrid,
  type SliderSpec,
  type SliderSpecs,
  type SliderValue,
  validateSliders,
} from "./slider.ts";
import { InteractiveFigure } from "./interactive_figure.ts";
import { assembleWidget } from "./widget_html.ts";

/**
 * Observable Plot's own options (`PlotOptions` of npm:@observablehq/plot). A local alias because
 * `deno doc --lint` flags the types of other packages as private (denoland/deno#27364).
 * @internal
 */
type PlotOptions = Plot.PlotOptions;

/** What both kinds of interactive chart take ({@link interactive}, `dataInteractive`). */
export interface WidgetOptions<P extends Record<string, SliderValue>> {
  /** Sliders keyed by parameter name. */
  readonly sliders: SliderSpecs<P>;
  /**
   * Draw one slider position in the kernel: Observable Plot options (rendered with {@link plot}) or a ready
   * {@link Figure}. Every frame in frames mode; in data mode the static initial view (inside the HTML and as
   * the PNG) and `frameHTML`.
   */
  readonly render: (params: P) => Figure | PlotOptions;
  /** Title shown above the sliders. */
  readonly title?: Bilingual;
  /** Language of the title, slider labels and note (default "en"). */
  readonly lang?: Lang;
  /** Text for `text/plain` (default: the title in English). */
  readonly description?: string;
  /** Deflate-compress the embedded frames or data (default true). */
  readonly compress?: boolean;
}

/** Options of {@link interactive}. */
export interface InteractiveOptions<P extends Record<string, SliderValue>> extends WidgetOptions<P> {
  /** Most frames allowed (default 400): the product of the slider lengths may not exceed it. */
  readonly maxFrames?: number;
}

/** Checks both modes share: the sliders (`issues` from {@link validateSliders}), `lang` and `render`. */
export function checkWidgetOptions(
  options: { readonly lang?: unknown; readonly render?: unknown },
  issues: ValidationIssue[],
): ValidationIssue[] {
  const { lang = "en" } = options;
  if (lang !== "en" && lang !== "zh") {
    issues.push({ column: "lang", expected: '"en" or "zh"', received: describeValue(lang) });
  }
  if (typeof options.render !== "function") {
    issues.push({ column: "render", expected: "a function", received: describeValue(options.render) });
  }
  return issues;
}

/** Call `render` and turn Plot options into a {@link Figure}; an error names the parameters. */
export function renderFrame<P>(
  render: (params: P) => Figure | PlotOptions,
  params: P,
  where: string,
): Figure {
  try {
    const out = render(params);
    return out instanceof Figure ? out : plot(out);
  } catch (e) {
    throw new Error(`${where}: rendering the frame ${JSON.stringify(params)} failed: ${e}`, { cause: e });
  }
}

/** Every frame of the grid, identical frames stored once; the initial frame's figure. */
function renderFrames<P extends Record<string, SliderValue>>(
  options: InteractiveOptions<P>,
  grid: SliderGrid<P>,
): { frames: string[]; map: number[]; initial: Figure } {
  const { dims, total } = grid;
  const frames: string[] = [];
  const map: number[] = new Array(total);
  const seen = new Map<string, number>();
  let initial: Figure | undefined;
  for (let k = 0; k < total; k++) {
    const pos = new Array<number>(dims.length);
    let rest = k;
    for (let i = dims.length - 1; i >= 0; i--) {
      pos[i] = rest % dims[i]!;
      rest = Math.floor(rest / dims[i]!);
    }
    const fig = renderFrame(options.render, grid.paramsAt(pos), "interactive()");
    const html = fig.toHTML();
    let f = seen.get(html);
    if (f === undefined) {
      f = frames.length;
      frames.push(html);
      seen.set(html, f);
    }
    map[k] = f;
    if (k === grid.initialIndex) initial = fig;
  }
  return { frames, map, initial: initial! };
}

/**
 * Build an interactive chart: `render` is called once per combination of slider values (in row-major
 * order over the sliders, the last slider varying fastest), and the frames are embedded in one
 * self-contained HTML output. Deterministic: the same options give the same bytes.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import * as Plot from "@observablehq/plot";
 * import { interactive } from "clusterlab";
 * const w = interactive({
 *   title: { en: "Growth", zh: "增长" },
 *   lang: "zh",
 *   sliders: { rate: { label: { en: "Rate", zh: "增长率" }, values: [0.1, 0.2, 0.3] } },
 *   render: ({ rate }) => ({ marks: [Plot.lineY([0, 1, 2, 3].map((t) => Math.exp(rate * t)))] }),
 * });
 * assert.equal(w.stats.frames, 3); // one frame per slider value
 * assert.equal(w.mode, "frames");
 * assert.ok(w.toHTML().includes(">增长率</span>")); // the slider's label, in Chinese
 * assert.notEqual(w.frameHTML([0]), w.frameHTML([2]));
 * ```
 */
export function interactive<P extends Record<string, SliderValue>>(
  options: InteractiveOptions<P>,
): InteractiveFigure {
  const { lang = "en", maxFrames = 400, compress = true } = options;
  const entries = Object.entries(options.sliders ?? {}) as [string, SliderSpec][];
  const issues = checkWidgetOptions(options, validateSliders(entries, maxFrames));
  if (issues.length > 0) throw new ValidationError("options of interactive()", issues);

  const grid = sliderGrid<P>(entries);
  const { frames, map, initial } = renderFrames(options, grid);
  const json = JSON.stringify(frames);
  const { html, payloadBytes, htmlBytes } = assembleWidget({
    entries,
    grid,
    lang,
    title: options.title,
    json,
    compress,
    meta: { map },
    frame: frames[map[grid.initialIndex]!]!,
    mode: "frames",
  });
  return new InteractiveFigure({
    initial,
    initialParams: grid.paramsAt(grid.initialPos),
    names: grid.names,
    html,
    frames,
    map,
    dims: grid.dims,
    stats: {
      frames: grid.total,
      uniqueFrames: frames.length,
      rawBytes: frames.reduce((n, f) => n + new TextEncoder().encode(f).length, 0),
      payloadBytes,
      htmlBytes,
    },
    description: options.description ?? options.title?.en ?? "ClusterLab interactive figure",
  });
}
