/**
 * Policy trade-off chart 政策权衡图 for {@link policyScenario}: total knowledge against diversity (effective
 * number of fields) per scenario, with arrows from "no support" to each support scenario; or the trajectories
 * of total knowledge over time.
 * @module
 */
import { Plot } from "../deps/lazy.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import { describeValue, ValidationError } from "../core/validation_error.ts";
import { type Bilingual, LABELS, type Lang } from "../core/i18n.ts";
import { POLICY_SCENARIOS, type PolicyScenarioKey } from "../models/policy.ts";
import { type Figure, plot, SIMULATION_SOURCE } from "./figure.ts";

/** Options of {@link policyTradeoffChart}. */
export interface PolicyTradeoffChartOptions {
  /** Language of titles and labels (default "en"). */
  readonly lang?: Lang;
  /** `"tradeoff"` (default): total knowledge × effective number of fields at the end; `"trajectories"`:
   * total knowledge over time. */
  readonly kind?: "tradeoff" | "trajectories";
  /** Chart title (default in `lang`). */
  readonly title?: string;
  /** Width in pixels (default 640 for "tradeoff", 720 for "trajectories"). */
  readonly width?: number;
  /** Height in pixels (default 400 for "tradeoff", 340 for "trajectories"). */
  readonly height?: number;
  /** Source line under the chart (default "Source: ClusterLab simulation", in `lang`); drawn in the HTML,
   * the standalone SVG and the PNG. */
  readonly source?: string;
}

/** @deprecated Use {@link PolicyTradeoffChartOptions} (the same type under its 0.1 name). */
export type PolicyTradeoffOptions = PolicyTradeoffChartOptions;

const TEXT = {
  total: { en: "Total knowledge (end)", zh: "知识总量（期末）" },
  totalT: { en: "Total knowledge", zh: "知识总量" },
  effective: { en: "Diversity: effective number of fields (2^H)", zh: "多样性：有效领域数（2^H）" },
  time: LABELS.time,
  tradeoff: {
    en: "Concentrate on the major, free the others: knowledge vs diversity",
    zh: "抓大放小：知识总量与多样性的权衡",
  },
  trajectories: {
    en: "Total knowledge under three support policies",
    zh: "三种支持政策下的知识总量",
  },
  stable: { en: "stable", zh: "稳定" },
  unstable: { en: "not stable", zh: "不稳定" },
  recovery: { en: "max Re λ", zh: "最大特征值实部" },
} as const satisfies Record<string, Bilingual>;

const COLORS: Record<PolicyScenarioKey, string> = {
  none: "#7f7f7f",
  even: "#1f77b4",
  concentrated: "#d62728",
};

type SummaryRow = {
  scenario: PolicyScenarioKey;
  total: number;
  effective_fields: number;
  max_real: number;
  stable: boolean;
};

function columnsOf(
  t: unknown,
  name: string,
  needed: readonly string[],
): ColumnTable {
  const table = t as ColumnTable | undefined;
  const have = table && typeof table.columnNames === "function" ? table.columnNames() : [];
  const missing = needed.filter((c) => !have.includes(c));
  if (missing.length) {
    throw new ValidationError("input of policyTradeoffChart", [{
      column: name,
      expected: `the ${name} table of policyScenario with columns ${needed.join(", ")}`,
      received: table ? `missing ${missing.join(", ")}` : describeValue(t),
    }]);
  }
  return table!;
}

type Result = { readonly summary: ColumnTable; readonly series: ColumnTable };
type Color = { legend: true; domain: string[]; range: string[] };

/** Total knowledge over time, one line per scenario. */
function trajectories(
  result: Result,
  options: PolicyTradeoffChartOptions,
  name: (k: PolicyScenarioKey) => string,
  color: Color,
): Figure {
  const lang = options.lang ?? "en";
  const series = columnsOf(result?.series, "series", ["scenario", "t", "total"]);
  const data = (series.objects() as { scenario: PolicyScenarioKey; t: number; total: number }[])
    .map((d) => ({ ...d, name: name(d.scenario) }));
  const title = options.title ?? TEXT.trajectories[lang];
  return plot({
    source: options.source ?? SIMULATION_SOURCE[lang],
    width: options.width ?? 720,
    height: options.height ?? 340,
    marginLeft: 70,
    inset: 6,
    title,
    x: { label: TEXT.time[lang] },
    y: { label: TEXT.totalT[lang], grid: true },
    color,
    marks: [Plot.line(data, { x: "t", y: "total", stroke: "name", strokeWidth: 2 })],
    description: title,
  });
}

