/**
 * Specialisation heatmap 专业化热图: regions × sectors coloured by location quotient in diverging classes
 * centred at LQ = 1 (blue below, red above).
 * @module
 */
import * as Plot from "@observablehq/plot";
import { describeValue, ValidationError } from "../data/validation_error.ts";
import { type Bilingual, LABELS, type Lang } from "../i18n.ts";
import { Matrix } from "../indicators/matrix.ts";
import { type Figure, plot } from "./figure.ts";

/** Options of {@link specialisationHeatmap}. */
export interface SpecialisationHeatmapOptions {
  /** Language of titles and axis labels (default "en"). */
  readonly lang?: Lang;
  /** Display names of regions (by row label); default the labels themselves. */
  readonly rowNames?: Readonly<Record<string, string>> | ReadonlyMap<string, string>;
  /** Display names of sectors (by column label); default the labels themselves. */
  readonly colNames?: Readonly<Record<string, string>> | ReadonlyMap<string, string>;
  /**
   * Class breaks of the colour scale, ascending (default [0.25, 0.5, 0.8, 1.25, 2, 4]: symmetric in log
   * around 1, so the middle class 0.8 ≤ LQ < 1.25 is neutral). LQ 0 falls in the lowest class.
   */
  readonly breaks?: readonly number[];
  /** Chart title (default "Specialisation (location quotient)" in `lang`). */
  readonly title?: string;
  /** Pixel size of a cell (default 12). */
  readonly cellSize?: number;
}

const TEXT: Record<"title" | "note", Bilingual> = {
  title: { en: "Specialisation (location quotient)", zh: "专业化程度（区位商）" },
  note: { en: "colour: LQ classes, diverging at 1", zh: "颜色：区位商分级，以1为分界" },
};

function nameOf(names: SpecialisationHeatmapOptions["rowNames"], id: string): string {
  if (!names) return id;
  if (names instanceof Map) return names.get(id) ?? id;
  const rec = names as Readonly<Record<string, string>>;
  return Object.hasOwn(rec, id) ? rec[id]! : id;
}

/**
 * Heatmap of a region × sector location-quotient matrix (e.g. `locationQuotient(x)`): one cell per region ×
 * sector, coloured by class of LQ with a diverging scheme pivoting at LQ = 1 (RdBu reversed: red =
 * specialised; a threshold scale, whose legend renders without a canvas). Each cell's `<title>` gives the
 * region, sector and exact LQ. Axis titles and chart title are in `lang`; display names come from `rowNames`/`colNames`.
 *
 * @example
 * ```ts
 * import { locationQuotient, matrixFrom, specialisationHeatmap } from "clusterlab";
 * const x = matrixFrom([[10, 0], [10, 20]], { rows: ["A", "B"], cols: ["s1", "s2"] });
 * const fig = specialisationHeatmap(locationQuotient(x), { lang: "zh" });
 * fig.toSVG().includes("区位商"); // true
 * ```
 */
export function specialisationHeatmap(lq: Matrix, options: SpecialisationHeatmapOptions = {}): Figure {
  const { lang = "en", breaks = [0.25, 0.5, 0.8, 1.25, 2, 4], cellSize = 12 } = options;
  if (!(lq instanceof Matrix)) {
    throw new ValidationError("input of specialisationHeatmap", [{
      column: "lq",
      expected: "a Matrix of location quotients",
      received: describeValue(lq),
    }]);
  }
  if (
    !Array.isArray(breaks) || breaks.length < 2 ||
    breaks.some((b, k) =>
      !(typeof b === "number" && Number.isFinite(b) && b > 0) || (k > 0 && !(b > breaks[k - 1]!))
    )
  ) {
    throw new ValidationError("options of specialisationHeatmap", [{
      column: "breaks",
      expected: "at least 2 ascending finite numbers > 0",
      received: describeValue(breaks),
    }]);
  }
  const cells: { region: string; sector: string; lq: number }[] = [];
  for (let i = 0; i < lq.nrow; i++) {
    for (let j = 0; j < lq.ncol; j++) {
      const v = lq.data[i * lq.ncol + j]!;
      cells.push({
        region: nameOf(options.rowNames, lq.rows[i]!),
        sector: nameOf(options.colNames, lq.cols[j]!),
        lq: v,
      });
    }
  }
  const rowOrder = lq.rows.map((r) => nameOf(options.rowNames, r));
  const colOrder = lq.cols.map((c) => nameOf(options.colNames, c));
  // Approximate text width in 11 px units: a CJK character is about twice as wide as a Latin one.
  const longest = (xs: string[]) =>
    xs.reduce(
      (m, s) => Math.max(m, [...s].reduce((w, ch) => w + (ch.codePointAt(0)! >= 0x2e80 ? 1.9 : 1), 0)),
      0,
    );
  const marginLeft = Math.min(260, 12 + 6.5 * longest(rowOrder));
  const marginBottom = Math.min(300, 36 + 5.5 * longest(colOrder));
  const lqText = LABELS.locationQuotient[lang];
  return plot({
    title: options.title ?? TEXT.title[lang],
    subtitle: TEXT.note[lang],
    width: marginLeft + 20 + cellSize * lq.ncol,
    height: marginBottom + 30 + cellSize * lq.nrow,
    marginLeft,
    marginBottom,
    padding: 0.05,
    x: { domain: colOrder, label: LABELS.sector[lang], tickRotate: -60 },
    y: { domain: rowOrder, label: LABELS.region[lang] },
    color: {
      type: "threshold",
      domain: [...breaks],
      scheme: "RdBu",
      reverse: true,
      legend: true,
      label: lqText,
    },
    marks: [
      Plot.cell(cells, {
        x: "sector",
        y: "region",
        fill: "lq",
        title: (d: { region: string; sector: string; lq: number }) =>
          `${d.region} × ${d.sector}\n${lqText} = ${d.lq}`,
      }),
    ],
  }, `${TEXT.title[lang]}: ${lq.nrow} × ${lq.ncol}`);
}
