/**
 * Catch-up chart 追赶图: observed ratios of followers to the leader over time (dots) with fitted catch-up
 * curves (lines) and a reference line at parity (ratio 1); the curves are those of Nelson & Phelps (1966)
 * and Benhabib & Spiegel (2005) fitted by {@link fitCatchUp}.
 * @module
 */
import { Plot } from "../deps/lazy.ts";
import { categoricalRange } from "./palette.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../core/validation_error.ts";
import { LABELS, type Lang } from "../core/i18n.ts";
import { type Figure, plot } from "./figure.ts";

/** One point of {@link catchUpChart}: observed ratio and (optionally) the fitted value. */
export interface CatchUpPoint {
  /** The follower (one colour per entity). */
  readonly entity: string;
  /** The year (or model time), finite. */
  readonly year: number;
  /** Observed follower/leader ratio (e.g. of GDP per capita), finite and > 0. */
  readonly ratio: number;
  /** Fitted ratio at `year` (e.g. `fitCatchUp(...).fitted`), drawn as a line; finite when given. */
  readonly fitted?: number;
}

const TEXT = {
  x: LABELS.year,
  y: { en: "GDP per capita relative to", zh: "人均GDP相对于" },
  title: {
    en: "Latecomer catch-up: observed (dots) and fitted (lines)",
    zh: "后发追赶：观测值（点）与拟合曲线（线）",
  },
  simulated: { en: "Latecomer catch-up: model paths", zh: "后发追赶：模型路径" },
};

/** Options of {@link catchUpChart}. */
export interface CatchUpChartOptions {
  /** Name of the leader in the y-axis label (default "leader" / "领先者"). */
  readonly leader?: string;
  /** Language of the title and axis labels (default "en"). */
  readonly lang?: Lang;
  /** `"observed"` (default): ratios as dots, `fitted` as lines; `"simulated"`: ratios as lines (model paths). */
  readonly kind?: "observed" | "simulated";
  /** x-axis label override (e.g. "model year" for simulated paths; default "Year" in `lang`). */
  readonly xLabel?: string;
  /** y-axis label override (default "GDP per capita relative to" the leader, in `lang`). */
  readonly yLabel?: string;
  /** Width in pixels (default 720). */
  readonly width?: number;
  /** Height in pixels (default 400). */
  readonly height?: number;
  /** Source line under the chart, e.g. "Source: …" (default none); drawn in the HTML, the standalone SVG
   * and the PNG. */
  readonly source?: string;
}

function validate(points: readonly CatchUpPoint[], options: CatchUpChartOptions): void {
  const issues: ValidationIssue[] = [];
  if (!Array.isArray(points)) {
    issues.push({
      column: "points",
      expected: "an array of {entity, year, ratio}",
      received: describeValue(points),
    });
  } else {
    points.forEach((p, i) => {
      const bad = (column: string, expected: string, v: unknown) =>
        issues.push({ row: i + 1, column, expected, received: describeValue(v) });
      if (typeof p?.entity !== "string") bad("entity", "a text name", p?.entity);
      if (!Number.isFinite(p?.year)) bad("year", "a finite number", p?.year);
      if (!(Number.isFinite(p?.ratio) && p.ratio > 0)) bad("ratio", "a finite number > 0", p?.ratio);
      if (p?.fitted !== undefined && !Number.isFinite(p.fitted)) bad("fitted", "a finite number", p.fitted);
    });
  }
  if (options.kind !== undefined && options.kind !== "observed" && options.kind !== "simulated") {
    issues.push({
      column: "kind",
      expected: '"observed" or "simulated"',
      received: describeValue(options.kind),
    });
  }
  if (issues.length > 0) throw new ValidationError("input of catchUpChart", issues);
}

/** One distinct colour per entity: Plot's ten up to ten entities, then Tableau 20 (they repeat beyond 20). */
function entityColors(points: readonly CatchUpPoint[]) {
  const entities = [...new Set(points.map((p) => p.entity))].sort();
  const range = entities.length > 10 ? categoricalRange(entities.length) : undefined;
  return range ? { legend: true, domain: entities, range: [...range] } : { legend: true };
}

/**
 * Plot follower/leader ratios (dots) and fitted curves (lines, where `fitted` is given), coloured by entity;
 * with `kind: "simulated"` the ratios are drawn as lines. Points with a missing, non-finite or non-positive
 * ratio or a non-finite year are a {@link ValidationError} naming the row.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { catchUpChart } from "clusterlab";
 * const points = [
 *   { entity: "KOR", year: 1960, ratio: 0.24, fitted: 0.25 },
 *   { entity: "KOR", year: 1961, ratio: 0.26, fitted: 0.27 },
 * ];
 * const fig = catchUpChart(points, { leader: "日本", lang: "zh" });
 * assert.ok(fig.toSVG().includes("人均GDP相对于 日本")); // the y axis names the leader
 * assert.equal(fig.toSVG().match(/<circle/g)?.length, 2); // one dot per observation
 * assert.ok(fig.toSVG().includes("<title>KOR 1961: 0.26</title>"));
 * ```
 */
export function catchUpChart(
  points: readonly CatchUpPoint[],
  options: CatchUpChartOptions = {},
): Figure {
  validate(points, options);
  const lang = options.lang ?? "en";
  const simulated = options.kind === "simulated";
  const title = (simulated ? TEXT.simulated : TEXT.title)[lang];
  const leader = options.leader ?? (lang === "zh" ? "领先者" : "leader");
  const fitted = points.filter((p) => p.fitted !== undefined);
  const last = new Map<string, CatchUpPoint>();
  for (const p of points) if (!last.has(p.entity) || last.get(p.entity)!.year < p.year) last.set(p.entity, p);
  return plot({
    source: options.source,
    width: options.width ?? 720,
    height: options.height ?? 400,
    marginRight: 60,
    title,
    x: { label: options.xLabel ?? TEXT.x[lang], tickFormat: "d" },
    y: { label: options.yLabel ?? `${TEXT.y[lang]} ${leader}`, grid: true },
    color: entityColors(points),
    marks: [
      Plot.ruleY([1], { stroke: "#999", strokeDasharray: "4,3" }),
      simulated
        ? Plot.line(points, { x: "year", y: "ratio", stroke: "entity", strokeWidth: 2 })
        : Plot.dot(points, {
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
    description: title,
  });
}
