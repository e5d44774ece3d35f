/**
 * "Concentrate on the major, free the others" 抓大放小: a policy scenario model of public support for knowledge
 * fields (DESIGN §4). The source text: "policies should 'concentrate on the major ones and free the others' —
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
 *   institution co-evolution model ({@link simulateCoevolution}; DESIGN §4), so the scenarios run through it:
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
 * import { policyScenario } from "clusterlab";
 * const r = policyScenario({
 *   fields: ["A", "B", "C", "D"], capacity: [100, 100, 50, 50], major: ["A"], budget: 40,
 *   competition: 0.05, spillover: 0.1,
 * });
 * r.summary.objects(); // one row per scenario: total, entropy, effective_fields, max_real, …
 * ```
 * @module
 */
import * as aq from "arquero";
import type { ColumnTable } from "arquero";
import type { Bilingual, Lang } from "../i18n.ts";
import { ParamChecker } from "./param_check.ts";
import { solveODE } from "./ode.ts";
import { eigenvaluesGeneral } from "./eigen.ts";
import { classifyEigenvalues, equilibrium } from "./symbiosis.ts";
import { Random } from "./random.ts";
import { COEVOLUTION_DEFAULTS, COEVOLUTION_POPULATIONS } from "./coevolution.ts";
import { type TableInput, toTable } from "../data/adapters.ts";
import { matrixFrom } from "../indicators/matrix.ts";
import { locationQuotient } from "../indicators/location_quotient.ts";
import { presence } from "../indicators/presence.ts";
import { complexity, type ComplexityResult } from "../indicators/complexity.ts";

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

