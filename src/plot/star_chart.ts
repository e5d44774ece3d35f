/**
 * Star chart 星级图: European Cluster Observatory stars (size, specialisation, focus) per region × category,
 * with the US Cluster Mapping "strong cluster" verdict outlined so the two rules can be compared.
 * @module
 */
import { Plot } from "../deps/lazy.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import { type TableInput, toTable } from "../data/adapters.ts";
import { describeValue, ValidationError } from "../core/validation_error.ts";
import { type Bilingual, LABELS, type Lang } from "../core/i18n.ts";
import { type Figure, plot } from "./figure.ts";
import { checkNames, displayName, type Names, type NamesV01, withNames } from "./names.ts";
import { cellGridFrame, columnTicks, requireColumns } from "./chart_input.ts";

/** Options of {@link starChart}. */
export interface StarChartOptions {
  /** Language of titles and labels (default "en"). */
  readonly lang?: Lang;
  /** Region column (default "region"). */
  readonly region?: string;
  /** Category column (default "sector"). */
  readonly sector?: string;
  /** Show only categories (and regions) with at least one cell of this many stars (default 1). */
  readonly minStars?: 0 | 1 | 2 | 3;
  /** Outline the cells the US Cluster Mapping rule calls strong (default true, needs `us_strong`). */
  readonly showUS?: boolean;
  /** Display names of regions and categories, by id (default: the id). */
  readonly names?: Names;
  /** @deprecated Use `names`: 0.1's display names of regions (a record or a Map), merged into `names`. */
  readonly rowNames?: NamesV01;
  /** @deprecated Use `names`: 0.1's display names of categories (a record or a Map), merged into `names`. */
  readonly colNames?: NamesV01;
  /** Chart title (default in `lang`). */
  readonly title?: string;
  /** Pixel size of a cell (default 16). */
  readonly cellSize?: number;
  /** Source line under the chart, e.g. "Source: …" (default none); drawn in the HTML, the standalone SVG
   * and the PNG. */
  readonly source?: string;
}

/** Texts of the star chart. */
export const STAR_CHART_TEXT: Readonly<Record<"title" | "stars" | "us" | "subtitle", Bilingual>> = {
  title: { en: "European Cluster Observatory stars", zh: "欧洲集群观察站星级" },
  stars: { en: "Stars (size, specialisation, focus)", zh: "星级（规模、专业化、集中度）" },
  us: { en: "outlined: US Cluster Mapping strong cluster", zh: "黑框：美国集群图谱“强集群”" },
  subtitle: { en: "number = stars", zh: "数字 = 星数" },
};

type Cell = { region: string; sector: string; stars: number; us: boolean };

/** The cells kept (regions and categories with a cell of `minStars` stars), in display names. */
function starCells(
  t: ColumnTable,
  options: StarChartOptions,
): { cells: Cell[]; regions: string[]; sectors: string[] } {
  const { lang = "en", region = "region", sector = "sector", minStars = 1, names } = options;
  const rows = (t.objects() as Record<string, unknown>[]).map((d) => ({
    region: String(d[region]),
    sector: String(d[sector]),
    stars: d.eco_stars as number,
    us: d.us_strong === true,
  }));
  const keepRegion = new Set<string>(), keepSector = new Set<string>();
  for (const d of rows) {
    if (d.stars >= minStars) {
      keepRegion.add(d.region);
      keepSector.add(d.sector);
    }
  }
  const name = (id: string) => displayName(names, id, lang);
  const cells = rows.filter((d) => keepRegion.has(d.region) && keepSector.has(d.sector))
    .map((d) => ({ ...d, region: name(d.region), sector: name(d.sector) }));
  const kept = (ids: string[], keep: Set<string>) => [...new Set(ids)].filter((r) => keep.has(r)).map(name);
  return {
    cells,
    regions: kept(rows.map((d) => d.region), keepRegion),
    sectors: kept(rows.map((d) => d.sector), keepSector),
  };
}

/**
 * Plot ECO stars from the `table` of `identifyClusters` (columns `region`, `sector`, `eco_stars`, and
 * `us_strong` for the outline). Cells are coloured by the number of stars (0–3) and labelled with it; cells
 * that the US rule calls strong get a black outline, so agreements and disagreements of the two rules are
 * visible at a glance. Regions and categories without a cell of `minStars` stars are left out.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { identifyClusters, matrixFrom, starChart } from "clusterlab";
 * const x = matrixFrom([[50, 5, 5], [5, 50, 5], [5, 5, 50], [20, 20, 20]], {
 *   rows: ["R1", "R2", "R3", "R4"], cols: ["A", "B", "C"],
 * });
 * const fig = starChart(identifyClusters(x), { lang: "zh", names: { R1: "一区" } });
 * assert.ok(fig.toHTML().includes("欧洲集群观察站星级"));
 * assert.ok(fig.toSVG().includes("<title>一区 × A\n星级（规模、专业化、集中度）: 3"));
 * assert.equal(fig.description, "欧洲集群观察站星级: 3 regions × 3 categories"); // R4 has no star
 * ```
 */
export function starChart(input: TableInput, options01: StarChartOptions = {}): Figure {
  const options = withNames("options of starChart", options01, ["rowNames", "colNames"]);
  const { lang = "en", minStars = 1, showUS = true, cellSize = 16 } = options;
  const t: ColumnTable = toTable(input);
  const { region = "region", sector = "sector" } = options;
  requireColumns(
    t,
    [region, sector, "eco_stars", ...(showUS ? ["us_strong"] : [])],
    "input of starChart",
    "the table of identifyClusters",
  );
  if (![0, 1, 2, 3].includes(minStars)) {
    throw new ValidationError("options of starChart", [{
      column: "minStars",
      expected: "0, 1, 2 or 3",
      received: describeValue(minStars),
    }]);
  }
  checkNames(options.names, "options of starChart");
  const { cells, regions, sectors } = starCells(t, options);
  const starsText = STAR_CHART_TEXT.stars[lang];
  return plot({
    source: options.source,
    title: options.title ?? STAR_CHART_TEXT.title[lang],
    subtitle: `${STAR_CHART_TEXT.subtitle[lang]}; ${showUS ? STAR_CHART_TEXT.us[lang] : ""}`,
    ...cellGridFrame(regions, sectors, cellSize),
    padding: 0.08,
    x: { domain: sectors, label: LABELS.sector[lang], ...columnTicks(sectors, cellSize) },
    y: { domain: regions, label: LABELS.region[lang] },
    color: {
      type: "ordinal",
      domain: [0, 1, 2, 3],
      range: ["#f4f4f4", "#fde68a", "#f59e0b", "#b45309"],
      legend: true,
      label: starsText,
    },
    marks: [
      Plot.cell(cells, {
        x: "sector",
        y: "region",
        fill: "stars",
        title: (d: Cell) =>
          `${d.region} × ${d.sector}\n${starsText}: ${d.stars}${d.us ? `\n${STAR_CHART_TEXT.us[lang]}` : ""}`,
      }),
      Plot.text(cells.filter((d) => d.stars > 0), { x: "sector", y: "region", text: "stars", fontSize: 9 }),
      ...(showUS
        ? [
          Plot.cell(cells.filter((d) => d.us), {
            x: "sector",
            y: "region",
            fill: "none",
            stroke: "black",
            strokeWidth: 1.5,
          }),
        ]
        : []),
    ],
    description: `${STAR_CHART_TEXT.title[lang]}: ${regions.length} regions × ${sectors.length} categories`,
  });
}
