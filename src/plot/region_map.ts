/**
 * Region maps 地区地图: a choropleth or a proportional-symbol map of one value per region, on a shipped tile
 * grid, the world's countries, or any GeoJSON/TopoJSON, drawn with Observable Plot's geo marks. The title,
 * legend, notes and source line are drawn inside one SVG, so the PNG stands alone as the HTML does.
 * @module
 */
import { Plot } from "../deps/lazy.ts";
import type * as PlotT from "../deps/plot.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import { type Bilingual, type Lang } from "../core/i18n.ts";
import { describeValue, ValidationError } from "../core/validation_error.ts";
import { isTable, type TableInput, toTable } from "../data/adapters.ts";
import type { Feature, FeatureCollection, Topology } from "../data/geojson.ts";
import { geometryFromGeoJSON, type RegionGeometry } from "../data/geometry.ts";
import type { LocalMoranResult } from "../indicators/spatial/local_moran.ts";
import { listLabels } from "../core/checks.ts";
import { chartDocument, svgElement as svgEl } from "./document.ts";
import { Figure } from "./figure.ts";
import { FONT_FAMILY } from "./fonts.ts";
import { LISA_CATEGORIES, lisaLegend } from "./lisa_colors.ts";

/** Options of {@link regionMap}. */
export interface RegionMapOptions {
  /** What to draw the regions on: `await loadGeometry(…)`, or a GeoJSON FeatureCollection / TopoJSON (then `key`). */
  readonly geometry: RegionGeometry | FeatureCollection | Topology;
  /** For a raw GeoJSON/TopoJSON `geometry`: the feature property holding the region id. */
  readonly key?: string;
  /** Region column of the table (default "region"; "id" for a localMoran result). */
  readonly region?: string;
  /** Value column (default "value"; "cluster" for a localMoran result). Numbers are classed, text is categorical. */
  readonly value?: string;
  /** `"choropleth"` (default: regions filled) or `"symbols"` (circles of area ∝ value at each region's centre). */
  readonly kind?: "choropleth" | "symbols";
  /** Language of titles, legend and region names (default "en"). */
  readonly lang?: Lang;
  /** Title (default: the value column's name, or "LISA cluster map"). */
  readonly title?: string;
  /** Subtitle (default none; for a LISA map the significance level and permutations). */
  readonly subtitle?: string;
  /** Legend title (default: the value column's name). */
  readonly label?: string;
  /** Source of the data, written before the map's own source line (e.g. "Source: ONS BRES 2018"). */
  readonly source?: string;
  /** Number of colour classes of a numeric choropleth (default 5). */
  readonly classes?: number;
  /** Class breaks (inner edges, ascending) instead of quantile classes. */
  readonly breaks?: readonly number[];
  /** Colour scheme of Observable Plot / d3 (default "ylgnbu" numeric, "tableau10" categorical). */
  readonly scheme?: string;
  /** Colours of categories (category → CSS colour). */
  readonly colors?: Readonly<Record<string, string>>;
  /** Order of the categories in the legend (default: first appearance). */
  readonly categories?: readonly string[];
  /** Legend text of categories (category → text or `{ en, zh }`). */
  readonly categoryLabels?: Readonly<Record<string, string | Bilingual>>;
  /**
   * Write each region's short name on it (true, default on tile grids), its name and value (`"values"`), or
   * nothing (false, default on other maps).
   */
  readonly labels?: boolean | "values";
  /** Width of the map in pixels (default 48 per tile column on tile grids, 640 otherwise). */
  readonly width?: number;
  /** Number format of legend and tooltips (default 3 significant digits). */
  readonly format?: (value: number) => string;
}

/** A map: a {@link Figure} that also lists what could not be drawn. */
export class MapFigure extends Figure {
  /** Data rows whose region is not in the geometry (also written on the map). */
  readonly unmatched: readonly string[];
  /** Warnings: unmatched regions, regions of the geometry without data (written on the map itself). */
  override readonly warnings: readonly string[];

