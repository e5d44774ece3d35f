import assert from "node:assert/strict";
import * as aq from "arquero";
import {
  cellGridFrame,
  columnTicks,
  requireColumns,
  textWidth,
  widestText,
} from "../../src/plot/chart_input.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

Deno.test("requireColumns(): names every missing column and the columns present", () => {
  const t = aq.table({ region: ["A"], year: [2020] });
  requireColumns(t, ["region", "year"], "input of x", "a table");
  assert.throws(
    () => requireColumns(t, ["region", "D", "C"], "input of couplingHeatmap", "a couplingCoordination table"),
    (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.deepEqual(e.issues.map((i) => [i.column, i.expected, i.received]), [
        ["D", 'a column "D" (a couplingCoordination table)', "columns region, year"],
        ["C", 'a column "C" (a couplingCoordination table)', "columns region, year"],
      ]);
      return true;
    },
  );
  assert.throws(() => requireColumns([] as never, ["a"], "input", "a table"), /column "table"/);
});

Deno.test("textWidth(): CJK characters (from U+2E80) count as cjk units, others as latin", () => {
  assert.equal(textWidth("ab", 1, 1.9), 2);
  assert.equal(textWidth("北京 A", 6.5, 11), 11 + 11 + 6.5 + 6.5);
  assert.equal(widestText(["a", "北京"], 1, 2), 4);
  assert.equal(widestText([], 1, 2), 0);
});

Deno.test("cellGridFrame(): margins from the longest labels (capped), one cellSize per cell", () => {
  // 10 px cells: upright column labels, 6.3 px per character (36 + 2 · 6.3, rounded up)
  const f = cellGridFrame(["A", "B"], ["s1", "s2", "s3"], 10);
  assert.deepEqual(f, { marginLeft: 18.5, marginBottom: 49, width: 18.5 + 20 + 30, height: 49 + 30 + 20 });
  // 14 px cells: labels at −60°, 5.5 px per character
  assert.equal(cellGridFrame(["A"], ["s1", "s2"], 14).marginBottom, 47);
  assert.equal(cellGridFrame(["x".repeat(100)], ["y".repeat(100)], 10).marginLeft, 260);
  assert.equal(cellGridFrame(["x"], ["y".repeat(100)], 10).marginBottom, 300);
});

Deno.test("columnTicks: −60° only when neighbouring labels keep 12 px apart, upright below, every k-th under 10 px", () => {
  const cols = Array.from({ length: 72 }, (_, i) => `c${i}`);
  assert.deepEqual(columnTicks(cols, 14), { tickRotate: -60 }); // 14 · sin 60° = 12.1
  assert.deepEqual(columnTicks(cols, 13), { tickRotate: -90 }); // 11.3: rotated labels would touch
  assert.deepEqual(columnTicks(cols, 11), { tickRotate: -90 });
  const thin = columnTicks(cols, 4);
  assert.equal(thin.tickRotate, -90);
  assert.deepEqual(thin.ticks?.slice(0, 3), ["c0", "c3", "c6"]); // 3 cells = 12 px apart
  assert.equal(thin.ticks?.length, 24);
});
