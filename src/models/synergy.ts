/**
 * Composite-system synergy degree 复合系统协同度 (孟庆松 & 韩文秀 2000, 《天津大学学报》33(4):444–446).
 *
 * Each subsystem j has order parameters e_ji with bounds α_ji ≤ e_ji ≤ β_ji. Order degree of a parameter:
 * u(e_ji) = (e_ji − α_ji)/(β_ji − α_ji) for a positive indicator, (β_ji − e_ji)/(β_ji − α_ji) for a negative one.
 * Subsystem order degree: weighted geometric mean u_j = Π_i u(e_ji)^{λ_i} (the paper's form; `aggregate:
 * "linear"` gives Σ λ_i u(e_ji)). Synergy between a base time t₀ and t₁:
 * C = θ · (Π_j |u_j(t₁) − u_j(t₀)|)^{1/k}, θ = +1 if every u_j increased, −1 otherwise; C ∈ [−1, 1].
 * Bounds default to the pooled min and max over the panel (design choice, `bounds` overrides).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { synergyDegree } from "clusterlab";
 * // two subsystems whose order degrees both rise by 0.25 → C = +(0.25 · 0.25)^{1/2} = 0.25
 * assert.deepEqual(synergyDegree([[0, 0], [0.25, 0.25]], { bounds: [[0, 1], [0, 1]] }).synergy, [0.25]);
 * ```
 * @module
 */
import * as aq from "../deps/arquero.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import { type TableInput, toTable } from "../data/adapters.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../core/validation_error.ts";
import { ParamChecker } from "../core/checks.ts";
import { finiteResult } from "../indicators/finite_result.ts";
import { checkUniqueKey } from "../data/keys.ts";
import { mergeGivenOnce } from "../core/deprecated.ts";

/** Options of {@link synergyDegree}. */
export interface SynergyDegreeOptions {
  /** Subsystem of each column (default: each column its own subsystem). */
  readonly subsystem?: readonly string[];
  /** Direction of each column: +1 (more is better) or −1 (default all +1). */
  readonly direction?: readonly (1 | -1)[];
  /** Weight λ of each column within its subsystem (normalised per subsystem; default equal). */
  readonly weights?: readonly number[];
  /** [α, β] per column (default: min and max of the column over all rows). */
  readonly bounds?: readonly (readonly [number, number])[];
  /** Geometric (default, the paper) or linear aggregation within a subsystem. */
  readonly aggregate?: "geometric" | "linear";
  /** `"previous"` (default): each row against the one before; `"base"`: each row against row 0. */
  readonly reference?: "previous" | "base";
}

/** @deprecated Use {@link SynergyDegreeOptions} (the same type under its 0.1 name). */
export type SynergyOptions = SynergyDegreeOptions;

/** Result of {@link synergyDegree}. */
export interface SynergyResult {
  /** Subsystem names in order. */
  readonly subsystems: string[];
  /** Order degree u_j per row (row-major: rows × subsystems). */
  readonly order: number[][];
  /** Synergy per row from row 1 on (length rows − 1). */
  readonly synergy: number[];
  /** Degenerate columns (β = α) and other notes. */
  readonly warnings: readonly string[];
}

/**
 * Synergy degree of a composite system over time. `values` has one row per time and one column per order
 * parameter.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { synergyDegree } from "clusterlab";
 * // pooled bounds [1, 3] and [8, 12]: order degrees (0, 0.5), (0.5, 0), (1, 1)
 * const r = synergyDegree([[1, 10], [2, 8], [3, 12]]);
 * assert.deepEqual(r.order, [[0, 0.5], [0.5, 0], [1, 1]]);
 * // t = 1: one subsystem fell → θ = −1, C = −√(0.5 · 0.5); t = 2: both rose → C = +√(0.5 · 1)
 * assert.deepEqual(r.synergy, [-0.5, Math.sqrt(0.5)]);
 * ```
 */
