/**
 * The entropy weight method (熵权法): objective weights for a composite index from the dispersion of each
 * indicator, with direction-aware min–max scaling shrunk to [ε, 1 − ε] so that no share is 0 and ln 0
 * never occurs. Used for the knowledge-stock and alliance-stock composites (DESIGN §3.2) and the subsystem
 * scores of the coupling coordination model (DESIGN §3.4).
 *
 * @module
 */
import * as aq from "arquero";
import type { ColumnTable } from "arquero";
import { type TableInput, toTable } from "../data/adapters.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../data/validation_error.ts";

/** Direction of an indicator: "+" more is better (benefit), "-" less is better (cost). */
export type IndicatorDirection = "+" | "-";

/** Options of {@link entropyWeights}. */
export interface EntropyWeightOptions {
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

/** The result of {@link entropyWeights}. */
export interface EntropyWeightResult {
  /** w_j per indicator; they sum to 1. */
  readonly weights: Readonly<Record<string, number>>;
  /** e_j per indicator (entropy, in [0, 1]). */
  readonly entropy: Readonly<Record<string, number>>;
  /** The input rows plus the composite score column U_i = Σ_j w_j x_ij (and scaled columns if asked). */
  readonly scores: ColumnTable;
  /** Degenerate input found (constant indicators, a single row); empty when none. */
  readonly warnings: readonly string[];
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
 * With m rows and indicators j (DESIGN §3.4; Shannon 1948; the usual Chinese-literature formulation, e.g.
 * 王富喜 et al. 2013):
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
 * import { entropyWeights } from "clusterlab";
 * const { weights, scores } = entropyWeights(
 *   [{ id: "a", rd: 1, cost: 5 }, { id: "b", rd: 3, cost: 1 }, { id: "c", rd: 2, cost: 2 }],
 *   { indicators: { rd: "+", cost: "-" } },
 * );
 * weights.rd + weights.cost; // 1
 * scores.array("score");      // composite per row, in [0.002, 0.998]
 * ```
 */
export function entropyWeights(input: TableInput, options: EntropyWeightOptions): EntropyWeightResult {
  const subject = "input of entropyWeights";
  const { epsilon = 0.002, scoreName = "score", keepScaled = false } = options;
  const issues: ValidationIssue[] = [];
  const indicators = Object.entries(options.indicators ?? {});
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

  const table = toTable(input);
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

  // Groups for min–max (one group = pooled panel).
  let groupOf = new Int32Array(m);
  let nGroups = 1;
  if (options.normaliseWithin !== undefined) {
    const g = options.normaliseWithin;
    if (!table.columnNames().includes(g)) {
      throw new ValidationError(subject, [{
        column: g,
        expected: `a grouping column "${g}" (normaliseWithin)`,
        received: `columns ${table.columnNames().join(", ")}`,
      }]);
    }
    const get = table.getter(g);
    const ids = new Map<unknown, number>();
    groupOf = new Int32Array(m);
    for (let i = 0; i < m; i++) {
      const key = get(i);
      let k = ids.get(key);
      if (k === undefined) ids.set(key, k = ids.size);
      groupOf[i] = k;
    }
    nGroups = ids.size;
  }

  const scaled = cols.map(() => new Float64Array(m));
  for (let j = 0; j < names.length; j++) {
    const x = cols[j]!;
    const lo = new Float64Array(nGroups).fill(Infinity);
    const hi = new Float64Array(nGroups).fill(-Infinity);
    for (let i = 0; i < m; i++) {
      const k = groupOf[i]!;
      if (x[i]! < lo[k]!) lo[k] = x[i]!;
      if (x[i]! > hi[k]!) hi[k] = x[i]!;
    }
    const neg = indicators[j]![1] === "-";
    let anyConstant = false;
    for (let i = 0; i < m; i++) {
      const k = groupOf[i]!;
      const range = hi[k]! - lo[k]!;
      let s: number;
      if (range === 0) {
        s = 0.5;
        anyConstant = true;
      } else s = neg ? (hi[k]! - x[i]!) / range : (x[i]! - lo[k]!) / range;
      scaled[j]![i] = epsilon + (1 - 2 * epsilon) * s;
    }
    if (anyConstant) {
      warnings.push(
        `indicator "${names[j]}" is constant${
          nGroups > 1 ? " within at least one group" : ""
        }: scaled to 0.5`,
      );
    }
  }

  // Entropy and weights over all rows.
  const entropy: Record<string, number> = {};
  const d = new Float64Array(names.length);
  for (let j = 0; j < names.length; j++) {
    const x = scaled[j]!;
    let sum = 0;
    for (let i = 0; i < m; i++) sum += x[i]!;
    let allEqual = true;
    for (let i = 1; i < m; i++) if (x[i] !== x[0]) allEqual = false;
    let e: number;
    if (m === 1 || sum === 0 || allEqual) e = 1; // uniform shares: exactly 1 (no rounding noise)
    else {
      let h = 0;
      for (let i = 0; i < m; i++) {
        const p = x[i]! / sum;
        if (p > 0) h -= p * Math.log(p);
      }
      e = h / Math.log(m);
    }
    entropy[names[j]!] = e;
    d[j] = 1 - e;
  }
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

  const score = new Float64Array(m);
  for (let j = 0; j < names.length; j++) {
    const w = weights[names[j]!]!;
    const x = scaled[j]!;
    for (let i = 0; i < m; i++) score[i] += w * x[i]!;
  }
  const extra: Record<string, Float64Array> = { [scoreName]: score };
  if (keepScaled) names.forEach((n, j) => (extra[`${n}_scaled`] = scaled[j]!));
  return { weights, entropy, scores: table.assign(aq.table(extra)), warnings };
}
