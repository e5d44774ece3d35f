/**
 * The SECI knowledge spiral as a stock–flow model: tacit and explicit knowledge at four ontological levels,
 * created by socialisation, externalisation, combination and internalisation in their *ba*, under public
 * and private power. 知识螺旋（SECI）存量—流量模型：公共权力与私人权力下的社会化、外在化、组合化、内在化。
 *
 * Nonaka, I. (1994). A dynamic theory of organizational knowledge creation. Organization Science 5(1),
 * 14–37. Nonaka, I. & Konno, N. (1998). The concept of "ba". California Management Review 40(3), 40–54.
 * DESIGN §4 gives the equations; the power mapping and the phase of the cycle are design choices (below).
 * @module
 */
import * as aq from "arquero";
import type { ColumnTable } from "arquero";
import { describeValue, ValidationError, type ValidationIssue } from "../data/validation_error.ts";
import type { Bilingual, Lang } from "../i18n.ts";

/** The four knowledge conversions, in the order of the spiral. */
export const SECI_MODES = ["socialisation", "externalisation", "combination", "internalisation"] as const;
/** A knowledge conversion. */
export type SeciMode = typeof SECI_MODES[number];

/** Bilingual names of the conversions. */
export const SECI_MODE_LABELS: Record<SeciMode, Bilingual> = {
  socialisation: { en: "Socialisation", zh: "社会化" },
  externalisation: { en: "Externalisation", zh: "外在化" },
  combination: { en: "Combination", zh: "组合化" },
  internalisation: { en: "Internalisation", zh: "内在化" },
};

/** The four ontological levels of Nonaka (1994), bottom to top. */
export const SECI_LEVELS = ["individual", "group", "organisation", "cluster"] as const;
/** An ontological level. */
export type SeciLevel = typeof SECI_LEVELS[number];

/** Bilingual names of the levels. */
export const SECI_LEVEL_LABELS: Record<SeciLevel, Bilingual> = {
  individual: { en: "Individual", zh: "个人" },
  group: { en: "Group", zh: "团队" },
  organisation: { en: "Organisation", zh: "组织" },
  cluster: { en: "Inter-organisation (cluster)", zh: "组织间（集群）" },
};

/** The two forms of knowledge. */
export const KNOWLEDGE_FORMS = ["tacit", "explicit"] as const;
/** A form of knowledge. */
export type KnowledgeForm = typeof KNOWLEDGE_FORMS[number];

/** Bilingual names of the forms. */
export const KNOWLEDGE_FORM_LABELS: Record<KnowledgeForm, Bilingual> = {
  tacit: { en: "Tacit knowledge", zh: "隐性知识" },
  explicit: { en: "Explicit knowledge", zh: "显性知识" },
};

/** The four *ba* (Nonaka & Konno 1998), one per conversion. */
export const BA_LABELS: Record<"originating" | "dialoguing" | "systemising" | "exercising", Bilingual> = {
  originating: { en: "Originating ba", zh: "创始场" },
  dialoguing: { en: "Dialoguing ba", zh: "对话场" },
  systemising: { en: "Systemising ba", zh: "系统化场" },
  exercising: { en: "Exercising ba", zh: "实践场" },
};

/** The platform order of DESIGN §3.3, as the platform classifier returns it. */
export type PlatformOrderName = "public_hierarchy" | "private_order" | "hybrid";

/**
 * Public share used for an order name (design choice: the middle of each band of the classifier, whose
 * cut-offs are 1/3 and 2/3): public hierarchy 5/6, hybrid 1/2, private order 1/6.
 */
export const ORDER_PUBLIC_SHARE: Record<PlatformOrderName, number> = {
  public_hierarchy: 5 / 6,
  hybrid: 1 / 2,
  private_order: 1 / 6,
};

/** A value for all four levels, or one per level (individual, group, organisation, cluster). */
export type PerLevel = number | readonly number[];

