/**
 * Composite indices from a long indicator panel (entity × year × indicator): the knowledge-stock composite K
 * (perpetual-inventory R&D or patent stocks, papers, researchers) and, with other indicators, the
 * alliance-stock composite A of the knowledge × alliance governance quadrants (a design grounded in Menzel &
 * Fornahl 2010, Giuliani & Bell 2005 and Grandori 2001; see `classifyGovernance`). Flows can be turned into perpetual-inventory stocks first (via
 * {@link knowledgeStock}); the composite is the entropy-weighted score over the pooled panel
 * ({@link entropyWeights}), so years compare.
 *
 * @module
 */
import * as aq from "../deps/arquero.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import { type TableInput, toTable } from "../data/adapters.ts";
import { missingColumns } from "../core/checks.ts";
import { renamedOptions } from "../core/deprecated.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../core/validation_error.ts";
import { entropyWeights, type IndicatorDirection } from "./entropy_weights.ts";
import { knowledgeStock } from "./knowledge_stock.ts";
import { finiteResult } from "./finite_result.ts";

/** How one indicator of {@link panelComposite} is accumulated into a perpetual-inventory stock. */
export interface StockSpec {
  /** Depreciation rate δ (default 0.15). */
  readonly delta?: number;
  /** Initial stock: `"zero"` (K_0 = P_0, default) or `"steady-state"` (K_0 = P_0/(g + δ)). */
  readonly initial?: "zero" | "steady-state";
  /** Pre-sample growth g for `"steady-state"` (default: estimated per entity, as {@link knowledgeStock}). */
  readonly growth?: number;
}

/** Options of {@link panelComposite}. */
export interface PanelCompositeOptions {
  /** Indicators of the composite and their directions (names as in the `indicator` column). */
  readonly indicators: Readonly<Record<string, IndicatorDirection>>;
  /**
   * Indicators that are flows to accumulate into perpetual-inventory stocks K_t = (1 − δ)K_{t−1} + P_t before
   * weighting (Griliches 1979; Hall, Jaffe & Trajtenberg 2005), as in {@link knowledgeStock}. The stock
   * replaces the flow under the same name.
   */
  readonly stocks?: Readonly<Record<string, StockSpec>>;
  /** Keep only these years after the stocks are built (stocks use every year of the panel). */
  readonly years?: readonly number[];
  /** Column of the entity (default `"entity"`, as in the `PANEL` schema). */
  readonly entity?: string;
  /** Column of the year (default `"year"`). */
  readonly year?: string;
  /** Column of the indicator name (default `"indicator"`). */
  readonly indicator?: string;
  /** Column of the value (default `"value"`). */
  readonly value?: string;
  /**
   * @deprecated Use the options `entity`, `year`, `indicator`, `value`: the 0.1 form of the same column names
   * (a column named both ways is an error).
   */
  readonly columns?: {
    readonly entity?: string;
    readonly year?: string;
    readonly indicator?: string;
    readonly value?: string;
  };
  /** Name of the composite column (default "score"). */
  readonly scoreName?: string;
  /** ε of the min–max shrink (default 0.002). */
  readonly epsilon?: number;
}

/** Result of {@link panelComposite}. */
export interface PanelCompositeResult {
  /** One row per entity and year: `entity`, `year`, each indicator (stocks where asked) and the composite. */
  readonly table: ColumnTable;
  /** Entropy weights per indicator. */
  readonly weights: Readonly<Record<string, number>>;
  /** Notes on degenerate input (entity-years left out, constant indicators). */
  readonly warnings: readonly string[];
}

