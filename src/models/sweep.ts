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
import { isTable } from "../data/adapters.ts";
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

/**
 * A sampling design to sweep: its points, each a record of parameter name → value (every point with the
 * same parameters), or an arquero table whose every column is a parameter. A `latinHypercube` or
 * `saltelliDesign` result is one as it is (its `points`).
 */
export interface SweepDesign {
  /** The points, in the order the rows come back; each row's `point` column is its index here. */
  readonly points: readonly Readonly<Record<string, number | string | boolean>>[] | ColumnTable;
}

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
   * one's workers). A model that ends its worker (`Deno.exit`, `close()`) fails its run; an error it leaves
   * behind after its run returned (a timer that throws) fails that worker's next run, and is not seen when
   * it comes after the worker's last run (design choice: the sweep does not wait for stray timers).
   * Permissions: workers inherit the
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
 * The second argument may instead be a sampling design ({@link SweepDesign}: a `latinHypercube` or
 * `saltelliDesign` result, or `{ points }`, an array of parameter records or an arquero table): the model
 * then runs on every point, `runs` times with the same seeds, and the table has one row per point × run, in
 * point order, with `point` (the 0-based index into `points`, so row order matches the design's table),
 * the point's parameters, `run`, `seed` and the outputs; workers, progress, `rows` and the size guard work
 * as for a grid. A design is told from a grid by its shape: `points` holds records or is a table (a grid's
 * values are numbers, strings or booleans). A point that is not a record, has other parameters than point
 * 0, holds a value that is not a finite number, a string or a boolean, or a parameter named `seed`, `run`
 * or `point` is a {@link ValidationError} naming `design.points[i]` (or `design.points[i].<parameter>`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { latinHypercube, simulateMarch, sweep } from "clusterlab";
 * import type { SweepParams } from "clusterlab/types";
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
 * // over the points of a design (here a Latin hypercube): one row per point × run, in point order
 * const design = latinHypercube({ p1: [0, 1], p2: [0.1, 0.9] }, 4, { seed: 3 });
 * const march = (p: SweepParams) =>
 *   simulateMarch({ p1: p.p1 as number, p2: p.p2 as number }, { runs: 10, seed: p.seed }).knowledge;
 * const sampled = await sweep(march, design, { seed: 7 });
 * assert.deepEqual(sampled.columnNames(), ["point", "p1", "p2", "run", "seed", "value"]);
 * assert.deepEqual(sampled.array("point"), [0, 1, 2, 3]);
 * assert.deepEqual(sampled.array("value"), design.points.map((p) => march({ ...p, seed: 7 })));
 * ```
 */
export async function sweep(
  model: SweepModel | SweepModelRef,
  design: SweepGrid | SweepDesign,
  options: SweepOptions = {},
): Promise<ColumnTable> {
  const { runs, seed, workers, plan } = checkInputs(model, design, options);
  checkSize("parameters of sweep", plan.parameter, plan.size(runs));
  const cells = plan.cells();
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
      ...plan.lead(ci),
      run: r,
      seed: seed + r,
      ...checkedOutput(out, rows.length + 1, plan.where(ci), r),
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

/** What {@link sweep} runs: the cells of a grid or the points of a design, and how their rows begin. */
interface SweepPlan {
  /** The parameter records, one per cell or point, in order (built after the size guard). */
  cells(): readonly Record<string, number | string | boolean>[];
  /** The parameter the size guard names (`grid` or `design`). */
  readonly parameter: string;
  /** The size of the sweep for the size guard. */
  size(runs: number): { what: string; values: number; hint: string };
  /** The first columns of the rows of cell `ci` (its parameters; for a design, `point` before them). */
  lead(ci: number): Record<string, number | string | boolean>;
  /** The cell or point named by an output error. */
  where(ci: number): string;
}

/** Validate the inputs of {@link sweep}; returns runs, seed and workers with their defaults and the plan. */
function checkInputs(model: unknown, design: SweepGrid | SweepDesign, options: SweepOptions) {
  const check = new ParamChecker("parameters of sweep");
  const runs = options.runs ?? 1, seed = options.seed ?? 1, workers = options.workers ?? 1;
  check.number("runs", runs, { integer: true, min: 1 });
  check.number("seed", seed, { integer: true, min: 0 });
  const workersOk = check.number("workers", workers, { integer: true, min: 1, max: 256 });
  checkSweepModel(check, model, workersOk ? workers : 1);
  const plan = isSweepDesign(design) ? designPlan(check, design) : gridPlan(check, design);
  if (options.rows !== undefined && !Array.isArray(options.rows)) {
    check.add("rows", "an array to push the finished rows into", options.rows);
  }
  check.done();
  return { runs, seed, workers, plan };
}

/** Record the problems of `grid` on `check`; the plan of its Cartesian product. */
function gridPlan(check: ParamChecker, grid: SweepGrid): SweepPlan {
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
  let cells: Record<string, number | string | boolean>[] = [];
  return {
    cells: () => (cells = gridCells(grid)),
    parameter: "grid",
    size: (runs) => {
      const product = names.reduce((p, k) => p * grid[k]!.length, 1);
      return {
        what: `${names.map((k) => grid[k]!.length).join(" × ") || 1} grid cells × runs ${runs} rows × ${
          names.length + 12
        } values`,
        values: product * runs * (names.length + 12),
        hint: "use a coarser grid or fewer runs, or sweep the grid in parts",
      };
    },
    lead: (ci) => cells[ci]!,
    where: (ci) => `cell ${JSON.stringify(cells[ci])}`,
  };
}
/** The most bad points a design's ValidationError lists one by one. */
const MAX_POINT_ISSUES = 10;

/**
 * Is `x` a design rather than a grid? Its `points` is an arquero table or an array holding an object (a grid's
 * values are numbers, strings or booleans), or it has the shape of a `latinHypercube` / `saltelliDesign`
 * result (`table` and `names`).
 */
function isSweepDesign(x: unknown): x is SweepDesign {
  if (typeof x !== "object" || x === null || !("points" in x)) return false;
  const { points } = x as { points: unknown };
  if (isTable(points)) return true;
  if (Array.isArray(points) && points.some((p) => typeof p === "object" && p !== null)) return true;
  const r = x as { table?: unknown; names?: unknown };
  return isTable(r.table) && Array.isArray(r.names);
}

/** Record the problems of `design` on `check`; the plan of its points, in order. */
function designPlan(check: ParamChecker, design: SweepDesign): SweepPlan {
  const raw: unknown = isTable(design.points) ? design.points.objects() : design.points;
  const ok = Array.isArray(raw) && raw.length > 0;
  if (!ok) check.add("design.points", "a non-empty array of parameter records or an arquero table", raw);
  const list: unknown[] = ok ? raw : [];
  const first = list[0];
  const names = isRecord(first) ? Object.keys(first) : [];
  let bad = 0;
  for (let i = 0; i < list.length && bad < MAX_POINT_ISSUES; i++) {
    const before = check.issues.length;
    pointIssues(check, list[i], i, names);
    if (check.issues.length > before) bad++;
  }
  const reserved = names.filter((k) => k === "seed" || k === "run" || k === "point");
  if (reserved.length > 0) {
    check.add("design.points", 'no parameter named "seed", "run" or "point"', names.join(", "));
  }
  let cells: Record<string, number | string | boolean>[] = [];
  return {
    cells: () => (cells = list.map((p) => Object.fromEntries(names.map((k) => [k, (p as PointRecord)[k]!])))),
    parameter: "design",
    size: (runs) => ({
      what: `${list.length} design points × runs ${runs} rows × ${names.length + 13} values`,
      values: list.length * runs * (names.length + 13),
      hint: "use fewer points or fewer runs, or sweep the design in parts",
    }),
    lead: (ci) => ({ point: ci, ...cells[ci]! }),
    where: (ci) => `point ${ci} ${JSON.stringify(cells[ci])}`,
  };
}

type PointRecord = Record<string, number | string | boolean>;

/** Is `x` a plain record (an object, not an array)? */
function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

/** Record on `check` the problems of point `i`: not a record, other parameters than point 0, bad values. */
function pointIssues(check: ParamChecker, p: unknown, i: number, names: readonly string[]): void {
  const at = `design.points[${i}]`;
  if (!isRecord(p)) {
    check.add(at, "a record of parameter name → number, string or boolean", p);
    return;
  }
  const keys = Object.keys(p);
  if (keys.length !== names.length || keys.some((k) => !names.includes(k))) {
    check.add(at, `the parameters of point 0 (${names.join(", ")})`, keys.join(", "));
  }
  for (const k of keys) {
    const v = p[k];
    if (typeof v === "number" ? !Number.isFinite(v) : typeof v !== "string" && typeof v !== "boolean") {
      check.add(`${at}.${k}`, "a finite number, a string or a boolean", v);
    }
  }
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
  where: string,
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
        message: `${where}, run ${run}`,
      }]);
    }
  }
  return values ?? {};
}
