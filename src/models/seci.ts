/**
 * The SECI knowledge spiral as a stock–flow model: tacit and explicit knowledge at four ontological levels,
 * created by socialisation, externalisation, combination and internalisation in their *ba*, under public
 * and private power. 知识螺旋（SECI）存量—流量模型：公共权力与私人权力下的社会化、外在化、组合化、内在化。
 *
 * Nonaka, I. (1994). A dynamic theory of organizational knowledge creation. Organization Science 5(1),
 * 14–37 (the four conversions and the ontological levels of the spiral). Nonaka, I. & Konno, N. (1998). The
 * concept of "ba". California Management Review 40(3), 40–54 (the four *ba* whose intensities scale the
 * conversions). The stock–flow equations are given at {@link simulateSpiral}; the power mapping and the phase
 * of the cycle are design choices (below).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { simulateSpiral } from "clusterlab";
 * // one level, no upward flow: the individual level grows at the closed-form rate λ* of its linear block
 * const r = simulateSpiral({ steps: 200, upward: 0 });
 * assert.ok(Math.abs(r.simulatedLevelGrowth[0]! - r.levelGrowth[0]!) < 1e-6);
 * assert.ok(Math.abs(r.levelGrowth[0]! - (0.08 - 0.05 + 0.08)) < 1e-15); // (s + c)/2 − δ + √(e·i)
 * ```
 * @module
 */
import * as aq from "../deps/arquero.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../core/validation_error.ts";
import type { Bilingual, Lang } from "../core/i18n.ts";
import type { PlatformOrder } from "../classify/platform.ts";
import { finiteResult } from "../indicators/finite_result.ts";
import { checkSize } from "../core/size_guard.ts";

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

/**
 * Public share used for a platform order of `classifyPlatform` (design choice: the middle of each band of the
 * classifier, whose cut-offs are 1/3 and 2/3): public hierarchy 5/6, hybrid 1/2, private order 1/6.
 */
export const ORDER_PUBLIC_SHARE: Readonly<Record<PlatformOrder, number>> = {
  public_hierarchy: 5 / 6,
  hybrid: 1 / 2,
  private_order: 1 / 6,
};

/** A value for all four levels, or one per level (individual, group, organisation, cluster). */
export type PerLevel = number | readonly number[];

