/**
 * The principle of relatedness, estimated: does relatedness density in year `from` predict which regions enter
 * which sectors by year `to`? (Hidalgo et al. 2007; Neffke, Henning & Boschma 2011; Boschma, Balland & Kogler
 * 2015; Hidalgo et al. 2018, "The principle of relatedness".) 相关性原理的估计。
 *
 * An estimator, so it lives with the fits (`models/`): it takes `entryExit`'s rows (an indicator, one room
 * down) and fits a statistical model to them, as `fitHaken` and `fitCatchUp` do.
 * @module
 */
import * as aq from "../deps/arquero.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import type { TableInput } from "../data/adapters.ts";
import { rocAuc } from "../core/auc.ts";
import { ParamChecker } from "../core/checks.ts";
import { normalTwoSided } from "../core/normal.ts";
import { entryExitColumns, type EntryExitOptions } from "../indicators/entry_exit.ts";
import { type BinaryFit, fitBinary } from "./binary_regression.ts";
import type { Factor } from "./fixed_effects.ts";

/** Options of {@link relatednessEntry}: those of `entryExit` (years, columns, presence, density) and the model. */
export interface RelatednessEntryOptions extends EntryExitOptions {
  /** `"logit"` (default) or `"lpm"` (linear probability model, OLS). */
  readonly model?: "logit" | "lpm";
  /** Fixed effects as dummies (default none): `["region"]`, `["sector"]` or both. With any, there is no
   * common intercept (the dummies absorb it). */
  readonly fixedEffects?: readonly ("region" | "sector")[];
  /** Cluster-robust standard errors by region or by sector (default: classical standard errors). */
  readonly cluster?: "region" | "sector";
  /** Finite-sample factor of the cluster-robust variance (default `"stata"`, see `fitBinary`): G/(G−1)·(N−1)/(N−K)
   * for the LPM and G/(G−1) for the logit, as Stata's `regress` and `logit` with `vce(cluster)`; `"cr1"`:
   * G/(G−1)·(N−1)/(N−K) for both (statsmodels). */
  readonly correction?: "stata" | "cr1";
  /** Most IRLS iterations of the logit (default 50). */
  readonly maxIterations?: number;
}

/** Result of {@link relatednessEntry}. */
export interface RelatednessEntryResult {
  /** `term, estimate, se, z, p`: `"(intercept)"` (without fixed effects) and `"density"`; `z` = estimate / se,
   * `p` two-sided from the standard normal. */
  readonly coefficients: ColumnTable;
  /** Area under the ROC curve of the fitted probabilities (LPM: linear predictions) against entry, ties
   * counted half. */
  readonly auc: number;
  /** Rows used: region × sector pairs absent at `from` (entry not null), less those of levels that predict
   * entry perfectly (logit with fixed effects). */
  readonly n: number;
  /** Did the IRLS converge (always true for the LPM)? */
  readonly converged: boolean;
  /** The model fitted. */
  readonly model: "logit" | "lpm";
  /** `"cluster"` (CR1, by `cluster`) or `"classical"`. */
  readonly standardErrors: "cluster" | "classical";
  /** Clusters (0 without `cluster`). */
  readonly clusters: number;
  /** Entries among the rows used (entry = 1). */
  readonly entries: number;
  /** IRLS iterations (1 for the LPM). */
  readonly iterations: number;
  /** Log-likelihood of the logit (NaN for the LPM). */
  readonly logLikelihood: number;
  /** Notes of `entryExit` and of the fit (perfect prediction, separation, convergence). */
  readonly warnings: readonly string[];
}

/**
 * Fit entry (absent at `from` → present at `to`) on relatedness density at `from`, over the region × sector
 * rows of `entryExit` where entry is not null: P(entry_rs = 1) = F(α + β·density_rs [+ region and/or sector
 * fixed effects]), F logistic (`model: "logit"`, IRLS/Newton, convergence reported) or the identity
 * (`"lpm"`, OLS). The principle of relatedness predicts β > 0 (Hidalgo et al. 2007; Neffke et al. 2011).
 * Fixed effects enter as dummies (absorbed exactly, not formed: alternating projections, FWL); in the logit,
 * levels whose rows are all non-entries (or all entries) predict perfectly and are left out with a warning,
 * as Stata does. Standard errors are classical or, with `cluster`, cluster-robust CR1 (Cameron & Miller 2015)
 * with Stata's finite-sample factor. `auc` measures how well the fitted probabilities rank entries above
 * non-entries (Mann–Whitney, ties half). Checked against statsmodels' `Logit`/`OLS` with dummies and
 * `cov_type="cluster"` and scikit-learn's `roc_auc_score` (tests/fixtures/reference/relatedness_entry.py).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { relatednessEntry } from "clusterlab";
 * // sectors a–b and c–d go together (r1–r6); r7 and r8 enter the sector related to theirs, r9 and r10 do not
 * const y2000: Record<string, string> = {
 *   r1: "ab", r2: "ab", r3: "ab", r4: "cd", r5: "cd", r6: "cd",
 *   r7: "a", r8: "c", r9: "a", r10: "c", r11: "ac", r12: "bd",
 * };
 * const y2010 = { ...y2000, r7: "ab", r8: "cd", r11: "acd" };
 * const rows = Object.entries({ 2000: y2000, 2010: y2010 }).flatMap(([year, held]) =>
 *   Object.entries(held).flatMap(([region, s]) =>
 *     [..."abcd"].map((sector) => ({ region, sector, year: Number(year), value: s.includes(sector) ? 10 : 0 }))
 *   )
 * );
 * const fit = relatednessEntry(rows, { from: 2000, to: 2010 });
 * assert.equal(fit.n, 28); // region × sector pairs absent in 2000
 * assert.equal(fit.entries, 3); // r7 → b, r8 → d, r11 → d, each at density 2/3
 * assert.deepEqual(fit.coefficients.array("term"), ["(intercept)", "density"]);
 * assert.ok(fit.converged && fit.coefficients.get("estimate", 1) > 0);
 * // of the 25 non-entries, 20 have a lower density, 3 the same (half), 2 a higher one: (20 + 1.5) / 25
 * assert.ok(Math.abs(fit.auc - 21.5 / 25) < 1e-12);
 * ```
 */
