/**
 * The parameter ranges of a sampling design (Latin hypercube, Saltelli) and the points it returns, scaled
 * from the unit cube: x = lower + u · (upper − lower). 抽样设计的参数范围。
 * @module
 */
import * as aq from "../deps/arquero.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import type { ParamChecker } from "../core/checks.ts";

/** Parameter name → `[lower, upper]`, the interval it is sampled uniformly from (lower < upper, finite). */
export type ParameterRanges = Record<string, readonly [number, number]>;

/** A sampling design: its points as records and as a table. */
export interface DesignResult {
  /** One row per point: `sample` (0-based) and one column per parameter (plus `block` for Saltelli). */
  readonly table: ColumnTable;
  /** The same points as records `{ name: value }`, to hand to a model one by one. */
  readonly points: readonly Record<string, number>[];
  /** The parameters, in the order of `ranges`. */
  readonly names: readonly string[];
  /** Notes on the design (empty when there are none). */
  readonly warnings: readonly string[];
}

/** Record on `check` the problems of `ranges` (under `ranges.<name>`); returns the parameter names. */
export function checkRanges(check: ParamChecker, ranges: unknown): string[] {
  if (typeof ranges !== "object" || ranges === null || Array.isArray(ranges)) {
    check.add("ranges", "a record of parameter name → [lower, upper]", ranges);
    return [];
  }
  const names = Object.keys(ranges);
  if (names.length === 0) check.add("ranges", "at least one parameter", "{}");
  for (const k of names) {
    const r = (ranges as Record<string, unknown>)[k];
    const ok = Array.isArray(r) && r.length === 2 && r.every((v) =>
      typeof v === "number" && Number.isFinite(v)
    ) &&
      r[0] < r[1];
    if (!ok) check.add(`ranges.${k}`, "[lower, upper] with finite lower < upper", r);
  }
  return names;
}

/** Points of the unit cube `unit` (rows of names.length coordinates) scaled to `ranges`. */
export function scalePoints(
  names: readonly string[],
  ranges: ParameterRanges,
  unit: readonly (readonly number[])[],
): Record<string, number>[] {
  return unit.map((u) =>
    Object.fromEntries(names.map((k, d) => {
      const [lo, hi] = ranges[k]!;
      return [k, lo + u[d]! * (hi - lo)];
    }))
  );
}

/** The table of a design: `extra` columns (e.g. `block`, `sample`) first, then one column per parameter. */
export function designTable(
  names: readonly string[],
  points: readonly Record<string, number>[],
  extra: Record<string, readonly (string | number)[]>,
): ColumnTable {
  const cols: Record<string, readonly (string | number)[]> = { ...extra };
  for (const k of names) cols[k] = points.map((p) => p[k]!);
  return aq.table(cols);
}
