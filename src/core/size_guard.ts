/**
 * The size guard of every function that allocates by a size parameter (steps, runs, periods, grids, output
 * times, matrix dimensions, raster sizes): the request is estimated in bytes *before* anything is allocated
 * and checked against a memory budget, so an oversized request is a {@link ValidationError} that says how
 * large it is and what fits — never a bare `RangeError: Array buffer allocation failed`, an out-of-memory
 * crash of the kernel, or minutes of swapping. 分配前的内存估计与检查。
 * @module
 */
import { ValidationError } from "./validation_error.ts";

/** The budget when the machine's free memory cannot be read (no `--allow-sys`): 2 GiB. */
export const DEFAULT_MEMORY_BUDGET = 2 ** 31;

/** The largest budget, whatever the machine (4 GiB: one result larger than that is a mistake more often than a plan). */
const MAX_BUDGET = 2 ** 32;

/**
 * The bytes one request may take: half of the memory the system reports available (when `--allow-sys`
 * grants `systemMemoryInfo`; the permission is queried, never requested), at most 4 GiB; otherwise
 * {@link DEFAULT_MEMORY_BUDGET}. Design choice: half leaves room for the copies a result is built from.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { memoryBudget } from "clusterlab/advanced";
 * const b = memoryBudget();
 * assert.ok(b > 0 && b <= 2 ** 32);
 * ```
 */
export function memoryBudget(): number {
  try {
    const state = Deno.permissions.querySync({ name: "sys", kind: "systemMemoryInfo" }).state;
    if (state === "granted") {
      const { available } = Deno.systemMemoryInfo();
      if (available > 0) return Math.min(MAX_BUDGET, Math.floor(available / 2));
    }
  } catch {
    // no permission API (an older runtime) or no memory information: the default
  }
  return DEFAULT_MEMORY_BUDGET;
}

/** A request for memory: how many values of how many bytes, and which parameters set it. */
export interface SizeRequest {
  /** The parameters behind the size, in words, e.g. `"steps 1000000000 × 4 levels × 60 values"`. */
  readonly what: string;
  /** How many values would be allocated. */
  readonly values: number;
  /** Bytes per value (default 8: a `Float64Array` element or a reference). */
  readonly bytes?: number;
  /** What to do instead (default: "use fewer steps, runs or grid points, or split the run into parts"). */
  readonly hint?: string;
}

/** Bytes as text: "1.5 GB", "320 MB", "12 kB" (decimal units). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return "more than can be counted";
  const units = ["bytes", "kB", "MB", "GB", "TB", "PB", "EB"];
  let k = 0, v = bytes;
  while (v >= 1000 && k < units.length - 1) [v, k] = [v / 1000, k + 1];
  return `${k === 0 ? v : v.toPrecision(3)} ${units[k]}`;
}

function formatCount(n: number): string {
  return n < 1e6 ? String(Math.round(n)) : n.toExponential(2).replace("e+", "e");
}

/**
 * Throw a {@link ValidationError} (about `subject`, naming `column`) unless the request fits the memory
 * budget ({@link memoryBudget}); the message says how large the request is and how many values fit.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { checkSize } from "clusterlab/advanced";
 * checkSize("options of simulateSpiral", "steps", { what: "steps 60", values: 61 * 240 }); // fits
 * assert.throws(
 *   () => checkSize("options of simulateSpiral", "steps", { what: "steps 1e9 × 240 values", values: 2.4e11 }),
 *   /column "steps": expected a request that fits in memory \(at most .* values, .*\), received steps 1e9 × 240 values = 2\.40e11 values ≈ 1\.92 TB/,
 * );
 * ```
 */
export function checkSize(subject: string, column: string, request: SizeRequest): void {
  const bytes = request.bytes ?? 8;
  const total = request.values * bytes;
  const budget = memoryBudget();
  if (Number.isFinite(total) && total <= budget) return;
  throw new ValidationError(subject, [{
    column,
    expected: `a request that fits in memory (at most ${formatCount(budget / bytes)} values, ${
      formatBytes(budget)
    })`,
    received: `${request.what} = ${formatCount(request.values)} values ≈ ${formatBytes(total)}`,
    message: request.hint ?? "use fewer steps, runs or grid points, or split the run into parts",
  }]);
}