/** Parameters of {@link simulateSpiral}. */
export interface SpiralOptions {
  /** Output steps (default 60). */
  readonly steps?: number;
  /** Time per output step (default 1). */
  readonly dt?: number;
  /** Runge–Kutta substeps per output step (default 10). */
  readonly substeps?: number;
  /** Conversion rates s, e, c, i (default 0.08 each). */
  readonly rates?: Partial<Record<SeciMode, PerLevel>>;
  /** Intensities of the *ba*: b_O (socialisation), b_D (externalisation), b_S (combination), b_X (internalisation); default 1. */
  readonly ba?: Partial<Record<"originating" | "dialoguing" | "systemising" | "exercising", PerLevel>>;
  /** Obsolescence δ per unit time (default 0.05). */
  readonly obsolescence?: PerLevel;
  /** Upward flow u_ℓ from explicit knowledge at level ℓ to level ℓ+1: one value or three (default 0.02). */
  readonly upward?: PerLevel;
  /** Logistic cap on T_ℓ + E_ℓ per level (default none). */
  readonly cap?: PerLevel;
  /** Initial tacit stocks (default 1 at the individual level, 0 above). */
  readonly tacit0?: PerLevel;
  /** Initial explicit stocks (default 0). */
  readonly explicit0?: PerLevel;
  /** Platform order from the classifier; mapped to a public share by {@link ORDER_PUBLIC_SHARE}. */
  readonly order?: PlatformOrderName;
  /** Public share of power in [0, 1] (alternative to `order`; 0.5 = neutral). */
  readonly publicShare?: number;
  /** Strength α ∈ [0, 1] of the power modulation (default 0.5). */
  readonly powerStrength?: number;
  /** Conversions raised by public power (default externalisation, combination). */
  readonly publicModes?: readonly SeciMode[];
  /** Conversions raised by private power (default socialisation, internalisation). */
  readonly privateModes?: readonly SeciMode[];
  /** Language of the label columns (default "en"). */
  readonly lang?: Lang;
}

/** Result of {@link simulateSpiral}. */
export interface SpiralResult {
  /**
   * One row per step × level × form: `step`, `time`, `level`, `levelLabel`, `form`, `formLabel`, `stock`,
   * `created` (conversions into this form), `upwardIn`, `obsolescence` (outflow). For steps ≥ 1,
   * stock − previous stock = created + upwardIn − obsolescence.
   */
  readonly stocks: ColumnTable;
  /**
   * One row per step (≥ 1) × level × flow: `mode` (a SECI mode, "upward" or "obsolescence"), `modeLabel`,
   * `from` and `to` forms, `value` (amount over the step, ≥ 0), `sign` (+1 inflow, −1 outflow of `to`),
   * and `stock`, the stock of the `to` form at this level at the end of the step (so one table carries
   * stocks and flows per step × level × mode). The upward flow into level ℓ comes from explicit knowledge
   * at level ℓ − 1.
   */
  readonly flows: ColumnTable;
  /**
   * One row per step: `knowledge` (Σ over levels and forms), `tacit`, `explicit`, `phase` (cumulative angle
   * of the S→E→C→I cycle, radians), `angle` (phase mod 2π), `turn` (turns completed), `stage` (the
   * conversion in progress) and `stageLabel`.
   */
  readonly cycle: ColumnTable;
  /** Turns of the spiral completed. */
  readonly turns: number;
  /** Knowledge at the end of each completed turn divided by knowledge at its start. */
  readonly growthPerTurn: readonly number[];
  /** Times at which turns completed. */
  readonly turnTimes: readonly number[];
  /** Closed-form growth rate λ* of each level's linear block (DESIGN §4), with the effective rates. */
  readonly levelGrowth: readonly number[];
  /**
   * Empirical growth rate of total knowledge over the last step, ln(K_T / K_{T−1}) / dt. Levels above the
   * individual one receive the upward flow, so with equal rates at every level the total grows like a
   * polynomial in t times e^{λ*t} and this rate approaches λ* only slowly (from above).
   */
  readonly growthRate: number;
  /**
   * Empirical growth rate of each level's knowledge T_ℓ + E_ℓ over the last step, ln(K_ℓ,T / K_ℓ,T−1) / dt
   * (0 where a level holds no knowledge). Without upward inflow (the individual level, or `upward: 0`) it
   * converges to the closed form `levelGrowth[ℓ]`.
   */
  readonly simulatedLevelGrowth: readonly number[];
  /** Effective rates s', e', c', i' per level after *ba* and power modulation. */
  readonly effectiveRates: Readonly<Record<SeciMode, readonly number[]>>;
  /** Public share used (0.5 when no power was given). */
  readonly publicShare: number;
  /** Notes on degenerate settings (a conversion switched off, no turn completed, …). */
  readonly warnings: readonly string[];
}