/** Total knowledge × effective number of fields at the end, with arrows from "no support". */
function tradeoff(
  result: Result,
  options: PolicyTradeoffChartOptions,
  name: (k: PolicyScenarioKey) => string,
  color: Color,
): Figure {
  const lang = options.lang ?? "en";
  const summary = columnsOf(result?.summary, "summary", [
    "scenario",
    "total",
    "effective_fields",
    "max_real",
    "stable",
  ]);
  const rows = (summary.objects() as SummaryRow[]).map((d) => ({
    ...d,
    name: name(d.scenario),
    tip:
      `${name(d.scenario)}\n${TEXT.totalT[lang]}: ${d.total}\n${
        TEXT.effective[lang]
      }: ${d.effective_fields}\n` +
      `${TEXT.recovery[lang]}: ${d.max_real} (${d.stable ? TEXT.stable[lang] : TEXT.unstable[lang]})`,
  }));
  const base = rows.find((d) => d.scenario === "none");
  const arrows = base
    ? rows.filter((d) => d !== base).map((d) => ({
      x1: base.total,
      y1: base.effective_fields,
      x2: d.total,
      y2: d.effective_fields,
      name: d.name,
    }))
    : [];
  const title = options.title ?? TEXT.tradeoff[lang];
  return plot({
    source: options.source ?? SIMULATION_SOURCE[lang],
    width: options.width ?? 640,
    height: options.height ?? 400,
    marginLeft: 60,
    marginRight: 40,
    inset: 40,
    title,
    x: { label: TEXT.total[lang], grid: true },
    y: { label: TEXT.effective[lang], grid: true },
    color,
    marks: [
      Plot.arrow(arrows, { x1: "x1", y1: "y1", x2: "x2", y2: "y2", stroke: "name", inset: 8 }),
      Plot.dot(rows, { x: "total", y: "effective_fields", fill: "name", r: 7, title: "tip" }),
      Plot.text(rows, { x: "total", y: "effective_fields", text: "name", dy: -16, fill: "name" }),
    ],
    description: title,
  });
}

/**
 * Chart the outcome of {@link policyScenario}. Colours are fixed per scenario (grey none, blue even, red
 * concentrated); hovering a point shows its values (`title` channel).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { policyScenario, policyTradeoffChart } from "clusterlab";
 * const r = policyScenario(
 *   { fields: ["A", "B", "C"], capacity: [50, 30, 20], major: 1, budget: 30, spillover: 0.1 },
 *   { tEnd: 40 },
 * );
 * const tradeoff = policyTradeoffChart(r, { lang: "zh" });
 * assert.equal(tradeoff.toSVG().match(/<circle/g)?.length, 3); // one dot per scenario
 * assert.ok(tradeoff.toHTML().includes("抓大放小：知识总量与多样性的权衡"));
 * const paths = policyTradeoffChart(r, { kind: "trajectories" }).toSVG();
 * assert.ok(paths.includes("#d62728")); // "concentrated" is drawn in red
 * ```
 */
export function policyTradeoffChart(
  result: { readonly summary: ColumnTable; readonly series: ColumnTable },
  options: PolicyTradeoffChartOptions = {},
): Figure {
  const lang = options.lang ?? "en";
  const kind = options.kind ?? "tradeoff";
  if (kind !== "tradeoff" && kind !== "trajectories") {
    throw new ValidationError("options of policyTradeoffChart", [{
      column: "kind",
      expected: '"tradeoff" or "trajectories"',
      received: describeValue(kind),
    }]);
  }
  const name = (k: PolicyScenarioKey) => POLICY_SCENARIOS[k]?.[lang] ?? String(k);
  const keys = Object.keys(POLICY_SCENARIOS) as PolicyScenarioKey[];
  const color: Color = { legend: true, domain: keys.map(name), range: keys.map((k) => COLORS[k]) };
  return kind === "trajectories"
    ? trajectories(result, options, name, color)
    : tradeoff(result, options, name, color);
}
