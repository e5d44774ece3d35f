/**
 * "Concentrate on the major, free the others" 抓大放小: a policy scenario model of public support for knowledge
 * fields. The source text: "policies should 'concentrate on the major ones and free the others' —
 * to seize national strategic targets and construction of rules, and free all other knowledge production
 * activities" (政策应“抓大放小”：抓住国家战略目标与规则建设，放开其他一切知识生产活动).
 *
 * **Model** (a per-field logistic symbiosis, the model of {@link simulateSymbiosis}; every choice below is a
 * design choice, parameterised). n knowledge fields are populations x_i (knowledge output, e.g. patents) that
 * grow logistically towards a capacity and interact through shared resources (researchers, funds, attention):
 *
 *   dx_i/dt = r_i x_i (1 − x_i/K_i + Σ_{j≠i} σ_ij x_j/N_j),   σ_ij = σ⁰_ij − c + s·1[i ∉ major, j ∈ major]
 *
 * - N_i is the field's baseline capacity (without support); interactions act on x_j/N_j, the field's level in
 *   units of its *baseline* capacity, so a field enlarged by support competes (and spills over) in proportion
 *   to its larger size. (In {@link simulateSymbiosis} σ acts on x_j/K_j; the two agree with
 *   σ'_ij = σ_ij K_j/N_j, which is what {@link policyScenario} passes to the Jacobian.)
 * - c ≥ 0 (`competition`) is a uniform competition for shared resources between every pair of fields;
 *   s (`spillover`) is the effect of each major field on each non-major field ("freeing the others" leaves
 *   them unsupported and unconstrained; they gain only through spillovers); σ⁰ (`sigma`) adds any other
 *   interaction matrix.
 * - Public support: a total budget B is split into b_i (Σ b_i = B) — `none`: b = 0; `even`: b_i = B/n;
 *   `concentrated`: b_i = B/k for the k major fields, 0 for the others. With `support: "capacity"` (default)
 *   the support raises capacity, K_i = N_i + b_i (B in units of knowledge); with `support: "rate"` it raises
 *   the growth rate, r_i + b_i (B in units of 1/time), and K_i = N_i.
 *
 * - With `model: "coevolution"` the fields are the knowledge population K of the knowledge–organisation–
 *   institution co-evolution model ({@link simulateCoevolution}), so the scenarios run through it:
 *   two more populations, organisation O and institutions I (rates, capacities and the 3 × 3 σ of
 *   `coevolution`), and
 *     field i:  + σ_KO x_O/N_O + σ_KI x_I/N_I
 *     O:        dx_O/dt = r_O x_O (1 − x_O/N_O + σ_OK k̄ + σ_OI x_I/N_I)
 *     I:        dx_I/dt = r_I x_I (1 − x_I/N_I + σ_IK k̄ + σ_IO x_O/N_O),   k̄ = Σ_j w_j x_j/N_j,
 *   w_j = capacity_j / Σ capacity (design choice: the knowledge level seen by organisations and institutions
 *   is the capacity-weighted mean relative level). With one field this is exactly {@link simulateCoevolution}.
 *   Support goes to the fields only; the Jacobian, stability and shocks cover all n + 2 populations.
 *
 * Closed forms used by the tests: with no interactions each field is logistic and x_i → K_i (capacity support:
 * N_i + b_i; rate support: N_i); with one major and one other field and spillover s only,
 * x_other* = K_other (1 + s K_major/N_major). With k = n the concentrated and even scenarios coincide; with
 * B = 0 all three do.
 *
 * **Outcomes** at the end time, per scenario: total knowledge Σx_i (and its major/other parts); diversity as
 * the Shannon entropy of the shares x_i/Σx (base 2 and 0·log 0 = 0, the convention of `entropy`) and the
 * effective number of fields 2^H (Hill 1973, order 1); stability as the Jacobian eigenvalues at the end state
 * (largest real part; recovery rate = −max Re λ; {@link classifyEigenvalues}) and, optionally, the share of a
 * seeded random shock still present after a horizon. The fields start by default at the pre-policy
 * equilibrium (the `none` system at rest), so the `none` scenario stays flat and the others show the
 * response to the policy. Default parameters are **illustrative**, not estimated.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { policyScenario } from "clusterlab";
 * // one major and one other field, spillover s only: x_other* = K_other (1 + s K_major/N_major)
 * const r = policyScenario(
 *   { fields: ["A", "B"], capacity: [100, 50], major: ["A"], budget: 20, spillover: 0.1 },
 *   { tEnd: 300 },
 * );
 * const end = r.fields.filter((d: { scenario: string }) => d.scenario === "concentrated").array("x") as number[];
 * assert.ok(Math.abs(end[0]! - 120) < 1e-4); // K_A = N_A + B
 * assert.ok(Math.abs(end[1]! - 50 * (1 + 0.1 * 120 / 100)) < 1e-4);
 * ```
 * @module
 */
