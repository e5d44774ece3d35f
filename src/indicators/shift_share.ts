/**
 * Shift-share analysis: a region's change between two years split into national share, industry mix and
 * regional shift. 偏离-份额分析。
 * @module
 */
import * as aq from "../deps/arquero.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import { listLabels, missingColumns } from "../core/checks.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../core/validation_error.ts";
import { type TableInput, toTable } from "../data/adapters.ts";

/** Options of {@link shiftShare}. */
export interface ShiftShareOptions {
  /** The start year (a value of the `year` column; required). */
  readonly from: number | string;
  /** The end year (required, ≠ `from`). */
  readonly to: number | string;
  /** Column of region labels (default `"region"`). */
  readonly region?: string;
  /** Column of sector labels (default `"sector"`). */
  readonly sector?: string;
  /** Column of the values, counts ≥ 0 such as employment (default `"value"`; repeated cells are summed). */
  readonly value?: string;
  /** Column of the year (default `"year"`). */
  readonly year?: string;
}

/** The result of {@link shiftShare}. */
export interface ShiftShareResult {
  /**
   * One row per region: `region`, `start`, `end` (its totals in `from` and `to`), `change` (= end − start),
   * `national_share`, `industry_mix`, `regional_shift` (summing to `change`).
   */
  readonly table: ColumnTable;
  /**
   * The same columns per region × sector observed in at least one of the two years (`region`, `sector`, …):
   * the rows that `table` adds up.
   */
  readonly cells: ColumnTable;
  /** One row per sector: `sector`, `start`, `end`, `growth` (the national growth rate g_s of the sector). */
  readonly sectors: ColumnTable;
  /** The national growth rate g = X_to / X_from − 1 of all sectors together. */
  readonly growth: number;
  /** Cells observed in one year only (counted as 0 in the other), sectors new to the nation. */
  readonly warnings: readonly string[];
}

/** The two years' values on the union of labels, region-major, and which cells were observed when. */
interface Panel {
  regions: string[];
  sectors: string[];
  x0: Float64Array;
  x1: Float64Array;
  /** Per cell: bit 1 observed in `from`, bit 2 observed in `to` (0: in neither year). */
  seen: Uint8Array;
}

/** Label → index, in order of first appearance. */
function indexer(): { at: Map<string, number>; labels: string[]; of: (l: string) => number } {
  const at = new Map<string, number>(), labels: string[] = [];
  return {
    at,
    labels,
    of: (l) => {
      let k = at.get(l);
      if (k === undefined) at.set(l, k = labels.push(l) - 1);
      return k;
    },
  };
}

/** Read the two years of the long table into a {@link Panel}, checking every row used. */
function readPanel(
  input: TableInput,
  o: Required<Omit<ShiftShareOptions, "from" | "to">>,
  from: string,
  to: string,
): Panel {
  const t = toTable(input);
  const missing = missingColumns(t.columnNames(), [o.region, o.sector, o.value, o.year]);
  if (missing.length) throw new ValidationError("input of shiftShare", missing);
  const n = t.numRows();
  const gr = t.getter(o.region), gs = t.getter(o.sector), gv = t.getter(o.value), gy = t.getter(o.year);
  const years = new Set<string>();
  const issues: ValidationIssue[] = [];
  const R = indexer(), S = indexer();
  const ri = new Int32Array(n),
    si = new Int32Array(n),
    yi = new Int8Array(n).fill(-1),
    vals = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const y = String(gy(i));
    years.add(y);
    const which = y === from ? 0 : y === to ? 1 : -1;
    if (which < 0) continue;
    const r = gr(i), s = gs(i), v = gv(i);
    let ok = true;
    for (const [name, l] of [[o.region, r], [o.sector, s]] as const) {
      if (typeof l !== "string" && !(typeof l === "number" && Number.isFinite(l))) {
        issues.push({ row: i + 1, column: name, expected: "a label (text)", received: describeValue(l) });
        ok = false;
      }
    }
    if (typeof v !== "number" || !(v >= 0 && v < Infinity)) {
      issues.push({
        row: i + 1,
        column: o.value,
        expected: "a finite number ≥ 0",
        received: describeValue(v),
      });
      ok = false;
    }
    if (!ok || issues.length) continue;
    ri[i] = R.of(String(r));
    si[i] = S.of(String(s));
    yi[i] = which;
    vals[i] = v as number;
  }
  const absent = [from, to].filter((y) => !years.has(y));
  if (absent.length) {
    issues.push({
      column: o.year,
      expected: `the years ${absent.join(" and ")} (options from / to)`,
      received: `years ${[...years].sort().join(", ") || "none"}`,
    });
  }
  if (issues.length) throw new ValidationError("input of shiftShare", issues);
  const regions = [...R.labels].sort(), sectors = [...S.labels].sort();
  const rSorted = new Map(regions.map((l, k) => [l, k])), sSorted = new Map(sectors.map((l, k) => [l, k]));
  const rPos = Int32Array.from(R.labels, (l) => rSorted.get(l)!);
  const sPos = Int32Array.from(S.labels, (l) => sSorted.get(l)!);
  const ns = sectors.length, size = regions.length * ns;
  const x = [new Float64Array(size), new Float64Array(size)] as const, seen = new Uint8Array(size);
  for (let i = 0; i < n; i++) {
    const w = yi[i]!;
    if (w < 0) continue;
    const c = rPos[ri[i]!]! * ns + sPos[si[i]!]!;
    x[w][c]! += vals[i]!;
    seen[c]! |= w + 1;
  }
  return { regions, sectors, x0: x[0], x1: x[1], seen };
}

