/**
 * Encodings: invalid UTF-8 is never silently replaced by `�`; the `encoding` option reads GBK/GB18030 (Chinese
 * statistical releases) and Latin-1; a wrong guess is an error that says which encoding to try, naming the
 * file, the line and the byte offset.
 * @module
 */
import assert from "node:assert/strict";
import { loadDataset, readCSV, readJSON, readTSV } from "../../src/mod.ts";
import type { ColumnTable } from "../../src/deps/arquero.ts";
import { bytes, type Case, file } from "./case.ts";

const rows = (r: unknown) => (r as ColumnTable).objects();
/** 浙江 (Zhejiang) in GBK, and 北京 (Beijing). */
const ZHEJIANG_GBK = [0xd5, 0xe3, 0xbd, 0xad], BEIJING_GBK = [0xb1, 0xb1, 0xbe, 0xa9];
/** São Paulo in Latin-1 (ã = 0xE3). */
const SAO_LATIN1 = bytes("S", [0xe3], "o Paulo");
/** 𠀀 (U+20000, outside GBK) in GB18030: a four-byte sequence. */
const U20000_GB18030 = [0x95, 0x32, 0x82, 0x36];

const gbkCSV = () => file("gbk.csv", bytes("province,value\n", ZHEJIANG_GBK, ",3\n", BEIJING_GBK, ",4\n"));
const latinCSV = () => file("latin1.csv", bytes("city,value\n", [...SAO_LATIN1], ",12\n"));

