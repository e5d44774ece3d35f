/**
 * A team of threads for a kernel called many times in a row (an iterative solver's products): the workers
 * start once and wait on shared memory between calls, so one call costs two wake-ups instead of a worker's
 * start. Like `parallelRows`, each thread fills its own contiguous block of outputs with the code the calling
 * thread would run, so the results are bitwise those of one thread. 反复调用的并行内核线程组。
 * @module
 */
import { type KernelArgs, splitRows } from "./parallel.ts";

/** A phased kernel: `phase` chooses the loop; it fills outputs [lo, hi) of that phase by assignment. */
export type PhaseKernel<A extends KernelArgs> = (args: A, phase: number, lo: number, hi: number) => void;

/** Options of {@link startTeam}. */
export interface TeamOptions {
  /** Self-contained functions the kernel calls by name (sent with it). */
  readonly helpers?: readonly ((...args: never[]) => unknown)[];
  /** Per phase: the size and, optionally, the cumulative cost per output (to split evenly). */
  readonly phases: readonly { readonly n: number; readonly cost?: ArrayLike<number> }[];
}

/** A running team: {@link KernelTeam.run} one phase at a time, then {@link KernelTeam.close}. */
export interface KernelTeam {
  /** Run `phase` on every thread (the calling thread takes the first block) and wait for all. */
  run(phase: number): void;
  /** End the workers (always call it: a waiting worker keeps the process alive). */
  close(): void;
}

/** How long a worker may take to start before the calling thread takes over its blocks (ms). */
const START_MS = 5_000;

/**
 * Control words: 0 generation (a call), 1 its phase (−1: leave), then per worker k: its state (0 new, 1
 * ready, 2 failed, 3 ended by the calling thread, 4 left its loop) and the last generation it finished.
 */
const GEN = 0, PHASE = 1, WORDS = 2;
const state = (k: number) => WORDS + 2 * k, finished = (k: number) => WORDS + 2 * k + 1;

/** Teams not closed (a call stopped without unwinding: Jupyter's Stop): ended by the next team. */
const orphans = new Set<() => void>();

/** How long `close` waits for each worker to leave its loop before ending it (ms). */
const QUIT_MS = 1_000;

const modules = new Map<PhaseKernel<never>, string>();

/**
 * Start `threads` − 1 workers for `kernel` over `args`, whose typed arrays must all be on
 * `SharedArrayBuffer`s (`shareArgs`; checked, a RangeError otherwise): the inputs the calling thread rewrites
 * between calls and the outputs are then the same memory on every thread.
 * The kernel must write its outputs by assignment, so that a block can be recomputed: a worker that fails
 * or does not start has its blocks done by the calling thread, where the kernel's error is thrown.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { startTeam } from "clusterlab/advanced";
 * function double(a: { x: Float64Array; y: Float64Array }, phase: number, lo: number, hi: number) {
 *   for (let i = lo; i < hi; i++) a.y[i] = (phase + 1) * a.x[i]!;
 * }
 * const x = new Float64Array(new SharedArrayBuffer(8 * 100)).fill(3);
 * const y = new Float64Array(new SharedArrayBuffer(8 * 100));
 * const team = startTeam(2, double, { x, y }, { phases: [{ n: 100 }, { n: 100 }] });
 * try {
 *   team.run(1);
 *   assert.equal(y[99], 6);
 * } finally {
 *   team.close();
 * }
 * ```
 */
