/**
 * Network spiral chart 网络知识螺旋图: mean tacit knowledge over time by organisation type and platform access
 * in the agent-based SECI model on a real network ({@link simulateNetworkSpiral}), or (`view: "network"`) the
 * network statistics over time of a run whose ties co-evolve with knowledge.
 * @module
 */
import { Plot } from "../deps/lazy.ts";
import type { Lang } from "../core/i18n.ts";
import { type Figure, plot } from "./figure.ts";
import { type NetworkSpiralResult, ORGANISATION_TYPE_LABELS } from "../models/network_spiral.ts";
import { describeValue, ValidationError } from "../core/validation_error.ts";
import { networkStatisticsFigure, runLabel } from "./network_statistics.ts";
import { footerMarks, HEADER_HEIGHT, headerMarks } from "./frame.ts";

const TEXT = {
  network: {
    en: "Mean tacit knowledge by organisation type (solid: platform access)",
    zh: "各类组织的平均隐性知识（实线：可访问平台）",
  },
  tacit: { en: "Mean tacit knowledge", zh: "平均隐性知识" },
  step: { en: "Step", zh: "期数" },
  type: { en: "Type", zh: "类型" },
  noAccess: { en: " (no access)", zh: "（无平台权限）" },
  organisations: { en: "organisations", zh: "个组织" },
  public: { en: "public platform", zh: "公共平台" },
  private: { en: "private platform", zh: "私人平台" },
  hybrid: { en: "hybrid platform", zh: "混合平台" },
  source: {
    en: "Model: agent-based SECI on a collaboration network (ClusterLab)",
    zh: "模型：协作网络上的主体 SECI（ClusterLab）",
  },
} as const;

/** Options of {@link networkSpiralChart}. */
export interface NetworkSpiralChartOptions {
  /**
   * What to draw: "knowledge" (default), mean tacit knowledge by type and access; "network", small multiples
   * of the network statistics over time (density, mean degree, components, largest component, clustering,
   * Gini of degree), each on its own scale.
   */
  readonly view?: "knowledge" | "network";
  /** Language of the title, labels and legend (default "en"). */
  readonly lang?: Lang;
  /** Width in pixels (default 720). */
  readonly width?: number;
  /** Height in pixels (default 440; the "network" view sets its own). */
  readonly height?: number;
  /**
   * Chart title (default: "Mean tacit knowledge by organisation type …", or "Network statistics over time",
   * in `lang`).
   */
  readonly title?: string;
  /**
   * "network" view: other runs drawn beside the first, e.g. the same run on the fixed network (a fixed
   * network grey and dashed, runs with tie dynamics in colour).
   */
  readonly compare?: NetworkSpiralResult | readonly NetworkSpiralResult[];
  /**
   * "network" view: legend texts, one per run, the run first (default: each run's tie dynamics, e.g. "ties
   * formed by complementarity", or "fixed network").
   */
  readonly labels?: readonly string[];
  /**
   * Subtitle (default: the number of organisations, the platform order and the run's network — "fixed
   * network" or its tie dynamics; in the "network" view the number of organisations and of runs).
   */
  readonly subtitle?: string;
  /** Source line (data credit), before the model's. */
  readonly source?: string;
}

type GroupRow = {
  step: number;
  type: string;
  typeLabel: string;
  member: boolean;
  agents: number;
  tacit: number;
  key: string;
};

/** The platform of a run in words: public (public hierarchy), private (private order) or hybrid. */
function platformLabel(order: string, lang: Lang): string {
  const key = order.startsWith("public") ? "public" : order.startsWith("private") ? "private" : "hybrid";
  return TEXT[key][lang];
}

/** The last step's rows with label heights pushed apart (4% of the range) so that close lines stay readable. */
function endLabels(rows: readonly GroupRow[]): (GroupRow & { labelY: number })[] {
  const lastStep = Math.max(...rows.map((d) => d.step));
  const lo = Math.min(...rows.map((d) => d.tacit)), hi = Math.max(...rows.map((d) => d.tacit));
  const gap = 0.04 * Math.max(hi - lo, 1e-9);
  const ends = rows.filter((d) => d.step === lastStep).sort((a, b) => a.tacit - b.tacit)
    .map((d) => ({ ...d, labelY: d.tacit }));
  ends.forEach((d, k) => {
    if (k > 0) d.labelY = Math.max(d.tacit, ends[k - 1]!.labelY + gap);
  });
  return ends;
}

