/**
 * Network statistics over time 网络统计随时间的变化: small multiples of the `network` table of
 * {@link simulateNetworkSpiral} runs (density, mean degree, components, largest component, clustering, Gini
 * of degree), each panel on its own scale, one run beside another. Drawn by {@link networkSpiralChart} with
 * `view: "network"`; internal to the plot room.
 * @module
 */
import { Plot } from "../deps/lazy.ts";
import type * as PlotT from "../deps/plot.ts";
import type { Bilingual, Lang } from "../core/i18n.ts";
import { describeValue, ValidationError } from "../core/validation_error.ts";
import type { NetworkSpiralResult } from "../models/network_spiral.ts";
import { chartDocument, svgElement as svgEl } from "./document.ts";
import { Figure } from "./figure.ts";
import { FONT_FAMILY } from "./fonts.ts";
import { textWidth } from "./frame.ts";

/** The panels, in reading order: column of the `network` table and its bilingual title. */
export const NETWORK_STATISTIC_PANELS: readonly { column: string; label: Bilingual }[] = [
  { column: "density", label: { en: "Density", zh: "密度" } },
  { column: "mean_degree", label: { en: "Mean degree", zh: "平均度" } },
  { column: "components", label: { en: "Components", zh: "连通分量数" } },
  { column: "largest_share", label: { en: "Largest component (share)", zh: "最大连通分量占比" } },
  { column: "clustering", label: { en: "Clustering (average local)", zh: "聚类系数（平均局部）" } },
  { column: "degree_gini", label: { en: "Gini of degree", zh: "度的基尼系数" } },
];

const TEXT = {
  title: { en: "Network statistics over time", zh: "网络统计随时间的变化" },
  step: { en: "Step", zh: "期数" },
  organisations: { en: "organisations", zh: "个组织" },
  runs: { en: "runs of simulateNetworkSpiral, each panel on its own scale", zh: "次运行，各面板刻度独立" },
  fixed: { en: "fixed network", zh: "关系固定的网络" },
  complementarity: { en: "ties formed by complementarity", zh: "按知识互补性形成关系" },
  similarity: { en: "ties formed by similarity", zh: "按知识相似性形成关系" },
  noDecay: { en: "no decay", zh: "不衰减" },
  source: {
    en: "Model: agent-based SECI on a network with tie dynamics (ClusterLab)",
    zh: "模型：带关系动态的网络主体 SECI（ClusterLab）",
  },
} as const;

/** The options {@link networkStatisticsFigure} reads (those of `networkSpiralChart`). */
export interface NetworkStatisticsFigureOptions {
  /** Other runs drawn beside the first: a fixed network grey and dashed, runs with tie dynamics in colour. */
  readonly compare?: NetworkSpiralResult | readonly NetworkSpiralResult[];
  /** Legend texts, one per run (the run, then the compared ones; default: each run's tie dynamics). */
  readonly labels?: readonly string[];
  /** Language of the texts (default "en"). */
  readonly lang?: Lang;
  /** Width in pixels (default 720). */
  readonly width?: number;
  /** Title (default "Network statistics over time" / "网络统计随时间的变化"). */
  readonly title?: string;
  /** Subtitle (default: the number of organisations and of runs). */
  readonly subtitle?: string;
  /** Source line (data credit), before the model's. */
  readonly source?: string;
}

/** The default legend text of a run: its formation rule (and "no decay"), or "fixed network". */
export function runLabel(r: NetworkSpiralResult, lang: Lang): string {
  if (r.dynamics === null) return TEXT.fixed[lang];
  const sep = lang === "zh" ? "，" : ", ";
  return `${TEXT[r.dynamics.rule][lang]}${r.dynamics.decay > 0 ? "" : sep + TEXT.noDecay[lang]}`;
}

const COLOURS = ["#4e79a7", "#e15759", "#59a14f", "#f28e2b", "#b07aa1"];

/** Line styles: a fixed network grey and dashed, every other run the next colour. */
function styles(runs: readonly NetworkSpiralResult[]): { color: string; dash?: string }[] {
  let next = 0;
  return runs.map((r) =>
    r.dynamics === null ? { color: "#8c8c8c", dash: "5,3" } : { color: COLOURS[next++ % COLOURS.length]! }
  );
}

/** A result of simulateNetworkSpiral, else a ValidationError naming the option. */
function checkResult(r: unknown, column: string): NetworkSpiralResult {
  const ok = typeof r === "object" && r !== null && "network" in r &&
    typeof (r as { network: { numRows?: unknown } }).network?.numRows === "function";
  if (!ok) {
    throw new ValidationError("arguments of networkSpiralChart", [{
      column,
      expected: "a result of simulateNetworkSpiral (with its network table)",
      received: describeValue(r),
    }]);
  }
  return r as NetworkSpiralResult;
}

type Point = { step: number; value: number };

