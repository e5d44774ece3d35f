/**
 * The worker pool of a parallel `sweep` (internal): `workers` Deno workers, each importing the model named
 * by a {@link SweepModelRef}, take the runs in grid order as they become free; the results are handed on in
 * grid order, so the table is the serial one whatever order the runs finish in. 并行扫描的工作线程池。
 * @module
 */
import type { ProgressReporter } from "../core/progress.ts";
import { ValidationError, type ValidationIssue } from "../core/validation_error.ts";
import { refMessage, type SweepModelRef, type SweepOutput, type SweepParams } from "./sweep_model_ref.ts";
import type { WorkerFailure } from "./sweep_worker.ts";

type Reply = { readonly index: number; readonly out: SweepOutput } | {
  readonly index: number;
  readonly error: WorkerFailure;
};

interface PoolWorker {
  run(index: number, params: SweepParams): Promise<Reply>;
  terminate(): void;
}

/** The error a worker reported, rebuilt (a ValidationError stays one, with its issues). */
function rebuild(f: WorkerFailure): Error {
  if (f.name === "ValidationError" && f.subject !== undefined && f.issues) {
    return new ValidationError(f.subject, f.issues);
  }
  const e = new Error(f.message);
  e.name = f.name;
  return e;
}

/** The library's source folder (the worker program imports from it) and a local model module's path. */
function localPaths(ref: SweepModelRef): { what: string; path: string }[] {
  const paths = [{
    what: "ClusterLab's src/ folder (the worker program)",
    url: new URL("../", import.meta.url),
  }];
  paths.push({ what: "the model module", url: new URL(refMessage(ref).module) });
  return paths.filter((p) => p.url.protocol === "file:").map((p) => ({
    what: p.what,
    path: decodeURIComponent(p.url.pathname),
  }));
}

/**
 * A ValidationError before any worker starts when the process may not read the worker program or a local
 * model module (a worker imports both; without `--allow-read` each would fail on its own, later).
 */
function checkReadAccess(ref: SweepModelRef): void {
  const issues: ValidationIssue[] = [];
  for (const { what, path } of localPaths(ref)) {
    const state = Deno.permissions.querySync({ name: "read", path }).state;
    if (state !== "granted") {
      issues.push({
        column: "workers",
        expected: `read access to ${what} (run with --allow-read, -R)`,
        received: `no read access to ${path} (permission ${state})`,
        message: "workers import the model; workers: 1 runs it on this thread",
      });
    }
  }
  if (issues.length) throw new ValidationError("parameters of sweep", issues);
}

/** One worker with the model imported; one run at a time. */
function startWorker(ref: SweepModelRef): PoolWorker {
  const w = new Worker(new URL("./sweep_worker.ts", import.meta.url).href, { type: "module" });
  let pending: ((r: Reply) => void) | undefined, current = -1;
  const settle = (r: Reply) => {
    const p = pending;
    pending = undefined;
    p?.(r);
  };
  w.onmessage = (e: MessageEvent) => settle(e.data as Reply);
  w.onerror = (e: ErrorEvent) => {
    e.preventDefault();
    settle({ index: current, error: { name: "Error", message: `sweep worker: ${e.message}` } });
  };
  w.postMessage({ type: "init", ...refMessage(ref) });
  return {
    run(index, params) {
      current = index;
      return new Promise((resolve) => {
        pending = resolve;
        w.postMessage({ type: "run", index, params });
      });
    },
    terminate: () => w.terminate(),
  };
}

/**
 * Run `params[i]` for every i on `workers` workers and call `emit(out, i)` in order i = 0, 1, … (a result
 * that finishes early waits for those before it). `progress` ticks once per finished run, whichever worker
 * ran it. After a failed run no new run starts; the runs already under way finish, the results before the
 * failed run are emitted, then its error is thrown (the first in grid order, as in a serial run). An error
 * thrown by `emit` stops the pool the same way. Workers are always terminated. Without read access to the
 * worker program or a local model module, a ValidationError is thrown before any worker starts.
 */
export async function runInWorkers(
  ref: SweepModelRef,
  params: readonly SweepParams[],
  workers: number,
  emit: (out: SweepOutput, index: number) => void,
  progress?: ProgressReporter,
): Promise<void> {
  checkReadAccess(ref);
  const pool = Array.from({ length: Math.min(workers, params.length) }, () => startWorker(ref));
  const results = new Map<number, SweepOutput>();
  let next = 0, emitted = 0;
  const state: { failed?: { index: number; error: Error } } = {};
  const failedAt = (): number => state.failed?.index ?? params.length;
  const flush = (upTo: number) => {
    while (emitted < upTo && results.has(emitted)) {
      const out = results.get(emitted)!;
      results.delete(emitted);
      emit(out, emitted++);
    }
  };
  try {
    await Promise.all(pool.map(async (w) => {
      while (state.failed === undefined && next < params.length) {
        const i = next++;
        const reply = await w.run(i, params[i]!);
        if ("error" in reply) {
          if (i < failedAt()) state.failed = { index: i, error: rebuild(reply.error) };
          continue;
        }
        results.set(i, reply.out);
        await progress?.tick();
        flush(failedAt());
      }
    }));
    flush(failedAt());
    if (state.failed) throw state.failed.error;
  } finally {
    for (const w of pool) w.terminate();
  }
}
