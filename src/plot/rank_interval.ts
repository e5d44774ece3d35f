/**
 * Rank-interval chart 复杂度排名区间图: each region's (or sector's) ECI/PCI rank as a dot and its bootstrap
 * percentile interval as a line, from {@link bootstrapComplexity}, with title, legend and source line inside
 * the SVG.
 * @module
 */
import { Plot } from "../deps/lazy.ts";
import type { Bilingual, Lang } from "../core/i18n.ts";
import { describeValue, ValidationError } from "../core/validation_error.ts";
import type { BootstrapComplexityResult } from "../indicators/bootstrap_complexity.ts";
import { type Figure, plot } from "./figure.ts";
import { footerMarks, HEADER_HEIGHT, headerMarks, textWidth } from "./frame.ts";
import { checkNames, displayName, type Names } from "./names.ts";

/** Options of {@link rankIntervalChart}. */
export interface RankIntervalChartOptions {
  /** Rank `"regions"` (default, ECI) or `"sectors"` (PCI). */
  readonly side?: "regions" | "sectors";
  /** How many units, best ranked first (default all, at most 60). */
  readonly top?: number;
  /** Units drawn in the highlight colour (labels). */
  readonly highlight?: readonly string[];
  /** Display names (label → text; default the label). */
  readonly names?: Names;
  /** Title (default "ECI ranks with 95% bootstrap intervals", in `lang`). */
  readonly title?: string;
  /** Subtitle (default: what the dot and the line are, the replicates and the resampled unit). */
  readonly subtitle?: string;
  /** Source line (data credit), before the method credit. */
  readonly source?: string;
  /** Language of the texts (default "en"). */
  readonly lang?: Lang;
  /** Width in pixels (default 720). */
  readonly width?: number;
}

const COLORS = { interval: "#4e79a7", highlight: "#e15759" };
const TEXT = {
  eci: { en: "ECI", zh: "经济复杂度（ECI）" },
  pci: { en: "PCI", zh: "产品复杂度（PCI）" },
  fitness: { en: "Fitness", zh: "适应度" },
  complexity: { en: "Complexity", zh: "复杂度" },
  ranks: { en: "ranks with", zh: "排名及" },
  intervals: { en: "bootstrap intervals", zh: "自助法区间" },
  axis: { en: "Rank (1 = most complex) →", zh: "排名（1 = 最复杂）→" },
  sub: {
    en: (b: number, unit: string) =>
      `Dot: rank of the estimate; line: percentile interval of ${
        b.toLocaleString("en-US")
      } replicates (${unit} resampled)`,
    zh: (b: number, unit: string) => `点：估计值的排名；线：${b} 次重抽样的百分位区间（重抽${unit}）`,
  },
  unit: {
    sectors: { en: "sectors", zh: "部门" },
    regions: { en: "regions", zh: "地区" },
  },
  method: {
    en: "Method: bootstrap (ClusterLab bootstrapComplexity)",
    zh: "方法：自助法（ClusterLab bootstrapComplexity）",
  },
};

/**
 * An interval plot of complexity ranks: one row per region (or sector), best ranked on top, a dot at the rank
 * of the estimate and a line over its bootstrap percentile interval of ranks (`rank_lower` … `rank_upper` of
 * {@link bootstrapComplexity}). Long lines mean ranks that the data do not pin down. Title, subtitle, legend
 * and source line are part of the SVG, so of the PNG.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { bootstrapComplexity, matrixFrom, rankIntervalChart } from "clusterlab";
 * const M = matrixFrom(
 *   Array.from({ length: 5 }, (_, i) => Array.from({ length: 6 }, (_, j) => (j < 6 - i ? 1 : 0))),
 *   { regions: ["A", "B", "C", "D", "E"], sectors: [..."uvwxyz"] },
 * );
 * const svg = rankIntervalChart(bootstrapComplexity(M, { replicates: 100, seed: 1 }), { source: "Toy data" }).toSVG();
 * assert.ok(svg.includes("ECI ranks with 95% bootstrap intervals") && svg.includes("Toy data"));
 * assert.ok(svg.includes(">A<") && svg.includes("100 replicates (sectors resampled)"));
 * ```
 */
