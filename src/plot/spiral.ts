/**
 * Charts of the knowledge spiral 知识螺旋图: the SECI spiral itself (angle = cumulative phase of the
 * S→E→C→I cycle, radius = knowledge), flows by conversion and level, March's Figure 1, and the network
 * model's knowledge by organisation type and platform access.
 *
 * @example
 * ```ts ignore
 * import { simulateSpiral, spiralChart } from "clusterlab";
 * spiralChart(simulateSpiral({ order: "public_hierarchy" }), { lang: "zh" });
 * ```
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { ColumnTable } from "arquero";
import { LABELS, type Lang } from "../i18n.ts";
import { type Figure, plot } from "./figure.ts";
import {
  SECI_LEVEL_LABELS,
  SECI_LEVELS,
  SECI_MODE_LABELS,
  SECI_MODES,
  type SpiralResult,
} from "../models/seci.ts";
import { type NetworkSpiralResult, ORGANISATION_TYPE_LABELS } from "../models/network_spiral.ts";

const TEXT = {
  spiral: {
    en: "The knowledge spiral (angle: S→E→C→I phase; radius: knowledge)",
    zh: "知识螺旋（角度：S→E→C→I 相位；半径：知识存量）",
  },
  radiusLog: { en: "ln(1 + knowledge)", zh: "ln(1 + 知识存量)" },
  radiusLin: { en: "knowledge", zh: "知识存量" },
  stage: { en: "Conversion in progress", zh: "当前转化阶段" },
  flows: { en: "Knowledge created per step by conversion and level", zh: "各层次、各转化方式每期创造的知识" },
  flow: { en: "Flow per step", zh: "每期流量" },
  share: { en: "Share of knowledge created", zh: "占知识创造的份额" },
  time: LABELS.time,
  mode: { en: "Conversion", zh: "转化方式" },
  march: {
    en: "March (1991) Figure 1: equilibrium knowledge of the code",
    zh: "马奇（1991）图1：组织规范的均衡知识水平",
  },
  p1: { en: "Socialisation rate p1", zh: "社会化速率 p1" },
  knowledge: { en: "Average equilibrium knowledge", zh: "平均均衡知识" },
  network: {
    en: "Mean tacit knowledge by organisation type (solid: platform access)",
    zh: "各类组织的平均隐性知识（实线：可访问平台）",
  },
  tacit: { en: "Mean tacit knowledge", zh: "平均隐性知识" },
  step: { en: "Step", zh: "期数" },
  type: { en: "Type", zh: "类型" },
  turn: { en: "turn ", zh: "第 " },
  noAccess: { en: " (no access)", zh: "（无平台权限）" },
  turnEnd: { en: "", zh: " 圈" },
} as const;

/** Options of {@link spiralChart}. */
export interface SpiralChartOptions {
  /** Radius scale: "log" = ln(1 + K) (default, knowledge grows exponentially) or "linear". */
  readonly radius?: "log" | "linear";
  /** Language of the title, labels and legend (default "en"). */
  readonly lang?: Lang;
  /** Width in pixels (default 560). */
  readonly width?: number;
  /** Height in pixels (default: the width, a square chart). */
  readonly height?: number;
  /** Chart title (default: a bilingual description in `lang`). */
  readonly title?: string;
}

/**
 * The spiral: each step is a point at angle = cumulative SECI phase and radius = total knowledge
 * (ln(1 + K) by default), coloured by the conversion in progress; the four quadrants are labelled S, E,
 * C, I and the ends of turns are marked. The line between two steps is drawn in polar coordinates (phase
 * and radius interpolated linearly, one vertex per 5°), so a step that sweeps through a whole quadrant is
 * drawn as an arc of the spiral, not as a chord.
 *
 * @example
 * ```ts
 * import { simulateSpiral, spiralChart } from "clusterlab";
 * const fig = spiralChart(simulateSpiral({ order: "private_order", steps: 60 }), { lang: "zh" });
 * fig.toSVG().startsWith("<svg"); // true
 * ```
 */