/**
 * Closed-form asymptotic growth rate of the linear two-stock SECI model (DESIGN §4): the largest eigenvalue
 * of [[s' − δ, i'], [e', c' − δ]], λ* = (s' + c')/2 − δ + √(((s' − c')/2)² + e'·i'), where s' = s·b_O,
 * e' = e·b_D, c' = c·b_S, i' = i·b_X are the effective rates.
 *
 * @example
 * ```ts
 * import { seciGrowthRate } from "clusterlab";
 * seciGrowthRate(0.1, 0.1, 0.1, 0.1, 0.05); // 0.15 (to rounding)
 * ```
 */
export function seciGrowthRate(s: number, e: number, c: number, i: number, delta: number): number {
  const issues: ValidationIssue[] = [];
  for (const [name, v] of [["s", s], ["e", e], ["c", c], ["i", i], ["delta", delta]] as const) {
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
      issues.push({ column: name, expected: "a finite number ≥ 0", received: describeValue(v) });
    }
  }
  if (issues.length) throw new ValidationError("parameters of seciGrowthRate", issues);
  return (s + c) / 2 - delta + Math.sqrt(((s - c) / 2) ** 2 + e * i);
}

/**
 * Rate multipliers for a public share p (design choice, configurable): conversions raised by public power
 * are multiplied by 1 + α(2p − 1), those raised by private power by 1 + α(1 − 2p); α = `strength`. With
 * p = ½ both are 1; a public hierarchy (p = 5/6, α = ½) gives ×4/3 and ×2/3.
 *
 * @example
 * ```ts
 * import { powerMultipliers } from "clusterlab";
 * powerMultipliers(1, 0.5).combination; // 1.5
 * ```
 */
export function powerMultipliers(
  publicShare: number,
  strength = 0.5,
  publicModes: readonly SeciMode[] = ["externalisation", "combination"],
  privateModes: readonly SeciMode[] = ["socialisation", "internalisation"],
): Record<SeciMode, number> {
  const issues: ValidationIssue[] = [];
  if (typeof publicShare !== "number" || !(publicShare >= 0 && publicShare <= 1)) {
    issues.push({
      column: "publicShare",
      expected: "a number in [0, 1]",
      received: describeValue(publicShare),
    });
  }
  if (typeof strength !== "number" || !(strength >= 0 && strength <= 1)) {
    issues.push({ column: "strength", expected: "a number in [0, 1]", received: describeValue(strength) });
  }
  for (const [name, v] of [["publicModes", publicModes], ["privateModes", privateModes]] as const) {
    if (!Array.isArray(v) || v.some((m) => !SECI_MODES.includes(m))) {
      issues.push({
        column: name,
        expected: `a list of ${SECI_MODES.join(", ")}`,
        received: describeValue(v),
      });
    }
  }
  if (issues.length) throw new ValidationError("parameters of powerMultipliers", issues);
  const out = { socialisation: 1, externalisation: 1, combination: 1, internalisation: 1 };
  for (const m of publicModes) out[m] *= 1 + strength * (2 * publicShare - 1);
  for (const m of privateModes) out[m] *= 1 + strength * (1 - 2 * publicShare);
  return out;
}

