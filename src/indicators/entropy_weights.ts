/**
 * The entropy weight method (熵权法): objective weights for a composite index from the dispersion of each
 * indicator, with direction-aware min–max scaling shrunk to [ε, 1 − ε] so that no share is 0 and ln 0
 * never occurs (Shannon 1948; the formulation of the Chinese coupling-coordination literature, e.g. 王富喜,
 * 毛爱华, 李赫龙 & 贾明璐 2013, 《地理科学》 33(11)). Used for the knowledge-stock and alliance-stock composites
 * (`panelComposite`) and the subsystem scores of the coupling coordination model
 * (`couplingCoordination`).
 *
 * @module
 */
import * as aq from "../deps/arquero.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import { type TableInput, toTable } from "../data/adapters.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../core/validation_error.ts";
import { finiteResult } from "./finite_result.ts";
import { checkUniqueKey, panelKey } from "../data/keys.ts";

/** Direction of an indicator: "+" more is better (benefit), "-" less is better (cost). */
export type IndicatorDirection = "+" | "-";

/** Options of {@link entropyWeights}. */
export interface EntropyWeightsOptions {
  /** The indicator columns and their directions, e.g. `{ patents: "+", cost: "-" }`. At least one. */
  readonly indicators: Readonly<Record<string, IndicatorDirection>>;
  /** Shrink the min–max scaled values to [ε, 1 − ε] (default 0.002; 0 ≤ ε < 0.5). */
  readonly epsilon?: number;
  /**
   * Normalise within groups of this column (e.g. `"year"`: each year on its own) instead of over the pooled
   * panel (default: pooled, all entities × years, so years are comparable). Entropy and weights always use
   * all rows.
   */
  readonly normaliseWithin?: string;
  /** Name of the composite score column (default `"score"`). */
  readonly scoreName?: string;
  /** Also return the scaled indicator columns, named `<indicator>_scaled` (default false). */
  readonly keepScaled?: boolean;
}

/** @deprecated Use {@link EntropyWeightsOptions} (the same type under its old name). */
export type EntropyWeightOptions = EntropyWeightsOptions;

/** The result of {@link entropyWeights}. */
export interface EntropyWeightResult {
  /** The input rows plus the composite score column U_i = Σ_j w_j x_ij (and scaled columns if asked). */
  readonly table: ColumnTable;
  /** w_j per indicator; they sum to 1. */
  readonly weights: Readonly<Record<string, number>>;
  /** e_j per indicator (entropy, in [0, 1]). */
  readonly entropy: Readonly<Record<string, number>>;
  /** Degenerate input found (constant indicators, a single row); empty when none. */
  readonly warnings: readonly string[];
  /** @deprecated Use `table`: the same table under its old name. */
  readonly scores: ColumnTable;
}

/** Read numeric columns of a table into Float64Arrays, reporting every non-finite cell. */
function readNumeric(table: ColumnTable, columns: readonly string[], subject: string): Float64Array[] {
  const issues: ValidationIssue[] = [];
  const names = new Set(table.columnNames());
  const n = table.numRows();
  const out: Float64Array[] = [];
  for (const col of columns) {
    if (!names.has(col)) {
      issues.push({
        column: col,
        expected: `a numeric column "${col}"`,
        received: `columns ${[...names].map((c) => JSON.stringify(c)).join(", ") || "(none)"}`,
      });
      out.push(new Float64Array(n));
      continue;
    }
    const get = table.getter(col);
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = get(i);
      if (typeof v !== "number" || !Number.isFinite(v)) {
        issues.push({ row: i + 1, column: col, expected: "a finite number", received: describeValue(v) });
      } else values[i] = v;
    }
    out.push(values);
  }
  if (issues.length > 0) throw new ValidationError(subject, issues);
  return out;
}

