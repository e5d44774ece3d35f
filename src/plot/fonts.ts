/**
 * The fonts of charts: {@link FONT_FAMILY} for every text in the HTML and the PNG, and a faster Latin font
 * for Latin-only text in the PNG ({@link rasterSVG}).
 * @module
 */

/** The font ClusterLab uses for Latin and Chinese text (Debian's `fonts-noto-cjk`). */
export const FONT_FAMILY = "Noto Sans CJK SC";

/**
 * Fonts for text without Chinese characters in the PNG (design choice, for speed only; the HTML keeps
 * {@link FONT_FAMILY}). resvg re-reads the font file for each glyph it draws, and Noto Sans CJK's files are
 * 20 MB, so a chart with long English labels took 2–3 s to rasterise; with Liberation Sans (Debian's
 * `fonts-liberation`, metric-compatible with Arial/Helvetica, whose widths Plot's layout assumes) it takes a
 * few tens of ms. Text with any other character (Chinese, mixed labels) is drawn in {@link FONT_FAMILY}.
 * A family that is not installed is skipped: the text falls back to {@link FONT_FAMILY}.
 */
export const PNG_LATIN_FONTS: readonly string[] = ["Liberation Sans"];

/** Characters Liberation Sans draws: Latin, Greek, general punctuation, arrows, mathematical operators. */
const LATIN_TEXT = /^[\t\n\r\u0020-\u024f\u0370-\u03ff\u2000-\u22ff]*$/;

/**
 * The font list of one text drawn in the PNG: {@link PNG_LATIN_FONTS} then {@link FONT_FAMILY} when every
 * character is Latin, Greek, punctuation, an arrow or an operator; {@link FONT_FAMILY} otherwise.
 */
export function pngFontFamily(text: string): string {
  return PNG_LATIN_FONTS.length && LATIN_TEXT.test(text)
    ? [...PNG_LATIN_FONTS, FONT_FAMILY].join(", ")
    : FONT_FAMILY;
}

/**
 * The SVG `Figure.toPNG` rasterises: `<text>` elements whose characters are all in the Latin, Greek,
 * punctuation, arrow and operator ranges get {@link PNG_LATIN_FONTS} before {@link FONT_FAMILY}. Only when
 * the chart uses ClusterLab's default font (the root's style) and sets no other font anywhere; otherwise
 * the SVG is returned unchanged.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import * as Plot from "@observablehq/plot";
 * import { plot } from "clusterlab";
 * import { rasterSVG } from "clusterlab/advanced";
 * const svg = rasterSVG(plot({ marks: [Plot.text(["LQ", "区位商"], { x: [1, 2] })] }).toSVG());
 * assert.ok(svg.includes('<text font-family="Liberation Sans, Noto Sans CJK SC"'));
 * assert.match(svg, /<text [^>]*>区位商<\/text>/); // Chinese keeps the root's font
 * assert.doesNotMatch(svg, /font-family="Liberation Sans, Noto Sans CJK SC"[^>]*>区位商/);
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