export function synergyDegree(
  values: readonly (readonly number[])[],
  options: SynergyDegreeOptions = {},
): SynergyResult {
  const chk = new ParamChecker("input of synergyDegree");
  const T = values.length;
  const m = T > 0 ? values[0]!.length : 0;
  if (T < 2) chk.add("values", "at least 2 rows (times)", `${T} rows`);
  values.forEach((row, t) => chk.vector(`values[${t}]`, row, m));
  const subsystem = options.subsystem ?? Array.from({ length: m }, (_, i) => `S${i + 1}`);
  if (subsystem.length !== m) chk.add("subsystem", `${m} names`, `${subsystem.length}`);
  const dir = options.direction ?? new Array(m).fill(1);
  if (dir.length !== m || dir.some((d) => d !== 1 && d !== -1)) {
    chk.add("direction", `${m} values of +1 or −1`, dir);
  }
  const w = options.weights ?? new Array(m).fill(1);
  chk.vector("weights", w, m, { min: 0, open: true });
  if (options.bounds !== undefined && options.bounds.length !== m) {
    chk.add("bounds", `${m} [α, β] pairs`, options.bounds);
  }
  chk.done();
  const warnings: string[] = [];
  const bounds = options.bounds ?? Array.from({ length: m }, (_, i) => {
    let lo = Infinity, hi = -Infinity;
    for (const row of values) {
      lo = Math.min(lo, row[i]!);
      hi = Math.max(hi, row[i]!);
    }
    return [lo, hi] as const;
  });
  const names = [...new Set(subsystem)];
  const wsum = new Map<string, number>();
  subsystem.forEach((s, i) => wsum.set(s, (wsum.get(s) ?? 0) + w[i]!));
  bounds.forEach(([a, b], i) => {
    if (!(b > a)) warnings.push(`column ${i + 1}: β = α (${a}); its order degree is set to 1`);
    else if (options.bounds !== undefined) {
      const out = values.filter((row) => row[i]! < a || row[i]! > b).length;
      if (out > 0) {
        warnings.push(
          `column ${i + 1}: ${out} value(s) outside [${a}, ${b}]; their order degree is clamped to [0, 1]`,
        );
      }
    }
  });
  const geometric = (options.aggregate ?? "geometric") === "geometric";
  const order = values.map((row) =>
    names.map((s) => {
      let acc = geometric ? 1 : 0;
      row.forEach((e, i) => {
        if (subsystem[i] !== s) return;
        const [a, b] = bounds[i]!;
        const u0 = b > a ? (dir[i] === 1 ? (e - a) / (b - a) : (b - e) / (b - a)) : 1;
        const u = Math.min(1, Math.max(0, u0));
        const lam = w[i]! / wsum.get(s)!;
        if (geometric) acc *= u ** lam;
        else acc += lam * u;
      });
      return acc;
    })
  );
  const k = names.length;
  const synergy: number[] = [];
  for (let t = 1; t < T; t++) {
    const ref = options.reference === "base" ? order[0]! : order[t - 1]!;
    let prod = 1;
    let allUp = true;
    for (let j = 0; j < k; j++) {
      const d = order[t]![j]! - ref[j]!;
      if (!(d > 0)) allUp = false;
      prod *= Math.abs(d);
    }
    synergy.push(prod === 0 ? 0 : (allUp ? 1 : -1) * prod ** (1 / k));
  }
  return finiteResult("synergyDegree", { subsystems: names, order, synergy, warnings });
}

/** Options of {@link synergyPanel}. */
export interface SynergyPanelOptions {
  /** Indicator → −1 for a negative indicator (default +1). */
  readonly direction?: Readonly<Record<string, 1 | -1>>;
  /** Column of the entities (default "entity"). */
  readonly entity?: string;
  /** Column of the years (default "year"). */
  readonly year?: string;
  /** Column of the indicator names, the keys of `subsystems` (default "indicator"). */
  readonly indicator?: string;
  /** Column of the indicator values (default "value"). */
  readonly value?: string;
  /** A column copied into the result as `label` (e.g. "entity_en"). */
  readonly label?: string;
  /** `"pooled"` (default): bounds α, β = min and max over every entity and year, so entities are comparable;
   * `"entity"`: each entity's own min and max. Design choice. */
  readonly bounds?: "pooled" | "entity";
  /** Geometric (default, the paper) or linear aggregation of the order degrees within a subsystem. */
  readonly aggregate?: "geometric" | "linear";
  /** `"previous"` (default): each year against the entity's previous observed year; `"base"`: each year
   * against the entity's first year. */
  readonly reference?: "previous" | "base";
}

/** Result of {@link synergyPanel}. */
export interface SynergyPanelResult {
  /** One row per entity and year from the entity's second complete year: `entity`, `year`, `synergy` and,
   * with the `label` option, `label`. */
  readonly table: ColumnTable;
  /** Years left out (an indicator missing), entities with fewer than 2 complete years, degenerate bounds. */
  readonly warnings: readonly string[];
}