export function rankIntervalChart(
  result: BootstrapComplexityResult,
  options: RankIntervalChartOptions = {},
): Figure {
  const { side = "regions", lang = "en", width = 720 } = options;
  const top = options.top ?? 60;
  if (!(Number.isInteger(top) && top >= 1)) {
    throw new ValidationError("options of rankIntervalChart", [{
      column: "top",
      expected: "a positive integer",
      received: describeValue(top),
    }]);
  }
  checkNames(options.names, "options of rankIntervalChart");
  if (side !== "regions" && side !== "sectors") {
    throw new ValidationError("options of rankIntervalChart", [{
      column: "side",
      expected: '"regions" or "sectors"',
      received: describeValue(side),
    }]);
  }
  const key = side === "regions" ? "region" : "sector";
  const rows = (result[side].objects() as Record<string, number | string>[])
    .filter((d) => Number.isFinite(d.rank))
    .sort((a, b) => (a.rank as number) - (b.rank as number))
    .slice(0, top);
  const name = (l: string) => displayName(options.names, l, lang);
  const highlight = new Set(options.highlight ?? []);
  const drawn = new Set(rows.map((d) => d[key] as string));
  const absent = [...highlight].filter((h) => !drawn.has(h));
  const warnings = absent.length
    ? [`highlight: ${absent.join(", ")} not among the ${rows.length} units drawn (not shown)`]
    : [];
  const data = rows.map((d) => ({
    label: name(d[key] as string),
    rank: d.rank as number,
    lower: d.rank_lower as number,
    upper: d.rank_upper as number,
    color: highlight.has(d[key] as string) ? COLORS.highlight : COLORS.interval,
  }));
  const score = side === "regions" ? result.estimate.eci.name : result.estimate.pci.name;
  const what = TEXT[score as keyof typeof TEXT] as Bilingual;
  const pct = `${Math.round(result.level * 1000) / 10}%`;
  const title = options.title ??
    (lang === "zh"
      ? `${what.zh}${TEXT.ranks.zh} ${pct} ${TEXT.intervals.zh}`
      : `${what.en} ${TEXT.ranks.en} ${pct} ${TEXT.intervals.en}`);
  const subtitle = options.subtitle ?? TEXT.sub[lang](result.replicates, TEXT.unit[result.resample][lang]);
  // the subtitle says what the dot and the line are; the legend names the highlighted units
  const legend = highlight.size
    ? [{ label: [...highlight].map(name).join(", "), color: COLORS.highlight }]
    : [];
  const footer = footerMarks(
    legend,
    options.source ? `${options.source} · ${TEXT.method[lang]}` : TEXT.method[lang],
    width,
    40,
  );
  const n = side === "regions" ? result.regions.numRows() : result.sectors.numRows();
  return plot({
    width,
    height: HEADER_HEIGHT + 18 * data.length + 10 + footer.height,
    marginTop: HEADER_HEIGHT,
    marginBottom: footer.height,
    marginLeft: 16 + Math.max(20, ...data.map((d) => textWidth(d.label, 11))),
    marginRight: 20,
    x: { label: null, domain: [1, n], grid: true, inset: 6 },
    y: { label: null, domain: data.map((d) => d.label) },
    marks: [
      Plot.ruleY(data, {
        y: "label",
        x1: "lower",
        x2: "upper",
        stroke: "color",
        strokeWidth: 2.5,
        strokeOpacity: 0.55,
      }),
      Plot.dot(data, { y: "label", x: "rank", fill: "color", r: 4, stroke: "white" }),
      Plot.text([TEXT.axis[lang]], { frameAnchor: "bottom", dy: 36, fontSize: 11, fill: "#333" }),
      ...headerMarks(title, subtitle),
      ...footer.marks,
    ],
    description: title,
    warnings,
  });
}