/** One panel: the runs' lines on the panel's own y scale, its title above. */
function panel(
  series: readonly { points: Point[]; color: string; dash?: string }[],
  title: string,
  o: { width: number; height: number; xLabel: string | null; maxStep: number },
): Element {
  const svg = Plot.plot({
    document: chartDocument(),
    width: o.width,
    height: o.height,
    marginTop: 24,
    marginLeft: 48,
    marginRight: 14,
    marginBottom: o.xLabel ? 34 : 22,
    style: { fontFamily: `${FONT_FAMILY}, sans-serif`, fontSize: "10px" },
    x: { label: o.xLabel, labelAnchor: "center", labelArrow: "none", domain: [0, o.maxStep], ticks: 4 },
    y: { label: null, grid: true, ticks: 4, nice: true, zero: false },
    marks: [
      ...series.map((s) =>
        Plot.line(s.points, {
          x: "step",
          y: "value",
          stroke: s.color,
          strokeWidth: 1.8,
          ...(s.dash ? { strokeDasharray: s.dash } : {}),
        })
      ),
      Plot.text([title], {
        frameAnchor: "top-left",
        dy: -16,
        textAnchor: "start",
        fontSize: 11,
        fontWeight: "bold",
        fill: "#222",
      }),
    ],
  } as PlotT.PlotOptions) as unknown as Element;
  return svg;
}

/**
 * Small multiples of the network statistics of a run (and of a compared run), title, subtitle, legend and
 * source line in one SVG, so that the PNG stands alone.
 */
export function networkStatisticsFigure(
  result: NetworkSpiralResult,
  options: NetworkStatisticsFigureOptions = {},
): Figure {
  const lang = options.lang ?? "en", width = options.width ?? 720;
  const others = options.compare === undefined
    ? []
    : Array.isArray(options.compare)
    ? options.compare
    : [options.compare as NetworkSpiralResult];
  const runs = [checkResult(result, "result"), ...others.map((r, k) => checkResult(r, `compare[${k}]`))];
  if (options.labels !== undefined && options.labels.length !== runs.length) {
    throw new ValidationError("options of networkSpiralChart", [{
      column: "labels",
      expected: `${runs.length} legend texts (the run and each compared run)`,
      received: `${options.labels.length}`,
    }]);
  }
  const style = styles(runs);
  const labels = options.labels ?? runs.map((r) => runLabel(r, lang));
  const rows = runs.map((r) => r.network.objects() as Record<string, number>[]);
  const maxStep = Math.max(1, ...rows.map((t) => t.at(-1)?.step ?? 0));
  const cols = 3, pw = Math.floor((width - 16) / cols), ph = 168, header = 62;
  const n = (runs[0]!.agents.numRows()).toLocaleString("en-US");
  const title = options.title ?? TEXT.title[lang];
  const subtitle = options.subtitle ??
    (lang === "zh"
      ? `${n} ${TEXT.organisations.zh} · ${runs.length} ${TEXT.runs.zh}`
      : `${n} ${TEXT.organisations.en} · ${runs.length} ${TEXT.runs.en}`);
  const gridRows = Math.ceil(NETWORK_STATISTIC_PANELS.length / cols);
  const bodyHeight = gridRows * ph + 12;
  const root = svgEl("svg", {
    width,
    height: 0,
    viewBox: "",
    style: `font-family:${FONT_FAMILY}, sans-serif;font-size:11px;background:white`,
  });
  root.appendChild(svgEl("rect", { x: 0, y: 0, width, height: "100%", fill: "white" }));
  root.appendChild(
    svgEl("text", { x: 8, y: 22, "font-size": 15, "font-weight": "bold", fill: "#222" }, title),
  );
  root.appendChild(svgEl("text", { x: 8, y: 42, "font-size": 11, fill: "#555" }, subtitle));
  NETWORK_STATISTIC_PANELS.forEach((p, k) => {
    const row = Math.floor(k / cols), col = k % cols;
    const last = row === gridRows - 1;
    const svg = panel(
      rows.map((t, r) => ({ points: t.map((d) => ({ step: d.step!, value: d[p.column]! })), ...style[r]! })),
      p.label[lang],
      { width: pw, height: last ? ph + 12 : ph, xLabel: last ? TEXT.step[lang] : null, maxStep },
    );
    svg.setAttribute("x", String(8 + col * pw));
    svg.setAttribute("y", String(header + row * ph));
    root.appendChild(svg);
  });
  let y = header + bodyHeight + 14, x = 8;
  labels.forEach((label, r) => {
    if (x > 8 && x + 40 + textWidth(label, 11) > width - 8) {
      x = 8;
      y += 17;
    }
    root.appendChild(svgEl("line", {
      x1: x,
      x2: x + 24,
      y1: y - 4,
      y2: y - 4,
      stroke: style[r]!.color,
      "stroke-width": 2,
      ...(style[r]!.dash ? { "stroke-dasharray": style[r]!.dash! } : {}),
    }));
    root.appendChild(svgEl("text", { x: x + 30, y, "font-size": 11, fill: "#333" }, label));
    x += 30 + textWidth(label, 11) + 24;
  });
  const source = options.source ? `${options.source} · ${TEXT.source[lang]}` : TEXT.source[lang];
  root.appendChild(svgEl("text", { x: 8, y: y += 20, "font-size": 10, fill: "#666" }, source));
  const height = Math.ceil(y + 10);
  root.setAttribute("height", String(height));
  root.setAttribute("viewBox", `0 0 ${width} ${height}`);
  return new Figure(root, { description: `${title}: ${labels.join("; ")}` });
}
