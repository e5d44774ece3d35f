import assert from "node:assert/strict";
import { delimitedIssues } from "../../src/data/read.ts";
import * as aq from "arquero";
import {
  ACTIVITY,
  parseDelimited,
  readArrow,
  readCSV,
  readJSON,
  readTSV,
  ValidationError,
} from "../../src/mod.ts";

const dir = await Deno.makeTempDir();
const csv = `${dir}/a.csv`, tsv = `${dir}/a.tsv`, json = `${dir}/a.json`, arrow = `${dir}/a.arrow`;
await Deno.writeTextFile(csv, "region,sector,value,year\nUKC1,0161,30,2015\nUKC2,0161,5,2015\n");
await Deno.writeTextFile(tsv, "region\tsector\tvalue\nUKC1\t0161\t30\n");
await Deno.writeTextFile(json, JSON.stringify([{ region: "UKC1", sector: "0161", value: 30 }]));
await Deno.writeFile(arrow, aq.toArrowIPC(aq.table({ region: ["UKC1"], sector: ["0161"], value: [30] })));

Deno.test("readCSV() with a schema keeps codes as text and types numbers", async () => {
  const t = await readCSV(csv, { schema: ACTIVITY });
  assert.deepEqual(t.objects()[0], { region: "UKC1", sector: "0161", value: 30, year: 2015 });
});

Deno.test("readCSV() without a schema does not coerce: codes keep their zeros, `text` keeps numbers as text", async () => {
  const typed = await readCSV(csv);
  assert.equal(typed.get("sector", 0), "0161"); // a leading zero: the column stays text (no silent 161)
  assert.equal(typed.get("value", 0), 30); // numbers that read back unchanged are numbers
  const kept = await readCSV(csv, { text: ["value"] });
  assert.equal(kept.get("value", 0), "30"); // … unless the column is kept as text
});

Deno.test("readTSV(), readJSON() and readArrow() give the same validated table", async () => {
  const want = [{ region: "UKC1", sector: "0161", value: 30 }];
  for (const t of [await readTSV(tsv, { schema: ACTIVITY }), await readJSON(json, { schema: ACTIVITY })]) {
    assert.deepEqual(t.objects(), want);
  }
  const a = await readArrow(arrow, { schema: ACTIVITY });
  assert.deepEqual(a.objects(), want);
});

Deno.test("readJSON() with a schema does not coerce: a numeric string is an error naming row and column", async () => {
  const bad = `${dir}/bad.json`;
  await Deno.writeTextFile(bad, JSON.stringify([{ region: "UKC1", sector: "0161", value: "30" }]));
  await assert.rejects(
    () => readJSON(bad, { schema: ACTIVITY }),
    (e: unknown) => e instanceof ValidationError && /row 1, column "value"/.test(e.message),
  );
});

/** The ValidationError a call throws (or rejects with). */
async function errorOf(fn: () => unknown): Promise<ValidationError> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error("expected a ValidationError");
}

Deno.test("readCSV() on files: a missing column, a non-numeric value and a duplicate key each name row and column", async () => {
  const file = `${dir}/case.csv`;
  await Deno.writeTextFile(file, "region,sector\nUKC1,0161\n");
  let e = await errorOf(() => readCSV(file, { schema: ACTIVITY }));
  assert.deepEqual(e.issues.map((i) => [i.row, i.column]), [[undefined, "value"]]);
  assert.match(e.message, /column "value": expected a column "value"/);

  await Deno.writeTextFile(file, "region,sector,value,year\nUKC1,0161,30,2015\nUKC1,0162,thirty,2015\n");
  e = await errorOf(() => readCSV(file, { schema: ACTIVITY }));
  assert.deepEqual(e.issues, [{
    row: 2,
    column: "value",
    expected: "a finite number ≥ 0",
    received: '"thirty"',
  }]);

  await Deno.writeTextFile(file, "region,sector,value,year\nUKC1,0161,30,2015\nUKC1,0161,31,2015\n");
  e = await errorOf(() => readCSV(file, { schema: ACTIVITY }));
  assert.deepEqual(e.issues.map((i) => [i.row, i.column]), [[2, "region + sector + year"]]);
  assert.match(e.message, /row 2, column "region \+ sector \+ year": .*duplicate of row 1/);
});

Deno.test("parseDelimited(): extra fields and repeated column names are errors, not silently dropped", async () => {
  // arquero alone would drop the 99 and keep one of the two "value" columns
  let e = await errorOf(() =>
    parseDelimited("region,sector,value\nA,01,3,99\nB,02,4\n", { schema: ACTIVITY })
  );
  assert.deepEqual(e.issues, [{
    row: 1,
    line: 2,
    column: "(fields)",
    expected: "3 fields, as many as the header",
    received: "4 fields",
  }]);
  e = await errorOf(() => parseDelimited("a,b,a\n1,2,3\n"));
  assert.deepEqual(e.issues.map((i) => [i.column, i.received]), [["a", '"a" 2 times']]);
  // quoted delimiters and newlines belong to their field; rows are counted like arquero's (CRLF too)
  const ok = parseDelimited('region,sector,value\r\n"A, x\ny",01,3\r\nB,"0,2",4\r\n', { schema: ACTIVITY });
  assert.deepEqual(ok.array("sector"), ["01", "0,2"]);
  e = await errorOf(() => parseDelimited('a,b\n"1\n2",3\n4,5,6', { text: ["a"] }));
  assert.deepEqual(e.issues.map((i) => i.row), [2]);
});

Deno.test("parseDelimited() removes a leading byte-order mark (spreadsheet CSV)", () => {
  const t = parseDelimited("\ufeffregion,sector,value\nA,01,3\n", { schema: ACTIVITY });
  assert.deepEqual(t.columnNames(), ["region", "sector", "value"]);
});

Deno.test("delimitedIssues(text, delimiter): the 0.1 form equals { delimiter }", () => {
  const text = "a;b\n1;2;3\n4;5\n";
  assert.deepEqual(delimitedIssues(text, ";"), delimitedIssues(text, { delimiter: ";" }));
  assert.equal(delimitedIssues(text, ";").length, 1); // row 1 has a third field
  assert.deepEqual(delimitedIssues(text, ","), []);
});
