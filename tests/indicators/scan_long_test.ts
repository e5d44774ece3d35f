import assert from "node:assert/strict";
import * as aq from "arquero";
import {
  complexity,
  locationQuotient,
  Matrix,
  matrixFrom,
  presence,
  Random,
  scanLong,
  ValidationError,
  writeParquet,
} from "../../src/mod.ts";

/**
 * A seeded long table with repeated region × sector × year rows (so that cells are sums), codes with
 * leading zeros, and values in multiples of 0.25 (sums exact in any order: the reference is a plain loop).
 */
function longRows(n: number, seed = 7) {
  const rng = new Random(seed);
  return Array.from({ length: n }, () => ({
    region: `R${String(rng.int(9)).padStart(2, "0")}`,
    sector: String(rng.int(40) * 7).padStart(4, "0"),
    year: 2018 + rng.int(3),
    value: (1 + rng.int(400)) / 4,
  }));
}

type Row = ReturnType<typeof longRows>[number];

/** Reference aggregation in plain JavaScript: cells sorted by region, sector, year. */
function reference(rows: readonly Row[], byYear: boolean) {
  const cells = new Map<string, { region: string; sector: string; year?: number; value: number }>();
  for (const r of rows) {
    const key = byYear ? `${r.region}|${r.sector}|${r.year}` : `${r.region}|${r.sector}`;
    const cell = cells.get(key) ??
      { region: r.region, sector: r.sector, ...(byYear ? { year: r.year } : {}), value: 0 };
    cell.value += r.value;
    cells.set(key, cell);
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...cells.values()].sort((a, b) =>
    cmp(a.region, b.region) || cmp(a.sector, b.sector) || a.year! - b.year!
  );
}

const dir = await Deno.makeTempDir();
globalThis.addEventListener("unload", () => Deno.removeSync(dir, { recursive: true }));
const rows = longRows(3000);
const csvText = "region,sector,year,value\n" +
  rows.map((r) => `${r.region},${r.sector},${r.year},${r.value}`).join("\n");
await Deno.writeTextFile(`${dir}/long.csv`, csvText + "\n");
const gz = new Blob([csvText]).stream().pipeThrough(new CompressionStream("gzip"));
await Deno.writeFile(`${dir}/long.csv.gz`, new Uint8Array(await new Response(gz).arrayBuffer()));
await writeParquet(rows, `${dir}/long.parquet`);
await Deno.mkdir(`${dir}/split`);
for (const y of [2018, 2019, 2020]) {
  await writeParquet(rows.filter((r) => r.year === y), `${dir}/split/${y}.parquet`);
}
const sources = [`${dir}/long.csv`, `${dir}/long.csv.gz`, `${dir}/long.parquet`, `${dir}/split/*.parquet`];
/** Each source with the engines that read it: CSV files with both (the JS reader and DuckDB). */
type Engine = "duckdb" | "js" | "auto";
const runs = sources.flatMap((source): { source: string; engine: Engine }[] =>
  /\.csv(\.gz)?$/.test(source)
    ? [{ source, engine: "duckdb" }, { source, engine: "js" }]
    : [{ source, engine: "auto" }]
);

async function failure(p: Promise<unknown>): Promise<ValidationError> {
  const e = await p.then(() => undefined, (x) => x);
  assert.ok(e instanceof ValidationError, `expected a ValidationError, got ${e}`);
  return e;
}

Deno.test("scanLong() table equals the reference aggregation, from CSV, gzipped CSV, Parquet and a glob", async () => {
  const want = reference(rows, true);
  for (const { source, engine } of runs) {
    const { table, files, inputRows, warnings, ...info } = await scanLong(source, { year: "year", engine });
    assert.equal(info.engine, engine === "js" ? "js" : "duckdb");
    assert.deepEqual(table.columnNames(), ["region", "sector", "year", "value"]);
    assert.deepEqual(table.objects(), want, `${source} ${engine}`);
    assert.equal(inputRows, 3000);
    assert.deepEqual(warnings, []);
    assert.equal(files.length, source.endsWith("*.parquet") ? 3 : 1);
  }
});

Deno.test("scanLong() matrix equals matrixFrom() on the same rows: labels, order and values", async () => {
  const want = matrixFrom(rows, { region: "region", sector: "sector", value: "value", duplicates: "sum" });
  for (const { source, engine } of runs) {
    const { matrix, warnings } = await scanLong(source, { as: "matrix", engine });
    assert.ok(matrix instanceof Matrix);
    assert.deepEqual(matrix.rows, want.rows, `${source} ${engine}`);
    assert.deepEqual(matrix.cols, want.cols);
    assert.deepEqual(matrix.data, want.data);
    const absent = want.data.filter((v) => v === 0).length;
    const note = absent > 0
      ? [`${absent} of ${want.data.length} region × sector cells are absent from the input and set to 0`]
      : [];
    assert.deepEqual(warnings, note);
    assert.deepEqual(matrix.warnings, note);
  }
});

Deno.test("the indicators give the same results on scanLong's matrix as on matrixFrom's", async () => {
  const { matrix } = await scanLong(`${dir}/long.parquet`, { as: "matrix" });
  const want = matrixFrom(rows, { region: "region", sector: "sector", value: "value", duplicates: "sum" });
  const a = complexity(presence(locationQuotient(matrix))), b = complexity(presence(locationQuotient(want)));
  assert.deepEqual(a.eci.values, b.eci.values);
  assert.deepEqual(a.pci.values, b.pci.values);
});

