/**
 * Technology fields ranked by complexity 按复杂度排序的技术领域: the indicator pipeline
 * counts → location quotient (Balassa 1965) → presence M = 1[LQ ≥ 1] → product (field) complexity PCI
 * (Hausmann et al. 2014, eigenvector, Stata convention; or reflections, or fitness), from a long table of
 * counts such as `loadDataset("nsf-patents")` (economy × WIPO field × series × year). The ranking is what the
 * "concentrate on the major" policy scenario (`policyScenario`) takes as its list of major fields.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { rankFieldsByComplexity } from "clusterlab";
 * const counts = [[5, 2, 0], [5, 0, 0], [3, 5, 8], [8, 5, 0]]; // regions r1…r4 × fields A, B, C
 * const rows = counts.flatMap((row, i) =>
 *   row.map((value, j) => ({ region: `r${i + 1}`, sector: "ABC"[j]!, value }))
 * );
 * // LQ ≥ 1: r1 {A}, r2 {A}, r3 {B, C}, r4 {A, B}; so A is held by 3 regions, B by 2, C only by r3
 * const r = rankFieldsByComplexity(rows, { focus: "r3" });
 * assert.deepEqual(r.ranked, ["C", "B", "A"]); // the rarer the field, the more complex
 * assert.deepEqual(r.table.array("ubiquity"), [1, 2, 3]);
 * assert.equal(r.table.get("focus_lq", 0), (8 / 16) / (8 / 41)); // r3's LQ in C
 * ```
 * @module
 */
import * as aq from "../deps/arquero.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import { type TableInput, toTable } from "../data/adapters.ts";
import { ParamChecker } from "../core/checks.ts";
import { renamedOptions } from "../core/deprecated.ts";
import { matrixFrom } from "./matrix.ts";
import { locationQuotient } from "./location_quotient.ts";
import { presence } from "./presence.ts";
import { complexity, type ComplexityResult } from "./complexity.ts";
import { finiteResult } from "./finite_result.ts";

/** Options of {@link rankFieldsByComplexity}. */
export interface RankFieldsByComplexityOptions {
  /** Column of the economy (region) (default "region"; `nsf-patents`: "economy"). */
  readonly region?: string;
  /** Column of the field (sector) (default "sector"; `nsf-patents`: "field"). */
  readonly sector?: string;
  /** Column of the counts (default "value"; `nsf-patents`: "patents"). */
  readonly value?: string;
  /** Column of the year, used by `years` (default "year"). */
  readonly year?: string;
  /** Keep rows whose `series` column equals this (default "IPF" when the table has a `series` column;
   * `null` keeps every row). */
  readonly series?: string | null;
  /** Keep rows with a year in [from, to] (inclusive; default all years); counts are summed over the years. */
  readonly years?: readonly [number, number];
  /** Complexity method (default "eigenvector", the PCI of Hausmann et al. 2014). */
  readonly method?: "eigenvector" | "reflections" | "fitness";
  /** An economy whose counts, location quotients and presence are added to the table. */
  readonly focus?: string;
  /** Column with the field's Chinese name, carried into the table as `field_zh` when present (default
   * "field_zh"). */
  readonly fieldZh?: string;
  /** @deprecated Use `region`: the same option under its 0.1 name (giving both is an error). */
  readonly economy?: string;
  /** @deprecated Use `sector`: the same option under its 0.1 name (giving both is an error). */
  readonly field?: string;
}

/** @deprecated Use {@link RankFieldsByComplexityOptions} (the same type under its 0.1 name). */
export type RankFieldsOptions = RankFieldsByComplexityOptions;

/** Result of {@link rankFieldsByComplexity}. */
export interface RankedFields {
  /** One row per field, most complex first: `rank` (1 = most complex), `field`, `field_zh` (when available),
   * `pci`, `ubiquity`, and with `focus`: `focus_value`, `focus_lq`, `focus_present`. */
  readonly table: ColumnTable;
  /** Field names, most complex first. */
  readonly ranked: string[];
  /** The complexity result (ECI of economies, PCI of fields, …). */
  readonly complexity: ComplexityResult;
  /** Notes on degenerate input, from the location quotients, the presence matrix and the complexity. */
  readonly warnings: readonly string[];
}

interface Columns {
  readonly region: string;
  readonly sector: string;
  readonly value: string;
  readonly year: string;
  readonly zh: string;
  readonly series: string | null;
  readonly method: "eigenvector" | "reflections" | "fitness";
}

/**
 * The column options, and the 0.1 defaults `economy`, `field`, `patents` for a 0.1 call: one that names its
 * columns `economy`/`field`, or names no region or sector column on a table with `economy` and `field` columns
 * but no `region` or `sector` column (as `nsf-patents`).
 */
function columnDefaults(names: readonly string[], options: RankFieldsByComplexityOptions) {
  const o = renamedOptions("options of rankFieldsByComplexity", options, {
    economy: "region",
    field: "sector",
  });
  const v01 = options.economy !== undefined || options.field !== undefined ||
    (o.region === undefined && o.sector === undefined && !names.includes("region") &&
      !names.includes("sector") && names.includes("economy") && names.includes("field"));
  return {
    region: o.region ?? (v01 ? "economy" : "region"),
    sector: o.sector ?? (v01 ? "field" : "sector"),
    value: o.value ?? (v01 && names.includes("patents") ? "patents" : "value"),
    year: o.year ?? "year",
  };
}