  /** Wrap the composed map element with its unmatched ids and warnings. */
  constructor(
    element: Element,
    description: string,
    unmatched: readonly string[],
    warnings: readonly string[],
  ) {
    super(element, { description });
    this.unmatched = unmatched;
    this.warnings = warnings;
  }
}

const TEXT = {
  noData: { en: "no data", zh: "无数据" },
  unmatched: { en: "Not on the map", zh: "未能在地图上显示" },
  noShape: { en: "no shape at this scale", zh: "此比例尺下无形状" },
  lisaTitle: { en: "LISA cluster map (local Moran's I)", zh: "LISA 聚类图（局部莫兰指数）" },
  lisaSub: { en: "significant at p < {level}", zh: "显著性 p < {level}" },
  perms: { en: "{n} permutations", zh: "{n} 次置换" },
  weights: { en: "weights: {w}", zh: "空间权重：{w}" },
} as const satisfies Record<string, Bilingual>;

const NO_DATA = "#e8e8e8";

function isLocalMoran(x: unknown): x is LocalMoranResult {
  return typeof x === "object" && x !== null && "table" in x && "level" in x && "pValue" in x &&
    isTable((x as LocalMoranResult).table);
}

function isGeometry(x: unknown): x is RegionGeometry {
  return typeof x === "object" && x !== null && "ids" in x && "aliases" in x && "features" in x;
}

/** Joined data: value per geometry id, and what did not join. */
interface Joined {
  readonly values: Map<string, unknown>;
  readonly unmatched: string[];
  readonly noShape: string[];
}

function joinRows(t: ColumnTable, region: string, value: string, g: RegionGeometry): Joined {
  const cols = t.columnNames();
  const missing = [region, value].filter((c) => !cols.includes(c));
  if (missing.length > 0) {
    throw new ValidationError(
      "table of regionMap",
      missing.map((c) => ({
        column: c,
        expected: `a column "${c}"`,
        received: `columns ${cols.join(", ")}`,
      })),
    );
  }
  const ids = new Set(g.ids),
    values = new Map<string, unknown>(),
    unmatched: string[] = [],
    noShape: string[] = [];
  const getR = t.getter(region), getV = t.getter(value);
  const issues = [];
  for (let r = 0; r < t.numRows(); r++) {
    const raw = String(getR(r));
    const id = ids.has(raw) ? raw : g.aliases.get(raw);
    if (id === undefined) {
      (g.withoutShape?.has(raw) ? noShape : unmatched).push(raw);
      continue;
    }
    if (values.has(id)) {
      issues.push({
        row: r + 1,
        column: region,
        expected: "one row per region",
        received: `${raw} again (${id})`,
      });
    }
    values.set(id, getV(r));
  }
  if (issues.length > 0) throw new ValidationError("table of regionMap", issues);
  return { values, unmatched, noShape };
}

/** Colour of each region and the legend entries. */
interface Colouring {
  readonly fill: (v: unknown) => string;
  readonly legend: { readonly color: string; readonly text: string }[];
  readonly numeric: boolean;
}

function quantileBreaks(values: number[], k: number): number[] {
  const s = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (let i = 1; i < k; i++) {
    const h = (s.length - 1) * (i / k), lo = Math.floor(h);
    const q = s[lo]! + (h - lo) * ((s[Math.min(lo + 1, s.length - 1)] ?? s[lo]!) - s[lo]!);
    if (out.length === 0 || q > out[out.length - 1]!) out.push(q);
  }
  return out;
}

