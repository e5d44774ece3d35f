/**
 * Knowledge stock by the perpetual-inventory method (patent or R&D stock). 知识存量（永续盘存法）。
 * @module
 */
import * as aq from "../deps/arquero.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import { type TableInput, toTable } from "../data/adapters.ts";
import { missingColumns, ParamChecker } from "../core/checks.ts";
import { renamedOptions } from "../core/deprecated.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../core/validation_error.ts";
import { finiteResult } from "./finite_result.ts";

/** Options of {@link knowledgeStock}. */
export interface KnowledgeStockOptions {
  /**
   * Column with the entity (region, firm) of each row. Default `"entity"` when the input has such a column;
   * otherwise (and with `entity: null`) the input is one series.
   */
  readonly entity?: string | null;
  /** @deprecated Use `entity`: the same option under its 0.1 name (giving both is an error). */
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

/** The result of {@link knowledgeStock}. */
export interface KnowledgeStockResult {
  /**
   * One row per input row, sorted by entity and year: the entity column (when there is one), the year column,
   * `flow`, `stock`, and `growth` (the g used, empty where none) for `"steady-state"`.
   */
  readonly table: ColumnTable;
  /** Degenerate series found (growth that cannot be estimated, g + δ ≤ 0); empty when none. */
  readonly warnings: readonly string[];
}

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
 * Input: a table with `year` and `value` columns (and an `entity` column for several entities); years within
 * an entity must be consecutive integers and flows finite and ≥ 0, otherwise a {@link ValidationError} names
 * the row. No rounding.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { knowledgeStock } from "clusterlab";
 * const { table, warnings } = knowledgeStock([
 *   { year: 2000, value: 100 },
 *   { year: 2001, value: 100 },
 *   { year: 2002, value: 100 },
 * ]);
 * // K = 100, 0.85 · 100 + 100 = 185, 0.85 · 185 + 100 = 257.25
 * assert.deepEqual(table.array("stock"), [100, 185, 257.25]);
 * assert.deepEqual(warnings, []);
 * ```
 */
export function knowledgeStock(input: TableInput, options: KnowledgeStockOptions = {}): KnowledgeStockResult {
  const s = stockSettings(renamedOptions("options of knowledgeStock", options, { id: "entity" }));
  const table = toTable(input);
  const entity = s.entity === undefined
    ? (table.columnNames().includes("entity") ? "entity" : null)
    : s.entity;
  const groups = readSeries(table, { ...s, entity });
  const warnings: string[] = [];
  const out = { entity: [] as string[], year: [] as number[], flow: [] as number[], stock: [] as number[] };
  const growths: (number | null)[] = [];
  for (const key of [...groups.keys()].sort()) {
    const rows = groups.get(key)!;
    const who = entity ? `${entity} "${key}"` : "the series";
    const start = initialStock(rows, s, who, warnings);
    let stock = start.k0;
    rows.forEach((r, k) => {
      if (k > 0) stock = (1 - s.delta) * stock + r.flow;
      out.entity.push(key);
      out.year.push(r.year);
      out.flow.push(r.flow);
      out.stock.push(stock);
      growths.push(Number.isFinite(start.g) ? start.g : null);
    });
  }
  const cols: Record<string, unknown[]> = {};
  if (entity) cols[entity] = out.entity;
  cols[s.year] = out.year;
  cols.flow = out.flow;
  cols.stock = out.stock;
  if (s.initial === "steady-state") cols.growth = growths;
  return finiteResult("knowledgeStock", { table: aq.table(cols), warnings });
}

/** The options of {@link knowledgeStock}, validated, with their defaults. */
interface StockSettings {
  readonly entity: string | null | undefined;
  readonly year: string;
  readonly value: string;
  readonly delta: number;
  readonly initial: "zero" | "steady-state";
  readonly growth: number | undefined;
  readonly growthYears: number;
}

function stockSettings(options: KnowledgeStockOptions): StockSettings {
  const { entity, year = "year", value = "value", delta = 0.15, initial = "zero", growth, growthYears = 5 } =
    options;
  const c = new ParamChecker("options of knowledgeStock");
  if (!(typeof delta === "number" && delta >= 0 && delta < 1)) c.add("delta", "a number in [0, 1)", delta);
  if (initial !== "zero" && initial !== "steady-state") c.add("initial", '"zero" or "steady-state"', initial);
  if (growth !== undefined && !(typeof growth === "number" && Number.isFinite(growth) && growth > -1)) {
    c.add("growth", "a finite number > −1", growth);
  }
  if (!(Number.isInteger(growthYears) && growthYears >= 1)) {
    c.add("growthYears", "an integer ≥ 1", growthYears);
  }
  c.done();
  return { entity, year, value, delta, initial, growth, growthYears };
}

/** One flow of a series, with its 1-based input row. */
interface Flow {
  readonly year: number;
  readonly flow: number;
  readonly row: number;
}

/** The rows grouped by entity ("" for one series), each sorted by year and checked for consecutive years. */
function readSeries(table: ColumnTable, s: StockSettings & { entity: string | null }): Map<string, Flow[]> {
  const { entity, year, value } = s;
  const missing = missingColumns(table.columnNames(), [year, value, ...(entity ? [entity] : [])]);
  if (missing.length) throw new ValidationError("input of knowledgeStock", missing);
  const gy = table.getter(year), gv = table.getter(value), gi = entity ? table.getter(entity) : () => "";
  const issues: ValidationIssue[] = [];
  const groups = new Map<string, Flow[]>();
  for (let r = 0; r < table.numRows(); r++) {
    const y = gy(r), v = gv(r), k = gi(r);
    if (!Number.isInteger(y)) {
      issues.push({ row: r + 1, column: year, expected: "an integer year", received: describeValue(y) });
    }
    if (!(typeof v === "number" && Number.isFinite(v) && v >= 0)) {
      issues.push({ row: r + 1, column: value, expected: "a finite flow ≥ 0", received: describeValue(v) });
    }
    if (entity && typeof k !== "string" && typeof k !== "number") {
      issues.push({ row: r + 1, column: entity, expected: "an entity (text)", received: describeValue(k) });
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
          expected: `year ${rows[k - 1]!.year + 1} (consecutive years${
            entity ? ` for ${entity} "${key}"` : ""
          })`,
          received: describeValue(rows[k]!.year),
        });
      }
    }
  }
  if (issues.length) throw new ValidationError("input of knowledgeStock", issues);
  return groups;
}

/** K_0 of one series and the growth g used (NaN for the `"zero"` start or when g is undefined). */
function initialStock(
  rows: readonly Flow[],
  s: StockSettings,
  who: string,
  warnings: string[],
): { k0: number; g: number } {
  const p0 = rows[0]!.flow;
  if (s.initial !== "steady-state") return { k0: p0, g: NaN };
  let g = NaN;
  if (s.growth !== undefined) g = s.growth;
  else {
    const m = Math.min(s.growthYears, rows.length - 1);
    const pm = m >= 1 ? rows[m]!.flow : NaN;
    if (m >= 1 && p0 > 0 && pm > 0) g = Math.pow(pm / p0, 1 / m) - 1;
    else {
      warnings.push(
        `${who}: pre-sample growth cannot be estimated (${
          m < 1 ? "one year only" : `P_0 = ${p0}, P_${m} = ${pm}`
        }); started at K_0 = P_0`,
      );
    }
  }
  if (!Number.isFinite(g)) return { k0: p0, g };
  if (g + s.delta > 0) return { k0: p0 / (g + s.delta), g };
  warnings.push(
    `${who}: g + δ = ${g + s.delta} ≤ 0, the steady-state start is undefined; started at K_0 = P_0`,
  );
  return { k0: p0, g: NaN };
}
