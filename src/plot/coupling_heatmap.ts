/**
 * Coupling coordination heatmap 耦合协调度热图: the coupling coordination degree D = √(C·T) of
 * {@link couplingCoordination} (the bands of D after 廖重斌 1999; C_W after Wang et al. 2021) by region × year,
 * coloured by its level band, with the level in each cell's tooltip.
 * @module
 */
import { Plot } from "../deps/lazy.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import { describeValue, ValidationError } from "../core/validation_error.ts";
import { type Bilingual, LABELS, type Lang } from "../core/i18n.ts";
import { COUPLING_D_LEVELS, type LevelBands } from "../classify/coupling.ts";
import { type Figure, plot } from "./figure.ts";
import { checkNames, displayName, type Names } from "./names.ts";
import { requireColumns, widestText } from "./chart_input.ts";

/** Options of {@link couplingHeatmap}. */
export interface CouplingHeatmapOptions {
  /** Language of titles and labels (default "en"). */
  readonly lang?: Lang;
  /** Region column (default "region"). */
  readonly region?: string;
  /** Year column (default "year"). */
  readonly year?: string;
  /** Display names of regions (default: the region codes). */
  readonly names?: Names;
  /** The D bands used (default {@link COUPLING_D_LEVELS}); their edges are the colour classes. */
  readonly levels?: LevelBands;
  /** Order of the regions: as they first appear in the table (default) or by mean D, highest first. */
  readonly sort?: "input" | "D";
  /** Write D in each cell (default true when there are ≤ 400 cells). */
  readonly values?: boolean;
  /** Chart title (default "Coupling coordination degree D" in `lang`). */
  readonly title?: string;
  /** Source line under the chart, e.g. "Source: …" (default none); drawn in the HTML, the standalone SVG
   * and the PNG. */
  readonly source?: string;
}

const TEXT: Record<"title" | "d", Bilingual> = {
  title: { en: "Coupling coordination degree D by region and year", zh: "各地区历年耦合协调度 D" },
  d: { en: "Coupling coordination degree D", zh: "耦合协调度 D" },
};

type Cell = {
  region: string;
  year: string;
  D: number;
  C?: number;
  CW?: number;
  T?: number;
  level?: string;
};

function validate(table: ColumnTable, options: CouplingHeatmapOptions): void {
  const { region = "region", year = "year" } = options;
  requireColumns(table, [region, year, "D"], "input of couplingHeatmap", "a couplingCoordination table");
  if (options.sort !== undefined && options.sort !== "input" && options.sort !== "D") {
    throw new ValidationError("options of couplingHeatmap", [{
      column: "sort",
      expected: `"input" or "D"`,
      received: describeValue(options.sort),
    }]);
  }
  checkNames(options.names, "options of couplingHeatmap");
}

/** Regions in order of first appearance, or by mean D (highest first) with `sort: "D"`. */
function regionOrder(rows: readonly Cell[], sort: CouplingHeatmapOptions["sort"]): string[] {
  const regions = [...new Set(rows.map((r) => r.region))];
  if (sort !== "D") return regions;
  const sum = new Map<string, number>(), count = new Map<string, number>();
  for (const r of rows) {
    sum.set(r.region, (sum.get(r.region) ?? 0) + r.D);
    count.set(r.region, (count.get(r.region) ?? 0) + 1);
  }
  const mean = (g: string) => sum.get(g)! / count.get(g)!;
  return regions.sort((a, b) => mean(b) - mean(a));
}

/**
 * Heatmap of a {@link couplingCoordination} table: one cell per region × year, fill = D in the classes of
 * the level bands (RdYlGn: red disorder, green coordination), optional D values in the cells, and a
 * `<title>` with region, year, C, C_W, T, D and the D level.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { couplingCoordination, couplingHeatmap } from "clusterlab";
 * const t = couplingCoordination([
 *   { region: "A", year: 2020, K: 0.4, O: 0.6 },
 *   { region: "A", year: 2021, K: 0.9, O: 0.95 },
 * ], ["K", "O"], { lang: "zh" });
 * const fig = couplingHeatmap(t.table, { lang: "zh", names: { A: "甲" } });
 * assert.equal(fig.toSVG().match(/<rect/g)?.length, 2); // one cell per region × year
 * assert.ok(fig.toHTML().includes("各地区历年耦合协调度 D"));
 * assert.match(fig.toSVG(), /<title>甲 2021\nD = 0\.962 \(优质协调\)/);
 * ```
 */
export function couplingHeatmap(table: ColumnTable, options: CouplingHeatmapOptions = {}): Figure {
  const { lang = "en", region = "region", year = "year", names, levels = COUPLING_D_LEVELS } = options;
  validate(table, options);
  const rows: Cell[] = (table.objects() as Record<string, unknown>[]).map((r) => ({
    region: displayName(names, String(r[region]), lang),
    year: String(r[year]),
    D: r.D as number,
    C: r.C as number | undefined,
    CW: r.C_W as number | undefined,
    T: r.T as number | undefined,
    level: r.D_level as string | undefined,
  }));
  const showValues = options.values ?? rows.length <= 400;
  const regions = regionOrder(rows, options.sort);
  const longest = widestText(regions, 6.5, 11);
  const f = (v: number | undefined) => (v === undefined ? "–" : v.toFixed(3));
  const title = options.title ?? TEXT.title[lang];
  return plot({
    source: options.source,
    marginLeft: Math.max(60, longest + 12),
    marginBottom: 40,
    width: Math.max(420, 60 + longest + 36 * new Set(rows.map((r) => r.year)).size),
    height: 40 + 18 * regions.length + 40,
    title,
    x: { label: LABELS.year[lang], type: "band" },
    y: { label: null, domain: regions },
    color: {
      type: "threshold",
      domain: levels.edges.slice(1, -1),
      scheme: "RdYlGn",
      legend: true,
      label: TEXT.d[lang],
    },
    marks: [
      Plot.cell(rows, {
        x: "year",
        y: "region",
        fill: "D",
        inset: 0.5,
        title: (d: Cell) =>
          `${d.region} ${d.year}\nD = ${f(d.D)} (${d.level ?? ""})\nC = ${f(d.C)}, C_W = ${f(d.CW)}, T = ${
            f(d.T)
          }`,
      }),
      ...(showValues
        ? [
          Plot.text(rows, {
            x: "year",
            y: "region",
            text: (d: Cell) => d.D.toFixed(2),
            fontSize: 8,
            fill: "black",
          }),
        ]
        : []),
    ],
    description: title,
  });
}
