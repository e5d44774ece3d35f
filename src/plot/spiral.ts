/**
 * The SECI knowledge spiral 知识螺旋图 (Nonaka 1994; Nonaka & Takeuchi 1995): angle = cumulative phase of
 * the S→E→C→I cycle, radius = knowledge, of a {@link simulateSpiral} run.
 * @module
 */
import { Plot } from "../deps/lazy.ts";
import type { Lang } from "../core/i18n.ts";
import { type Figure, plot, SIMULATION_SOURCE } from "./figure.ts";
import { SECI_MODE_LABELS, SECI_MODES, type SpiralResult } from "../models/seci.ts";

const TEXT = {
  spiral: {
    en: "The knowledge spiral (angle: S→E→C→I phase; radius: knowledge)",
    zh: "知识螺旋（角度：S→E→C→I 相位；半径：知识存量）",
  },
  radiusLog: { en: "ln(1 + knowledge)", zh: "ln(1 + 知识存量)" },
  radiusLin: { en: "knowledge", zh: "知识存量" },
  stage: { en: "Conversion in progress", zh: "当前转化阶段" },
  turn: { en: "turn ", zh: "第 " },
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
  /** Source line under the chart (default "Source: ClusterLab simulation", in `lang`); drawn in the HTML,
   * the standalone SVG and the PNG. */
  readonly source?: string;
}

type Point = {
  step: number;
  time: number;
  knowledge: number;
  phase: number;
  turn: number;
  r: number;
  x: number;
  y: number;
  label: string;
};

/** One vertex per 5° of phase at most. */
const STEP_ANGLE = Math.PI / 36;

/** The path of the spiral, interpolated in polar coordinates (phase and radius linear) between steps. */
function polarPath(pts: readonly Point[]): { x: number; y: number }[] {
  const path: { x: number; y: number }[] = [];
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
  return path;
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
 * import assert from "node:assert/strict";
 * import { simulateSpiral, spiralChart } from "clusterlab";
 * const run = simulateSpiral({ order: "private_order", steps: 60 });
 * const svg = spiralChart(run, { lang: "zh" }).toSVG();
 * assert.ok(svg.includes("社会化") && svg.includes("内在化")); // the quadrants, in Chinese
 * assert.ok(run.turns >= 1 && svg.includes(">第 1 圈<")); // the end of the first turn is marked
 * assert.ok((svg.match(/<circle/g)?.length ?? 0) >= 61); // a dot per step (and per turn)
 * ```
 */
export function spiralChart(result: SpiralResult, options: SpiralChartOptions = {}): Figure {
  const lang = options.lang ?? "en";
  const log = (options.radius ?? "log") === "log";
  const cyc = result.cycle.objects() as (Omit<Point, "r" | "x" | "y" | "label"> & { stage: string })[];
  const rad = (k: number) => (log ? Math.log1p(k) : k);
  const pts: Point[] = cyc.map((d) => ({
    ...d,
    r: rad(d.knowledge),
    x: rad(d.knowledge) * Math.cos(d.phase),
    y: rad(d.knowledge) * Math.sin(d.phase),
    label: SECI_MODE_LABELS[d.stage as keyof typeof SECI_MODE_LABELS][lang],
  }));
  const rmax = Math.max(1e-9, ...pts.map((p) => p.r));
  const quadrant = SECI_MODES.map((m, k) => ({
    x: 1.12 * rmax * Math.cos((Math.PI / 2) * k + Math.PI / 4),
    y: 1.12 * rmax * Math.sin((Math.PI / 2) * k + Math.PI / 4),
    text: SECI_MODE_LABELS[m][lang],
  }));
  const turnsAt = pts.filter((p, k) => k > 0 && p.turn > pts[k - 1]!.turn);
  const lim = 1.3 * rmax;
  const size = options.width ?? 560;
  const title = options.title ?? TEXT.spiral[lang];
  return plot({
    source: options.source ?? SIMULATION_SOURCE[lang],
    width: size,
    height: options.height ?? size,
    title,
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
      Plot.line(polarPath(pts), { x: "x", y: "y", stroke: "#bbb" }),
      Plot.dot(pts, {
        x: "x",
        y: "y",
        r: 2.5,
        fill: "label",
        title: (d: Point) =>
          `t = ${d.time}\n${TEXT.radiusLin[lang]} = ${d.knowledge.toPrecision(4)}\n${d.label}`,
      }),
      Plot.dot(turnsAt, { x: "x", y: "y", r: 5, stroke: "black", fill: "none" }),
      Plot.text(turnsAt, {
        x: "x",
        y: "y",
        text: (d: Point) => `${TEXT.turn[lang]}${d.turn}${TEXT.turnEnd[lang]}`,
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
    description: title,
  });
}