export function startTeam<A extends KernelArgs>(
  threads: number,
  kernel: PhaseKernel<A>,
  args: A,
  opts: TeamOptions,
): KernelTeam {
  const cuts = opts.phases.map((p) => splitRows(p.n, threads, p.cost));
  if (threads <= 1) {
    return { run: (phase) => kernel(args, phase, 0, opts.phases[phase]!.n), close: () => {} };
  }
  for (const [key, v] of Object.entries(args)) {
    if (typeof v !== "number" && !(v.buffer instanceof SharedArrayBuffer)) {
      throw new RangeError(`argument ${key} of a kernel team must be on a SharedArrayBuffer (shareArgs)`);
    }
  }
  for (const close of orphans) close();
  orphans.clear();
  const ctrl = new Int32Array(new SharedArrayBuffer(4 * (WORDS + 2 * threads)));
  const url = teamModule(kernel, opts.helpers ?? []);
  const workers: Worker[] = [];
  for (let k = 1; k < threads; k++) {
    const w = new Worker(url, { type: "module" });
    workers[k] = w;
    w.postMessage({ args, ctrl, slot: k, cuts: cuts.map((c) => [c[k], c[k + 1]]) });
  }
  const started = Date.now();
  const end = (k: number) => {
    workers[k]?.terminate();
    Atomics.store(ctrl, state(k), 3);
  };
  const close = () => {
    orphans.delete(close);
    // the workers leave their loops first: a worker ended while in Atomics.wait keeps the process from exiting
    Atomics.store(ctrl, PHASE, -1);
    Atomics.add(ctrl, GEN, 1);
    Atomics.notify(ctrl, GEN);
    const since = Date.now();
    for (let k = 1; k < threads; k++) {
      for (
        let s = Atomics.load(ctrl, state(k));
        s <= 1 && Date.now() - since < QUIT_MS;
        s = Atomics.load(ctrl, state(k))
      ) {
        Atomics.wait(ctrl, state(k), s, 20);
      }
      end(k);
    }
  };
  orphans.add(close);
  return {
    run(phase: number) {
      const c = cuts[phase]!;
      // a worker not ready by START_MS is ended: the calling thread does its blocks from then on
      const team: number[] = [];
      for (let k = 1; k < threads; k++) {
        if (waitReady(ctrl, k, started)) team.push(k);
        else if (Atomics.load(ctrl, state(k)) === 0) end(k);
      }
      Atomics.store(ctrl, PHASE, phase);
      const gen = Atomics.add(ctrl, GEN, 1) + 1;
      Atomics.notify(ctrl, GEN);
      kernel(args, phase, c[0]!, c[1]!);
      for (let k = 1; k < threads; k++) if (!team.includes(k)) kernel(args, phase, c[k]!, c[k + 1]!);
      for (const k of team) {
        for (let f = Atomics.load(ctrl, finished(k)); f !== gen; f = Atomics.load(ctrl, finished(k))) {
          Atomics.wait(ctrl, finished(k), f, 50);
        }
        if (Atomics.load(ctrl, state(k)) !== 1) kernel(args, phase, c[k]!, c[k + 1]!); // it failed: redo, throw here
      }
    },
    close,
  };
}

/** Is worker k ready (waiting until {@link START_MS} after the start for a new one)? */
function waitReady(ctrl: Int32Array, k: number, started: number): boolean {
  for (;;) {
    const s = Atomics.load(ctrl, state(k));
    if (s === 1) return true;
    if (s !== 0 || Date.now() - started > START_MS) return false;
    Atomics.wait(ctrl, state(k), s, 20);
  }
}

/** The worker module of a team kernel, as a `blob:` URL built once per kernel. */
function teamModule<A extends KernelArgs>(
  kernel: PhaseKernel<A>,
  helpers: readonly ((...args: never[]) => unknown)[],
): string {
  const known = modules.get(kernel as PhaseKernel<never>);
  if (known) return known;
  const src = [
    ...helpers.map((h) => h.toString()),
    `const kernel = ${kernel.toString()};`,
    "self.onmessage = (e) => {",
    "  const { args, ctrl, slot, cuts } = e.data;",
    `  const st = ${WORDS} + 2 * slot, fin = st + 1;`,
    `  let gen = Atomics.load(ctrl, ${GEN});`,
    `  if (Atomics.load(ctrl, ${PHASE}) < 0) { Atomics.store(ctrl, st, 4); self.close(); return; }`,
    "  Atomics.store(ctrl, st, 1);",
    "  Atomics.notify(ctrl, st);",
    "  for (;;) {",
    `    if (Atomics.wait(ctrl, ${GEN}, gen, 1000) === "timed-out") continue;`,
    `    gen = Atomics.load(ctrl, ${GEN});`,
    `    const phase = Atomics.load(ctrl, ${PHASE});`,
    "    if (phase < 0) { Atomics.store(ctrl, st, 4); Atomics.notify(ctrl, st); self.close(); return; }",
    "    try { kernel(args, phase, cuts[phase][0], cuts[phase][1]); } catch { Atomics.store(ctrl, st, 2); }",
    "    Atomics.store(ctrl, fin, gen);",
    "    Atomics.notify(ctrl, fin);",
    "    if (Atomics.load(ctrl, st) !== 1) return;",
    "  }",
    "};",
  ].join("\n");
  const url = URL.createObjectURL(new Blob([src], { type: "application/javascript" }));
  modules.set(kernel as PhaseKernel<never>, url);
  return url;
}
