/**
 * Knowledge stock by the perpetual-inventory method (patent or R&D stock).
 * @module
 */
import * as aq from "arquero";
import type { ColumnTable } from "arquero";
import { type TableInput, toTable } from "../data/adapters.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../data/validation_error.ts";
import type { WithWarnings } from "./matrix.ts";

/** Options of {@link knowledgeStock}. */
export interface KnowledgeStockOptions {
  /** Column with the entity id (region, firm); omit for one series. */
  readonly id?: string;
  /** Column with the year (integers, consecutive within an entity). Default "year". */
  readonly year?: string;
  /** Column with the flow P_t (patents, R&D spending). Default "value". */
  readonly value?: string;
  /** Depreciation rate δ in [0, 1). Default 0.15 (Hall, Jaffe & Trajtenberg 2005). */
  readonly delta?: number;
  /**
   * Initial stock: `"zero"` (K before the first year is 0, so K_0 = P_0; default) or `"steady-state"`
   * (K_0 = P_0/(g + δ), the stock of a flow that has grown at rate g forever).
   */
  readonly initial?: "zero" | "steady-state";
  /** Pre-sample growth g for `"steady-state"`; default: estimated per entity from the first years. */
  readonly growth?: number;
  /**
   * Number of yearly steps used to estimate g (design choice, default 5): g = (P_m/P_0)^{1/m} − 1, the
   * compound average growth over the first m = min(growthYears, n − 1) years.
   */
  readonly growthYears?: number;
}

/** The result of {@link knowledgeStock}: a table plus the warnings about degenerate series. */
export type KnowledgeStockTable = ColumnTable & WithWarnings;

/**
 * Knowledge stock by perpetual inventory (Griliches 1979; Hall, Jaffe & Trajtenberg 2005, *RAND Journal of
 * Economics* 36(1), who build R&D and patent stocks with the declining-balance formula and δ = 0.15):
 *
 *   K_t = (1 − δ) K_{t−1} + P_t.
 *
 * Initial condition: `"zero"` (K_0 = P_0) or `"steady-state"` K_0 = P_0/(g + δ), the usual start of R&D-capital
 * series (Hall & Mairesse 1995; Hall, Jaffe & Trajtenberg 2005), with g given or estimated as the compound
 * average growth of the first `growthYears` years (design choice). When g cannot be estimated (P_0 ≤ 0 or
 * P_m ≤ 0, or one year only) or g + δ ≤ 0, the series starts at K_0 = P_0 and a warning says so.
 *
 * Input: a table with `year` and `value` columns (and an `id` column for several entities); years within an
 * entity must be consecutive integers and flows finite and ≥ 0, otherwise a {@link ValidationError} names the
 * row. Output: a table sorted by id and year with columns (id), year, flow, stock, and `growth` (the g used)
 * for `"steady-state"`; `warnings` lists what was found. No rounding.
 *
 * @example
 * ```ts
 * import { knowledgeStock } from "clusterlab";
 * const k = knowledgeStock([{ year: 2000, value: 100 }, { year: 2001, value: 100 }, { year: 2002, value: 100 }]);
 * k.array("stock"); // [100, 185, 257.25]
 * ```
 */