import * as aq from "../deps/arquero.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import type { Bilingual, Lang } from "../core/i18n.ts";
import { ParamChecker } from "../core/checks.ts";
import { mergeGivenOnce } from "../core/deprecated.ts";
import { eigenvaluesGeneral } from "../core/linalg/general_eigen.ts";
import { Random } from "../core/random.ts";
import { classifyEigenvalues } from "../classify/fixed_point.ts";
import { solveODE } from "./ode.ts";
import { equilibrium } from "./symbiosis.ts";
import { COEVOLUTION_DEFAULTS, COEVOLUTION_POPULATIONS } from "./coevolution.ts";
import { finiteResult } from "../indicators/finite_result.ts";

/** The three policy scenarios, in display order. */
export const POLICY_SCENARIOS = {
  none: { en: "no support", zh: "不支持" },
  even: { en: "even support", zh: "平均支持" },
  concentrated: { en: "concentrate on the major", zh: "抓大放小" },
} as const satisfies Record<string, Bilingual>;

/** A scenario key of {@link POLICY_SCENARIOS}. */
export type PolicyScenarioKey = keyof typeof POLICY_SCENARIOS;

const SCENARIO_KEYS: readonly PolicyScenarioKey[] = ["none", "even", "concentrated"];

/** Seeded shock experiment of {@link policyScenario}. */
export interface PolicyShocks {
  /** Number of shocks (≥ 1). */
  readonly count: number;
  /** Log-scale size: each field is multiplied by exp(size·z), z ~ N(0, 1) (> 0). */
  readonly size: number;
  /** Time after the shock at which the remaining deviation is measured (> 0). */
  readonly horizon: number;
  /** Seed of the shocks (the same draws are used for every scenario). */
  readonly seed: number;
}

/** The model of {@link policyScenario}: the fields, the policy and the interactions (see the module doc). */
export interface PolicyParams {
  /** Field names (unique), e.g. WIPO technology fields. */
  readonly fields: readonly string[];
  /** Baseline capacities N_i (> 0), e.g. a country's patents per field; with `calibrate: true` the observed
   * pre-policy levels instead. */
  readonly capacity: readonly number[];
  /** The major (strategic) fields: their names, or k to take the first k of `fields` (pass fields ranked,
   * e.g. by `rankFieldsByComplexity`). */
  readonly major: number | readonly string[];
  /** Total public support B (≥ 0), the same for the even and concentrated scenarios. */
  readonly budget: number;
  /** Read `capacity` as observed pre-policy levels x̂ and set N_i = x̂_i/y*_i, where (I − Σ) y* = 1, so that
   * the no-support equilibrium reproduces the data exactly (default false; needs a feasible y*). */
  readonly calibrate?: boolean;
  /** What support raises: `"capacity"` (default; K_i = N_i + b_i) or `"rate"` (r_i + b_i). */
  readonly support?: "capacity" | "rate";
  /** Intrinsic growth rates r_i (> 0), one number for all (default 0.3, illustrative). */
  readonly rate?: number | readonly number[];
  /** Uniform competition c ≥ 0 between every pair of fields (default 0). */
  readonly competition?: number;
  /** Spillover s from each major field to each non-major field (default 0; negative = crowding out). */
  readonly spillover?: number;
  /** Further interactions σ⁰ (n × n, diagonal ignored; default zeros). */
  readonly sigma?: readonly (readonly number[])[];
  /** `"fields"` (default): the per-field symbiosis alone; `"coevolution"`: the fields are the knowledge
   * population of the knowledge–organisation–institution co-evolution model ({@link simulateCoevolution}),
   * coupled to an organisation and an institution population (see the module documentation). */
  readonly model?: "fields" | "coevolution";
  /** Organisation and institution of the `"coevolution"` model: growth rates [r_O, r_I] and capacities
   * [N_O, N_I] (> 0), and the 3 × 3 K–O–I interaction matrix (default {@link COEVOLUTION_DEFAULTS}:
   * r = [0.2, 0.1], N = [100, 100], σ = [[0, 0.3, 0.2], [0.3, 0, 0.1], [0.1, 0.1, 0]], illustrative). */
  readonly coevolution?: {
    /** Growth rates [r_O, r_I] (> 0; default [0.2, 0.1]). */
    readonly r?: readonly [number, number];
    /** Capacities [N_O, N_I] (> 0; default [100, 100]). */
    readonly N?: readonly [number, number];
    /** The 3 × 3 K–O–I interaction matrix (default that of {@link COEVOLUTION_DEFAULTS}). */
    readonly sigma?: readonly (readonly number[])[];
  };
}