/** The panel read into one series per entity: values per year in the order of the indicators. */
interface PanelData {
  readonly byEntity: Map<string, { label: unknown; years: Map<number, Float64Array> }>;
  readonly hasLabel: boolean;
}

function readPanel(
  t: ColumnTable,
  cols: { entity: string; year: string; indicator: string; value: string },
  column: ReadonlyMap<string, number>,
  label: string | undefined,
): PanelData {
  const m = column.size;
  const byEntity: PanelData["byEntity"] = new Map();
  const issues: ValidationIssue[] = [];
  const E = t.array(cols.entity),
    Y = t.array(cols.year),
    I = t.array(cols.indicator),
    V = t.array(cols.value);
  const L = label ? t.array(label) : null;
  for (let r = 0; r < t.numRows(); r++) {
    const j = column.get(String(I[r]));
    if (j === undefined) continue;
    const v = V[r], y = Number(Y[r]);
    if (typeof v !== "number" || !Number.isFinite(v)) {
      issues.push({
        row: r + 1,
        column: cols.value,
        expected: "a finite number",
        received: describeValue(v),
      });
      continue;
    }
    if (!Number.isFinite(y)) {
      issues.push({ row: r + 1, column: cols.year, expected: "a year", received: describeValue(Y[r]) });
      continue;
    }
    const e = String(E[r]);
    if (!byEntity.has(e)) byEntity.set(e, { label: L ? L[r] : undefined, years: new Map() });
    const years = byEntity.get(e)!.years;
    if (!years.has(y)) years.set(y, new Float64Array(m).fill(NaN));
    years.get(y)![j] = v;
  }
  if (issues.length > 0) throw new ValidationError("input of synergyPanel", issues);
  return { byEntity, hasLabel: L !== null };
}

/** The complete years of each entity, chronologically (years lacking an indicator reported and left out). */
function completeSeries(
  data: PanelData,
  warnings: string[],
): Map<string, { years: number[]; values: number[][] }> {
  const series = new Map<string, { years: number[]; values: number[][] }>();
  for (const [e, d] of data.byEntity) {
    const years = [...d.years.keys()].sort((a, b) => a - b);
    const complete = years.filter((y) => d.years.get(y)!.every((v) => !Number.isNaN(v)));
    const missing = years.filter((y) => !complete.includes(y));
    if (missing.length) {
      warnings.push(`${e}: year(s) ${missing.join(", ")} lack an indicator and are left out`);
    }
    if (complete.length < 2) {
      warnings.push(`${e}: fewer than 2 complete years, no synergy computed`);
      continue;
    }
    series.set(e, { years: complete, values: complete.map((y) => Array.from(d.years.get(y)!)) });
  }
  return series;
}

/** Min and max of each indicator over every entity and year. */
function pooledBounds(series: Map<string, { values: number[][] }>, m: number): [number, number][] {
  const pooled: [number, number][] = Array.from({ length: m }, () => [Infinity, -Infinity]);
  for (const s of series.values()) {
    for (const row of s.values) {
      row.forEach((v, i) => {
        pooled[i]![0] = Math.min(pooled[i]![0], v);
        pooled[i]![1] = Math.max(pooled[i]![1], v);
      });
    }
  }
  return pooled;
}

/** Today's (subsystems, options) of a {@link synergyPanel} call, the 0.1 `(input, { subsystems, … })` included. */
function synergyArguments(
  subsystems: Readonly<Record<string, string>> | (SynergyPanelOptions & { readonly subsystems: object }),
  options: SynergyPanelOptions,
): [Readonly<Record<string, string>>, SynergyPanelOptions] {
  const inner = (subsystems as { readonly subsystems?: unknown } | null)?.subsystems;
  if (typeof inner !== "object" || inner === null) {
    return [subsystems as Readonly<Record<string, string>>, options];
  }
  const { subsystems: spec, ...rest } = subsystems as SynergyPanelOptions & { readonly subsystems: object };
  return [spec as Readonly<Record<string, string>>, mergeGivenOnce("options of synergyPanel", rest, options)];
}

