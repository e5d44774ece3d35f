/**
 * Complexity over time: ECI/PCI (or reflections, fitness) of every year of a long region × sector × year
 * table, standardised year by year, on a pooled scale, or on an anchor year's scale. 复杂度面板：逐年计算并统一量纲。
 * @module
 */
import * as aq from "../deps/arquero.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import type { TableInput } from "../data/adapters.ts";
import { describeValue, ValidationError } from "../core/validation_error.ts";
import {
  complexity,
  type ComplexityOptions,
  type ComplexityResult,
  pooledScale,
  type ScoreBlock,
  zScore,
} from "./complexity.ts";
import { locationQuotient } from "./location_quotient.ts";
import { presence, type PresenceOptions } from "./presence.ts";
import { missingYears, type PanelInputOptions, yearPanel } from "./panel.ts";

/**
 * The scale of the ECI/PCI columns of {@link complexityPanel}: `"year"` (each year z-scored on its own),
 * `"pooled"` (one mean and s.d. over all region-years) or `{ anchor }` (every year on the anchor year's scale).
 */
export type PanelStandardise = "year" | "pooled" | { readonly anchor: number };

/** Options of {@link complexityPanel}. */
export interface ComplexityPanelOptions extends ComplexityOptions, PresenceOptions, PanelInputOptions {
  /**
   * Scale of `eci` and `pci` (default `"year"`): `"year"` z-scores each year on its own (each year equals
   * `complexity()` on that year); `"pooled"` standardises the raw, signed scores K_r, K_s of all years with one
   * mean and s.d. (over all region-years, under the `sd` convention), so levels compare across years;
   * `{ anchor: y }` uses the mean and s.d. of year y (that year equals `complexity()`, the others are on its
   * scale). Not for `method: "fitness"`, whose scores are normalised to mean 1 within each year.
   */
  readonly standardise?: PanelStandardise;
  /**
   * Also compute the fitness–complexity algorithm (Tacchella et al. 2012) each year and add its `fitness`
   * (regions) and `complexity` (sectors) columns (default false); `iterations` and `extremality` apply.
   */
  readonly fitness?: boolean;
}

/** Result of {@link complexityPanel}. */
export interface ComplexityPanelResult {
  /** One row per region and year: `region, year, eci, diversity` (`fitness` too when asked; with
   * `method: "fitness"` the score column is `fitness`). NaN where a region has no presence that year. */
  readonly regions: ColumnTable;
  /** One row per sector and year: `sector, year, pci, ubiquity` (`complexity` too when asked; with
   * `method: "fitness"` the score column is `complexity`). */
  readonly sectors: ColumnTable;
  /** The years, ascending. */
  readonly years: readonly number[];
  /** The mean and s.d. of the raw region scores each year's `eci` was standardised with (per year, pooled or
   * the anchor's; for `method: "fitness"`: mean 1, s.d. NaN). */
  readonly scale: readonly { readonly year: number; readonly mean: number; readonly sd: number }[];
  /** Notes of every year (location quotients, presence, complexity), each prefixed by its year. */
  readonly warnings: readonly string[];
}

