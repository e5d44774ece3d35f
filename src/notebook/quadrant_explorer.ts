/**
 * Governance-quadrant explorer 治理象限探索器: an {@link InteractiveFigure} over the knowledge stock K ×
 * alliance stock A plane of {@link classifyGovernance} (its quadrants: a design grounded in Menzel & Fornahl
 * 2010 and Giuliani & Bell 2005), with a slider for the year and one for the split threshold. Each frame
 * shows every entity of that year, coloured by its quadrant at that threshold, with the quadrants' phase
 * names and the trajectory of highlighted entities up to the year.
 * @module
 */
import { Plot } from "../deps/lazy.ts";
import type * as PlotT from "../deps/plot.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import { type TableInput, toTable } from "../data/adapters.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../core/validation_error.ts";
import { type Bilingual, LABELS, type Lang } from "../core/i18n.ts";
import {
  GOVERNANCE_PHASES,
  type GovernanceQuadrant,
  governanceQuadrant,
  type GovernanceResult,
} from "../classify/governance.ts";
import { type Figure, plot } from "../plot/figure.ts";
import { checkNames, displayName, type Names } from "../plot/names.ts";
import { interactive } from "./interactive.ts";
import { dataInteractive } from "./data_interactive.ts";
import type { InteractiveFigure, InteractiveMode } from "./interactive_figure.ts";
import { sliderRange } from "./slider.ts";
import type { QuadrantExplorerData } from "./client/quadrant.ts";

/** Options of {@link quadrantExplorer}. */
export interface QuadrantExplorerOptions {
  /** Entity column (default "entity"). */
  readonly entity?: string;
  /** Year column (default "year"). */
  readonly year?: string;
  /** Display names of entities, written next to each point (default: the entity codes). */
  readonly names?: Names;
  /**
   * @deprecated Use `names`: 0.1's column of display labels (an entity's label is the one of its first row),
   * read into `names`.
   */
  readonly label?: string;
  /** Split thresholds on the second slider, applied to both axes (default 0.3, 0.35, …, 0.7). */
  readonly thresholds?: readonly number[];
  /** Initial year (default the last) and threshold (default 0.5, else the first). */
  readonly initial?: { readonly year?: number; readonly threshold?: number };
  /** Entities drawn larger, with their trajectory up to the frame's year. */
  readonly highlight?: readonly string[];
  /** Language (default "en"). */
  readonly lang?: Lang;
  /** Chart size in pixels (default 520, square). */
  readonly size?: number;
  /**
   * "data" (default): the output carries K and A per entity × year and the quadrant rule
   * ({@link QuadrantExplorerData}), and the browser recomputes quadrants and counts and redraws on each slider
   * change; "frames": one precomputed Plot picture per year × threshold.
   */
  readonly mode?: InteractiveMode;
}

const TEXT = {
  title: {
    en: "Knowledge stock × alliance stock: governance quadrants",
    zh: "知识存量 × 联盟存量：治理象限",
  },
  year: LABELS.year,
  threshold: { en: "Split threshold", zh: "分界阈值" },
  K: { en: "Knowledge stock K →", zh: "知识存量 K →" },
  A: { en: "↑ Alliance stock A", zh: "↑ 联盟存量 A" },
} as const satisfies Record<string, Bilingual>;

const QUADRANT_COLOR: Record<GovernanceQuadrant, string> = {
  LL: "#9c9c9c",
  HL: "#4269d0",
  LH: "#ff725c",
  HH: "#3ca951",
};

interface Row {
  entity: string;
  label: string;
  year: number;
  K: number;
  A: number;
}