/** Parameters of {@link simulateSpiral} (every one optional, with the defaults below). */
export interface SimulateSpiralOptions {
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
  readonly order?: PlatformOrder;
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

/** @deprecated Use {@link SimulateSpiralOptions} (the same type under its 0.1 name). */
export type SpiralOptions = SimulateSpiralOptions;

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
  /** Closed-form growth rate λ* of each level's linear block ({@link seciGrowthRate} of the effective rates). */
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

/** The effective rates of one level's linear block (Nonaka 1994's four conversions) and its obsolescence. */
export interface SeciRates {
  /** Socialisation rate s' (tacit → tacit), ≥ 0. */
  readonly socialisation: number;
  /** Externalisation rate e' (tacit → explicit), ≥ 0. */
  readonly externalisation: number;
  /** Combination rate c' (explicit → explicit), ≥ 0. */
  readonly combination: number;
  /** Internalisation rate i' (explicit → tacit), ≥ 0. */
  readonly internalisation: number;
  /** Obsolescence δ of both stocks, ≥ 0. */
  readonly obsolescence: number;
}

/**
 * Closed-form asymptotic growth rate of the linear two-stock SECI model dT = s'T + i'E − δT,
 * dE = e'T + c'E − δE: the largest eigenvalue of [[s' − δ, i'], [e', c' − δ]],
 * λ* = (s' + c')/2 − δ + √(((s' − c')/2)² + e'·i'), where s' = s·b_O, e' = e·b_D, c' = c·b_S, i' = i·b_X are
 * the effective rates (Nonaka 1994's conversions scaled by the *ba* of Nonaka & Konno 1998).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { seciGrowthRate } from "clusterlab/advanced";
 * // s' = c': λ* = s' − δ + √(e'·i') = 0.1 − 0.05 + 0.1
 * const rate = seciGrowthRate({
 *   socialisation: 0.1, externalisation: 0.1, combination: 0.1, internalisation: 0.1, obsolescence: 0.05,
 * });
 * assert.ok(Math.abs(rate - 0.15) < 1e-15);
 * ```
 */
export function seciGrowthRate(rates: SeciRates): number;
/**
 * @deprecated the 0.1 form `seciGrowthRate(s, e, c, i, delta)`; use
 * `seciGrowthRate({ socialisation, externalisation, combination, internalisation, obsolescence })`.
 */
export function seciGrowthRate(s: number, e: number, c: number, i: number, delta: number): number;
export function seciGrowthRate(rates01: SeciRates | number, ...rest01: number[]): number {
  const rates: SeciRates = typeof rates01 === "number"
    ? {
      socialisation: rates01,
      externalisation: rest01[0]!,
      combination: rest01[1]!,
      internalisation: rest01[2]!,
      obsolescence: rest01[3]!,
    }
    : rates01;
  const issues: ValidationIssue[] = [];
  const keys = [...SECI_MODES, "obsolescence"] as const;
  const names01 = ["s", "e", "c", "i", "delta"]; // the parameter names of the 0.1 form, in its errors
  for (const [k, name] of keys.entries()) {
    const v = (rates as unknown as Record<string, unknown> | null)?.[name];
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
      const column = typeof rates01 === "number" ? names01[k]! : name;
      issues.push({ column, expected: "a finite number ≥ 0", received: describeValue(v) });
    }
  }
  if (issues.length) throw new ValidationError("parameters of seciGrowthRate", issues);
  const { socialisation: s, externalisation: e, combination: c, internalisation: i, obsolescence: delta } =
    rates;
  return (s + c) / 2 - delta + Math.sqrt(((s - c) / 2) ** 2 + e * i);
}

/** Options of {@link powerMultipliers}. */
export interface PowerMultipliersOptions {
  /** Strength α ∈ [0, 1] of the modulation (default 0.5). */
  readonly strength?: number;
  /** Conversions raised by public power (default externalisation, combination). */
  readonly publicModes?: readonly SeciMode[];
  /** Conversions raised by private power (default socialisation, internalisation). */
  readonly privateModes?: readonly SeciMode[];
}

/**
 * Rate multipliers for a public share p (design choice, configurable): conversions raised by public power
 * are multiplied by 1 + α(2p − 1), those raised by private power by 1 + α(1 − 2p); α = `strength`. With
 * p = ½ both are 1; a public hierarchy (p = 5/6, α = ½) gives ×4/3 and ×2/3.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { powerMultipliers } from "clusterlab/advanced";
 * // all power public (p = 1), α = 0.5: public modes × 1.5, private modes × 0.5
 * assert.deepEqual(powerMultipliers(1), {
 *   socialisation: 0.5, externalisation: 1.5, combination: 1.5, internalisation: 0.5,
 * });
 * assert.equal(powerMultipliers(1, { strength: 1, publicModes: ["combination"] }).combination, 2);
 * ```
 */
export function powerMultipliers(
  publicShare: number,
  options?: PowerMultipliersOptions,
): Record<SeciMode, number>;
/**
 * @deprecated the 0.1 form `powerMultipliers(publicShare, strength, publicModes, privateModes)`; use
 * `powerMultipliers(publicShare, { strength, publicModes, privateModes })`.
 */
