/**
 * Parameter sweeps: run a model over the Cartesian product of a parameter grid, several seeded runs per
 * cell, into one arquero table, with progress shown in place. 参数网格扫描。
 * @module
 */
import * as aq from "../deps/arquero.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../core/validation_error.ts";
import { type ProgressOptions, type ProgressReporter, progressReporter } from "../core/progress.ts";
import { checkSize } from "../core/size_guard.ts";

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
  /**
   * Where to report progress (default none); in a notebook `new Progress({ label: "sweep" })` shows a bar
   * updated in place. Deprecated 0.1 values: `false` (none) and display options `{ label, target, … }` (a
   * `Progress` labelled "sweep" unless `label` says otherwise, built through the notebook room's registration
   * in `core/progress.ts`, as models cannot import that room; 0.1's display by default is not brought back).
   */
  readonly progress?: ProgressReporter | ProgressOptions | false;
  /**
   * An array each finished row is pushed into as soon as its run ends (default none). This is what a long
   * sweep keeps when it is stopped: after a kernel interrupt (Jupyter's Stop, with the Deno kernel's
   * `interrupt_mode: "message"`, which `deno task lab` sets) or an error in the model, `rows` holds every
   * row completed before it, in grid order, and `toTable(rows)` is the partial result. The row that was
   * running is lost; nothing else is.
   */
  readonly rows?: Record<string, unknown>[];
}

/**
 * Run `model` on every cell of `grid` (Cartesian product, the first parameter varying slowest), `runs`
 * times per cell with seeds seed, seed + 1, …; the same seeds are used in every cell (common random
 * numbers, so differences between cells are not seed noise). The seed is handed to the model, which draws
 * from its own `Random` (a model with runs of its own derives their seeds with `Random.runSeed`). Returns one
 * row per cell × run with the parameters, `run`, `seed` and the model's outputs; progress goes to
 * `options.progress` when given. An output that is not a finite number (or a string/boolean) is a
 * {@link ValidationError} naming the cell. A grid × runs too large for memory is an error before the first
 * run (it says how large it is and what fits). A long sweep stopped from the notebook keeps the rows done so
 * far in `options.rows` (see {@link SweepOptions.rows}).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { simulateMarch, sweep } from "clusterlab";
 * const t = await sweep(
 *   (p) => simulateMarch({ p1: p.p1 as number, p2: p.p2 as number }, { runs: 20, seed: p.seed }).knowledge,
 *   { p1: [0.1, 0.9], p2: [0.5] },
 *   { runs: 2, seed: 7 },
 * );
 * assert.deepEqual(t.array("p1"), [0.1, 0.1, 0.9, 0.9]); // the first parameter varies slowest
 * assert.deepEqual(t.array("seed"), [7, 8, 7, 8]); // common random numbers across cells
 * assert.equal(t.get("value", 2), simulateMarch({ p1: 0.9, p2: 0.5 }, { runs: 20, seed: 7 }).knowledge);
 * // what a stopped sweep keeps: the rows finished before the stop (here the model fails at p = 3)
 * const done: Record<string, unknown>[] = [];
 * const model = (q: Record<string, unknown>) => { if (q.p === 3) throw new Error("stopped"); return 1; };
 * await assert.rejects(() => sweep(model, { p: [1, 2, 3, 4] }, { rows: done }), /stopped/);
 * assert.deepEqual(done.map((r) => r.p), [1, 2]);
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
  if (options.rows !== undefined && !Array.isArray(options.rows)) {
    issues.push({
      column: "rows",
      expected: "an array to push the finished rows into",
      received: describeValue(options.rows),
    });
  }
  if (issues.length) throw new ValidationError("parameters of sweep", issues);
  const product = names.reduce((p, k) => p * grid[k]!.length, 1);
  checkSize("parameters of sweep", "grid", {
    what: `${names.map((k) => grid[k]!.length).join(" × ") || 1} grid cells × runs ${runs} rows × ${
      names.length + 12
    } values`,
    values: product * runs * (names.length + 12),
    hint: "use a coarser grid or fewer runs, or sweep the grid in parts",
  });
  const cells: Record<string, number | string | boolean>[] = [{}];
  for (const k of names) {
    const nextCells: typeof cells = [];
    for (const c of cells) for (const v of grid[k]!) nextCells.push({ ...c, [k]: v });
    cells.splice(0, cells.length, ...nextCells);
  }
  const progress = progressReporter(options.progress, { label: "sweep" });
  await progress?.start(cells.length * runs);
  const rows: Record<string, unknown>[] = [];
  const kept = options.rows;
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
      const row = { ...cells[ci], run: r, seed: seed + r, ...values };
      rows.push(row);
      kept?.push(row);
      await progress?.tick();
    }
  }
  await progress?.done();
  return aq.from(rows);
}