function numericColouring(values: number[], o: RegionMapOptions, fmt: (v: number) => string): Colouring {
  const k = o.classes ?? 5;
  if (!Number.isInteger(k) || k < 2 || k > 9) {
    throw new ValidationError("options of regionMap", [{
      column: "classes",
      expected: "an integer in [2, 9]",
      received: describeValue(k),
    }]);
  }
  const breaks = o.breaks ? [...o.breaks] : quantileBreaks(values, k);
  if (breaks.some((b, i) => !Number.isFinite(b) || (i > 0 && b <= breaks[i - 1]!))) {
    throw new ValidationError("options of regionMap", [{
      column: "breaks",
      expected: "ascending finite numbers",
      received: describeValue(o.breaks),
    }]);
  }
  const range = breaks.length === 0 ? ["#6baed6"] : Plot.scale({
    color: { type: "threshold", domain: breaks, scheme: (o.scheme ?? "ylgnbu") as PlotT.ColorScheme },
  }).range as string[];
  const lo = Math.min(...values), hi = Math.max(...values);
  const edges = [lo, ...breaks, hi];
  const legend = range.map((color, i) => ({
    color,
    text: i === 0
      ? `< ${fmt(edges[1] ?? hi)}`
      : i === range.length - 1
      ? `≥ ${fmt(edges[i]!)}`
      : `${fmt(edges[i]!)} – ${fmt(edges[i + 1]!)}`,
  }));
  if (breaks.length === 0) legend[0] = { color: range[0]!, text: fmt(lo) };
  const fill = (v: unknown) => {
    const x = v as number;
    let c = 0;
    while (c < breaks.length && x >= breaks[c]!) c++;
    return range[c]!;
  };
  return { fill, legend, numeric: true };
}

function categoricalColouring(values: string[], o: RegionMapOptions, lang: Lang, lisa: boolean): Colouring {
  const seen = [...new Set(values)];
  const order = o.categories ?? (lisa ? LISA_CATEGORIES.filter((c) => seen.includes(c)) : seen);
  const extra = seen.filter((c) => !order.includes(c));
  if (extra.length > 0) {
    throw new ValidationError("options of regionMap", [{
      column: "categories",
      expected: "every category of the data",
      received: `missing ${listLabels(extra)}`,
    }]);
  }
  const palette = Plot.scale({
    color: {
      type: "ordinal",
      domain: order as string[],
      scheme: (o.scheme ?? "tableau10") as PlotT.ColorScheme,
    },
  });
  const colors = { ...(lisa ? lisaLegend.colors : {}), ...o.colors };
  const colorOf = (c: string) => colors[c] ?? (palette.apply(c) as string);
  const labels = { ...(lisa ? lisaLegend.labels : {}), ...o.categoryLabels };
  const text = (c: string) => {
    const l = labels[c];
    return l === undefined ? c : typeof l === "string" ? l : l[lang];
  };
  return {
    fill: (v) => colorOf(String(v)),
    legend: order.map((c) => ({ color: colorOf(c), text: text(c) })),
    numeric: false,
  };
}

function projectionOf(g: RegionGeometry): PlotT.ProjectionOptions | string {
  if (g.projection === "tiles") return { type: "identity", domain: g.features as never };
  if (g.projection === "planar") return { type: "reflect-y", domain: g.features as never };
  if (g.projection === "mercator") return { type: "mercator", domain: g.features as never };
  return "equal-earth";
}

function luminance(hex: string): number {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) return 1;
  const n = parseInt(m[1]!, 16);
  return (0.299 * (n >> 16) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255)) / 255;
}

