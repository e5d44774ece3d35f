/**
 * Parameter sweeps: run a model over the Cartesian product of a parameter grid, several seeded runs per
 * cell, into one arquero table, with progress shown in place. 参数网格扫描。
 * @module
 */
import * as aq from "../deps/arquero.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import { ParamChecker } from "../core/checks.ts";
import { describeValue, ValidationError } from "../core/validation_error.ts";
import { type ProgressOptions, type ProgressReporter, progressReporter } from "../core/progress.ts";
import { checkSize } from "../core/size_guard.ts";
import {
  checkSweepModel,
  loadSweepModel,
  refMessage,
  type SweepModel,
  type SweepModelRef,
  type SweepOutput,
  type SweepParams,
} from "./sweep_model_ref.ts";
import { runInWorkers } from "./sweep_pool.ts";

export type { SweepModel, SweepModelRef, SweepOutput, SweepParams } from "./sweep_model_ref.ts";

/** A grid: parameter name → the values to try. */
export type SweepGrid = Record<string, readonly (number | string | boolean)[]>;

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
  /**
   * Deno workers that run the cells in parallel (default 1: every run on the calling thread, in grid order).
   * With more than one, `model` must be named as `{ module, export }` (a {@link SweepModelRef}: closures
   * cannot cross into a worker); each worker imports it once and takes the next run when it is free. The
   * table is the serial one, row for row and byte for byte (same rows, order and seeds; the model must
   * depend only on its parameters and seed); progress counts the runs of all workers; `rows` gets the rows
   * in grid order (a row that finished while an earlier one is still running waits for it, so a stopped
   * parallel sweep may lose up to `workers` rows after the last one kept; Jupyter's Stop stops it too, and
   * nothing runs on after it, but the Deno kernel took about 25 s to report the stop in
   * `tests/reliability/interrupt_test.ts` (a serial sweep: at once); the next parallel sweep ends the stopped
   * one's workers). Permissions: workers inherit the
   * caller's and need read access (`--allow-read`, `-R`) to ClusterLab's `src/` folder (the worker program)
   * and to a local model module; without it the sweep stops with a ValidationError before any worker
   * starts (a model at an `https:` URL may also need `--allow-import` for its host). More workers than CPUs
   * (`navigator.hardwareConcurrency`) do not go faster; an integer in 1 … 256.
   */
  readonly workers?: number;
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
 * // in parallel: the model is named by module and export (here a data: URL module), the table is the same
 * const module = "data:text/javascript,export const twice = (p) => ({ y: p.a * 2, s: p.seed });";
 * const serial = await sweep((p) => ({ y: (p.a as number) * 2, s: p.seed }), { a: [1, 2, 3] }, { runs: 2 });
 * const parallel = await sweep({ module, export: "twice" }, { a: [1, 2, 3] }, { runs: 2, workers: 2 });
 * assert.equal(parallel.toCSV(), serial.toCSV());
 * ```
 */
export async function sweep(
  model: SweepModel | SweepModelRef,
  grid: SweepGrid,
  options: SweepOptions = {},
): Promise<ColumnTable> {
  const { runs, seed, workers } = checkInputs(model, grid, options);
  const names = Object.keys(grid);
  const product = names.reduce((p, k) => p * grid[k]!.length, 1);
  checkSize("parameters of sweep", "grid", {
    what: `${names.map((k) => grid[k]!.length).join(" × ") || 1} grid cells × runs ${runs} rows × ${
      names.length + 12
    } values`,
    values: product * runs * (names.length + 12),
    hint: "use a coarser grid or fewer runs, or sweep the grid in parts",
  });
  const cells = gridCells(grid);
  const tasks = cells.flatMap((cell, ci) =>
    Array.from({ length: runs }, (_, r) => ({ ci, r, params: { ...cell, seed: seed + r } as SweepParams }))
  );
  const progress = progressReporter(options.progress, { label: "sweep" });
  await progress?.start(tasks.length);
  const rows: Record<string, unknown>[] = [];
  const kept = options.rows;
  const emit = (out: SweepOutput, i: number) => {
    const { ci, r } = tasks[i]!;
    const row = {
      ...cells[ci],
      run: r,
      seed: seed + r,
      ...checkedOutput(out, rows.length + 1, cells[ci]!, r),
    };
    rows.push(row);
    kept?.push(row);
  };
  if (workers > 1) {
    await runInWorkers(model as SweepModelRef, tasks.map((t) => t.params), workers, emit, progress);
  } else {
    const f = typeof model === "function" ? model : await loadSweepModel(refMessage(model));
    for (let i = 0; i < tasks.length; i++) {
      emit(await f(tasks[i]!.params), i);
      await progress?.tick();
    }
  }
  await progress?.done();
  return aq.from(rows);
}

/** Validate the inputs of {@link sweep}; returns runs, seed and workers with their defaults. */
function checkInputs(model: unknown, grid: SweepGrid, options: SweepOptions) {
  const check = new ParamChecker("parameters of sweep");
  const runs = options.runs ?? 1, seed = options.seed ?? 1, workers = options.workers ?? 1;
  check.number("runs", runs, { integer: true, min: 1 });
  check.number("seed", seed, { integer: true, min: 0 });
  const workersOk = check.number("workers", workers, { integer: true, min: 1, max: 256 });
  checkSweepModel(check, model, workersOk ? workers : 1);
  const names = Object.keys(grid ?? {});
  for (const k of names) {
    if (!Array.isArray(grid[k]) || grid[k]!.length === 0) {
      check.add(`grid.${k}`, "a non-empty array of values", grid[k]);
    }
  }
  if (names.includes("seed") || names.includes("run")) {
    check.issues.push({
      column: "grid",
      expected: 'no parameter named "seed" or "run"',
      received: names.join(", "),
    });
  }
  if (options.rows !== undefined && !Array.isArray(options.rows)) {
    check.add("rows", "an array to push the finished rows into", options.rows);
  }
  check.done();
  return { runs, seed, workers };
}

/** The cells of the Cartesian product of `grid`, the first parameter varying slowest. */
function gridCells(grid: SweepGrid): Record<string, number | string | boolean>[] {
  let cells: Record<string, number | string | boolean>[] = [{}];
  for (const k of Object.keys(grid)) cells = cells.flatMap((c) => grid[k]!.map((v) => ({ ...c, [k]: v })));
  return cells;
}

/** The named values of one output; one that is not a finite number, a string or a boolean is an error. */
function checkedOutput(
  out: SweepOutput,
  row: number,
  cell: Record<string, unknown>,
  run: number,
): Record<string, number | string | boolean> {
  const values = typeof out === "number" ? { value: out } : out;
  for (const [k, v] of Object.entries(values ?? {})) {
    if (typeof v === "number" ? !Number.isFinite(v) : typeof v !== "string" && typeof v !== "boolean") {
      throw new ValidationError("output of the swept model", [{
        row,
        column: k,
        expected: "a finite number, a string or a boolean",
        received: describeValue(v),
        message: `cell ${JSON.stringify(cell)}, run ${run}`,
      }]);
    }
  }
  return values ?? {};
}
