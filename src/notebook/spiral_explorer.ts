/**
 * Knowledge-spiral explorer 知识螺旋探索器: an {@link InteractiveFigure} over {@link simulateSpiral} with
 * sliders for the public share of power and for one conversion rate. Each frame draws the SECI spiral
 * (Nonaka 1994): the angle is the phase of the S→E→C→I cycle (one turn = 2π, a quarter per conversion), the
 * radius grows with total knowledge K.
 * @module
 */
import { Plot } from "../deps/lazy.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../core/validation_error.ts";
import type { Bilingual, Lang } from "../core/i18n.ts";
import {
  SECI_MODE_LABELS,
  SECI_MODES,
  type SeciMode,
  simulateSpiral,
  type SimulateSpiralOptions,
  type SpiralResult,
} from "../models/seci.ts";
import { type Figure, plot } from "../plot/figure.ts";
import { interactive } from "./interactive.ts";
import { dataInteractive } from "./data_interactive.ts";
import type { InteractiveFigure, InteractiveMode } from "./interactive_figure.ts";
import { sliderRange } from "./slider.ts";
import { type SpiralExplorerData, type SpiralExplorerRun, spiralRadius } from "./client/spiral.ts";
import { checkSize } from "../core/size_guard.ts";

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
  readonly model?: Omit<SimulateSpiralOptions, "publicShare" | "order" | "lang">;
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

const STAGE_COLOR: Record<SeciMode, string> = {
  socialisation: "#4269d0",
  externalisation: "#efb118",
  combination: "#ff725c",
  internalisation: "#3ca951",
};