/**
 * Pivot a long panel to one row per entity × year with one column per indicator, build perpetual-inventory
 * stocks for the `stocks` indicators, and score the rows with entropy weights over the pooled panel
 * ({@link entropyWeights}), so years compare.
 *
 * Entity-years that lack any indicator of the composite are left out, and `warnings` lists how many and
 * which (nothing is dropped silently). Duplicate (entity, year, indicator) cells are an error.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { panelComposite } from "clusterlab";
 * const panel = [
 *   { entity: "A", year: 2020, indicator: "rd", value: 10 }, { entity: "A", year: 2020, indicator: "papers", value: 5 },
 *   { entity: "B", year: 2020, indicator: "rd", value: 30 }, { entity: "B", year: 2020, indicator: "papers", value: 1 },
 * ];
 * const { table, weights } = panelComposite(panel, { indicators: { rd: "+", papers: "+" } });
 * assert.deepEqual(table.columnNames(), ["entity", "year", "rd", "papers", "score"]);
 * // two rows: each indicator is scaled to ε and 1 − ε, so both have the same entropy and weight ½
 * assert.deepEqual(weights, { rd: 0.5, papers: 0.5 });
 * assert.deepEqual(table.array("score"), [0.5, 0.5]);
 * ```
 */
export function panelComposite(input: TableInput, options: PanelCompositeOptions): PanelCompositeResult {
  const named = columnOptions(options);
  const cols: PanelColumns = {
    entity: named.entity ?? "entity",
    year: named.year ?? "year",
    indicator: named.indicator ?? "indicator",
    value: named.value ?? "value",
  };
  const names = Object.keys(options.indicators ?? {});
  const table = toTable(input);
  const issues = missingColumns(table.columnNames(), Object.values(cols));
  for (const s of Object.keys(options.stocks ?? {})) {
    if (!names.includes(s)) {
      issues.push({
        column: `stocks.${s}`,
        expected: `one of the indicators ${names.join(", ")}`,
        received: `"${s}"`,
      });
    }
  }
  if (issues.length > 0) throw new ValidationError("input of panelComposite", issues);
  const cells = pivot(table, cols, new Set(names));
  const warnings: string[] = [];
  for (const [ind, spec] of Object.entries(options.stocks ?? {})) accumulate(cells, ind, spec, warnings);
  const rows = completeRows(cells, names, options.years, warnings);
  if (rows.length === 0) {
    throw new ValidationError("input of panelComposite", [{
      column: cols.indicator,
      expected: `at least one entity-year with every indicator (${names.join(", ")})`,
      received: "none",
    }]);
  }
  const ew = entropyWeights(aq.from(rows), {
    indicators: options.indicators,
    epsilon: options.epsilon,
    scoreName: options.scoreName ?? "score",
  });
  return finiteResult("panelComposite", {
    table: ew.table,
    weights: ew.weights,
    warnings: [...warnings, ...ew.warnings],
  });
}

/** The column options, the deprecated 0.1 `columns: { entity, year, indicator, value }` read as them. */
function columnOptions(options: PanelCompositeOptions): Partial<PanelColumns> {
  const { entity, year, indicator, value, columns = {} } = options;
  const flat: Record<string, string | undefined> = { entity, year, indicator, value };
  for (const [k, v] of Object.entries(columns)) flat[`columns.${k}`] = v;
  return renamedOptions("options of panelComposite", flat, {
    "columns.entity": "entity",
    "columns.year": "year",
    "columns.indicator": "indicator",
    "columns.value": "value",
  });
}

/** The four columns of a long panel. */
interface PanelColumns {
  readonly entity: string;
  readonly year: string;
  readonly indicator: string;
  readonly value: string;
}

/** Panel cells: entity → year → indicator → value. */
type Cells = Map<string, Map<number, Map<string, number>>>;

