import assert from "node:assert/strict";
import {
  complexity,
  diversity,
  locationQuotient,
  matrixFrom,
  presence,
  proximity,
  rca,
  ValidationError,
} from "../../src/mod.ts";
import { assertClose, assertColumn, assertThrowsAs, stataExports, stataRows } from "./stata_fixture.ts";

Deno.test("locationQuotient: closed form on a 2 × 2 matrix", () => {
  const x = matrixFrom([[10, 0], [10, 20]], { regions: ["A", "B"], sectors: ["s1", "s2"] });
  const lq = locationQuotient(x);
  assert.deepEqual(lq.get("A", "s1"), 2); // (10/10)/(20/40)
  assert.deepEqual(lq.get("A", "s2"), 0);
  assertClose(lq.get("B", "s1"), (10 / 30) / (20 / 40), 1e-15);
  assertClose(lq.get("B", "s2"), (20 / 30) / (20 / 40), 1e-15);
  assert.deepEqual(lq.warnings, []);
  assert.ok(rca === locationQuotient);
});

Deno.test("locationQuotient: reproduces the Stata ecomplexity rca column", () => {
  const rows = stataRows();
  const lq = locationQuotient(stataExports());
  // Stata stored export_val as float32; rca agrees to float rounding (SOURCE.md: 1.4e-8 absolute).
  assertColumn(rows, "rca", (r) => lq.get(r.origin, r.hs92), 5e-8);
});

Deno.test("locationQuotient: long tables with default column names and options", () => {
  const lq = locationQuotient([
    { region: "A", sector: "s", value: 1 },
    { region: "A", sector: "t", value: 1 },
    { region: "B", sector: "t", value: 2 },
  ]);
  assert.deepEqual(lq.get("A", "s"), (1 / 2) / (1 / 4));
  const lq2 = locationQuotient([{ r: "A", c: "s", v: 5 }], { region: "r", sector: "c", value: "v" });
  assert.deepEqual(lq2.get("A", "s"), 1);
});

Deno.test("locationQuotient: zero rows/columns give 0 with a warning, never NaN", () => {
  const x = matrixFrom([[0, 0, 0], [1, 0, 3]], { regions: ["empty", "B"], sectors: ["a", "b", "c"] });
  const lq = locationQuotient(x);
  assert.ok(lq.data.every(Number.isFinite));
  assert.deepEqual(lq.get("empty", "a"), 0);
  assert.deepEqual(lq.get("B", "b"), 0);
  assert.deepEqual(lq.warnings.length, 2);
  assert.ok(lq.warnings[0]!.includes('"empty"'));
  assert.ok(lq.warnings[1]!.includes('"b"'));
  const z = locationQuotient(matrixFrom([[0]], { regions: ["A"], sectors: ["a"] }));
  assert.deepEqual(z.get("A", "a"), 0);
  assert.deepEqual(z.warnings.length, 1);
});

Deno.test("locationQuotient: negative values are a ValidationError naming the cell", () => {
  const x = matrixFrom([[1, -2]], { regions: ["A"], sectors: ["a", "b"] });
  const e = assertThrowsAs(() => locationQuotient(x), ValidationError);
  assert.deepEqual(e.issues[0]!.row, 1);
  assert.deepEqual(e.issues[0]!.column, "b");
  assert.deepEqual(e.issues[0]!.received, "-2");
});

Deno.test("indicators that read a long table themselves pass on its zero-fill warning, and accept missing", () => {
  const long = [
    { region: "A", sector: "s", value: 3 },
    { region: "A", sector: "t", value: 1 },
    { region: "B", sector: "s", value: 1 },
  ];
  const note = /^1 of 4 region × sector cells are absent from the input and set to 0: \("B", "t"\)/;
  assert.match(locationQuotient(long).warnings[0]!, note);
  assert.match(presence(long).warnings[0]!, note);
  const ones = [{ region: "A", sector: "s", value: 1 }, { region: "A", sector: "t", value: 1 }, {
    region: "B",
    sector: "s",
    value: 1,
  }];
  assert.match(complexity(ones).eci.warnings[0]!, note);
  assert.match(diversity(ones).warnings[0]!, note);
  assert.match(proximity(ones).warnings[0]!, note);
  // a Matrix built by the caller carries its own warning: the indicator does not repeat it
  const x = matrixFrom(long);
  assert.match(x.warnings[0]!, note);
  assert.equal(locationQuotient(x).warnings.filter((w) => note.test(w)).length, 0);
  // missing: "error" reaches matrixFrom through every indicator's options
  assert.throws(
    () => locationQuotient(long, { missing: "error" }),
    /1 region × sector pair absent: \("B", "t"\)/,
  );
  assert.throws(() => complexity(ones, { missing: "error" }), /absent/);
});
