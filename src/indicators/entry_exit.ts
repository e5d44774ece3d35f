/**
 * Entry and exit: which regions gain or lose presence in which sectors between two years, with the relatedness
 * density of the first year (Hidalgo et al. 2007; Neffke, Henning & Boschma 2011). 进入与退出。
 * @module
 */
import * as aq from "../deps/arquero.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import type { TableInput } from "../data/adapters.ts";
import { listLabels, ParamChecker } from "../core/checks.ts";
import { density, type DensityOptions } from "./density.ts";
import { locationQuotient } from "./location_quotient.ts";
import type { Matrix } from "./matrix.ts";
import { presence, type PresenceMatrix, type PresenceOptions } from "./presence.ts";
import { missingYears, type PanelInputOptions, yearPanel } from "./panel.ts";

/** Options of {@link entryExit}. */
export interface EntryExitOptions extends PanelInputOptions, PresenceOptions, DensityOptions {
  /** The first year (presence and density are measured in it): a year of the table. */
  readonly from: number;
  /** The second year, after `from`: a year of the table. */
  readonly to: number;
}

/** Result of {@link entryExit}. */
export interface EntryExitResult {
  /** One row per region × sector observed in both years: `region, sector, present_from, present_to` (0/1),
   * `entry` (1, 0 or null), `exit` (1, 0 or null), `density` (at `from`). Regions first, in label order. */
  readonly table: ColumnTable;
  /** The first year. */
  readonly from: number;
  /** The second year. */
  readonly to: number;
  /** Notes: regions or sectors of only one of the two years (left out), and those of the location quotients,
   * presence and density of each year (prefixed by the year). */
  readonly warnings: readonly string[];
}

/** The columns of {@link entryExit} as typed arrays, region-major over `regions` × `sectors` (internal). */
export interface EntryExitColumns {
  /** Regions observed in both years, in the order of the `from` matrix. */
  readonly regions: readonly string[];
  /** Sectors observed in both years, in the order of the `from` matrix. */
  readonly sectors: readonly string[];
  /** Presence at `from` of row k = region ⌊k / S⌋, sector k mod S. */
  readonly presentFrom: Uint8Array;
  /** Presence at `to`, same rows. */
  readonly presentTo: Uint8Array;
  /** Relatedness density at `from`, same rows. */
  readonly density: Float64Array;
  /** See {@link EntryExitResult.warnings}. */
  readonly warnings: string[];
}

/**
 * Entry and exit between two years of a long table of counts with a year column (columns `region`,
 * `sector`, `value`, `year` unless the options name others). Each year: counts → location quotient →
 * presence (the `presence` options: `threshold`, `strict`, …), on all the regions and sectors of that year.
 * For every region × sector observed in both years: `present_from`, `present_to` (0/1); `entry` = 1 when
 * absent → present, 0 when absent → absent, null when present at `from` (not at risk of entering); `exit` = 1
 * when present → absent, 0 when present → present, null when absent at `from`; `density` = the relatedness
 * density at `from`, d_rs = Σ_s' M_rs' φ_s's / Σ_s' φ_s's, as `density()` computes it (its `phi` option
 * passes through; default the proximity of the `from` presence matrix). Regions or sectors found in only one
 * of the two years are left out and named in the warnings. A year absent from the table is a
 * {@link ValidationError} naming the years present.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { entryExit } from "clusterlab";
 * const counts = { 2000: [[4, 4, 0], [0, 4, 4], [4, 0, 4]], 2010: [[4, 4, 4], [0, 4, 0], [4, 0, 4]] };
 * const rows = Object.entries(counts).flatMap(([year, m]) =>
 *   m.flatMap((r, i) => r.map((value, j) => ({ region: "ABC"[i]!, sector: "xyz"[j]!, value, year: Number(year) })))
 * );
 * const { table } = entryExit(rows, { from: 2000, to: 2010 });
 * type Row = { region: string; entry: number | null; exit: number | null };
 * const of = (r: string) => (table.objects() as Row[]).filter((d) => d.region === r);
 * // A enters z (absent → present); x and y were present, so A is not at risk of entering them
 * assert.deepEqual(of("A").map((d) => d.entry), [null, null, 1]);
 * assert.deepEqual(of("B").map((d) => d.exit), [null, 0, 1]); // B keeps y and leaves z
 * assert.throws(() => entryExit(rows, { from: 2000, to: 2020 }), /2000, 2010/);
 * ```
 */