/** Options of {@link policyScenario}: how the scenarios are run and reported. */
export interface PolicyScenarioOptions {
  /** Initial knowledge of the fields (≥ 0; default: the pre-policy equilibrium when feasible, else `capacity`;
   * organisation and institution of the co-evolution model always start at that equilibrium). */
  readonly x0?: readonly number[];
  /** End time (default 100). */
  readonly tEnd?: number;
  /** Output spacing (default 1). */
  readonly dt?: number;
  /** Integrator (default "dopri5"). */
  readonly method?: "dopri5" | "rk4";
  /** A field below `extinction`·N_i at the end counts as lost (default 0.01). */
  readonly extinction?: number;
  /** Optional seeded shock experiment at the end state. */
  readonly shocks?: PolicyShocks;
  /** Language of the scenario labels (default "en"). */
  readonly lang?: Lang;
}

/** Result of {@link policyScenario}. */
export interface PolicyScenarioResult {
  /** One row per scenario: `scenario` (key), `label`, `budget`, `supported` (fields with b_i > 0), `total`,
   * `total_major`, `total_others`, `entropy` (bits), `effective_fields`, `lost_fields`, `max_real`
   * (largest real part of the Jacobian eigenvalues), `stable`, `fixed_point` (label), `at_rest` (|dx/dt| ≤
   * 1e-6·r_i K_i for all i at the end) and, with `shocks`, `shock_remaining` (mean share of the shock left
   * after the horizon). */
  readonly summary: ColumnTable;
  /** One row per scenario × time: `scenario`, `label`, `t`, `total`, `entropy`, `effective_fields`. */
  readonly series: ColumnTable;
  /** One row per scenario × time × field: `scenario`, `t`, `field`, `major`, `x`. */
  readonly trajectories: ColumnTable;
  /** One row per scenario × field at the end: `scenario`, `field`, `major`, `capacity`, `support`, `x`,
   * `share`. */
  readonly fields: ColumnTable;
  /** With `model: "coevolution"`: one row per scenario × time × population (`scenario`, `t`, `population`
   * (organisation, institution in `lang`), `x`); the summary then also has `organisation` and `institution`. */
  readonly coevolution?: ColumnTable;
  /** The names of the major fields. */
  readonly major: string[];
  /** Support per field b_i, by scenario. */
  readonly allocation: Record<PolicyScenarioKey, Float64Array>;
  /** Problems met (fields lost, not at rest by the end time, infeasible start). */
  readonly warnings: readonly string[];
}

/** Shannon entropy (bits) of the shares of `x` (0·log 0 = 0), the convention of `entropy`. */
function entropyBits(x: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < x.length; i++) total += x[i]!;
  if (!(total > 0)) return 0;
  let h = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v > 0) {
      const s = v / total;
      h -= s * Math.log2(s);
    }
  }
  return h;
}

function sum(x: ArrayLike<number>, mask?: ArrayLike<boolean>, want = true): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) if (!mask || mask[i] === want) s += x[i]!;
  return s;
}

/** The validated model and run settings, defaults filled in. */
interface PolicySetup {
  readonly fields: readonly string[];
  readonly capacity: readonly number[];
  readonly n: number;
  /** State size: the n fields, then organisation and institution (co-evolution model). */
  readonly m: number;
  readonly isMajor: boolean[];
  readonly coev: boolean;
  readonly cv: {
    readonly r: readonly number[];
    readonly N: readonly number[];
    readonly sigma: readonly (readonly number[])[];
  };
  readonly r0: Float64Array;
  readonly support: "capacity" | "rate";
  readonly competition: number;
  readonly spillover: number;
  readonly tEnd: number;
  readonly dt: number;
  readonly extinction: number;
  readonly lang: Lang;
}