/**
 * Mean tacit knowledge over time per organisation type; solid lines with platform access, dashed without.
 * Each line is labelled at its last step (type, and "no access" for the group without it), and the title,
 * subtitle (which network: fixed, or how its ties form) and source line are drawn in the SVG, so the PNG
 * copy, which has no HTML legend, stays readable.
 *
 * With `view: "network"`: the run's network statistics per recorded step (the `network` table) in six
 * panels, each on its own scale, with the `compare` runs beside it (the fixed network grey and dashed); title,
 * subtitle, legend and source line are part of the SVG, so of the PNG.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { UndirectedGraph } from "graphology";
 * import { networkSpiralChart, simulateNetworkSpiral } from "clusterlab";
 * import { agentNetworkFromGraph } from "clusterlab/advanced";
 * const g = new UndirectedGraph();
 * g.addNode("a", { type: "firm" });
 * g.addNode("b", { type: "university" });
 * g.addEdge("a", "b");
 * const r = simulateNetworkSpiral(agentNetworkFromGraph(g), { order: "private", steps: 20 });
 * const svg = networkSpiralChart(r, { lang: "zh" }).toSVG();
 * assert.ok(svg.includes(">企业<")); // firms are members of the private platform: a solid line
 * assert.ok(svg.includes(">大学（无平台权限）<")); // universities are not: dashed, marked
 * assert.ok(svg.includes(">2 个组织 · 私人平台 · 关系固定的网络<")); // the subtitle says which run
 *
 * // the network view: a run whose ties co-evolve, beside the fixed network
 * const moving = simulateNetworkSpiral(agentNetworkFromGraph(g), { steps: 20, dynamics: { rule: "similarity" } });
 * const net = networkSpiralChart(moving, { view: "network", compare: r, lang: "zh" }).toSVG();
 * assert.ok(net.includes(">度的基尼系数<") && net.includes("按知识相似性形成关系") && net.includes("关系固定的网络"));
 * ```
 */
export function networkSpiralChart(
  result: NetworkSpiralResult,
  options: NetworkSpiralChartOptions = {},
): Figure {
  const lang = options.lang ?? "en";
  const view = options.view ?? "knowledge";
  if (view === "network") return networkStatisticsFigure(result, options);
  if (view !== "knowledge") {
    throw new ValidationError("options of networkSpiralChart", [{
      column: "view",
      expected: '"knowledge" or "network"',
      received: describeValue(view),
    }]);
  }
  const rows: GroupRow[] = (result.groups.objects() as Omit<GroupRow, "key">[])
    .filter((d) => d.agents > 0).map((d) => {
      // labels in the chart's language (the result's `typeLabel` is in the language of the simulation)
      const typeLabel = ORGANISATION_TYPE_LABELS[d.type]?.[lang] ?? d.typeLabel;
      return { ...d, typeLabel, key: `${typeLabel}${d.member ? "" : TEXT.noAccess[lang]}` };
    });
  const members = rows.filter((d) => d.member), others = rows.filter((d) => !d.member);
  const width = options.width ?? 720, title = options.title ?? TEXT.network[lang];
  const n = result.agents.numRows().toLocaleString("en-US");
  const subtitle = options.subtitle ??
    `${n} ${TEXT.organisations[lang]} · ${platformLabel(result.platform.order, lang)} · ${
      runLabel(result, lang)
    }`;
  const footer = footerMarks(
    [],
    options.source ? `${options.source} · ${TEXT.source[lang]}` : TEXT.source[lang],
    width,
    36,
  );
  return plot({
    width,
    height: options.height ?? 440,
    marginTop: HEADER_HEIGHT,
    marginBottom: footer.height,
    marginLeft: 60,
    marginRight: 190,
    x: { label: null },
    y: { label: TEXT.tacit[lang], labelAnchor: "center", labelArrow: "none", grid: true },
    color: { legend: true, label: TEXT.type[lang] },
    marks: [
      Plot.line(members, { x: "step", y: "tacit", stroke: "typeLabel", z: "key" }),
      Plot.line(others, { x: "step", y: "tacit", stroke: "typeLabel", z: "key", strokeDasharray: "4,3" }),
      Plot.text(endLabels(rows), {
        x: "step",
        y: "labelY",
        text: "key",
        fill: "typeLabel",
        textAnchor: "start",
        dx: 6,
      }),
      Plot.text([TEXT.step[lang]], { frameAnchor: "bottom", dy: 34, fontSize: 11, fill: "#333" }),
      ...headerMarks(title, subtitle),
      ...footer.marks,
    ],
    description: title,
  });
}
