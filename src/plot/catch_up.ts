/**
 * Catch-up chart 追赶图: observed ratios of followers to the leader over time (dots) with fitted catch-up
 * curves (lines) and a reference line at parity (ratio 1).
 *
 * @example
 * ```ts ignore
 * import { catchUpChart } from "clusterlab";
 * catchUpChart([{ entity: "KOR", year: 1960, ratio: 0.24, fitted: 0.25 }], { leader: "Japan", lang: "zh" });
 * ```
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { Lang } from "../i18n.ts";
import { type Figure, plot } from "./figure.ts";

/** One point of {@link catchUpChart}: observed ratio and (optionally) the fitted value. */
export interface CatchUpPoint {
  readonly entity: string;
  readonly year: number;
  readonly ratio: number;
  readonly fitted?: number;
}

const TEXT = {
  x: { en: "Year", zh: "年份" },
  y: { en: "GDP per capita relative to", zh: "人均GDP相对于" },
  title: {
    en: "Latecomer catch-up: observed (dots) and fitted (lines)",
    zh: "后发追赶：观测值（点）与拟合曲线（线）",
  },
};

/**
 * Plot follower/leader ratios (dots) and fitted curves (lines, where `fitted` is given), coloured by entity.
 *
 * @example
 * ```ts ignore
 * catchUpChart(points, { leader: "日本", lang: "zh" }).save("out/catch-up.svg");
 * ```
 */
export function catchUpChart(
  points: readonly CatchUpPoint[],
  options: { leader?: string; lang?: Lang; width?: number; height?: number } = {},
): Figure {
  const lang = options.lang ?? "en";
  const leader = options.leader ?? (lang === "zh" ? "领先者" : "leader");
  const fitted = points.filter((p) => p.fitted !== undefined && Number.isFinite(p.fitted));
  const last = new Map<string, CatchUpPoint>();
  for (const p of points) if (!last.has(p.entity) || last.get(p.entity)!.year < p.year) last.set(p.entity, p);
  return plot({
    width: options.width ?? 720,
    height: options.height ?? 400,
    marginRight: 60,
    title: TEXT.title[lang],
    x: { label: TEXT.x[lang], tickFormat: "d" },
    y: { label: `${TEXT.y[lang]} ${leader}`, grid: true },
    color: { legend: true },
    marks: [
      Plot.ruleY([1], { stroke: "#999", strokeDasharray: "4,3" }),
      Plot.dot(points, {
        x: "year",
        y: "ratio",
        fill: "entity",
        r: 2.5,
        title: (d: CatchUpPoint) => `${d.entity} ${d.year}: ${d.ratio}`,
      }),
      Plot.line(fitted, { x: "year", y: "fitted", stroke: "entity", strokeWidth: 2 }),
      Plot.text([...last.values()], {
        x: "year",
        y: "ratio",
        text: "entity",
        fill: "entity",
        dx: 6,
        textAnchor: "start",
      }),
    ],
  }, TEXT.title[lang]);
}
