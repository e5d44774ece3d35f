/**
 * Row-parallel kernels on shared memory: a kernel that fills rows [lo, hi) of its outputs runs on the calling
 * thread and on Deno workers at once, each on a contiguous block of rows, the rows split so that each thread
 * gets about the same work. Every row is computed by the same code in the same order whatever the number of
 * threads, so the results are **bitwise** those of one thread. 共享内存上的按行并行内核。
 *
 * The kernel and its helpers travel as their source text (`Function.prototype.toString`) in a module built in
 * memory (a `blob:` URL): a worker needs no permission and imports nothing, so it starts in ≈ 20 ms. They must
 * therefore be self-contained: no variable from around them, only their arguments and JavaScript's globals.
 * The calling thread waits in `Atomics.wait` (allowed on Deno's main thread), so the API stays synchronous.
 * @module
 */
import { checkNumber } from "./checks.ts";

/** What a kernel receives: typed arrays (shared between the threads) and numbers. */
export type KernelArgs = Readonly<Record<string, Float64Array | Int32Array | Uint32Array | number>>;

/** A kernel: fills rows [lo, hi) of the outputs among `args`, and nothing else. */
export type RowKernel<A extends KernelArgs> = (args: A, lo: number, hi: number) => void;

/** How many threads: a count ≥ 1 (1: the calling thread only), or `"auto"`. */
export type WorkersOption = number | "auto";

/**
 * The work (in inner-loop steps, e.g. additions) below which `"auto"` stays on one thread: a worker costs
 * ≈ 20 ms to start and the shared copies of the inputs, and 10⁸ steps take ≈ 50 ms. Design choice.
 */
export const PARALLEL_MIN_WORK = 1e8;

/** Most threads `"auto"` uses (design choice: the row kernels here are bound by memory traffic beyond that). */
const AUTO_MAX = 4;

/**
 * The `workers` option of a public function, validated (`"auto"` or an integer in [1, 256]; default
 * `"auto"`): a bad value is a ValidationError naming the option.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { checkWorkers } from "clusterlab/advanced";
 * assert.equal(checkWorkers("options of density", undefined), "auto");
 * assert.throws(() => checkWorkers("options of density", 0), /workers/);
 * ```
 */
export function checkWorkers(subject: string, workers: WorkersOption | undefined): WorkersOption {
  if (workers === undefined || workers === "auto") return "auto";
  checkNumber(subject, "workers", workers, { min: 1, max: 256, integer: true });
  return workers;
}

/** How long a worker may take to start before its rows are computed on the calling thread instead (ms). */
const START_MS = 5_000;

/** Workers left running by a call stopped without unwinding (Jupyter's Stop): ended by the next call. */
const orphans = new Set<Worker>();

/** The `blob:` module of each kernel, built once. */
const modules = new Map<RowKernel<never>, string>();

/**
 * The number of threads a kernel of `work` steps over `rows` rows uses: `workers` itself when a number
 * (validated: an integer ≥ 1, at most `rows`), else (`"auto"`) one below {@link PARALLEL_MIN_WORK}, inside a
 * worker, or without `Worker`/`SharedArrayBuffer`, and otherwise the machine's cores (at most 4).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { threadCount } from "clusterlab/advanced";
 * assert.equal(threadCount(1e6, 1000, "auto"), 1); // too little work to be worth a worker
 * assert.equal(threadCount(1e12, 3, 2), 2); // a number is taken as asked
 * assert.equal(threadCount(1e12, 1, 2), 1); // never more threads than rows
 * ```
 */
export function threadCount(work: number, rows: number, workers: WorkersOption = "auto"): number {
  if (workers !== "auto" && !(Number.isInteger(workers) && workers >= 1)) {
    throw new RangeError(`workers must be "auto" or an integer ≥ 1, received ${String(workers)}`);
  }
  const canShare = typeof Worker === "function" && typeof SharedArrayBuffer === "function" &&
    typeof Atomics?.wait === "function";
  if (!canShare || rows < 2) return 1;
  if (workers !== "auto") return Math.min(workers, rows);
  const inWorker = typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== "undefined";
  if (inWorker || work < PARALLEL_MIN_WORK) return 1;
  const cores = navigator.hardwareConcurrency || 1;
  return Math.max(1, Math.min(cores, AUTO_MAX, rows));
}