export function powerMultipliers(
  publicShare: number,
  strength?: number,
  publicModes?: readonly SeciMode[],
  privateModes?: readonly SeciMode[],
): Record<SeciMode, number>;
export function powerMultipliers(
  publicShare: number,
  options01?: PowerMultipliersOptions | number,
  publicModes01?: readonly SeciMode[],
  privateModes01?: readonly SeciMode[],
): Record<SeciMode, number> {
  const options: PowerMultipliersOptions = typeof options01 === "object"
    ? options01
    : { strength: options01, publicModes: publicModes01, privateModes: privateModes01 };
  const {
    strength = 0.5,
    publicModes = ["externalisation", "combination"],
    privateModes = ["socialisation", "internalisation"],
  } = options;
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

/** The validated settings of {@link simulateSpiral}: effective rates per level and run parameters. */
interface SpiralSetup {
  readonly steps: number;
  readonly substeps: number;
  readonly dt: number;
  /** Effective rates s', e', c', i' per level, after *ba* and power. */
  readonly sE: Float64Array;
  readonly eE: Float64Array;
  readonly cE: Float64Array;
  readonly iE: Float64Array;
  readonly delta: Float64Array;
  readonly up: Float64Array;
  readonly cap: Float64Array;
  readonly T0: Float64Array;
  readonly E0: Float64Array;
  readonly publicShare: number;
  readonly lang: Lang;
}

/** The public share of power: from `order` or `publicShare` (not both), 0.5 when neither is given. */
function publicShareOf(o: SimulateSpiralOptions, issues: ValidationIssue[]): number {
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
    } else return ORDER_PUBLIC_SHARE[o.order];
  } else if (o.publicShare !== undefined) {
    if (typeof o.publicShare !== "number" || !(o.publicShare >= 0 && o.publicShare <= 1)) {
      issues.push({
        column: "publicShare",
        expected: "a number in [0, 1]",
        received: describeValue(o.publicShare),
      });
    } else return o.publicShare;
  }
  return 0.5;
}

function checkPower(o: SimulateSpiralOptions, issues: ValidationIssue[]): number {
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
  return strength;
}

/** Values the result holds per step: L·2 stock rows × 9 columns, L·4 flow rows × 10, 1 cycle row × 10. */
const VALUES_PER_STEP = 240;

/** Validate the options (one {@link ValidationError} listing every problem) and compute the effective rates. */
function spiralSetup(o: SimulateSpiralOptions): SpiralSetup {
  const issues: ValidationIssue[] = [];
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
  const publicShare = publicShareOf(o, issues);
  const strength = checkPower(o, issues);
  const lang = o.lang ?? "en";
  if (lang !== "en" && lang !== "zh") {
    issues.push({ column: "lang", expected: '"en" or "zh"', received: describeValue(lang) });
  }
  if (issues.length) throw new ValidationError("parameters of simulateSpiral", issues);
  checkSize("parameters of simulateSpiral", "steps", {
    what: `${steps + 1} steps × ${VALUES_PER_STEP} values (stocks, flows and cycle of ${L} levels)`,
    values: (steps + 1) * VALUES_PER_STEP,
    hint: "use fewer steps (or a larger dt for the same span)",
  });
  const mult = powerMultipliers(publicShare, {
    strength,
    publicModes: o.publicModes,
    privateModes: o.privateModes,
  });
  const setup: SpiralSetup = {
    steps,
    substeps,
    dt,
    sE: s0.map((v, k) => v * bO[k]! * mult.socialisation),
    eE: e0.map((v, k) => v * bD[k]! * mult.externalisation),
    cE: c0.map((v, k) => v * bS[k]! * mult.combination),
    iE: i0.map((v, k) => v * bX[k]! * mult.internalisation),
    delta,
    up,
    cap,
    T0,
    E0,
    publicShare,
    lang,
  };
  checkStepSize(setup);
  return setup;
}

