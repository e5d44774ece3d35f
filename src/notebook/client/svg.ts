/**
 * SVG primitives of the browser renderer (runs in the page of a data-mode widget, see `client_render.ts`):
 * scales, ticks, axes and elements written as SVG markup strings. Every function is pure (data in, string
 * out) and self-contained — it uses only its arguments, the other functions of the renderer and the
 * language's built-ins — because its source is copied into the page as it is (`Function.prototype.toString`).
 * Pixel coordinates are written to 0.01 px (display only; the data keep full precision).
 * @module
 */

/** Attributes of an element, in writing order; `null` or `undefined` leaves the attribute out. */
export type Attributes = Record<string, string | number | null | undefined>;

/** A linear scale mapping the domain [d0, d1] onto the range [r0, r1]. */
export function lin(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const k = (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** A pixel coordinate rounded to 0.01 px. */
export function px(v: number): number {
  return Math.round(v * 100) / 100;
}

/** Text escaped for an attribute value or element content. */
export function esc(s: unknown): string {
  const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
  return String(s).replace(/[&<>"]/g, (c) => entities[c]!);
}

/** ` name="value"` for every attribute that is neither null nor undefined. */
export function attrs(a: Attributes): string {
  let s = "";
  for (const k in a) if (a[k] != null) s += " " + k + '="' + esc(a[k]) + '"';
  return s;
}

/** A `<title>` tooltip, or nothing. */
export function tip(t: string | undefined): string {
  return t == null ? "" : "<title>" + esc(t) + "</title>";
}

/** A line from (x1, y1) to (x2, y2). */
export function rule(x1: number, y1: number, x2: number, y2: number, a: Attributes): string {
  return "<line" + attrs(Object.assign({ x1: px(x1), y1: px(y1), x2: px(x2), y2: px(y2) }, a)) + "/>";
}

/** A polyline through `pts` (nothing for fewer than two points), unfilled. */
export function path(pts: readonly (readonly [number, number])[], a: Attributes): string {
  if (pts.length < 2) return "";
  const d = "M" + pts.map((p) => px(p[0]) + "," + px(p[1])).join("L");
  return "<path" + attrs(Object.assign({ d: d, fill: "none" }, a)) + "/>";
}

/** A circle of radius `r` at (x, y), with tooltip `t`. */
export function circle(x: number, y: number, r: number, a: Attributes, t?: string): string {
  return "<circle" + attrs(Object.assign({ cx: px(x), cy: px(y), r: r }, a)) + ">" + tip(t) + "</circle>";
}

/** Text `s` at (x, y). */
export function text(x: number, y: number, s: string, a?: Attributes): string {
  return "<text" + attrs(Object.assign({ x: px(x), y: px(y) }, a)) + ">" + esc(s) + "</text>";
}

/** A tick: its value and its label. */
export interface Tick {
  /** The value. */
  readonly v: number;
  /** The label, with as many decimals as the step needs. */
  readonly s: string;
}

/**
 * About `n` "nice" ticks over [d0, d1]: a step of 1, 2 or 5 × 10^k chosen with d3's thresholds √50, √10
 * and √2 (d3-array `tickIncrement`), labels with as many decimals as the step has.
 */
export function ticks(d0: number, d1: number, n: number): Tick[] {
  let step = Math.pow(10, Math.floor(Math.log10((d1 - d0) / n)));
  const e = (d1 - d0) / n / step;
  if (e >= Math.sqrt(50)) step *= 10;
  else if (e >= Math.sqrt(10)) step *= 5;
  else if (e >= Math.sqrt(2)) step *= 2;
  const dec = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const out: Tick[] = [];
  for (let i = Math.ceil(d0 / step - 1e-9); i <= Math.floor(d1 / step + 1e-9); i++) {
    out.push({ v: i * step, s: (i * step).toFixed(dec) });
  }
  return out;
}

/** A bottom axis at height `y`: ticks of [d0, d1] through the scale `sx`, and its title at the right end. */
export function axisX(sx: (v: number) => number, d0: number, d1: number, y: number, label: string): string {
  let s = '<g class="clr-axis-x" font-size="10" text-anchor="middle">';
  ticks(d0, d1, 5).forEach((t) => {
    s += rule(sx(t.v), y, sx(t.v), y + 6, { stroke: "currentColor" }) + text(sx(t.v), y + 16, t.s);
  });
  return s + text(sx(d1), y + 32, label, { "text-anchor": "end" }) + "</g>";
}

/** A left axis at `x`: ticks of [d0, d1] through the scale `sy`, and its title above the top. */
export function axisY(sy: (v: number) => number, d0: number, d1: number, x: number, label: string): string {
  let s = '<g class="clr-axis-y" font-size="10" text-anchor="end">';
  ticks(d0, d1, 5).forEach((t) => {
    s += rule(x - 6, sy(t.v), x, sy(t.v), { stroke: "currentColor" }) + text(x - 9, sy(t.v) + 3.5, t.s);
  });
  return s + text(x - 38, sy(d1) - 8, label, { "text-anchor": "start" }) + "</g>";
}

/** The outer `<svg>` of a chart (w × h px, `label` for screen readers, CJK font stack, white background). */
export function svg(w: number, h: number, label: string, body: string): string {
  return '<svg xmlns="http://www.w3.org/2000/svg" class="clr-chart" width="' + w +
    '" height="' + h + '" viewBox="0 0 ' + w + " " + h + '" role="img" aria-label="' + esc(label) +
    '" font-family="Noto Sans CJK SC, system-ui, sans-serif" font-size="10" style="background:white;color:black">' +
    body + "</svg>";
}
