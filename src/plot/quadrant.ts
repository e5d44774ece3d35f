/**
 * Governance quadrant chart 知识存量 × 联盟存量象限图: knowledge stock K against alliance stock A, the
 * quadrant thresholds, the main mechanism of each quadrant, and each entity's yearly trajectory as arrows
 * across the quadrants (the quadrants and mechanisms of {@link classifyGovernance}: a design grounded in
 * Menzel & Fornahl 2010, Giuliani & Bell 2005 and Grandori 2001).
 * @module
 */
import { Plot } from "../deps/lazy.ts";
import type * as PlotT from "../deps/plot.ts";
import { categoricalRange } from "./palette.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import { describeValue, ValidationError } from "../core/validation_error.ts";
import { type Bilingual, LABELS, type Lang } from "../core/i18n.ts";
import { GOVERNANCE_QUADRANT_MECHANISMS, type GovernanceQuadrant } from "../classify/governance.ts";
import { type Figure, plot } from "./figure.ts";
import { checkNames, displayName, type Names } from "./names.ts";
import { requireColumns } from "./chart_input.ts";

/** Options of {@link quadrantChart}. */
export interface QuadrantChartOptions {
  /** Language of titles and labels (default "en"). */
  readonly lang?: Lang;
  /** Thresholds on K and A (default 0.5 each; pass `result.thresholds` of classifyGovernance). */
  readonly thresholds?: { readonly K: number; readonly A: number };
  /** Entity column (default "entity"); display names from `names`. */
  readonly entity?: string;
  /** Year column (default "year"); rows are joined in year order per entity. */
  readonly year?: string;
  /** Display names of entities (e.g. English province names; default: the entity codes). */
  readonly names?: Names;
  /** Label the last point of these entities (default: every entity when ≤ 12, else none). */
  readonly label?: readonly string[];
  /**
   * Entities whose path is highlighted: their arrows are drawn thick and coloured, their dots outlined and
   * labelled with the year, their last point named; every other entity is drawn in grey behind them.
   */
  readonly highlight?: readonly string[];
  /** Chart title (default "Knowledge stock × alliance stock" in `lang`). */
  readonly title?: string;
  /** Width in pixels (default 640). */
  readonly width?: number;
  /** Height in pixels (default 560). */
  readonly height?: number;
  /** Source line under the chart, e.g. "Source: …" (default none); drawn in the HTML, the standalone SVG
   * and the PNG. */
  readonly source?: string;
}

const TEXT: Record<"title", Bilingual> = {
  title: {
    en: "Knowledge stock × alliance stock: phase and mechanism",
    zh: "知识存量 × 联盟存量：阶段与治理机制",
  },
};

/** A dot: entity `e` (display name `name`) in year `y`, at (K, A), in quadrant `q`. */
type Row = { e: string; name: string; y: number; K: number; A: number; q: string };
/** An arrow from an entity's year to its next year. */
type Arrow = { K1: number; A1: number; K2: number; A2: number; name: string; e: string };

function validate(table: ColumnTable, options: QuadrantChartOptions): void {
  const { thresholds = { K: 0.5, A: 0.5 }, entity = "entity", year = "year", highlight = [] } = options;
  requireColumns(table, ["K", "A", entity, year], "input of quadrantChart", "a classifyGovernance table");
  for (const k of ["K", "A"] as const) {
    const t = thresholds[k];
    if (!(typeof t === "number" && t > 0 && t < 1)) {
      throw new ValidationError("options of quadrantChart", [{
        column: `thresholds.${k}`,
        expected: "a number in (0, 1)",
        received: describeValue(t),
      }]);
    }
  }
  if (!Array.isArray(highlight)) {
    throw new ValidationError("options of quadrantChart", [{
      column: "highlight",
      expected: "an array of entities",
      received: describeValue(highlight),
    }]);
  }
  const present = new Set((table.array(entity) as unknown[]).map(String));
  const absent = highlight.filter((h) => !present.has(String(h)));
  if (absent.length > 0) {
    throw new ValidationError("options of quadrantChart", [{
      column: "highlight",
      expected: `entities of the input (${[...present].slice(0, 40).join(", ")}${
        present.size > 40 ? ", …" : ""
      })`,
      received: describeValue(absent),
    }]);
  }
  checkNames(options.names, "options of quadrantChart");
}

