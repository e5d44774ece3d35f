import assert from "node:assert/strict";
import * as aq from "arquero";
import { ACTIVITY, readParquet, ValidationError, writeParquet } from "../../src/mod.ts";
import { withEngine } from "../../src/data/duckdb_engine.ts";

const dir = await Deno.makeTempDir();
globalThis.addEventListener("unload", () => Deno.removeSync(dir, { recursive: true }));
const path = (name: string) => `${dir}/${name}`;

async function failure(p: Promise<unknown>): Promise<ValidationError> {
  const e = await p.then(() => undefined, (x) => x);
  assert.ok(e instanceof ValidationError, `expected a ValidationError, got ${e}`);
  return e;
}

const mixed = aq.table({
  region: ["R1", "R2", null],
  sector: ["0161", "0162", "0161"],
  share: [1.5, null, -3.25],
  jobs: [1, 2, 3],
  patents: [1, 2 ** 40, 3],
  active: [true, false, null],
  since: [new Date("2020-01-02T03:04:05.678Z"), null, new Date(0)],
  id: [1n, 2n, 3n],
});

Deno.test("writeParquet() then readParquet() round-trips text, numbers, booleans, dates and nulls", async () => {
  const written = await writeParquet(mixed, path("mixed.parquet"));
  assert.deepEqual(written, {
    path: path("mixed.parquet"),
    rows: 3,
    types: {
      region: "VARCHAR",
      sector: "VARCHAR",
      share: "DOUBLE",
      jobs: "INTEGER",
      patents: "BIGINT",
      active: "BOOLEAN",
      since: "TIMESTAMP",
      id: "BIGINT",
    },
    warnings: [],
  });
  const t = await readParquet(path("mixed.parquet"));
  assert.deepEqual(t.columnNames(), mixed.columnNames());
  assert.deepEqual(
    t.objects(),
    (mixed.objects() as Record<string, unknown>[]).map((r) => ({ ...r, id: Number(r.id) })),
  );
  assert.ok(t.column("jobs")! instanceof Float64Array, "numbers without nulls arrive in a Float64Array");
});

Deno.test("the Parquet file holds what DuckDB itself reads: codes as VARCHAR with their zeros", async () => {
  const rows = await withEngine((db) =>
    db.rows(`SELECT typeof(sector) AS t, sector FROM '${path("mixed.parquet")}' ORDER BY sector LIMIT 1`)
  );
  assert.deepEqual(rows, [{ t: "VARCHAR", sector: "0161" }]);
});

Deno.test("readParquet(): columns, where, a schema, and several files by glob in order", async () => {
  const picked = await readParquet(path("mixed.parquet"), {
    columns: ["jobs", "sector"],
    where: "jobs >= 2",
  });
  assert.deepEqual(picked.objects(), [{ jobs: 2, sector: "0162" }, { jobs: 3, sector: "0161" }]);
  await Deno.mkdir(path("parts"));
  await writeParquet([{ region: "A", sector: "01", value: 1 }], path("parts/p1.parquet"));
  await writeParquet([{ region: "B", sector: "02", value: 2.5 }], path("parts/p2.parquet"));
  const both = await readParquet(path("parts/*.parquet"), { schema: ACTIVITY });
  assert.deepEqual(both.objects(), [{ region: "A", sector: "01", value: 1 }, {
    region: "B",
    sector: "02",
    value: 2.5,
  }]);
});

Deno.test("readParquet() of 100,000 rows keeps the file's row order", async () => {
  await withEngine((db) =>
    db.run(
      `COPY (SELECT i, 'c' || CAST(i % 7 AS VARCHAR) AS code FROM range(100000) t(i)) TO '${
        path("order.parquet")
      }' (FORMAT parquet)`,
    )
  );
  const t = await readParquet(path("order.parquet"));
  const i = t.array("i") as Float64Array, code = t.array("code") as string[];
  assert.equal(t.numRows(), 100000);
  assert.ok(i.every((v, k) => v === k));
  assert.ok(code.every((c, k) => c === `c${k % 7}`));
});

Deno.test("readParquet() refuses what it cannot represent exactly, naming the column", async () => {
  await withEngine((db) =>
    db.run(
      `COPY (SELECT [1, 2] AS list, 9007199254740993::BIGINT AS big, 5 AS ok) TO '${
        path("odd.parquet")
      }' (FORMAT parquet)`,
    )
  );
  const e = await failure(readParquet(path("odd.parquet")));
  assert.deepEqual(e.issues.map((i) => [i.column, i.received]), [["list", "a INTEGER[] column"]]);
  const big = await failure(readParquet(path("odd.parquet"), { columns: ["big", "ok"] }));
  assert.deepEqual(big.issues.map((i) => i.column), ["big"]);
  const missing = await failure(readParquet(path("odd.parquet"), { columns: ["nope"] }));
  assert.equal(missing.issues[0]!.expected, 'a column "nope"');
  const where = await failure(readParquet(path("odd.parquet"), { columns: ["ok"], where: "nope > 1" }));
  assert.equal(where.issues[0]!.column, "where");
  const csv = path("a.csv");
  await Deno.writeTextFile(csv, "a\n1\n");
  assert.equal((await failure(readParquet(csv))).issues[0]!.expected, "Parquet files (.parquet)");
});

Deno.test("writeParquet() refuses a column mixing kinds, a bad path and a bad codec; an empty column is text", async () => {
  const mix = await failure(writeParquet([{ a: 1 }, { a: "x" }], path("mix.parquet")));
  assert.deepEqual(mix.issues, [{ row: 2, column: "a", expected: "a number (as row 1)", received: '"x"' }]);
  const bad = await failure(writeParquet([{ a: 1 }], path("no/such/dir.parquet")));
  assert.equal(bad.issues[0]!.column, "path");
  const codec = await failure(writeParquet([{ a: 1 }], path("c.parquet"), { compression: "lz4" as "zstd" }));
  assert.equal(codec.issues[0]!.column, "compression");
  const empty = await writeParquet(
    { a: [1, 2], b: [null, undefined] },
    new URL(`file://${path("e.parquet")}`),
  );
  assert.deepEqual(empty.types, { a: "INTEGER", b: "VARCHAR" });
  assert.deepEqual(empty.warnings, ['column "b" has no values: written as VARCHAR']);
  assert.deepEqual((await readParquet(path("e.parquet"))).objects(), [{ a: 1, b: null }, { a: 2, b: null }]);
});