export function knowledgeStock(input: TableInput, options: KnowledgeStockOptions = {}): KnowledgeStockTable {
  const { id, year = "year", value = "value", delta = 0.15, initial = "zero", growth, growthYears = 5 } =
    options;
  const optIssues: ValidationIssue[] = [];
  if (!(typeof delta === "number" && delta >= 0 && delta < 1)) {
    optIssues.push({ column: "delta", expected: "a number in [0, 1)", received: describeValue(delta) });
  }
  if (initial !== "zero" && initial !== "steady-state") {
    optIssues.push({
      column: "initial",
      expected: '"zero" or "steady-state"',
      received: describeValue(initial),
    });
  }
  if (growth !== undefined && !(typeof growth === "number" && Number.isFinite(growth) && growth > -1)) {
    optIssues.push({ column: "growth", expected: "a finite number > −1", received: describeValue(growth) });
  }
  if (!(Number.isInteger(growthYears) && growthYears >= 1)) {
    optIssues.push({
      column: "growthYears",
      expected: "an integer ≥ 1",
      received: describeValue(growthYears),
    });
  }
  if (optIssues.length) throw new ValidationError("options of knowledgeStock", optIssues);

  const table = toTable(input);
  const names = new Set(table.columnNames());
  const missing = [year, value, ...(id ? [id] : [])].filter((c) => !names.has(c));
  if (missing.length) {
    throw new ValidationError(
      "input of knowledgeStock",
      missing.map((c) => ({
        column: c,
        expected: `a column "${c}"`,
        received: `columns ${[...names].join(", ")}`,
      })),
    );
  }
  const n = table.numRows();
  const gy = table.getter(year), gv = table.getter(value), gi = id ? table.getter(id) : () => "";
  const issues: ValidationIssue[] = [];
  const groups = new Map<string, { year: number; flow: number; row: number }[]>();
  for (let r = 0; r < n; r++) {
    const y = gy(r), v = gv(r), k = gi(r);
    if (!Number.isInteger(y)) {
      issues.push({ row: r + 1, column: year, expected: "an integer year", received: describeValue(y) });
    }
    if (!(typeof v === "number" && Number.isFinite(v) && v >= 0)) {
      issues.push({ row: r + 1, column: value, expected: "a finite flow ≥ 0", received: describeValue(v) });
    }
    if (id && typeof k !== "string" && typeof k !== "number") {
      issues.push({ row: r + 1, column: id, expected: "an id (text)", received: describeValue(k) });
    }
    const key = String(k);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push({ year: y as number, flow: v as number, row: r + 1 });
  }
  if (issues.length) throw new ValidationError("input of knowledgeStock", issues);
  for (const [key, rows] of groups) {
    rows.sort((a, b) => a.year - b.year);
    for (let k = 1; k < rows.length; k++) {
      if (rows[k]!.year !== rows[k - 1]!.year + 1) {
        issues.push({
          row: rows[k]!.row,
          column: year,
          expected: `year ${rows[k - 1]!.year + 1} (consecutive years${id ? ` for ${id} "${key}"` : ""})`,
          received: describeValue(rows[k]!.year),
        });
      }
    }
  }
  if (issues.length) throw new ValidationError("input of knowledgeStock", issues);

  const warnings: string[] = [];
  const keys = [...groups.keys()].sort();
  const total = n;
  const outId = new Array<string>(total),
    outYear = new Float64Array(total),
    outFlow = new Float64Array(total);
  const outStock = new Float64Array(total), outGrowth = new Float64Array(total);
  let o = 0;
  for (const key of keys) {
    const rows = groups.get(key)!;
    const who = id ? `${id} "${key}"` : "the series";
    let k0 = rows[0]!.flow;
    let g = NaN;
    if (initial === "steady-state") {
      if (growth !== undefined) g = growth;
      else {
        const m = Math.min(growthYears, rows.length - 1);
        const p0 = rows[0]!.flow, pm = m >= 1 ? rows[m]!.flow : NaN;
        if (m >= 1 && p0 > 0 && pm > 0) g = Math.pow(pm / p0, 1 / m) - 1;
        else {
          warnings.push(
            `${who}: pre-sample growth cannot be estimated (${
              m < 1 ? "one year only" : `P_0 = ${p0}, P_${m} = ${pm}`
            }); started at K_0 = P_0`,
          );
        }
      }
      if (Number.isFinite(g)) {
        if (g + delta > 0) k0 = rows[0]!.flow / (g + delta);
        else {
          warnings.push(
            `${who}: g + δ = ${g + delta} ≤ 0, the steady-state start is undefined; started at K_0 = P_0`,
          );
          g = NaN;
        }
      }
    }
    let stock = k0;
    rows.forEach((r, k) => {
      if (k > 0) stock = (1 - delta) * stock + r.flow;
      outId[o] = key;
      outYear[o] = r.year;
      outFlow[o] = r.flow;
      outStock[o] = stock;
      outGrowth[o] = g;
      o++;
    });
  }
  const cols: Record<string, unknown[]> = {};
  if (id) cols[id] = outId;
  cols[year] = Array.from(outYear);
  cols.flow = Array.from(outFlow);
  cols.stock = Array.from(outStock);
  if (initial === "steady-state") cols.growth = Array.from(outGrowth, (g) => (Number.isFinite(g) ? g : null));
  return Object.assign(aq.table(cols), { warnings });
}