function checkFields(c: ParamChecker, fields: readonly string[]): number {
  const n = Array.isArray(fields) ? fields.length : 0;
  if (n === 0) c.add("fields", "a non-empty array of field names", fields);
  else {
    fields.forEach((f, i) => {
      if (typeof f !== "string" || f === "") c.add(`fields[${i}]`, "a non-empty name", f);
    });
    const seen = new Set<string>();
    for (const f of fields) {
      if (seen.has(f)) c.add("fields", "unique field names", `"${f}" twice`);
      seen.add(f);
    }
  }
  return n;
}

function checkMajor(c: ParamChecker, params: PolicyParams, n: number): boolean[] {
  const isMajor = new Array<boolean>(n).fill(false);
  const major = params.major;
  if (typeof major === "number") {
    if (c.number("major", major, { min: 1, max: Math.max(n, 1), integer: true })) {
      for (let i = 0; i < major; i++) isMajor[i] = true;
    }
  } else if (Array.isArray(major) && major.length > 0) {
    const index = new Map((params.fields ?? []).map((f, i) => [f, i]));
    for (const m of major) {
      const i = index.get(m);
      if (i === undefined) c.add("major", "names from `fields`", m, "unknown field");
      else if (isMajor[i]) c.add("major", "each major field once", `"${m}" twice`);
      else isMajor[i] = true;
    }
  } else c.add("major", "a number k (1 … n) or a non-empty list of field names", major);
  return isMajor;
}

function checkCoevolution(c: ParamChecker, params: PolicyParams): void {
  const model = params.model ?? "fields";
  if (model !== "fields" && model !== "coevolution") c.add("model", '"fields" or "coevolution"', model);
  const co = params.coevolution;
  if (co === undefined) return;
  if (co.r !== undefined) c.vector("coevolution.r", co.r, 2, { min: 0, open: true });
  if (co.N !== undefined) c.vector("coevolution.N", co.N, 2, { min: 0, open: true });
  if (co.sigma !== undefined) c.matrix("coevolution.sigma", co.sigma, 3);
}

function checkRun(c: ParamChecker, options: PolicyScenarioOptions, n: number) {
  if (options.x0 !== undefined && c.vector("x0", options.x0, n || undefined, { min: 0 })) {
    if (sum(options.x0) === 0) c.add("x0", "at least one value > 0", "all zeros");
  }
  const tEnd = options.tEnd ?? 100;
  const dt = options.dt ?? 1;
  c.number("tEnd", tEnd, { min: 0, open: true });
  c.number("dt", dt, { min: 0, open: true, max: Number.isFinite(tEnd) ? tEnd : undefined });
  const extinction = options.extinction ?? 0.01;
  c.number("extinction", extinction, { min: 0, max: 1 });
  if (options.method !== undefined && options.method !== "dopri5" && options.method !== "rk4") {
    c.add("method", '"dopri5" or "rk4"', options.method);
  }
  const lang = options.lang ?? "en";
  if (lang !== "en" && lang !== "zh") c.add("lang", '"en" or "zh"', lang);
  const shocks = options.shocks;
  if (shocks !== undefined) {
    c.number("shocks.count", shocks.count, { min: 1, integer: true });
    c.number("shocks.size", shocks.size, { min: 0, open: true });
    c.number("shocks.horizon", shocks.horizon, { min: 0, open: true });
    c.number("shocks.seed", shocks.seed, { min: 0, max: 0xffffffff, integer: true });
  }
  return { tEnd, dt, extinction, lang };
}

/** Validate everything (one {@link ValidationError} listing every problem) and fill in the defaults. */
/** Today's (params, options) of a {@link policyScenario} call: run settings given among the parameters (0.1). */
function policyArguments(
  params: PolicyParams & PolicyScenarioOptions,
  options: PolicyScenarioOptions,
): [PolicyParams, PolicyScenarioOptions] {
  if (params === null || typeof params !== "object") return [params, options];
  const { x0, tEnd, dt, method, extinction, shocks, lang, ...rest } = params;
  const v01 = { x0, tEnd, dt, method, extinction, shocks, lang };
  if (Object.values(v01).every((v) => v === undefined)) return [params, options];
  return [rest, mergeGivenOnce("parameters of policyScenario", v01, options)];
}