/** Options of {@link policyScenario}. */
export interface PolicyScenarioOptions {
  /** Field names (unique), e.g. WIPO technology fields. */
  readonly fields: readonly string[];
  /** Baseline capacities N_i (> 0), e.g. a country's patents per field; with `calibrate: true` the observed
   * pre-policy levels instead. */
  readonly capacity: readonly number[];
  /** Read `capacity` as observed pre-policy levels x̂ and set N_i = x̂_i/y*_i, where (I − Σ) y* = 1, so that
   * the no-support equilibrium reproduces the data exactly (default false; needs a feasible y*). */
  readonly calibrate?: boolean;
  /** The major (strategic) fields: their names, or k to take the first k of `fields` (pass fields ranked,
   * e.g. by {@link rankFieldsByComplexity}). */
  readonly major: number | readonly string[];
  /** Total public support B (≥ 0), the same for the even and concentrated scenarios. */
  readonly budget: number;
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
  /** `"fields"` (default): the per-field symbiosis alone; `"coevolution"`: the fields are the knowledge
   * population of the knowledge–organisation–institution co-evolution model ({@link simulateCoevolution}),
   * coupled to an organisation and an institution population (see the module documentation). */
  readonly model?: "fields" | "coevolution";
  /** Organisation and institution of the `"coevolution"` model: growth rates [r_O, r_I] and capacities
   * [N_O, N_I] (> 0), and the 3 × 3 K–O–I interaction matrix (default {@link COEVOLUTION_DEFAULTS}:
   * r = [0.2, 0.1], N = [100, 100], σ = [[0, 0.3, 0.2], [0.3, 0, 0.1], [0.1, 0.1, 0]], illustrative). */
  readonly coevolution?: {
    readonly r?: readonly [number, number];
    readonly N?: readonly [number, number];
    readonly sigma?: readonly (readonly number[])[];
  };
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
  readonly warnings: string[];
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
 * import { policyScenario } from "clusterlab";
 * // no interactions: each field settles at its boosted capacity N_i + b_i
 * const r = policyScenario({ fields: ["A", "B"], capacity: [100, 50], major: 1, budget: 30, tEnd: 200 });
 * r.summary.array("total"); // ≈ [150, 180, 180]
 * ```
 */
export function policyScenario(options: PolicyScenarioOptions): PolicyScenarioResult {
  const c = new ParamChecker("parameters of policyScenario");
  const fields = options.fields;
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
  c.vector("capacity", options.capacity, n || undefined, { min: 0, open: true });
  c.number("budget", options.budget, { min: 0 });
  const support = options.support ?? "capacity";
  if (support !== "capacity" && support !== "rate") c.add("support", '"capacity" or "rate"', support);
  const rateIn = options.rate ?? 0.3;
  if (typeof rateIn === "number") c.number("rate", rateIn, { min: 0, open: true });
  else c.vector("rate", rateIn, n || undefined, { min: 0, open: true });
  const competition = options.competition ?? 0;
  c.number("competition", competition, { min: 0 });
  const spillover = options.spillover ?? 0;
  c.number("spillover", spillover);
  if (options.sigma !== undefined && n > 0) c.matrix("sigma", options.sigma, n);
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
  // major fields
  const isMajor = new Array<boolean>(n).fill(false);
  const major = options.major;
  if (typeof major === "number") {
    if (c.number("major", major, { min: 1, max: Math.max(n, 1), integer: true })) {
      for (let i = 0; i < major; i++) isMajor[i] = true;
    }
  } else if (Array.isArray(major) && major.length > 0) {
    const index = new Map((fields ?? []).map((f, i) => [f, i]));
    for (const m of major) {
      const i = index.get(m);
      if (i === undefined) c.add("major", "names from `fields`", m, "unknown field");
      else if (isMajor[i]) c.add("major", "each major field once", `"${m}" twice`);
      else isMajor[i] = true;
    }
  } else c.add("major", "a number k (1 … n) or a non-empty list of field names", major);
  if (options.calibrate !== undefined && typeof options.calibrate !== "boolean") {
    c.add("calibrate", "true or false", options.calibrate);
  }
  const model = options.model ?? "fields";
  if (model !== "fields" && model !== "coevolution") c.add("model", '"fields" or "coevolution"', model);
  if (options.coevolution !== undefined) {
    if (options.coevolution.r !== undefined) {
      c.vector("coevolution.r", options.coevolution.r, 2, { min: 0, open: true });
    }
    if (options.coevolution.N !== undefined) {
      c.vector("coevolution.N", options.coevolution.N, 2, { min: 0, open: true });
    }
    if (options.coevolution.sigma !== undefined) c.matrix("coevolution.sigma", options.coevolution.sigma, 3);
  }
  const shocks = options.shocks;
  if (shocks !== undefined) {
    c.number("shocks.count", shocks.count, { min: 1, integer: true });
    c.number("shocks.size", shocks.size, { min: 0, open: true });
    c.number("shocks.horizon", shocks.horizon, { min: 0, open: true });
    c.number("shocks.seed", shocks.seed, { min: 0, max: 0xffffffff, integer: true });
  }
  c.done();

  const r0 = typeof rateIn === "number" ? new Float64Array(n).fill(rateIn) : Float64Array.from(rateIn);
  const coev = model === "coevolution";
  const m = n + (coev ? 2 : 0); // state: the n fields, then organisation and institution (coevolution)
  const cv = {
    r: options.coevolution?.r ?? [COEVOLUTION_DEFAULTS.r[1]!, COEVOLUTION_DEFAULTS.r[2]!],
    N: options.coevolution?.N ?? [COEVOLUTION_DEFAULTS.N[1]!, COEVOLUTION_DEFAULTS.N[2]!],
    sigma: options.coevolution?.sigma ?? COEVOLUTION_DEFAULTS.sigma,
  };
  // Σ acting on relative levels y_j = x_j/N_j (diagonal 0): σ_ij = σ⁰_ij − c + s·1[i ∉ major, j ∈ major] among
  // the fields; with the co-evolution model the fields also feel σ_KO y_O + σ_KI y_I, and organisation and
  // institutions feel knowledge through k̄ = Σ_j w_j y_j, w_j = capacity_j / Σ capacity.
  const Sy = new Float64Array(m * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      Sy[i * m + j] = (options.sigma ? options.sigma[i]![j]! : 0) - competition +
        (!isMajor[i] && isMajor[j] ? spillover : 0);
    }
  }
  if (coev) {
    const s = cv.sigma, O = n, I = n + 1;
    const capTotal = sum(options.capacity);
    for (let i = 0; i < n; i++) {
      Sy[i * m + O] = s[0]![1]!;
      Sy[i * m + I] = s[0]![2]!;
      const w = options.capacity[i]! / capTotal;
      Sy[O * m + i] = s[1]![0]! * w;
      Sy[I * m + i] = s[2]![0]! * w;
    }
    Sy[O * m + I] = s[1]![2]!;
    Sy[I * m + O] = s[2]![1]!;
  }
  const syRows = () => Array.from({ length: m }, (_, i) => Array.from(Sy.subarray(i * m, (i + 1) * m)));
  // baseline capacities (fields, then organisation and institution), optionally calibrated so that the
  // pre-policy equilibrium is the observed level
  const N = new Float64Array(m);
  N.set(options.capacity);
  if (coev) N.set(cv.N, n);
  if (options.calibrate) {
    const e = equilibrium({ N: Array.from(N), sigma: syRows() });
    if (!e.feasible) {
      const z = new ParamChecker("parameters of policyScenario");
      z.add("calibrate", "interactions with a feasible equilibrium (y* > 0)", e.warnings.join("; "));
      z.done();
    }
    for (let i = 0; i < n; i++) N[i] = N[i]! / e.y[i]!;
  }
  const k = isMajor.filter(Boolean).length;
  const majorNames = fields.filter((_, i) => isMajor[i]);
  const warnings: string[] = [];

  // start: the pre-policy equilibrium (none scenario at rest) unless given
  const pre = equilibrium({ N: Array.from(N), sigma: syRows() });
  const x0 = pre.feasible ? Float64Array.from(pre.x) : Float64Array.from(N);
  if (options.x0 !== undefined) x0.set(options.x0);
  else if (!pre.feasible) {
    warnings.push(
      `no feasible pre-policy equilibrium (${pre.warnings.join("; ")}): fields start at their capacities`,
    );
  }
  if (options.x0 !== undefined && coev && !pre.feasible) {
    warnings.push(
      "no feasible pre-policy equilibrium: organisation and institution start at their capacities",
    );
  }
  const zeroStart = fields.filter((_, i) => x0[i] === 0);
  if (zeroStart.length) {
    warnings.push(`field(s) starting at 0 stay at 0 (logistic growth): ${zeroStart.join(", ")}`);
  }

  const B = options.budget;
  const allocation = {} as Record<PolicyScenarioKey, Float64Array>;
  allocation.none = new Float64Array(n);
  allocation.even = new Float64Array(n).fill(B / n);
  allocation.concentrated = Float64Array.from(isMajor, (v) => (v ? B / k : 0));

  const summaryRows: Record<string, unknown>[] = [];
  const ser = { scenario: [] as string[], label: [] as string[], t: [] as number[], total: [] as number[] };
  const serH: number[] = [], serE: number[] = [];
  const tr = { scenario: [] as string[], t: [] as number[], field: [] as string[], major: [] as boolean[] };
  const trX: number[] = [];
  const co = { scenario: [] as string[], t: [] as number[], population: [] as string[], x: [] as number[] };
  const fl: Record<string, unknown[]> = {
    scenario: [],
    field: [],
    major: [],
    capacity: [],
    support: [],
    x: [],
    share: [],
  };

  const A = new Float64Array(m * m); // coefficients on x_j: σ_ij / N_j
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) A[i * m + j] = Sy[i * m + j]! / N[j]!;
  const rFull = new Float64Array(m);
  if (coev) rFull.set(cv.r, n);
  for (const key of SCENARIO_KEYS) {
    const b = allocation[key];
    const K = Float64Array.from(N, (v, i) => (support === "capacity" && i < n ? v + b[i]! : v));
    rFull.set(support === "rate" ? Float64Array.from(r0, (v, i) => v + b[i]!) : r0);
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
    const sol = solveODE(rhs, Array.from(x0), { tEnd, dt, method: options.method });
    const label = POLICY_SCENARIOS[key][lang];
    for (const w of sol.warnings) warnings.push(`${key}: ${w}`);
    const T = sol.t.length;
    for (let s = 0; s < T; s++) {
      const x = sol.y.subarray(s * m, s * m + n);
      const h = entropyBits(x);
      ser.scenario.push(key);
      ser.label.push(label);
      ser.t.push(sol.t[s]!);
      ser.total.push(sum(x));
      serH.push(h);
      serE.push(2 ** h);
      for (let i = 0; i < n; i++) {
        tr.scenario.push(key);
        tr.t.push(sol.t[s]!);
        tr.field.push(fields[i]!);
        tr.major.push(isMajor[i]!);
        trX.push(x[i]!);
      }
      if (coev) {
        for (let p = 1; p <= 2; p++) {
          co.scenario.push(key);
          co.t.push(sol.t[s]!);
          co.population.push(COEVOLUTION_POPULATIONS[p]![lang]);
          co.x.push(sol.y[s * m + n + p - 1]!);
        }
      }
    }
    const state = sol.state(T - 1);
    const xe = state.subarray(0, n);
    if (sol.t[T - 1]! < tEnd) warnings.push(`${key}: integration stopped at t = ${sol.t[T - 1]}`);
    const total = sum(xe);
    for (let i = 0; i < n; i++) {
      fl.scenario!.push(key);
      fl.field!.push(fields[i]!);
      fl.major!.push(isMajor[i]!);
      fl.capacity!.push(N[i]!);
      fl.support!.push(b[i]!);
      fl.x!.push(xe[i]!);
      fl.share!.push(total > 0 ? xe[i]! / total : 0);
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
    // Jacobian of dx_i = r_i x_i g_i(x): J_ii = r_i (g_i − x_i/K_i), J_ij = r_i x_i σ_ij/N_j
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
    const row: Record<string, unknown> = {
      scenario: key,
      label,
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
      fixed_point: st.type[lang],
      at_rest: atRest,
    };
    if (coev) {
      row.organisation = state[n];
      row.institution = state[n + 1];
    }
    if (shocks) row.shock_remaining = shockRemaining(rhs, state, shocks, options.method);
    summaryRows.push(row);
  }
  return {
    summary: aq.from(summaryRows),
    series: aq.table({ ...ser, entropy: serH, effective_fields: serE }),
    trajectories: aq.table({ ...tr, x: trX }),
    fields: aq.table(fl),
    ...(coev ? { coevolution: aq.table(co) } : {}),
    major: majorNames,
    allocation,
    warnings,
  };
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
    const sol = solveODE(rhs, Array.from(x), { tEnd: shocks.horizon, dt: shocks.horizon, method });
    const y = sol.state(sol.t.length - 1);
    let d1 = 0;
    for (let i = 0; i < n; i++) d1 += (y[i]! - xe[i]!) ** 2;
    acc += Math.sqrt(d1 / d0);
    used++;
  }
  return used > 0 ? acc / used : 0;
}

/** Options of {@link rankFieldsByComplexity}. */
export interface RankFieldsOptions {
  /** Column of the economy (region) (default "economy"). */
  readonly economy?: string;
  /** Column of the field (sector) (default "field"). */
  readonly field?: string;
  /** Column of the counts (default "patents"). */
  readonly value?: string;
  /** Keep rows whose `series` column equals this (default "IPF" when the table has a `series` column;
   * `null` keeps every row). */
  readonly series?: string | null;
  /** Keep rows with `year` in [from, to] (inclusive; default all years); counts are summed over the years. */
  readonly years?: readonly [number, number];
  /** Complexity method (default "eigenvector", the PCI of Hausmann et al. 2014). */
  readonly method?: "eigenvector" | "reflections" | "fitness";
  /** An economy whose counts, location quotients and presence are added to the table. */
  readonly focus?: string;
  /** Column with the field's Chinese name, carried into the table when present (default "field_zh"). */
  readonly fieldZh?: string;
}

/** Result of {@link rankFieldsByComplexity}. */
export interface RankedFields {
  /** One row per field, most complex first: `rank` (1 = most complex), `field`, `field_zh` (when available),
   * `pci`, `ubiquity`, and with `focus`: `focus_value`, `focus_lq`, `focus_present`. */
  readonly table: ColumnTable;
  /** Field names, most complex first. */
  readonly ranked: string[];
  /** The complexity result (ECI of economies, PCI of fields, …). */
  readonly complexity: ComplexityResult;
  /** Notes on degenerate input, from the location quotients, the presence matrix and the complexity. */
  readonly warnings: string[];
}

/**
 * Rank technology fields by complexity (PCI; technology complexity when the sectors are patent fields) from a
 * long table of counts, e.g. `loadDataset("nsf-patents")` (economy × WIPO field × series × year): filter the
 * series and years, sum, then LQ (Balassa 1965) → presence M = 1[LQ ≥ 1] → `complexity` (eigenvector PCI,
 * Hausmann et al. 2014, Stata convention; or reflections / fitness). The ranking is what
 * {@link policyScenario} takes as its `major` list (its first k names).
 *
 * Caveat, seen on the NSF data: with only 36 economies the second eigenvector may separate specialisation
 * profiles (East-Asian ICT vs materials and chemistry) rather than sophistication; compare
 * `method: "fitness"` before calling a field "strategic".
 *
 * @example
 * ```ts
 * import { loadDataset, rankFieldsByComplexity } from "clusterlab";
 * const r = rankFieldsByComplexity(await loadDataset("nsf-patents"), { years: [2016, 2020], focus: "China" });
 * r.ranked.slice(0, 5); // the five most complex WIPO fields
 * ```
 */
export function rankFieldsByComplexity(input: TableInput, options: RankFieldsOptions = {}): RankedFields {
  const table = toTable(input);
  const econ = options.economy ?? "economy", field = options.field ?? "field";
  const value = options.value ?? "patents", zhCol = options.fieldZh ?? "field_zh";
  const names = table.columnNames();
  const c = new ParamChecker("input of rankFieldsByComplexity");
  for (const [opt, col] of [["economy", econ], ["field", field], ["value", value]] as const) {
    if (!names.includes(col)) {
      c.add(opt, `a column of the table (${names.join(", ")})`, col, "missing column");
    }
  }
  const series = options.series === undefined ? (names.includes("series") ? "IPF" : null) : options.series;
  if (series !== null) {
    if (typeof series !== "string") c.add("series", "a text value or null", series);
    else if (!names.includes("series")) c.add("series", "a table with a `series` column", "no such column");
  }
  if (options.years !== undefined) {
    const y = options.years;
    if (!Array.isArray(y) || y.length !== 2 || !(y[0] <= y[1])) {
      c.add("years", "[from, to] with from ≤ to", y);
    } else if (!names.includes("year")) c.add("years", "a table with a `year` column", "no such column");
  }
  const method = options.method ?? "eigenvector";
  if (!["eigenvector", "reflections", "fitness"].includes(method)) {
    c.add("method", '"eigenvector", "reflections" or "fitness"', method);
  }
  c.done();
  let t = table;
  if (series !== null) t = t.filter(aq.escape((d: Record<string, unknown>) => d.series === series));
  if (options.years) {
    const [y0, y1] = options.years;
    t = t.filter(
      aq.escape((d: Record<string, unknown>) => (d.year as number) >= y0 && (d.year as number) <= y1),
    );
  }
  if (t.numRows() === 0) {
    const e = new ParamChecker("input of rankFieldsByComplexity");
    e.add("series/years", "filters that keep some rows", `series ${series}, years ${options.years ?? "all"}`);
    e.done();
  }
  const x = matrixFrom(t, { row: econ, col: field, value });
  const lq = locationQuotient(x);
  const M = presence(lq);
  const cx = complexity(M, { method });
  const warnings = [...lq.warnings, ...M.warnings, ...cx.warnings];
  const ranked = cx.pci.ranked().filter((f) => Number.isFinite(cx.pci.get(f)));
  const zh = new Map<string, string>();
  if (names.includes(zhCol)) {
    const fs = t.array(field) as ArrayLike<string>, zs = t.array(zhCol) as ArrayLike<string>;
    for (let i = 0; i < fs.length; i++) if (!zh.has(String(fs[i]))) zh.set(String(fs[i]), String(zs[i]));
  }
  const focus = options.focus;
  if (focus !== undefined && !x.rows.includes(focus)) {
    const e = new ParamChecker("input of rankFieldsByComplexity");
    e.add("focus", `an economy of the table (${x.rows.slice(0, 5).join(", ")}, …)`, focus);
    e.done();
  }
  const rows = ranked.map((f, i) => {
    const row: Record<string, unknown> = { rank: i + 1, field: f };
    if (zh.size) row.field_zh = zh.get(f) ?? "";
    row.pci = cx.pci.get(f);
    row.ubiquity = cx.ubiquity.get(f);
    if (focus !== undefined) {
      row.focus_value = x.get(focus, f);
      row.focus_lq = lq.get(focus, f);
      row.focus_present = M.get(focus, f) === 1;
    }
    return row;
  });
  return { table: aq.from(rows), ranked, complexity: cx, warnings };
}
