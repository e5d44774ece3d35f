/**
 * Symbiosis mode 共生模式 of a pair of organisation populations from the signs of their cross-effects
 * (σ_ij, σ_ji) in the logistic symbiosis model dx_i/dt = r_i x_i (1 − x_i/N_i + Σ_{j≠i} σ_ij x_j/N_j):
 * Pistorius, C. W. I. & Utterback, J. M. (1997), "Multi-mode interaction among technologies", *Research
 * Policy* 26(1), 67–84 — pure competition (−,−), mutualism (+,+), predator–prey (+,−), commensalism (+,0),
 * amensalism (−,0) and neutralism (0,0), with a tolerance for "zero" (design choice).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { classifyInteraction } from "clusterlab";
 * assert.equal(classifyInteraction(0.2, 0.1).mode, "mutualism");
 * assert.equal(classifyInteraction(-0.2, -0.1).mode, "competition");
 * ```
 * @module
 */
import * as aq from "../deps/arquero.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import type { Bilingual, Lang } from "../core/i18n.ts";
import { ParamChecker } from "../core/checks.ts";
import { renamedOptions } from "../core/deprecated.ts";

/** The six symbiosis modes of Pistorius & Utterback (1997), from the signs of (σ_ij, σ_ji). */
export const INTERACTION_MODES = {
  competition: { en: "pure competition", zh: "纯竞争" },
  mutualism: { en: "mutualism", zh: "互利共生" },
  predatorPrey: { en: "predator–prey", zh: "捕食（寄生）" },
  commensalism: { en: "commensalism", zh: "偏利共生" },
  amensalism: { en: "amensalism", zh: "偏害共生" },
  neutralism: { en: "neutralism", zh: "中性共存" },
} as const satisfies Record<string, Bilingual>;

/** A mode key of {@link INTERACTION_MODES}. */
export type InteractionMode = keyof typeof INTERACTION_MODES;

/** Result of {@link classifyInteraction}. */
export interface InteractionResult {
  /** Mode key. */
  readonly mode: InteractionMode;
  /** Mode label in the requested language. */
  readonly label: string;
  /** Signs used (−1, 0, +1) of the effect of j on i and of i on j. */
  readonly signs: readonly [number, number];
  /** For predator–prey and commensalism/amensalism: which side benefits or is harmed ("i" or "j"). */
  readonly beneficiary?: "i" | "j";
}

/** Options of {@link classifyInteraction}. */
export interface ClassifyInteractionOptions {
  /** |σ| ≤ this counts as zero (≥ 0; default 0.05, design choice). */
  readonly tolerance?: number;
  /** Language of the label (default "en"). */
  readonly lang?: Lang;
}

/** Options of {@link classifyInteractions}. */
export interface ClassifyInteractionsOptions extends ClassifyInteractionOptions {
  /** Population labels, in the order of the rows of σ (the `i` and `j` columns; default "P1", "P2", …). */
  readonly populations?: readonly string[];
  /** @deprecated Use `populations`: the same option under its 0.1 name (giving both is an error). */
  readonly names?: readonly string[];
}

function checkOptions(c: ParamChecker, options: ClassifyInteractionOptions): void {
  c.number("tolerance", options.tolerance ?? 0.05, { min: 0 });
  const lang = options.lang ?? "en";
  if (lang !== "en" && lang !== "zh") c.add("lang", '"en" or "zh"', lang);
}

/**
 * Pistorius & Utterback (1997) mode of a pair from σ_ij (effect of j on i) and σ_ji (effect of i on j);
 * |σ| ≤ `tolerance` counts as zero (design choice, default 0.05).
 * (−,−) pure competition; (+,+) mutualism; (+,−) predator–prey (the + side is the predator);
 * (+,0) commensalism; (−,0) amensalism; (0,0) neutralism.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { classifyInteraction } from "clusterlab";
 * const r = classifyInteraction(0.3, -0.2, { lang: "zh" });
 * assert.equal(r.label, "捕食（寄生）");
 * assert.equal(r.beneficiary, "i"); // i gains from j, j loses to i: i is the predator
 * assert.equal(classifyInteraction(0.3, 0.04).mode, "commensalism"); // |0.04| ≤ 0.05 counts as 0
 * ```
 */
export function classifyInteraction(
  sigmaIJ: number,
  sigmaJI: number,
  options: ClassifyInteractionOptions = {},
): InteractionResult {
  const c = new ParamChecker("parameters of classifyInteraction");
  c.number("sigmaIJ", sigmaIJ);
  c.number("sigmaJI", sigmaJI);
  checkOptions(c, options);
  c.done();
  const tol = options.tolerance ?? 0.05;
  const sgn = (v: number) => (Math.abs(v) <= tol ? 0 : Math.sign(v));
  const a = sgn(sigmaIJ), b = sgn(sigmaJI);
  let mode: InteractionMode;
  let beneficiary: "i" | "j" | undefined;
  if (a === 0 && b === 0) mode = "neutralism";
  else if (a < 0 && b < 0) mode = "competition";
  else if (a > 0 && b > 0) mode = "mutualism";
  else if (a * b < 0) {
    mode = "predatorPrey";
    beneficiary = a > 0 ? "i" : "j";
  } else if (a + b > 0) {
    mode = "commensalism";
    beneficiary = a > 0 ? "i" : "j";
  } else {
    mode = "amensalism";
    beneficiary = a < 0 ? "i" : "j"; // the harmed side
  }
  return { mode, label: INTERACTION_MODES[mode][options.lang ?? "en"], signs: [a, b], beneficiary };
}

/**
 * Every pair of an n × n σ matrix classified by {@link classifyInteraction}, as a table (`i`, `j`,
 * `sigma_ij`, `sigma_ji`, `mode`, `label`), one row per pair i < j.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { classifyInteractions } from "clusterlab";
 * const t = classifyInteractions([[0, 0.2, -0.3], [0.1, 0, 0], [-0.4, 0, 0]], { populations: ["K", "O", "I"] });
 * assert.deepEqual(t.array("mode"), ["mutualism", "competition", "neutralism"]);
 * ```
 */
export function classifyInteractions(
  sigma: readonly (readonly number[])[],
  options01: ClassifyInteractionsOptions = {},
): ColumnTable {
  const options = renamedOptions("options of classifyInteractions", options01, { names: "populations" });
  const n = Array.isArray(sigma) ? sigma.length : 0;
  const c = new ParamChecker("parameters of classifyInteractions");
  c.matrix("sigma", sigma, n);
  if (
    options.populations !== undefined &&
    (!Array.isArray(options.populations) || options.populations.length !== n)
  ) {
    c.add(options01.names !== undefined ? "names" : "populations", `${n} labels`, options.populations);
  }
  checkOptions(c, options);
  c.done();
  const names = options.populations ?? sigma.map((_, i) => `P${i + 1}`);
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const r = classifyInteraction(sigma[i]![j]!, sigma[j]![i]!, options);
      rows.push({
        i: names[i],
        j: names[j],
        sigma_ij: sigma[i]![j],
        sigma_ji: sigma[j]![i],
        mode: r.mode,
        label: r.label,
      });
    }
  }
  return aq.from(rows);
}