/** RK4 needs dt/substeps × (largest total rate) ≤ 0.5, or stocks could turn negative. */
function checkStepSize(p: SpiralSetup): void {
  const h = p.dt / p.substeps;
  let maxRate = 0;
  for (let k = 0; k < L; k++) {
    maxRate = Math.max(
      maxRate,
      p.sE[k]! + p.iE[k]! + p.delta[k]!,
      p.eE[k]! + p.cE[k]! + p.delta[k]! + (k > 0 ? p.up[k - 1]! : 0),
    );
  }
  if (h * maxRate > 0.5) {
    throw new ValidationError("parameters of simulateSpiral", [{
      column: "substeps",
      expected: `at least ${Math.ceil((p.dt * maxRate) / 0.5)} (step dt/substeps × largest total rate ≤ 0.5)`,
      received: describeValue(p.substeps),
      message: "RK4 would be inaccurate and could turn stocks negative",
    }]);
  }
}

// State: [T0..T3, E0..E3]; flows per level: S, E, C, I, up-in, obsT, obsE.
const NF = 7;

/** The flows of every level at `state` into `out` (L × NF). */
function spiralRates(p: SpiralSetup, state: Float64Array, out: Float64Array): void {
  for (let l = 0; l < L; l++) {
    const T = state[l]!, E = state[L + l]!;
    const g = p.cap[l] === Infinity ? 1 : Math.max(0, 1 - (T + E) / p.cap[l]!);
    const b = l * NF;
    out[b] = g * p.sE[l]! * T;
    out[b + 1] = g * p.eE[l]! * T;
    out[b + 2] = g * p.cE[l]! * E;
    out[b + 3] = g * p.iE[l]! * E;
    out[b + 4] = l > 0 ? p.up[l - 1]! * state[L + l - 1]! : 0;
    out[b + 5] = p.delta[l]! * T;
    out[b + 6] = p.delta[l]! * E;
  }
}

/** out = base + a · (net flows f). */
function advance(base: Float64Array, f: Float64Array, a: number, out: Float64Array): void {
  for (let l = 0; l < L; l++) {
    const b = l * NF;
    out[l] = base[l]! + a * (f[b]! + f[b + 3]! - f[b + 5]!);
    out[L + l] = base[L + l]! + a * (f[b + 1]! + f[b + 2]! + f[b + 4]! - f[b + 6]!);
  }
}

/** One RK4 substep of size h: advances `y` and writes the RK4-weighted flows over the substep into `sub`. */
class Rk4 {
  readonly #k1 = new Float64Array(L * NF);
  readonly #k2 = new Float64Array(L * NF);
  readonly #k3 = new Float64Array(L * NF);
  readonly #k4 = new Float64Array(L * NF);
  readonly #yt = new Float64Array(2 * L);
  constructor(readonly p: SpiralSetup) {}

  step(y: Float64Array, h: number, sub: Float64Array): void {
    const k1 = this.#k1, k2 = this.#k2, k3 = this.#k3, k4 = this.#k4, yt = this.#yt;
    spiralRates(this.p, y, k1);
    advance(y, k1, h / 2, yt);
    spiralRates(this.p, yt, k2);
    advance(y, k2, h / 2, yt);
    spiralRates(this.p, yt, k3);
    advance(y, k3, h, yt);
    spiralRates(this.p, yt, k4);
    for (let j = 0; j < L * NF; j++) sub[j] = (h / 6) * (k1[j]! + 2 * k2[j]! + 2 * k3[j]! + k4[j]!);
    advance(y, sub, 1, yt);
    y.set(yt);
  }
}

const total = (v: Float64Array) => {
  let s = 0;
  for (let k = 0; k < 2 * L; k++) s += v[k]!;
  return s;
};

/**
 * The phase of the S → E → C → I cycle (design choice): a stage is complete when its conversion, summed over
 * levels since the stage began, has produced as much knowledge as the stock `Kref` at the start of the turn.
 */
class SpiralCycle {
  stage = 0;
  turn = 0;
  /** Produced by the current stage's mode, as a share of `Kref`. */
  progress = 0;
  Kref: number;
  readonly growthPerTurn: number[] = [];
  readonly turnTimes: number[] = [];
  constructor(K0: number) {
    this.Kref = K0;
  }

