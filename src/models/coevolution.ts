/**
 * Knowledge–organisation–institution co-evolution 知识—组织—制度共演化: a three-population logistic
 * symbiosis (the model of {@link simulateSymbiosis}: Lotka–Volterra with relative interactions, e.g. 刘友金 &
 * 易秋平 2005) with an institutional reform shock, and the composite-system synergy degree of the three
 * populations (孟庆松 & 韩文秀 2000, {@link synergyDegree}) as its dynamic measure. The source text:
 * "led by the existing knowledge and cultural heritage, and recognised by the organisation, the national
 * authority initiates institutional reform that boosts knowledge production". The shock is a design choice:
 * at time `reform.time` the institutions' carrying capacity N_I is multiplied by (1 + `reform.size`) and,
 * optionally, institutions' effect on knowledge σ_KI is raised by `reform.boost` (needed to move knowledge:
 * σ acts on x_j/N_j, so a capacity jump alone leaves y* of the others unchanged). The reform time is placed on
 * the output grid (nearest multiple of `dt`; a warning says when it moved). Default parameters are
 * **illustrative**, not estimated.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { simulateCoevolution } from "clusterlab";
 * const base = simulateCoevolution();
 * const reform = simulateCoevolution({ reform: { time: 20, size: 0.5, boost: 0.2 } });
 * assert.ok(reform.final[0]! > base.final[0]!); // the reform raises knowledge
 * assert.equal(reform.synergy.length, 120); // one value per step after the first (t = 0.5 … 60)
 * ```
 * @module
 */
import * as aq from "../deps/arquero.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import type { Lang } from "../core/i18n.ts";
import { ParamChecker } from "../core/checks.ts";
import { simulateSymbiosis, type SymbiosisParams } from "./symbiosis.ts";
import { synergyDegree } from "./synergy.ts";
import { finiteResult } from "../indicators/finite_result.ts";

/** Population labels of the co-evolution model. */
export const COEVOLUTION_POPULATIONS = [
  { key: "knowledge", en: "knowledge", zh: "知识" },
  { key: "organisation", en: "organisation", zh: "组织" },
  { key: "institution", en: "institution", zh: "制度" },
] as const;

/** Illustrative defaults (mutualism among all three; design choice). */
export const COEVOLUTION_DEFAULTS: SymbiosisParams & { x0: number[] } = {
  r: [0.3, 0.2, 0.1],
  N: [100, 100, 100],
  sigma: [[0, 0.3, 0.2], [0.3, 0, 0.1], [0.1, 0.1, 0]],
  x0: [10, 10, 20],
};

/** Options of {@link simulateCoevolution}. */
export interface SimulateCoevolutionOptions {
  /** Intrinsic growth rates r_i (> 0) of knowledge, organisation, institution (default [0.3, 0.2, 0.1]). */
  readonly r?: readonly number[];
  /** Carrying capacities N_i (> 0), same order (default [100, 100, 100]). */
  readonly N?: readonly number[];
  /** 3 × 3 σ_ij: effect of population j on population i; the diagonal is ignored (default: mutualism). */
  readonly sigma?: readonly (readonly number[])[];
  /** Initial populations x_i(0) (≥ 0), same order (default [10, 10, 20]). */
  readonly x0?: readonly number[];
  /** Institutional reform: time, relative size of the capacity jump, optional σ_KI boost. */
  readonly reform?: {
    /** Time of the reform (> 0, ≤ tEnd; placed on the output grid). */
    readonly time: number;
    /** Relative jump of the institutions' capacity N_I (> −1): N_I × (1 + size). */
    readonly size: number;
    /** Added to σ_KI, the institutions' effect on knowledge (default 0). */
    readonly boost?: number;
  };
  /** End time of the simulation (> 0; default 60). */
  readonly tEnd?: number;
  /** Spacing of the output times (> 0; default 0.5). */
  readonly dt?: number;
  /** Language of the `population` names in the table (default "en"). */
  readonly lang?: Lang;
}

/** @deprecated Use {@link SimulateCoevolutionOptions} (the same type under its 0.1 name). */
export type CoevolutionOptions = SimulateCoevolutionOptions;

/** Result of {@link simulateCoevolution}. */
export interface CoevolutionResult {
  /** Long table: one row per time and population (`t`, `population` in `lang`, `x`). */
  readonly table: ColumnTable;
  /** Synergy degree of each step against the previous one, from the second output time on. */
  readonly synergy: readonly { readonly t: number; readonly synergy: number }[];
  /** Populations (knowledge, organisation, institution) at the end time. */
  readonly final: number[];
  /** Problems met (reform moved to the grid or without effect, integration, synergy warnings). */
  readonly warnings: readonly string[];
}

