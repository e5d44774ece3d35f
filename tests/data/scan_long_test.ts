import assert from "node:assert/strict";
import { ValidationError } from "../../src/mod.ts";
import { scanCells } from "../../src/data/scan_long.ts";
import { exactSumBits, FLAG, sumsAreExact } from "../../src/data/scan_sql.ts";
import { withEngine } from "../../src/data/duckdb_engine.ts";

const dir = await Deno.makeTempDir();
globalThis.addEventListener("unload", () => Deno.removeSync(dir, { recursive: true }));
const path = (name: string) => `${dir}/${name}`;

async function gzip(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function copy(sql: string, file: string): Promise<void> {
  await withEngine(async (db) => void await db.run(`COPY (${sql}) TO '${file}' (FORMAT parquet)`));
}

async function failure(p: Promise<unknown>): Promise<ValidationError> {
  const e = await p.then(() => undefined, (x) => x);
  assert.ok(e instanceof ValidationError, `expected a ValidationError, got ${e}`);
  return e;
}

/** The cells as plain rows, for comparisons. */
function rows(c: Awaited<ReturnType<typeof scanCells>>) {
  return [...c.value].map((v, k) => ({
    region: c.regions[c.region[k]!],
    sector: c.sectors[c.sector[k]!],
    ...(c.year ? { year: c.year[k] } : {}),
    value: v,
  }));
}

/** The engines that read CSV files: every CSV test runs with both. */
const ENGINES = ["duckdb", "js"] as const;

const JOBS = "region,sector,year,value\nR1,0161,2020,2\nR1,161,2020,3\nR1,0161,2020,0.5\nR2,0162,2021,4\n";
await Deno.writeTextFile(path("jobs.csv"), JOBS);

Deno.test("scanCells() keeps codes as text: 0161 and 161 are two sectors", async () => {
  for (const engine of ENGINES) {
    const c = await scanCells(path("jobs.csv"), { engine });
    assert.deepEqual(rows(c), [
      { region: "R1", sector: "0161", value: 2.5 },
      { region: "R1", sector: "161", value: 3 },
      { region: "R2", sector: "0162", value: 4 },
    ], engine);
    assert.equal(c.inputRows, 4);
    assert.equal(c.format, "csv");
    assert.deepEqual(c.warnings, []);
    assert.equal(c.engine, engine);
  }
  assert.equal((await scanCells(path("jobs.csv"))).engine, "js", "auto reads a plain CSV without DuckDB");
});

Deno.test("the JS reader returns the SQL DuckDB runs, and that SQL gives its cells", async () => {
  const js = await scanCells(path("jobs.csv"), { year: "year", engine: "js" });
  const duck = await scanCells(path("jobs.csv"), { year: "year", engine: "duckdb" });
  assert.equal(js.sql, duck.sql);
  const again = await withEngine((db) => db.rows(`${js.sql} ORDER BY 1, 2, 3`));
  assert.deepEqual(again, rows(js));
});

Deno.test("the returned sql runs in DuckDB as it is and gives the same cells", async () => {
  const c = await scanCells(path("jobs.csv"), { year: "year", where: "value > 1" });
  const again = await withEngine((db) => db.rows(`${c.sql} ORDER BY 1, 2, 3`));
  assert.deepEqual(again, rows(c));
  assert.deepEqual(again, [
    { region: "R1", sector: "0161", year: 2020, value: 2 },
    { region: "R1", sector: "161", year: 2020, value: 3 },
    { region: "R2", sector: "0162", year: 2021, value: 4 },
  ]);
  assert.match(c.sql, /^SELECT CAST\("region" AS VARCHAR\) AS "region",/);
  assert.match(c.sql, /WHERE \(\n {2}value > 1\n\)\nGROUP BY 1, 2, 3$/);
});

Deno.test("aggregate: count counts rows; value only names the column and need not exist", async () => {
  await Deno.writeTextFile(path("patents.csv"), "id,nuts2,field\n1,DE11,04\n2,DE11,04\n3,FR10,04\n");
  for (const engine of ENGINES) await countedPatents(engine);
});

async function countedPatents(engine: "duckdb" | "js") {
  const c = await scanCells(path("patents.csv"), {
    region: "nuts2",
    sector: "field",
    value: "patents",
    aggregate: "count",
    engine,
  });
  assert.deepEqual(rows(c), [{ region: "DE11", sector: "04", value: 2 }, {
    region: "FR10",
    sector: "04",
    value: 1,
  }]);
  assert.deepEqual(c.columns, { region: "nuts2", sector: "field", value: "patents" });
  assert.match(c.sql, /COUNT\(\*\) AS "patents"/);
}

Deno.test("gzipped CSV, TSV and a custom delimiter read like the plain CSV", async () => {
  await Deno.writeFile(path("jobs.csv.gz"), await gzip(JOBS));
  await Deno.writeTextFile(path("jobs.tsv"), JOBS.replaceAll(",", "\t"));
  await Deno.writeTextFile(path("jobs_semicolon.txt"), JOBS.replaceAll(",", ";"));
  const want = rows(await scanCells(path("jobs.csv"), { year: "year", engine: "duckdb" }));
  for (const engine of ENGINES) {
    const year = "year";
    assert.deepEqual(rows(await scanCells(path("jobs.csv"), { year, engine })), want, engine);
    assert.deepEqual(rows(await scanCells(path("jobs.csv.gz"), { year, engine })), want, engine);
    assert.deepEqual(rows(await scanCells(path("jobs.tsv"), { year, engine })), want, engine);
    assert.deepEqual(
      rows(await scanCells(path("jobs_semicolon.txt"), { year, delimiter: ";", engine })),
      want,
      engine,
    );
  }
});

Deno.test("several CSV files: columns are matched by name when the headers differ", async () => {
  await Deno.mkdir(path("more"), { recursive: true });
  await Deno.writeTextFile(path("more/a.csv"), "region,sector,value\nR1,0161,1\n");
  await Deno.writeTextFile(path("more/b.csv"), "value,sector,region,extra\n2,0161,R1,x\n5,0162,R2,y\n");
  const c = await scanCells(path("more/*.csv"));
  assert.equal(c.engine, "duckdb", "a glob is expanded by DuckDB");
  assert.deepEqual(c.files, [path("more/a.csv"), path("more/b.csv")]);
  const want = [{ region: "R1", sector: "0161", value: 3 }, { region: "R2", sector: "0162", value: 5 }];
  assert.deepEqual(rows(c), want);
  for (const engine of ENGINES) {
    const listed = await scanCells([path("more/a.csv"), path("more/b.csv")], { engine });
    assert.deepEqual(rows(listed), want, engine);
    assert.equal(listed.sql, c.sql, "union_by_name as DuckDB reads differing headers");
  }
});

Deno.test("a column missing from one file is named with that file", async () => {
  await Deno.writeTextFile(path("more2.csv"), "region,industry,value\nR1,0161,1\n");
  for (const engine of ENGINES) {
    const e = await failure(scanCells([path("jobs.csv"), path("more2.csv")], { engine }));
    assert.equal(e.issues.length, 1);
    assert.deepEqual(e.issues[0], {
      column: "sector",
      expected: 'a column "sector"',
      received: 'columns "region", "industry", "value"',
      message: `in ${path("more2.csv")}`,
    }, engine);
    const one = await failure(scanCells(path("more2.csv"), { engine }));
    assert.equal(one.subject, path("more2.csv"));
    assert.equal(one.issues[0]!.column, "sector");
  }
});

Deno.test("malformed CSV rows are listed with their row and line (none skipped)", async () => {
  await Deno.writeTextFile(
    path("bad.csv"),
    "region,sector,value\nR1,0161,2\nR1,0162,abc\nR2,0161,1,9\nR2,0161,7\n",
  );
  const issues = [];
  for (const engine of ENGINES) {
    const e = await failure(scanCells(path("bad.csv"), { engine }));
    assert.equal(e.subject, path("bad.csv"));
    assert.deepEqual(e.issues.map((i) => [i.row, i.column, i.received]), [
      [2, "value", '"abc"'],
      [3, "(row)", '"R2,0161,1,9"'],
    ]);
    assert.equal(e.issues[0]!.expected, "a finite number");
    assert.equal(e.issues[0]!.message, `line 3 of ${path("bad.csv")}`);
    issues.push(e.issues);
  }
  assert.deepEqual(issues[1], issues[0], "the same issues, messages included");
});

Deno.test("empty codes, missing or non-finite values and non-integer years are located by file and row", async () => {
  const text =
    "region,sector,year,value\nR1,0161,2020,2\n,0161,2020,3\nR2,0162,2021,inf\nR2,,2021.5,\nR3,0161,2020,nan\n";
  await Deno.writeTextFile(path("invalid.csv"), text);
  await copy(`SELECT * FROM read_csv('${path("invalid.csv")}', all_varchar = true)`, path("invalid.parquet"));
  const cases = [
    ...ENGINES.map((engine) => [path("invalid.csv"), engine] as const),
    [path("invalid.parquet"), "auto"] as const,
  ];
  for (const [file, engine] of cases) {
    const e = await failure(scanCells(file, { year: "year", engine }));
    assert.deepEqual(e.issues.map((i) => [i.row, i.column, i.received]), [
      [2, "region", "null (empty)"],
      [3, "value", '"inf"'],
      [4, "sector", "null (empty)"],
      [4, "year", '"2021.5"'],
      [4, "value", "null (empty)"],
      [5, "value", '"nan"'],
    ], file);
    assert.ok(e.issues.every((i) => i.message === `in ${file}`));
    assert.equal(e.issues[3]!.expected, "an integer year");
  }
});

Deno.test("typed Parquet columns: NULL values and codes, out-of-range and fractional years are located too", async () => {
  await copy(
    `SELECT * FROM (VALUES ('R1', '01', 2020, 5), (NULL, '01', 2020, 1), ('R2', '01', 2020, NULL),
                           ('R2', '', 2021, 2), ('R3', '02', 3000000000, 1)) t(region, sector, year, value)`,
    path("typed_invalid.parquet"),
  );
  const e = await failure(scanCells(path("typed_invalid.parquet"), { year: "year" }));
  assert.deepEqual(e.issues.map((i) => [i.row, i.column, i.received]), [
    [2, "region", "null (empty)"],
    [3, "value", "null (empty)"],
    [4, "sector", '""'],
    [5, "year", '"3000000000"'],
  ]);
  await copy("SELECT 'R1' AS region, '01' AS sector, 2020.5 AS year, 1 AS value", path("half_year.parquet"));
  const half = await failure(scanCells(path("half_year.parquet"), { year: "year" }));
  assert.deepEqual(half.issues.map((i) => [i.row, i.column, i.received]), [[1, "year", '"2020.5"']]);
  const fine = await scanCells(path("typed_invalid.parquet"), { year: "year", where: "region = 'R1'" });
  assert.deepEqual(rows(fine), [{ region: "R1", sector: "01", year: 2020, value: 5 }]);
});

Deno.test("invalid rows outside the where filter do not count; beyond 20 the total is given", async () => {
  const c = await scanCells(path("invalid.csv"), { year: "year", where: "region = 'R1'" });
  assert.deepEqual(rows(c), [{ region: "R1", sector: "0161", year: 2020, value: 2 }]);
  const many = "region,sector,value\n" + Array.from({ length: 30 }, (_, i) => `R${i},,1\n`).join("");
  await Deno.writeTextFile(path("many.csv"), many);
  const malformed = "region,sector,value\n" + Array.from({ length: 25 }, (_, i) => `R${i},x\n`).join("") +
    "R1,,1\n";
  await Deno.writeTextFile(path("malformed.csv"), malformed);
  const found = [];
  for (const engine of ENGINES) {
    const e = await failure(scanCells(path("many.csv"), { engine }));
    assert.equal(e.issues.length, 21);
    assert.deepEqual(e.issues[20], {
      column: "(all)",
      expected: "no invalid rows",
      received: "30 invalid rows in all",
    });
    const m = await failure(scanCells(path("malformed.csv"), { engine }));
    assert.deepEqual(m.issues.slice(20).map((i) => i.received), [
      "25 invalid rows in all",
      "further invalid rows (listed with their rows once the rows above are fixed)",
    ]);
    found.push([e.issues, m.issues]);
  }
  assert.deepEqual(found[1], found[0]);
});

Deno.test("where is passed as SQL: a bad column, a second statement or a bad option is a ValidationError", async () => {
  const unknown = await failure(scanCells(path("jobs.csv"), { where: "country = 'DE'" }));
  assert.equal(unknown.issues[0]!.column, "where");
  assert.match(unknown.issues[0]!.message!, /country/);
  const injected = await failure(scanCells(path("jobs.csv"), { where: "true); DROP TABLE agg; SELECT (1" }));
  assert.equal(injected.issues[0]!.column, "where");
  const commented = await scanCells(path("jobs.csv"), { where: "value > 2 -- a comment" });
  assert.deepEqual(rows(commented), [{ region: "R1", sector: "161", value: 3 }, {
    region: "R2",
    sector: "0162",
    value: 4,
  }]);
  const options = await failure(scanCells(path("jobs.csv"), {
    region: "",
    aggregate: "mean" as "sum",
    where: " ",
    delimiter: ";;",
  }));
  assert.deepEqual(options.issues.map((i) => i.column).sort(), ["aggregate", "delimiter", "region", "where"]);
  const engine = await failure(scanCells(path("jobs.csv"), { engine: "spark" as "js" }));
  assert.equal(engine.issues[0]!.column, "engine");
  const twice = await failure(scanCells(path("jobs.csv"), { region: "value" }));
  assert.deepEqual(twice.issues[0], {
    column: "region/sector/value/year",
    expected: "distinct columns",
    received: "value, sector, value",
  });
  const counted = await failure(scanCells(path("jobs.csv"), { aggregate: "count", value: "sector" }));
  assert.equal(counted.issues[0]!.received, "region, sector, sector");
});

Deno.test("Parquet: integer code columns are read as text with a warning; a date value column is refused", async () => {
  await copy(
    "SELECT 'R1' AS region, 161 AS sector, 2.5 AS value, DATE '2020-01-01' AS day",
    path("typed.parquet"),
  );
  const c = await scanCells(path("typed.parquet"));
  assert.deepEqual(rows(c), [{ region: "R1", sector: "161", value: 2.5 }]);
  assert.equal(c.warnings.length, 1);
  assert.match(c.warnings[0]!, /column "sector" holds integers/);
  const e = await failure(scanCells(path("typed.parquet"), { value: "day" }));
  assert.deepEqual(e.issues[0], { column: "day", expected: "a numeric column", received: "a DATE column" });
});

Deno.test("Parquet folders partitioned by year (year=2020/…) give the year as a column", async () => {
  for (const y of [2020, 2021]) {
    await Deno.mkdir(path(`hive/year=${y}`), { recursive: true });
    await copy(
      `SELECT 'R1' AS region, '0161' AS sector, ${y - 2019} AS value`,
      path(`hive/year=${y}/part.parquet`),
    );
  }
  const c = await scanCells(path("hive/*/*.parquet"), { year: "year" });
  assert.deepEqual(rows(c), [
    { region: "R1", sector: "0161", year: 2020, value: 1 },
    { region: "R1", sector: "0161", year: 2021, value: 2 },
  ]);
});

Deno.test("non-integer sums are exact and do not depend on DuckDB's threads", async () => {
  // 200,000 values k/1024 of magnitudes up to 10⁶ in 3 cells: the exact sums are integers / 1024 (BigInt).
  const n = 200_000;
  await copy(
    `SELECT 'R' || CAST(i % 3 AS VARCHAR) AS region, 's' AS sector,
            CAST(((i * 7919) % 1000003) - 500000 AS DOUBLE) / 1024 + (i % 5) * 1e6 AS value
     FROM range(${n}) t(i)`,
    path("fractions.parquet"),
  );
  const exact = [0n, 0n, 0n];
  for (let i = 0; i < n; i++) {
    exact[i % 3]! += BigInt(((i * 7919) % 1000003) - 500000) + BigInt((i % 5) * 1e6) * 1024n;
  }
  const want = exact.map((x) => Number(x) / 1024);
  for (let run = 0; run < 3; run++) {
    const c = await scanCells(path("fractions.parquet"));
    assert.deepEqual([...c.value], want);
    assert.deepEqual(c.warnings, []);
  }
});

Deno.test("sumsAreExact(): only non-negative integers with cells below 2⁵³", () => {
  assert.equal(sumsAreExact(0, 2 ** 53 - 1), true);
  assert.equal(sumsAreExact(FLAG.invalid, 10), true);
  assert.equal(sumsAreExact(0, 2 ** 53), false);
  assert.equal(sumsAreExact(FLAG.fraction, 10), false);
  assert.equal(sumsAreExact(FLAG.negative, 10), false);
});

Deno.test("exactSumBits(): enough bits for the smallest value; capped (not exact) beyond 128 bits", () => {
  assert.deepEqual(exactSumBits({ bound: 2 ** 60, smallest: 1 }), { bits: 52, exact: true });
  assert.deepEqual(exactSumBits({ bound: 1e6, smallest: 2 ** -10 }), { bits: 62, exact: true });
  assert.deepEqual(exactSumBits({ bound: 2 ** 100, smallest: 2 ** -10 }), { bits: 26, exact: false });
  assert.deepEqual(exactSumBits({ bound: 0, smallest: Infinity }), { bits: 0, exact: true });
});

Deno.test("negative integers are summed exactly too (second pass)", async () => {
  await copy(
    "SELECT 'R1' AS region, 's' AS sector, v AS value FROM (VALUES (9007199254740000), (-9007199254740000), (3)) t(v)",
    path("negative.parquet"),
  );
  const c = await scanCells(path("negative.parquet"));
  assert.deepEqual([...c.value], [3]);
  assert.deepEqual(c.warnings, []);
});

Deno.test("values over too many magnitudes are rounded deterministically, with a warning", async () => {
  await copy(
    "SELECT 'R1' AS region, 's' AS sector, v AS value FROM (VALUES (1e-30), (1e20), (0.5)) t(v)",
    path("wide.parquet"),
  );
  const c = await scanCells(path("wide.parquet"));
  assert.equal(c.value[0], 1e20 + 0.5);
  assert.equal(c.warnings.length, 1);
  assert.match(c.warnings[0]!, /rounded to a multiple of 2\^-57/);
});
