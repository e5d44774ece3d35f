import assert from "node:assert/strict";
import { sliderGrid, sliderRange } from "../../src/notebook/slider.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

Deno.test("sliderRange() gives clean decimal steps and validates its arguments", () => {
  assert.deepEqual(sliderRange(0, 1, 0.1), [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
  assert.deepEqual(sliderRange(2010, 2013, 1), [2010, 2011, 2012, 2013]);
  assert.deepEqual(sliderRange(0.05, 0.2, 0.05), [0.05, 0.1, 0.15, 0.2]);
  assert.deepEqual(sliderRange(1, 1, 1), [1]);
  assert.deepEqual(sliderRange(0, 1e-6, 2.5e-7), [0, 2.5e-7, 5e-7, 7.5e-7, 1e-6]);
  assert.throws(() => sliderRange(0, 1, 0), ValidationError);
  assert.throws(() => sliderRange(1, 0, 0.1), /expected a number ≥ from \(1\), received 0/);
  assert.throws(() => sliderRange(0, NaN, 0.1), /column "to": expected a finite number, received NaN/);
});

Deno.test("sliderGrid(): row-major grid, the last slider fastest; parameters at any position", () => {
  const g = sliderGrid<{ a: number; b: string }>([
    ["a", { label: { en: "A", zh: "甲" }, values: [1, 2, 3], initial: 2 }],
    ["b", { label: { en: "B", zh: "乙" }, values: ["x", "y"] }],
  ]);
  assert.deepEqual([g.names, g.dims, g.initialPos, g.initialIndex, g.total], [
    ["a", "b"],
    [3, 2],
    [1, 0],
    2,
    6,
  ]);
  assert.deepEqual(g.paramsAt([2, 1]), { a: 3, b: "y" });
});
