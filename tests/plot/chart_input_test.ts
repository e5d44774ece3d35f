import assert from "node:assert/strict";
import * as aq from "arquero";
import { cellGridFrame, requireColumns, textWidth, widestText } from "../../src/plot/chart_input.ts";
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
  const f = cellGridFrame(["A", "B"], ["s1", "s2", "s3"], 10);
  assert.deepEqual(f, { marginLeft: 18.5, marginBottom: 47, width: 18.5 + 20 + 30, height: 47 + 30 + 20 });
  assert.equal(cellGridFrame(["x".repeat(100)], ["y".repeat(100)], 10).marginLeft, 260);
  assert.equal(cellGridFrame(["x"], ["y".repeat(100)], 10).marginBottom, 300);
});