/**
 * {@link synergyDegree} for every entity of a long panel (entity × year × indicator → value), e.g. China's
 * provinces from `loadDataset("china-provinces-st")`; `subsystems` maps each indicator used to its subsystem,
 * in column order (`{ patent_grants: "knowledge", rd_personnel_fte: "organisation" }`). Years in which an
 * entity lacks one of the indicators are left out of that entity's series and listed in `warnings` (nothing is
 * dropped silently); non-numeric values of the selected indicators are a {@link ValidationError} naming the row.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { synergyPanel } from "clusterlab";
 * const rows = [2020, 2021].flatMap((year, t) => [
 *   { entity: "A", year, indicator: "k", value: 1 + t }, { entity: "A", year, indicator: "o", value: 2 + t },
 *   { entity: "B", year, indicator: "k", value: 2 }, { entity: "B", year, indicator: "o", value: 3 - t },
 * ]);
 * const r = synergyPanel(rows, { k: "knowledge", o: "organisation" });
 * // pooled bounds k [1, 2], o [2, 3]. A 2021: both order degrees rise from 0 to 1 → 1;
 * // B 2021: k unchanged (d = 0) → 0
 * assert.deepEqual(r.table.objects(), [
 *   { entity: "A", year: 2021, synergy: 1 },
 *   { entity: "B", year: 2021, synergy: 0 },
 * ]);
 * ```
 */
export function synergyPanel(
  input: TableInput,
  subsystems: Readonly<Record<string, string>>,
  options?: SynergyPanelOptions,
): SynergyPanelResult;
/** @deprecated the 0.1 form `synergyPanel(input, { subsystems, … })`; use `synergyPanel(input, subsystems, { … })`. */
export function synergyPanel(
  input: TableInput,
  options: SynergyPanelOptions & { readonly subsystems: Readonly<Record<string, string>> },
): SynergyPanelResult;
export function synergyPanel(
  input: TableInput,
  subsystems01: Readonly<Record<string, string>> | (SynergyPanelOptions & { readonly subsystems: object }),
  options01: SynergyPanelOptions = {},
): SynergyPanelResult {
  const [subsystems, options] = synergyArguments(subsystems01, options01);
  const t = toTable(input);
  const cols = {
    entity: options.entity ?? "entity",
    year: options.year ?? "year",
    indicator: options.indicator ?? "indicator",
    value: options.value ?? "value",
  };
  const chk = new ParamChecker("input of synergyPanel");
  const names = t.columnNames();
  for (const [opt, col] of [...Object.entries(cols), ["label", options.label]] as const) {
    if (col !== undefined && !names.includes(col)) {
      chk.add(opt, `a column of the table (${names.join(", ")})`, col, "missing column");
    }
  }
  const spec = Object.entries(subsystems ?? {});
  if (spec.length === 0) chk.add("subsystems", "at least one indicator → subsystem", subsystems);
  const dirs = spec.map(([ind]) => options.direction?.[ind] ?? 1);
  dirs.forEach((d, i) => {
    if (d !== 1 && d !== -1) chk.add(`direction.${spec[i]![0]}`, "+1 or −1", d);
  });
  const boundsMode = options.bounds ?? "pooled";
  if (boundsMode !== "pooled" && boundsMode !== "entity") {
    chk.add("bounds", '"pooled" or "entity"', boundsMode);
  }
  chk.done();
  checkUniqueKey(t, [cols.entity, cols.year, cols.indicator], "input of synergyPanel");
  const data = readPanel(t, cols, new Map(spec.map(([ind], i) => [ind, i])), options.label);
  const warnings: string[] = [];
  const series = completeSeries(data, warnings);
  const pooled = boundsMode === "pooled" ? pooledBounds(series, spec.length) : undefined;
  const out: Record<string, unknown[]> = { entity: [], year: [], synergy: [] };
  if (data.hasLabel) out.label = [];
  for (const [e, s] of series) {
    const res = synergyDegree(s.values, {
      subsystem: spec.map(([, sub]) => sub),
      direction: dirs,
      bounds: pooled,
      aggregate: options.aggregate,
      reference: options.reference,
    });
    for (const w of res.warnings) warnings.push(`${e}: ${w}`);
    res.synergy.forEach((v, i) => {
      out.entity!.push(e);
      out.year!.push(s.years[i + 1]);
      out.synergy!.push(v);
      if (data.hasLabel) out.label!.push(data.byEntity.get(e)!.label);
    });
  }
  return finiteResult("synergyPanel", { table: aq.table(out), warnings });
}
