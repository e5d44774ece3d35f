/**
 * Coupling coordination heatmap 耦合协调度热图 (DESIGN §3.4): the coupling coordination degree D by region ×
 * year, coloured by its level band, with the level in each cell's tooltip.
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { ColumnTable } from "arquero";
import { describeValue, ValidationError } from "../data/validation_error.ts";
import { type Bilingual, LABELS, type Lang } from "../i18n.ts";
import { COUPLING_D_LEVELS, type LevelBands } from "../classify/coupling.ts";
import { type Figure, plot } from "./figure.ts";

/** Options of {@link couplingHeatmap}. */
export interface CouplingHeatmapOptions {
  /** Language of titles and labels (default "en"). */
  readonly lang?: Lang;
  /** Region column (default "region"). */
  readonly region?: string;
  /** Year column (default "year"). */
  readonly year?: string;
  /** Display names of regions. */
  readonly names?: Readonly<Record<string, string>>;
  /** The D bands used (default {@link COUPLING_D_LEVELS}); their edges are the colour classes. */
  readonly levels?: LevelBands;
  /** Order of the regions: as they first appear in the table (default) or by mean D, highest first. */
  readonly sort?: "input" | "D";
  /** Write D in each cell (default true when there are ≤ 400 cells). */
  readonly values?: boolean;
  /** Chart title (default "Coupling coordination degree D" in `lang`). */
  readonly title?: string;
}

const TEXT: Record<"title" | "d", Bilingual> = {
  title: { en: "Coupling coordination degree D by region and year", zh: "各地区历年耦合协调度 D" },
  d: { en: "Coupling coordination degree D", zh: "耦合协调度 D" },
};

/**
 * Heatmap of a {@link couplingCoordination} table: one cell per region × year, fill = D in the classes of
 * the level bands (RdYlGn: red disorder, green coordination), optional D values in the cells, and a
 * `<title>` with region, year, C, C_W, T, D and the D level.
 *
 * @example
 * ```ts
 * import { couplingCoordination, couplingHeatmap } from "clusterlab";
 * const t = couplingCoordination([{ region: "A", year: 2020, K: 0.4, O: 0.6 }], { subsystems: ["K", "O"] });
 * couplingHeatmap(t).toSVG().startsWith("<svg"); // true
 * ```
 */
export function couplingHeatmap(table: ColumnTable, options: CouplingHeatmapOptions = {}): Figure {
  const { lang = "en", region = "region", year = "year", names = {}, levels = COUPLING_D_LEVELS } = options;
  const cols = table.columnNames();
  const missing = [region, year, "D"].filter((c) => !cols.includes(c));
  if (missing.length > 0) {
    throw new ValidationError(
      "input of couplingHeatmap",
      missing.map((c) => ({
        column: c,
        expected: `a column "${c}" (a couplingCoordination table)`,
        received: `columns ${cols.join(", ")}`,
      })),
    );
  }
  const rows = (table.objects() as Record<string, unknown>[]).map((r) => ({
    region: names[String(r[region])] ?? String(r[region]),
    year: String(r[year]),
    D: r.D as number,
    C: r.C as number | undefined,
    CW: r.C_W as number | undefined,
    T: r.T as number | undefined,
    level: r.D_level as string | undefined,
  }));
  const showValues = options.values ?? rows.length <= 400;
  if (options.sort !== undefined && options.sort !== "input" && options.sort !== "D") {
    throw new ValidationError("options of couplingHeatmap", [{
      column: "sort",
      expected: `"input" or "D"`,
      received: describeValue(options.sort),
    }]);
  }
  let regions = [...new Set(rows.map((r) => r.region))];
  if (options.sort === "D") {
    const sum = new Map<string, number>(), count = new Map<string, number>();
    for (const r of rows) {
      sum.set(r.region, (sum.get(r.region) ?? 0) + r.D);
      count.set(r.region, (count.get(r.region) ?? 0) + 1);
    }
    const mean = (g: string) => sum.get(g)! / count.get(g)!;
    regions = regions.sort((a, b) => mean(b) - mean(a));
  }
  const longest = Math.max(
    ...regions.map((r) => [...r].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 11 : 6.5), 0)),
  );
  const inner = levels.edges.slice(1, -1);
  const f = (v: number | undefined) => (v === undefined ? "–" : v.toFixed(3));
  return plot({
    marginLeft: Math.max(60, longest + 12),
    marginBottom: 40,
    width: Math.max(420, 60 + longest + 36 * new Set(rows.map((r) => r.year)).size),
    height: 40 + 18 * regions.length + 40,
    title: options.title ?? TEXT.title[lang],
    x: { label: LABELS.year[lang], type: "band" },
    y: { label: null, domain: regions },
    color: {
      type: "threshold",
      domain: inner,
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
        title: (d: typeof rows[number]) =>
          `${d.region} ${d.year}\nD = ${f(d.D)} (${d.level ?? ""})\nC = ${f(d.C)}, C_W = ${f(d.CW)}, T = ${
            f(d.T)
          }`,
      }),
      ...(showValues
        ? [
          Plot.text(rows, {
            x: "year",
            y: "region",
            text: (d: typeof rows[number]) => d.D.toFixed(2),
            fontSize: 8,
            fill: "black",
          }),
        ]
        : []),
    ],
  }, options.title ?? TEXT.title[lang]);
}