/**
 * A zero-filled Float64Array of `length`, on a `SharedArrayBuffer` when `threads` > 1 (so workers can write
 * into it): allocate a kernel's outputs with it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sharedFloat64 } from "clusterlab/advanced";
 * assert.ok(sharedFloat64(4, 2).buffer instanceof SharedArrayBuffer);
 * assert.ok(sharedFloat64(4, 1).buffer instanceof ArrayBuffer);
 * ```
 */
export function sharedFloat64(length: number, threads: number): Float64Array {
  return threads > 1 ? new Float64Array(new SharedArrayBuffer(length * 8)) : new Float64Array(length);
}

/** Arrays from this many bytes are allocated shareable by {@link shareable} (design choice: 1 MiB). */
const SHARE_FROM_BYTES = 2 ** 20;

/** The typed-array constructors {@link shareable} allocates. */
export type ShareableCtor = Float64ArrayConstructor | Int32ArrayConstructor | Uint32ArrayConstructor;

/**
 * A zero-filled typed array of `length`, on a `SharedArrayBuffer` when it is large (≥ 1 MiB) and shared
 * memory exists: the large arrays the row kernels read (CSR indices, φ) are then handed to workers without a
 * copy ({@link shareArgs} copies only what is not shared). Small arrays stay ordinary.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { shareable } from "clusterlab/advanced";
 * assert.ok(shareable(Int32Array, 1e6).buffer instanceof SharedArrayBuffer);
 * assert.ok(shareable(Float64Array, 10).buffer instanceof ArrayBuffer);
 * ```
 */
export function shareable<C extends ShareableCtor>(Ctor: C, length: number): InstanceType<C> {
  const bytes = length * Ctor.BYTES_PER_ELEMENT;
  const big = bytes >= SHARE_FROM_BYTES && typeof SharedArrayBuffer === "function";
  const OnBuffer = Ctor as unknown as new (b: ArrayBufferLike) => InstanceType<C>;
  return big ? new OnBuffer(new SharedArrayBuffer(bytes)) : new Ctor(length) as InstanceType<C>;
}

/**
 * Split [0, n) into `parts` contiguous blocks of about equal cost (`cost`: cumulative, n + 1 entries, e.g. a
 * CSR row pointer; default one per row): the cut points, from 0 to n.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { splitRows } from "clusterlab/advanced";
 * assert.deepEqual(splitRows(10, 2), [0, 5, 10]);
 * assert.deepEqual(splitRows(3, 2, [0, 8, 9, 10]), [0, 1, 3]); // row 0 is most of the work
 * ```
 */
export function splitRows(n: number, parts: number, cost?: ArrayLike<number>): number[] {
  const cuts = [0];
  const total = cost ? cost[n]! - cost[0]! : n;
  let i = 0;
  for (let k = 1; k < parts; k++) {
    const goal = total * k / parts;
    while (i < n && (cost ? cost[i]! - cost[0]! : i) < goal) i++;
    cuts.push(Math.max(cuts[k - 1]!, i));
  }
  cuts.push(n);
  return cuts;
}

/** Options of {@link parallelRows}. */
export interface ParallelRowsOptions {
  /** Threads, from {@link threadCount} (default 1). */
  readonly threads?: number;
  /** Cumulative cost per row (n + 1 entries, e.g. a CSR row pointer), to split the rows evenly (default: rows). */
  readonly cost?: ArrayLike<number>;
  /** Self-contained functions the kernel calls by name (sent with it). */
  readonly helpers?: readonly ((...args: never[]) => unknown)[];
  /** The keys of `args` the kernel writes: with threads > 1 each must be on a `SharedArrayBuffer` (checked). */
  readonly outputs?: readonly string[];
}

