import assert from "node:assert/strict";
import * as aq from "arquero";
import { fromDanfo, isDanfoFrame, toDanfo, toTable } from "../../src/data/adapters.ts";
import { ValidationError } from "../../src/data/validation_error.ts";

Deno.test("toTable() accepts arrays of objects, column objects and arquero tables", () => {
  assert.deepEqual(toTable([{ a: 1 }, { a: 2 }]).array("a"), [1, 2]);
  assert.deepEqual(toTable({ a: [1, 2] }).array("a"), [1, 2]);
  const t = aq.table({ a: [3] });
  assert.equal(toTable(t), t);
});

Deno.test("fromDanfo() reads a danfojs-shaped DataFrame by columns and values", () => {
  const df = { $data: [], columns: ["region", "value"], values: [["R1", 3], ["R2", 4]] };
  assert.ok(isDanfoFrame(df));
  const t = toTable(df);
  assert.deepEqual(t.objects(), [{ region: "R1", value: 3 }, { region: "R2", value: 4 }]);
  assert.deepEqual(fromDanfo(df).array("value"), [3, 4]);
});

Deno.test("toDanfo() builds a DataFrame through the module it is given", () => {
  class DataFrame {
    constructor(readonly data: Record<string, unknown[]>) {}
  }
  const df = toDanfo(aq.table({ a: [1, 2] }), { DataFrame });
  assert.deepEqual(df.data, { a: [1, 2] });
});

Deno.test("toTable() rejects what is not a table with a ValidationError", () => {
  assert.throws(
    () => toTable(42 as never),
    (e: unknown) =>
      e instanceof ValidationError && e.issues[0]!.column === "(input)" &&
      e.issues[0]!.received === "number 42",
  );
  assert.throws(
    () => toTable([{ a: 1 }, 3] as never),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.row === 2 && e.issues[0]!.received === "3",
  );
});

Deno.test("toTable() keeps every key of every row: the union of keys is the column list", () => {
  const t = toTable([{ a: 1 }, { a: 2, b: 3 }]);
  assert.deepEqual(t.columnNames(), ["a", "b"]);
  assert.deepEqual(t.array("b"), [undefined, 3]);
});

Deno.test("toTable() refuses a column object whose columns differ in length", () => {
  assert.throws(
    () => toTable({ a: [1, 2], b: [1] }),
    (e: unknown) =>
      e instanceof ValidationError &&
      e.issues.length === 1 &&
      e.issues[0]!.column === "b" &&
      e.issues[0]!.expected === '2 values, as many as column "a"' &&
      e.issues[0]!.received === "1 values",
  );
});
