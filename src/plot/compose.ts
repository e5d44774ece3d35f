/**
 * One standalone SVG of a whole figure. Observable Plot draws a chart's `title`, `subtitle`, categorical
 * legends (swatches) and `caption` as HTML around its SVG (`<figure><h2>…<h3>…<div swatches>…<svg>…
 * <figcaption>`); an export of the plot's `<svg>` alone loses them. {@link composeFigure} stacks every part
 * into one SVG document, in the order the HTML shows them: title, subtitle, legends (swatches as a colour
 * box and a text each, wrapped at the figure's width; ramp legends as their own SVG), the plot, the caption.
 * A figure that is a bare `<svg>` is returned as it is. Internal to the plot room.
 * 图形的独立 SVG：把 HTML 标题、副标题、图例与说明合成进 SVG。
 * @module
 */
import { FONT_FAMILY, pngFontFamily } from "./fonts.ts";
import { textWidth } from "./frame.ts";
import { escapeHTML } from "../core/display.ts";

const SVG_NS = "http://www.w3.org/2000/svg";

/** Sizes of the composed parts (px). */
const STYLE = {
  title: { size: 16, line: 22, fill: "#222", weight: "bold" },
  subtitle: { size: 12, line: 17, fill: "#555", weight: "normal" },
  caption: { size: 11, line: 15, fill: "#555", weight: "normal" },
  swatch: { size: 10, line: 20 },
  pad: 6,
} as const;

/** Width and height of an `<svg>` element from its attributes (else its viewBox, else 0). */
function svgSize(svg: Element): { width: number; height: number } {
  const view = (svg.getAttribute("viewBox") ?? "").split(/[\s,]+/).map(Number);
  const width = Number(svg.getAttribute("width") ?? view[2] ?? 0) || 0;
  const height = Number(svg.getAttribute("height") ?? view[3] ?? 0) || 0;
  return { width, height };
}