function validateOptions(table: ColumnTable, options: QuadrantExplorerOptions): void {
  const { entity = "entity", year = "year", thresholds = [], size = 520, mode = "data" } = options;
  const issues: ValidationIssue[] = [];
  for (const c of [entity, year, "K", "A"]) {
    if (!table.columnNames().includes(c)) {
      issues.push({ column: c, expected: "a column of the input", received: table.columnNames().join(", ") });
    }
  }
  if (!Array.isArray(thresholds) || thresholds.some((t) => typeof t !== "number" || !(t > 0 && t < 1))) {
    issues.push({ column: "thresholds", expected: "numbers in (0, 1)", received: describeValue(thresholds) });
  }
  if (typeof size !== "number" || !(size >= 200)) {
    issues.push({ column: "size", expected: "a number ≥ 200", received: describeValue(size) });
  }
  if (mode !== "data" && mode !== "frames") {
    issues.push({ column: "mode", expected: '"data" or "frames"', received: describeValue(mode) });
  }
  if (issues.length > 0) throw new ValidationError("input of quadrantExplorer()", issues);
  checkNames(options.names, "options of quadrantExplorer()");
}

/** The options with the deprecated 0.1 `label` (a column of display labels) read into `names`. */
function labelColumnAsNames(table: ColumnTable, options: QuadrantExplorerOptions): QuadrantExplorerOptions {
  const { label, ...rest } = options;
  if (label === undefined) return options;
  const fail = (expected: string, received: unknown): never => {
    throw new ValidationError("options of quadrantExplorer()", [{
      column: "label",
      expected,
      received: describeValue(received),
    }]);
  };
  if (options.names !== undefined) fail('either "names" or the deprecated 0.1 "label", not both', label);
  if (!table.columnNames().includes(label)) {
    fail(`a column of the input (${table.columnNames().join(", ")})`, label);
  }
  const entity = options.entity ?? "entity";
  if (!table.columnNames().includes(entity)) return rest; // validateOptions names the missing column
  const entities = table.array(entity) as ArrayLike<unknown>;
  const labels = table.array(label) as ArrayLike<unknown>;
  const names: Record<string, string> = {};
  for (let i = 0; i < entities.length; i++) {
    const e = String(entities[i]);
    if (!Object.hasOwn(names, e)) names[e] = String(labels[i]);
  }
  return { ...rest, names };
}

/** The rows (K, A in [0, 1], integer years, one row per entity and year), or a ValidationError naming them. */
function readRows(table: ColumnTable, options: QuadrantExplorerOptions): Row[] {
  const { entity = "entity", year = "year", highlight = [], lang = "en", names } = options;
  const issues: ValidationIssue[] = [];
  const rows: Row[] = [];
  (table.objects() as Record<string, unknown>[]).forEach((r, i) => {
    for (const k of ["K", "A"] as const) {
      const v = r[k];
      if (typeof v !== "number" || !(v >= 0 && v <= 1)) {
        issues.push({ row: i + 1, column: k, expected: "a number in [0, 1]", received: describeValue(v) });
      }
    }
    if (typeof r[year] !== "number" || !Number.isInteger(r[year])) {
      issues.push({
        row: i + 1,
        column: year,
        expected: "an integer year",
        received: describeValue(r[year]),
      });
    }
    const e = String(r[entity]);
    rows.push({
      entity: e,
      label: displayName(names, e, lang),
      year: r[year] as number,
      K: r.K as number,
      A: r.A as number,
    });
  });
  if (rows.length === 0) issues.push({ column: "input", expected: "at least one row", received: "0 rows" });
  const seenKey = new Map<string, number>();
  rows.forEach((r, i) => {
    const k = JSON.stringify([r.entity, r.year]);
    const first = seenKey.get(k);
    if (first !== undefined) {
      issues.push({
        row: i + 1,
        column: `${entity}, ${year}`,
        expected: `one row per entity and year (row ${first + 1} has the same)`,
        received: `${r.entity}, ${r.year}`,
      });
    } else seenKey.set(k, i);
  });
  const missing = highlight.filter((h) => !rows.some((r) => r.entity === h));
  if (missing.length > 0) {
    issues.push({ column: "highlight", expected: "entities of the input", received: describeValue(missing) });
  }
  if (issues.length > 0) throw new ValidationError("input of quadrantExplorer()", issues);
  return rows;
}

