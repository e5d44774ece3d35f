/**
 * Network drawing 网络图: organisations placed by a seeded Fruchterman–Reingold layout, coloured by a
 * category (a brokerage role, a gatekeeper class, a type), sized by a measure, with only the largest labelled.
 * Title, subtitle, legend and source line are drawn inside the SVG, so the PNG stands alone.
 * @module
 */
import { Plot } from "../deps/lazy.ts";
import type * as PlotT from "../deps/plot.ts";
import type { Bilingual, Lang } from "../core/i18n.ts";
import { Random } from "../core/random.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../core/validation_error.ts";
import { componentsOf, tieGraph, type TiesInput } from "../indicators/network/tie_graph.ts";
import { type Figure, plot } from "./figure.ts";
import { footerMarks, headerMarks, textWidth } from "./frame.ts";

/** Options of {@link networkLayout}. */
export interface NetworkLayoutOptions {
  /** Seed of the initial positions (default 42). */
  readonly seed?: number;
  /** Iterations of the force simulation (default 300). */
  readonly iterations?: number;
  /** Every organisation of the network, isolates included (default: the ids the ties name). */
  readonly nodes?: readonly string[];
}

/** A node of the layout, in the unit square. */
export interface NetworkLayoutNode {
  /** Organisation id. */
  readonly id: string;
  /** Horizontal position in [0, 1]. */
  readonly x: number;
  /** Vertical position in [0, 1]. */
  readonly y: number;
}

/** A tie of the layout (distinct pairs). */
export interface NetworkLayoutLink {
  /** One end. */
  readonly source: string;
  /** The other end. */
  readonly target: string;
}

/** Per-organisation values: a Map or a record id → value. */
export type PerNode<T> = ReadonlyMap<string, T> | Readonly<Record<string, T>>;

/** A colour category of {@link networkChart}. */
export interface NetworkCategory {
  /** The value of `color` for the organisations of this category. */
  readonly key: string;
  /** Legend text. */
  readonly label: Bilingual | string;
  /** CSS colour (default: the next of the Tableau 10 palette). */
  readonly color?: string;
}

/** Options of {@link networkChart}. */
export interface NetworkChartOptions extends NetworkLayoutOptions {
  /** Category of each organisation (the node colour); organisations without one are grey. */
  readonly color?: PerNode<string>;
  /** The categories in legend order, with labels (default: the values of `color`, as they are). */
  readonly categories?: readonly NetworkCategory[];
  /** Node size per organisation (≥ 0, area ∝ value; default equal sizes). */
  readonly size?: PerNode<number>;
  /** What `size` measures, for the subtitle ("betweenness"). */
  readonly sizeLabel?: Bilingual | string;
  /** How many of the largest organisations (by `size`, then degree) get a label (default 10). */
  readonly labels?: number;
  /** Display names (code → text; default the id). */
  readonly names?: Readonly<Record<string, string | Bilingual>>;
  /** Title (default "Collaboration network" / "合作网络"). */
  readonly title?: string;
  /** Subtitle (default: the counts and what the size shows). */
  readonly subtitle?: string;
  /** Source line (data credit); the layout and seed are appended. */
  readonly source?: string;
  /** Language of the default texts and of Bilingual labels (default "en"). */
  readonly lang?: Lang;
  /** Width in pixels (default 760). */
  readonly width?: number;
  /** Height in pixels of the drawing area (default 640). */
  readonly height?: number;
  /**
   * Draw the largest connected component only ("largest", default: the rest would be pushed to the edges and
   * shrink it; the subtitle says how many organisations it holds) or every component ("all").
   */
  readonly component?: "largest" | "all";
}

const TEXT = {
  title: { en: "Collaboration network", zh: "合作网络" },
  organisations: { en: "organisations", zh: "个组织" },
  ties: { en: "ties", zh: "条联系" },
  size: { en: "node area", zh: "节点面积" },
  other: { en: "other", zh: "其他" },
  layout: {
    en: "Layout: Fruchterman & Reingold (1991), seed",
    zh: "布局：Fruchterman–Reingold（1991），种子",
  },
};
const PALETTE = [
  "#4e79a7",
  "#f28e2b",
  "#e15759",
  "#76b7b2",
  "#59a14f",
  "#edc948",
  "#b07aa1",
  "#ff9da7",
  "#9c755f",
];

