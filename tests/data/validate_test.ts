import assert from "node:assert/strict";
import { ACTIVITY, PANEL, parseDelimited, validate, ValidationError } from "../../src/mod.ts";

function issuesOf(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error("expected a ValidationError");
}

Deno.test("parseDelimited() keeps code columns as text and parses numbers", () => {
  const t = parseDelimited("region,sector,value,year\nUKC1,0161,30,2015\nUKC1,0162,7.5,2015\n", {
    schema: ACTIVITY,
  });
  assert.deepEqual(t.array("sector"), ["0161", "0162"]);
  assert.deepEqual(Array.from(t.array("value") as ArrayLike<number>), [30, 7.5]);
  assert.deepEqual(Array.from(t.array("year") as ArrayLike<number>), [2015, 2015]);
});

Deno.test("a CSV with a missing column yields a ValidationError naming the column", () => {
  const e = issuesOf(() => parseDelimited("region,sector\nUKC1,0161\n", { schema: ACTIVITY }));
  assert.equal(e.issues.length, 1);
  assert.equal(e.issues[0]!.column, "value");
  assert.equal(e.issues[0]!.row, undefined);
  assert.match(
    e.message,
    /column "value": expected a column "value" \(a finite number ≥ 0\), received columns "region", "sector"/,
  );
});

Deno.test("a non-numeric value yields a ValidationError naming row and column", () => {
  const e = issuesOf(() => parseDelimited("region,sector,value\nA,01,3\nB,01,abc\n", { schema: ACTIVITY }));
  assert.deepEqual(e.issues, [{
    row: 2,
    column: "value",
    expected: "a finite number ≥ 0",
    received: '"abc"',
  }]);
  assert.match(e.message, /row 2, column "value": expected a finite number ≥ 0, received "abc"/);
});

Deno.test("a duplicate key yields a ValidationError naming both rows", () => {
  const e = issuesOf(() =>
    parseDelimited("region,sector,value,year\nA,01,3,2015\nB,01,4,2015\nA,01,5,2015\n", { schema: ACTIVITY })
  );
  assert.equal(e.issues.length, 1);
  assert.equal(e.issues[0]!.row, 3);
  assert.equal(e.issues[0]!.column, "region + sector + year");
  assert.match(e.issues[0]!.received, /duplicate of row 1/);
});

Deno.test("validate() reports every problem, not only the first", () => {
  const rows = [
    { entity: "北京", year: 2010.5, indicator: "rd", value: 1 },
    { entity: "", year: 2011, indicator: "rd", value: Number.NaN },
  ];
  const r = validate(rows, PANEL, { throw: false });
  assert.equal(r.ok, false);
  assert.deepEqual(r.issues.map((i) => [i.row, i.column]), [[2, "entity"], [1, "year"], [2, "value"]]);
});

Deno.test("validate() does not coerce numeric strings from typed input", () => {
  const r = validate([{ region: "A", sector: "01", value: "12" }], ACTIVITY, { throw: false });
  assert.equal(r.issues[0]!.column, "value");
  assert.equal(r.issues[0]!.received, '"12"');
});

Deno.test("validate() rejects codes that arrive as numbers (leading zeros may be lost)", () => {
  const r = validate([{ region: "A", sector: 161, value: 1 }], ACTIVITY, { throw: false });
  assert.deepEqual(r.issues.map((i) => i.column), ["sector"]);
});

Deno.test("negative employment is out of range", () => {
  const e = issuesOf(() => validate([{ region: "A", sector: "01", value: -1 }], ACTIVITY));
  assert.equal(e.issues[0]!.received, "-1");
});

Deno.test("optional columns may be absent or empty; extra columns pass through", () => {
  const t = validate([{ region: "A", sector: "01", value: 1, note: "x" }], ACTIVITY).table;
  assert.deepEqual(t.columnNames().sort(), ["note", "region", "sector", "value"]);
  const u = parseDelimited("region,sector,value,year\nA,01,1,\n", { schema: ACTIVITY });
  assert.equal(u.get("year", 0), null);
});