/** The Plot map (no title or legend): regions, symbols, tile labels, tooltips. */
function renderMap(
  g: RegionGeometry,
  joined: Joined,
  colouring: Colouring,
  o: RegionMapOptions,
  lang: Lang,
  fmt: (v: number) => string,
): SVGSVGElement {
  const tiles = g.kind === "tile-grid";
  const features = g.features.features;
  const idOf = (f: Feature) => String(f.properties!.id);
  const has = (f: Feature) => joined.values.has(idOf(f));
  const show = (v: unknown) => (typeof v === "number" ? fmt(v) : String(v));
  const name = (f: Feature) => g.names[idOf(f)]?.[lang] ?? idOf(f);
  const tip = (f: Feature) =>
    `${name(f)} (${idOf(f)})\n${o.label ?? o.value ?? "value"}: ${
      has(f) ? show(joined.values.get(idOf(f))) : TEXT.noData[lang]
    }`;
  const symbols = o.kind === "symbols";
  const fillOf = (f: Feature) => (has(f) && !symbols ? colouring.fill(joined.values.get(idOf(f))) : NO_DATA);
  const cols = tiles
    ? Math.max(
      ...features.map((f) =>
        (f.geometry as unknown as { coordinates: number[][][] }).coordinates[0]![1]![0]!
      ),
    )
    : 0;
  const withValue = (f: Feature, text: string) =>
    o.labels === "values" && has(f) ? `${text}\n${show(joined.values.get(idOf(f)))}` : text;
  const label = (f: Feature) => withValue(f, (g.labels?.[idOf(f)]?.[lang] ?? name(f)).split("/").join("\n"));
  const fontSize = lang === "zh" ? 9 : 8;
  const longest = Math.max(
    ...features.map((f) => Math.max(...label(f).split("\n").map((l) => textWidth(l, fontSize)))),
  );
  const width = o.width ?? (tiles ? Math.max(48, Math.ceil(longest + 8)) * cols : 640);
  const marks: PlotT.Markish[] = [];
  if (g.projection === "equal-earth") marks.push(Plot.sphere({ stroke: "#bbb", fill: "#f4f8fb" }));
  marks.push(Plot.geo(features, { fill: fillOf, stroke: "white", strokeWidth: tiles ? 2 : 0.5, title: tip }));
  if (symbols) {
    const nums = [...joined.values.values()].filter((v): v is number => typeof v === "number" && v >= 0);
    const max = Math.max(...nums, 0) || 1, rMax = tiles ? 22 : 24;
    const withData = features.filter((f) => typeof joined.values.get(idOf(f)) === "number");
    marks.push(Plot.dot(
      withData,
      Plot.centroid({
        r: (f: Feature) => rMax * Math.sqrt(Math.max(0, joined.values.get(idOf(f)) as number) / max),
        fill: "#3182bd",
        fillOpacity: 0.6,
        stroke: "#08519c",
        title: tip,
      }),
    ));
  }
  if (o.labels ?? tiles) {
    marks.push(Plot.text(
      features,
      Plot.centroid({
        text: label,
        fill: (f: Feature) => (luminance(fillOf(f)) < 0.5 ? "white" : "black"),
        fontSize,
        lineHeight: 1.1,
      }),
    ));
  }
  return Plot.plot({
    document: chartDocument(),
    width,
    margin: tiles ? 2 : 4,
    projection: projectionOf(g),
    color: { type: "identity" },
    marks,
  } as PlotT.PlotOptions) as unknown as SVGSVGElement;
}

/** Approximate width of a text in px at `size` (CJK characters are square, Latin about 0.55 em). */
function textWidth(s: string, size: number): number {
  return [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? size : size * 0.56), 0);
}

function wrap(s: string, width: number, size: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of s.split(/(?<=[ ,;，、；])/)) {
    if (line !== "" && textWidth(line + word, size) > width) {
      lines.push(line.trimEnd());
      line = "";
    }
    line += word;
  }
  if (line.trim() !== "") lines.push(line.trimEnd());
  return lines;
}