const text = (t: Bilingual | string, lang: Lang) => (typeof t === "string" ? t : t[lang]);
const lookup = <T>(m: PerNode<T> | undefined, id: string): T | undefined =>
  m === undefined ? undefined : m instanceof Map ? m.get(id) : (m as Record<string, T>)[id];

function checkLayout(seed: unknown, iterations: unknown): void {
  const issues: ValidationIssue[] = [];
  if (!(Number.isInteger(seed) && (seed as number) >= 0 && (seed as number) <= 0xffffffff)) {
    issues.push({ column: "seed", expected: "an integer in [0, 4294967295]", received: describeValue(seed) });
  }
  if (!(Number.isInteger(iterations) && (iterations as number) >= 1)) {
    issues.push({
      column: "iterations",
      expected: "a positive integer",
      received: describeValue(iterations),
    });
  }
  if (issues.length > 0) throw new ValidationError("options of networkLayout", issues);
}

/** A Barnes–Hut quadtree over points: cell bounds, children, mass and centre of mass (typed arrays). */
class QuadTree {
  readonly child: Int32Array;
  readonly mass: Float64Array;
  readonly cx: Float64Array;
  readonly cy: Float64Array;
  readonly size: Float64Array;
  readonly x0: Float64Array;
  readonly y0: Float64Array;
  /** The point held by a leaf, −1 for an inner or empty cell. */
  readonly point: Int32Array;
  /** 1 for a cell with children. */
  readonly inner: Uint8Array;
  count = 0;

  constructor(capacity: number) {
    this.child = new Int32Array(4 * capacity);
    this.mass = new Float64Array(capacity);
    this.cx = new Float64Array(capacity);
    this.cy = new Float64Array(capacity);
    this.size = new Float64Array(capacity);
    this.x0 = new Float64Array(capacity);
    this.y0 = new Float64Array(capacity);
    this.point = new Int32Array(capacity);
    this.inner = new Uint8Array(capacity);
  }

  #cell(x0: number, y0: number, size: number): number {
    const c = this.count++;
    this.child.fill(-1, 4 * c, 4 * c + 4);
    this.x0[c] = x0;
    this.y0[c] = y0;
    this.size[c] = size;
    this.mass[c] =
      this.cx[c] =
      this.cy[c] =
      this.inner[c] =
        0;
    this.point[c] = -1;
    return c;
  }

  /** Rebuild over the points (x, y); coincident points beyond depth 40 share a leaf's mass. */
  build(x: Float64Array, y: Float64Array): void {
    this.count = 0;
    let lo = Infinity, hi = -Infinity;
    for (let i = 0; i < x.length; i++) {
      lo = Math.min(lo, x[i]!, y[i]!);
      hi = Math.max(hi, x[i]!, y[i]!);
    }
    const root = this.#cell(lo, lo, Math.max(hi - lo, 1e-9) * 1.0001);
    for (let i = 0; i < x.length; i++) this.#insert(root, i, x, y, 0);
  }

  #insert(c: number, i: number, x: Float64Array, y: Float64Array, depth: number): void {
    const px = x[i]!, py = y[i]!;
    const m = this.mass[c]!;
    this.cx[c] = (this.cx[c]! * m + px) / (m + 1);
    this.cy[c] = (this.cy[c]! * m + py) / (m + 1);
    this.mass[c] = m + 1;
    if (m === 0) {
      this.point[c] = i;
      return;
    }
    if (depth > 40) return; // coincident points: keep them as one mass
    if (this.point[c]! >= 0) {
      const j = this.point[c]!;
      this.point[c] = -1;
      this.#down(c, j, x, y, depth);
    }
    this.#down(c, i, x, y, depth);
  }

  #down(c: number, i: number, x: Float64Array, y: Float64Array, depth: number): void {
    const h = this.size[c]! / 2;
    const q = (x[i]! >= this.x0[c]! + h ? 1 : 0) + (y[i]! >= this.y0[c]! + h ? 2 : 0);
    let k = this.child[4 * c + q]!;
    if (k === -1) {
      k = this.#cell(this.x0[c]! + (q & 1 ? h : 0), this.y0[c]! + (q & 2 ? h : 0), h);
      this.child[4 * c + q] = k;
      this.inner[c] = 1;
    }
    this.#insert(k, i, x, y, depth + 1);
  }
}

