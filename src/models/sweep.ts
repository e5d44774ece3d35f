/**
 * Parameter sweeps: run a model over the Cartesian product of a parameter grid, several seeded runs per
 * cell, into one arquero table, with progress shown in place. 参数网格扫描。
 * @module
 */
import * as aq from "arquero";
import type { ColumnTable } from "arquero";
import { describeValue, ValidationError, type ValidationIssue } from "../data/validation_error.ts";
import { Progress, type ProgressOptions } from "./progress.ts";

/** A grid: parameter name → the values to try. */
export type SweepGrid = Record<string, readonly (number | string | boolean)[]>;

/** What a model returns for one run: a number (column `value`) or named numbers. */
export type SweepOutput = number | Record<string, number | string | boolean>;

/** Options of {@link sweep}. */
export interface SweepOptions {
  /** Runs per cell (default 1). */
  readonly runs?: number;
  /** Base seed (default 1). Run r of every cell gets seed `seed + r` (common random numbers across cells). */
  readonly seed?: number;
  /** Progress display (label, target, interval); `false` for none. */
  readonly progress?: ProgressOptions | false;
}

/**
 * Run `model` on every cell of `grid` (Cartesian product, the first parameter varying slowest), `runs`
 * times per cell with seeds seed, seed + 1, …; the same seeds are used in every cell (common random
 * numbers, so differences between cells are not seed noise). Returns one row per cell × run with the
 * parameters, `run`, `seed` and the model's outputs. Progress is shown in place in a notebook and on
 * stderr in a terminal. An output that is not a finite number (or a string/boolean) is a
 * {@link ValidationError} naming the cell.
 *
 * @example
 * ```ts
 * import { simulateMarch, sweep } from "clusterlab";
 * const t = await sweep(
 *   (p) => simulateMarch({ p1: p.p1 as number, p2: p.p2 as number, runs: 50, seed: p.seed }).knowledge,
 *   { p1: [0.1, 0.9], p2: [0.5] },
 *   { progress: false },
 * );
 * t.numRows(); // 2
 * ```
 */
export async function sweep(
  model: (
    params: Record<string, number | string | boolean> & { seed: number },
  ) => SweepOutput | Promise<SweepOutput>,
  grid: SweepGrid,
  options: SweepOptions = {},
): Promise<ColumnTable> {
  const issues: ValidationIssue[] = [];
  const runs = options.runs ?? 1, seed = options.seed ?? 1;
  if (!Number.isInteger(runs) || runs < 1) {
    issues.push({ column: "runs", expected: "an integer ≥ 1", received: describeValue(runs) });
  }
  if (!Number.isInteger(seed) || seed < 0) {
    issues.push({ column: "seed", expected: "an integer ≥ 0", received: describeValue(seed) });
  }
  const names = Object.keys(grid ?? {});
  for (const k of names) {
    if (!Array.isArray(grid[k]) || grid[k]!.length === 0) {
      issues.push({
        column: `grid.${k}`,
        expected: "a non-empty array of values",
        received: describeValue(grid[k]),
      });
    }
  }
  if (names.includes("seed") || names.includes("run")) {
    issues.push({
      column: "grid",
      expected: 'no parameter named "seed" or "run"',
      received: names.join(", "),
    });
  }
  if (issues.length) throw new ValidationError("parameters of sweep", issues);
  const cells: Record<string, number | string | boolean>[] = [{}];
  for (const k of names) {
    const nextCells: typeof cells = [];
    for (const c of cells) for (const v of grid[k]!) nextCells.push({ ...c, [k]: v });
    cells.splice(0, cells.length, ...nextCells);
  }
  const progress = options.progress === false
    ? undefined
    : new Progress(cells.length * runs, { label: "sweep", ...(options.progress ?? {}) });
  const rows: Record<string, unknown>[] = [];
  for (let ci = 0; ci < cells.length; ci++) {
    for (let r = 0; r < runs; r++) {
      const params = { ...cells[ci]!, seed: seed + r };
      const out = await model(params);
      const values = typeof out === "number" ? { value: out } : out;
      for (const [k, v] of Object.entries(values ?? {})) {
        if (typeof v === "number" ? !Number.isFinite(v) : typeof v !== "string" && typeof v !== "boolean") {
          throw new ValidationError("output of the swept model", [{
            row: rows.length + 1,
            column: k,
            expected: "a finite number, a string or a boolean",
            received: describeValue(v),
            message: `cell ${JSON.stringify(cells[ci])}, run ${r}`,
          }]);
        }
      }
      rows.push({ ...cells[ci], run: r, seed: seed + r, ...values });
      await progress?.tick();
    }
  }
  await progress?.done();
  return aq.from(rows);
}
