/**
 * The program each worker of a parallel `sweep` runs (internal; see `sweep_pool.ts`): it imports the model
 * named in the first message, then answers every `{ index, params }` with `{ index, out }` or
 * `{ index, error }`, written into its shared-memory slot (`sweep_channel.ts`), not posted.
 * 并行扫描的工作线程程序。
 * @module
 */
import { loadSweepModel, type SweepModel, type SweepParams } from "./sweep_model_ref.ts";
import { ValidationError } from "../core/validation_error.ts";
import { REPLY_BYTES, type ReplySlot, replySlot, writeReply } from "./sweep_channel.ts";

/** What the worker posts back for a failed run: enough to rebuild the error on the main thread. */
export interface WorkerFailure {
  readonly name: string;
  readonly message: string;
  readonly subject?: string;
  readonly issues?: ValidationError["issues"];
}

/** An error as plain data (a {@link ValidationError} keeps its subject and issues). */
function failure(e: unknown): WorkerFailure {
  if (e instanceof ValidationError) {
    return { name: e.name, message: e.message, subject: e.subject, issues: e.issues };
  }
  return e instanceof Error ? { name: e.name, message: e.message } : { name: "Error", message: String(e) };
}

interface WorkerScope {
  onmessage: ((e: MessageEvent) => void) | null;
  addEventListener(type: "error" | "unhandledrejection", listener: (e: Event) => void): void;
}

const scope = globalThis as unknown as WorkerScope;
let model: Promise<SweepModel> | undefined;
let channel: { slot: ReplySlot; signal: Int32Array } | undefined;

/** Write a reply into this worker's shared slot (the pool reads it after `Atomics.wait`). */
function reply(index: number, message: Record<string, unknown>): void {
  writeReply(channel!.slot, channel!.signal, { index, ...message }, (bytes) => ({
    index,
    error: failure(
      new ValidationError("output of the swept model", [{
        column: "value",
        expected: `an output of at most ${REPLY_BYTES} bytes as JSON (a few named values)`,
        received: `${bytes} bytes`,
      }]),
    ),
  }));
}

/** The run under way (-1 between runs), the last run that replied, and an error raised between runs. */
let current = -1;
let last = -1;
let pending: WorkerFailure | undefined;

// An error outside the run (a timer of the model that throws, a promise it leaves rejected) is the failure
// of the run under way, written into the slot like any reply (the pool need not leave its wait to hear of
// it). Between runs (after a reply was written, which must not be overwritten) it is kept and reported as
// the failure of the worker's next run, naming the run that left it behind.
for (const type of ["error", "unhandledrejection"] as const) {
  scope.addEventListener(type, (e: Event) => {
    e.preventDefault();
    const cause = type === "error"
      ? (e as ErrorEvent).error ?? (e as ErrorEvent).message
      : (e as PromiseRejectionEvent).reason;
    const f = failure(cause);
    if (channel && current >= 0) {
      const index = current;
      current = -1;
      last = index;
      reply(index, { error: { ...f, message: `sweep worker: ${f.message}` } });
    } else {
      pending ??= { ...f, message: `sweep worker: after run ${last + 1} ended: ${f.message}` };
    }
  });
}

// A model that ends its worker (Deno.exit, close) would leave its run without a reply: the run fails instead.
const exit = Deno.exit;
(Deno as { exit: (code?: number) => never }).exit = (code?: number): never => {
  if (channel && current >= 0) {
    reply(current, { error: { name: "Error", message: `the swept model called Deno.exit(${code ?? ""})` } });
  }
  return exit(code);
};
const closeWorker = (globalThis as unknown as { close?: () => void }).close;
(globalThis as unknown as { close: () => void }).close = () => {
  if (channel && current >= 0) {
    reply(current, { error: { name: "Error", message: "the swept model closed its worker (close())" } });
  }
  closeWorker?.call(globalThis);
};

scope.onmessage = async (e: MessageEvent) => {
  const m = e.data as
    | { type: "init"; module: string; export: string; slot: SharedArrayBuffer; signal: Int32Array }
    | { type: "run"; index: number; params: SweepParams };
  if (m.type === "init") {
    model = loadSweepModel(m);
    channel = { slot: replySlot(m.slot), signal: m.signal };
    model.catch(() => {}); // reported with the first run
    return;
  }
  current = m.index;
  const settle = (message: Record<string, unknown>) => {
    if (current !== m.index) return; // an error event already answered this run
    current = -1;
    last = m.index;
    reply(m.index, message);
  };
  if (pending) return settle({ error: pending });
  try {
    const f = await model!;
    const out = await f(m.params);
    settle({ out });
  } catch (err) {
    settle({ error: failure(err) });
  }
};