/** Break `text` into lines no wider than `width` at `size` px (at spaces; CJK anywhere). */
export function wrapText(text: string, size: number, width: number): string[] {
  const tokens = text.trim().split(/(?<=\s)|(?=[\u2e80-\uffff])|(?<=[\u2e80-\uffff])/u).filter((t) => t);
  const lines: string[] = [];
  let line = "";
  for (const t of tokens) {
    if (line && textWidth((line + t).trimEnd(), size) > width) {
      lines.push(line.trimEnd());
      line = t.trimStart();
    } else line += t;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/** The parts of a `<figure>` Plot rendered, in document order. */
type Part =
  | { kind: "text"; style: keyof typeof STYLE & ("title" | "subtitle" | "caption"); text: string }
  | { kind: "swatches"; items: { svg: Element; label: string }[] }
  | { kind: "svg"; svg: Element };

function partsOf(figure: Element): Part[] {
  const parts: Part[] = [];
  for (const child of [...figure.children]) {
    const tag = child.tagName.toLowerCase();
    const text = (child.textContent ?? "").trim();
    if (tag === "h2" && text) parts.push({ kind: "text", style: "title", text });
    else if (tag === "h3" && text) parts.push({ kind: "text", style: "subtitle", text });
    else if (tag === "figcaption" && text) parts.push({ kind: "text", style: "caption", text });
    else if (tag === "svg") parts.push({ kind: "svg", svg: child });
    else if (tag === "div") {
      const spans = [...child.children].filter((c) => c.tagName.toLowerCase() === "span");
      const items = spans.flatMap((s) => {
        const svg = [...s.children].find((c) => c.tagName.toLowerCase() === "svg");
        return svg ? [{ svg, label: (s.textContent ?? "").trim() }] : [];
      });
      if (items.length) parts.push({ kind: "swatches", items });
      else {
        const nested = [...child.querySelectorAll("svg")];
        for (const svg of nested) parts.push({ kind: "svg", svg });
      }
    }
  }
  return parts;
}

/** An SVG `<svg>` element's markup placed at (x, y), its own size kept. */
function placed(svg: Element, x: number, y: number, size?: number): string {
  const html = svg.outerHTML;
  const open = html.slice(0, html.indexOf(">") + 1);
  let tag = open.replace(/\s(x|y)="[^"]*"/g, "");
  if (size !== undefined && !/\swidth=/.test(tag)) tag = tag.replace(/^<svg/, `<svg width="${size}"`);
  if (size !== undefined && !/\sheight=/.test(tag)) tag = tag.replace(/^<svg/, `<svg height="${size}"`);
  tag = tag.replace(/^<svg/, `<svg x="${x}" y="${y}"`);
  return tag + html.slice(open.length);
}

/** Options of {@link composeFigure}. */
export interface ComposeOptions {
  /** Transforms the markup of each nested SVG before it is placed (default: none). */
  readonly prepare?: (svg: string) => string;
  /** Give each composed text the PNG's font list ({@link pngFontFamily}; default false: the root's font). */
  readonly pngFonts?: boolean;
}

function textLine(
  text: string,
  x: number,
  y: number,
  s: { size: number; fill: string; weight?: string },
  pngFonts: boolean,
) {
  const weight = s.weight === "bold" ? ` font-weight="bold"` : "";
  const font = pngFonts ? ` font-family="${pngFontFamily(text)}"` : "";
  return `<text${font} x="${x}" y="${y}" font-size="${s.size}"${weight} fill="${s.fill}">${
    escapeHTML(text)
  }</text>`;
}

/**
 * One standalone SVG document of a rendered figure (`<svg>` or Plot's `<figure>`): title, subtitle,
 * legends, plot and caption stacked as the HTML shows them, on a white background.
 */
export function composeFigure(element: Element, options: ComposeOptions = {}): string {
  const { prepare = (s: string) => s, pngFonts = false } = options;
  if (element.tagName.toLowerCase() === "svg") return prepare(element.outerHTML);
  const parts = partsOf(element);
  const svgs = parts.flatMap((p) => (p.kind === "svg" ? [svgSize(p.svg)] : []));
  const width = Math.max(320, ...svgs.map((s) => s.width));
  const inner = width - 2 * STYLE.pad;
  const body: string[] = [];
  let y = STYLE.pad;
  for (const p of parts) {
    if (p.kind === "text") {
      const s = STYLE[p.style];
      for (const line of wrapText(p.text, s.size, inner)) {
        y += s.line;
        body.push(textLine(line, STYLE.pad, y - (s.line - s.size) / 2 - 2, s, pngFonts));
      }
      y += 4;
    } else if (p.kind === "swatches") {
      let x = STYLE.pad;
      const sw = STYLE.swatch;
      for (const item of p.items) {
        const box = svgSize(item.svg);
        const w = (box.width || 15) + 6 + textWidth(item.label, sw.size) + 12;
        if (x > STYLE.pad && x + w > width - STYLE.pad) {
          x = STYLE.pad;
          y += sw.line;
        }
        const h = box.height || 15;
        body.push(placed(item.svg, x, y + (sw.line - h) / 2, 15));
        const at = { x: x + (box.width || 15) + 6, y: y + sw.line / 2 + sw.size * 0.35 };
        body.push(textLine(item.label, at.x, at.y, { size: sw.size, fill: "#333" }, pngFonts));
        x += w;
      }
      y += sw.line + 6;
    } else {
      const { height } = svgSize(p.svg);
      body.push(prepare(placed(p.svg, 0, y)));
      y += height;
    }
  }
  y += STYLE.pad;
  const height = Math.ceil(y);
  return `<svg xmlns="${SVG_NS}" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}" style="font-family:${FONT_FAMILY}, sans-serif" ` +
    `font-family="${FONT_FAMILY}, sans-serif"><rect width="100%" height="100%" fill="white"/>${
      body.join("")
    }</svg>`;
}