Deno.test("as: matrices gives one matrix per year with the labels of all years", async () => {
  for (const engine of ["duckdb", "js"] as const) await matricesPerYear(engine);
});

async function matricesPerYear(engine: "duckdb" | "js") {
  const { years, matrices, warnings } = await scanLong(`${dir}/long.csv`, {
    year: "year",
    as: "matrices",
    engine,
  });
  assert.deepEqual(years, [2018, 2019, 2020]);
  const all = matrixFrom(rows, { region: "region", sector: "sector", value: "value", duplicates: "sum" });
  for (const y of years) {
    const m = matrices.get(y)!;
    const want = matrixFrom(rows.filter((r) => r.year === y), {
      region: "region",
      sector: "sector",
      value: "value",
      regions: all.rows,
      sectors: all.cols,
      duplicates: "sum",
    });
    assert.deepEqual([m.rows, m.cols, m.data], [want.rows, want.cols, want.data], String(y));
  }
  const notes = years.flatMap((y) => {
    const absent = matrices.get(y)!.data.filter((v) => v === 0).length;
    return absent > 0
      ? [
        `${absent} of ${all.data.length} region × sector cells of ${y} are absent from the input and set to 0`,
      ]
      : [];
  });
  assert.equal(notes.length, 3, "the fixture leaves cells absent every year");
  assert.deepEqual(warnings, notes);
}

Deno.test("regions and sectors options fix the label order; an unlisted label is a ValidationError", async () => {
  await Deno.writeTextFile(`${dir}/small.csv`, "region,sector,value\nB,s2,1\nA,s1,2\nB,s1,3\n");
  for (const engine of ["duckdb", "js"] as const) {
    const { matrix } = await scanLong(`${dir}/small.csv`, {
      as: "matrix",
      regions: ["B", "A", "C"],
      sectors: ["s2", "s1"],
      engine,
    });
    assert.deepEqual(matrix.toArrays(), [[1, 3], [0, 2], [0, 0]], engine);
    const e = await failure(scanLong(`${dir}/small.csv`, { as: "matrix", regions: ["A"], engine }));
    assert.deepEqual(e.issues, [{
      column: "regions",
      expected: "a label listed in the regions option",
      received: '"B"',
    }]);
  }
});

Deno.test("scanLong() options: matrix with a year, matrices without one, an unknown as", async () => {
  const yearly = await failure(scanLong(`${dir}/small.csv`, { as: "matrix", year: "year" }));
  assert.equal(yearly.issues[0]!.column, "year");
  const noYear = await failure(scanLong(`${dir}/small.csv`, { as: "matrices" } as never));
  assert.equal(noYear.issues[0]!.received, "none");
  const as = await failure(scanLong(`${dir}/small.csv`, { as: "cube" as "table" }));
  assert.equal(as.issues[0]!.column, "as");
});

Deno.test("scanLong() table works with arquero verbs, and the columns keep the input's names", async () => {
  await Deno.writeTextFile(`${dir}/named.csv`, "nuts,nace,emp\nDE1,01.61,2\nDE1,01.61,3\nDE2,01.62,4\n");
  const { table, sql } = await scanLong(`${dir}/named.csv`, { region: "nuts", sector: "nace", value: "emp" });
  assert.deepEqual(table.columnNames(), ["nuts", "nace", "emp"]);
  const total = table.rollup({ emp: aq.op.sum("emp") }).get("emp", 0);
  assert.equal(total, 9);
  assert.deepEqual(table.filter((d: { nace: string }) => d.nace === "01.61").objects(), [{
    nuts: "DE1",
    nace: "01.61",
    emp: 5,
  }]);
  assert.match(sql, /SUM\(CAST\("emp" AS DOUBLE\)\) AS "emp"/);
});

Deno.test('scanLong: missing "error" makes an absent region × sector pair an error, as in matrixFrom', async () => {
  const dir = await Deno.makeTempDir();
  try {
    const path = `${dir}/gaps.csv`;
    await Deno.writeTextFile(
      path,
      "region,sector,year,value\nR1,0161,2020,2\nR2,0162,2020,4\nR1,0161,2021,1\n",
    );
    for (const engine of ["duckdb", "js"] as const) {
      const { matrix, warnings } = await scanLong(path, { as: "matrix", engine });
      assert.deepEqual(matrix.toArrays(), [[3, 0], [0, 4]]);
      assert.ok(warnings.includes("2 of 4 region × sector cells are absent from the input and set to 0"));
      await assert.rejects(
        () => scanLong(path, { as: "matrix", missing: "error", engine }),
        (e: unknown) =>
          e instanceof ValidationError && e.subject === path &&
          /2 pair\(s\) absent: \("R1", "0162"\), \("R2", "0161"\)/.test(e.message),
      );
      await assert.rejects(
        () => scanLong(path, { as: "matrices", year: "year", missing: "error", engine }),
        /of 2020 \(missing: "error"\)/,
      );
    }
    await assert.rejects(() => scanLong(path, { missing: "drop" as "zero" }), /column "missing"/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