function checkPolicy(params: PolicyParams, options: PolicyScenarioOptions): PolicySetup {
  const c = new ParamChecker("parameters of policyScenario");
  if (params === null || typeof params !== "object") {
    c.add("params", "an object { fields, capacity, major, budget, … }", params);
    c.done();
  }
  const fields = params.fields;
  const n = checkFields(c, fields);
  c.vector("capacity", params.capacity, n || undefined, { min: 0, open: true });
  c.number("budget", params.budget, { min: 0 });
  const support = params.support ?? "capacity";
  if (support !== "capacity" && support !== "rate") c.add("support", '"capacity" or "rate"', support);
  const rateIn = params.rate ?? 0.3;
  if (typeof rateIn === "number") c.number("rate", rateIn, { min: 0, open: true });
  else c.vector("rate", rateIn, n || undefined, { min: 0, open: true });
  const competition = params.competition ?? 0;
  c.number("competition", competition, { min: 0 });
  const spillover = params.spillover ?? 0;
  c.number("spillover", spillover);
  if (params.sigma !== undefined && n > 0) c.matrix("sigma", params.sigma, n);
  const run = checkRun(c, options, n);
  const isMajor = checkMajor(c, params, n);
  if (params.calibrate !== undefined && typeof params.calibrate !== "boolean") {
    c.add("calibrate", "true or false", params.calibrate);
  }
  checkCoevolution(c, params);
  c.done();
  const coev = (params.model ?? "fields") === "coevolution";
  return {
    fields,
    capacity: params.capacity,
    n,
    m: n + (coev ? 2 : 0),
    isMajor,
    coev,
    cv: {
      r: params.coevolution?.r ?? [COEVOLUTION_DEFAULTS.r[1]!, COEVOLUTION_DEFAULTS.r[2]!],
      N: params.coevolution?.N ?? [COEVOLUTION_DEFAULTS.N[1]!, COEVOLUTION_DEFAULTS.N[2]!],
      sigma: params.coevolution?.sigma ?? COEVOLUTION_DEFAULTS.sigma,
    },
    r0: typeof rateIn === "number" ? new Float64Array(n).fill(rateIn) : Float64Array.from(rateIn),
    support,
    competition,
    spillover,
    ...run,
  };
}

/**
 * Σ acting on relative levels y_j = x_j/N_j (diagonal 0): σ_ij = σ⁰_ij − c + s·1[i ∉ major, j ∈ major] among
 * the fields; with the co-evolution model the fields also feel σ_KO y_O + σ_KI y_I, and organisation and
 * institutions feel knowledge through k̄ = Σ_j w_j y_j, w_j = capacity_j / Σ capacity.
 */
function interactionMatrix(setup: PolicySetup, sigma0: PolicyParams["sigma"]): Float64Array {
  const { n, m, isMajor, competition, spillover } = setup;
  const Sy = new Float64Array(m * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      Sy[i * m + j] = (sigma0 ? sigma0[i]![j]! : 0) - competition +
        (!isMajor[i] && isMajor[j] ? spillover : 0);
    }
  }
  if (setup.coev) {
    const s = setup.cv.sigma, O = n, I = n + 1;
    const capTotal = sum(setup.capacity);
    for (let i = 0; i < n; i++) {
      Sy[i * m + O] = s[0]![1]!;
      Sy[i * m + I] = s[0]![2]!;
      const w = setup.capacity[i]! / capTotal;
      Sy[O * m + i] = s[1]![0]! * w;
      Sy[I * m + i] = s[2]![0]! * w;
    }
    Sy[O * m + I] = s[1]![2]!;
    Sy[I * m + O] = s[2]![1]!;
  }
  return Sy;
}

const rowsOf = (S: Float64Array, m: number) =>
  Array.from({ length: m }, (_, i) => Array.from(S.subarray(i * m, (i + 1) * m)));

/**
 * Baseline capacities (fields, then organisation and institution), optionally calibrated so that the
 * pre-policy equilibrium is the observed level; and the start: the pre-policy equilibrium (the none scenario
 * at rest) unless `x0` is given.
 */