  /** The phase 2π·turns + (π/2)·(stage + progress). */
  get phase(): number {
    return 2 * Math.PI * this.turn + (Math.PI / 2) * (this.stage + this.progress);
  }

  /** Account for the flows `sub` of a substep from t0 of length h that took the stock from Kstart to Kend. */
  substep(sub: Float64Array, Kstart: number, Kend: number, t0: number, h: number): void {
    if (!(this.Kref > 0)) return;
    let used = 0; // fraction of the substep already consumed
    for (let guard = 0; guard < 64; guard++) {
      let f = 0;
      for (let l = 0; l < L; l++) f += sub[l * NF + this.stage]!;
      const avail = f * (1 - used);
      const need = (1 - this.progress) * this.Kref;
      if (avail < need || avail === 0) {
        this.progress += avail / this.Kref;
        break;
      }
      const frac = need / f; // part of the substep this stage needed
      used += frac;
      this.progress = 0;
      this.stage++;
      if (this.stage === 4) {
        this.stage = 0;
        this.turn++;
        const Kt = Kstart + used * (Kend - Kstart);
        this.growthPerTurn.push(Kt / this.Kref);
        this.turnTimes.push(t0 + used * h);
        this.Kref = Kt;
      }
    }
  }
}

const FLOW_MODES = [...SECI_MODES, "upward", "obsolescence", "obsolescence"] as const;
const FLOW_FROM = ["tacit", "tacit", "explicit", "explicit", "explicit", "tacit", "explicit"];
const FLOW_TO = ["tacit", "explicit", "explicit", "tacit", "explicit", "tacit", "explicit"];
const FLOW_SIGN = [1, 1, 1, 1, 1, -1, -1];

function flowLabel(m: string, lang: Lang): string {
  if (m === "upward") return lang === "zh" ? "向上流动" : "Upward flow";
  if (m === "obsolescence") return lang === "zh" ? "知识老化" : "Obsolescence";
  return SECI_MODE_LABELS[m as SeciMode][lang];
}

function stockColumns(n: number) {
  return {
    step: new Int32Array(n),
    time: new Float64Array(n),
    level: new Array<string>(n),
    levelLabel: new Array<string>(n),
    form: new Array<string>(n),
    formLabel: new Array<string>(n),
    stock: new Float64Array(n),
    created: new Float64Array(n),
    upwardIn: new Float64Array(n),
    obsolescence: new Float64Array(n),
  };
}

function flowColumns(n: number) {
  return {
    step: new Int32Array(n),
    time: new Float64Array(n),
    level: new Array<string>(n),
    levelLabel: new Array<string>(n),
    mode: new Array<string>(n),
    modeLabel: new Array<string>(n),
    from: new Array<string>(n),
    to: new Array<string>(n),
    value: new Float64Array(n),
    sign: new Int8Array(n),
    stock: new Float64Array(n),
  };
}

function cycleColumns(n: number) {
  return {
    step: new Int32Array(n),
    time: new Float64Array(n),
    knowledge: new Float64Array(n),
    tacit: new Float64Array(n),
    explicit: new Float64Array(n),
    phase: new Float64Array(n),
    angle: new Float64Array(n),
    turn: new Int32Array(n),
    stage: new Array<string>(n),
    stageLabel: new Array<string>(n),
  };
}

/** The three output tables of {@link simulateSpiral}, allocated once and written step by step. */
class SpiralTables {
  readonly st: ReturnType<typeof stockColumns>;
  readonly fl: ReturnType<typeof flowColumns>;
  readonly cy: ReturnType<typeof cycleColumns>;
  constructor(readonly p: SpiralSetup) {
    this.st = stockColumns((p.steps + 1) * L * 2);
    this.fl = flowColumns(p.steps * L * NF);
    this.cy = cycleColumns(p.steps + 1);
  }

