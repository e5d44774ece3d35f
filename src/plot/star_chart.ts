/**
 * Star chart 星级图: European Cluster Observatory stars (size, specialisation, focus) per region × category,
 * with the US Cluster Mapping "strong cluster" verdict outlined so the two rules can be compared.
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { ColumnTable } from "arquero";
import { type TableInput, toTable } from "../data/adapters.ts";
import { describeValue, ValidationError } from "../data/validation_error.ts";
import { type Bilingual, LABELS, type Lang } from "../i18n.ts";
import { type Figure, plot } from "./figure.ts";

/** Options of {@link starChart}. */
export interface StarChartOptions {
  /** Language of titles and labels (default "en"). */
  readonly lang?: Lang;
  /** Show only categories (and regions) with at least one cell of this many stars (default 1). */
  readonly minStars?: 0 | 1 | 2 | 3;
  /** Outline the cells the US Cluster Mapping rule calls strong (default true, needs `us_strong`). */
  readonly showUS?: boolean;
  /** Display names of regions, by id (default: the id). */
  readonly rowNames?: Readonly<Record<string, string>> | ReadonlyMap<string, string>;
  /** Display names of categories, by id (default: the id). */
  readonly colNames?: Readonly<Record<string, string>> | ReadonlyMap<string, string>;
  /** Chart title (default in `lang`). */
  readonly title?: string;
  /** Pixel size of a cell (default 16). */
  readonly cellSize?: number;
}

/** Texts of the star chart. */
export const STAR_CHART_TEXT: Readonly<Record<"title" | "stars" | "us" | "subtitle", Bilingual>> = {
  title: { en: "European Cluster Observatory stars", zh: "欧洲集群观察站星级" },
  stars: { en: "Stars (size, specialisation, focus)", zh: "星级（规模、专业化、集中度）" },
  us: { en: "outlined: US Cluster Mapping strong cluster", zh: "黑框：美国集群图谱“强集群”" },
  subtitle: { en: "number = stars", zh: "数字 = 星数" },
};

function nameOf(names: StarChartOptions["rowNames"], id: string): string {
  if (!names) return id;
  if (names instanceof Map) return names.get(id) ?? id;
  const rec = names as Readonly<Record<string, string>>;
  return Object.hasOwn(rec, id) ? rec[id]! : id;
}

/**
 * Plot ECO stars from the table of `identifyClusters` (columns `region`, `sector`, `eco_stars`, and
 * `us_strong` for the outline). Cells are coloured by the number of stars (0–3) and labelled with it; cells
 * that the US rule calls strong get a black outline, so agreements and disagreements of the two rules are
 * visible at a glance. Regions and categories without a cell of `minStars` stars are left out.
 *
 * @example
 * ```ts
 * import { identifyClusters, matrixFrom, starChart } from "clusterlab";
 * const x = matrixFrom([[50, 5, 5], [5, 50, 5], [5, 5, 50], [20, 20, 20]], {
 *   rows: ["R1", "R2", "R3", "R4"], cols: ["A", "B", "C"],
 * });
 * starChart(identifyClusters(x), { lang: "zh" }).toSVG().includes("星"); // true
 * ```
 */
export function starChart(input: TableInput, options: StarChartOptions = {}): Figure {
  const { lang = "en", minStars = 1, showUS = true, cellSize = 16 } = options;
  const t: ColumnTable = toTable(input);
  const names = new Set(t.columnNames());
  const need = ["region", "sector", "eco_stars", ...(showUS ? ["us_strong"] : [])];
  const missing = need.filter((c) => !names.has(c));
  if (missing.length) {
    throw new ValidationError(
      "input of starChart",
      missing.map((c) => ({
        column: c,
        expected: `a column "${c}" (the table of identifyClusters)`,
        received: "none",
      })),
    );
  }
  if (![0, 1, 2, 3].includes(minStars)) {
    throw new ValidationError("options of starChart", [{
      column: "minStars",
      expected: "0, 1, 2 or 3",
      received: describeValue(minStars),
    }]);
  }
  const rows = t.objects() as { region: string; sector: string; eco_stars: number; us_strong?: boolean }[];
  const keepRegion = new Set<string>(), keepSector = new Set<string>();
  for (const d of rows) {
    if (d.eco_stars >= minStars) {
      keepRegion.add(d.region);
      keepSector.add(d.sector);
    }
  }
  const cells = rows.filter((d) => keepRegion.has(d.region) && keepSector.has(d.sector)).map((d) => ({
    region: nameOf(options.rowNames, d.region),
    sector: nameOf(options.colNames, d.sector),
    stars: d.eco_stars,
    us: d.us_strong === true,
  }));
  const regionOrder = [...new Set(rows.map((d) => d.region))].filter((r) => keepRegion.has(r)).map((r) =>
    nameOf(options.rowNames, r)
  );
  const sectorOrder = [...new Set(rows.map((d) => d.sector))].filter((s) => keepSector.has(s)).map((s) =>
    nameOf(options.colNames, s)
  );
  // Approximate text width in 11 px units: a CJK character is about twice as wide as a Latin one.
  const longest = (xs: string[]) =>
    xs.reduce(
      (m, s) => Math.max(m, [...s].reduce((w, ch) => w + (ch.codePointAt(0)! >= 0x2e80 ? 1.9 : 1), 0)),
      0,
    );
  const marginLeft = Math.min(260, 12 + 6.5 * longest(regionOrder));
  const marginBottom = Math.min(300, 36 + 5.5 * longest(sectorOrder));
  const starsText = STAR_CHART_TEXT.stars[lang];
  return plot({
    title: options.title ?? STAR_CHART_TEXT.title[lang],
    subtitle: `${STAR_CHART_TEXT.subtitle[lang]}; ${showUS ? STAR_CHART_TEXT.us[lang] : ""}`,
    width: marginLeft + 20 + cellSize * sectorOrder.length,
    height: marginBottom + 30 + cellSize * regionOrder.length,
    marginLeft,
    marginBottom,
    padding: 0.08,
    x: { domain: sectorOrder, label: LABELS.sector[lang], tickRotate: -60 },
    y: { domain: regionOrder, label: LABELS.region[lang] },
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
        title: (d: { region: string; sector: string; stars: number; us: boolean }) =>
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
  }, `${STAR_CHART_TEXT.title[lang]}: ${regionOrder.length} regions × ${sectorOrder.length} categories`);
}