/** Pivot the rows of the `wanted` indicators, checking every cell and reporting duplicates. */
function pivot(table: ColumnTable, cols: PanelColumns, wanted: ReadonlySet<string>): Cells {
  const issues: ValidationIssue[] = [];
  const gE = table.getter(cols.entity), gY = table.getter(cols.year);
  const gI = table.getter(cols.indicator), gV = table.getter(cols.value);
  const cells: Cells = new Map();
  for (let i = 0; i < table.numRows(); i++) {
    const ind = String(gI(i));
    if (!wanted.has(ind)) continue;
    const e = gE(i), y = gY(i), v = gV(i);
    if (typeof e !== "string" || e === "") {
      issues.push({
        row: i + 1,
        column: cols.entity,
        expected: "a non-empty text",
        received: describeValue(e),
      });
    }
    if (!Number.isInteger(y)) {
      issues.push({ row: i + 1, column: cols.year, expected: "an integer", received: describeValue(y) });
    }
    if (typeof v !== "number" || !Number.isFinite(v)) {
      issues.push({
        row: i + 1,
        column: cols.value,
        expected: "a finite number",
        received: describeValue(v),
      });
    }
    if (issues.length > 0) continue;
    let byYear = cells.get(e as string);
    if (!byYear) cells.set(e as string, byYear = new Map());
    let byInd = byYear.get(y as number);
    if (!byInd) byYear.set(y as number, byInd = new Map());
    if (byInd.has(ind)) {
      issues.push({
        row: i + 1,
        column: `${cols.entity} + ${cols.year} + ${cols.indicator}`,
        expected: "a unique (entity, year, indicator)",
        received: `${JSON.stringify(e)}, ${y}, ${JSON.stringify(ind)} (duplicate)`,
      });
    }
    byInd.set(ind, v as number);
  }
  if (issues.length > 0) throw new ValidationError("input of panelComposite", issues);
  return cells;
}

/** Replace the flows of indicator `ind` by their perpetual-inventory stocks, entity by entity. */
function accumulate(cells: Cells, ind: string, spec: StockSpec, warnings: string[]): void {
  const flows: { entity: string; year: number; value: number }[] = [];
  for (const [e, byYear] of cells) {
    for (const [y, byInd] of byYear) {
      if (byInd.has(ind)) flows.push({ entity: e, year: y, value: byInd.get(ind)! });
    }
  }
  flows.sort((a, b) => (a.entity < b.entity ? -1 : a.entity > b.entity ? 1 : a.year - b.year));
  const stock = knowledgeStock(flows, {
    entity: "entity",
    delta: spec.delta ?? 0.15,
    initial: spec.initial ?? "zero",
    growth: spec.growth,
  });
  warnings.push(...stock.warnings.map((w) => `${ind} stock: ${w}`));
  const t = stock.table;
  const sE = t.getter("entity"), sY = t.getter("year"), sS = t.getter("stock");
  for (let i = 0; i < t.numRows(); i++) {
    cells.get(sE(i) as string)!.get(sY(i) as number)!.set(ind, sS(i) as number);
  }
}

/** One row per entity-year (of `years`, when given) with every indicator; the incomplete ones are warned of. */
function completeRows(
  cells: Cells,
  names: readonly string[],
  years: readonly number[] | undefined,
  warnings: string[],
): Record<string, unknown>[] {
  const keepYears = years ? new Set(years) : undefined;
  const rows: Record<string, unknown>[] = [];
  const incomplete: string[] = [];
  for (const e of [...cells.keys()].sort()) {
    const byYear = cells.get(e)!;
    for (const y of [...byYear.keys()].sort((a, b) => a - b)) {
      if (keepYears && !keepYears.has(y)) continue;
      const byInd = byYear.get(y)!;
      const missing = names.filter((n) => !byInd.has(n));
      if (missing.length > 0) {
        incomplete.push(`${e} ${y} (${missing.join(", ")})`);
        continue;
      }
      const row: Record<string, unknown> = { entity: e, year: y };
      for (const n of names) row[n] = byInd.get(n);
      rows.push(row);
    }
  }
  if (incomplete.length > 0) {
    warnings.push(
      `${incomplete.length} entity-years lack an indicator and are left out: ${
        incomplete.slice(0, 8).join("; ")
      }${incomplete.length > 8 ? "; …" : ""}`,
    );
  }
  return rows;
}
