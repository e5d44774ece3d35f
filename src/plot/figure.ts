/**
 * Charts in notebooks: render an Observable Plot figure server-side and display it as inline HTML (SVG with
 * `xmlns`, keeping `<title>` tooltips) plus a PNG fallback (JupyterLab does not show SVG in untrusted
 * notebooks) plus plain text. Output is deterministic: element ids are renamed from a hash of the figure,
 * so the same figure gives the same bytes and two figures on one page never share an id.
 * @module
 */
import * as Plot from "@observablehq/plot";
import { Resvg } from "@resvg/resvg-js";
import { document } from "./document.ts";
import { base64, DISPLAY, escapeHTML, type MimeBundle } from "./jupyter.ts";

/** The font ClusterLab uses for Latin and Chinese text (Debian's `fonts-noto-cjk`). */
export const FONT_FAMILY = "Noto Sans CJK SC";

/**
 * Observable Plot's own options (`PlotOptions` of npm:@observablehq/plot). A local alias because
 * `deno doc --lint` flags the types of other packages as private (denoland/deno#27364).
 * @internal
 */
type PlotOptions = Plot.PlotOptions;

/**
 * Fonts for text without Chinese characters in the PNG (design choice, for speed only; the HTML keeps
 * {@link FONT_FAMILY}). resvg re-reads the font file for each glyph it draws, and Noto Sans CJK's files are
 * 20 MB, so a chart with long English labels took 2–3 s to rasterise; with Liberation Sans (Debian's
 * `fonts-liberation`, metric-compatible with Arial/Helvetica, whose widths Plot's layout assumes) it takes a
 * few tens of ms. Text with any other character (Chinese, mixed labels) is drawn in {@link FONT_FAMILY}.
 * A family that is not installed is skipped: the text falls back to {@link FONT_FAMILY}.
 */
export const PNG_LATIN_FONTS: readonly string[] = ["Liberation Sans"];

/** Options of {@link Figure.toPNG}. */
export interface PNGOptions {
  /** Pixel density (default 2). */
  readonly scale?: number;
  /** Font family for text (default {@link FONT_FAMILY}). */
  readonly font?: string;
}

const SVG_NS = "http://www.w3.org/2000/svg";
const XMLNS_NS = "http://www.w3.org/2000/xmlns/";

/** FNV-1a hash, hex: a short deterministic tag of a figure's content. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

/** Rename every `id` (and its references) to `cl<hash>-<k>` in document order. */
function normaliseIds(html: string): string {
  const ids: string[] = [];
  for (const m of html.matchAll(/\sid="([^"]+)"/g)) ids.push(m[1]!);
  if (ids.length === 0) return html;
  const placeholder = ids.reduce((s, id, k) =>
    s.split(`"${id}"`).join(`"@@${k}"`)
      .split(`#${id})`).join(`#@@${k})`).split(`"#${id}"`).join(`"#@@${k}"`), html);
  const tag = `cl${hash(placeholder)}`;
  return placeholder.replace(/@@(\d+)/g, (_, k) => `${tag}-${k}`);
}

/** Characters Liberation Sans draws: Latin, Greek, general punctuation, arrows, mathematical operators. */
const LATIN_TEXT = /^[\t\n\r\u0020-\u024f\u0370-\u03ff\u2000-\u22ff]*$/;

/**
 * The SVG {@link Figure.toPNG} rasterises: `<text>` elements whose characters are all in {@link LATIN_TEXT} get
 * {@link PNG_LATIN_FONTS} before {@link FONT_FAMILY}. Only when the chart uses ClusterLab's default font
 * (the root's style) and sets no other font anywhere; otherwise the SVG is returned unchanged.
 *
 * @example
 * ```ts
 * import { plot, rasterSVG } from "clusterlab";
 * import * as Plot from "@observablehq/plot";
 * const svg = rasterSVG(plot({ marks: [Plot.text(["LQ"])] }).toSVG());
 * svg.includes('<text font-family="Liberation Sans, Noto Sans CJK SC"'); // true
 * ```
 */