/**
 * Complexity of regions and sectors over time, from a long table of counts with a year column (columns
 * `region`, `sector`, `value`, `year` unless the options name others; repeated pairs are summed, as
 * `matrixFrom` does). Each year: counts → location quotient (Balassa 1965) → presence (the `presence`
 * options: `threshold`, `strict`, …) → `complexity()` with the same options (method, sign, sd, pciScale, steps,
 * iterations, extremality). Each year's matrix holds the regions and sectors found in that year (or the
 * `regions`/`sectors` options, for every year).
 *
 * **Scale (design choice, the `standardise` option).** The eigenvector method gives each year an eigenvector,
 * whose scale and level are not comparable across years; the usual ECI is z-scored within the year (Hausmann
 * et al. 2014), so a year's ECI says where a region stands among that year's regions, not whether it became
 * more complex. `"year"` (default) keeps this; `"pooled"` takes the raw, signed scores K_r = (1/k_r) Σ_s M_rs
 * K_s (`complexity().kc`: the sign fixed per year by the diversity rule, the eigenvector normalised as
 * `complexity()` does, Σ_s k_s K_s² = 1 with Σ_s k_s K_s = 0) and standardises all region-years with one mean
 * and s.d. (`sd: "stata"`: each region-year counted once per sector with presence that year; `"sample"`,
 * `"population"`: once), PCI on the same scale (or its own pooled scale with `pciScale: "own"`). Pooled levels
 * move only as far as the normalised eigenvector moves: they show drift of a region against the whole panel,
 * and still depend on the normalisation (an eigenvector has no scale of its own). `{ anchor }` puts every
 * year on the anchor year's mean and s.d.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { complexity, complexityPanel, locationQuotient, matrixFrom, presence } from "clusterlab";
 * const counts = [[5, 2, 1], [4, 3, 0], [1, 4, 6], [6, 1, 0]]; // 4 regions × 3 sectors
 * const rows = [2000, 2010].flatMap((year, t) =>
 *   counts.flatMap((r, i) =>
 *     r.map((v, j) => ({ region: `r${i + 1}`, sector: "abc"[j]!, value: v + t * (i === 3 && j === 2 ? 3 : 0), year }))
 *   )
 * );
 * const p = complexityPanel(rows);
 * assert.deepEqual(p.years, [2000, 2010]);
 * // "year": equal, year by year, to complexity() on that year
 * const y2010 = complexity(presence(locationQuotient(matrixFrom(rows.filter((d) => d.year === 2010)))));
 * const eci2010 = p.regions.filter((d: { year: number }) => d.year === 2010).array("eci");
 * assert.deepEqual(Array.from(eci2010), Array.from(y2010.eci.values));
 * // "pooled": one mean and s.d. over all region-years, so the 2000 and 2010 levels share a scale
 * const pooled = complexityPanel(rows, { standardise: "pooled", sd: "population" });
 * const all = Array.from(pooled.regions.array("eci") as ArrayLike<number>);
 * const mean = all.reduce((a, b) => a + b, 0) / all.length;
 * assert.ok(Math.abs(mean) < 1e-12);
 * assert.ok(Math.abs(all.reduce((a, b) => a + (b - mean) ** 2, 0) / all.length - 1) < 1e-12);
 * ```
 */
export function complexityPanel(
  table: TableInput,
  options: ComplexityPanelOptions = {},
): ComplexityPanelResult {
  const subject = "input of complexityPanel";
  const standardise = checkStandardise(options);
  const panel = yearPanel(table, options, subject);
  if (typeof standardise === "object" && !panel.years.includes(standardise.anchor)) {
    throw missingYears([standardise.anchor], panel.years, "options of complexityPanel (standardise.anchor)");
  }
  const warnings: string[] = [];
  const perYear = panel.years.map((year) => {
    const x = panel.matrix(year);
    const lq = locationQuotient(x);
    const M = presence(lq, options);
    const c = complexity(M, options);
    const f = options.fitness && options.method !== "fitness"
      ? complexity(M, { ...options, method: "fitness" })
      : undefined;
    const notes = new Set([...M.warnings, ...c.warnings, ...(f?.warnings ?? [])]);
    for (const w of notes) warnings.push(`${year}: ${w}`);
    return { year, c, f };
  });
  const scales = panelScales(perYear, standardise, options);
  return { ...assemble(perYear, scales, options), years: panel.years, scale: scales.eci, warnings };
}

function checkStandardise(options: ComplexityPanelOptions): PanelStandardise {
  const s = options.standardise ?? "year";
  const ok = s === "year" || s === "pooled" ||
    (typeof s === "object" && s !== null && Number.isInteger((s as { anchor: unknown }).anchor));
  if (!ok) {
    throw new ValidationError("options of complexityPanel", [{
      column: "standardise",
      expected: '"year", "pooled" or { anchor: <a year of the table> }',
      received: describeValue(s),
    }]);
  }
  if (s !== "year" && options.method === "fitness") {
    throw new ValidationError("options of complexityPanel", [{
      column: "standardise",
      expected: '"year" with method "fitness" (fitness is normalised to mean 1 within each year)',
      received: describeValue(s),
    }]);
  }
  return s;
}

