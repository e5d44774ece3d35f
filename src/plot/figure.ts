/**
 * Charts in notebooks: render an Observable Plot figure server-side and display it as inline HTML (SVG with
 * `xmlns`, keeping `<title>` tooltips) plus a PNG fallback (JupyterLab does not show SVG in untrusted
 * notebooks) plus plain text. Output is deterministic: element ids are renamed from a hash of the figure,
 * so the same figure gives the same bytes and two figures on one page never share an id.
 * @module
 */
import { Plot } from "../deps/lazy.ts";
import type * as PlotT from "../deps/plot.ts";
import { chartDocument } from "./document.ts";
import { FONT_FAMILY, rasterSVG } from "./fonts.ts";
import { composeFigure } from "./compose.ts";
import { checkNumber } from "../core/checks.ts";
import { fnv1a } from "./hash.ts";
import { checkRasterSize, loadRasteriser, rasteriser, rasteriserLoaded } from "./raster.ts";
import { base64, DISPLAY, escapeHTML, escapeText, type MimeBundle } from "../core/display.ts";
import { mergeGivenOnce } from "../core/deprecated.ts";

/**
 * Observable Plot's own options (`PlotOptions` of npm:@observablehq/plot). A local alias because
 * `deno doc --lint` flags the types of other packages as private (denoland/deno#27364).
 * @internal
 */
type PlotOptions = PlotT.PlotOptions;

/** Options of {@link Figure.toPNG} and {@link Figure.save}. */
export interface PNGOptions {
  /** Pixel density: device pixels per CSS pixel of the PNG (default 2; ignored by SVG and HTML). */
  readonly scale?: number;
  /**
   * Width in CSS pixels of the saved chart (default: the chart's own width); the height follows the
   * aspect ratio and the drawing, text included, is scaled (SVG and PNG).
   */
  readonly width?: number;
  /** Font family for text in the PNG (default {@link FONT_FAMILY}). */
  readonly font?: string;
}

/** Options of {@link Figure.toSVG}. */
export interface SVGOptions {
  /**
   * The whole chart in one SVG: title, subtitle, legends and caption (HTML around the plot's own SVG) drawn
   * into it, as the PNG has them (default false: the plot's main `<svg>` alone, as rendered).
   */
  readonly standalone?: boolean;
  /** Width in CSS pixels (default: the chart's own width); see {@link PNGOptions.width}. */
  readonly width?: number;
}

/** Options of {@link Figure} and the ClusterLab part of the options of {@link plot}. */
export interface FigureOptions {
  /** A short description of the chart, shown as `text/plain` (default: the title, else "ClusterLab figure"). */
  readonly description?: string;
  /**
   * Notes on what was asked for and could not be drawn (e.g. a requested label that does not exist),
   * shown under the chart in the notebook and kept in {@link Figure.warnings} (default none).
   */
  readonly warnings?: readonly string[];
  /**
   * Source line under the chart ("Source: …"), after Plot's `caption` when there is one: drawn in the HTML,
   * the standalone SVG and the PNG (default none). Used by {@link plot} only.
   */
  readonly source?: string;
}

/** The source line of charts of simulated data (models), in English and Chinese. */
export const SIMULATION_SOURCE = {
  en: "Source: ClusterLab simulation",
  zh: "来源：ClusterLab 模拟",
} as const;

const SVG_NS = "http://www.w3.org/2000/svg";
const XMLNS_NS = "http://www.w3.org/2000/xmlns/";

/** Rename every `id` (and its references) to `cl<hash>-<k>` in document order. */
function normaliseIds(html: string): string {
  const ids: string[] = [];
  for (const m of html.matchAll(/\sid="([^"]+)"/g)) ids.push(m[1]!);
  if (ids.length === 0) return html;
  const placeholder = ids.reduce((s, id, k) =>
    s.split(`"${id}"`).join(`"@@${k}"`)
      .split(`#${id})`).join(`#@@${k})`).split(`"#${id}"`).join(`"#@@${k}"`), html);
  const tag = `cl${fnv1a(placeholder)}`;
  return placeholder.replace(/@@(\d+)/g, (_, k) => `${tag}-${k}`);
}