/**
 * Fruchterman & Reingold's (1991) force-directed layout: ties pull their ends together (force d²/k),
 * organisations push each other apart (k²/d), with k = 1, every pair's repulsion approximated by a
 * Barnes–Hut quadtree (Barnes & Hut 1986, θ = 0.8) so an iteration costs O(n log n + m), a weak pull towards
 * the centre (0.05·d, design choice: it keeps separate components in view) and a temperature falling
 * linearly from √n/10 to 0. Initial positions are drawn from `seed`: the same ties and seed give the same
 * picture. The result is scaled into the unit square (aspect kept, centred). Ties are read as undirected.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { networkLayout } from "clusterlab/advanced";
 * const ties = [{ source: "a", target: "b" }, { source: "b", target: "c" }];
 * const { nodes, links } = networkLayout(ties, { seed: 1 });
 * assert.equal(nodes.length, 3);
 * assert.equal(links.length, 2);
 * assert.ok(nodes.every((d) => d.x >= 0 && d.x <= 1 && d.y >= 0 && d.y <= 1));
 * assert.deepEqual(networkLayout(ties, { seed: 1 }).nodes, nodes); // deterministic
 * ```
 */
export function networkLayout(
  ties: TiesInput,
  options: NetworkLayoutOptions = {},
): { nodes: NetworkLayoutNode[]; links: NetworkLayoutLink[] } {
  const { seed = 42, iterations = 300 } = options;
  checkLayout(seed, iterations);
  const g = tieGraph(ties, { weight: null, nodes: options.nodes, subject: "tie table of networkLayout" });
  const n = g.ids.length, rng = new Random(seed), side = Math.sqrt(Math.max(1, n));
  const x = Float64Array.from({ length: n }, () => rng.next() * side);
  const y = Float64Array.from({ length: n }, () => rng.next() * side);
  const dx = new Float64Array(n), dy = new Float64Array(n);
  const tree = new QuadTree(Math.max(8, 4 * n + 64)), stack = new Int32Array(4 * 41 + 8);
  for (let it = 0; it < iterations; it++) {
    tree.build(x, y);
    let mx = 0, my = 0;
    for (let i = 0; i < n; i++) (mx += x[i]! / n), (my += y[i]! / n);
    for (let i = 0; i < n; i++) {
      // repulsion k²/d from every other point, cells far enough away (size/d < θ) taken as one mass
      let fx = 0, fy = 0, top = 0;
      stack[top++] = 0;
      while (top > 0) {
        const c = stack[--top]!;
        if (tree.point[c] === i && tree.mass[c] === 1) continue;
        const ex = x[i]! - tree.cx[c]!, ey = y[i]! - tree.cy[c]!, d2 = ex * ex + ey * ey;
        if (!tree.inner[c] || tree.size[c]! * tree.size[c]! < 0.64 * d2) {
          const m = tree.mass[c]! - (tree.point[c] === i ? 1 : 0);
          if (d2 > 1e-18 && m > 0) {
            fx += (m * ex) / d2;
            fy += (m * ey) / d2;
          }
        } else {for (let q = 0; q < 4; q++) {
            if (tree.child[4 * c + q]! >= 0) stack[top++] = tree.child[4 * c + q]!;
          }}
      }
      dx[i] = fx - 0.05 * (x[i]! - mx);
      dy[i] = fy - 0.05 * (y[i]! - my);
    }
    // attraction d²/k along ties
    for (let e = 0; e < g.ties; e++) {
      const i = g.tieSource[e]!, j = g.tieTarget[e]!;
      const ex = x[i]! - x[j]!, ey = y[i]! - y[j]!, d = Math.hypot(ex, ey);
      dx[i]! -= ex * d;
      dy[i]! -= ey * d;
      dx[j]! += ex * d;
      dy[j]! += ey * d;
    }
    const t = (side / 10) * (1 - it / iterations);
    for (let i = 0; i < n; i++) {
      const d = Math.hypot(dx[i]!, dy[i]!);
      if (d > 0) {
        const s = Math.min(d, t) / d;
        x[i]! += dx[i]! * s;
        y[i]! += dy[i]! * s;
      }
    }
  }
  // into the unit square, aspect kept
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (let i = 0; i < n; i++) {
    x0 = Math.min(x0, x[i]!), x1 = Math.max(x1, x[i]!), y0 = Math.min(y0, y[i]!), y1 = Math.max(y1, y[i]!);
  }
  const span = Math.max(x1 - x0, y1 - y0, 1e-12);
  const nodes = g.ids.map((id, i) => ({
    id,
    x: n === 1 ? 0.5 : (x[i]! - x0 + (span - (x1 - x0)) / 2) / span,
    y: n === 1 ? 0.5 : (y[i]! - y0 + (span - (y1 - y0)) / 2) / span,
  }));
  const links = Array.from({ length: g.ties }, (_, e) => ({
    source: g.ids[g.tieSource[e]!]!,
    target: g.ids[g.tieTarget[e]!]!,
  }));
  return { nodes, links };
}