interface YearScores {
  readonly year: number;
  readonly c: ComplexityResult;
  readonly f: ComplexityResult | undefined;
}

interface Scale {
  readonly year: number;
  readonly mean: number;
  readonly sd: number;
}

/** Does PCI have a scale of its own (reflections always; the eigenvector method with `pciScale: "own"`)? */
function pciOwnScale(options: ComplexityOptions): boolean {
  return options.method === "reflections" || options.pciScale === "own";
}

/** The raw region (or sector) scores of a year as a {@link ScoreBlock} weighted as `complexity()` weighs them. */
function block(c: ComplexityResult, side: "eci" | "pci"): ScoreBlock {
  const counted = (v: Float64Array) => v.reduce((n, x) => n + (x > 0 ? 1 : 0), 0);
  return side === "eci"
    ? { values: c.kc, weight: counted(c.ubiquity.values) }
    : { values: c.kp, weight: counted(c.diversity.values) };
}

/** The mean and s.d. applied to each year's raw ECI and PCI scores (undefined for "year": kept as computed). */
function panelScales(
  perYear: readonly YearScores[],
  standardise: PanelStandardise,
  options: ComplexityOptions,
) {
  const kind = options.sd ?? "stata";
  const own = pciOwnScale(options);
  if (standardise === "year") {
    return { eci: perYear.map(({ year, c }) => ({ year, mean: c.mean, sd: c.sd })), pci: undefined };
  }
  let eci: { mean: number; sd: number }, pci: { mean: number; sd: number };
  if (standardise === "pooled") {
    eci = pooledScale(perYear.map(({ c }) => block(c, "eci")), kind);
    pci = own ? pooledScale(perYear.map(({ c }) => block(c, "pci")), kind) : eci;
  } else {
    const { c } = perYear.find((d) => d.year === standardise.anchor)!;
    eci = { mean: c.mean, sd: c.sd };
    pci = own ? pooledScale([block(c, "pci")], kind) : eci;
  }
  const all = (s: { mean: number; sd: number }): Scale[] => perYear.map(({ year }) => ({ year, ...s }));
  return { eci: all(eci), pci: all(pci) };
}

/** The two long tables. */
function assemble(
  perYear: readonly YearScores[],
  scales: { eci: Scale[]; pci: Scale[] | undefined },
  options: ComplexityPanelOptions,
) {
  const fitnessOnly = options.method === "fitness";
  const [rScore, sScore] = fitnessOnly ? ["fitness", "complexity"] : ["eci", "pci"];
  const regions: Record<string, unknown[]> = { region: [], year: [], [rScore]: [], diversity: [] };
  const sectors: Record<string, unknown[]> = { sector: [], year: [], [sScore]: [], ubiquity: [] };
  const extra = options.fitness && !fitnessOnly;
  if (extra) {
    regions.fitness = [];
    sectors.complexity = [];
  }
  perYear.forEach(({ year, c, f }, t) => {
    const eci = scales.pci ? zScore(c.kc, scales.eci[t]!.mean, scales.eci[t]!.sd) : c.eci.values;
    const pci = scales.pci ? zScore(c.kp, scales.pci[t]!.mean, scales.pci[t]!.sd) : c.pci.values;
    c.eci.labels.forEach((r, i) => {
      regions.region!.push(r);
      regions.year!.push(year);
      regions[rScore]!.push(eci[i]);
      regions.diversity!.push(c.diversity.values[i]);
      if (extra) regions.fitness!.push(f!.eci.values[i]);
    });
    c.pci.labels.forEach((s, j) => {
      sectors.sector!.push(s);
      sectors.year!.push(year);
      sectors[sScore]!.push(pci[j]);
      sectors.ubiquity!.push(c.ubiquity.values[j]);
      if (extra) sectors.complexity!.push(f!.pci.values[j]);
    });
  });
  return { regions: aq.table(regions), sectors: aq.table(sectors) };
}
