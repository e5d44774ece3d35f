/**
 * The progress protocol of long runs. Models report through it without knowing where the report goes: a
 * notebook display, a terminal line (`Progress` in `src/notebook/progress.ts`) or a test's recorder.
 * 长时间运行的进度协议。
 * @module
 */
import type { Lang } from "./i18n.ts";

/**
 * Receives the progress of a long run: `start(total)` once, `tick(k)` after every `k` completed units,
 * `done()` at the end (also when the run stops early).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import type { ProgressReporter } from "clusterlab/types";
 * const seen: string[] = [];
 * const recorder: ProgressReporter = {
 *   start: (total) => void seen.push(`start ${total}`),
 *   tick: (k = 1) => void seen.push(`tick ${k}`),
 *   done: () => void seen.push("done"),
 * };
 * recorder.start(2);
 * recorder.tick();
 * recorder.done();
 * assert.deepEqual(seen, ["start 2", "tick 1", "done"]);
 * ```
 */
export interface ProgressReporter {
  /** The run begins with `total` units of work. */
  start(total: number): void | Promise<void>;
  /** `k` more units are complete (default 1). */
  tick(k?: number): void | Promise<void>;
  /** The run has ended. */
  done(): void | Promise<void>;
}

/** Options of a progress display (`Progress` in `src/notebook/progress.ts`). */
export interface ProgressOptions {
  /** What is running (shown before the counter). */
  readonly label?: string;
  /** Minimum milliseconds between two updates (default 250). */
  readonly interval?: number;
  /** Where to report: "auto" (notebook if in the kernel, else stderr), "notebook", "terminal", "none". */
  readonly target?: "auto" | "notebook" | "terminal" | "none";
  /** Language of the words (default "en"). */
  readonly lang?: Lang;
}

let displayFactory: ((options: ProgressOptions) => ProgressReporter) | undefined;

/**
 * Register how a display is built from {@link ProgressOptions}: the notebook room does it when its
 * `Progress` is loaded (importing `clusterlab` loads it), so that models, which must not import the
 * notebook room, can honour the 0.1 option values `progress: { label, … }`. Returns the factory replaced.
 */
export function registerProgressDisplay(
  factory: ((options: ProgressOptions) => ProgressReporter) | undefined,
): ((options: ProgressOptions) => ProgressReporter) | undefined {
  const previous = displayFactory;
  displayFactory = factory;
  return previous;
}

/**
 * The reporter of a `progress` option: a {@link ProgressReporter} as given; the deprecated 0.1 values
 * `false` (none) and a {@link ProgressOptions} object (a display built by the registered factory, with
 * `defaults` under the given options; none when the notebook room is not loaded) are read too.
 */
export function progressReporter(
  value: ProgressReporter | ProgressOptions | false | undefined,
  defaults: ProgressOptions = {},
): ProgressReporter | undefined {
  if (value === undefined || value === false) return undefined;
  const r = value as Partial<ProgressReporter>;
  if (typeof r.start === "function" && typeof r.tick === "function" && typeof r.done === "function") {
    return value as ProgressReporter;
  }
  return displayFactory?.({ ...defaults, ...(value as ProgressOptions) });
}
