/**
 * A swept model named by its module and export, so that a worker can import it (closures cannot cross
 * into a worker): its check and its loading, shared by `sweep` and the worker program. 按模块与导出名指定的模型。
 * @module
 */
import { ParamChecker } from "../core/checks.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../core/validation_error.ts";

/** The parameters a swept model receives: one grid cell and the run's seed. */
export type SweepParams = Record<string, number | string | boolean> & { seed: number };

/** What a model returns for one run: a number (column `value`) or named numbers. */
export type SweepOutput = number | Record<string, number | string | boolean>;

/** A swept model as a function (the closure form). */
export type SweepModel = (params: SweepParams) => SweepOutput | Promise<SweepOutput>;

/**
 * A swept model named by the module that exports it, the form `sweep` needs with `workers` > 1: each worker
 * imports `module` and calls its export `export` (a {@link SweepModel}). `module` is an absolute URL,
 * usually `new URL("./my_model.ts", import.meta.url)`; `file:`, `https:`, `jsr:`, `npm:` and `data:`
 * URLs work. Importing a local file needs `--allow-read` (`-R`) for it.
 */
export interface SweepModelRef {
  /** The module's absolute URL (a `URL` or its text). */
  readonly module: URL | string;
  /** The name of the exported model function in that module. */
  readonly export: string;
}

/** The absolute URL of `module`, or undefined when it is not one. */
function absoluteURL(module: unknown): string | undefined {
  if (module instanceof URL) return module.href;
  if (typeof module !== "string" || module.length === 0) return undefined;
  try {
    return new URL(module).href;
  } catch {
    return undefined;
  }
}

/**
 * The issues of a model argument of `sweep` (with `workers`, a {@link SweepModelRef} is required), recorded
 * on `check` under the name `model`.
 */
export function checkSweepModel(check: ParamChecker, model: unknown, workers: number): void {
  if (typeof model === "function") {
    if (workers > 1) {
      check.add(
        "model",
        "{ module, export } (a model a worker can import: closures cannot cross into a worker) when workers > 1",
        "a function",
      );
    }
    return;
  }
  const ref = model as Partial<SweepModelRef> | null;
  if (typeof ref !== "object" || ref === null) {
    check.add("model", "a function or { module: URL, export: string }", model);
    return;
  }
  if (absoluteURL(ref.module) === undefined) {
    check.add(
      "model.module",
      'an absolute URL of the module (e.g. new URL("./model.ts", import.meta.url))',
      ref.module,
    );
  }
  if (typeof ref.export !== "string" || ref.export.length === 0) {
    check.add("model.export", "the name of an exported function", ref.export);
  }
}

/** The module URL (text) and export name of a checked {@link SweepModelRef}: what is posted to a worker. */
export function refMessage(ref: SweepModelRef): { readonly module: string; readonly export: string } {
  return { module: absoluteURL(ref.module)!, export: ref.export };
}

/** Import the model a {@link SweepModelRef} names; a missing or non-function export is a ValidationError. */
export async function loadSweepModel(
  ref: { readonly module: string; readonly export: string },
): Promise<SweepModel> {
  const mod = await import(ref.module) as Record<string, unknown>;
  const f = mod[ref.export];
  if (typeof f !== "function") {
    const issue: ValidationIssue = {
      column: "model.export",
      expected: `a function exported as "${ref.export}" by ${ref.module}`,
      received: f === undefined ? `exports ${Object.keys(mod).join(", ") || "nothing"}` : describeValue(f),
    };
    throw new ValidationError("model of sweep", [issue]);
  }
  return f as SweepModel;
}