function validate(options: SpiralExplorerOptions): void {
  const {
    publicShares = [],
    rateMode = "externalisation",
    rates = [],
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
  const steps = options.model?.steps ?? 40;
  checkSize("options of spiralExplorer()", "publicShares × rates", {
    what: `${publicShares.length} public shares × ${rates.length} rates runs × ${
      steps + 1
    } steps × 240 values`,
    values: publicShares.length * rates.length * (steps + 1) * 240,
    hint: "use fewer slider values or fewer steps",
  });
}

/** The run of every public share × rate, first, so that all frames share one radius domain ±R. */
function simulateGrid(
  publicShares: readonly number[],
  rates: readonly number[],
  rateMode: SeciMode,
  options: SpiralExplorerOptions,
): { run: (p: number, r: number) => SpiralResult; R: number } {
  const model = { steps: 40, ...(options.model ?? {}) };
  const runs = new Map<string, SpiralResult>();
  const key = (p: number, r: number) => `${p}|${r}`;
  let rMax = 1;
  for (const p of publicShares) {
    for (const r of rates) {
      const res = simulateSpiral({
        ...model,
        publicShare: p,
        rates: { ...(model.rates ?? {}), [rateMode]: r },
        lang: options.lang ?? "en",
      });
      runs.set(key(p, r), res);
      const K = res.cycle.array("knowledge") as ArrayLike<number>;
      for (let t = 0; t < K.length; t++) rMax = Math.max(rMax, spiralRadius(K[t]!, K[0]!));
    }
  }
  return { run: (p, r) => runs.get(key(p, r))!, R: rMax * 1.08 };
}

/** The kernel's Plot drawing of one run (the static view, and every frame in frames mode). */
function spiralFrame(res: SpiralResult, R: number, size: number, lang: Lang): Figure {
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
  const quadrantLabels = SECI_MODES.map((m, k) => ({
    x: R * 0.93 * Math.cos((k + 0.5) * Math.PI / 2),
    y: R * 0.93 * Math.sin((k + 0.5) * Math.PI / 2),
    text: SECI_MODE_LABELS[m][lang],
    mode: m,
  }));
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
        fill: (d: { mode: SeciMode }) => STAGE_COLOR[d.mode],
        fontSize: 13,
        fontWeight: "bold",
      }),
      Plot.line(pts, {
        x: "x",
        y: "y",
        z: null,
        stroke: (d: { stage: SeciMode }) => STAGE_COLOR[d.stage],
        strokeWidth: 2.5,
        curve: "catmull-rom",
      }),
      Plot.dot(pts, {
        x: "x",
        y: "y",
        r: 2,
        fill: (d: { stage: SeciMode }) => STAGE_COLOR[d.stage],
        title: (d: { step: number; knowledge: number; stageLabel: string }) =>
          `${TEXT.step[lang]} ${d.step}: ${d.stageLabel}, ${TEXT.knowledge[lang]} = ${
            d.knowledge.toPrecision(4)
          }`,
      }),
      Plot.dot([pts[0]!], { x: "x", y: "y", r: 4, stroke: "black", fill: "white" }),
      Plot.dot([pts.at(-1)!], { x: "x", y: "y", r: 5, fill: "black" }),
      Plot.text([summary], { frameAnchor: "bottom", dy: -4, fontSize: 12 }),
    ],
  });
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
 * import assert from "node:assert/strict";
 * import { simulateSpiral, spiralExplorer } from "clusterlab";
 * const w = spiralExplorer({ publicShares: [0, 0.5, 1], rates: [0.04, 0.08], lang: "zh" });
 * assert.equal(w.stats.frames, 6); // 3 public shares × 2 rates
 * assert.equal(w.mode, "data");
 * assert.deepEqual(w.initialParams, { publicShare: 0.5, rate: 0.08 });
 * const run = simulateSpiral({ steps: 40, publicShare: 0.5 });
 * assert.ok(w.toSVG().includes(`圈数 ${run.turns} · 增长率 λ = ${run.growthRate.toFixed(3)}`)); // the static view
 * ```
 */
export function spiralExplorer(options: SpiralExplorerOptions = {}): InteractiveFigure {
  validate(options);
  const {
    publicShares = sliderRange(0, 1, 0.1),
    rateMode = "externalisation",
    rates = [0.02, 0.04, 0.08, 0.12, 0.16],
    lang = "en",
    size = 460,
    mode = "data",
  } = options;
  const initialShare = options.initial?.publicShare ?? (publicShares.includes(0.5) ? 0.5 : publicShares[0]);
  const initialRate = options.initial?.rate ?? (rates.includes(0.08) ? 0.08 : rates[0]);
  const { run, R } = simulateGrid(publicShares, rates, rateMode, options);
  const rateLabel: Bilingual = {
    en: `${SECI_MODE_LABELS[rateMode].en} ${TEXT.rate.en}`,
    zh: `${SECI_MODE_LABELS[rateMode].zh}${TEXT.rate.zh}`,
  };
  const sliders = {
    publicShare: { label: TEXT.share, values: publicShares, initial: initialShare },
    rate: { label: rateLabel, values: rates, initial: initialRate },
  };
  const render = ({ publicShare, rate }: { publicShare: number; rate: number }) =>
    spiralFrame(run(publicShare, rate), R, size, lang);
  const description = `${TEXT.title.en}: ${TEXT.share.en} × ${rateLabel.en}`;
  if (mode === "frames") return interactive({ title: TEXT.title, lang, description, sliders, render });
  const data: SpiralExplorerData = {
    size,
    R,
    title: TEXT.title[lang],
    modes: SECI_MODES.map((m) => SECI_MODE_LABELS[m][lang]),
    colors: SECI_MODES.map((m) => STAGE_COLOR[m]),
    text: {
      step: TEXT.step[lang],
      knowledge: TEXT.knowledge[lang],
      turns: TEXT.turns[lang],
      growth: TEXT.growth[lang],
    },
    runs: publicShares.flatMap((p) => rates.map((r) => spiralRun(run(p, r)))),
  };
  return dataInteractive({ chart: "spiral", data, title: TEXT.title, lang, description, sliders, render });
}

/**
 * One run in the data-mode layout: the cycle's phase, knowledge and stage (as a `SECI_MODES` index).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { simulateSpiral } from "clusterlab";
 * import { spiralRun } from "clusterlab/advanced";
 * const res = simulateSpiral({ steps: 5 });
 * const run = spiralRun(res);
 * assert.equal(run.phase.length, 6); // steps 0..5
 * assert.equal(run.stage[0], 0); // the cycle starts with socialisation (SECI_MODES[0])
 * assert.equal(run.growthRate, res.growthRate);
 * ```
 */
export function spiralRun(res: SpiralResult): SpiralExplorerRun {
  return {
    phase: Array.from(res.cycle.array("phase") as ArrayLike<number>),
    knowledge: Array.from(res.cycle.array("knowledge") as ArrayLike<number>),
    stage: Array.from(res.cycle.array("stage") as ArrayLike<SeciMode>, (m) => SECI_MODES.indexOf(m)),
    turns: res.turns,
    growthRate: res.growthRate,
  };
}