/**
 * Entropy weights and composite scores (熵权法).
 *
 * With m rows and indicators j (Shannon 1948; the usual Chinese-literature formulation, e.g. 王富喜 et al.
 * 2013):
 * - direction-aware min–max scaling: x'_ij = (x_ij − min_j)/(max_j − min_j) for "+", (max_j − x_ij)/(max_j −
 *   min_j) for "−", then shrunk to [ε, 1 − ε]: x_ij = ε + (1 − 2ε)·x'_ij (ε = 0.002 default);
 * - shares p_ij = x_ij / Σ_i x_ij; entropy e_j = −(1/ln m) Σ_i p_ij ln p_ij;
 * - weights w_j = (1 − e_j) / Σ_j (1 − e_j); composite U_i = Σ_j w_j x_ij ∈ [ε, 1 − ε].
 *
 * The min and max are taken over the pooled panel (all entities × years) unless `normaliseWithin` names a
 * grouping column. Degenerate cases are reported in `warnings`, never NaN: a constant indicator (max = min)
 * is scaled to 0.5 and gets weight 0; when every indicator is constant (or m = 1) the weights are equal.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { entropyWeights } from "clusterlab";
 * const { weights, table } = entropyWeights(
 *   [{ id: "a", rd: 1, cost: 5 }, { id: "b", rd: 3, cost: 1 }, { id: "c", rd: 2, cost: 2 }],
 *   { indicators: { rd: "+", cost: "-" }, epsilon: 0 },
 * );
 * // scaled (ε = 0): rd → 0, 1, ½ (shares 0, ⅔, ⅓); cost ("−") → 0, 1, ¾ (shares 0, 4/7, 3/7)
 * const eRd = (Math.log(3) - (2 / 3) * Math.log(2)) / Math.log(3);
 * const eCost = -((4 / 7) * Math.log(4 / 7) + (3 / 7) * Math.log(3 / 7)) / Math.log(3);
 * const wRd = (1 - eRd) / (1 - eRd + 1 - eCost);
 * assert.ok(Math.abs(weights.rd! - wRd) < 1e-12 && Math.abs(weights.cost! - (1 - wRd)) < 1e-12);
 * assert.deepEqual(table.columnNames(), ["id", "rd", "cost", "score"]);
 * assert.equal(table.get("score", 0), 0); // the worst row on both indicators
 * assert.equal(table.get("score", 1), 1); // the best on both
 * assert.ok(Math.abs(table.get("score", 2) - (wRd * 0.5 + (1 - wRd) * 0.75)) < 1e-12);
 * ```
 */
export function entropyWeights(input: TableInput, options: EntropyWeightsOptions): EntropyWeightResult {
  const subject = "input of entropyWeights";
  const { epsilon = 0.002, scoreName = "score", keepScaled = false } = options;
  const indicators = Object.entries(options.indicators ?? {});
  checkEntropyOptions(indicators, epsilon);
  const table = toTable(input);
  checkUniqueKey(table, panelKey(table, ["entity", "year"]), subject);
  const m = table.numRows();
  if (m === 0) {
    throw new ValidationError(subject, [{
      column: "(rows)",
      expected: "at least one row",
      received: "0 rows",
    }]);
  }
  const names = indicators.map(([n]) => n);
  const cols = readNumeric(table, names, subject);
  const warnings: string[] = [];
  const { groupOf, nGroups } = groupsOf(table, options.normaliseWithin, subject);
  const scaled = cols.map((x, j) => {
    const { values, constant } = minMaxScale(x, indicators[j]![1] === "-", groupOf, nGroups, epsilon);
    if (constant) {
      warnings.push(
        `indicator "${names[j]}" is constant${
          nGroups > 1 ? " within at least one group" : ""
        }: scaled to 0.5`,
      );
    }
    return values;
  });
  const entropy: Record<string, number> = {};
  scaled.forEach((x, j) => (entropy[names[j]!] = entropyOf(x)));
  const weights = weightsOf(names, entropy, m, warnings);
  const score = new Float64Array(m);
  for (let j = 0; j < names.length; j++) {
    const w = weights[names[j]!]!;
    const x = scaled[j]!;
    for (let i = 0; i < m; i++) score[i] += w * x[i]!;
  }
  const extra: Record<string, Float64Array> = { [scoreName]: score };
  if (keepScaled) names.forEach((n, j) => (extra[`${n}_scaled`] = scaled[j]!));
  const out = table.assign(aq.table(extra));
  return finiteResult("entropyWeights", { table: out, weights, entropy, warnings, scores: out });
}

