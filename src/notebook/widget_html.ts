/**
 * The HTML of an interactive widget, shared by both modes: title, sliders (hidden until the script runs),
 * the static initial frame, a note for views without scripts, the payload (JSON, deflate-raw compressed or
 * not, base64) and the script of `client_render.ts`.
 * @module
 */
import { deflateRawSync, inflateRawSync } from "node:zlib";
import type { Bilingual, Lang } from "../core/i18n.ts";
import { base64, escapeHTML } from "../core/display.ts";
import { fnv1a } from "../plot/hash.ts";
import { widgetScript } from "./client_render.ts";
import { type SliderGrid, sliderLabels, type SliderSpec, type SliderValue } from "./slider.ts";
import type { InteractiveMode } from "./interactive_figure.ts";

const UI = {
  note: {
    en: "Interactive chart: the sliders appear when JavaScript runs (trusted notebook, VS Code or the HTML " +
      "report). This is the initial frame.",
    zh:
      "交互图表：运行 JavaScript 时（受信任的笔记本、VS Code 或 HTML 报告）会出现滑块。当前显示的是初始帧。",
  },
  play: { en: "Play", zh: "播放" },
} as const satisfies Record<string, Bilingual>;

/** JSON safe inside a `<script>` element. */
function scriptJSON(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(
    /\u2029/g,
    "\\u2029",
  );
}

/**
 * The embedded payload of a widget (JSON, deflate-raw compressed or not, then base64) and its element id, a
 * hash of everything the widget shows (so the same widget gives the same bytes and two widgets never share an
 * id).
 */
export function packWidget(
  json: string,
  compress: boolean,
  meta: unknown,
  title: Bilingual | undefined,
  lang: Lang,
): { payload: string; id: string } {
  const bytes = new TextEncoder().encode(json);
  const payload = base64(compress ? deflateRawSync(bytes, { level: 9 }) : bytes);
  const id = `clw${fnv1a(json + scriptJSON(meta) + JSON.stringify(title ?? null) + lang)}`;
  return { payload, id };
}

/** The widget's HTML, shared by both modes: title, hidden sliders, initial (static) frame, note, payload. */
export function widgetHTML(w: {
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
  mode: InteractiveMode;
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
    `<script>${widgetScript(id, { renderer: w.mode === "data" })}</script></div>`;
}

/**
 * The whole widget of either mode: slider labels, the meta JSON (`meta` plus the payload's `encoding`), the
 * packed payload and the HTML, whose initial view is `frame`.
 */
export function assembleWidget<P extends Record<string, SliderValue>>(w: {
  entries: [string, SliderSpec][];
  grid: SliderGrid<P>;
  lang: Lang;
  title?: Bilingual;
  json: string;
  compress: boolean;
  meta: Record<string, unknown>;
  frame: string;
  mode: InteractiveMode;
}): { html: string; payloadBytes: number; htmlBytes: number } {
  const labels = sliderLabels(w.entries);
  const meta = { dims: w.grid.dims, labels, ...w.meta, encoding: w.compress ? "deflate-raw" : "json" };
  const { payload, id } = packWidget(w.json, w.compress, meta, w.title, w.lang);
  const html = widgetHTML({
    id,
    entries: w.entries,
    labels,
    initialPos: w.grid.initialPos,
    initialIndex: w.grid.initialIndex,
    lang: w.lang,
    title: w.title,
    frame: w.frame,
    meta,
    payload,
    mode: w.mode,
  });
  return { html, payloadBytes: payload.length, htmlBytes: new TextEncoder().encode(html).length };
}

/**
 * The JSON a data-mode widget's HTML carries (decoded from its `clw-data` script), or undefined in frames mode.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { spiralExplorer } from "clusterlab";
 * import { embeddedData } from "clusterlab/advanced";
 * const w = spiralExplorer({ publicShares: [0, 1], rates: [0.08], model: { steps: 10 } });
 * const data = embeddedData(w.toHTML()) as { runs: { knowledge: number[] }[] };
 * assert.equal(data.runs.length, 2); // one run per slider position
 * assert.equal(data.runs[0]!.knowledge.length, 11); // steps 0..10
 * assert.equal(embeddedData(spiralExplorer({ rates: [0.08], mode: "frames" }).toHTML()), undefined);
 * ```
 */
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
