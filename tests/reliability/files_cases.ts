/**
 * Files: an empty file, a header-only file, a missing file, a directory, truncated JSON, bytes that are not
 * Arrow, a TSV read as CSV … through every reader. Each is a ValidationError naming the file (and the line or
 * byte offset), never a TypeError, a bare SyntaxError or an error from arquero, flechette or DuckDB.
 * @module
 */
import assert from "node:assert/strict";
import * as aq from "arquero";
import {
  ACTIVITY,
  loadDataset,
  parseDelimited,
  readArrow,
  readCSV,
  readJSON,
  readParquet,
  readTSV,
  scanLong,
} from "../../src/mod.ts";
import type { ColumnTable } from "../../src/deps/arquero.ts";
import { bytes, type Case, DIR, file } from "./case.ts";

const rows = (r: unknown) => (r as ColumnTable).objects();
const arrow = () => aq.table({ region: ["R1", "R2"], value: [3, 4] }).toArrowIPC();

/** The cases of the file class. */
export const FILES: Case[] = [
  // readCSV
  {
    name: "readCSV: an empty file",
    run: () => readCSV(file("empty.csv", "")),
    expect: {
      error: { file: "empty.csv", column: "(file)", expected: /non-empty file/, received: /0 bytes/ },
    },
  },
  {
    name: "readCSV: a file of blank lines",
    run: () => readCSV(file("blank.csv", "\n\n  \n")),
    expect: { error: { file: "blank.csv", column: "(text)", received: /no text/ } },
  },
  {
    name: "readCSV: a header-only file",
    run: () => readCSV(file("header.csv", "region,sector,value\n")),
    expect: { error: { file: "header.csv", line: 2, column: "(rows)", expected: /at least one data row/ } },
  },
  {
    name: "readCSV: a header-only file, with a schema",
    run: () => readCSV(file("header2.csv", "region,sector,value\n"), { schema: ACTIVITY }),
    expect: { error: { file: "header2.csv", column: "(rows)", received: /only the header/ } },
  },
  {
    name: "readCSV: a missing file",
    run: () => readCSV(`${DIR}/no-such-file.csv`),
    expect: { error: { file: "no-such-file.csv", column: "(file)", expected: /an existing file/ } },
  },
  {
    name: "readCSV: a missing file given as a file: URL",
    run: () => readCSV(new URL(`file://${DIR}/missing-url.csv`)),
    expect: { error: { file: "missing-url.csv", received: /no such file/ } },
  },
  {
    name: "readCSV: a directory",
    run: () => readCSV(DIR),
    expect: { error: { file: true, column: "(file)", expected: /a file/, received: /a directory/ } },
  },
  {
    name: "readCSV: an http URL (not a local file)",
    run: () => readCSV(new URL("https://example.org/data.csv")),
    expect: { error: { column: "(file)", expected: /a local file/ } },
  },
  {
    name: "readCSV: tab-separated text read as CSV",
    run: () => readCSV(file("tabs.csv", "region\tsector\tvalue\nR1\t0161\t3\n")),
    expect: {
      error: { file: "tabs.csv", line: 1, column: "(header)", received: /2 tab/, message: /readTSV/ },
    },
  },
  {
    name: "readCSV: semicolon-separated text (European spreadsheets)",
    run: () => readCSV(file("semi.csv", "region;value\nR1;3,5\n")),
    expect: { error: { file: "semi.csv", column: "(header)", message: /delimiter: ";"/ } },
  },
  {
    name: "readCSV: a row shorter than the header",
    run: () => readCSV(file("short.csv", "a,b,c\n1,2,3\n4,5\n")),
    expect: { error: { file: "short.csv", line: 3, row: 2, column: "(fields)", received: /2 fields/ } },
  },
  {
    name: "readCSV: a row longer than the header",
    run: () => readCSV(file("long.csv", "a,b\n1,2,3\n")),
    expect: { error: { line: 2, row: 1, column: "(fields)", received: /3 fields/ } },
  },
  {
    name: "readCSV: a blank line between rows (a row of one empty field)",
    run: () => readCSV(file("gap.csv", "a,b\n1,2\n\n3,4\n")),
    expect: { error: { line: 3, row: 2, column: "(fields)", received: /1 field$/ } },
  },
  {
    name: "readCSV: the line of a short row after a quoted line break",
    run: () => readCSV(file("quoted.csv", 'a,b\n"x\ny",1\n2\n')),
    expect: { error: { line: 4, row: 2, column: "(fields)" } },
  },
  {
    name: "readCSV: trailing blank lines are not rows",
    run: () => readCSV(file("trailing.csv", "a,b\n1,2\n3,4\n\n\n")),
    expect: { result: (r) => assert.deepEqual(rows(r), [{ a: 1, b: 2 }, { a: 3, b: 4 }]) },
  },
  {
    name: "readCSV: Windows line ends and a byte-order mark",
    run: () => readCSV(file("crlf.csv", "\ufeffregion,value\r\nR1,3\r\n")),
    expect: { result: (r) => assert.deepEqual(rows(r), [{ region: "R1", value: 3 }]) },
  },
  {
    name: "readCSV: a column name used twice",
    run: () => readCSV(file("twice.csv", "a,b,a\n1,2,3\n")),
    expect: { error: { line: 1, column: "a", received: /2 times/ } },
  },
  {
    name: "readCSV: with a schema, a bad cell names the file, the row and the column",
    run: () => readCSV(file("bad-cell.csv", "region,sector,value\nR1,0161,many\n"), { schema: ACTIVITY }),
    expect: { error: { file: "bad-cell.csv", row: 1, column: "value", received: /"many"/ } },
  },
  {
    name: "readCSV: with a schema, a missing column names the file",
    run: () => readCSV(file("no-value.csv", "region,sector\nR1,0161\n"), { schema: ACTIVITY }),
    expect: { error: { file: "no-value.csv", column: "value", expected: /a column "value"/ } },
  },
  // readTSV
  {
    name: "readTSV: an empty file",
    run: () => readTSV(file("empty.tsv", "")),
    expect: { error: { file: "empty.tsv", column: "(file)" } },
  },
  {
    name: "readTSV: a header-only file",
    run: () => readTSV(file("header.tsv", "region\tvalue\n")),
    expect: { error: { file: "header.tsv", column: "(rows)" } },
  },
  {
    name: "readTSV: comma-separated text read as TSV",
    run: () => readTSV(file("commas.tsv", "region,sector,value\nR1,0161,3\n")),
    expect: { error: { file: "commas.tsv", column: "(header)", message: /readCSV/ } },
  },
  {
    name: "readTSV: a missing file",
    run: () => readTSV(`${DIR}/missing.tsv`),
    expect: { error: { file: "missing.tsv", received: /no such file/ } },
  },
  {
    name: "readTSV: a short row",
    run: () => readTSV(file("short.tsv", "a\tb\n1\n")),
    expect: { error: { line: 2, column: "(fields)" } },
  },
  {
    name: "readTSV: a directory",
    run: () => readTSV(DIR),
    expect: { error: { received: /a directory/ } },
  },
  // readJSON
  {
    name: "readJSON: an empty file",
    run: () => readJSON(file("empty.json", "")),
    expect: { error: { file: "empty.json", column: "(file)" } },
  },
  {
    name: "readJSON: a truncated array of rows",
    run: () => readJSON(file("cut.json", '[{"region": "R1", "value": 3},\n {"region": "R2", "va')),
    expect: { error: { file: "cut.json", line: 2, column: "(JSON)", received: /truncated/ } },
  },
  {
    name: "readJSON: a truncated object of columns",
    run: () => readJSON(file("cut2.json", '{"region": ["R1", "R2"],\n"value": [3,')),
    expect: { error: { file: "cut2.json", line: 2, received: /truncated/ } },
  },
  {
    name: "readJSON: a syntax error in the middle names its line",
    run: () => readJSON(file("syntax.json", '[\n{"a": 1},\n{"a" 2},\n{"a": 3}\n]')),
    expect: { error: { line: 3, column: "(JSON)", received: /syntax error at column/ } },
  },
  {
    name: "readJSON: a lone number",
    run: () => readJSON(file("number.json", "42")),
    expect: { error: { column: "(JSON)", expected: /array of row objects or an object of columns/ } },
  },
  {
    name: "readJSON: a lone string",
    run: () => readJSON(file("string.json", '"rows"')),
    expect: { error: { column: "(JSON)", received: /"rows"/ } },
  },
  {
    name: "readJSON: null",
    run: () => readJSON(file("null.json", "null")),
    expect: { error: { column: "(JSON)", received: /null/ } },
  },
  {
    name: "readJSON: an array of arrays",
    run: () => readJSON(file("arrays.json", "[[1, 2], [3, 4]]")),
    expect: { error: { expected: /array of row objects/, received: /element 1/ } },
  },
  {
    name: "readJSON: an array of numbers (arquero would give an empty table)",
    run: () => readJSON(file("numbers.json", "[1, 2, 3]")),
    expect: { error: { received: /element 1 is 1/ } },
  },
  {
    name: "readJSON: an empty array",
    run: () => readJSON(file("nothing.json", "[]")),
    expect: { error: { expected: /at least one row/ } },
  },
  {
    name: "readJSON: an empty object",
    run: () => readJSON(file("nothing2.json", "{}")),
    expect: { error: { expected: /at least one row/ } },
  },
  {
    name: "readJSON: columns of different lengths",
    run: () => readJSON(file("ragged.json", '{"a": [1, 2], "b": [1]}')),
    expect: { error: { file: "ragged.json", column: "b", expected: /2 values/ } },
  },
  {
    name: "readJSON: a column that is not an array",
    run: () => readJSON(file("scalar-col.json", '{"a": [1, 2], "b": 3}')),
    expect: { error: { expected: /an array of values in column "b"/ } },
  },
  {
    name: "readJSON: a missing file",
    run: () => readJSON(`${DIR}/missing.json`),
    expect: { error: { file: "missing.json", received: /no such file/ } },
  },
  {
    name: "readJSON: a directory",
    run: () => readJSON(DIR),
    expect: { error: { received: /a directory/ } },
  },
  {
    name: "readJSON: with a schema, a numeric string names the file, row and column",
    run: () =>
      readJSON(file("strnum.json", '[{"region":"R1","sector":"01","value":"3"}]'), { schema: ACTIVITY }),
    expect: { error: { file: "strnum.json", row: 1, column: "value" } },
  },
  // readArrow
  {
    name: "readArrow: CSV text saved as .arrow",
    run: () => readArrow(file("text.arrow", "region,value\nR1,3\n")),
    expect: { error: { file: "text.arrow", offset: 0, expected: /Arrow IPC/, received: /readCSV/ } },
  },
  {
    name: "readArrow: a Parquet file",
    run: () => readArrow(file("p.arrow", bytes("PAR1", [0, 0, 0, 0], "PAR1"))),
    expect: { error: { offset: 0, received: /Parquet file: read it with readParquet/ } },
  },
  {
    name: "readArrow: a spreadsheet (ZIP)",
    run: () => readArrow(file("book.arrow", bytes([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]))),
    expect: { error: { received: /ZIP archive/ } },
  },
  {
    name: "readArrow: gzip-compressed bytes",
    run: () => readArrow(file("gz.arrow", bytes([0x1f, 0x8b, 8, 0, 0, 0]))),
    expect: { error: { received: /gzip/ } },
  },
  {
    name: "readArrow: random bytes",
    run: () => readArrow(file("noise.arrow", bytes([0x13, 0x37, 0xbe, 0xef, 0x00, 0x42]))),
    expect: { error: { offset: 0, received: /bytes 13 37 BE EF/ } },
  },
  {
    name: "readArrow: a truncated stream",
    run: () => {
      const b = arrow();
      return readArrow(file("cut.arrow", b.slice(0, b.length - 24)));
    },
    expect: { error: { file: "cut.arrow", received: /truncated/ } },
  },
  {
    name: "readArrow: only the first bytes of a stream",
    run: () => readArrow(file("cut2.arrow", arrow().slice(0, 12))),
    expect: { error: { received: /truncated/ } },
  },
  {
    name: "readArrow: an empty file",
    run: () => readArrow(file("empty.arrow", "")),
    expect: { error: { file: "empty.arrow", received: /0 bytes/ } },
  },
  {
    name: "readArrow: a missing file",
    run: () => readArrow(`${DIR}/missing.arrow`),
    expect: { error: { file: "missing.arrow", received: /no such file/ } },
  },
  {
    name: "readArrow: a directory",
    run: () => readArrow(DIR),
    expect: { error: { received: /a directory/ } },
  },
  {
    name: "readArrow: a stream without rows",
    run: () => readArrow(file("norows.arrow", aq.table({ region: [] as string[] }).toArrowIPC())),
    expect: { error: { column: "(rows)", expected: /at least one row/ } },
  },
  {
    name: "readArrow: an Arrow IPC file (not a stream) reads",
    run: () => readArrow(file("file.arrow", aq.table({ a: [1, 2] }).toArrowIPC({ format: "file" }))),
    expect: { result: (r) => assert.deepEqual(rows(r), [{ a: 1 }, { a: 2 }]) },
  },
  // readParquet and scanLong (DuckDB)
  {
    name: "readParquet: CSV text saved as .parquet",
    run: () => readParquet(file("text.parquet", "region,value\nR1,3\n")),
    expect: { error: { column: "source", received: /text\.parquet/ } },
  },
  {
    name: "readParquet: a missing file",
    run: () => readParquet(`${DIR}/missing.parquet`),
    expect: { error: { column: "source", expected: /an existing file/, received: /missing\.parquet/ } },
  },
  {
    name: "scanLong: a missing file",
    run: () => scanLong(`${DIR}/missing-scan.csv`),
    expect: { error: { column: "source", received: /missing-scan\.csv/ } },
  },
  {
    name: "scanLong: a glob that matches nothing",
    run: () => scanLong(`${DIR}/none-*.csv`),
    expect: { error: { column: "source", expected: /a glob that matches/ } },
  },
  // text in memory and shipped data
  {
    name: "parseDelimited: no text",
    run: () => parseDelimited(""),
    expect: { error: { subject: /CSV text/, column: "(text)" } },
  },
  {
    name: "parseDelimited: a header only",
    run: () => parseDelimited("a,b"),
    expect: { error: { column: "(rows)" } },
  },
  {
    name: "parseDelimited: tab-separated text with the default delimiter",
    run: () => parseDelimited("a\tb\n1\t2"),
    expect: { error: { column: "(header)", message: /tab-separated/ } },
  },
  {
    name: "loadDataset: an unknown name lists the names",
    run: () => loadDataset("uk-employment"),
    expect: { error: { column: "name", expected: /uk-employment-sic4/ } },
  },
];