const L: number = SECI_LEVELS.length;

function perLevel(
  issues: ValidationIssue[],
  name: string,
  v: PerLevel | undefined,
  fallback: number,
  len = L,
  allowInfinity = false,
): Float64Array {
  const out = new Float64Array(len).fill(fallback);
  if (v === undefined) return out;
  const ok = (x: unknown) =>
    typeof x === "number" && x >= 0 && (allowInfinity ? !Number.isNaN(x) : Number.isFinite(x));
  if (typeof v === "number") {
    if (!ok(v)) issues.push({ column: name, expected: "a finite number ≥ 0", received: describeValue(v) });
    else out.fill(v);
    return out;
  }
  if (!Array.isArray(v) || v.length !== len) {
    issues.push({
      column: name,
      expected: `a number or ${len} numbers (one per level)`,
      received: describeValue(v),
    });
    return out;
  }
  v.forEach((x, k) => {
    if (!ok(x)) {
      issues.push({ column: `${name}[${k}]`, expected: "a finite number ≥ 0", received: describeValue(x) });
    } else out[k] = x;
  });
  return out;
}

/**
 * Simulate the SECI spiral (DESIGN §4). Per level ℓ (individual, group, organisation, cluster), with
 * effective rates s' = s·b_O·m_S, e' = e·b_D·m_E, c' = c·b_S·m_C, i' = i·b_X·m_I (m = power multipliers):
 *
 *   dT_ℓ/dt = g_ℓ·(s'T_ℓ + i'E_ℓ) − δT_ℓ,
 *   dE_ℓ/dt = g_ℓ·(e'T_ℓ + c'E_ℓ) − δE_ℓ + u_{ℓ−1}E_{ℓ−1},
 *
 * where g_ℓ = max(0, 1 − (T_ℓ + E_ℓ)/cap_ℓ) is the optional logistic cap (1 without cap). Knowledge is
 * non-rival: conversions create stock without depleting the source, and the upward flow u·E_ℓ adds to
 * level ℓ+1 without removing it from ℓ (design choice consistent with non-rivalry). Integration: classical
 * Runge–Kutta (RK4) with `substeps` per step; the flows reported are the RK4-weighted flows, so the stock
 * changes equal inflows − outflows to rounding.
 *
 * Power (design choice, configurable; DESIGN §3.3, §4): public power raises externalisation and
 * combination (rules, shared codes, systemising), private power raises socialisation and internalisation
 * (market interaction), see {@link powerMultipliers}; `order` maps to a public share by
 * {@link ORDER_PUBLIC_SHARE}.
 *
 * Phase of the cycle (design choice): a turn runs through the stages S → E → C → I in order; a stage is
 * complete when its conversion, summed over levels since the stage began, has produced as much knowledge as
 * the total stock K₀ at the start of the turn. The phase is 2π·turns + (π/2)·(stage + progress), so a weak
 * conversion slows the whole spiral. In balanced exponential growth at rate λ with per-unit flows f_m
 * (flow_m / K) a turn multiplies knowledge by exactly 1 + λ·Σ_m 1/f_m (the closed form the tests use).
 *
 * @example
 * ```ts
 * import { simulateSpiral } from "clusterlab";
 * const pub = simulateSpiral({ order: "public_hierarchy", steps: 40 });
 * const priv = simulateSpiral({ order: "private_order", steps: 40 });
 * pub.turns > 0 && priv.turns > 0; // true: both spirals turn
 * pub.cycle.get("knowledge", 40); // total knowledge after 40 steps
 * ```
 */
