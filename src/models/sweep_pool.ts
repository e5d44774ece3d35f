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
import { readReply, replySlot } from "./sweep_channel.ts";

type Reply =
  | { readonly index: number; readonly out: SweepOutput }
  | { readonly index: number; readonly error: WorkerFailure };

interface PoolWorker {
  /** Start run `index`; its reply comes back through {@link PoolWorker.take}. */
  run(index: number, params: SweepParams): void;
  /** The reply of the run under way, once written (or the worker's crash), else undefined. */
  take(): Reply | undefined;
  terminate(): void;
}

/** Longest wait in `Atomics.wait` (ms). */
const WAIT_MS = 50;

/**
 * After this long without a reply (ms), the thread looks at its events once: a worker that died without
 * writing its reply (the worker program writes the model's own uncaught errors) is heard of only there.
 * Rarely: design choice, as every look at the events is a moment where the thread is not in JavaScript.
 */
const LOOK_MS = 10_000;

/**
 * Workers of a pool whose sweep never reached its `finally`: a sweep stopped by Jupyter's Stop is ended inside
 * the kernel without unwinding, so the next parallel sweep ends its workers.
 */
const orphans = new Set<PoolWorker>();

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

/** A worker with the model imported, one run at a time; it writes each reply into its shared slot. */
function startWorker(ref: SweepModelRef, signal: Int32Array): PoolWorker {
  const w = new Worker(new URL("./sweep_worker.ts", import.meta.url).href, { type: "module" });
  const slot = replySlot();
  let current = -1, crash: Reply | undefined;
  w.onerror = (e: ErrorEvent) => {
    e.preventDefault();
    crash = { index: current, error: { name: "Error", message: `sweep worker: ${e.message}` } };
  };
  w.postMessage({ type: "init", ...refMessage(ref), slot: slot.head.buffer, signal });
  return {
    run(index, params) {
      current = index;
      w.postMessage({ type: "run", index, params });
    },
    take() {
      const r = (readReply(slot) as Reply | undefined) ?? crash;
      crash = undefined;
      return r;
    },
    terminate: () => w.terminate(),
  };
}

/**
 * Wait for a reply: `Atomics.wait` on the count of replies written (at most {@link WAIT_MS}); after
 * {@link LOOK_MS} without one, one macrotask, so that a worker's crash event can arrive. The thread waits
 * inside JavaScript, so Jupyter's Stop, which terminates running JavaScript, stops the sweep there, as it
 * stops a serial one. Returns whether it looked at the events.
 */
async function waitForReply(signal: Int32Array, seen: number, quietSince: number): Promise<boolean> {
  if (Atomics.wait(signal, 0, seen, WAIT_MS) === "timed-out" && Date.now() - quietSince > LOOK_MS) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    return true;
  }
  return false;
}

/**
 * Run `params[i]` for every i on `workers` workers and call `emit(out, i)` in order i = 0, 1, … (a result
 * that finishes early waits for those before it). `progress` ticks once per finished run, whichever worker
 * ran it. After a failed run no new run starts; the runs already under way finish, the results before the
 * failed run are emitted, then its error is thrown (the first in grid order, as in a serial run). An error
 * thrown by `emit` stops the pool the same way. Workers are always terminated (those of a sweep stopped from
 * the notebook, by the next parallel sweep). One loop on the calling thread starts every run and reads every
 * reply from shared memory (no message handler runs), so nothing goes on once it is stopped. Without read access to the worker program or a local model module, a
 * ValidationError is thrown before any worker starts.
 */
export async function runInWorkers(
  ref: SweepModelRef,
  params: readonly SweepParams[],
  workers: number,
  emit: (out: SweepOutput, index: number) => void,
  progress?: ProgressReporter,
): Promise<void> {
  checkReadAccess(ref);
  for (const w of orphans) w.terminate();
  orphans.clear();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const pool = Array.from({ length: Math.min(workers, params.length) }, () => startWorker(ref, signal));
  for (const w of pool) orphans.add(w);
  const results = new Map<number, SweepOutput>();
  const busy = new Set<PoolWorker>();
  let next = 0, emitted = 0, quietSince = Date.now();
  let failed: { index: number; error: Error } | undefined;
  const failedAt = (): number => failed?.index ?? params.length;
  const dispatch = (w: PoolWorker) => {
    if (failed !== undefined || next >= params.length) return;
    w.run(next, params[next]!);
    next++;
    busy.add(w);
  };
  const flush = (upTo: number) => {
    while (emitted < upTo && results.has(emitted)) {
      const out = results.get(emitted)!;
      results.delete(emitted);
      emit(out, emitted++);
    }
  };
  try {
    pool.forEach(dispatch);
    while (busy.size > 0) {
      const seen = Atomics.load(signal, 0);
      let got = 0;
      for (const w of [...busy]) {
        const r = w.take();
        if (r === undefined) continue;
        got++;
        busy.delete(w);
        if ("error" in r) {
          if (r.index < failedAt()) failed = { index: r.index, error: rebuild(r.error) };
        } else {
          results.set(r.index, r.out);
          await progress?.tick();
        }
        dispatch(w);
      }
      flush(failedAt());
      if (got > 0 || await waitForReply(signal, seen, quietSince)) quietSince = Date.now();
    }
    if (failed) throw failed.error;
  } finally {
    for (const w of pool) w.terminate(), orphans.delete(w);
  }
}