/** The phase name and count of each quadrant, in its outer corner. */
function cornerMarks(pts: readonly { q: GovernanceQuadrant }[], lang: Lang): PlotT.Markish[] {
  const corners = (["LL", "HL", "LH", "HH"] as const).map((q) => ({
    x: q[0] === "H" ? 0.99 : 0.01,
    y: q[1] === "H" ? 0.99 : 0.01,
    q,
    text: GOVERNANCE_PHASES[q][lang],
    anchor: q[0] === "H" ? "end" : "start",
    line: q[1] === "H" ? "top" : "bottom",
  }));
  const count = (q: GovernanceQuadrant) => pts.filter((p) => p.q === q).length;
  return (["start", "end"] as const).flatMap((anchor) =>
    (["top", "bottom"] as const).map((line) =>
      Plot.text(corners.filter((c) => c.anchor === anchor && c.line === line), {
        x: "x",
        y: "y",
        text: (c: { q: GovernanceQuadrant; text: string }) => `${c.text} (${count(c.q)})`,
        fill: (c: { q: GovernanceQuadrant }) => QUADRANT_COLOR[c.q],
        textAnchor: anchor,
        lineAnchor: line,
        fontWeight: "bold",
        fontSize: 11,
      })
    )
  );
}

/** The kernel's Plot drawing of year `y` at threshold `t` (the static view, and every frame in frames mode). */
function quadrantFrame(
  rows: readonly Row[],
  y: number,
  t: number,
  highlight: readonly string[],
  lang: Lang,
  size: number,
): Figure {
  const hi = new Set(highlight);
  const pts = rows.filter((r) => r.year === y).map((r) => ({
    ...r,
    q: governanceQuadrant(r.K, r.A, { thresholds: { K: t, A: t } }),
  }));
  const trails = highlight.map((h) => rows.filter((r) => r.entity === h).sort((a, b) => a.year - b.year));
  return plot({
    width: size,
    height: size,
    marginLeft: 44,
    marginBottom: 40,
    x: { domain: [0, 1], label: TEXT.K[lang], labelAnchor: "right" },
    y: { domain: [0, 1], label: TEXT.A[lang], labelAnchor: "top" },
    marks: [
      Plot.frame({ stroke: "#ddd" }),
      Plot.ruleX([t], { stroke: "#666", strokeDasharray: "4,3" }),
      Plot.ruleY([t], { stroke: "#666", strokeDasharray: "4,3" }),
      ...cornerMarks(pts, lang),
      ...trails.map((tr) =>
        Plot.line(tr.filter((r) => r.year <= y), { x: "K", y: "A", stroke: "#333", strokeOpacity: 0.5 })
      ),
      Plot.dot(pts, {
        x: "K",
        y: "A",
        r: (d: Row) => (hi.has(d.entity) ? 6 : 3.5),
        fill: (d: { q: GovernanceQuadrant }) => QUADRANT_COLOR[d.q],
        stroke: (d: Row) => (hi.has(d.entity) ? "black" : "white"),
        title: (d: Row & { q: GovernanceQuadrant }) =>
          `${d.label} ${d.year}: K = ${d.K.toFixed(3)}, A = ${d.A.toFixed(3)}, ${
            GOVERNANCE_PHASES[d.q][lang]
          }`,
      }),
      Plot.text(pts.filter((d) => !hi.has(d.entity)), {
        x: "K",
        y: "A",
        text: "label",
        dy: -8,
        fontSize: 8,
        fill: "#777",
      }),
      Plot.text(pts.filter((d) => hi.has(d.entity)), {
        x: "K",
        y: "A",
        text: "label",
        dy: -10,
        fontSize: 12,
        fontWeight: "bold",
        fill: "black",
      }),
    ],
  });
}

