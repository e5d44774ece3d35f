import assert from "node:assert/strict";
import * as aq from "arquero";
import { fromDanfo, isDanfoFrame, toDanfo, toTable } from "../../src/data/adapters.ts";

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

Deno.test("toTable() rejects what is not a table", () => {
  assert.throws(() => toTable(42 as never), /Expected a table/);
});
