/**
 * Specialisation heatmap 专业化热图: regions × sectors coloured by location quotient in diverging classes
 * centred at LQ = 1 (blue below, red above).
 * @module
 */
import { Plot } from "../deps/lazy.ts";
import { describeValue, ValidationError } from "../core/validation_error.ts";
import { type Bilingual, LABELS, type Lang } from "../core/i18n.ts";
import { Matrix } from "../indicators/matrix.ts";
import { type Figure, plot } from "./figure.ts";
import { checkNames, displayName, type Names, type NamesV01, withNames } from "./names.ts";
import { cellGridFrame, columnTicks } from "./chart_input.ts";

/** Options of {@link specialisationHeatmap}. */
export interface SpecialisationHeatmapOptions {
  /** Language of titles and axis labels (default "en"). */
  readonly lang?: Lang;
  /** Display names of regions and sectors, by their labels in the matrix (default: the labels themselves). */
  readonly names?: Names;
  /** @deprecated Use `names`: 0.1's display names of regions (a record or a Map), merged into `names`. */
  readonly rowNames?: NamesV01;
  /** @deprecated Use `names`: 0.1's display names of sectors (a record or a Map), merged into `names`. */
  readonly colNames?: NamesV01;
  /**
   * Class breaks of the colour scale, ascending (default [0.25, 0.5, 0.8, 1.25, 2, 4]: symmetric in log
   * around 1, so the middle class 0.8 ≤ LQ < 1.25 is neutral). LQ 0 falls in the lowest class.
   */
  readonly breaks?: readonly number[];
  /** Chart title (default "Specialisation (location quotient)" in `lang`). */
  readonly title?: string;
  /** Pixel size of a cell (default 12). */
  readonly cellSize?: number;
  /** Source line under the chart, e.g. "Source: …" (default none); drawn in the HTML, the standalone SVG
   * and the PNG. */
  readonly source?: string;
}

const TEXT: Record<"title" | "note", Bilingual> = {
  title: { en: "Specialisation (location quotient)", zh: "专业化程度（区位商）" },
  note: { en: "colour: LQ classes, diverging at 1", zh: "颜色：区位商分级，以1为分界" },
};

type Cell = { region: string; sector: string; lq: number };

function validate(lq: Matrix, breaks: readonly number[], names: unknown): void {
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
  checkNames(names, "options of specialisationHeatmap");
}

/**
 * Heatmap of a region × sector location-quotient matrix (e.g. `locationQuotient(x)`): one cell per region ×
 * sector, coloured by class of LQ with a diverging scheme pivoting at LQ = 1 (RdBu reversed: red =
 * specialised; a threshold scale, whose legend renders without a canvas). Each cell's `<title>` gives the
 * region, sector and exact LQ. Axis titles and chart title are in `lang`; display names come from `names`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { locationQuotient, matrixFrom, specialisationHeatmap } from "clusterlab";
 * const x = matrixFrom([[10, 0], [10, 20]], { rows: ["A", "B"], cols: ["s1", "s2"] });
 * const fig = specialisationHeatmap(locationQuotient(x), { lang: "zh", names: { A: "甲地" } });
 * assert.ok(fig.toHTML().includes("专业化程度（区位商）")); // the title, in Chinese
 * assert.equal(fig.toSVG().match(/<rect/g)?.length, 4); // one cell per region × sector
 * assert.ok(fig.toSVG().includes("<title>甲地 × s1\n区位商 = 2</title>"));
 * ```
 */
export function specialisationHeatmap(lq: Matrix, options01: SpecialisationHeatmapOptions = {}): Figure {
  const options = withNames("options of specialisationHeatmap", options01, ["rowNames", "colNames"]);
  const { lang = "en", breaks = [0.25, 0.5, 0.8, 1.25, 2, 4], cellSize = 12, names } = options;
  validate(lq, breaks, names);
  const rowOrder = lq.rows.map((r) => displayName(names, r, lang));
  const colOrder = lq.cols.map((c) => displayName(names, c, lang));
  const cells: Cell[] = [];
  for (let i = 0; i < lq.nrow; i++) {
    for (let j = 0; j < lq.ncol; j++) {
      cells.push({ region: rowOrder[i]!, sector: colOrder[j]!, lq: lq.data[i * lq.ncol + j]! });
    }
  }
  const lqText = LABELS.locationQuotient[lang];
  return plot({
    source: options.source,
    title: options.title ?? TEXT.title[lang],
    subtitle: TEXT.note[lang],
    ...cellGridFrame(rowOrder, colOrder, cellSize),
    padding: 0.05,
    x: { domain: colOrder, label: LABELS.sector[lang], ...columnTicks(colOrder, cellSize) },
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
        title: (d: Cell) => `${d.region} × ${d.sector}\n${lqText} = ${d.lq}`,
      }),
    ],
    description: `${TEXT.title[lang]}: ${lq.nrow} × ${lq.ncol}`,
  });
}