/** The dots sorted by entity then year, and the arrows joining each entity's consecutive years. */
function paths(table: ColumnTable, options: QuadrantChartOptions): { rows: Row[]; arrows: Arrow[] } {
  const { lang = "en", entity = "entity", year = "year", names } = options;
  const rows: Row[] = (table.objects() as Record<string, unknown>[]).map((r) => ({
    e: String(r[entity]),
    name: displayName(names, String(r[entity]), lang),
    y: Number(r[year]),
    K: r.K as number,
    A: r.A as number,
    q: String(r.quadrant ?? ""),
  }));
  rows.sort((a, b) => (a.e < b.e ? -1 : a.e > b.e ? 1 : a.y - b.y));
  const arrows: Arrow[] = [];
  for (let i = 1; i < rows.length; i++) {
    const p = rows[i - 1]!, c = rows[i]!;
    if (p.e === c.e) arrows.push({ K1: p.K, A1: p.A, K2: c.K, A2: c.A, name: c.name, e: c.e });
  }
  return { rows, arrows };
}

/** The main mechanism written in each quadrant's outer corner. */
function cornerMarks(lang: Lang): PlotT.Markish[] {
  return ([["LL", 0, 0, "start"], ["HL", 1, 0, "end"], ["LH", 0, 1, "start"], ["HH", 1, 1, "end"]] as const)
    .map(([q, K, A, anchor]) =>
      Plot.text([{
        K,
        A,
        text: GOVERNANCE_QUADRANT_MECHANISMS[q as GovernanceQuadrant][lang].replace(
          / (through|with) /,
          "\n$1 ",
        ),
      }], {
        x: "K",
        y: "A",
        text: "text",
        textAnchor: anchor,
        dy: A === 0 ? -14 : 14,
        dx: K === 0 ? 4 : -4,
        fill: "#555",
        fontSize: 11,
      })
    );
}

const arrowChannels = { x1: "K1", y1: "A1", x2: "K2", y2: "A2", bend: false } as const;

/**
 * Arrows and dots: every entity coloured by name (when few) or in grey by year; with `highlight`, the other
 * entities in grey behind the highlighted paths, drawn thick, outlined and labelled with their years.
 */
function pathMarks(
  rows: readonly Row[],
  arrows: readonly Arrow[],
  few: boolean,
  hi: ReadonlySet<string>,
): PlotT.Markish[] {
  const dotTitle = (d: Row) => `${d.name} ${d.y}\nK = ${d.K.toFixed(3)}, A = ${d.A.toFixed(3)} (${d.q})`;
  if (hi.size === 0) {
    return [
      Plot.arrow(arrows, {
        ...arrowChannels,
        stroke: few ? "name" : "#999",
        strokeOpacity: few ? 0.8 : 0.35,
        headLength: 6,
      }),
      Plot.dot(rows, { x: "K", y: "A", fill: few ? "name" : "y", r: 3, title: dotTitle }),
    ];
  }
  return [
    Plot.arrow(arrows.filter((a) => !hi.has(a.e)), {
      ...arrowChannels,
      stroke: "#bbb",
      strokeOpacity: 0.6,
      headLength: 5,
    }),
    Plot.dot(rows.filter((r) => !hi.has(r.e)), { x: "K", y: "A", fill: "#bbb", r: 2.5, title: dotTitle }),
    Plot.arrow(arrows.filter((a) => hi.has(a.e)), {
      ...arrowChannels,
      stroke: "name",
      strokeWidth: 2.5,
      headLength: 8,
    }),
    Plot.dot(rows.filter((r) => hi.has(r.e)), {
      x: "K",
      y: "A",
      fill: "name",
      stroke: "black",
      strokeWidth: 0.8,
      r: 4.5,
      title: dotTitle,
    }),
    Plot.text(rows.filter((r) => hi.has(r.e)), {
      x: "K",
      y: "A",
      text: (d: Row) => String(d.y),
      dy: -9,
      fontSize: 9,
      fill: "#333",
    }),
  ];
}