/** Title, map, legend, notes and source line in one SVG. */
function compose(
  map: SVGSVGElement,
  parts: {
    title: string;
    subtitle?: string;
    legendTitle: string;
    legend: { color: string; text: string; circle?: boolean }[];
    notes: string[];
    source: string;
    legendRight: boolean;
  },
): Element {
  const mw = Number(map.getAttribute("width")), mh = Number(map.getAttribute("height"));
  map.removeAttribute("style");
  map.removeAttribute("font-family");
  const legendW =
    Math.max(textWidth(parts.legendTitle, 11), ...parts.legend.map((l) => 20 + textWidth(l.text, 10))) + 8;
  const content = Math.max(parts.legendRight ? mw + 16 + legendW : mw, 360);
  const headline = Math.max(textWidth(parts.title, 15), textWidth(parts.subtitle ?? "", 11)) + 16;
  const width = Math.max(content, Math.min(headline, 960)); // wider for a long title, then wrapped
  const titleLines = wrap(parts.title, width - 16, 15);
  const subLines = parts.subtitle ? wrap(parts.subtitle, width - 16, 11) : [];
  const header = 8 + 20 * titleLines.length + 16 * subLines.length;
  const legendH = 18 + 16 * parts.legend.length;
  const [lx, ly] = parts.legendRight ? [mw + 16, header + 8] : [8, header + mh + 8];
  let y = parts.legendRight ? header + Math.max(mh, legendH) + 12 : ly + legendH + 6;
  const root = svgEl("svg", {
    width,
    height: 0,
    viewBox: "",
    style: `font-family:${FONT_FAMILY}, sans-serif;font-size:11px;background:white`,
  });
  root.appendChild(svgEl("rect", { x: 0, y: 0, width, height: "100%", fill: "white" }));
  titleLines.forEach((line, k) =>
    root.appendChild(
      svgEl("text", { x: 8, y: 20 + 20 * k, "font-size": 15, "font-weight": "bold", fill: "#111" }, line),
    )
  );
  subLines.forEach((line, k) =>
    root.appendChild(
      svgEl("text", { x: 8, y: 20 * titleLines.length + 14 + 16 * k, "font-size": 11, fill: "#444" }, line),
    )
  );
  map.setAttribute("x", "0");
  map.setAttribute("y", String(header));
  root.appendChild(map);
  root.appendChild(
    svgEl(
      "text",
      { x: lx, y: ly + 10, "font-size": 11, "font-weight": "bold", fill: "#222" },
      parts.legendTitle,
    ),
  );
  parts.legend.forEach((l, i) => {
    const yy = ly + 18 + 16 * i;
    root.appendChild(
      l.circle
        ? svgEl("circle", {
          cx: lx + 6,
          cy: yy + 6,
          r: 5,
          fill: l.color,
          stroke: "#666",
          "stroke-width": 0.5,
        })
        : svgEl("rect", {
          x: lx,
          y: yy,
          width: 12,
          height: 12,
          fill: l.color,
          stroke: "#999",
          "stroke-width": 0.5,
        }),
    );
    root.appendChild(svgEl("text", { x: lx + 18, y: yy + 10, "font-size": 10, fill: "#222" }, l.text));
  });
  for (const note of parts.notes) {
    for (const line of wrap(note, width - 16, 10)) {
      root.appendChild(svgEl("text", { x: 8, y: y += 13, "font-size": 10, fill: "#a40000" }, line));
    }
  }
  for (const line of wrap(parts.source, width - 16, 9)) {
    root.appendChild(svgEl("text", { x: 8, y: y += 12, "font-size": 9, fill: "#666" }, line));
  }
  const height = Math.ceil(y + 8);
  root.setAttribute("height", String(height));
  root.setAttribute("viewBox", `0 0 ${width} ${height}`);
  return root;
}

function resolveInput(table: TableInput | LocalMoranResult, o: RegionMapOptions) {
  const lisa = isLocalMoran(table);
  const t = lisa ? table.table : toTable(table as TableInput);
  const region = o.region ?? (lisa ? "id" : "region"), value = o.value ?? (lisa ? "cluster" : "value");
  if (o.geometry === undefined || o.geometry === null) {
    throw new ValidationError("options of regionMap", [{
      column: "geometry",
      expected:
        'a geometry: await loadGeometry("uk-nuts2" | "china-provinces" | "world-countries"), or GeoJSON/TopoJSON with key',
      received: describeValue(o.geometry),
    }]);
  }
  const g = isGeometry(o.geometry)
    ? o.geometry
    : geometryFromGeoJSON(o.geometry, { key: o.key ?? (undefined as unknown as string) });
  return { lisa, t, region, value, g, lisaResult: lisa ? table : undefined };
}

/**
 * A map of one value per region: a classed choropleth (numbers, quantile classes by default; design choice,
 * `breaks` for your own), a categorical map (text values, e.g. a governance quadrant), or proportional
 * symbols (`kind: "symbols"`: circle area ∝ value, Flannery's square-root rule without his correction). The
 * geometry is a shipped one (`await loadGeometry("china-provinces" | "uk-nuts2" | "world-countries")`) or the
 * user's GeoJSON/TopoJSON with `key`. Data join on the region id or any alias of the geometry (names, ISO and
 * EU codes). Data rows that find no region are never dropped silently: they are listed in a note on the map
 * and in `warnings` (a small country without a shape at 1:110m is named as such); regions without data are
 * grey ("no data"). A {@link localMoran} result draws the LISA cluster map (HH red, LL blue, HL pink, LH
 * light blue, not significant grey, as in GeoDa). Title, legend, notes and source line are inside the SVG,
 * so the PNG stands alone.
 *
 * @param table rows with a region column and a value column, or a localMoran result
 * @param options `geometry` (required) and display options
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGeometry, regionMap } from "clusterlab";
 * const geometry = await loadGeometry("uk-nuts2");
 * const fig = regionMap([{ region: "UKI3", value: 3.2 }, { region: "UKX9", value: 1 }], { geometry, lang: "zh" });
 * assert.deepEqual(fig.unmatched, ["UKX9"]);
 * assert.ok(fig.toSVG().includes("内伦敦西"));
 * ```
 */