export function simulateSpiral(options: SpiralOptions = {}): SpiralResult {
  const issues: ValidationIssue[] = [];
  const o = options;
  const int = (name: string, v: unknown, min: number) => {
    if (typeof v !== "number" || !Number.isInteger(v) || v < min) {
      issues.push({ column: name, expected: `an integer ≥ ${min}`, received: describeValue(v) });
    }
  };
  const steps = o.steps ?? 60, substeps = o.substeps ?? 10, dt = o.dt ?? 1;
  int("steps", steps, 1);
  int("substeps", substeps, 1);
  if (typeof dt !== "number" || !(dt > 0) || !Number.isFinite(dt)) {
    issues.push({ column: "dt", expected: "a finite number > 0", received: describeValue(dt) });
  }
  const r = o.rates ?? {};
  const ba = o.ba ?? {};
  const s0 = perLevel(issues, "rates.socialisation", r.socialisation, 0.08);
  const e0 = perLevel(issues, "rates.externalisation", r.externalisation, 0.08);
  const c0 = perLevel(issues, "rates.combination", r.combination, 0.08);
  const i0 = perLevel(issues, "rates.internalisation", r.internalisation, 0.08);
  const bO = perLevel(issues, "ba.originating", ba.originating, 1);
  const bD = perLevel(issues, "ba.dialoguing", ba.dialoguing, 1);
  const bS = perLevel(issues, "ba.systemising", ba.systemising, 1);
  const bX = perLevel(issues, "ba.exercising", ba.exercising, 1);
  const delta = perLevel(issues, "obsolescence", o.obsolescence, 0.05);
  const up = perLevel(issues, "upward", o.upward, 0.02, L - 1);
  const cap = perLevel(issues, "cap", o.cap, Infinity, L, true);
  cap.forEach((v, k) => {
    if (v === 0) issues.push({ column: `cap[${k}]`, expected: "a number > 0", received: "0" });
  });
  const T0 = perLevel(issues, "tacit0", o.tacit0, 0);
  if (o.tacit0 === undefined) T0[0] = 1;
  const E0 = perLevel(issues, "explicit0", o.explicit0, 0);
  let publicShare = 0.5;
  if (o.order !== undefined && o.publicShare !== undefined) {
    issues.push({
      column: "order",
      expected: "either order or publicShare, not both",
      received: `order ${describeValue(o.order)} and publicShare ${describeValue(o.publicShare)}`,
    });
  } else if (o.order !== undefined) {
    if (!(o.order in ORDER_PUBLIC_SHARE)) {
      issues.push({
        column: "order",
        expected: "one of public_hierarchy, private_order, hybrid",
        received: describeValue(o.order),
      });
    } else publicShare = ORDER_PUBLIC_SHARE[o.order];
  } else if (o.publicShare !== undefined) {
    if (typeof o.publicShare !== "number" || !(o.publicShare >= 0 && o.publicShare <= 1)) {
      issues.push({
        column: "publicShare",
        expected: "a number in [0, 1]",
        received: describeValue(o.publicShare),
      });
    } else publicShare = o.publicShare;
  }
  const strength = o.powerStrength ?? 0.5;
  if (typeof strength !== "number" || !(strength >= 0 && strength <= 1)) {
    issues.push({
      column: "powerStrength",
      expected: "a number in [0, 1]",
      received: describeValue(strength),
    });
  }
  for (const key of ["publicModes", "privateModes"] as const) {
    const v = o[key];
    if (v !== undefined && (!Array.isArray(v) || v.some((m) => !SECI_MODES.includes(m)))) {
      issues.push({
        column: key,
        expected: `a list of ${SECI_MODES.join(", ")}`,
        received: describeValue(v),
      });
    }
  }
  if (issues.length) throw new ValidationError("parameters of simulateSpiral", issues);

  const mult = powerMultipliers(publicShare, strength, o.publicModes, o.privateModes);
  const sE = s0.map((v, k) => v * bO[k]! * mult.socialisation);
  const eE = e0.map((v, k) => v * bD[k]! * mult.externalisation);
  const cE = c0.map((v, k) => v * bS[k]! * mult.combination);
  const iE = i0.map((v, k) => v * bX[k]! * mult.internalisation);
  const h = dt / substeps;
  let maxRate = 0;
  for (let k = 0; k < L; k++) {
    maxRate = Math.max(
      maxRate,
      sE[k]! + iE[k]! + delta[k]!,
      eE[k]! + cE[k]! + delta[k]! + (k > 0 ? up[k - 1]! : 0),
    );
  }
  if (h * maxRate > 0.5) {
    throw new ValidationError("parameters of simulateSpiral", [{
      column: "substeps",
      expected: `at least ${Math.ceil((dt * maxRate) / 0.5)} (step dt/substeps × largest total rate ≤ 0.5)`,
      received: describeValue(substeps),
      message: "RK4 would be inaccurate and could turn stocks negative",
    }]);
  }
  const lang = o.lang ?? "en";
  const warnings: string[] = [];
  for (
    const [mode, arr] of [["socialisation", sE], ["externalisation", eE], ["combination", cE], [
      "internalisation",
      iE,
    ]] as const
  ) {
    if (arr.every((v) => v === 0)) {
      warnings.push(`No ${mode} at any level: the spiral cannot complete a turn`);
    }
  }

  // state: [T0..T3, E0..E3]; flows per level: S, E, C, I, up-in, obsT, obsE
  const NF = 7;
  const y = new Float64Array(2 * L), yt = new Float64Array(2 * L);
  y.set(T0, 0);
  y.set(E0, L);
  const k1 = new Float64Array(L * NF), k2 = new Float64Array(L * NF), k3 = new Float64Array(L * NF);
  const k4 = new Float64Array(L * NF), acc = new Float64Array(L * NF), sub = new Float64Array(L * NF);
  const rates = (state: Float64Array, out: Float64Array) => {
    for (let l = 0; l < L; l++) {
      const T = state[l]!, E = state[L + l]!;
      const g = cap[l] === Infinity ? 1 : Math.max(0, 1 - (T + E) / cap[l]!);
      const b = l * NF;
      out[b] = g * sE[l]! * T;
      out[b + 1] = g * eE[l]! * T;
      out[b + 2] = g * cE[l]! * E;
      out[b + 3] = g * iE[l]! * E;
      out[b + 4] = l > 0 ? up[l - 1]! * state[L + l - 1]! : 0;
      out[b + 5] = delta[l]! * T;
      out[b + 6] = delta[l]! * E;
    }
  };
  const advance = (base: Float64Array, f: Float64Array, a: number, out: Float64Array) => {
    for (let l = 0; l < L; l++) {
      const b = l * NF;
      out[l] = base[l]! + a * (f[b]! + f[b + 3]! - f[b + 5]!);
      out[L + l] = base[L + l]! + a * (f[b + 1]! + f[b + 2]! + f[b + 4]! - f[b + 6]!);
    }
  };

  // output columns
  const nStock = (steps + 1) * L * 2;
  const st = {
    step: new Int32Array(nStock),
    time: new Float64Array(nStock),
    level: new Array<string>(nStock),
    levelLabel: new Array<string>(nStock),
    form: new Array<string>(nStock),
    formLabel: new Array<string>(nStock),
    stock: new Float64Array(nStock),
    created: new Float64Array(nStock),
    upwardIn: new Float64Array(nStock),
    obsolescence: new Float64Array(nStock),
  };
  const FLOW_MODES = [...SECI_MODES, "upward", "obsolescence", "obsolescence"] as const;
  const FLOW_FROM = ["tacit", "tacit", "explicit", "explicit", "explicit", "tacit", "explicit"];
  const FLOW_TO = ["tacit", "explicit", "explicit", "tacit", "explicit", "tacit", "explicit"];
  const FLOW_SIGN = [1, 1, 1, 1, 1, -1, -1];
  const flowLabel = (m: string): string =>
    m === "upward"
      ? (lang === "zh" ? "向上流动" : "Upward flow")
      : m === "obsolescence"
      ? (lang === "zh" ? "知识老化" : "Obsolescence")
      : SECI_MODE_LABELS[m as SeciMode][lang];
  const nFlow = steps * L * NF;
  const fl = {
    step: new Int32Array(nFlow),
    time: new Float64Array(nFlow),
    level: new Array<string>(nFlow),
    levelLabel: new Array<string>(nFlow),
    mode: new Array<string>(nFlow),
    modeLabel: new Array<string>(nFlow),
    from: new Array<string>(nFlow),
    to: new Array<string>(nFlow),
    value: new Float64Array(nFlow),
    sign: new Int8Array(nFlow),
    stock: new Float64Array(nFlow),
  };
  const cy = {
    step: new Int32Array(steps + 1),
    time: new Float64Array(steps + 1),
    knowledge: new Float64Array(steps + 1),
    tacit: new Float64Array(steps + 1),
    explicit: new Float64Array(steps + 1),
    phase: new Float64Array(steps + 1),
    angle: new Float64Array(steps + 1),
    turn: new Int32Array(steps + 1),
    stage: new Array<string>(steps + 1),
    stageLabel: new Array<string>(steps + 1),
  };

  let stage = 0, turn = 0, progress = 0; // progress: produced by the current stage's mode / K0 of turn
  const total = (v: Float64Array) => {
    let s = 0;
    for (let k = 0; k < 2 * L; k++) s += v[k]!;
    return s;
  };
  let Kref = total(y);
  if (Kref === 0) warnings.push("All initial stocks are 0: nothing to convert, knowledge stays 0");
  const growthPerTurn: number[] = [], turnTimes: number[] = [];

  const writeStep = (step: number) => {
    let tac = 0, exp = 0;
    for (let l = 0; l < L; l++) {
      for (let f = 0; f < 2; f++) {
        const row = (step * L + l) * 2 + f;
        st.step[row] = step;
        st.time[row] = step * dt;
        st.level[row] = SECI_LEVELS[l]!;
        st.levelLabel[row] = SECI_LEVEL_LABELS[SECI_LEVELS[l]!][lang];
        st.form[row] = KNOWLEDGE_FORMS[f]!;
        st.formLabel[row] = KNOWLEDGE_FORM_LABELS[KNOWLEDGE_FORMS[f]!][lang];
        st.stock[row] = y[f * L + l]!;
        if (step > 0) {
          const b = l * NF;
          st.created[row] = f === 0 ? acc[b]! + acc[b + 3]! : acc[b + 1]! + acc[b + 2]!;
          st.upwardIn[row] = f === 0 ? 0 : acc[b + 4]!;
          st.obsolescence[row] = f === 0 ? acc[b + 5]! : acc[b + 6]!;
        }
      }
      tac += y[l]!;
      exp += y[L + l]!;
    }
    if (step > 0) {
      for (let l = 0; l < L; l++) {
        for (let q = 0; q < NF; q++) {
          const row = ((step - 1) * L + l) * NF + q;
          fl.step[row] = step;
          fl.time[row] = step * dt;
          fl.level[row] = SECI_LEVELS[l]!;
          fl.levelLabel[row] = SECI_LEVEL_LABELS[SECI_LEVELS[l]!][lang];
          fl.mode[row] = FLOW_MODES[q]!;
          fl.modeLabel[row] = flowLabel(FLOW_MODES[q]!);
          fl.from[row] = FLOW_FROM[q]!;
          fl.to[row] = FLOW_TO[q]!;
          fl.value[row] = acc[l * NF + q]!;
          fl.sign[row] = FLOW_SIGN[q]!;
          fl.stock[row] = y[(FLOW_TO[q] === "tacit" ? 0 : L) + l]!;
        }
      }
    }
    cy.step[step] = step;
    cy.time[step] = step * dt;
    cy.knowledge[step] = tac + exp;
    cy.tacit[step] = tac;
    cy.explicit[step] = exp;
    const phase = 2 * Math.PI * turn + (Math.PI / 2) * (stage + progress);
    cy.phase[step] = phase;
    cy.angle[step] = phase - 2 * Math.PI * turn;
    cy.turn[step] = turn;
    cy.stage[step] = SECI_MODES[stage]!;
    cy.stageLabel[step] = SECI_MODE_LABELS[SECI_MODES[stage]!][lang];
  };
  writeStep(0);

  let prevK = total(y), lastK = prevK;
  const prevLevel = new Float64Array(L);
  for (let step = 1; step <= steps; step++) {
    acc.fill(0);
    for (let q = 0; q < substeps; q++) {
      const t0 = (step - 1) * dt + q * h;
      const Kstart = total(y);
      rates(y, k1);
      advance(y, k1, h / 2, yt);
      rates(yt, k2);
      advance(y, k2, h / 2, yt);
      rates(yt, k3);
      advance(y, k3, h, yt);
      rates(yt, k4);
      for (let j = 0; j < L * NF; j++) sub[j] = (h / 6) * (k1[j]! + 2 * k2[j]! + 2 * k3[j]! + k4[j]!);
      advance(y, sub, 1, yt);
      y.set(yt);
      for (let j = 0; j < L * NF; j++) acc[j]! += sub[j]!;
      const Kend = total(y);
      // the cycle: flows of the stage modes over this substep, summed over levels
      if (Kref > 0) {
        let used = 0; // fraction of the substep already consumed
        for (let guard = 0; guard < 64; guard++) {
          let f = 0;
          for (let l = 0; l < L; l++) f += sub[l * NF + stage]!;
          const avail = f * (1 - used);
          const need = (1 - progress) * Kref;
          if (avail < need || avail === 0) {
            progress += avail / Kref;
            break;
          }
          const frac = need / f; // part of the substep this stage needed
          used += frac;
          progress = 0;
          stage++;
          if (stage === 4) {
            stage = 0;
            turn++;
            const Kt = Kstart + used * (Kend - Kstart);
            growthPerTurn.push(Kt / Kref);
            turnTimes.push(t0 + used * h);
            Kref = Kt;
          }
        }
      }
    }
    prevK = lastK;
    lastK = total(y);
    if (step === steps) {
      for (let l = 0; l < L; l++) {
        prevLevel[l] = st.stock[((step - 1) * L + l) * 2]! + st.stock[((step - 1) * L + l) * 2 + 1]!;
      }
    }
    writeStep(step);
  }
  if (turn === 0 && Kref > 0) {
    warnings.push("No turn of the spiral completed: run more steps or raise the rates");
  }

  const levelGrowth = Array.from(
    { length: L },
    (_, l) => seciGrowthRate(sE[l]!, eE[l]!, cE[l]!, iE[l]!, delta[l]!),
  );
  return {
    stocks: aq.table(st),
    flows: aq.table(fl),
    cycle: aq.table(cy),
    turns: turn,
    growthPerTurn,
    turnTimes,
    levelGrowth,
    growthRate: prevK > 0 && lastK > 0 ? Math.log(lastK / prevK) / dt : 0,
    simulatedLevelGrowth: Array.from({ length: L }, (_, l) => {
      const now = y[l]! + y[L + l]!;
      return prevLevel[l]! > 0 && now > 0 ? Math.log(now / prevLevel[l]!) / dt : 0;
    }),
    effectiveRates: {
      socialisation: Array.from(sE),
      externalisation: Array.from(eE),
      combination: Array.from(cE),
      internalisation: Array.from(iE),
    },
    publicShare,
    warnings,
  };
}
