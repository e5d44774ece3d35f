import assert from "node:assert/strict";
import * as aq from "arquero";
import { ACTIVITY, readArrow, readCSV, readJSON, readTSV, ValidationError } from "../../src/data/mod.ts";

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

Deno.test("readCSV() without a schema keeps the columns named in `text` as text", async () => {
  const typed = await readCSV(csv);
  assert.equal(typed.get("sector", 0), 161); // arquero's type inference loses the zero …
  const kept = await readCSV(csv, { text: ["sector"] });
  assert.equal(kept.get("sector", 0), "0161"); // … unless the column is kept as text
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