function baselineAndStart(
  setup: PolicySetup,
  Sy: Float64Array,
  calibrate: boolean | undefined,
  x0In: readonly number[] | undefined,
  warnings: string[],
): { N: Float64Array; x0: Float64Array } {
  const { n, m, fields } = setup;
  const N = new Float64Array(m);
  N.set(setup.capacity);
  if (setup.coev) N.set(setup.cv.N, n);
  if (calibrate) {
    const e = equilibrium({ N: Array.from(N), sigma: rowsOf(Sy, m) });
    if (!e.feasible) {
      const z = new ParamChecker("parameters of policyScenario");
      z.add("calibrate", "interactions with a feasible equilibrium (y* > 0)", e.warnings.join("; "));
      z.done();
    }
    for (let i = 0; i < n; i++) N[i] = N[i]! / e.y[i]!;
  }
  const pre = equilibrium({ N: Array.from(N), sigma: rowsOf(Sy, m) });
  const x0 = pre.feasible ? Float64Array.from(pre.x) : Float64Array.from(N);
  if (x0In !== undefined) x0.set(x0In);
  else if (!pre.feasible) {
    warnings.push(
      `no feasible pre-policy equilibrium (${pre.warnings.join("; ")}): fields start at their capacities`,
    );
  }
  if (x0In !== undefined && setup.coev && !pre.feasible) {
    warnings.push(
      "no feasible pre-policy equilibrium: organisation and institution start at their capacities",
    );
  }
  const zeroStart = fields.filter((_, i) => x0[i] === 0);
  if (zeroStart.length) {
    warnings.push(`field(s) starting at 0 stay at 0 (logistic growth): ${zeroStart.join(", ")}`);
  }
  return { N, x0 };
}

/** The output columns of {@link policyScenario}, filled scenario by scenario. */
class PolicyTables {
  readonly summary: Record<string, unknown>[] = [];
  readonly ser = {
    scenario: [] as string[],
    label: [] as string[],
    t: [] as number[],
    total: [] as number[],
  };
  readonly serH: number[] = [];
  readonly serE: number[] = [];
  readonly tr = {
    scenario: [] as string[],
    t: [] as number[],
    field: [] as string[],
    major: [] as boolean[],
  };
  readonly trX: number[] = [];
  readonly co = {
    scenario: [] as string[],
    t: [] as number[],
    population: [] as string[],
    x: [] as number[],
  };
  readonly fl: Record<string, unknown[]> = {
    scenario: [],
    field: [],
    major: [],
    capacity: [],
    support: [],
    x: [],
    share: [],
  };
}

/** One scenario's model: capacities K, rates r, the right-hand side and the per-population growth g_i(x). */
interface ScenarioModel {
  readonly K: Float64Array;
  readonly r: Float64Array;
  readonly growth: (x: Float64Array, i: number) => number;
  readonly rhs: (t: number, x: Float64Array, dx: Float64Array) => void;
}

function scenarioModel(setup: PolicySetup, b: Float64Array, N: Float64Array, A: Float64Array): ScenarioModel {
  const { n, m } = setup;
  const rFull = new Float64Array(m);
  if (setup.coev) rFull.set(setup.cv.r, n);
  const K = Float64Array.from(N, (v, i) => (setup.support === "capacity" && i < n ? v + b[i]! : v));
  rFull.set(setup.support === "rate" ? Float64Array.from(setup.r0, (v, i) => v + b[i]!) : setup.r0);
  const r = Float64Array.from(rFull);
  const growth = (x: Float64Array, i: number) => {
    let g = 1 - x[i]! / K[i]!;
    const row = i * m;
    for (let j = 0; j < m; j++) g += A[row + j]! * x[j]!;
    return g;
  };
  const rhs = (_t: number, x: Float64Array, dx: Float64Array) => {
    for (let i = 0; i < m; i++) dx[i] = r[i]! * x[i]! * growth(x, i);
  };
  return { K, r, growth, rhs };
}

/** Append one scenario's trajectory to the series, trajectory and co-evolution tables. */
function recordTrajectory(
  setup: PolicySetup,
  key: PolicyScenarioKey,
  label: string,
  t: Float64Array,
  y: Float64Array,
  out: PolicyTables,
): void {
  const { n, m, fields, isMajor } = setup;
  for (let s = 0; s < t.length; s++) {
    const x = y.subarray(s * m, s * m + n);
    const h = entropyBits(x);
    out.ser.scenario.push(key);
    out.ser.label.push(label);
    out.ser.t.push(t[s]!);
    out.ser.total.push(sum(x));
    out.serH.push(h);
    out.serE.push(2 ** h);
    for (let i = 0; i < n; i++) {
      out.tr.scenario.push(key);
      out.tr.t.push(t[s]!);
      out.tr.field.push(fields[i]!);
      out.tr.major.push(isMajor[i]!);
      out.trX.push(x[i]!);
    }
    if (setup.coev) {
      for (let p = 1; p <= 2; p++) {
        out.co.scenario.push(key);
        out.co.t.push(t[s]!);
        out.co.population.push(COEVOLUTION_POPULATIONS[p]![setup.lang]);
        out.co.x.push(y[s * m + n + p - 1]!);
      }
    }
  }
}