/**
 * Classic shift-share decomposition (Dunn 1960, *Southern Economic Journal* 27(1); the comparative-static
 * model) of each region's change between the years `from` and `to`. With x_rs the value of region r in
 * sector s, X_s = Σ_r x_rs the nation's sector, X = Σ_s X_s, g = X¹/X⁰ − 1 and g_s = X_s¹/X_s⁰ − 1:
 *
 * - national share  NS_rs = x⁰_rs · g          (had the cell grown like the whole nation),
 * - industry mix    IM_rs = x⁰_rs · (g_s − g)  (the sector's national growth above or below g),
 * - regional shift  RS_rs = x¹_rs − x⁰_rs · (1 + g_s) (= x⁰_rs (g_rs − g_s): the region's own performance),
 *
 * so NS + IM + RS = x¹_rs − x⁰_rs exactly in algebra (to rounding in floating point); per region the
 * columns are sums over its sectors. The nation is the sum of the table's regions (design choice: to
 * compare a region with an outside reference, add the rest of the nation as one more region).
 *
 * Input: a long table with the columns `region`, `sector`, `value`, `year` (renamed by the options of the
 * same names); only the rows of the two years are read, and repeated cells are summed. A region × sector
 * pair found in one year only counts as 0 in the other (a warning counts them). A sector absent nationally in
 * `from` has no growth rate: its NS and IM are 0 and its whole change is regional shift (design choice,
 * with a warning). A year missing from the table is a {@link ValidationError} naming the years present, and
 * so is a negative or non-finite value.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { shiftShare } from "clusterlab";
 * const rows = [
 *   { region: "A", sector: "s", year: 2000, value: 100 }, { region: "A", sector: "s", year: 2010, value: 150 },
 *   { region: "B", sector: "s", year: 2000, value: 100 }, { region: "B", sector: "s", year: 2010, value: 110 },
 *   { region: "A", sector: "t", year: 2000, value: 100 }, { region: "A", sector: "t", year: 2010, value: 100 },
 *   { region: "B", sector: "t", year: 2000, value: 100 }, { region: "B", sector: "t", year: 2010, value: 60 },
 * ];
 * const r = shiftShare(rows, { from: 2000, to: 2010 });
 * assert.ok(Math.abs(r.growth - 0.05) < 1e-15); // 420 / 400 − 1
 * const A = r.table.objects()[0] as Record<string, number>;
 * assert.equal(A.change, 50);
 * // NS = 200 · 0.05 = 10; IM = 100 · (0.3 − 0.05) + 100 · (−0.2 − 0.05) = 0; RS = 50 − 10 − 0 = 40
 * assert.ok(Math.abs(A.national_share - 10) < 1e-12 && Math.abs(A.industry_mix) < 1e-12);
 * assert.ok(Math.abs(A.regional_shift - 40) < 1e-12);
 * ```
 */