/**
 * Quadrant chart of a {@link classifyGovernance} table (columns `K`, `A`, entity and year): dots per
 * entity-year coloured by entity (when few) or by year, arrows from each year to the next per entity, dashed
 * threshold lines, and the main mechanism written in each quadrant's corner. Each dot's `<title>` gives the
 * entity, year, K, A and quadrant. With `highlight`, the paths of those entities are drawn thick, coloured
 * and labelled with their years over the other entities in grey (an entity not in the table is a
 * ValidationError).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { classifyGovernance, quadrantChart } from "clusterlab";
 * const r = classifyGovernance(
 *   [{ entity: "a", year: 1, K: 0.2, A: 0.3 }, { entity: "a", year: 2, K: 0.6, A: 0.4 }],
 *   { knowledge: "K", alliance: "A" },
 *   { bootstrap: { replicates: 0 } },
 * );
 * const fig = quadrantChart(r.table, { lang: "zh", names: { a: "甲" } });
 * assert.ok(fig.toSVG().includes("知识存量 K →")); // the axis, in Chinese
 * assert.ok(fig.toSVG().includes("增加知识供给")); // the mechanism of the LL quadrant
 * assert.equal(fig.toSVG().match(/<circle/g)?.length, 2); // one dot per entity-year
 * assert.ok(fig.toSVG().includes(">甲 2</text>")); // the last point is named
 * ```
 */
export function quadrantChart(table: ColumnTable, options: QuadrantChartOptions = {}): Figure {
  const { lang = "en", thresholds = { K: 0.5, A: 0.5 }, width = 640, height = 560 } = options;
  validate(table, options);
  const { rows, arrows } = paths(table, options);
  const entities = [...new Set(rows.map((r) => r.e))];
  const few = entities.length <= 12;
  const hi = new Set((options.highlight ?? []).map(String));
  const labelled = new Set([...(options.label ?? (few && hi.size === 0 ? entities : [])), ...hi]);
  const known = new Set(entities);
  const warnings = (["label", "highlight"] as const).flatMap((o) => {
    const absent = (options[o] ?? []).map(String).filter((e) => !known.has(e));
    return absent.length ? [`${o}: ${absent.join(", ")} not in the table (not drawn)`] : [];
  });
  // one distinct colour per coloured entity (Plot's 10 colours repeat from the 11th)
  const coloured = hi.size > 0
    ? [...new Set(rows.filter((r) => hi.has(r.e)).map((r) => r.name))]
    : few
    ? [...new Set(rows.map((r) => r.name))]
    : [];
  const range = categoricalRange(coloured.length);
  const last = rows.filter((r, i) => labelled.has(r.e) && (i === rows.length - 1 || rows[i + 1]!.e !== r.e));
  const title = options.title ?? TEXT.title[lang];
  return plot({
    source: options.source,
    width,
    height,
    marginLeft: 50,
    marginBottom: 45,
    marginRight: 100,
    title,
    x: { domain: [0, 1], label: `${LABELS.knowledgeStock[lang]} K →`, grid: true },
    y: { domain: [0, 1], label: `↑ ${LABELS.allianceStock[lang]} A`, grid: true },
    color: few || hi.size > 0
      ? { legend: true, type: "categorical", domain: coloured, ...(range ? { range: [...range] } : {}) }
      : { legend: true, label: LABELS.year[lang] },
    marks: [
      Plot.ruleX([thresholds.K], { strokeDasharray: "4,3", stroke: "#666" }),
      Plot.ruleY([thresholds.A], { strokeDasharray: "4,3", stroke: "#666" }),
      ...cornerMarks(lang),
      ...pathMarks(rows, arrows, few, hi),
      Plot.text(last, {
        x: "K",
        y: "A",
        text: (d: Row) => `${d.name} ${d.y}`,
        dx: 6,
        textAnchor: "start",
        fontSize: 10,
      }),
    ],
    description: title,
    warnings,
  });
}
