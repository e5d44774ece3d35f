/**
 * March chart 马奇组织学习图: Figure 1 of March (1991), the equilibrium knowledge of the organisational code
 * against the socialisation rate p1, one line per learning rate of the code p2 ({@link simulateMarch}).
 * @module
 */
import { Plot } from "../deps/lazy.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import type { Lang } from "../core/i18n.ts";
import { type Figure, plot, SIMULATION_SOURCE } from "./figure.ts";

const TEXT = {
  march: {
    en: "March (1991) Figure 1: equilibrium knowledge of the code",
    zh: "马奇（1991）图1：组织规范的均衡知识水平",
  },
  p1: { en: "Socialisation rate p1", zh: "社会化速率 p1" },
  knowledge: { en: "Average equilibrium knowledge", zh: "平均均衡知识" },
} as const;

/** Options of {@link marchChart}. */
export interface MarchChartOptions {
  /** Language of the title and labels (default "en"). */
  readonly lang?: Lang;
  /** Width in pixels (default 640). */
  readonly width?: number;
  /** Height in pixels (default 400). */
  readonly height?: number;
  /** Chart title (default: "March (1991) Figure 1: …" in `lang`). */
  readonly title?: string;
  /** Source line under the chart (default "Source: ClusterLab simulation", in `lang`); drawn in the HTML,
   * the standalone SVG and the PNG. */
  readonly source?: string;
}

/** One point of {@link marchChart}: equilibrium `knowledge` at socialisation rate `p1` and code rate `p2`. */
export interface MarchPoint {
  /** Socialisation rate p1 (the x axis). */
  readonly p1: number;
  /** Learning rate of the code p2 (one line per value). */
  readonly p2: number;
  /** Average equilibrium knowledge (the y axis). */
  readonly knowledge: number;
}

/**
 * March's Figure 1 from a table with columns `p1`, `p2` and `knowledge` (e.g. a {@link sweep} of
 * `simulateMarch`): one line per p2, labelled at its right end.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { marchChart } from "clusterlab";
 * const rows = [
 *   { p1: 0.1, p2: 0.9, knowledge: 0.97 }, { p1: 0.9, p2: 0.9, knowledge: 0.73 },
 *   { p1: 0.1, p2: 0.1, knowledge: 0.8 }, { p1: 0.9, p2: 0.1, knowledge: 0.7 },
 * ];
 * const svg = marchChart(rows, { lang: "zh" }).toSVG();
 * assert.ok(svg.includes("社会化速率 p1"));
 * assert.equal(svg.match(/<path[^>]*marker-start/g)?.length, 2); // one line per p2
 * assert.ok(svg.includes(">p2 = 0.9</text>") && svg.includes(">p2 = 0.1</text>")); // end labels
 * ```
 */
export function marchChart(
  table: ColumnTable | readonly MarchPoint[],
  options: MarchChartOptions = {},
): Figure {
  const lang = options.lang ?? "en";
  const rows = (Array.isArray(table) ? table : (table as ColumnTable).objects()) as MarchPoint[];
  const data = rows.map((d) => ({ ...d, series: `p2 = ${d.p2}` }));
  return plot({
    source: options.source ?? SIMULATION_SOURCE[lang],
    width: options.width ?? 640,
    height: options.height ?? 400,
    title: options.title ?? TEXT.march[lang],
    x: { label: TEXT.p1[lang] },
    y: { label: TEXT.knowledge[lang], grid: true },
    color: { legend: true },
    marks: [
      Plot.line(data, { x: "p1", y: "knowledge", stroke: "series", marker: "circle" }),
      Plot.text(data.filter((d) => d.p1 === Math.max(...data.map((e) => e.p1))), {
        x: "p1",
        y: "knowledge",
        text: "series",
        dx: 30,
        fill: "series",
      }),
    ],
    marginRight: 70,
    description: TEXT.march[lang],
  });
}