export function shiftShare(input: TableInput, options: ShiftShareOptions): ShiftShareResult {
  const o = {
    region: options?.region ?? "region",
    sector: options?.sector ?? "sector",
    value: options?.value ?? "value",
    year: options?.year ?? "year",
  };
  const from = options?.from, to = options?.to;
  const issues: ValidationIssue[] = [];
  for (const [name, v] of [["from", from], ["to", to]] as const) {
    if (!(typeof v === "string" || (typeof v === "number" && Number.isFinite(v)))) {
      issues.push({ column: name, expected: "a year (a number or text)", received: describeValue(v) });
    }
  }
  if (!issues.length && String(from) === String(to)) {
    issues.push({ column: "to", expected: `a year other than from (${from})`, received: describeValue(to) });
  }
  if (issues.length) throw new ValidationError("options of shiftShare", issues);
  const p = readPanel(input, o, String(from), String(to));
  return decompose(p);
}

/** Stage 2: the growth rates and the three components per cell, summed per region. */
function decompose(p: Panel): ShiftShareResult {
  const R = p.regions.length, S = p.sectors.length;
  const X0 = new Float64Array(S), X1 = new Float64Array(S);
  for (let i = 0; i < R; i++) {
    for (let j = 0; j < S; j++) {
      X0[j]! += p.x0[i * S + j]!;
      X1[j]! += p.x1[i * S + j]!;
    }
  }
  let T0 = 0, T1 = 0;
  for (let j = 0; j < S; j++) {
    T0 += X0[j]!;
    T1 += X1[j]!;
  }
  if (T0 === 0) {
    throw new ValidationError("input of shiftShare", [{
      column: "value",
      expected: "some activity in the start year (the national growth rate divides by it)",
      received: "a total of 0",
    }]);
  }
  const g = T1 / T0 - 1;
  const gs = Float64Array.from(X0, (x0, j) => (x0 > 0 ? X1[j]! / x0 - 1 : NaN));
  const cells = {
    region: [] as string[],
    sector: [] as string[],
    start: [] as number[],
    end: [] as number[],
    change: [] as number[],
    national_share: [] as number[],
    industry_mix: [] as number[],
    regional_shift: [] as number[],
  };
  const reg = {
    start: new Float64Array(R),
    end: new Float64Array(R),
    ns: new Float64Array(R),
    im: new Float64Array(R),
    rs: new Float64Array(R),
  };
  let oneYearOnly = 0;
  for (let i = 0; i < R; i++) {
    for (let j = 0; j < S; j++) {
      const seen = p.seen[i * S + j]!;
      if (seen === 0) continue;
      if (seen !== 3) oneYearOnly++;
      const a = p.x0[i * S + j]!, b = p.x1[i * S + j]!;
      const ns = a * g + 0, im = Number.isNaN(gs[j]!) ? 0 : a * (gs[j]! - g) + 0; // + 0: no −0
      const rs = Number.isNaN(gs[j]!) ? b : b - a * (1 + gs[j]!);
      cells.region.push(p.regions[i]!);
      cells.sector.push(p.sectors[j]!);
      cells.start.push(a);
      cells.end.push(b);
      cells.change.push(b - a);
      cells.national_share.push(ns);
      cells.industry_mix.push(im);
      cells.regional_shift.push(rs);
      reg.start[i]! += a;
      reg.end[i]! += b;
      reg.ns[i]! += ns;
      reg.im[i]! += im;
      reg.rs[i]! += rs;
    }
  }
  const table = aq.table({
    region: p.regions,
    start: reg.start,
    end: reg.end,
    change: reg.end.map((e, i) => e - reg.start[i]!),
    national_share: reg.ns,
    industry_mix: reg.im,
    regional_shift: reg.rs,
  });
  const sectors = aq.table({ sector: p.sectors, start: X0, end: X1, growth: gs });
  const warnings: string[] = [];
  if (oneYearOnly) {
    warnings.push(
      `${oneYearOnly} region × sector pair(s) observed in only one of the two years: counted as 0 in the other`,
    );
  }
  const fresh = p.sectors.filter((_, j) => X0[j] === 0);
  if (fresh.length) {
    warnings.push(
      `${fresh.length} sector(s) with no activity in the start year (${
        listLabels(fresh)
      }): no growth rate (NaN in sectors); national share and industry mix 0, the change counted as regional shift`,
    );
  }
  return { table, cells: aq.table(cells), sectors, growth: g, warnings };
}