export function spiralChart(result: SpiralResult, options: SpiralChartOptions = {}): Figure {
  const lang = options.lang ?? "en";
  const log = (options.radius ?? "log") === "log";
  const cyc = result.cycle.objects() as {
    step: number;
    time: number;
    knowledge: number;
    phase: number;
    stage: string;
    stageLabel: string;
    turn: number;
  }[];
  const rad = (k: number) => (log ? Math.log1p(k) : k);
  const pts = cyc.map((d) => ({
    ...d,
    r: rad(d.knowledge),
    x: rad(d.knowledge) * Math.cos(d.phase),
    y: rad(d.knowledge) * Math.sin(d.phase),
    label: SECI_MODE_LABELS[d.stage as keyof typeof SECI_MODE_LABELS][lang],
  }));
  const rmax = Math.max(1e-9, ...pts.map((p) => p.r));
  // the path of the spiral, interpolated in polar coordinates between consecutive steps
  const path: { x: number; y: number }[] = [];
  const STEP_ANGLE = Math.PI / 36;
  pts.forEach((p, k) => {
    if (k === 0) {
      path.push({ x: p.x, y: p.y });
      return;
    }
    const q = pts[k - 1]!;
    const n = Math.max(1, Math.ceil((p.phase - q.phase) / STEP_ANGLE));
    for (let j = 1; j <= n; j++) {
      const u = j / n, phi = q.phase + u * (p.phase - q.phase), r = q.r + u * (p.r - q.r);
      path.push({ x: r * Math.cos(phi), y: r * Math.sin(phi) });
    }
  });
  const quadrant = SECI_MODES.map((m, k) => ({
    x: 1.12 * rmax * Math.cos((Math.PI / 2) * k + Math.PI / 4),
    y: 1.12 * rmax * Math.sin((Math.PI / 2) * k + Math.PI / 4),
    text: SECI_MODE_LABELS[m][lang],
  }));
  const turnsAt = pts.filter((p, k) => k > 0 && p.turn > pts[k - 1]!.turn);
  const lim = 1.3 * rmax;
  const size = options.width ?? 560;
  return plot({
    width: size,
    height: options.height ?? size,
    title: options.title ?? TEXT.spiral[lang],
    x: { domain: [-lim, lim], axis: null },
    y: { domain: [-lim, lim], axis: null },
    color: {
      legend: true,
      domain: SECI_MODES.map((m) => SECI_MODE_LABELS[m][lang]),
      label: TEXT.stage[lang],
    },
    marks: [
      Plot.ruleX([0], { stroke: "#ddd" }),
      Plot.ruleY([0], { stroke: "#ddd" }),
      Plot.line(path, { x: "x", y: "y", stroke: "#bbb" }),
      Plot.dot(pts, {
        x: "x",
        y: "y",
        r: 2.5,
        fill: "label",
        title: (d: (typeof pts)[number]) =>
          `t = ${d.time}\n${TEXT.radiusLin[lang]} = ${d.knowledge.toPrecision(4)}\n${d.label}`,
      }),
      Plot.dot(turnsAt, { x: "x", y: "y", r: 5, stroke: "black", fill: "none" }),
      Plot.text(turnsAt, {
        x: "x",
        y: "y",
        text: (d: (typeof pts)[number]) => `${TEXT.turn[lang]}${d.turn}${TEXT.turnEnd[lang]}`,
        dx: 8,
        textAnchor: "start",
        fontSize: 10,
      }),
      Plot.text(quadrant, { x: "x", y: "y", text: "text", fontSize: 13, fontWeight: "bold" }),
      Plot.text([{ x: 0, y: -1.22 * rmax }], {
        x: "x",
        y: "y",
        text: () => (log ? TEXT.radiusLog[lang] : TEXT.radiusLin[lang]),
        fontSize: 10,
        fill: "#666",
      }),
    ],
  }, options.title ?? TEXT.spiral[lang]);
}

/**
 * Knowledge created per step by each SECI conversion, stacked, one panel per level; `share: true` shows
 * each conversion's share of the level's creation instead (the mix of the spiral over time).
 *
 * @example
 * ```ts
 * import { seciFlowsChart, simulateSpiral } from "clusterlab";
 * seciFlowsChart(simulateSpiral({ steps: 40 }), { share: true }).toSVG().startsWith("<svg"); // true
 * ```
 */
export function seciFlowsChart(
  result: SpiralResult,
  options: { lang?: Lang; width?: number; height?: number; title?: string; share?: boolean } = {},
): Figure {
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
    width: options.width ?? 720,
    height: options.height ?? 520,
    marginLeft: 60,
    marginRight: 170,
    title: options.title ?? TEXT.flows[lang],
    x: { label: TEXT.time[lang] },
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
  }, TEXT.flows[lang]);
}

/**
 * March's Figure 1 from a table with columns `p1`, `p2` and `knowledge` (e.g. a {@link sweep} of
 * `simulateMarch`): one line per p2, labelled at its right end.
 *
 * @example
 * ```ts
 * import { marchChart } from "clusterlab";
 * const rows = [{ p1: 0.1, p2: 0.9, knowledge: 0.97 }, { p1: 0.9, p2: 0.9, knowledge: 0.73 }];
 * marchChart(rows, { lang: "zh" }).toSVG().startsWith("<svg"); // true
 * ```
 */