/**
 * Simulate the co-evolution with an optional reform shock; returns the long table (`t`, `population`, `x`),
 * the synergy degree of consecutive steps (each population one subsystem, bounds = pooled min/max) and warnings.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { simulateCoevolution } from "clusterlab";
 * const r = simulateCoevolution({ tEnd: 10 });
 * assert.equal(r.table.numRows(), 3 * 21); // three populations × t = 0, 0.5, …, 10
 * // without a reform, the three-population symbiosis from its own x0: the first state is x0
 * assert.deepEqual(r.table.filter((d: { t: number }) => d.t === 0).array("x"), [10, 10, 20]);
 * ```
 */
export function simulateCoevolution(options: SimulateCoevolutionOptions = {}): CoevolutionResult {
  const d = COEVOLUTION_DEFAULTS;
  const p = {
    r: options.r ?? d.r,
    N: options.N ?? d.N,
    sigma: options.sigma ?? d.sigma,
    x0: options.x0 ?? d.x0,
  };
  const tEnd = options.tEnd ?? 60;
  const dt = options.dt ?? 0.5;
  const chk = new ParamChecker("parameters of simulateCoevolution");
  chk.vector("r", p.r, 3, { min: 0, open: true });
  chk.vector("N", p.N, 3, { min: 0, open: true });
  chk.matrix("sigma", p.sigma, 3);
  chk.vector("x0", p.x0, 3, { min: 0 });
  chk.number("tEnd", tEnd, { min: 0, open: true });
  chk.number("dt", dt, { min: 0, open: true });
  if (options.reform) {
    chk.number("reform.time", options.reform.time, { min: 0, open: true, max: tEnd });
    chk.number("reform.size", options.reform.size, { min: -1, open: true });
    if (options.reform.boost !== undefined) chk.number("reform.boost", options.reform.boost);
  }
  const lang = options.lang ?? "en";
  if (lang !== "en" && lang !== "zh") chk.add("lang", '"en" or "zh"', lang);
  chk.done();
  const names = COEVOLUTION_POPULATIONS.map((q) => q[lang]);
  const warnings: string[] = [];
  const phases: { t0: number; t1: number; N: readonly number[]; sigma: readonly (readonly number[])[] }[] =
    [];
  if (options.reform) {
    const rt = Math.round(options.reform.time / dt) * dt;
    if (Math.abs(rt - options.reform.time) > 1e-9 * Math.max(1, tEnd)) {
      warnings.push(`reform.time ${options.reform.time} moved to the output grid: t = ${rt}`);
    }
    const N2 = [p.N[0]!, p.N[1]!, p.N[2]! * (1 + options.reform.size)];
    const s2 = p.sigma.map((row) => [...row]);
    s2[0]![2] = s2[0]![2]! + (options.reform.boost ?? 0);
    if (rt <= 0) phases.push({ t0: 0, t1: tEnd, N: N2, sigma: s2 });
    else if (rt >= tEnd) {
      warnings.push(`the reform (t = ${rt}) falls at or after tEnd = ${tEnd}: it has no effect`);
      phases.push({ t0: 0, t1: tEnd, N: p.N, sigma: p.sigma });
    } else phases.push({ t0: 0, t1: rt, N: p.N, sigma: p.sigma }, { t0: rt, t1: tEnd, N: N2, sigma: s2 });
  } else phases.push({ t0: 0, t1: tEnd, N: p.N, sigma: p.sigma });
  const t: number[] = [], pop: string[] = [], xs: number[] = [];
  const states: number[][] = [];
  let x = [...p.x0];
  phases.forEach((ph, k) => {
    const s = simulateSymbiosis({ r: p.r, N: ph.N, sigma: ph.sigma }, x, {
      tEnd: ph.t1 - ph.t0,
      dt,
      populations: names,
    });
    warnings.push(...s.warnings);
    const sol = s.solution;
    for (let i = k === 0 ? 0 : 1; i < sol.t.length; i++) {
      const st = [...sol.state(i)];
      states.push(st);
      st.forEach((v, j) => {
        t.push(ph.t0 + sol.t[i]!);
        pop.push(names[j]!);
        xs.push(v);
      });
    }
    x = s.final;
  });
  const syn = synergyDegree(states, { subsystem: names });
  warnings.push(...syn.warnings);
  const times = [...new Set(t)];
  return finiteResult("simulateCoevolution", {
    table: aq.table({ t, population: pop, x: xs }),
    synergy: syn.synergy.map((v, i) => ({ t: times[i + 1]!, synergy: v })),
    final: x,
    warnings,
  });
}
