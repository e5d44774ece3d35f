/**
 * Knowledge-spiral explorer 知识螺旋探索器: an {@link InteractiveFigure} over {@link simulateSpiral} with
 * sliders for the public share of power and for one conversion rate. Each frame draws the SECI spiral:
 * the angle is the phase of the S→E→C→I cycle (one turn = 2π, a quarter per conversion), the radius grows
 * with total knowledge K.
 * @module
 */
import * as Plot from "@observablehq/plot";
import { describeValue, ValidationError, type ValidationIssue } from "../data/validation_error.ts";
import type { Bilingual, Lang } from "../i18n.ts";
import {
  SECI_MODE_LABELS,
  SECI_MODES,
  type SeciMode,
  simulateSpiral,
  type SpiralOptions,
  type SpiralResult,
} from "../models/seci.ts";
import { plot } from "./figure.ts";
import {
  dataInteractive,
  interactive,
  type InteractiveFigure,
  type InteractiveMode,
  sliderRange,
} from "./interactive.ts";

/** Options of {@link spiralExplorer}. */
export interface SpiralExplorerOptions {
  /** Public shares of power on the first slider (default 0, 0.1, …, 1). */
  readonly publicShares?: readonly number[];
  /** The conversion whose rate the second slider sets (default "externalisation"). */
  readonly rateMode?: SeciMode;
  /** Rates on the second slider (default 0.02, 0.04, 0.08, 0.12, 0.16; the model's default is 0.08). */
  readonly rates?: readonly number[];
  /** Initial public share (default 0.5) and rate (default 0.08, or the first rate). */
  readonly initial?: { readonly publicShare?: number; readonly rate?: number };
  /** Other parameters of {@link simulateSpiral} (steps default 40 here). `publicShare`/`order` are set by the slider. */
  readonly model?: Omit<SpiralOptions, "publicShare" | "order" | "lang">;
  /** Language of labels (default "en"). */
  readonly lang?: Lang;
  /** Chart size in pixels (default 460, square). */
  readonly size?: number;
  /**
   * "data" (default): the output carries every run's points ({@link SpiralExplorerData}) and the browser
   * redraws the spiral on each slider change; "frames": one precomputed Plot picture per slider position.
   */
  readonly mode?: InteractiveMode;
}

/** One run of {@link simulateSpiral} as carried by a data-mode spiral explorer (full precision). */
export interface SpiralExplorerRun {
  /** Cumulative phase of the S→E→C→I cycle per step (radians): `cycle.phase`. */
  readonly phase: number[];
  /** Total knowledge K per step: `cycle.knowledge` (the radius is log₂(1 + K/K₀), {@link spiralRadius}). */
  readonly knowledge: number[];
  /** The conversion in progress per step, as an index into {@link SECI_MODES}: `cycle.stage`. */
  readonly stage: number[];
  /** Turns completed. */
  readonly turns: number;
  /** Growth rate λ of the run. */
  readonly growthRate: number;
}

/** The JSON a data-mode spiral explorer embeds (the browser's `CLR.spiral` draws it). */
export interface SpiralExplorerData {
  /** Chart size (px), square. */
  readonly size: number;
  /** Half-width of the shared axes (radius units): 1.08 × the largest radius over all runs. */
  readonly R: number;
  /** Chart title (aria label) in the chosen language. */
  readonly title: string;
  /** Labels of the four conversions in {@link SECI_MODES} order, in the chosen language. */
  readonly modes: string[];
  /** Colours of the four conversions. */
  readonly colors: string[];
  /** Words of the tooltips and caption in the chosen language. */
  readonly text: { step: string; knowledge: string; turns: string; growth: string };
  /** One run per slider position, row-major (public share × rate, rate fastest). */
  readonly runs: SpiralExplorerRun[];
}

const TEXT = {
  title: { en: "Knowledge spiral under public and private power", zh: "公共权力与私人权力下的知识螺旋" },
  share: { en: "Public share of power", zh: "公共权力份额" },
  rate: { en: "rate", zh: "速率" },
  turns: { en: "turns", zh: "圈数" },
  growth: { en: "growth rate λ", zh: "增长率 λ" },
  knowledge: { en: "knowledge K", zh: "知识 K" },
  step: { en: "step", zh: "步" },
  start: { en: "start", zh: "起点" },
} as const satisfies Record<string, Bilingual>;