/**
 * The end-state outcomes of one scenario: the fields table, lost fields, whether it is at rest, and the
 * Jacobian J_ii = r_i (g_i − x_i/K_i), J_ij = r_i x_i σ_ij/N_j classified by `classifyEigenvalues`.
 */
function scenarioOutcome(
  setup: PolicySetup,
  key: PolicyScenarioKey,
  b: Float64Array,
  N: Float64Array,
  A: Float64Array,
  model: ScenarioModel,
  state: Float64Array,
  out: PolicyTables,
  warnings: string[],
): Record<string, unknown> {
  const { n, m, fields, isMajor, extinction, tEnd } = setup;
  const { K, r, growth } = model;
  const xe = state.subarray(0, n);
  const total = sum(xe);
  for (let i = 0; i < n; i++) {
    out.fl.scenario!.push(key);
    out.fl.field!.push(fields[i]!);
    out.fl.major!.push(isMajor[i]!);
    out.fl.capacity!.push(N[i]!);
    out.fl.support!.push(b[i]!);
    out.fl.x!.push(xe[i]!);
    out.fl.share!.push(total > 0 ? xe[i]! / total : 0);
  }
  const lost = fields.filter((_, i) => xe[i]! < extinction * N[i]!);
  if (lost.length) {
    warnings.push(
      `${key}: ${lost.length} field(s) below ${extinction} of capacity at t = ${tEnd}: ${
        lost.slice(0, 8).join(", ")
      }${lost.length > 8 ? ", …" : ""}`,
    );
  }
  let atRest = true;
  for (let i = 0; i < m; i++) {
    if (Math.abs(r[i]! * state[i]! * growth(state, i)) > 1e-6 * r[i]! * K[i]!) atRest = false;
  }
  if (!atRest) warnings.push(`${key}: not at rest at t = ${tEnd} (increase tEnd)`);
  const J: number[][] = [];
  for (let i = 0; i < m; i++) {
    const g = growth(state, i);
    const row: number[] = new Array(m);
    for (let j = 0; j < m; j++) {
      row[j] = i === j ? r[i]! * (g - state[i]! / K[i]!) : r[i]! * state[i]! * A[i * m + j]!;
    }
    J.push(row);
  }
  const st = classifyEigenvalues(eigenvaluesGeneral(J));
  return {
    scenario: key,
    label: POLICY_SCENARIOS[key][setup.lang],
    budget: sum(b),
    supported: b.filter((v) => v > 0).length,
    total,
    total_major: sum(xe, isMajor, true),
    total_others: sum(xe, isMajor, false),
    entropy: entropyBits(xe),
    effective_fields: 2 ** entropyBits(xe),
    lost_fields: lost.length,
    max_real: st.maxReal,
    stable: st.stable,
    fixed_point: st.type[setup.lang],
    at_rest: atRest,
  };
}

/**
 * Run the three policy scenarios — no support, support spread evenly over all fields, and support
 * concentrated on the major fields (抓大放小) — through the per-field symbiosis model described in the module
 * documentation, and compare total knowledge, diversity and stability.
 *
 * Parameters are validated; a {@link ValidationError} names the parameter (`capacity[3]`, `major`, …).
 * Degenerate outcomes (a field driven extinct, no feasible pre-policy equilibrium, not at rest by `tEnd`)
 * are reported in `warnings`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { policyScenario } from "clusterlab";
 * // no interactions: each field settles at its boosted capacity N_i + b_i
 * const r = policyScenario({ fields: ["A", "B"], capacity: [100, 50], major: 1, budget: 30 }, { tEnd: 200 });
 * const total = r.summary.array("total") as number[]; // none, even, concentrated
 * [150, 180, 180].forEach((v, k) => assert.ok(Math.abs(total[k]! - v) < 1e-4));
 * assert.deepEqual(Array.from(r.allocation.even), [15, 15]);
 * ```
 */