/** A mark drawing every tie as one SVG path (a few bytes per tie, whatever their number). */
function linkMark(pairs: readonly [number, number, number, number][]): PlotT.Markish {
  return (
    _index: unknown,
    scales: { x?: (v: number) => number; y?: (v: number) => number },
    _v: unknown,
    _d: unknown,
    context: { document: Document },
  ) => {
    const X = scales.x!, Y = scales.y!;
    const d = pairs.map(([x1, y1, x2, y2]) =>
      `M${X(x1).toFixed(1)},${Y(y1).toFixed(1)}L${X(x2).toFixed(1)},${Y(y2).toFixed(1)}`
    ).join("");
    const path = context.document.createElementNS("http://www.w3.org/2000/svg", "path");
    path.setAttribute("d", d);
    path.setAttribute("fill", "none");
    path.setAttribute("stroke", "#8c8c8c");
    path.setAttribute("stroke-opacity", "0.22");
    path.setAttribute("stroke-width", "0.5");
    return path as unknown as SVGElement;
  };
}

/** A drawn organisation. */
interface NodeRow extends NetworkLayoutNode {
  readonly r: number;
  readonly size: number;
  readonly fill: string;
  readonly category: string;
  readonly name: string;
  readonly degree: number;
}

/** The ties to draw (all, or those of the largest component) and the number of organisations in all. */
function tiesToDraw(
  ties: TiesInput,
  options: NetworkChartOptions,
): { ties: TiesInput; total: number | null } {
  if ((options.component ?? "largest") === "all") return { ties, total: null };
  const g = tieGraph(ties, { weight: null, nodes: options.nodes, subject: "tie table of networkChart" });
  const { component, sizes } = componentsOf(g);
  if (sizes.length <= 1) return { ties, total: null };
  const source: string[] = [], target: string[] = [];
  for (let e = 0; e < g.ties; e++) {
    if (component[g.tieSource[e]!] !== 0) continue;
    source.push(g.ids[g.tieSource[e]!]!);
    target.push(g.ids[g.tieTarget[e]!]!);
  }
  return { ties: { source, target }, total: g.ids.length };
}

/** "1,056 organisations, 10,236 ties", or for the largest component "Largest component: 1,056 of 1,065 …". */
function countText(n: number, m: number, total: number | null, lang: Lang): string {
  const f = (v: number) => v.toLocaleString("en");
  if (lang === "zh") {
    return total === null
      ? `${n} 个组织，${m} 条联系`
      : `最大连通分量：${total} 个组织中的 ${n} 个，${m} 条联系`;
  }
  return total === null
    ? `${f(n)} organisations, ${f(m)} ties`
    : `Largest component: ${f(n)} of ${f(total)} organisations, ${f(m)} ties`;
}