export function entryExit(table: TableInput, options: EntryExitOptions): EntryExitResult {
  const c = entryExitColumns(table, options, "input of entryExit");
  const S = c.sectors.length, n = c.regions.length * S;
  const region = new Array<string>(n), sector = new Array<string>(n);
  const entry = new Array<number | null>(n), exit = new Array<number | null>(n);
  for (let k = 0; k < n; k++) {
    region[k] = c.regions[Math.floor(k / S)]!;
    sector[k] = c.sectors[k % S]!;
    const a = c.presentFrom[k]!, b = c.presentTo[k]!;
    entry[k] = a === 1 ? null : b;
    exit[k] = a === 1 ? 1 - b : null;
  }
  return {
    table: aq.table({
      region,
      sector,
      present_from: Array.from(c.presentFrom),
      present_to: Array.from(c.presentTo),
      entry,
      exit,
      density: Array.from(c.density),
    }),
    from: options.from,
    to: options.to,
    warnings: c.warnings,
  };
}

/** {@link entryExit}'s computation, as typed arrays (internal: `relatednessEntry` fits on them). */
export function entryExitColumns(
  table: TableInput,
  options: EntryExitOptions,
  subject: string,
): EntryExitColumns {
  const { from, to } = checkYears(options, subject);
  const panel = yearPanel(table, options, subject);
  const absent = [from, to].filter((y) => !panel.years.includes(y));
  if (absent.length) throw missingYears(absent, panel.years, subject);
  const warnings: string[] = [];
  const M0 = yearPresence(panel.matrix(from), options, from, warnings);
  const M1 = yearPresence(panel.matrix(to), options, to, warnings);
  const d = density(M0, { phi: options.phi });
  for (const w of d.warnings) warnings.push(`${from}: ${w}`);
  const regions = common(M0.rows, M1.rows, "region", from, to, warnings);
  const sectors = common(M0.cols, M1.cols, "sector", from, to, warnings);
  const R = regions.length, S = sectors.length;
  const presentFrom = new Uint8Array(R * S), presentTo = new Uint8Array(R * S);
  const dens = new Float64Array(R * S);
  const c0 = sectors.map((s) => M0.colIndex(s)), c1 = sectors.map((s) => M1.colIndex(s));
  for (let a = 0; a < R; a++) {
    const i0 = M0.rowIndex(regions[a]!), i1 = M1.rowIndex(regions[a]!);
    for (let b = 0; b < S; b++) {
      const k = a * S + b;
      presentFrom[k] = M0.data[i0 * M0.ncol + c0[b]!]!;
      presentTo[k] = M1.data[i1 * M1.ncol + c1[b]!]!;
      dens[k] = d.data[i0 * d.ncol + c0[b]!]!;
    }
  }
  return { regions, sectors, presentFrom, presentTo, density: dens, warnings };
}

function checkYears(options: EntryExitOptions, subject: string): { from: number; to: number } {
  const c = new ParamChecker(subject.replace(/^input/, "options"));
  if (options === null || typeof options !== "object") {
    c.add("from", "an options object { from, to }", options);
    c.done();
  }
  const okFrom = c.number("from", options.from, { integer: true });
  const okTo = c.number("to", options.to, { integer: true });
  if (okFrom && okTo && !(options.to > options.from)) {
    c.add("to", `a year after from (${options.from})`, options.to);
  }
  c.done();
  return { from: options.from, to: options.to };
}

function yearPresence(
  x: Matrix,
  options: PresenceOptions,
  year: number,
  warnings: string[],
): PresenceMatrix {
  const M = presence(locationQuotient(x), options);
  for (const w of M.warnings) warnings.push(`${year}: ${w}`);
  return M;
}

/** The labels of `a` (in its order) also in `b`; the others are named in a warning. */
function common(
  a: readonly string[],
  b: readonly string[],
  what: string,
  from: number,
  to: number,
  warnings: string[],
): string[] {
  const inB = new Set(b), inA = new Set(a);
  const onlyA = a.filter((l) => !inB.has(l)), onlyB = b.filter((l) => !inA.has(l));
  if (onlyA.length) {
    warnings.push(`${onlyA.length} ${what}(s) observed in ${from} only, left out: ${listLabels(onlyA)}`);
  }
  if (onlyB.length) {
    warnings.push(`${onlyB.length} ${what}(s) observed in ${to} only, left out: ${listLabels(onlyB)}`);
  }
  return a.filter((l) => inB.has(l));
}
