/**
 * Interactive charts without kernel callbacks. The Deno kernel has no frontend→kernel comms, so everything
 * the browser needs travels in one self-contained HTML output with `<input type="range">` sliders and a few
 * lines of vanilla JavaScript: no network, no external script, no library in the browser. Two modes:
 *
 * - **frames** ({@link interactive}): every frame of a parameter grid is rendered in the kernel (one
 *   Observable Plot figure per combination of slider values) and embedded; the browser swaps pictures.
 * - **data** ({@link dataInteractive}, the default of {@link spiralExplorer} and {@link quadrantExplorer}):
 *   the output carries the model results as JSON plus a small renderer ({@link CLIENT_RENDER_JS}, inlined
 *   once per output), and the browser draws the chart from the data on each slider change (for the
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
 * ordinary inline script code and the data are parsed with `JSON.parse`.
 * @module
 */
import type * as Plot from "@observablehq/plot";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { describeValue, ValidationError, type ValidationIssue } from "../data/validation_error.ts";
import type { Bilingual, Lang } from "../i18n.ts";
import { CLIENT_RENDER_JS, type ClientChart } from "./client_render.ts";
import { Figure, plot } from "./figure.ts";
import { base64, DISPLAY, escapeHTML, type MimeBundle } from "./jupyter.ts";

/**
 * Observable Plot's own options (`PlotOptions` of npm:@observablehq/plot). A local alias because
 * `deno doc --lint` flags the types of other packages as private (denoland/deno#27364).
 * @internal
 */
type PlotOptions = Plot.PlotOptions;

/** A value a slider can take. */
export type SliderValue = number | string;

/** One slider: a label in both languages and the ordered values it steps through. */
export interface SliderSpec<V extends SliderValue = SliderValue> {
  /** The slider's label (English and Chinese). */
  readonly label: Bilingual;
  /** The values, in slider order (at least one, no duplicates; numbers must be finite). */
  readonly values: readonly V[];
  /** The value shown first (default: the first value). Must be one of `values`. */
  readonly initial?: V;
  /** How a value is written next to the slider (default `String(value)`). */
  readonly format?: (value: V) => string;
}

/** The sliders of an interactive chart, keyed by parameter name (the object's key order is the slider order). */
export type SliderSpecs<P extends Record<string, SliderValue>> = {
  readonly [K in keyof P]: SliderSpec<P[K]>;
};

/** Options of {@link interactive}. */
export interface InteractiveOptions<P extends Record<string, SliderValue>> {
  /** Sliders keyed by parameter name. */
  readonly sliders: SliderSpecs<P>;
  /** Draw one frame: Observable Plot options (rendered with {@link plot}) or a ready {@link Figure}. */
  readonly render: (params: P) => Figure | PlotOptions;
  /** Title shown above the sliders. */
  readonly title?: Bilingual;
  /** Language of the title, slider labels and note (default "en"). */
  readonly lang?: Lang;
  /** Text for `text/plain` (default: the title in English). */
  readonly description?: string;
  /** Most frames allowed (default 400): the product of the slider lengths may not exceed it. */
  readonly maxFrames?: number;
  /** Deflate-compress the embedded frames (default true). */
  readonly compress?: boolean;
}

/** How an interactive chart re-renders: swap precomputed frames, or draw from embedded data in the browser. */
export type InteractiveMode = "frames" | "data";

/** Sizes of an interactive chart's HTML, in bytes. */
export interface InteractiveStats {
  /** Grid points (product of the slider lengths). */
  readonly frames: number;
  /** Distinct frames stored after removing duplicates (data mode: 1, the server-rendered initial view). */
  readonly uniqueFrames: number;
  /** Bytes of the distinct frames' HTML before encoding (data mode: bytes of the data's JSON). */
  readonly rawBytes: number;
  /** Bytes of the embedded payload (base64 of deflate, or JSON). */
  readonly payloadBytes: number;
  /** Bytes of the whole `text/html` output (UTF-8). */
  readonly htmlBytes: number;
}