  /** Stocks and flows (`acc`: flows accumulated over the step) after `step`, and the cycle state. */
  write(step: number, y: Float64Array, acc: Float64Array, cycle: SpiralCycle): void {
    const { st, cy } = this, { dt, lang } = this.p;
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
    if (step > 0) this.#writeFlows(step, y, acc);
    cy.step[step] = step;
    cy.time[step] = step * dt;
    cy.knowledge[step] = tac + exp;
    cy.tacit[step] = tac;
    cy.explicit[step] = exp;
    const phase = cycle.phase;
    cy.phase[step] = phase;
    cy.angle[step] = phase - 2 * Math.PI * cycle.turn;
    cy.turn[step] = cycle.turn;
    cy.stage[step] = SECI_MODES[cycle.stage]!;
    cy.stageLabel[step] = SECI_MODE_LABELS[SECI_MODES[cycle.stage]!][lang];
  }

  #writeFlows(step: number, y: Float64Array, acc: Float64Array): void {
    const { fl } = this, { dt, lang } = this.p;
    for (let l = 0; l < L; l++) {
      for (let q = 0; q < NF; q++) {
        const row = ((step - 1) * L + l) * NF + q;
        fl.step[row] = step;
        fl.time[row] = step * dt;
        fl.level[row] = SECI_LEVELS[l]!;
        fl.levelLabel[row] = SECI_LEVEL_LABELS[SECI_LEVELS[l]!][lang];
        fl.mode[row] = FLOW_MODES[q]!;
        fl.modeLabel[row] = flowLabel(FLOW_MODES[q]!, lang);
        fl.from[row] = FLOW_FROM[q]!;
        fl.to[row] = FLOW_TO[q]!;
        fl.value[row] = acc[l * NF + q]!;
        fl.sign[row] = FLOW_SIGN[q]!;
        fl.stock[row] = y[(FLOW_TO[q] === "tacit" ? 0 : L) + l]!;
      }
    }
  }

  /** Knowledge T_ℓ + E_ℓ of each level at `step`, read back from the stocks table. */
  levelKnowledge(step: number): Float64Array {
    const out = new Float64Array(L);
    for (let l = 0; l < L; l++) {
      out[l] = this.st.stock[(step * L + l) * 2]! + this.st.stock[(step * L + l) * 2 + 1]!;
    }
    return out;
  }
}

function spiralWarnings(p: SpiralSetup): string[] {
  const warnings: string[] = [];
  const modes = [["socialisation", p.sE], ["externalisation", p.eE], ["combination", p.cE], [
    "internalisation",
    p.iE,
  ]] as const;
  for (const [mode, arr] of modes) {
    if (arr.every((v) => v === 0)) {
      warnings.push(`No ${mode} at any level: the spiral cannot complete a turn`);
    }
  }
  return warnings;
}

/**
 * Simulate the SECI spiral (Nonaka 1994; Nonaka & Konno 1998). Per level ℓ (individual, group,
 * organisation, cluster), with effective rates s' = s·b_O·m_S, e' = e·b_D·m_E, c' = c·b_S·m_C,
 * i' = i·b_X·m_I (b the intensities of the four *ba*, m the power multipliers):
 *
 *   dT_ℓ/dt = g_ℓ·(s'T_ℓ + i'E_ℓ) − δT_ℓ,
 *   dE_ℓ/dt = g_ℓ·(e'T_ℓ + c'E_ℓ) − δE_ℓ + u_{ℓ−1}E_{ℓ−1},
 *
 * where g_ℓ = max(0, 1 − (T_ℓ + E_ℓ)/cap_ℓ) is the optional logistic cap (1 without cap). Knowledge is
 * non-rival: conversions create stock without depleting the source, and the upward flow u·E_ℓ adds to
 * level ℓ+1 without removing it from ℓ (design choice consistent with non-rivalry). Integration: classical
 * Runge–Kutta (RK4) with `substeps` per step; the flows reported are the RK4-weighted flows, so the stock
 * changes equal inflows − outflows to rounding. The linear block of each level grows at the closed-form rate
 * {@link seciGrowthRate}.
 *
 * Power (design choice, configurable): public power — the platform order of `classifyPlatform` — raises
 * externalisation and combination (rules, shared codes, systemising), private power raises socialisation and
 * internalisation (market interaction), see {@link powerMultipliers}; `order` maps to a public share by
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
 * import assert from "node:assert/strict";
 * import { simulateSpiral } from "clusterlab";
 * const pub = simulateSpiral({ order: "public_hierarchy", steps: 40 });
 * const priv = simulateSpiral({ order: "private_order", steps: 40 });
 * assert.ok(pub.turns > 0 && priv.turns > 0); // both spirals turn
 * // public hierarchy (p = 5/6, α = ½): combination × 4/3, socialisation × 2/3
 * assert.ok(Math.abs(pub.effectiveRates.combination[0]! - 0.08 * 4 / 3) < 1e-15);
 * assert.ok(Math.abs(pub.effectiveRates.socialisation[0]! - 0.08 * 2 / 3) < 1e-15);
 * assert.equal(pub.cycle.numRows(), 41); // steps 0…40
 * ```
 */