export function relatednessEntry(
  table: TableInput,
  options: RelatednessEntryOptions,
): RelatednessEntryResult {
  const subject = "options of relatednessEntry";
  const settings = checkOptions(options, subject);
  const ee = entryExitColumns(table, options, "input of relatednessEntry");
  const S = ee.sectors.length;
  const rows: number[] = [];
  for (let k = 0; k < ee.presentFrom.length; k++) if (ee.presentFrom[k] === 0) rows.push(k);
  const n = rows.length;
  const y = new Float64Array(n), density = new Float64Array(n);
  const region = new Int32Array(n), sector = new Int32Array(n);
  rows.forEach((k, i) => {
    y[i] = ee.presentTo[k]!;
    density[i] = ee.density[k]!;
    region[i] = Math.floor(k / S);
    sector[i] = k % S;
  });
  const factor = (name: "region" | "sector"): Factor =>
    name === "region"
      ? { name, codes: region, levels: ee.regions.length }
      : { name, codes: sector, levels: S };
  const fit = fitBinary(y, [density], {
    model: settings.model,
    names: ["density"],
    fixedEffects: settings.fixedEffects.map(factor),
    cluster: settings.cluster ? factor(settings.cluster) : undefined,
    correction: settings.correction,
    maxIterations: options.maxIterations,
  });
  return assemble(fit, y, settings.model, [...ee.warnings, ...fit.warnings]);
}

interface Settings {
  readonly model: "logit" | "lpm";
  readonly fixedEffects: readonly ("region" | "sector")[];
  readonly cluster: "region" | "sector" | undefined;
  readonly correction: "stata" | "cr1";
}

function checkOptions(options: RelatednessEntryOptions, subject: string): Settings {
  const c = new ParamChecker(subject);
  const model = options?.model ?? "logit";
  c.choice("model", model, ["logit", "lpm"] as const);
  const fe = options?.fixedEffects ?? [];
  if (
    !Array.isArray(fe) || fe.some((f) => f !== "region" && f !== "sector") || new Set(fe).size !== fe.length
  ) {
    c.add("fixedEffects", 'an array of distinct "region", "sector"', fe);
  }
  if (options?.cluster !== undefined) c.choice("cluster", options.cluster, ["region", "sector"] as const);
  const correction = options?.correction ?? "stata";
  c.choice("correction", correction, ["stata", "cr1"] as const);
  if (options?.maxIterations !== undefined) {
    c.number("maxIterations", options.maxIterations, { min: 1, max: 10_000, integer: true });
  }
  c.done();
  return { model, fixedEffects: fe, cluster: options.cluster, correction };
}

function assemble(
  fit: BinaryFit,
  y: Float64Array,
  model: "logit" | "lpm",
  warnings: string[],
): RelatednessEntryResult {
  const z = Array.from(fit.estimate, (b, j) => b / fit.se[j]!);
  const used = new Float64Array(fit.n);
  let entries = 0;
  for (let i = 0, q = 0; i < y.length; i++) {
    if (!fit.used[i]) continue;
    used[q++] = y[i]!;
    entries += y[i]!;
  }
  const auc = fit.fitted.some(Number.isNaN) ? Number.NaN : rocAuc(fit.fitted, used);
  return {
    coefficients: aq.table({
      term: [...fit.names],
      estimate: Array.from(fit.estimate),
      se: Array.from(fit.se),
      z,
      p: z.map(normalTwoSided),
    }),
    auc,
    n: fit.n,
    converged: fit.converged,
    model,
    standardErrors: fit.standardErrors,
    clusters: fit.clusters,
    entries,
    iterations: fit.iterations,
    logLikelihood: fit.logLikelihood,
    warnings,
  };
}