export function regionMap(table: TableInput | LocalMoranResult, options: RegionMapOptions): MapFigure {
  const o = options ?? ({} as RegionMapOptions);
  const lang = o.lang ?? "en";
  const { lisa, t, region, value, g, lisaResult } = resolveInput(table, o);
  const joined = joinRows(t, region, value, g);
  const present = [...joined.values.values()];
  const numeric = present.length > 0 && present.every((v) => typeof v === "number" && Number.isFinite(v));
  const bad = present.filter((v) => typeof v !== "number" && typeof v !== "string");
  if (bad.length > 0 || (!numeric && present.some((v) => typeof v === "number"))) {
    throw new ValidationError("table of regionMap", [{
      column: value,
      expected: "finite numbers, or text categories",
      received: describeValue(bad[0] ?? present.find((v) => typeof v === "number")),
    }]);
  }
  const fmt = o.format ??
    ((v: number) =>
      (Math.abs(v) >= 1e4 ? Math.round(v).toLocaleString("en-US") : String(Number(v.toPrecision(3))))
        .replace("-", "−"));
  const colouring = numeric
    ? numericColouring(present as number[], o, fmt)
    : categoricalColouring(present.map(String), o, lang, lisa);
  const map = renderMap(g, joined, colouring, o, lang, fmt);
  const legend: { color: string; text: string; circle?: boolean }[] = o.kind === "symbols"
    ? [{ color: "#3182bd", text: `○ ∝ ${o.label ?? value}`, circle: true }]
    : [...colouring.legend];
  if (g.ids.some((id) => !joined.values.has(id))) legend.push({ color: NO_DATA, text: TEXT.noData[lang] });
  const warnings: string[] = [];
  const notes: string[] = [];
  if (joined.unmatched.length > 0) {
    warnings.push(
      `${joined.unmatched.length} row(s) of the table match no region of the map: ${
        listLabels(joined.unmatched)
      }`,
    );
    notes.push(`${TEXT.unmatched[lang]}: ${joined.unmatched.join(", ")}`);
  }
  if (joined.noShape.length > 0) {
    warnings.push(
      `${joined.noShape.length} region(s) have no shape at this scale: ${listLabels(joined.noShape)}`,
    );
    notes.push(`${TEXT.unmatched[lang]} (${TEXT.noShape[lang]}): ${joined.noShape.join(", ")}`);
  }
  const lisaSub = lisaResult
    ? TEXT.lisaSub[lang].replace("{level}", String(lisaResult.level)) +
      (lisaResult.permutations > 0
        ? `${lang === "zh" ? "，" : ", "}${TEXT.perms[lang].replace("{n}", String(lisaResult.permutations))}`
        : "") +
      `${lang === "zh" ? "；" : "; "}${TEXT.weights[lang].replace("{w}", lisaResult.weights[lang])}`
    : undefined;
  const title = o.title ?? (lisa ? TEXT.lisaTitle[lang] : o.label ?? value);
  const source = [o.source, g.source[lang]].filter(Boolean).join(" · ");
  const element = compose(map, {
    title,
    subtitle: o.subtitle ?? lisaSub,
    legendTitle: o.label ?? (lisa ? "LISA" : value),
    legend,
    notes,
    source,
    legendRight: g.kind === "tile-grid",
  });
  return new MapFigure(element, title, [...joined.unmatched, ...joined.noShape], warnings);
}
