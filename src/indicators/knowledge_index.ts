/**
 * Composite indices from a long indicator panel (entity × year × indicator): the knowledge-stock composite K
 * of DESIGN §3.2 (perpetual-inventory R&D or patent stocks, papers, researchers) and, with other indicators,
 * the alliance-stock composite A. Flows can be turned into perpetual-inventory stocks first (via
 * {@link knowledgeStock}); the composite is the entropy-weighted score over the pooled panel
 * ({@link entropyWeights}), so years compare.
 *
 * @module
 */
import * as aq from "arquero";
import type { ColumnTable } from "arquero";
import { type TableInput, toTable } from "../data/adapters.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../data/validation_error.ts";
import { entropyWeights, type IndicatorDirection } from "./entropy_weights.ts";
import { knowledgeStock } from "./knowledge_stock.ts";

/** Options of {@link panelComposite}. */
export interface PanelCompositeOptions {
  /** Indicators of the composite and their directions (names as in the `indicator` column). */
  readonly indicators: Readonly<Record<string, IndicatorDirection>>;
  /**
   * Indicators that are flows to accumulate into perpetual-inventory stocks K_t = (1 − δ)K_{t−1} + P_t before
   * weighting (Griliches 1979; Hall, Jaffe & Trajtenberg 2005), with their depreciation δ (default 0.15)
   * and initial stock (`"zero"`, K_0 = P_0, default; or `"steady-state"`, K_0 = P_0/(g + δ) with `growth` g
   * given or estimated per entity, as in {@link knowledgeStock}). The stock replaces the flow under the same
   * name.
   */
  readonly stocks?: Readonly<
    Record<string, {
      readonly delta?: number;
      readonly initial?: "zero" | "steady-state";
      readonly growth?: number;
    }>
  >;
  /** Keep only these years after the stocks are built (stocks use every year of the panel). */
  readonly years?: readonly number[];
  /** Column names of the long panel (defaults: entity, year, indicator, value). */
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
  /** Notes on degenerate input (missing cells dropped, constant indicators). */
  readonly warnings: readonly string[];
}

/**
 * Pivot a long panel to one row per entity × year with one column per indicator, build perpetual-inventory
 * stocks for the `stocks` indicators, and score the rows with entropy weights over the pooled panel.
 *
 * Entity-years that lack any indicator of the composite are left out, and `warnings` lists how many and
 * which (nothing is dropped silently). Duplicate (entity, year, indicator) cells are an error.
 *
 * @example
 * ```ts
 * import { panelComposite } from "clusterlab";
 * const panel = [
 *   { entity: "A", year: 2020, indicator: "rd", value: 10 }, { entity: "A", year: 2020, indicator: "papers", value: 5 },
 *   { entity: "B", year: 2020, indicator: "rd", value: 30 }, { entity: "B", year: 2020, indicator: "papers", value: 1 },
 * ];
 * const { table, weights } = panelComposite(panel, { indicators: { rd: "+", papers: "+" } });
 * table.columnNames(); // ["entity", "year", "rd", "papers", "score"]
 * ```
 */
export function panelComposite(input: TableInput, options: PanelCompositeOptions): PanelCompositeResult {
  const cols = {
    entity: options.columns?.entity ?? "entity",
    year: options.columns?.year ?? "year",
    indicator: options.columns?.indicator ?? "indicator",
    value: options.columns?.value ?? "value",
  };
  const names = Object.keys(options.indicators ?? {});
  const table = toTable(input);
  const issues: ValidationIssue[] = [];
  const have = new Set(table.columnNames());
  for (const c of Object.values(cols)) {
    if (!have.has(c)) {
      issues.push({ column: c, expected: `a column "${c}"`, received: `columns ${[...have].join(", ")}` });
    }
  }
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

  // Pivot: entity → year → indicator → value.
  const wanted = new Set(names);
  const gE = table.getter(cols.entity), gY = table.getter(cols.year);
  const gI = table.getter(cols.indicator), gV = table.getter(cols.value);
  const cells = new Map<string, Map<number, Map<string, number>>>();
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

  // Perpetual-inventory stocks per entity (each over the entity's consecutive run of years with a flow).
  const warnings: string[] = [];
  for (const [ind, spec] of Object.entries(options.stocks ?? {})) {
    const flows: { entity: string; year: number; value: number }[] = [];
    for (const [e, byYear] of cells) {
      for (const [y, byInd] of byYear) {
        if (byInd.has(ind)) flows.push({ entity: e, year: y, value: byInd.get(ind)! });
      }
    }
    flows.sort((a, b) => (a.entity < b.entity ? -1 : a.entity > b.entity ? 1 : a.year - b.year));
    const stock = knowledgeStock(flows, {
      id: "entity",
      delta: spec.delta ?? 0.15,
      initial: spec.initial ?? "zero",
      growth: spec.growth,
    });
    warnings.push(...stock.warnings.map((w) => `${ind} stock: ${w}`));
    const sE = stock.getter("entity"), sY = stock.getter("year"), sS = stock.getter("stock");
    for (let i = 0; i < stock.numRows(); i++) {
      cells.get(sE(i) as string)!.get(sY(i) as number)!.set(ind, sS(i) as number);
    }
  }

  const keepYears = options.years ? new Set(options.years) : undefined;
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
  return { table: ew.scores, weights: ew.weights, warnings: [...warnings, ...ew.warnings] };
}