export function simulateSpiral(options: SimulateSpiralOptions = {}): SpiralResult {
  const p = spiralSetup(options);
  const { steps, substeps, dt } = p;
  const warnings = spiralWarnings(p);
  const h = dt / substeps;
  const y = new Float64Array(2 * L);
  y.set(p.T0, 0);
  y.set(p.E0, L);
  const acc = new Float64Array(L * NF), sub = new Float64Array(L * NF);
  const rk4 = new Rk4(p);
  const cycle = new SpiralCycle(total(y));
  if (cycle.Kref === 0) warnings.push("All initial stocks are 0: nothing to convert, knowledge stays 0");
  const tables = new SpiralTables(p);
  tables.write(0, y, acc, cycle);
  let prevK = total(y), lastK = prevK;
  for (let step = 1; step <= steps; step++) {
    acc.fill(0);
    for (let q = 0; q < substeps; q++) {
      const t0 = (step - 1) * dt + q * h;
      const Kstart = total(y);
      rk4.step(y, h, sub);
      for (let j = 0; j < L * NF; j++) acc[j]! += sub[j]!;
      cycle.substep(sub, Kstart, total(y), t0, h);
    }
    prevK = lastK;
    lastK = total(y);
    tables.write(step, y, acc, cycle);
  }
  if (cycle.turn === 0 && cycle.Kref > 0) {
    warnings.push("No turn of the spiral completed: run more steps or raise the rates");
  }
  const prevLevel = tables.levelKnowledge(steps - 1);
  return finiteResult("simulateSpiral", {
    stocks: aq.table(tables.st),
    flows: aq.table(tables.fl),
    cycle: aq.table(tables.cy),
    turns: cycle.turn,
    growthPerTurn: cycle.growthPerTurn,
    turnTimes: cycle.turnTimes,
    levelGrowth: Array.from({ length: L }, (_, l) =>
      seciGrowthRate({
        socialisation: p.sE[l]!,
        externalisation: p.eE[l]!,
        combination: p.cE[l]!,
        internalisation: p.iE[l]!,
        obsolescence: p.delta[l]!,
      })),
    growthRate: prevK > 0 && lastK > 0 ? Math.log(lastK / prevK) / dt : 0,
    simulatedLevelGrowth: Array.from({ length: L }, (_, l) => {
      const now = y[l]! + y[L + l]!;
      return prevLevel[l]! > 0 && now > 0 ? Math.log(now / prevLevel[l]!) / dt : 0;
    }),
    effectiveRates: {
      socialisation: Array.from(p.sE),
      externalisation: Array.from(p.eE),
      combination: Array.from(p.cE),
      internalisation: Array.from(p.iE),
    },
    publicShare: p.publicShare,
    warnings,
  }, { hint: "the knowledge stocks compound without bound: run fewer steps, lower the rates or set a cap" });
}
