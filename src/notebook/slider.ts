/**
 * Sliders of interactive charts: their specification, its validation, the grid of slider positions
 * (row-major, the last slider fastest) and {@link sliderRange} for clean decimal steps.
 * @module
 */
import { describeValue, ValidationError, type ValidationIssue } from "../core/validation_error.ts";
import type { Bilingual } from "../core/i18n.ts";
import { checkSize } from "../core/size_guard.ts";

/** A value a slider can take. */
export type SliderValue = number | string;

/** One slider: a label in both languages and the ordered values it steps through. */
export interface SliderSpec<V extends SliderValue = SliderValue> {
  /** The slider's label (English and Chinese). */
  readonly label: Bilingual;
  /** The values, in slider order (at least one, no duplicates; numbers must be finite). */
  readonly values: readonly V[];
  /** The value shown first (default: the first value). Must be one of `values`. */
  readonly initial?: V;
  /** How a value is written next to the slider (default `String(value)`). */
  readonly format?: (value: V) => string;
}

/** The sliders of an interactive chart, keyed by parameter name (the object's key order is the slider order). */
export type SliderSpecs<P extends Record<string, SliderValue>> = {
  readonly [K in keyof P]: SliderSpec<P[K]>;
};

/** Validate the sliders: at least one, bilingual labels, distinct finite values, at most `maxFrames` positions. */
export function validateSliders(entries: [string, SliderSpec][], maxFrames: number): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (entries.length === 0) {
    issues.push({ column: "sliders", expected: "at least one slider", received: "none" });
  }
  if (!Number.isInteger(maxFrames) || maxFrames < 1) {
    issues.push({ column: "maxFrames", expected: "a positive integer", received: describeValue(maxFrames) });
  }
  for (const [name, s] of entries) {
    const col = `sliders.${name}`;
    if (!s || typeof s !== "object") {
      issues.push({ column: col, expected: "a slider {label, values}", received: describeValue(s) });
      continue;
    }
    if (typeof s.label?.en !== "string" || typeof s.label?.zh !== "string") {
      issues.push({
        column: `${col}.label`,
        expected: "a Bilingual {en, zh} label",
        received: describeValue(s.label),
      });
    }
    if (!Array.isArray(s.values) || s.values.length === 0) {
      issues.push({
        column: `${col}.values`,
        expected: "a non-empty array",
        received: describeValue(s.values),
      });
      continue;
    }
    const seen = new Set<SliderValue>();
    s.values.forEach((v, i) => {
      const ok = (typeof v === "number" && Number.isFinite(v)) || typeof v === "string";
      if (!ok) {
        issues.push({
          row: i + 1,
          column: `${col}.values`,
          expected: "a finite number or a string",
          received: describeValue(v),
        });
      } else if (seen.has(v)) {
        issues.push({
          row: i + 1,
          column: `${col}.values`,
          expected: "distinct values",
          received: describeValue(v),
        });
      }
      seen.add(v);
    });
    if (s.initial !== undefined && !s.values.includes(s.initial)) {
      issues.push({
        column: `${col}.initial`,
        expected: "one of the slider's values",
        received: describeValue(s.initial),
      });
    }
  }
  const frames = entries.reduce((n, [, s]) => n * (Array.isArray(s?.values) ? s.values.length : 1), 1);
  if (Number.isInteger(maxFrames) && frames > maxFrames) {
    issues.push({
      column: "sliders",
      expected: `at most maxFrames = ${maxFrames} frames (product of the slider lengths)`,
      received: String(frames),
      message: "use fewer slider values or raise maxFrames",
    });
  }
  return issues;
}

/** The text shown next to each slider for each of its values. */
export function sliderLabels(entries: [string, SliderSpec][]): string[][] {
  return entries.map(([, s]) =>
    s.values.map((v) => (s.format ? (s.format as (x: SliderValue) => string)(v) : String(v)))
  );
}

/** The grid of slider positions of a widget. */
export interface SliderGrid<P extends Record<string, SliderValue>> {
  /** Slider names in order. */
  readonly names: string[];
  /** Number of values of each slider. */
  readonly dims: number[];
  /** The initial position of each slider. */
  readonly initialPos: number[];
  /** The grid index of the initial positions (row-major, last slider fastest). */
  readonly initialIndex: number;
  /** Grid points: the product of `dims`. */
  readonly total: number;
  /** The parameter values at slider positions `pos`. */
  readonly paramsAt: (pos: readonly number[]) => P;
}

/** The grid of validated sliders. */
export function sliderGrid<P extends Record<string, SliderValue>>(
  entries: [string, SliderSpec][],
): SliderGrid<P> {
  const names = entries.map(([n]) => n);
  const dims = entries.map(([, s]) => s.values.length);
  const initialPos = entries.map(([, s]) => (s.initial === undefined ? 0 : s.values.indexOf(s.initial)));
  return {
    names,
    dims,
    initialPos,
    initialIndex: initialPos.reduce((k, p, i) => k * dims[i]! + p, 0),
    total: dims.reduce((a, b) => a * b, 1),
    paramsAt: (pos) => Object.fromEntries(names.map((n, i) => [n, entries[i]![1].values[pos[i]!]])) as P,
  };
}

/**
 * Evenly spaced slider values from `from` to `to` (inclusive) in steps of `step`, written with no more
 * decimals than `step` has, so the labels read 0.1, 0.2, 0.3 rather than 0.30000000000000004 (design
 * choice: slider positions are display values, not computed results).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sliderRange } from "clusterlab";
 * assert.deepEqual(sliderRange(0, 1, 0.25), [0, 0.25, 0.5, 0.75, 1]);
 * assert.deepEqual(sliderRange(0.1, 0.3, 0.1), [0.1, 0.2, 0.3]); // not 0.30000000000000004
 * ```
 */
export function sliderRange(from: number, to: number, step: number): number[] {
  const issues: ValidationIssue[] = [];
  for (const [k, v] of [["from", from], ["to", to], ["step", step]] as const) {
    if (typeof v !== "number" || !Number.isFinite(v)) {
      issues.push({ column: k, expected: "a finite number", received: describeValue(v) });
    }
  }
  if (issues.length === 0 && step <= 0) {
    issues.push({ column: "step", expected: "a positive number", received: describeValue(step) });
  }
  if (issues.length === 0 && to < from) {
    issues.push({ column: "to", expected: `a number ≥ from (${from})`, received: describeValue(to) });
  }
  if (issues.length > 0) throw new ValidationError("arguments of sliderRange()", issues);
  const decimals = Math.max(decimalPlaces(step), decimalPlaces(from));
  const n = Math.floor((to - from) / step + 1e-9);
  checkSize("arguments of sliderRange()", "step", {
    what: `(to ${to} − from ${from}) / step ${step} = ${n + 1} values`,
    values: n + 1,
    hint: "use a larger step",
  });
  const out: number[] = [];
  for (let i = 0; i <= n; i++) out.push(Number((from + i * step).toFixed(decimals)));
  return out;
}

function decimalPlaces(x: number): number {
  const s = String(x);
  if (s.includes("e-")) return Number(s.split("e-")[1]) + (s.split("e-")[0]!.split(".")[1]?.length ?? 0);
  return s.split(".")[1]?.length ?? 0;
}