const UI = {
  note: {
    en: "Interactive chart: the sliders appear when JavaScript runs (trusted notebook, VS Code or the HTML " +
      "report). This is the initial frame.",
    zh:
      "交互图表：运行 JavaScript 时（受信任的笔记本、VS Code 或 HTML 报告）会出现滑块。当前显示的是初始帧。",
  },
  play: { en: "Play", zh: "播放" },
} as const satisfies Record<string, Bilingual>;

/** FNV-1a hash, hex (deterministic element ids). */
function fnv(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

/** JSON safe inside a `<script>` element. */
function scriptJSON(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(
    /\u2029/g,
    "\\u2029",
  );
}

/**
 * The browser side: decode the payload, reveal the sliders, and on each slider change either swap the
 * precomputed frame (frames mode) or draw the chart from the data with the inlined renderer `CLR` (data
 * mode, `meta.chart` names the drawing function). Plain ES2018, no globals besides the renderer's `CLR`,
 * which is scoped to this script's function.
 */
const CLIENT_JS = `(function(){
__RENDERER__
var s=document.currentScript,root=s&&s.parentElement;
if(!root||!root.classList.contains("clusterlab-interactive"))root=document.getElementById(__ID__);
var meta=JSON.parse(root.querySelector("script.clw-meta").textContent);
var box=root.querySelector(".clw-frame"),inputs=root.querySelectorAll("input.clw-slider");
var outs=root.querySelectorAll("output.clw-value"),frames=null;
function index(){var k=0;for(var i=0;i<inputs.length;i++)k=k*meta.dims[i]+Number(inputs[i].value);return k;}
function draw(){for(var i=0;i<inputs.length;i++)outs[i].textContent=meta.labels[i][Number(inputs[i].value)];
if(!frames)return;var k=index(),pos=[];for(var i=0;i<inputs.length;i++)pos.push(Number(inputs[i].value));
box.innerHTML=meta.chart?CLR[meta.chart](frames,pos,k):frames[meta.map[k]];
root.setAttribute("data-frame",String(k));}
function load(){var b=atob(root.querySelector("script.clw-data").textContent.trim());
var u=new Uint8Array(b.length);for(var i=0;i<b.length;i++)u[i]=b.charCodeAt(i);
if(meta.encoding==="json")return Promise.resolve(JSON.parse(new TextDecoder().decode(u)));
var st=new Blob([u]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
return new Response(st).text().then(JSON.parse);}
for(var i=0;i<inputs.length;i++)inputs[i].addEventListener("input",draw);
var play=root.querySelector("button.clw-play"),timer=null;
if(play)play.addEventListener("click",function(){if(timer){clearInterval(timer);timer=null;return;}
var a=inputs[0];timer=setInterval(function(){var v=Number(a.value)+1;if(v>Number(a.max)){clearInterval(timer);
timer=null;return;}a.value=String(v);draw();},700);});
load().then(function(f){frames=f;root.querySelector(".clw-controls").hidden=false;
root.querySelector(".clw-note").hidden=true;draw();root.setAttribute("data-ready","1");})
.catch(function(e){root.setAttribute("data-error",String(e));});
})();`;

/** A chart with sliders: displays itself in Jupyter, exports a standalone HTML page, SVG and PNG. */
export class InteractiveFigure {
  /** The figure at the initial slider values (the static fallback). */
  readonly initial: Figure;
  /** The parameter values of the initial frame. */
  readonly initialParams: Readonly<Record<string, SliderValue>>;
  /** Slider names in order. */
  readonly names: readonly string[];
  /** Sizes of the output. */
  readonly stats: InteractiveStats;
  /** Text for `text/plain`. */
  readonly description: string;
  /** "frames" (precomputed pictures, {@link interactive}) or "data" (drawn in the browser, {@link dataInteractive}). */
  readonly mode: InteractiveMode;
  readonly #html: string;
  readonly #frames: readonly string[];
  readonly #map: readonly number[];
  readonly #dims: readonly number[];
  readonly #renderAt?: (positions: readonly number[]) => string;

  /** @internal Use {@link interactive}. */
  constructor(parts: {
    initial: Figure;
    initialParams: Record<string, SliderValue>;
    names: string[];
    html: string;
    frames: string[];
    map: number[];
    dims: number[];
    stats: InteractiveStats;
    description: string;
    mode?: InteractiveMode;
    renderAt?: (positions: readonly number[]) => string;
  }) {
    this.initial = parts.initial;
    this.initialParams = parts.initialParams;
    this.names = parts.names;
    this.#html = parts.html;
    this.#frames = parts.frames;
    this.#map = parts.map;
    this.#dims = parts.dims;
    this.stats = parts.stats;
    this.description = parts.description;
    this.mode = parts.mode ?? "frames";
    this.#renderAt = parts.renderAt;
  }

  /**
   * The HTML of the frame at slider positions `positions` (0-based index into each slider's values). In
   * data mode the frame is rendered in the kernel on demand (the static equivalent of the browser's view).
   */
  frameHTML(positions: readonly number[]): string {
    if (!Array.isArray(positions) || positions.length !== this.#dims.length) {
      throw new ValidationError("positions of frameHTML()", [{
        column: "positions",
        expected: `${this.#dims.length} slider positions (${this.names.join(", ")})`,
        received: describeValue(positions),
      }]);
    }
    const issues: ValidationIssue[] = [];
    let k = 0;
    positions.forEach((p, i) => {
      if (!Number.isInteger(p) || p < 0 || p >= this.#dims[i]!) {
        issues.push({
          column: `positions.${this.names[i]}`,
          expected: `an integer position 0..${this.#dims[i]! - 1}`,
          received: describeValue(p),
        });
      }
      k = k * this.#dims[i]! + p;
    });
    if (issues.length > 0) throw new ValidationError("positions of frameHTML()", issues);
    if (this.#renderAt) return this.#renderAt(positions);
    return this.#frames[this.#map[k]!]!;
  }

  /** The widget as an HTML fragment (container, sliders, initial frame, embedded frames and script). */
  toHTML(): string {
    return this.#html;
  }

  /** A standalone, self-contained HTML page holding the widget (UTF-8, CJK font stack). */
  toPage(title: string = this.description): string {
    return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHTML(title)}</title>` +
      `<style>body{font-family:"Noto Sans CJK SC",system-ui,sans-serif;margin:1.5em}</style></head><body>` +
      `${this.#html}</body></html>\n`;
  }

  /** The initial frame's chart as standalone SVG. */
  toSVG(): string {
    return this.initial.toSVG();
  }

  /** The initial frame rasterised to PNG (see {@link Figure.toPNG}). */
  toPNG(options?: Parameters<Figure["toPNG"]>[0]): Uint8Array {
    return this.initial.toPNG(options);
  }

  /** Write the widget: `.html` (standalone interactive page), or the initial frame as `.svg` / `.png`. */
  async save(path: string): Promise<void> {
    const ext = path.slice(path.lastIndexOf(".") + 1).toLowerCase();
    if (ext === "html") await Deno.writeTextFile(path, this.toPage());
    else if (ext === "svg" || ext === "png") await this.initial.save(path);
    else throw new Error(`Cannot save an interactive figure as ".${ext}": use .html, .svg or .png`);
  }

  /** The MIME bundle: interactive HTML, PNG of the initial frame, plain text. */
  toMimeBundle(): MimeBundle {
    return {
      "text/html": this.#html,
      "image/png": base64(this.toPNG()),
      "text/plain": `${this.description} (interactive: ${this.names.join(", ")}; ${this.stats.frames} ${
        this.mode === "data" ? "slider positions, drawn from data" : "frames"
      })`,
    };
  }

  /** Deno's Jupyter display hook (`Symbol.for("Jupyter.display")`): the same bundle as `toMimeBundle()`. */
  [DISPLAY](): MimeBundle {
    return this.toMimeBundle();
  }
}

function validateSliders(entries: [string, SliderSpec][], maxFrames: number): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (entries.length === 0) {
    issues.push({ column: "sliders", expected: "at least one slider", received: "none" });
  }
  if (!Number.isInteger(maxFrames) || maxFrames < 1) {
    issues.push({ column: "maxFrames", expected: "a positive integer", received: describeValue(maxFrames) });
  }
  for (const [name, s] of entries) {
    const col = `sliders.${name}`;
    if (!s || typeof s !== "object") {
      issues.push({ column: col, expected: "a slider {label, values}", received: describeValue(s) });
      continue;
    }
    if (typeof s.label?.en !== "string" || typeof s.label?.zh !== "string") {
      issues.push({
        column: `${col}.label`,
        expected: "a Bilingual {en, zh} label",
        received: describeValue(s.label),
      });
    }
    if (!Array.isArray(s.values) || s.values.length === 0) {
      issues.push({
        column: `${col}.values`,
        expected: "a non-empty array",
        received: describeValue(s.values),
      });
      continue;
    }
    const seen = new Set<SliderValue>();
    s.values.forEach((v, i) => {
      const ok = (typeof v === "number" && Number.isFinite(v)) || typeof v === "string";
      if (!ok) {
        issues.push({
          row: i + 1,
          column: `${col}.values`,
          expected: "a finite number or a string",
          received: describeValue(v),
        });
      } else if (seen.has(v)) {
        issues.push({
          row: i + 1,
          column: `${col}.values`,
          expected: "distinct values",
          received: describeValue(v),
        });
      }
      seen.add(v);
    });
    if (s.initial !== undefined && !s.values.includes(s.initial)) {
      issues.push({
        column: `${col}.initial`,
        expected: "one of the slider's values",
        received: describeValue(s.initial),
      });
    }
  }
  const frames = entries.reduce((n, [, s]) => n * (Array.isArray(s?.values) ? s.values.length : 1), 1);
  if (Number.isInteger(maxFrames) && frames > maxFrames) {
    issues.push({
      column: "sliders",
      expected: `at most maxFrames = ${maxFrames} frames (product of the slider lengths)`,
      received: String(frames),
      message: "use fewer slider values or raise maxFrames",
    });
  }
  return issues;
}

/**
 * The embedded payload of a widget (JSON, deflate-raw compressed or not, then base64) and its element id, a
 * hash of everything the widget shows (so the same widget gives the same bytes and two widgets never share an
 * id).
 */
function packWidget(
  json: string,
  compress: boolean,
  meta: unknown,
  title: Bilingual | undefined,
  lang: Lang,
): { payload: string; id: string } {
  const bytes = new TextEncoder().encode(json);
  const payload = base64(compress ? deflateRawSync(bytes, { level: 9 }) : bytes);
  const id = `clw${fnv(json + scriptJSON(meta) + JSON.stringify(title ?? null) + lang)}`;
  return { payload, id };
}

/**
 * Build an interactive chart: `render` is called once per combination of slider values (in row-major
 * order over the sliders, the last slider varying fastest), and the frames are embedded in one
 * self-contained HTML output. Deterministic: the same options give the same bytes.
 *
 * @example
 * ```ts
 * import { interactive } from "clusterlab";
 * import * as Plot from "@observablehq/plot";
 * const w = interactive({
 *   title: { en: "Growth", zh: "增长" },
 *   sliders: { rate: { label: { en: "Rate", zh: "增长率" }, values: [0.1, 0.2, 0.3] } },
 *   render: ({ rate }) => ({ marks: [Plot.lineY([0, 1, 2, 3].map((t) => Math.exp(rate * t)))] }),
 * });
 * w.stats.frames; // 3
 * ```
 */
export function interactive<P extends Record<string, SliderValue>>(
  options: InteractiveOptions<P>,
): InteractiveFigure {
  const { lang = "en", maxFrames = 400, compress = true } = options;
  const entries = Object.entries(options.sliders ?? {}) as [string, SliderSpec][];
  const issues = validateSliders(entries, maxFrames);
  if (lang !== "en" && lang !== "zh") {
    issues.push({ column: "lang", expected: '"en" or "zh"', received: describeValue(lang) });
  }
  if (typeof options.render !== "function") {
    issues.push({ column: "render", expected: "a function", received: describeValue(options.render) });
  }
  if (issues.length > 0) throw new ValidationError("options of interactive()", issues);

  const names = entries.map(([n]) => n);
  const dims = entries.map(([, s]) => s.values.length);
  const initialPos = entries.map(([, s]) => (s.initial === undefined ? 0 : s.values.indexOf(s.initial)));
  const total = dims.reduce((a, b) => a * b, 1);

  const frames: string[] = [];
  const map: number[] = new Array(total);
  const seen = new Map<string, number>();
  let initial: Figure | undefined;
  let initialIndex = 0;
  for (let k = 0; k < total; k++) {
    const pos = new Array<number>(dims.length);
    let rest = k;
    for (let i = dims.length - 1; i >= 0; i--) {
      pos[i] = rest % dims[i]!;
      rest = Math.floor(rest / dims[i]!);
    }
    const params = Object.fromEntries(names.map((n, i) => [n, entries[i]![1].values[pos[i]!]])) as P;
    let fig: Figure;
    try {
      const out = options.render(params);
      fig = out instanceof Figure ? out : plot(out);
    } catch (e) {
      throw new Error(`interactive(): rendering the frame ${JSON.stringify(params)} failed: ${e}`, {
        cause: e,
      });
    }
    const html = fig.toHTML();
    let f = seen.get(html);
    if (f === undefined) {
      f = frames.length;
      frames.push(html);
      seen.set(html, f);
    }
    map[k] = f;
    if (pos.every((p, i) => p === initialPos[i])) {
      initial = fig;
      initialIndex = k;
    }
  }

  const json = JSON.stringify(frames);
  const rawBytes = frames.reduce((n, f) => n + new TextEncoder().encode(f).length, 0);
  const labels = sliderLabels(entries);
  const meta = { dims, labels, map, encoding: compress ? "deflate-raw" : "json" };
  const { payload, id } = packWidget(json, compress, meta, options.title, lang);
  const description = options.description ?? options.title?.en ?? "ClusterLab interactive figure";
  const html = widgetHTML({
    id,
    entries,
    labels,
    initialPos,
    initialIndex,
    lang,
    title: options.title,
    frame: frames[map[initialIndex]!]!,
    meta,
    payload,
    renderer: "",
  });

  return new InteractiveFigure({
    initial: initial!,
    initialParams: Object.fromEntries(names.map((n, i) => [n, entries[i]![1].values[initialPos[i]!]!])),
    names,
    html,
    frames,
    map,
    dims,
    stats: {
      frames: total,
      uniqueFrames: frames.length,
      rawBytes,
      payloadBytes: payload.length,
      htmlBytes: new TextEncoder().encode(html).length,
    },
    description,
  });
}

function sliderLabels(entries: [string, SliderSpec][]): string[][] {
  return entries.map(([, s]) =>
    s.values.map((v) => (s.format ? (s.format as (x: SliderValue) => string)(v) : String(v)))
  );
}

/** The script of a widget: the client (with the data-mode renderer inlined, or nothing) bound to its id. */
function clientJS(id: string, renderer: string): string {
  return CLIENT_JS.replace("__ID__", () => JSON.stringify(id)).replace("__RENDERER__", () => renderer);
}

/** The widget's HTML, shared by both modes: title, hidden sliders, initial (static) frame, note, payload. */
function widgetHTML(w: {
  id: string;
  entries: [string, SliderSpec][];
  labels: string[][];
  initialPos: number[];
  initialIndex: number;
  lang: Lang;
  title?: Bilingual;
  frame: string;
  meta: unknown;
  payload: string;
  renderer: string;
  mode?: InteractiveMode;
}): string {
  const { id, entries, labels, initialPos, lang } = w;
  const title = w.title ? w.title[lang] : undefined;
  const controls = entries.map(([name, s], i) =>
    `<label class="clw-label" style="display:inline-flex;align-items:center;gap:.4em;margin-right:1.2em">` +
    `<span>${escapeHTML(s.label[lang])}</span>` +
    `<input class="clw-slider" type="range" name="${escapeHTML(name)}" min="0" max="${
      s.values.length - 1
    }" ` +
    `step="1" value="${initialPos[i]}" aria-label="${escapeHTML(s.label[lang])}">` +
    `<output class="clw-value" style="min-width:3em;font-variant-numeric:tabular-nums">` +
    `${escapeHTML(labels[i]![initialPos[i]!]!)}</output></label>`
  ).join("");
  const playButton = entries[0]![1].values.length > 1
    ? `<button class="clw-play" type="button" style="margin-right:1em">▶ ${
      escapeHTML(UI.play[lang])
    }</button>`
    : "";
  return `<div class="clusterlab-interactive" id="${id}" data-frame="${w.initialIndex}" ` +
    (w.mode === "data" ? `data-mode="data" ` : "") +
    `style="font-family:'Noto Sans CJK SC',system-ui,sans-serif">` +
    (title
      ? `<div class="clw-title" style="font-weight:600;margin-bottom:.3em">${escapeHTML(title)}</div>`
      : "") +
    `<div class="clw-controls" hidden style="margin-bottom:.5em">${playButton}${controls}</div>` +
    `<div class="clw-frame">${w.frame}</div>` +
    `<p class="clw-note" style="font-size:85%;color:#666">${escapeHTML(UI.note[lang])}</p>` +
    `<script type="application/json" class="clw-meta">${scriptJSON(w.meta)}</script>` +
    `<script type="application/octet-stream" class="clw-data">${w.payload}</script>` +
    `<script>${clientJS(id, w.renderer)}</script></div>`;
}

/** Options of {@link dataInteractive}. */
export interface DataInteractiveOptions<P extends Record<string, SliderValue>> {
  /** Sliders keyed by parameter name. */
  readonly sliders: SliderSpecs<P>;
  /** The browser-side drawing function of {@link CLIENT_RENDER_JS} ("spiral" or "quadrant"). */
  readonly chart: ClientChart;
  /** The data the browser draws from (JSON-serialisable; its layout is the chart kind's, see client_render.ts). */
  readonly data: unknown;
  /**
   * Draw one position in the kernel with Observable Plot: used for the static initial view (inside the HTML
   * and as the PNG) and for {@link InteractiveFigure.frameHTML}.
   */
  readonly render: (params: P) => Figure | PlotOptions;
  /** Title shown above the sliders. */
  readonly title?: Bilingual;
  /** Language of the title, slider labels and note (default "en"). */
  readonly lang?: Lang;
  /** Text for `text/plain` (default: the title in English). */
  readonly description?: string;
  /** Deflate-compress the embedded data (default true). */
  readonly compress?: boolean;
}

/**
 * Build a data-carrying interactive chart: the output embeds `data` as JSON (deflate-compressed and base64
 * by default) plus the small renderer {@link CLIENT_RENDER_JS}, and the browser redraws the chart from the
 * data on each slider change with `CLR[chart](data, positions, k)` (`positions`: 0-based slider positions,
 * `k`: the row-major grid index, last slider fastest). The initial view inside the HTML and the PNG are the
 * kernel's Observable Plot rendering of `render(initial params)`, so a page without scripts, or a headless
 * run, still shows the chart. Deterministic: the same options give the same bytes.
 *
 * @example
 * ```ts
 * import { dataInteractive, spiralExplorer } from "clusterlab";
 * // usually reached through the explorers' default mode:
 * spiralExplorer({ publicShares: [0, 1], rates: [0.08] }).mode; // "data"
 * typeof dataInteractive; // "function"
 * ```
 */
export function dataInteractive<P extends Record<string, SliderValue>>(
  options: DataInteractiveOptions<P>,
): InteractiveFigure {
  const { lang = "en", compress = true } = options;
  const entries = Object.entries(options.sliders ?? {}) as [string, SliderSpec][];
  const issues = validateSliders(entries, Number.MAX_SAFE_INTEGER);
  if (lang !== "en" && lang !== "zh") {
    issues.push({ column: "lang", expected: '"en" or "zh"', received: describeValue(lang) });
  }
  if (options.chart !== "spiral" && options.chart !== "quadrant") {
    issues.push({
      column: "chart",
      expected: '"spiral" or "quadrant"',
      received: describeValue(options.chart),
    });
  }
  if (typeof options.render !== "function") {
    issues.push({ column: "render", expected: "a function", received: describeValue(options.render) });
  }
  if (issues.length > 0) throw new ValidationError("options of dataInteractive()", issues);

  const names = entries.map(([n]) => n);
  const dims = entries.map(([, s]) => s.values.length);
  const initialPos = entries.map(([, s]) => (s.initial === undefined ? 0 : s.values.indexOf(s.initial)));
  const total = dims.reduce((a, b) => a * b, 1);
  const initialIndex = initialPos.reduce((k, p, i) => k * dims[i]! + p, 0);
  const paramsAt = (pos: readonly number[]) =>
    Object.fromEntries(names.map((n, i) => [n, entries[i]![1].values[pos[i]!]])) as P;
  const figureAt = (pos: readonly number[]): Figure => {
    const params = paramsAt(pos);
    try {
      const out = options.render(params);
      return out instanceof Figure ? out : plot(out);
    } catch (e) {
      throw new Error(`dataInteractive(): rendering ${JSON.stringify(params)} failed: ${e}`, { cause: e });
    }
  };
  const initial = figureAt(initialPos);

  const json = JSON.stringify(options.data);
  const labels = sliderLabels(entries);
  const meta = { dims, labels, chart: options.chart, encoding: compress ? "deflate-raw" : "json" };
  const { payload, id } = packWidget(json, compress, meta, options.title, lang);
  const description = options.description ?? options.title?.en ?? "ClusterLab interactive figure";
  const html = widgetHTML({
    id,
    entries,
    labels,
    initialPos,
    initialIndex,
    lang,
    title: options.title,
    frame: initial.toHTML(),
    meta,
    payload,
    renderer: CLIENT_RENDER_JS,
    mode: "data",
  });
  return new InteractiveFigure({
    initial,
    initialParams: paramsAt(initialPos),
    names,
    html,
    frames: [],
    map: [],
    dims,
    stats: {
      frames: total,
      uniqueFrames: 1,
      rawBytes: new TextEncoder().encode(json).length,
      payloadBytes: payload.length,
      htmlBytes: new TextEncoder().encode(html).length,
    },
    description,
    mode: "data",
    renderAt: (pos) => figureAt(pos).toHTML(),
  });
}

/** The JSON a data-mode widget's HTML carries (decoded from its `clw-data` script), or undefined in frames mode. */
export function embeddedData(html: string): unknown {
  const meta = html.match(/<script type="application\/json" class="clw-meta">(.*?)<\/script>/);
  const data = html.match(/<script type="application\/octet-stream" class="clw-data">(.*?)<\/script>/);
  if (!meta || !data) return undefined;
  const m = JSON.parse(meta[1]!) as { chart?: string; encoding: string };
  if (!m.chart) return undefined;
  const bytes = Uint8Array.from(atob(data[1]!), (c) => c.charCodeAt(0));
  const text = new TextDecoder().decode(m.encoding === "deflate-raw" ? inflateRawSync(bytes) : bytes);
  return JSON.parse(text);
}

/**
 * Evenly spaced slider values from `from` to `to` (inclusive) in steps of `step`, written with no more
 * decimals than `step` has, so the labels read 0.1, 0.2, 0.3 rather than 0.30000000000000004 (design
 * choice: slider positions are display values, not computed results).
 *
 * @example
 * ```ts
 * import { sliderRange } from "clusterlab";
 * sliderRange(0, 1, 0.25); // [0, 0.25, 0.5, 0.75, 1]
 * ```
 */
export function sliderRange(from: number, to: number, step: number): number[] {
  const issues: ValidationIssue[] = [];
  for (const [k, v] of [["from", from], ["to", to], ["step", step]] as const) {
    if (typeof v !== "number" || !Number.isFinite(v)) {
      issues.push({ column: k, expected: "a finite number", received: describeValue(v) });
    }
  }
  if (issues.length === 0 && step <= 0) {
    issues.push({ column: "step", expected: "a positive number", received: describeValue(step) });
  }
  if (issues.length === 0 && to < from) {
    issues.push({ column: "to", expected: `a number ≥ from (${from})`, received: describeValue(to) });
  }
  if (issues.length > 0) throw new ValidationError("arguments of sliderRange()", issues);
  const decimals = Math.max(decimalPlaces(step), decimalPlaces(from));
  const n = Math.floor((to - from) / step + 1e-9);
  const out: number[] = [];
  for (let i = 0; i <= n; i++) out.push(Number((from + i * step).toFixed(decimals)));
  return out;
}

function decimalPlaces(x: number): number {
  const s = String(x);
  if (s.includes("e-")) return Number(s.split("e-")[1]) + (s.split("e-")[0]!.split(".")[1]?.length ?? 0);
  return s.split(".")[1]?.length ?? 0;
}