/**
 * An interactive governance quadrant: slide the year and the split threshold and see which entities change
 * phase. The quadrant of a point is {@link governanceQuadrant}(K, A, t, t), exactly what
 * {@link classifyGovernance} returns with `threshold: t` (K and A do not depend on the threshold). Input:
 * a {@link GovernanceResult} or any table with entity, year, `K` and `A` columns (K, A in [0, 1]; one row
 * per entity and year). By default (`mode: "data"`) the output carries K and A per entity × year, the
 * thresholds and the rule ({@link QuadrantExplorerData}), and the browser recomputes the quadrants and
 * their counts and redraws; `mode: "frames"` embeds one Plot picture per year × threshold instead. Points
 * are labelled with their entity's display name (`names`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { classifyGovernance, quadrantExplorer } from "clusterlab";
 * const r = classifyGovernance([
 *   { entity: "a", year: 2020, K: 0.8, A: 0.2 }, { entity: "b", year: 2020, K: 0.3, A: 0.6 },
 *   { entity: "a", year: 2021, K: 0.9, A: 0.4 }, { entity: "b", year: 2021, K: 0.4, A: 0.7 },
 * ], { knowledge: "K", alliance: "A" }, { bootstrap: { replicates: 0 } });
 * const w = quadrantExplorer(r, { highlight: ["a"], names: { a: "Alpha" } });
 * assert.equal(w.stats.frames, 18); // 2 years × 9 thresholds
 * assert.deepEqual(w.initialParams, { year: 2021, threshold: 0.5 });
 * assert.ok(w.frameHTML([0, 4]).includes("Alpha 2020: K = 0.800, A = 0.200, knowledge-rich, fragmented"));
 * ```
 */
export function quadrantExplorer(
  input: GovernanceResult | TableInput,
  options01: QuadrantExplorerOptions = {},
): InteractiveFigure {
  const table: ColumnTable = isResult(input) ? input.table : toTable(input as TableInput);
  const options = labelColumnAsNames(table, options01);
  const { thresholds = sliderRange(0.3, 0.7, 0.05), highlight = [], lang = "en", size = 520, mode = "data" } =
    options;
  validateOptions(table, { ...options, thresholds });
  const rows = readRows(table, options);
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const sliders = {
    year: { label: TEXT.year, values: years, initial: options.initial?.year ?? years.at(-1)! },
    threshold: {
      label: TEXT.threshold,
      values: thresholds,
      initial: options.initial?.threshold ?? (thresholds.includes(0.5) ? 0.5 : thresholds[0]!),
    },
  };
  const render = ({ year: y, threshold: t }: { year: number; threshold: number }) =>
    quadrantFrame(rows, y, t, highlight, lang, size);
  const description = `${TEXT.title.en}: ${TEXT.year.en} × ${TEXT.threshold.en}`;
  if (mode === "frames") return interactive({ title: TEXT.title, lang, description, sliders, render });
  return dataInteractive({
    chart: "quadrant",
    data: quadrantData(rows, years, [...thresholds], highlight, lang, size),
    title: TEXT.title,
    lang,
    description,
    sliders,
    render,
  });
}

function quadrantData(
  rows: readonly Row[],
  years: number[],
  thresholds: number[],
  highlight: readonly string[],
  lang: Lang,
  size: number,
): QuadrantExplorerData {
  const index = new Map<string, number>();
  const labels: string[] = [];
  for (const r of rows) {
    if (!index.has(r.entity)) {
      index.set(r.entity, index.size);
      labels.push(r.label);
    }
  }
  const yearIndex = new Map(years.map((y, i) => [y, i]));
  const K: (number | null)[] = new Array(index.size * years.length).fill(null);
  const A: (number | null)[] = new Array(index.size * years.length).fill(null);
  for (const r of rows) {
    const k = index.get(r.entity)! * years.length + yearIndex.get(r.year)!;
    K[k] = r.K;
    A[k] = r.A;
  }
  const phases = Object.fromEntries(
    (["LL", "HL", "LH", "HH"] as const).map((q) => [q, GOVERNANCE_PHASES[q][lang]]),
  ) as Record<GovernanceQuadrant, string>;
  return {
    size,
    title: TEXT.title[lang],
    text: { K: TEXT.K[lang], A: TEXT.A[lang] },
    phases,
    colors: { ...QUADRANT_COLOR },
    years,
    thresholds,
    rule: { high: ">=" },
    entities: [...index.keys()],
    labels,
    highlight: [...new Set(highlight)].map((h) => index.get(h)!),
    K,
    A,
  };
}

function isResult(x: unknown): x is GovernanceResult {
  return typeof x === "object" && x !== null && "table" in x && "thresholds" in x && "weights" in x;
}