/**
 * Run `kernel(args, lo, hi)` over the rows [0, n): with `threads` > 1, the calling thread takes the first
 * block and each worker one of the others. Typed arrays not already on a `SharedArrayBuffer` are copied onto
 * one (inputs only: the `outputs` must come from {@link sharedFloat64}, or their writes would be lost — a
 * RangeError). A
 * worker that fails or does not start has its block computed on the calling thread, so an error in the
 * kernel is thrown there, with its stack.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parallelRows, sharedFloat64 } from "clusterlab/advanced";
 * function squares(a: { x: Float64Array; out: Float64Array }, lo: number, hi: number) {
 *   for (let i = lo; i < hi; i++) a.out[i] = a.x[i]! * a.x[i]!;
 * }
 * const x = Float64Array.from({ length: 1000 }, (_, i) => i);
 * const out = sharedFloat64(1000, 2);
 * parallelRows(1000, squares, { x, out }, { threads: 2, outputs: ["out"] });
 * assert.equal(out[999], 999 * 999);
 * ```
 */
export function parallelRows<A extends KernelArgs>(
  n: number,
  kernel: RowKernel<A>,
  args: A,
  opts: ParallelRowsOptions = {},
): void {
  const threads = Math.min(opts.threads ?? 1, n);
  if (threads <= 1) return kernel(args, 0, n);
  for (const key of opts.outputs ?? []) {
    const v = args[key];
    if (typeof v === "number" || !(v?.buffer instanceof SharedArrayBuffer)) {
      throw new RangeError(
        `output ${key} of a parallel kernel must be on a SharedArrayBuffer (sharedFloat64)`,
      );
    }
  }
  for (const w of orphans) w.terminate();
  orphans.clear();
  const shared = shareArgs(args);
  const cuts = splitRows(n, threads, opts.cost);
  const status = new Int32Array(new SharedArrayBuffer(4 * threads));
  const url = kernelModule(kernel, opts.helpers ?? []);
  const workers: Worker[] = [];
  try {
    for (let k = 1; k < threads; k++) {
      const w = new Worker(url, { type: "module" });
      orphans.add(w);
      workers.push(w);
      w.postMessage({ args: shared, lo: cuts[k], hi: cuts[k + 1], status, slot: k });
    }
    kernel(shared, cuts[0]!, cuts[1]!);
    for (let k = 1; k < threads; k++) {
      if (!awaitWorker(status, k)) {
        workers[k - 1]!.terminate();
        kernel(shared, cuts[k]!, cuts[k + 1]!);
      }
    }
  } finally {
    for (const w of workers) {
      w.terminate();
      orphans.delete(w);
    }
  }
}

/** Wait until worker `k` is done (true) or failed / never started (false). Status: 0 new, 1 running, 2 done, 3 failed. */
function awaitWorker(status: Int32Array, k: number): boolean {
  const since = Date.now();
  for (;;) {
    const s = Atomics.load(status, k);
    if (s === 2) return true;
    if (s === 3) return false;
    if (s === 0 && Date.now() - since > START_MS) return false;
    Atomics.wait(status, k, s, 50);
  }
}

/**
 * The same arguments with every typed array on a `SharedArrayBuffer` (copied when it is not already): what
 * workers can read.
 */
export function shareArgs<A extends KernelArgs>(args: A): A {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(args)) {
    if (typeof v === "number" || v.buffer instanceof SharedArrayBuffer) {
      out[key] = v;
      continue;
    }
    const Ctor = v.constructor as new (b: SharedArrayBuffer) => Float64Array;
    const copy = new Ctor(new SharedArrayBuffer(v.byteLength));
    copy.set(v as Float64Array);
    out[key] = copy;
  }
  return out as A;
}

/** The worker module of `kernel` (with its helpers), as a `blob:` URL built once per kernel. */
function kernelModule<A extends KernelArgs>(
  kernel: RowKernel<A>,
  helpers: readonly ((...args: never[]) => unknown)[],
): string {
  const known = modules.get(kernel as RowKernel<never>);
  if (known) return known;
  const src = [
    ...helpers.map((h) => h.toString()),
    `const kernel = ${kernel.toString()};`,
    "self.onmessage = (e) => {",
    "  const { args, lo, hi, status, slot } = e.data;",
    "  Atomics.store(status, slot, 1);",
    "  let ok = false;",
    "  try { kernel(args, lo, hi); ok = true; } catch { /* the calling thread redoes these rows and throws */ }",
    "  Atomics.store(status, slot, ok ? 2 : 3);",
    "  Atomics.notify(status, slot);",
    "};",
  ].join("\n");
  const url = URL.createObjectURL(new Blob([src], { type: "application/javascript" }));
  modules.set(kernel as RowKernel<never>, url);
  return url;
}