/** The cases of the encoding class. */
export const ENCODINGS: Case[] = [
  {
    name: "readCSV: GBK bytes read as UTF-8 (the default) suggest gb18030",
    run: () => readCSV(gbkCSV()),
    expect: {
      error: {
        file: "gbk.csv",
        line: 2,
        offset: 15,
        column: "(encoding)",
        received: /D5 E3/,
        message: /try \{ encoding: "gb18030" \}/,
      },
    },
  },
  {
    name: "readCSV: GBK with encoding gbk",
    run: () => readCSV(gbkCSV(), { encoding: "gbk" }),
    expect: {
      result: (r) =>
        assert.deepEqual(rows(r), [{ province: "浙江", value: 3 }, { province: "北京", value: 4 }]),
    },
  },
  {
    name: "readCSV: GBK with encoding gb18030 (its superset)",
    run: () => readCSV(gbkCSV(), { encoding: "gb18030" }),
    expect: { result: (r) => assert.equal((r as ColumnTable).get("province", 0), "浙江") },
  },
  {
    name: "readCSV: a four-byte GB18030 character with encoding gb18030",
    run: () => readCSV(file("gb18030.csv", bytes("name\n", U20000_GB18030, "\n")), { encoding: "gb18030" }),
    expect: { result: (r) => assert.equal((r as ColumnTable).get("name", 0), "\u{20000}") },
  },
  {
    name:
      "readCSV: encoding gbk reads GB18030's four-byte characters too (the Encoding Standard's gbk decoder)",
    run: () => readCSV(file("gb18030b.csv", bytes("name\n", U20000_GB18030, "\n")), { encoding: "gbk" }),
    expect: { result: (r) => assert.equal((r as ColumnTable).get("name", 0), "\u{20000}") },
  },
  {
    name: "readCSV: bytes invalid in GB18030 too (a lead byte without its trail) are an error",
    run: () => readCSV(file("gbk-cut.csv", bytes("name\n", [0xd5]))),
    expect: { error: { line: 2, offset: 5, column: "(encoding)" } },
  },
  {
    name: "readCSV: a GBK lead byte without its trail, with encoding gbk",
    run: () => readCSV(file("gbk-cut2.csv", bytes("name\n", [0xd5], "\n")), { encoding: "gbk" }),
    expect: { error: { line: 2, offset: 5, column: "(encoding)", expected: /GBK/ } },
  },
  {
    name: "readCSV: Latin-1 read as UTF-8 suggests latin1",
    run: () => readCSV(latinCSV()),
    expect: { error: { line: 2, offset: 12, column: "(encoding)", message: /try \{ encoding: "latin1" \}/ } },
  },
  {
    name: "readCSV: Latin-1 with encoding latin1",
    run: () => readCSV(latinCSV(), { encoding: "latin1" }),
    expect: { result: (r) => assert.deepEqual(rows(r), [{ city: "São Paulo", value: 12 }]) },
  },
  {
    name: "readCSV: Windows-1252 quotes with encoding latin1 (its superset, as browsers read it)",
    run: () =>
      readCSV(file("cp1252.csv", bytes("note\n", [0x93], "R&D", [0x94], "\n")), { encoding: "latin1" }),
    expect: { result: (r) => assert.equal((r as ColumnTable).get("note", 0), "“R&D”") },
  },
  {
    name: "readCSV: encoding iso-8859-1 is accepted as a label of Latin-1",
    run: () => readCSV(latinCSV(), { encoding: "iso-8859-1" }),
    expect: { result: (r) => assert.equal((r as ColumnTable).get("city", 0), "São Paulo") },
  },
  {
    name: "readCSV: UTF-8 text named gbk would be garbled: an error naming UTF-8",
    run: () => readCSV(file("utf8.csv", "province,value\n浙江,3\n"), { encoding: "gbk" }),
    expect: {
      error: { line: 2, offset: 15, column: "(encoding)", received: /UTF-8 text/, message: /leave out/ },
    },
  },
  {
    name: "readCSV: UTF-8 text named latin1 would be garbled (é as Ã©)",
    run: () => readCSV(file("utf8b.csv", "city\nMünchen\n"), { encoding: "latin1" }),
    expect: { error: { line: 2, received: /C3 BC/ } },
  },
  {
    name: "readCSV: ASCII text with encoding gbk reads (nothing to garble)",
    run: () => readCSV(file("ascii.csv", "a,b\n1,2\n"), { encoding: "gbk" }),
    expect: { result: (r) => assert.deepEqual(rows(r), [{ a: 1, b: 2 }]) },
  },
  {
    name: "readCSV: UTF-16LE with a byte-order mark suggests utf-16le",
    run: () => readCSV(file("u16.csv", bytes([0xff, 0xfe, 0x61, 0, 0x0a, 0, 0x31, 0, 0x0a, 0]))),
    expect: { error: { offset: 0, message: /"utf-16le"/ } },
  },
  {
    name: "readCSV: UTF-16LE with encoding utf-16le",
    run: () =>
      readCSV(file("u16b.csv", bytes([0xff, 0xfe, 0x61, 0, 0x0a, 0, 0x31, 0, 0x0a, 0])), {
        encoding: "utf-16le",
      }),
    expect: { result: (r) => assert.deepEqual(rows(r), [{ a: 1 }]) },
  },
  {
    name: "readCSV: an unknown encoding label",
    run: () => readCSV(file("any.csv", "a\n1\n"), { encoding: "gbk2312" }),
    expect: { error: { column: "encoding", received: /"gbk2312"/, expected: /gb18030/ } },
  },
  {
    name: "readCSV: a lone continuation byte names its offset",
    run: () => readCSV(file("lone.csv", bytes("a\nx", [0x80], "y\n"))),
    expect: { error: { line: 2, offset: 3, received: /^bytes 80/ } },
  },
  {
    name: "readCSV: an overlong UTF-8 sequence is invalid, not decoded",
    run: () => readCSV(file("overlong.csv", bytes("a\n", [0xc0, 0xaf], "\n"))),
    expect: { error: { offset: 2, column: "(encoding)" } },
  },
  {
    name: "readCSV: a UTF-8 character cut at the end of the file",
    run: () => readCSV(file("cut-utf8.csv", bytes("a\n", [0xe4, 0xb8]))),
    expect: { error: { offset: 2, column: "(encoding)" } },
  },
  {
    name: "readCSV: an invalid byte on line 5 is reported on line 5",
    run: () => readCSV(file("line5.csv", bytes("a\n1\n2\n3\n", [0xff], "\n"))),
    expect: { error: { line: 5, offset: 8 } },
  },
  {
    name: "readCSV: a UTF-8 byte-order mark is removed",
    run: () => readCSV(file("bom.csv", bytes([0xef, 0xbb, 0xbf], "省份,value\n浙江,3\n"))),
    expect: { result: (r) => assert.deepEqual((r as ColumnTable).columnNames(), ["省份", "value"]) },
  },
  {
    name: "readCSV: valid UTF-8 Chinese reads without options",
    run: () => readCSV(file("zh.csv", "province,value\n浙江,3\n")),
    expect: { result: (r) => assert.equal((r as ColumnTable).get("province", 0), "浙江") },
  },
  {
    name: "readCSV: no U+FFFD replacement character ever enters a table",
    run: () => readCSV(file("latin-noreplace.csv", bytes("a\n", [0xe9], "\n"))),
    expect: { error: { column: "(encoding)", message: /latin1/ } },
  },
  {
    name: "readTSV: GBK bytes read as UTF-8 suggest gb18030",
    run: () => readTSV(file("gbk.tsv", bytes("province\tvalue\n", ZHEJIANG_GBK, "\t3\n"))),
    expect: { error: { file: "gbk.tsv", line: 2, message: /gb18030/ } },
  },
  {
    name: "readTSV: GBK with encoding gbk",
    run: () =>
      readTSV(file("gbk2.tsv", bytes("province\tvalue\n", ZHEJIANG_GBK, "\t3\n")), { encoding: "gbk" }),
    expect: { result: (r) => assert.equal((r as ColumnTable).get("province", 0), "浙江") },
  },
  {
    name: "readJSON: GBK bytes read as UTF-8 suggest gb18030",
    run: () => readJSON(file("gbk.json", bytes('[{"p": "', ZHEJIANG_GBK, '"}]'))),
    expect: { error: { file: "gbk.json", offset: 8, message: /gb18030/ } },
  },
  {
    name: "readJSON: GBK with encoding gbk",
    run: () => readJSON(file("gbk2.json", bytes('[{"p": "', ZHEJIANG_GBK, '"}]')), { encoding: "gbk" }),
    expect: { result: (r) => assert.equal((r as ColumnTable).get("p", 0), "浙江") },
  },
  {
    name: "readJSON: Latin-1 bytes read as UTF-8 suggest latin1",
    run: () => readJSON(file("latin.json", bytes('[{"city": "', [...SAO_LATIN1], '"}]'))),
    expect: { error: { message: /latin1/ } },
  },
  {
    name: "loadDataset: the shipped Chinese provinces decode strictly as UTF-8",
    run: () => loadDataset("china-provinces-st", { cache: false }),
    expect: { result: (r) => assert.ok(!JSON.stringify(rows(r)).includes("\ufffd")) },
  },
];
