/**
 * No schema given: no silent coercion (a code like `0161` never becomes 161 without the user asking, long
 * identifiers never lose digits, "true" and dates stay what they are) and a short row is an error, as with a
 * schema.
 * @module
 */
import assert from "node:assert/strict";
import { ACTIVITY, parseDelimited, readCSV, readJSON, readTSV } from "../../src/mod.ts";
import type { ColumnTable } from "../../src/deps/arquero.ts";
import { type Case, file } from "./case.ts";

const col = (r: unknown, c: string) => Array.from((r as ColumnTable).array(c) as ArrayLike<unknown>);

/** The cases of the no-schema class. */
export const NO_SCHEMA: Case[] = [
  {
    name: "readCSV without a schema: a code with a leading zero stays text",
    run: () => readCSV(file("codes.csv", "region,sector,value\nR1,0161,3\nR2,0162,4\n")),
    expect: {
      result: (r) => {
        assert.deepEqual(col(r, "sector"), ["0161", "0162"]);
        assert.deepEqual(col(r, "value"), [3, 4]);
      },
    },
  },
  {
    name: "readCSV without a schema: one leading zero keeps the whole column text",
    run: () => readCSV(file("codes2.csv", "sic\n161\n0161\n")),
    expect: { result: (r) => assert.deepEqual(col(r, "sic"), ["161", "0161"]) },
  },
  {
    name: "readCSV without a schema: a signed code with zeros stays text",
    run: () => readCSV(file("codes3.csv", "code\n-007\n12\n")),
    expect: { result: (r) => assert.deepEqual(col(r, "code"), ["-007", "12"]) },
  },
  {
    name: "readCSV without a schema: decimals below 1 are numbers",
    run: () => readCSV(file("dec.csv", "share\n0.25\n.5\n-0.75\n")),
    expect: { result: (r) => assert.deepEqual(col(r, "share"), [0.25, 0.5, -0.75]) },
  },
  {
    name: "readCSV without a schema: plain integers and exponents are numbers",
    run: () => readCSV(file("ints.csv", "n\n0\n12\n1e3\n")),
    expect: { result: (r) => assert.deepEqual(col(r, "n"), [0, 12, 1000]) },
  },
  {
    name: "readCSV without a schema: a 20-digit identifier stays text (digits past 2⁵³)",
    run: () => readCSV(file("ids.csv", "id,v\n12345678901234567890,1\n")),
    expect: { result: (r) => assert.deepEqual(col(r, "id"), ["12345678901234567890"]) },
  },
  {
    name: "readCSV without a schema: 2⁵³ + 1 stays text",
    run: () => readCSV(file("ids2.csv", "id\n9007199254740993\n")),
    expect: { result: (r) => assert.deepEqual(col(r, "id"), ["9007199254740993"]) },
  },
  {
    name: "readCSV without a schema: true/false are not guessed into booleans",
    run: () => readCSV(file("bools.csv", "flag\ntrue\nfalse\n")),
    expect: { result: (r) => assert.deepEqual(col(r, "flag"), ["true", "false"]) },
  },
  {
    name: "readCSV without a schema: ISO dates are not guessed into Dates",
    run: () => readCSV(file("dates.csv", "day\n2020-01-31\n")),
    expect: { result: (r) => assert.deepEqual(col(r, "day"), ["2020-01-31"]) },
  },
  {
    name: "readCSV without a schema: NaN and Infinity are text, never numbers",
    run: () => readCSV(file("nan.csv", "x\nNaN\nInfinity\n")),
    expect: { result: (r) => assert.deepEqual(col(r, "x"), ["NaN", "Infinity"]) },
  },
  {
    name: "readCSV without a schema: a thousands separator keeps the column text",
    run: () => readCSV(file("thousands.csv", 'jobs\n"1,234"\n56\n')),
    expect: { result: (r) => assert.deepEqual(col(r, "jobs"), ["1,234", "56"]) },
  },
  {
    name: "readCSV without a schema: spaces around a number are trimmed",
    run: () => readCSV(file("spaces.csv", "a, b\n1, 2\n")),
    expect: { result: (r) => assert.deepEqual(col(r, " b"), [2]) },
  },
  {
    name: "readCSV without a schema: an empty cell of a numeric column is empty (null), not 0 or NaN",
    run: () => readCSV(file("gaps.csv", "a,b\n1,\n2,3\n")),
    expect: { result: (r) => assert.deepEqual(col(r, "b"), [null, 3]) },
  },
  {
    name: "readCSV without a schema: the `text` option keeps a numeric column as text",
    run: () => readCSV(file("keep.csv", "year,v\n2020,1\n"), { text: ["year"] }),
    expect: { result: (r) => assert.deepEqual(col(r, "year"), ["2020"]) },
  },
  {
    name: "readCSV without a schema: a short row is an error, as with a schema",
    run: () => readCSV(file("short-ns.csv", "region,sector,value\nR1,0161\n")),
    expect: { error: { line: 2, row: 1, column: "(fields)", expected: /3 fields/ } },
  },
  {
    name: "readCSV with a schema: the same short row is an error too",
    run: () => readCSV(file("short-s.csv", "region,sector,value\nR1,0161\n"), { schema: ACTIVITY }),
    expect: { error: { line: 2, column: "(fields)" } },
  },
  {
    name: "readCSV without a schema: a long row is an error (arquero would drop the value)",
    run: () => readCSV(file("long-ns.csv", "a,b\n1,2,99\n")),
    expect: { error: { row: 1, column: "(fields)", received: /3 fields/ } },
  },
  {
    name: "readTSV without a schema: codes stay text",
    run: () => readTSV(file("codes.tsv", "sector\tvalue\n0161\t3\n")),
    expect: { result: (r) => assert.deepEqual(col(r, "sector"), ["0161"]) },
  },
  {
    name: "parseDelimited without a schema: codes stay text",
    run: () => parseDelimited("nuts,jobs\n01,5\n02,6"),
    expect: { result: (r) => assert.deepEqual(col(r, "nuts"), ["01", "02"]) },
  },
  {
    name: "parseDelimited without a schema: a short row is an error",
    run: () => parseDelimited("a,b\n1"),
    expect: { error: { subject: /CSV text/, line: 2, column: "(fields)" } },
  },
  {
    name: "readJSON: strings stay strings (no coercion of JSON types)",
    run: () => readJSON(file("typed.json", '[{"sector": "0161", "value": 3}]')),
    expect: { result: (r) => assert.deepEqual((r as ColumnTable).objects(), [{ sector: "0161", value: 3 }]) },
  },
  {
    name: "readJSON: rows lacking a key are kept, the cell missing, for validation to report",
    run: () =>
      readJSON(
        file("ragged-rows.json", '[{"region":"R1","sector":"01","value":3},{"region":"R2","sector":"01"}]'),
        { schema: ACTIVITY },
      ),
    expect: { error: { row: 2, column: "value", received: /undefined/ } },
  },
];