/** Directions must be "+" or "-" (at least one indicator) and 0 ≤ ε < 0.5. */
function checkEntropyOptions(indicators: readonly [string, unknown][], epsilon: unknown): void {
  const issues: ValidationIssue[] = [];
  if (indicators.length === 0) {
    issues.push({ column: "indicators", expected: "at least one indicator column", received: "none" });
  }
  for (const [name, dir] of indicators) {
    if (dir !== "+" && dir !== "-") {
      issues.push({ column: `indicators.${name}`, expected: `"+" or "-"`, received: describeValue(dir) });
    }
  }
  if (typeof epsilon !== "number" || !(epsilon >= 0 && epsilon < 0.5)) {
    issues.push({ column: "epsilon", expected: "a number in [0, 0.5)", received: describeValue(epsilon) });
  }
  if (issues.length > 0) throw new ValidationError(`parameters of entropyWeights`, issues);
}

/** The min–max group of each row: one group (the pooled panel), or one per value of column `within`. */
function groupsOf(table: ColumnTable, within: string | undefined, subject: string) {
  const m = table.numRows();
  const groupOf = new Int32Array(m);
  if (within === undefined) return { groupOf, nGroups: 1 };
  if (!table.columnNames().includes(within)) {
    throw new ValidationError(subject, [{
      column: within,
      expected: `a grouping column "${within}" (normaliseWithin)`,
      received: `columns ${table.columnNames().join(", ")}`,
    }]);
  }
  const get = table.getter(within);
  const ids = new Map<unknown, number>();
  for (let i = 0; i < m; i++) {
    const key = get(i);
    let k = ids.get(key);
    if (k === undefined) ids.set(key, k = ids.size);
    groupOf[i] = k;
  }
  return { groupOf, nGroups: ids.size };
}

/** Direction-aware min–max scaling within groups, shrunk to [ε, 1 − ε]; a constant group is scaled to 0.5. */
function minMaxScale(
  x: Float64Array,
  negative: boolean,
  groupOf: Int32Array,
  nGroups: number,
  epsilon: number,
) {
  const m = x.length;
  const lo = new Float64Array(nGroups).fill(Infinity);
  const hi = new Float64Array(nGroups).fill(-Infinity);
  for (let i = 0; i < m; i++) {
    const k = groupOf[i]!;
    if (x[i]! < lo[k]!) lo[k] = x[i]!;
    if (x[i]! > hi[k]!) hi[k] = x[i]!;
  }
  const values = new Float64Array(m);
  let constant = false;
  for (let i = 0; i < m; i++) {
    const k = groupOf[i]!;
    const range = hi[k]! - lo[k]!;
    let s: number;
    if (range === 0) {
      s = 0.5;
      constant = true;
    } else s = negative ? (hi[k]! - x[i]!) / range : (x[i]! - lo[k]!) / range;
    values[i] = epsilon + (1 - 2 * epsilon) * s;
  }
  return { values, constant };
}

/** e = −(1/ln m) Σ p ln p of the shares p = x/Σx; exactly 1 for uniform shares (no rounding noise). */
function entropyOf(x: Float64Array): number {
  const m = x.length;
  let sum = 0;
  for (let i = 0; i < m; i++) sum += x[i]!;
  let allEqual = true;
  for (let i = 1; i < m; i++) if (x[i] !== x[0]) allEqual = false;
  if (m === 1 || sum === 0 || allEqual) return 1;
  let h = 0;
  for (let i = 0; i < m; i++) {
    const p = x[i]! / sum;
    if (p > 0) h -= p * Math.log(p);
  }
  return h / Math.log(m);
}

/** w_j = (1 − e_j)/Σ(1 − e_j); equal weights (with a warning) when no indicator varies or m = 1. */
function weightsOf(
  names: readonly string[],
  entropy: Readonly<Record<string, number>>,
  m: number,
  warnings: string[],
): Record<string, number> {
  const d = names.map((n) => 1 - entropy[n]!);
  let dSum = 0;
  for (let j = 0; j < d.length; j++) dSum += d[j]!;
  const weights: Record<string, number> = {};
  if (!(dSum > 0)) {
    warnings.push(
      m === 1
        ? "a single row: entropy is undefined, equal weights used"
        : "no indicator varies (every entropy is 1): equal weights used",
    );
    for (const n of names) weights[n] = 1 / names.length;
  } else {
    for (let j = 0; j < names.length; j++) weights[names[j]!] = d[j]! / dSum;
  }
  return weights;
}