export function rasterSVG(svg: string): string {
  if (PNG_LATIN_FONTS.length === 0) return svg;
  const root = svg.slice(0, svg.indexOf(">") + 1);
  if (!root.includes(`font-family:${FONT_FAMILY}`)) return svg;
  if (svg.split("font-family").length - 1 !== root.split("font-family").length - 1) return svg;
  const family = [...PNG_LATIN_FONTS, FONT_FAMILY].join(", ");
  return svg.replace(/<text\b([^>]*)>([\s\S]*?)<\/text>/g, (all, attrs: string, content: string) => {
    const visible = content.replace(/<[^>]*>/g, "");
    return LATIN_TEXT.test(visible) ? `<text font-family="${family}"${attrs}>${content}</text>` : all;
  });
}

/** A rendered chart: displays itself in Jupyter, exports SVG, HTML and PNG. */
export class Figure {
  /** The rendered element (`<svg>` or `<figure>` when the chart has a legend or title). */
  readonly element: Element;
  /** A short description, shown as `text/plain`. */
  readonly description: string;

  /**
   * Wrap a rendered chart element (`<svg>` or `<figure>`, usually from {@link plot}); `description` is the
   * `text/plain` text (default "ClusterLab figure"). Its SVGs get `xmlns` attributes so that each exports as
   * a standalone document.
   */
  constructor(element: Element, description = "ClusterLab figure") {
    this.element = element;
    this.description = description;
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

  /** The chart's main `<svg>` (the last one of a `<figure>`) as a standalone SVG document. */
  toSVG(): string {
    const el = this.element;
    const svg = el.tagName.toLowerCase() === "svg" ? el : [...el.querySelectorAll("svg")].at(-1);
    if (!svg) throw new Error("This figure holds no <svg> element");
    return normaliseIds(svg.outerHTML);
  }

  /**
   * The chart rasterised to PNG with resvg. Text needs a font that covers Chinese: install
   * `fonts-noto-cjk` (Debian) or pass another `font`.
   */
  toPNG(options: PNGOptions = {}): Uint8Array {
    const { scale = 2, font = FONT_FAMILY } = options;
    const resvg = new Resvg(rasterSVG(this.toSVG()), {
      background: "white",
      fitTo: { mode: "zoom", value: scale },
      font: { loadSystemFonts: true, defaultFontFamily: font, sansSerifFamily: font },
    });
    return resvg.render().asPng();
  }

  /** Write the chart: `.svg`, `.png` or `.html` by the file's extension. */
  async save(path: string): Promise<void> {
    const ext = path.slice(path.lastIndexOf(".") + 1).toLowerCase();
    if (ext === "svg") await Deno.writeTextFile(path, this.toSVG());
    else if (ext === "png") await Deno.writeFile(path, this.toPNG());
    else if (ext === "html") {
      await Deno.writeTextFile(
        path,
        `<!doctype html><html><head><meta charset="utf-8"><title>${
          escapeHTML(this.description)
        }</title></head><body>${this.toHTML()}</body></html>`,
      );
    } else throw new Error(`Cannot save a figure as ".${ext}": use .svg, .png or .html`);
  }

  /** The MIME bundle Jupyter displays: inline HTML, PNG fallback and plain text. */
  toMimeBundle(): MimeBundle {
    return {
      "text/html": this.toHTML(),
      "image/png": base64(this.toPNG()),
      "text/plain": this.description,
    };
  }

  /** Deno's Jupyter display hook (`Symbol.for("Jupyter.display")`): returns {@link Figure.toMimeBundle}. */
  [DISPLAY](): MimeBundle {
    return this.toMimeBundle();
  }
}

/**
 * Render Observable Plot options into a {@link Figure}. The linkedom document and a CJK-capable font are
 * filled in; everything else is Plot's own options.
 *
 * @example
 * ```ts
 * import { plot } from "clusterlab";
 * import * as Plot from "@observablehq/plot";
 * const fig = plot({ marks: [Plot.barY([1, 2, 3])] });
 * fig.toSVG().startsWith("<svg"); // true
 * ```
 */
export function plot(options: PlotOptions, description?: string): Figure {
  const style = typeof options.style === "object" && options.style !== null ? options.style : {};
  const el = Plot.plot({
    ...options,
    document,
    style: { fontFamily: `${FONT_FAMILY}, sans-serif`, fontSize: "11px", ...style },
  } as Plot.PlotOptions);
  const title = typeof options.title === "string" ? options.title : undefined;
  return new Figure(el as unknown as Element, description ?? title ?? "ClusterLab figure");
}