export function marchChart(
  table: ColumnTable | readonly { p1: number; p2: number; knowledge: number }[],
  options: { lang?: Lang; width?: number; height?: number; title?: string } = {},
): Figure {
  const lang = options.lang ?? "en";
  const rows = (Array.isArray(table) ? table : (table as ColumnTable).objects()) as {
    p1: number;
    p2: number;
    knowledge: number;
  }[];
  const data = rows.map((d) => ({ ...d, series: `p2 = ${d.p2}` }));
  return plot({
    width: options.width ?? 640,
    height: options.height ?? 400,
    title: options.title ?? TEXT.march[lang],
    x: { label: TEXT.p1[lang] },
    y: { label: TEXT.knowledge[lang], grid: true },
    color: { legend: true },
    marks: [
      Plot.line(data, { x: "p1", y: "knowledge", stroke: "series", marker: "circle" }),
      Plot.text(data.filter((d) => d.p1 === Math.max(...data.map((e) => e.p1))), {
        x: "p1",
        y: "knowledge",
        text: "series",
        dx: 30,
        fill: "series",
      }),
    ],
    marginRight: 70,
  }, TEXT.march[lang]);
}

/**
 * Mean tacit knowledge over time per organisation type; solid lines with platform access, dashed without.
 * Each line is labelled at its last step (type, and "no access" for the group without it), so the PNG copy,
 * which has no HTML legend, stays readable.
 *
 * @example
 * ```ts
 * import { UndirectedGraph } from "graphology";
 * import { agentNetworkFromGraph, networkSpiralChart, simulateNetworkSpiral } from "clusterlab";
 * const g = new UndirectedGraph();
 * g.addNode("a", { type: "firm" }); g.addNode("b", { type: "university" }); g.addEdge("a", "b");
 * const r = simulateNetworkSpiral(agentNetworkFromGraph(g), { order: "private", steps: 20 });
 * networkSpiralChart(r).toSVG().startsWith("<svg"); // true
 * ```
 */
export function networkSpiralChart(
  result: NetworkSpiralResult,
  options: { lang?: Lang; width?: number; height?: number; title?: string } = {},
): Figure {
  const lang = options.lang ?? "en";
  const rows = (result.groups.objects() as {
    step: number;
    type: string;
    typeLabel: string;
    member: boolean;
    agents: number;
    tacit: number;
  }[]).filter((d) => d.agents > 0).map((d) => {
    // labels in the chart's language (the result's `typeLabel` is in the language of the simulation)
    const typeLabel = ORGANISATION_TYPE_LABELS[d.type]?.[lang] ?? d.typeLabel;
    return { ...d, typeLabel, key: `${typeLabel}${d.member ? "" : TEXT.noAccess[lang]}` };
  });
  const members = rows.filter((d) => d.member), others = rows.filter((d) => !d.member);
  const lastStep = Math.max(...rows.map((d) => d.step));
  // end labels, pushed apart vertically so that close lines stay readable
  const lo = Math.min(...rows.map((d) => d.tacit)), hi = Math.max(...rows.map((d) => d.tacit));
  const gap = 0.04 * Math.max(hi - lo, 1e-9);
  const ends = rows.filter((d) => d.step === lastStep).sort((a, b) => a.tacit - b.tacit)
    .map((d) => ({ ...d, labelY: d.tacit }));
  ends.forEach((d, k) => {
    if (k > 0) d.labelY = Math.max(d.tacit, ends[k - 1]!.labelY + gap);
  });
  return plot({
    width: options.width ?? 720,
    height: options.height ?? 400,
    marginLeft: 60,
    marginRight: 190,
    title: options.title ?? TEXT.network[lang],
    x: { label: TEXT.step[lang] },
    y: { label: TEXT.tacit[lang], grid: true },
    color: { legend: true, label: TEXT.type[lang] },
    marks: [
      Plot.line(members, { x: "step", y: "tacit", stroke: "typeLabel", z: "key" }),
      Plot.line(others, { x: "step", y: "tacit", stroke: "typeLabel", z: "key", strokeDasharray: "4,3" }),
      Plot.text(ends, { x: "step", y: "labelY", text: "key", fill: "typeLabel", textAnchor: "start", dx: 6 }),
    ],
  }, TEXT.network[lang]);
}
