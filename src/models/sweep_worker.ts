/**
 * The program each worker of a parallel `sweep` runs (internal; see `sweep_pool.ts`): it imports the model
 * named in the first message, then answers every `{ index, params }` with `{ index, out }` or
 * `{ index, error }`. 并行扫描的工作线程程序。
 * @module
 */
import { loadSweepModel, type SweepModel, type SweepParams } from "./sweep_model_ref.ts";
import { ValidationError } from "../core/validation_error.ts";

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
  postMessage(message: unknown): void;
}

const scope = globalThis as unknown as WorkerScope;
let model: Promise<SweepModel> | undefined;

scope.onmessage = async (e: MessageEvent) => {
  const m = e.data as
    | { type: "init"; module: string; export: string }
    | { type: "run"; index: number; params: SweepParams };
  if (m.type === "init") {
    model = loadSweepModel(m);
    model.catch(() => {}); // reported with the first run
    return;
  }
  try {
    const f = await model!;
    const out = await f(m.params);
    scope.postMessage({ index: m.index, out });
  } catch (err) {
    scope.postMessage({ index: m.index, error: failure(err) });
  }
};
