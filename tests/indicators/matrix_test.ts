import assert from "node:assert/strict";
import * as aq from "arquero";
import { Matrix, matrixFrom, Series } from "../../src/indicators/matrix.ts";
import { ValidationError } from "../../src/data/validation_error.ts";

Deno.test("matrixFrom() builds a labelled matrix from rows of objects, summing duplicates", () => {
  const m = matrixFrom(
    [
      { region: "R2", sector: "I1", value: 1 },
      { region: "R1", sector: "I2", value: 2 },
      { region: "R1", sector: "I2", value: 3 },
    ],
    { row: "region", col: "sector", value: "value" },
  );
  assert.deepEqual(m.rows, ["R1", "R2"]);
  assert.deepEqual(m.cols, ["I1", "I2"]);
  assert.deepEqual(m.toArrays(), [[0, 5], [1, 0]]);
  assert.equal(m.get("R1", "I2"), 5);
  assert.ok(m.data instanceof Float64Array);
});

Deno.test("matrixFrom() reads arquero tables and danfojs-shaped frames alike", () => {
  const t = aq.table({ r: ["A", "B"], c: ["x", "x"], v: [1, 2] });
  const df = { $data: [], columns: ["r", "c", "v"], values: [["A", "x", 1], ["B", "x", 2]] };
  const opts = { row: "r", col: "c", value: "v" };
  assert.deepEqual(matrixFrom(t, opts).toArrays(), matrixFrom(df, opts).toArrays());
});

Deno.test("matrixFrom() from nested arrays, with row and column sums", () => {
  const m = matrixFrom([[1, 2], [3, 4]], { rows: ["a", "b"], cols: ["x", "y"] });
  assert.deepEqual(Array.from(m.rowSums()), [3, 7]);
  assert.deepEqual(Array.from(m.colSums()), [4, 6]);
  assert.deepEqual(m.transpose().toArrays(), [[1, 3], [2, 4]]);
  assert.deepEqual(m.toTable({ row: "region", col: "sector" }).objects()[1], {
    region: "a",
    sector: "y",
    value: 2,
  });
});

Deno.test("matrixFrom() names the row and column of a bad value", () => {
  assert.throws(
    () => matrixFrom([{ r: "A", c: "x", v: "3" }], { row: "r", col: "c", value: "v" }),
    (e: unknown) =>
      e instanceof ValidationError &&
      /row 1, column "v": expected a finite number, received "3"/.test(e.message),
  );
  assert.throws(() => matrixFrom([[1, Number.NaN]], { rows: ["a"], cols: ["x", "y"] }), /row 1, column "y"/);
  assert.throws(() => matrixFrom([{ r: "A" }], { row: "r", col: "c", value: "v" }), /column "c"/);
});

Deno.test("Series.get() and ranked()", () => {
  const s = new Series(["a", "b", "c"], Float64Array.from([2, 5, 2]), "lq");
  assert.equal(s.get("b"), 5);
  assert.deepEqual(s.ranked(), ["b", "a", "c"]);
  assert.deepEqual(s.toTable("region").columnNames(), ["region", "lq"]);
  assert.throws(() => s.get("z"), /Unknown label "z"/);
  assert.throws(() => new Matrix(["a"], ["x"], new Float64Array(2)), /needs 1 values/);
});
