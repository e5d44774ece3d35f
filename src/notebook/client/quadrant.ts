/**
 * The governance quadrant drawn in the browser (the data mode of `quadrantExplorer`): the data a widget
 * carries ({@link QuadrantExplorerData}), the quadrant rule ({@link quadrantOf}) and {@link drawQuadrant},
 * which draws one year at one threshold as SVG. Copied into the page by source (see `client_render.ts`), so
 * every function here is self-contained.
 * @module
 */
import type { GovernanceQuadrant as Quadrant } from "../../classify/governance.ts";
import { axisX, axisY, circle, lin, path, rule, svg, text } from "./svg.ts";

/** The JSON a data-mode quadrant explorer embeds (the browser's `CLR.quadrant` draws it). */
export interface QuadrantExplorerData {
  /** Chart size (px), square. */
  readonly size: number;
  /** Chart title (aria label) in the chosen language. */
  readonly title: string;
  /** Axis titles in the chosen language. */
  readonly text: { K: string; A: string };
  /** Phase names of the quadrants (LL, HL, LH, HH) in the chosen language. */
  readonly phases: Record<Quadrant, string>;
  /** Colours of the quadrants. */
  readonly colors: Record<Quadrant, string>;
  /** Years on the year slider, ascending. */
  readonly years: number[];
  /** Split thresholds on the threshold slider, applied to both axes. */
  readonly thresholds: number[];
  /**
   * The quadrant rule of `governanceQuadrant`: with `high: ">="`, K ≥ t is H (else L) and A ≥ t is H;
   * the code is the K letter then the A letter ("HL": high knowledge, low alliance).
   */
  readonly rule: { readonly high: ">=" };
  /** Entity keys, in order of first appearance. */
  readonly entities: string[];
  /** The text written next to each entity's point. */
  readonly labels: string[];
  /** Indices (into `entities`) of highlighted entities, drawn larger with their trajectory. */
  readonly highlight: number[];
  /** K per entity × year, row-major (`K[e * years.length + y]`), null where the entity has no row that year. */
  readonly K: (number | null)[];
  /** A per entity × year, same layout as `K`. */
  readonly A: (number | null)[];
}

/**
 * The quadrant of (K, A) at threshold `t` under the rule carried in the data: `high: ">="` makes a value
 * at or above `t` High (as `governanceQuadrant`); any other rule, strictly above.
 */
export function quadrantOf(K: number, A: number, t: number, rule: { readonly high: string }): Quadrant {
  const hi = rule.high === ">=" ? (v: number) => v >= t : (v: number) => v > t;
  return ((hi(K) ? "H" : "L") + (hi(A) ? "H" : "L")) as Quadrant;
}

/**
 * Draw year position `pos[0]` at threshold position `pos[1]`: every entity with data that year, coloured
 * by its quadrant (recomputed with {@link quadrantOf}), the dashed thresholds, each quadrant's phase name
 * with its count, and the highlighted entities larger with their trail up to the year.
 */
export function drawQuadrant(d: QuadrantExplorerData, pos: readonly number[]): string {
  const yi = pos[0]!, t = d.thresholds[pos[1]!]!, year = d.years[yi], ny = d.years.length;
  const S = d.size, ml = 44, mr = 20, mt = 20, mb = 40;
  const sx = lin(0, 1, ml, S - mr), sy = lin(0, 1, S - mb, mt);
  const count: Record<Quadrant, number> = { LL: 0, HL: 0, LH: 0, HH: 0 };
  const hi: Record<number, boolean> = {};
  d.highlight.forEach((e) => {
    hi[e] = true;
  });
  const pts: { e: number; K: number; A: number; q: Quadrant }[] = [];
  for (let e = 0; e < d.entities.length; e++) {
    const K = d.K[e * ny + yi], A = d.A[e * ny + yi];
    if (K == null) continue;
    const q = quadrantOf(K, A!, t, d.rule);
    count[q]++;
    pts.push({ e: e, K: K, A: A!, q: q });
  }
  let b = '<rect x="' + ml + '" y="' + mt + '" width="' + (S - ml - mr) + '" height="' + (S - mt - mb) +
    '" fill="none" stroke="#ddd"/>';
  b += axisX(sx, 0, 1, S - mb, d.text.K) + axisY(sy, 0, 1, ml, d.text.A);
  b += rule(sx(t), mt, sx(t), S - mb, { stroke: "#666", "stroke-dasharray": "4,3", class: "clr-threshold" });
  b += rule(ml, sy(t), S - mr, sy(t), { stroke: "#666", "stroke-dasharray": "4,3", class: "clr-threshold" });
  (["LL", "HL", "LH", "HH"] as const).forEach((q) => {
    const right = q[0] === "H", top = q[1] === "H";
    b += text(
      sx(right ? 0.99 : 0.01),
      sy(top ? 0.99 : 0.01) + (top ? 11 : -3),
      d.phases[q] + " (" + count[q] + ")",
      {
        fill: d.colors[q],
        "text-anchor": right ? "end" : "start",
        "font-weight": "bold",
        "font-size": 11,
        class: "clr-caption",
        "data-q": q,
        "data-count": count[q],
      },
    );
  });
  d.highlight.forEach((e) => {
    const tr: [number, number][] = [];
    for (let y = 0; y <= yi; y++) {
      const K = d.K[e * ny + y];
      if (K != null) tr.push([sx(K), sy(d.A[e * ny + y]!)]);
    }
    b += path(tr, { stroke: "#333", "stroke-opacity": 0.5, class: "clr-trail" });
  });
  pts.forEach((p) => {
    const h = hi[p.e];
    b += circle(
      sx(p.K),
      sy(p.A),
      h ? 6 : 3.5,
      {
        fill: d.colors[p.q],
        stroke: h ? "black" : "white",
        class: h ? "clr-point clr-highlight" : "clr-point",
        "data-entity": d.entities[p.e],
        "data-q": p.q,
      },
      d.labels[p.e] + " " + year + ": K = " + p.K.toFixed(3) + ", A = " + p.A.toFixed(3) + ", " +
        d.phases[p.q],
    );
  });
  pts.forEach((p) => {
    const h = hi[p.e];
    b += text(
      sx(p.K),
      sy(p.A) - (h ? 10 : 8),
      d.labels[p.e]!,
      h
        ? { "font-size": 12, "font-weight": "bold", "text-anchor": "middle" }
        : { "font-size": 8, fill: "#777", "text-anchor": "middle" },
    );
  });
  return svg(S, S, d.title, b);
}
