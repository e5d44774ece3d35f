/**
 * SECI flows chart 知识转化流量图: the knowledge each conversion (socialisation, externalisation,
 * combination, internalisation; Nonaka 1994) creates per step at each level of a {@link simulateSpiral} run.
 * @module
 */
import { Plot } from "../deps/lazy.ts";
import { LABELS, type Lang } from "../core/i18n.ts";
import { type Figure, plot, SIMULATION_SOURCE } from "./figure.ts";
import {
  SECI_LEVEL_LABELS,
  SECI_LEVELS,
  SECI_MODE_LABELS,
  SECI_MODES,
  type SpiralResult,
} from "../models/seci.ts";

const TEXT = {
  flows: { en: "Knowledge created per step by conversion and level", zh: "各层次、各转化方式每期创造的知识" },
  flow: { en: "Flow per step", zh: "每期流量" },
  share: { en: "Share of knowledge created", zh: "占知识创造的份额" },
  mode: { en: "Conversion", zh: "转化方式" },
} as const;

/** Options of {@link seciFlowsChart}. */
export interface SeciFlowsChartOptions {
  /** Language of the title, labels and legend (default "en"). */
  readonly lang?: Lang;
  /** Each conversion's share of the level's creation instead of the flows (default false). */
  readonly share?: boolean;
  /** Width in pixels (default 720). */
  readonly width?: number;
  /** Height in pixels (default 520). */
  readonly height?: number;
  /** Chart title (default: "Knowledge created per step by conversion and level" in `lang`). */
  readonly title?: string;
  /** Source line under the chart (default "Source: ClusterLab simulation", in `lang`); drawn in the HTML,
   * the standalone SVG and the PNG. */
  readonly source?: string;
}

/**
 * Knowledge created per step by each SECI conversion, stacked, one panel per level; `share: true` shows
 * each conversion's share of the level's creation instead (the mix of the spiral over time).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { seciFlowsChart, simulateSpiral } from "clusterlab";
 * const fig = seciFlowsChart(simulateSpiral({ steps: 40 }), { share: true, lang: "zh" });
 * assert.ok(fig.toSVG().includes("占知识创造的份额")); // the y axis of shares
 * assert.equal(fig.toSVG().match(/<path d="[^"]*Z" fill=/g)?.length, 16); // 4 levels × 4 conversions
 * assert.ok(fig.toHTML().includes("组合化")); // the legend, in Chinese
 * ```
 */
export function seciFlowsChart(result: SpiralResult, options: SeciFlowsChartOptions = {}): Figure {
  const lang = options.lang ?? "en";
  const rows = (result.flows.objects() as { time: number; level: string; mode: string; value: number }[])
    .filter((d) => (SECI_MODES as readonly string[]).includes(d.mode))
    .map((d) => ({
      time: d.time,
      value: d.value,
      mode: SECI_MODE_LABELS[d.mode as keyof typeof SECI_MODE_LABELS][lang],
      level: SECI_LEVEL_LABELS[d.level as keyof typeof SECI_LEVEL_LABELS][lang],
    }));
  return plot({
    source: options.source ?? SIMULATION_SOURCE[lang],
    width: options.width ?? 720,
    height: options.height ?? 520,
    marginLeft: 60,
    marginRight: 170,
    title: options.title ?? TEXT.flows[lang],
    x: { label: LABELS.time[lang] },
    y: { label: options.share ? TEXT.share[lang] : TEXT.flow[lang], grid: true },
    fy: { label: null, domain: SECI_LEVELS.map((l) => SECI_LEVEL_LABELS[l][lang]) },
    facet: { marginRight: 170 },
    color: { legend: true, domain: SECI_MODES.map((m) => SECI_MODE_LABELS[m][lang]), label: TEXT.mode[lang] },
    marks: [
      Plot.areaY(rows, {
        x: "time",
        y: "value",
        fill: "mode",
        fy: "level",
        offset: options.share ? "normalize" : undefined,
        order: SECI_MODES.map((m) => SECI_MODE_LABELS[m][lang]),
      }),
      Plot.frame({ stroke: "#ddd" }),
    ],
    description: TEXT.flows[lang],
  });
}