/** Spiral radius for knowledge K with initial knowledge K₀ (design choice): log₂(1 + K/K₀), 1 at the start. */
export function spiralRadius(K: number, K0: number): number {
  return Math.log2(1 + K / K0);
}

/**
 * An interactive knowledge spiral (Nonaka 1994; the model is {@link simulateSpiral}): slide the public
 * share of power (public power raises externalisation and combination, private power socialisation and
 * internalisation; a design choice of the model) and the rate of one conversion, and watch the spiral
 * turn faster or slower and widen. Angle = phase of the S→E→C→I cycle; radius = log₂(1 + K/K₀) (design
 * choice, so that exponential growth stays readable); every frame shares the same axes. Turns completed
 * and the growth rate λ are written in the chart. By default (`mode: "data"`) the output carries every
 * run's phase, knowledge and stage ({@link SpiralExplorerData}) and the browser redraws the spiral;
 * `mode: "frames"` embeds one Plot picture per slider position instead.
 *
 * @example
 * ```ts
 * import { spiralExplorer } from "clusterlab";
 * const w = spiralExplorer({ publicShares: [0, 0.5, 1], rates: [0.04, 0.08], lang: "zh" });
 * w.stats.frames; // 6 slider positions
 * w.mode; // "data"
 * ```
 */