export function policyScenario(params: PolicyParams, options?: PolicyScenarioOptions): PolicyScenarioResult;
/**
 * @deprecated the 0.1 form `policyScenario({ fields, capacity, major, budget, …, x0, tEnd, dt, lang })`; use
 * `policyScenario({ fields, capacity, major, budget, … }, { x0, tEnd, dt, lang })`.
 */
export function policyScenario(scenario: PolicyParams & PolicyScenarioOptions): PolicyScenarioResult;
export function policyScenario(
  params01: PolicyParams & PolicyScenarioOptions,
  options01: PolicyScenarioOptions = {},
): PolicyScenarioResult {
  const [params, options] = policyArguments(params01, options01);
  const setup = checkPolicy(params, options);
  const { n, m, isMajor, fields } = setup;
  const Sy = interactionMatrix(setup, params.sigma);
  const warnings: string[] = [];
  const { N, x0 } = baselineAndStart(setup, Sy, params.calibrate, options.x0, warnings);
  const k = isMajor.filter(Boolean).length;
  const B = params.budget;
  const allocation = {
    none: new Float64Array(n),
    even: new Float64Array(n).fill(B / n),
    concentrated: Float64Array.from(isMajor, (v) => (v ? B / k : 0)),
  };
  const A = new Float64Array(m * m); // coefficients on x_j: σ_ij / N_j
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) A[i * m + j] = Sy[i * m + j]! / N[j]!;
  const out = new PolicyTables();
  for (const key of SCENARIO_KEYS) {
    const b = allocation[key];
    const model = scenarioModel(setup, b, N, A);
    const sol = solveODE(model.rhs, Array.from(x0), setup.tEnd, { dt: setup.dt, method: options.method });
    for (const w of sol.warnings) warnings.push(`${key}: ${w}`);
    recordTrajectory(setup, key, POLICY_SCENARIOS[key][setup.lang], sol.t, sol.y, out);
    const T = sol.t.length;
    const state = sol.state(T - 1);
    if (sol.t[T - 1]! < setup.tEnd) warnings.push(`${key}: integration stopped at t = ${sol.t[T - 1]}`);
    const row = scenarioOutcome(setup, key, b, N, A, model, state, out, warnings);
    if (setup.coev) {
      row.organisation = state[n];
      row.institution = state[n + 1];
    }
    if (options.shocks) {
      row.shock_remaining = shockRemaining(model.rhs, state, options.shocks, options.method);
    }
    out.summary.push(row);
  }
  return finiteResult("policyScenario", {
    summary: aq.from(out.summary),
    series: aq.table({ ...out.ser, entropy: out.serH, effective_fields: out.serE }),
    trajectories: aq.table({ ...out.tr, x: out.trX }),
    fields: aq.table(out.fl),
    ...(setup.coev ? { coevolution: aq.table(out.co) } : {}),
    major: fields.filter((_, i) => isMajor[i]),
    allocation,
    warnings,
  });
}

/**
 * Mean share of a seeded multiplicative shock left after `horizon`: for each draw, x_i ← x_i·exp(size·z_i),
 * integrate, and take ‖x(h) − x*‖/‖x(0) − x*‖ (Euclidean). Values near 0: the state recovers; near or above 1:
 * it does not. Design choice (a finite-time, finite-size complement to the linear eigenvalue test).
 */
function shockRemaining(
  rhs: (t: number, x: Float64Array, dx: Float64Array) => void,
  xe: Float64Array,
  shocks: PolicyShocks,
  method?: "dopri5" | "rk4",
): number {
  const rng = new Random(shocks.seed);
  const n = xe.length;
  let acc = 0, used = 0;
  for (let s = 0; s < shocks.count; s++) {
    const x = Float64Array.from(xe, (v) => v * Math.exp(shocks.size * rng.normal()));
    let d0 = 0;
    for (let i = 0; i < n; i++) d0 += (x[i]! - xe[i]!) ** 2;
    if (d0 === 0) continue;
    const sol = solveODE(rhs, Array.from(x), shocks.horizon, { dt: shocks.horizon, method });
    const y = sol.state(sol.t.length - 1);
    let d1 = 0;
    for (let i = 0; i < n; i++) d1 += (y[i]! - xe[i]!) ** 2;
    acc += Math.sqrt(d1 / d0);
    used++;
  }
  return used > 0 ? acc / used : 0;
}
