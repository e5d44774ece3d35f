import assert from "node:assert/strict";
import { matrixFrom, Series, ValidationError } from "../../src/mod.ts";
import { rpop } from "../../src/advanced.ts";
import { assertThrowsAs } from "./stata_fixture.ts";

Deno.test("rpop: (x_rs / pop_r) / (x_·s / Σ pop), by hand; population as record, array, Series or number", () => {
  const x = matrixFrom([[30, 10, 0], [10, 10, 0]], { regions: ["A", "B"], sectors: ["s", "t", "u"] });
  const r = rpop(x, [1, 3]);
  assert.equal(r.get("A", "s"), 3); // 30 per inhabitant against 40 / 4 = 10
  assert.equal(r.get("A", "t"), 10 / (20 / 4)); // 2
  assert.equal(r.get("B", "s"), 10 / 3 / (40 / 4));
  assert.deepEqual(rpop(x, { B: 3, A: 1 }).toArrays(), r.toArrays());
  assert.deepEqual(rpop(x, new Series(["B", "A"], Float64Array.from([3, 1]))).toArrays(), r.toArrays());
  // equal populations: RPOP = x_rs / (x_·s / n), the share of the sector times the number of regions
  assert.equal(rpop(x, 7).get("A", "s"), 30 / (40 / 2));
  assert.equal(r.get("A", "u"), 0);
  assert.deepEqual(r.warnings, ['1 all-zero column(s) ("u"): RPOP 0/0 set to 0']);
});

Deno.test("rpop: a population ≤ 0, a missing region or a negative count is a ValidationError", () => {
  const x = matrixFrom([[1, 2], [3, 4]], { regions: ["A", "B"], sectors: ["s", "t"] });
  const e = assertThrowsAs(() => rpop(x, { A: 1, B: 0 }), ValidationError);
  assert.deepEqual([e.issues[0]!.row, e.issues[0]!.column, e.issues[0]!.received], [2, "population", "0"]);
  assertThrowsAs(() => rpop(x, { A: 1 }), ValidationError);
  assertThrowsAs(() => rpop(x, [1, 2, 3]), ValidationError);
  const neg = matrixFrom([[1, -2], [3, 4]], { regions: ["A", "B"], sectors: ["s", "t"] });
  assertThrowsAs(() => rpop(neg, 1), ValidationError);
});