/** `svg` (a standalone SVG document) drawn `width` CSS pixels wide, its height in proportion. */
function resized(svg: string, width: number): string {
  const open = svg.slice(0, svg.indexOf(">") + 1);
  const num = (attr: string) => Number(new RegExp(`\\s${attr}="([0-9.]+)"`).exec(open)?.[1] ?? NaN);
  const w = num("width"), h = num("height");
  if (!(w > 0 && h > 0)) return svg;
  const height = Math.round((h * width) / w * 100) / 100;
  let tag = open.replace(/\s(width|height)="[^"]*"/g, "");
  if (!/\sviewBox=/.test(tag)) tag = tag.replace(/^<svg/, `<svg viewBox="0 0 ${w} ${h}"`);
  tag = tag.replace(/^<svg/, `<svg width="${width}" height="${height}"`);
  return tag + svg.slice(open.length);
}

/**
 * A rendered chart: displays itself in Jupyter, exports SVG, HTML and PNG.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import * as Plot from "@observablehq/plot";
 * import { Figure, plot } from "clusterlab";
 * const fig = plot({ marks: [Plot.dot([[1, 2]])], description: "one dot" });
 * assert.ok(fig instanceof Figure);
 * const bundle = fig.toMimeBundle();
 * assert.deepEqual(Object.keys(bundle).sort(), ["image/png", "text/html", "text/plain"]);
 * assert.equal(bundle["text/plain"], "one dot");
 * assert.equal(new Figure(fig.element).toSVG(), fig.toSVG()); // wrapping the same element
 * ```
 */
export class Figure {
  /** The rendered element (`<svg>` or `<figure>` when the chart has a legend or title). */
  readonly element: Element;
  /** A short description, shown as `text/plain`. */
  readonly description: string;
  /** Notes on what was asked for and could not be drawn (shown under the chart; empty when none). */
  readonly warnings: readonly string[];
  /** The warnings given to the constructor: the notes shown under the chart. */
  readonly #notes: readonly string[];

  /**
   * Wrap a rendered chart element (`<svg>` or `<figure>`, usually from {@link plot}); `description` is the
   * `text/plain` text (default "ClusterLab figure"). Its SVGs get `xmlns` attributes so that each exports as
   * a standalone document.
   */
  constructor(element: Element, options?: FigureOptions);
  /** @deprecated the 0.1 form `new Figure(element, description)`; use `new Figure(element, { description })`. */
  constructor(element: Element, description?: string);
  constructor(element: Element, options: FigureOptions | string = {}) {
    this.element = element;
    this.description = (typeof options === "string" ? options : options.description) ?? "ClusterLab figure";
    this.warnings = typeof options === "string" ? [] : [...(options.warnings ?? [])];
    this.#notes = this.warnings;
    const svgs = element.tagName.toLowerCase() === "svg" ? [element] : [...element.querySelectorAll("svg")];
    for (const s of svgs) {
      s.setAttributeNS(XMLNS_NS, "xmlns", SVG_NS);
      s.setAttributeNS(XMLNS_NS, "xmlns:xlink", "http://www.w3.org/1999/xlink");
    }
  }

  /** The chart as HTML (inline SVG, legends and titles included), with normalised ids. */
  toHTML(): string {
    return normaliseIds(this.element.outerHTML);
  }

  /**
   * The chart as an SVG document: the plot's main `<svg>` (the last one of a `<figure>`), or with
   * `standalone: true` the whole chart (title, subtitle, legends and caption drawn in, as in the PNG and
   * in `save("x.svg")`).
   */
  toSVG(options: SVGOptions = {}): string {
    const el = this.element;
    const svg = el.tagName.toLowerCase() === "svg" ? el : [...el.querySelectorAll("svg")].at(-1);
    if (!svg) throw new Error("This figure holds no <svg> element");
    if (options.width !== undefined) {
      checkNumber("options of toSVG", "width", options.width, { min: 0, open: true });
    }
    const out = options.standalone ? composeFigure(el) : svg.outerHTML;
    return normaliseIds(options.width === undefined ? out : resized(out, options.width));
  }

  /**
   * The whole chart rasterised to PNG with resvg: title, subtitle, legends and caption included (Plot draws
   * them as HTML around its SVG; they are composed into the raster). Text needs a font that covers
   * Chinese: install `fonts-noto-cjk` (Debian) or pass another `font`. The rasteriser needs `--allow-ffi
   * --allow-sys` (loaded with ClusterLab when granted; otherwise `await save("x.png")` loads it, see
   * `src/plot/raster.ts`); a raster too large for memory (size × scale²) is a ValidationError before it is
   * drawn.
   */
  toPNG(options: PNGOptions = {}): Uint8Array {
    const { scale = 2, font = FONT_FAMILY } = options;
    checkNumber("options of toPNG", "scale", scale, { min: 0, open: true });
    if (options.width !== undefined) {
      checkNumber("options of toPNG", "width", options.width, { min: 0, open: true });
    }
    this.toSVG(); // the figure holds an <svg>
    let svg = composeFigure(this.element, { prepare: rasterSVG, pngFonts: font === FONT_FAMILY });
    if (options.width !== undefined) svg = resized(svg, options.width);
    checkRasterSize(svg, scale);
    const resvg = new (rasteriser().Resvg)(svg, {
      background: "white",
      fitTo: { mode: "zoom", value: scale },
      font: { loadSystemFonts: true, defaultFontFamily: font, sansSerifFamily: font },
    });
    return resvg.render().asPng();
  }