export function spiralExplorer(options: SpiralExplorerOptions = {}): InteractiveFigure {
  const {
    publicShares = sliderRange(0, 1, 0.1),
    rateMode = "externalisation",
    rates = [0.02, 0.04, 0.08, 0.12, 0.16],
    lang = "en",
    size = 460,
    mode = "data",
  } = options;
  const issues: ValidationIssue[] = [];
  if (mode !== "data" && mode !== "frames") {
    issues.push({ column: "mode", expected: '"data" or "frames"', received: describeValue(mode) });
  }
  if (!SECI_MODES.includes(rateMode)) {
    issues.push({
      column: "rateMode",
      expected: `one of ${SECI_MODES.join(", ")}`,
      received: describeValue(rateMode),
    });
  }
  if (
    !Array.isArray(publicShares) || publicShares.some((p) => typeof p !== "number" || !(p >= 0 && p <= 1))
  ) {
    issues.push({
      column: "publicShares",
      expected: "numbers in [0, 1]",
      received: describeValue(publicShares),
    });
  }
  if (!Array.isArray(rates) || rates.some((r) => typeof r !== "number" || !(r >= 0) || !Number.isFinite(r))) {
    issues.push({ column: "rates", expected: "finite numbers ≥ 0", received: describeValue(rates) });
  }
  if (typeof size !== "number" || !(size >= 200)) {
    issues.push({ column: "size", expected: "a number ≥ 200", received: describeValue(size) });
  }
  if (issues.length > 0) throw new ValidationError("options of spiralExplorer()", issues);

  const model = { steps: 40, ...(options.model ?? {}) };
  const initialShare = options.initial?.publicShare ?? (publicShares.includes(0.5) ? 0.5 : publicShares[0]);
  const initialRate = options.initial?.rate ?? (rates.includes(0.08) ? 0.08 : rates[0]);

  // Simulate every grid point first, so that all frames share one radius domain.
  const runs = new Map<string, SpiralResult>();
  const key = (p: number, r: number) => `${p}|${r}`;
  let rMax = 1;
  for (const p of publicShares) {
    for (const r of rates) {
      const res = simulateSpiral({
        ...model,
        publicShare: p,
        rates: { ...(model.rates ?? {}), [rateMode]: r },
        lang,
      });
      runs.set(key(p, r), res);
      const K = res.cycle.array("knowledge") as ArrayLike<number>;
      for (let t = 0; t < K.length; t++) rMax = Math.max(rMax, spiralRadius(K[t]!, K[0]!));
    }
  }
  const R = rMax * 1.08;
  const stageColor: Record<SeciMode, string> = {
    socialisation: "#4269d0",
    externalisation: "#efb118",
    combination: "#ff725c",
    internalisation: "#3ca951",
  };
  const quadrantLabels = SECI_MODES.map((m, k) => ({
    x: R * 0.93 * Math.cos((k + 0.5) * Math.PI / 2),
    y: R * 0.93 * Math.sin((k + 0.5) * Math.PI / 2),
    text: SECI_MODE_LABELS[m][lang],
    mode: m,
  }));
  const rateLabel: Bilingual = {
    en: `${SECI_MODE_LABELS[rateMode].en} ${TEXT.rate.en}`,
    zh: `${SECI_MODE_LABELS[rateMode].zh}${TEXT.rate.zh}`,
  };

  const sliders = {
    publicShare: { label: TEXT.share, values: publicShares, initial: initialShare },
    rate: { label: rateLabel, values: rates, initial: initialRate },
  };
  const render = ({ publicShare, rate }: { publicShare: number; rate: number }) => {
    const res = runs.get(key(publicShare, rate))!;
    const rows = res.cycle.objects() as {
      step: number;
      knowledge: number;
      phase: number;
      stage: SeciMode;
      stageLabel: string;
    }[];
    const K0 = rows[0]!.knowledge;
    const pts = rows.map((d) => {
      const r = spiralRadius(d.knowledge, K0);
      return { ...d, x: r * Math.cos(d.phase), y: r * Math.sin(d.phase) };
    });
    const end = pts.at(-1)!;
    const summary = `${TEXT.turns[lang]} ${res.turns} · ${TEXT.growth[lang]} = ${res.growthRate.toFixed(3)}`;
    return plot({
      width: size,
      height: size,
      x: { domain: [-R, R], axis: null },
      y: { domain: [-R, R], axis: null },
      marks: [
        Plot.ruleX([0], { stroke: "#ccc" }),
        Plot.ruleY([0], { stroke: "#ccc" }),
        Plot.text(quadrantLabels, {
          x: "x",
          y: "y",
          text: "text",
          fill: (d: { mode: SeciMode }) => stageColor[d.mode],
          fontSize: 13,
          fontWeight: "bold",
        }),
        Plot.line(pts, {
          x: "x",
          y: "y",
          z: null,
          stroke: (d: { stage: SeciMode }) => stageColor[d.stage],
          strokeWidth: 2.5,
          curve: "catmull-rom",
        }),
        Plot.dot(pts, {
          x: "x",
          y: "y",
          r: 2,
          fill: (d: { stage: SeciMode }) => stageColor[d.stage],
          title: (d: { step: number; knowledge: number; stageLabel: string }) =>
            `${TEXT.step[lang]} ${d.step}: ${d.stageLabel}, ${TEXT.knowledge[lang]} = ${
              d.knowledge.toPrecision(4)
            }`,
        }),
        Plot.dot([pts[0]!], { x: "x", y: "y", r: 4, stroke: "black", fill: "white" }),
        Plot.dot([end], { x: "x", y: "y", r: 5, fill: "black" }),
        Plot.text([summary], { frameAnchor: "bottom", dy: -4, fontSize: 12 }),
      ],
    });
  };
  const description = `${TEXT.title.en}: ${TEXT.share.en} × ${rateLabel.en}`;
  if (mode === "frames") return interactive({ title: TEXT.title, lang, description, sliders, render });
  const data: SpiralExplorerData = {
    size,
    R,
    title: TEXT.title[lang],
    modes: SECI_MODES.map((m) => SECI_MODE_LABELS[m][lang]),
    colors: SECI_MODES.map((m) => stageColor[m]),
    text: {
      step: TEXT.step[lang],
      knowledge: TEXT.knowledge[lang],
      turns: TEXT.turns[lang],
      growth: TEXT.growth[lang],
    },
    runs: publicShares.flatMap((p) => rates.map((r) => spiralRun(runs.get(key(p, r))!))),
  };
  return dataInteractive({ chart: "spiral", data, title: TEXT.title, lang, description, sliders, render });
}

/** One run in the data-mode layout: the cycle's phase, knowledge and stage (as a {@link SECI_MODES} index). */
export function spiralRun(res: SpiralResult): SpiralExplorerRun {
  return {
    phase: Array.from(res.cycle.array("phase") as ArrayLike<number>),
    knowledge: Array.from(res.cycle.array("knowledge") as ArrayLike<number>),
    stage: Array.from(res.cycle.array("stage") as ArrayLike<SeciMode>, (m) => SECI_MODES.indexOf(m)),
    turns: res.turns,
    growthRate: res.growthRate,
  };
}