/** Colour, size, name and degree of every drawn organisation, and the legend entries with their counts. */
function nodeRows(
  nodes: readonly NetworkLayoutNode[],
  links: readonly NetworkLayoutLink[],
  options: NetworkChartOptions,
): { rows: NodeRow[]; entries: { label: string; color: string }[] } {
  const lang = options.lang ?? "en";
  const degree = new Map<string, number>();
  for (const l of links) for (const id of [l.source, l.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
  const keys = options.categories?.map((c) => c.key) ??
    [...new Set(nodes.map((d) => lookup(options.color, d.id)).filter((k): k is string => k !== undefined))];
  const colorOf = new Map(
    keys.map((k, i) => [k, options.categories?.[i]?.color ?? PALETTE[i % PALETTE.length]!]),
  );
  const labelOf = new Map(
    keys.map((k, i) => [k, options.categories ? text(options.categories[i]!.label, lang) : k]),
  );
  const sizes = nodes.map((d) => lookup(options.size, d.id) ?? (options.size ? 0 : 1));
  const bad = sizes.findIndex((v) => !(typeof v === "number" && v >= 0 && Number.isFinite(v)));
  if (bad >= 0) {
    throw new ValidationError("options of networkChart", [{
      column: `size[${JSON.stringify(nodes[bad]!.id)}]`,
      expected: "a finite number ≥ 0",
      received: describeValue(sizes[bad]),
    }]);
  }
  const maxSize = Math.max(1e-300, ...sizes);
  const rows = nodes.map((d, i): NodeRow => {
    const key = lookup(options.color, d.id), known = key !== undefined && colorOf.has(key);
    const name = options.names?.[d.id];
    return {
      ...d,
      r: 1.6 + 7.4 * Math.sqrt(sizes[i]! / maxSize),
      size: sizes[i]!,
      fill: known ? colorOf.get(key)! : "#bdbdbd",
      category: known ? labelOf.get(key)! : TEXT.other[lang],
      name: name === undefined ? d.id : text(name, lang),
      degree: degree.get(d.id) ?? 0,
    };
  });
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.category, (counts.get(r.category) ?? 0) + 1);
  const shown = [...keys.map((k) => ({ label: labelOf.get(k)!, color: colorOf.get(k)! }))];
  if (options.color && counts.has(TEXT.other[lang])) {
    shown.push({ label: TEXT.other[lang], color: "#bdbdbd" });
  }
  const entries = shown.filter((e) => counts.has(e.label)).map((e) => ({
    ...e,
    label: `${e.label} (${counts.get(e.label)})`,
  }));
  return { rows, entries };
}

/**
 * Labels for the `count` largest organisations, each put at the first of 32 places around its node (eight
 * directions at one to four times the node's radius) where it overlaps no label placed before it, or where it
 * overlaps least (design choice). Positions are returned in the layout's unit square; `w` and `h` give the
 * pixel size of that square.
 */
function placeLabels(
  rows: readonly NodeRow[],
  count: number,
  w: number,
  h: number,
): { x: number; y: number; name: string; anchor: "middle" | "start" | "end" }[] {
  type Box = [number, number, number, number];
  const top = [...rows].sort((a, b) => b.size - a.size || b.degree - a.degree).slice(0, count);
  const boxes: Box[] = [];
  const overlap = (b: Box) =>
    boxes.reduce(
      (s, o) =>
        s +
        Math.max(0, Math.min(b[2], o[2]) - Math.max(b[0], o[0])) *
          Math.max(0, Math.min(b[3], o[3]) - Math.max(b[1], o[1])),
      0,
    );
  const directions: [number, number, "middle" | "start" | "end"][] = [
    [0, -1, "middle"],
    [0, 1, "middle"],
    [1, 0, "start"],
    [-1, 0, "end"],
    [0.7, -0.7, "start"],
    [-0.7, -0.7, "end"],
    [0.7, 0.7, "start"],
    [-0.7, 0.7, "end"],
  ];
  return top.map((d) => {
    const cx = d.x * w, cy = (1 - d.y) * h, tw = textWidth(d.name, 10), th = 12;
    let best: { x: number; y: number; anchor: "middle" | "start" | "end"; box: Box; cost: number } | null =
      null;
    for (let f = 1; f <= 4 && best?.cost !== 0; f++) {
      for (const [ux, uy, anchor] of directions) {
        const gap = (d.r + 4) * f + (uy !== 0 && ux === 0 ? th / 2 : 0);
        const x = cx + ux * gap, y = cy + uy * gap;
        const left = x - (anchor === "middle" ? tw / 2 : anchor === "end" ? tw : 0);
        const box: Box = [left - 3, y - th / 2 - 1, left + tw + 3, y + th / 2 + 1];
        const cost = overlap(box);
        if (best === null || cost < best.cost) best = { x, y, anchor, box, cost };
        if (cost === 0) break;
      }
    }
    boxes.push(best!.box);
    return { x: best!.x / w, y: 1 - best!.y / h, name: d.name, anchor: best!.anchor };
  });
}

/**
 * Draw a collaboration network: organisations placed by {@link networkLayout} (seeded, deterministic),
 * coloured by `color` (e.g. the gatekeeper class or the dominant brokerage role), with area proportional to
 * `size` (e.g. betweenness) and labels on the `labels` largest only (placed so that they do not overlap), so
 * that a network of a thousand organisations stays readable. By default only the largest connected component
 * is drawn (`component`). Ties are drawn faint, as one path. The title, subtitle, legend (with the number of
 * organisations per category) and source line are part of the SVG, and so of the PNG.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { networkChart } from "clusterlab";
 * const ties = [["a", "b"], ["b", "c"], ["c", "a"], ["c", "d"]].map(([source, target]) => ({ source, target }));
 * const fig = networkChart(ties, {
 *   color: { a: "x", b: "x", c: "y", d: "y" },
 *   categories: [{ key: "x", label: { en: "Exchanger", zh: "交换者" } }, { key: "y", label: { en: "Gatekeeper", zh: "守门人" } }],
 *   size: { a: 1, b: 1, c: 4, d: 0.5 },
 *   labels: 1,
 *   source: "Toy data",
 * });
 * const svg = fig.toSVG();
 * assert.ok(svg.includes("Collaboration network") && svg.includes("Gatekeeper (2)") && svg.includes("Toy data"));
 * ```
 */
export function networkChart(ties: TiesInput, options: NetworkChartOptions = {}): Figure {
  const lang = options.lang ?? "en", width = options.width ?? 760, height = options.height ?? 640;
  const seed = options.seed ?? 42;
  const drawn = tiesToDraw(ties, options);
  const { nodes, links } = networkLayout(drawn.ties, {
    seed,
    iterations: options.iterations,
    nodes: drawn.total === null ? options.nodes : undefined,
  });
  const { rows, entries } = nodeRows(nodes, links, options);
  const layout = `${TEXT.layout[lang]} ${seed}`;
  const footer = footerMarks(entries, options.source ? `${options.source} · ${layout}` : layout, width);
  const [mt, ml, inset] = [58, 16, 12];
  const innerW = width - 2 * ml - 2 * inset, innerH = height - 2 * inset;
  const labels = placeLabels(rows, options.labels ?? 10, innerW, innerH);
  const title = options.title ?? TEXT.title[lang];
  const counted = countText(nodes.length, links.length, drawn.total, lang);
  const subtitle = options.subtitle ??
    (options.sizeLabel
      ? `${counted}${lang === "zh" ? "；" : "; "}${TEXT.size[lang]}: ${text(options.sizeLabel, lang)}`
      : counted);
  const at = new Map(nodes.map((d) => [d.id, d]));
  const pairs = links.map((l) =>
    [at.get(l.source)!.x, at.get(l.source)!.y, at.get(l.target)!.x, at.get(l.target)!.y] as [
      number,
      number,
      number,
      number,
    ]
  );
  return plot({
    width,
    height: mt + height + footer.height,
    marginTop: mt,
    marginBottom: footer.height,
    marginLeft: ml,
    marginRight: ml,
    inset,
    x: { domain: [0, 1], axis: null },
    y: { domain: [0, 1], axis: null },
    marks: [
      linkMark(pairs),
      Plot.dot(rows, {
        x: "x",
        y: "y",
        r: "r",
        fill: "fill",
        stroke: "white",
        strokeWidth: 0.4,
        sort: (d: NodeRow) => d.size,
        title: (d: NodeRow) =>
          `${d.name}\n${d.category}\n${lang === "zh" ? "度" : "degree"} ${d.degree}` +
          (options.size ? `\n${text(options.sizeLabel ?? "size", lang)} ${d.size.toPrecision(3)}` : ""),
      }),
      ...(["middle", "start", "end"] as const).map((anchor) =>
        Plot.text(labels.filter((l) => l.anchor === anchor), {
          x: "x",
          y: "y",
          text: "name",
          textAnchor: anchor,
          fontSize: 10,
          fill: "#222",
          stroke: "white",
          strokeWidth: 3,
          paintOrder: "stroke",
        })
      ),
      ...headerMarks(title, subtitle),
      ...footer.marks,
    ],
    description: title,
  });
}
