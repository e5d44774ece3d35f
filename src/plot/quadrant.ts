/**
 * Governance quadrant chart 知识存量 × 联盟存量象限图 (DESIGN §3.2): knowledge stock K against alliance stock A,
 * the quadrant thresholds, the main mechanism of each quadrant, and each entity's yearly trajectory as
 * arrows across the quadrants.
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { ColumnTable } from "arquero";
import { describeValue, ValidationError } from "../data/validation_error.ts";
import { type Bilingual, LABELS, type Lang } from "../i18n.ts";
import { GOVERNANCE_QUADRANT_MECHANISMS, type GovernanceQuadrant } from "../classify/governance.ts";
import { type Figure, plot } from "./figure.ts";

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
  /** Display names of entities (e.g. English province names). */
  readonly names?: Readonly<Record<string, string>>;
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
}

const TEXT: Record<"title", Bilingual> = {
  title: {
    en: "Knowledge stock × alliance stock: phase and mechanism",
    zh: "知识存量 × 联盟存量：阶段与治理机制",
  },
};

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
 * import { classifyGovernance, quadrantChart } from "clusterlab";
 * const r = classifyGovernance(
 *   [{ entity: "a", year: 1, K: 0.2, A: 0.3 }, { entity: "a", year: 2, K: 0.6, A: 0.4 }],
 *   { knowledge: "K", alliance: "A", bootstrap: { replicates: 0 } },
 * );
 * quadrantChart(r.table, { lang: "zh" }).toSVG().includes("知识存量"); // true
 * ```
 */
export function quadrantChart(table: ColumnTable, options: QuadrantChartOptions = {}): Figure {
  const {
    lang = "en",
    thresholds = { K: 0.5, A: 0.5 },
    entity = "entity",
    year = "year",
    names = {},
    width = 640,
    height = 560,
  } = options;
  const cols = table.columnNames();
  const missing = ["K", "A", entity, year].filter((c) => !cols.includes(c));
  if (missing.length > 0) {
    throw new ValidationError(
      "input of quadrantChart",
      missing.map((c) => ({
        column: c,
        expected: `a column "${c}" (a classifyGovernance table)`,
        received: `columns ${cols.join(", ")}`,
      })),
    );
  }
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
  const highlight = options.highlight ?? [];
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
  type Row = { e: string; name: string; y: number; K: number; A: number; q: string };
  const rows: Row[] = (table.objects() as Record<string, unknown>[]).map((r) => ({
    e: String(r[entity]),
    name: names[String(r[entity])] ?? String(r[entity]),
    y: Number(r[year]),
    K: r.K as number,
    A: r.A as number,
    q: String(r.quadrant ?? ""),
  }));
  rows.sort((a, b) => (a.e < b.e ? -1 : a.e > b.e ? 1 : a.y - b.y));
  const arrows: { K1: number; A1: number; K2: number; A2: number; name: string; e: string }[] = [];
  for (let i = 1; i < rows.length; i++) {
    const p = rows[i - 1]!, c = rows[i]!;
    if (p.e === c.e) arrows.push({ K1: p.K, A1: p.A, K2: c.K, A2: c.A, name: c.name, e: c.e });
  }
  const entities = [...new Set(rows.map((r) => r.e))];
  const few = entities.length <= 12;
  const hi = new Set(highlight.map(String));
  const labelled = new Set([...(options.label ?? (few && hi.size === 0 ? entities : [])), ...hi]);
  const dotTitle = (d: Row) => `${d.name} ${d.y}\nK = ${d.K.toFixed(3)}, A = ${d.A.toFixed(3)} (${d.q})`;
  const last = rows.filter((r, i) => labelled.has(r.e) && (i === rows.length - 1 || rows[i + 1]!.e !== r.e));
  const corners: { K: number; A: number; text: string; anchor: string }[] = (
    [["LL", 0, 0, "start"], ["HL", 1, 0, "end"], ["LH", 0, 1, "start"], ["HH", 1, 1, "end"]] as const
  ).map(([q, k, a, anchor]) => ({
    K: k,
    A: a,
    text: GOVERNANCE_QUADRANT_MECHANISMS[q as GovernanceQuadrant][lang].replace(/ (through|with) /, "\n$1 "),
    anchor,
  }));
  return plot({
    width,
    height,
    marginLeft: 50,
    marginBottom: 45,
    marginRight: 100,
    title: options.title ?? TEXT.title[lang],
    x: { domain: [0, 1], label: `${LABELS.knowledgeStock[lang]} K →`, grid: true },
    y: { domain: [0, 1], label: `↑ ${LABELS.allianceStock[lang]} A`, grid: true },
    color: few || hi.size > 0
      ? { legend: true, type: "categorical" }
      : { legend: true, label: LABELS.year[lang] },
    marks: [
      Plot.ruleX([thresholds.K], { strokeDasharray: "4,3", stroke: "#666" }),
      Plot.ruleY([thresholds.A], { strokeDasharray: "4,3", stroke: "#666" }),
      ...corners.map((c) =>
        Plot.text([c], {
          x: "K",
          y: "A",
          text: "text",
          textAnchor: c.anchor as "start" | "end",
          dy: c.A === 0 ? -14 : 14,
          dx: c.K === 0 ? 4 : -4,
          fill: "#555",
          fontSize: 11,
        })
      ),
      ...(hi.size === 0
        ? [
          Plot.arrow(arrows, {
            x1: "K1",
            y1: "A1",
            x2: "K2",
            y2: "A2",
            stroke: few ? "name" : "#999",
            strokeOpacity: few ? 0.8 : 0.35,
            headLength: 6,
            bend: false,
          }),
          Plot.dot(rows, { x: "K", y: "A", fill: few ? "name" : "y", r: 3, title: dotTitle }),
        ]
        : [
          Plot.arrow(arrows.filter((a) => !hi.has(a.e)), {
            x1: "K1",
            y1: "A1",
            x2: "K2",
            y2: "A2",
            stroke: "#bbb",
            strokeOpacity: 0.6,
            headLength: 5,
            bend: false,
          }),
          Plot.dot(rows.filter((r) => !hi.has(r.e)), {
            x: "K",
            y: "A",
            fill: "#bbb",
            r: 2.5,
            title: dotTitle,
          }),
          Plot.arrow(arrows.filter((a) => hi.has(a.e)), {
            x1: "K1",
            y1: "A1",
            x2: "K2",
            y2: "A2",
            stroke: "name",
            strokeWidth: 2.5,
            headLength: 8,
            bend: false,
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
        ]),
      Plot.text(last, {
        x: "K",
        y: "A",
        text: (d: Row) => `${d.name} ${d.y}`,
        dx: 6,
        textAnchor: "start",
        fontSize: 10,
      }),
    ],
  }, options.title ?? TEXT.title[lang]);
}