  /**
   * Write the whole chart (title, legends and caption included): `.svg`, `.png` or `.html` by the file's
   * extension; `width` (CSS pixels, SVG and PNG) and `scale` (PNG pixel density) choose the size.
   */
  async save(path: string, options: PNGOptions = {}): Promise<void> {
    const ext = path.slice(path.lastIndexOf(".") + 1).toLowerCase();
    if (ext === "svg") {
      await Deno.writeTextFile(path, this.toSVG({ standalone: true, width: options.width }));
    } else if (ext === "png") {
      await loadRasteriser();
      await Deno.writeFile(path, this.toPNG(options));
    } else if (ext === "html") {
      await Deno.writeTextFile(
        path,
        `<!doctype html><html><head><meta charset="utf-8"><title>${
          escapeHTML(this.description)
        }</title></head><body>${this.toHTML()}</body></html>`,
      );
    } else throw new Error(`Cannot save a figure as ".${ext}": use .svg, .png or .html`);
  }

  /**
   * The MIME bundle Jupyter displays: inline HTML, PNG fallback and plain text (the PNG when the rasteriser
   * is loaded, as it is in the Jupyter kernel; a script run with `--allow-read` alone gets HTML and text).
   */
  toMimeBundle(): MimeBundle {
    const notes = this.#notes.map((w) => `<p style="color:#8a4b00;font-size:12px">⚠ ${escapeHTML(w)}</p>`);
    return {
      "text/html": this.toHTML() + notes.join(""),
      ...(rasteriserLoaded() ? { "image/png": base64(this.toPNG()) } : {}),
      "text/plain": escapeText([this.description, ...this.#notes.map((w) => `warning: ${w}`)].join("\n")),
    };
  }

  /** Deno's Jupyter display hook (`Symbol.for("Jupyter.display")`): returns {@link Figure.toMimeBundle}. */
  [DISPLAY](): MimeBundle {
    return this.toMimeBundle();
  }
}

/**
 * Render Observable Plot options into a {@link Figure}. The linkedom document and a CJK-capable font are
 * filled in; `description` (the `text/plain` text, default the title) is ClusterLab's; everything else is
 * Plot's own options.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import * as Plot from "@observablehq/plot";
 * import { plot } from "clusterlab";
 * const fig = plot({ title: "Three bars", marks: [Plot.barY([1, 2, 3])], description: "bars 1, 2, 3" });
 * assert.match(fig.toSVG(), /^<svg/);
 * assert.equal(fig.toSVG().match(/<rect/g)?.length, 3);
 * assert.ok(fig.toHTML().includes("<h2>Three bars</h2>"));
 * assert.equal(fig.toMimeBundle()["text/plain"], "bars 1, 2, 3");
 * assert.equal(plot({ title: "Three bars", marks: [] }).description, "Three bars");
 * ```
 */
export function plot(options: PlotOptions & FigureOptions): Figure;
/** @deprecated the 0.1 form `plot(options, description)`; use `plot({ ...options, description })`. */
export function plot(options: PlotOptions, description?: string): Figure;
export function plot(options01: PlotOptions & FigureOptions, description01?: string): Figure {
  const options = description01 === undefined
    ? options01
    : mergeGivenOnce("options of plot", { description: description01 }, options01);
  const { description, warnings, source, ...rest } = options;
  const caption = source === undefined
    ? rest.caption
    : typeof rest.caption === "string" && rest.caption
    ? `${rest.caption} · ${source}`
    : rest.caption ?? source;
  const plotOptions = caption === undefined ? rest : { ...rest, caption };
  const style = typeof options.style === "object" && options.style !== null ? options.style : {};
  const el = Plot.plot({
    ...plotOptions,
    document: chartDocument(),
    style: { fontFamily: `${FONT_FAMILY}, sans-serif`, fontSize: "11px", ...style },
  } as PlotT.PlotOptions);
  const title = typeof options.title === "string" ? options.title : undefined;
  return new Figure(el as unknown as Element, { description: description ?? title, warnings });
}