function checkOptions(names: readonly string[], options: RankFieldsByComplexityOptions): Columns {
  const cols = columnDefaults(names, options);
  const c = new ParamChecker("input of rankFieldsByComplexity");
  for (
    const [opt, col] of [["region", cols.region], ["sector", cols.sector], ["value", cols.value]] as const
  ) {
    if (!names.includes(col)) {
      c.add(opt, `a column of the table (${names.join(", ")})`, col, "missing column");
    }
  }
  const series = options.series === undefined ? (names.includes("series") ? "IPF" : null) : options.series;
  if (series !== null) {
    if (typeof series !== "string") c.add("series", "a text value or null", series);
    else if (!names.includes("series")) c.add("series", "a table with a `series` column", "no such column");
  }
  if (options.years !== undefined) {
    const y = options.years;
    if (!Array.isArray(y) || y.length !== 2 || !(y[0] <= y[1])) {
      c.add("years", "[from, to] with from ≤ to", y);
    } else if (!names.includes(cols.year)) {
      c.add("years", `a table with a \`${cols.year}\` column`, "no such column");
    }
  }
  const method = options.method ?? "eigenvector";
  if (!["eigenvector", "reflections", "fitness"].includes(method)) {
    c.add("method", '"eigenvector", "reflections" or "fitness"', method);
  }
  c.done();
  return { ...cols, zh: options.fieldZh ?? "field_zh", series, method };
}

/** The rows of the chosen series and years (an error when none is left). */
function selectRows(table: ColumnTable, cols: Columns, years: readonly [number, number] | undefined) {
  let t = table;
  const { series, year } = cols;
  if (series !== null) t = t.filter(aq.escape((d: Record<string, unknown>) => d.series === series));
  if (years) {
    const [y0, y1] = years;
    t = t.filter(
      aq.escape((d: Record<string, unknown>) => (d[year] as number) >= y0 && (d[year] as number) <= y1),
    );
  }
  if (t.numRows() === 0) {
    const e = new ParamChecker("input of rankFieldsByComplexity");
    e.add("series/years", "filters that keep some rows", `series ${series}, years ${years ?? "all"}`);
    e.done();
  }
  return t;
}

/**
 * Rank technology fields by complexity (PCI; technology complexity when the sectors are patent fields) from a
 * long table of counts: filter the series and years, sum, then LQ (Balassa 1965) → presence M = 1[LQ ≥ 1] →
 * `complexity` (eigenvector PCI, Hausmann et al. 2014, Stata convention; or reflections / fitness).
 *
 * Caveat, seen on the NSF data: with only 36 economies the second eigenvector may separate specialisation
 * profiles (East-Asian ICT vs materials and chemistry) rather than sophistication; compare
 * `method: "fitness"` before calling a field "strategic".
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadDataset, rankFieldsByComplexity } from "clusterlab";
 * const patents = await loadDataset("nsf-patents");
 * const r = rankFieldsByComplexity(patents, {
 *   region: "economy", sector: "field", value: "patents", years: [2016, 2020], focus: "China",
 * });
 * assert.equal(r.ranked.length, 35); // the 35 WIPO fields
 * assert.deepEqual(r.table.array("rank"), Array.from({ length: 35 }, (_, i) => i + 1));
 * ```
 */
export function rankFieldsByComplexity(
  input: TableInput,
  options: RankFieldsByComplexityOptions = {},
): RankedFields {
  const table = toTable(input);
  const names = table.columnNames();
  const cols = checkOptions(names, options);
  const t = selectRows(table, cols, options.years);
  const x = matrixFrom(t, {
    region: cols.region,
    sector: cols.sector,
    value: cols.value,
    duplicates: "sum",
    year: null,
  });
  const lq = locationQuotient(x);
  const M = presence(lq);
  const cx = complexity(M, { method: cols.method });
  // the sum over the chosen years is this function's documented aggregation, not a finding to warn about
  const read = x.warnings.filter((w) => !w.includes('summed (duplicates: "sum")'));
  const warnings = [...read, ...lq.warnings, ...M.warnings, ...cx.warnings];
  const ranked = cx.pci.ranked().filter((f) => Number.isFinite(cx.pci.get(f)));
  const zh = new Map<string, string>();
  if (names.includes(cols.zh)) {
    const fs = t.array(cols.sector) as ArrayLike<string>, zs = t.array(cols.zh) as ArrayLike<string>;
    for (let i = 0; i < fs.length; i++) if (!zh.has(String(fs[i]))) zh.set(String(fs[i]), String(zs[i]));
  }
  const focus = options.focus;
  if (focus !== undefined && !x.rows.includes(focus)) {
    const e = new ParamChecker("input of rankFieldsByComplexity");
    e.add("focus", `an economy of the table (${x.rows.slice(0, 5).join(", ")}, …)`, focus);
    e.done();
  }
  const rows = ranked.map((f, i) => {
    const row: Record<string, unknown> = { rank: i + 1, field: f };
    if (zh.size) row.field_zh = zh.get(f) ?? "";
    row.pci = cx.pci.get(f);
    row.ubiquity = cx.ubiquity.get(f);
    if (focus !== undefined) {
      row.focus_value = x.get(focus, f);
      row.focus_lq = lq.get(focus, f);
      row.focus_present = M.get(focus, f) === 1;
    }
    return row;
  });
  // the fitness method has no ECI s.d.: `complexity.sd` is NaN by its documented definition
  return finiteResult("rankFieldsByComplexity", { table: aq.from(rows), ranked, complexity: cx, warnings }, {
    allow: ["complexity.sd"],
  });
}
