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

/** A rendered chart: displays itself in Jupyter, exports SVG, HTML and PNG. */
export class Figure {
  /** The rendered element (`<svg>` or `<figure>` when the chart has a legend or title). */
  readonly element: Element;
  /** A short description, shown as `text/plain`. */
  readonly description: string;

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
    const resvg = new Resvg(this.toSVG(), {
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
export function plot(options: Plot.PlotOptions, description?: string): Figure {
  const style = typeof options.style === "object" && options.style !== null ? options.style : {};
  const el = Plot.plot({
    ...options,
    document,
    style: { fontFamily: `${FONT_FAMILY}, sans-serif`, fontSize: "11px", ...style },
  } as Plot.PlotOptions);
  const title = typeof options.title === "string" ? options.title : undefined;
  return new Figure(el as unknown as Element, description ?? title ?? "ClusterLab figure");
}
