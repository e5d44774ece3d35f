/**
 * Progress of long runs: a display updated in place in a notebook (Jupyter `display_id` + `update`), a
 * line rewritten on stderr in the terminal. 长时间运行的进度显示。
 * @module
 */
import { jupyter } from "./jupyter.ts";
import type { Lang } from "../core/i18n.ts";
import { type ProgressOptions, type ProgressReporter, registerProgressDisplay } from "../core/progress.ts";

export type { ProgressOptions };

let counter = 0;

/**
 * A progress report (a {@link ProgressReporter}): `await start(total)`, then `await tick(k)` after each unit
 * and `await done()` at the end; pass one to `sweep(model, grid, { progress })`. In a notebook one output is created and then updated in place (`display_id`, `update: true`);
 * in a terminal one stderr line is rewritten with `\r`. Updates are throttled to `interval` ms, so
 * ticking often is cheap. The display id is deterministic (a counter) and the final notebook output omits
 * the elapsed time, so executed notebooks are the same on every run.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Progress } from "clusterlab";
 * const p = new Progress({ label: "sweep", target: "none" });
 * p.start(3);
 * for (let k = 0; k < 3; k++) await p.tick();
 * await p.done();
 * assert.equal(p.completed, 3);
 * assert.match(p.text(), /^sweep 3\/3 \(100%\)/);
 * ```
 */
export class Progress implements ProgressReporter {
  /** Total units of work (set by {@link Progress.start}). */
  total = 0;
  /** Units completed so far. */
  completed = 0;
  readonly #label: string;
  readonly #interval: number;
  readonly #target: "notebook" | "terminal" | "none";
  readonly #id: string;
  readonly #lang: Lang;
  #last = -Infinity;
  #shown = false;
  #start = performance.now();

  /**
   * A report (`options`: label, update interval in ms, target, language); nothing is shown before the first
   * {@link Progress.tick} or {@link Progress.done}.
   */
  constructor(options?: ProgressOptions);
  /** @deprecated the 0.1 form `new Progress(total, options)`; use `new Progress(options)`, then `start(total)`. */
  constructor(total: number, options?: ProgressOptions);
  constructor(options01: ProgressOptions | number = {}, options02: ProgressOptions = {}) {
    const options = typeof options01 === "number" ? options02 : options01;
    if (typeof options01 === "number") this.total = options01;
    this.#label = options.label ?? "";
    this.#interval = options.interval ?? 250;
    this.#lang = options.lang ?? "en";
    const t = options.target ?? "auto";
    this.#target = t === "auto" ? (jupyter() ? "notebook" : "terminal") : t;
    this.#id = `clusterlab-progress-${++counter}`;
  }

  /** Begin a run of `total` units: the counter and the clock restart. */
  start(total: number): void {
    this.total = total;
    this.completed = 0;
    this.#start = performance.now();
    this.#last = -Infinity;
  }

  /** The current status line, e.g. "sweep 12/27 (44%) 1.2 s". */
  text(): string {
    return this.#status(true);
  }

  #status(withTime: boolean): string {
    const pct = this.total > 0 ? Math.floor((100 * this.completed) / this.total) : 100;
    const secs = ((performance.now() - this.#start) / 1000).toFixed(1);
    const unit = this.#lang === "zh" ? "秒" : "s";
    const time = withTime ? ` ${secs} ${unit}` : "";
    return `${this.#label ? this.#label + " " : ""}${this.completed}/${this.total} (${pct}%)${time}`;
  }

  async #show(final: boolean): Promise<void> {
    if (this.#target === "none") return;
    // The final state stays in a notebook's saved output: without the elapsed time, so that executed
    // notebooks are byte-identical from run to run (the terminal line keeps it).
    const status = this.#status(!(final && this.#target === "notebook"));
    const line = status + (final ? (this.#lang === "zh" ? " 完成" : " done") : "");
    if (this.#target === "terminal") {
      const bytes = new TextEncoder().encode(`\r${line}${final ? "\n" : ""}`);
      try {
        Deno.stderr.writeSync(bytes);
      } catch { /* no stderr: ignore */ }
      return;
    }
    const j = jupyter();
    if (!j) return;
    const pct = this.total > 0 ? (100 * this.completed) / this.total : 100;
    const html = `<div style="font-family:monospace"><progress value="${
      pct.toFixed(1)
    }" max="100"></progress> ${
      line.replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c]!)
    }</div>`;
    await j.display({ "text/plain": line, "text/html": html }, {
      raw: true,
      display_id: this.#id,
      update: this.#shown,
    });
    this.#shown = true;
  }

  /** Record `k` more completed units (default 1) and update the display if the interval has passed. */
  async tick(k = 1): Promise<void> {
    this.completed += k;
    const now = performance.now();
    if (now - this.#last >= this.#interval) {
      this.#last = now;
      await this.#show(false);
    }
  }

  /** Show the final state. */
  async done(): Promise<void> {
    await this.#show(true);
  }
}

// sweep's deprecated 0.1 option `progress: { label, … }` builds a Progress (models cannot import this room)
registerProgressDisplay((options) => new Progress(options));
