import assert from "node:assert/strict";
import { ValidationError } from "../../src/mod.ts";
import {
  readNumbers,
  readValues,
  sqlIdentifier,
  sqlList,
  sqlString,
  withEngine,
} from "../../src/data/duckdb_engine.ts";

Deno.test("sqlIdentifier() and sqlString() quote safely; empty names and NULs are refused", () => {
  assert.equal(sqlIdentifier('a"b'), '"a""b"');
  assert.equal(sqlString("it's"), "'it''s'");
  assert.equal(sqlList(["a", "b'c"]), "['a', 'b''c']");
  assert.throws(() => sqlIdentifier(""), ValidationError);
  assert.throws(() => sqlString("a\0b"), ValidationError);
});

Deno.test("quoted names and strings survive a round trip through DuckDB", async () => {
  const name = 'odd "name", with; -- all';
  const text = "it's -- not a comment; DROP TABLE x";
  const rows = await withEngine((db) => db.rows(`SELECT ${sqlString(text)} AS ${sqlIdentifier(name)}`));
  assert.deepEqual(rows, [{ [name]: text }]);
});

Deno.test("readNumbers() copies every chunk (typed fast path and item path agree); a NULL is an error", async () => {
  await withEngine(async (db) => {
    const result = await db.run(
      "SELECT CAST(i AS INTEGER) AS i, CAST(i AS DOUBLE) / 2 AS x, CASE WHEN i = 4097 THEN NULL ELSE CAST(i AS DOUBLE) END AS n FROM range(5000) t(i)",
    );
    assert.ok(result.chunkCount > 1);
    const i = readNumbers(result, 0, new Int32Array(result.rowCount));
    const x = readNumbers(result, 1, new Float64Array(result.rowCount));
    assert.deepEqual([...i], readValues(result, 0));
    assert.deepEqual([...x], readValues(result, 1));
    assert.equal(x[4999], 2499.5);
    assert.throws(() => readNumbers(result, 2, new Float64Array(result.rowCount)), /row 4098: null/);
  });
});

Deno.test("withEngine() gives each call its own database, closed afterwards (also on error)", async () => {
  await withEngine((db) => db.run("CREATE TABLE t AS SELECT 1 AS a"));
  const tables = await withEngine((db) => db.rows("SELECT table_name FROM information_schema.tables"));
  assert.deepEqual(tables, []);
  await assert.rejects(withEngine((db) => db.run("SELECT * FROM nowhere")), /nowhere/);
});
