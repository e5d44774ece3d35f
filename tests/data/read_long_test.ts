import assert from "node:assert/strict";
import { join } from "node:path";
import { matrixFrom, readLong, ValidationError, writeParquet } from "../../src/mod.ts";

async function withDir(f: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir();
  try {
    await f(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

async function gzip(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const CSV = "NUTS2,SIC,Employment,Year,note\nUKC1,0161,30,2018,a\nUKC2,0161,10,2018,\nUKC2,0162,5,2019,b\n";

Deno.test("readLong: CSV, TSV and gzipped files, columns guessed, codes kept as text", async () => {
  await withDir(async (dir) => {
    const files = {
      "jobs.csv": CSV,
      "jobs.tsv": CSV.replaceAll(",", "\t"),
      "bom.csv": "\ufeff" + CSV,
    };
    for (const [name, text] of Object.entries(files)) await Deno.writeTextFile(join(dir, name), text);
    await Deno.writeFile(join(dir, "jobs.csv.gz"), await gzip(CSV));
    for (const name of [...Object.keys(files), "jobs.csv.gz"]) {
      const r = await readLong(join(dir, name));
      assert.deepEqual(
        r.columns,
        { region: "NUTS2", sector: "SIC", value: "Employment", year: "Year" },
        name,
      );
      assert.deepEqual(r.guessed, ["region", "sector", "value", "year"]);
      assert.equal(r.format, name.includes(".tsv") ? "tsv" : "csv");
      assert.deepEqual(r.table.array("SIC"), ["0161", "0161", "0162"], name);
      assert.deepEqual(Array.from(r.table.array("Employment") as ArrayLike<number>), [30, 10, 5]);
      assert.deepEqual(Array.from(r.table.array("Year") as ArrayLike<number>), [2018, 2018, 2019]);
      assert.deepEqual(r.table.array("note"), ["a", null, "b"]); // other columns pass through, as text
      assert.deepEqual(r.warnings, []);
    }
    const { table, columns } = await readLong(join(dir, "jobs.csv"), { year: false });
    assert.deepEqual(matrixFrom(table, columns).toArrays(), [[30, 0], [10, 5]]);
  });
});

Deno.test("readLong: Parquet; number-typed codes become their text with a warning", async () => {
  await withDir(async (dir) => {
    const path = join(dir, "jobs.parquet");
    await writeParquet([
      { province: "浙江", industry: 161, count: 2 },
      { province: "北京", industry: 162, count: 4 },
    ], path);
    const r = await readLong(path);
    assert.equal(r.format, "parquet");
    assert.deepEqual(r.columns, { region: "province", sector: "industry", value: "count" });
    assert.deepEqual(r.table.array("industry"), ["161", "162"]);
    assert.match(r.warnings[0]!, /^column "industry" is stored as numbers in the file/);
  });
});

Deno.test("readLong: a bad cell stops the reading with the file, row and column; missing is not zero", async () => {
  await withDir(async (dir) => {
    const path = join(dir, "bad.csv");
    await Deno.writeTextFile(
      path,
      "region,sector,value,year\nR1,0161,,2018\nR2,0161,-1,2018\nR3,,n/a,2018.5\n",
    );
    await assert.rejects(() => readLong(path), (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.equal(e.subject, path);
      assert.deepEqual(e.issues.map((i) => [i.row, i.column]), [
        [3, "sector"],
        [1, "value"],
        [2, "value"],
        [3, "value"],
        [3, "year"],
      ]);
      assert.equal(e.issues[1]!.received, "null (empty)");
      assert.match(e.message, /^Invalid .*bad\.csv: 5 problems/);
      return true;
    });
    // a row with more fields than the header is named too (with the file)
    await Deno.writeTextFile(path, "region,sector,value\nR1,0161,3,extra\n");
    await assert.rejects(
      () => readLong(path),
      new RegExp(`${path}: 1 problem\\n  - line 2, row 1, column "\\(fields\\)"`),
    );
  });
});

Deno.test("readLong: columns that cannot be guessed, unknown formats and repeated rows", async () => {
  await withDir(async (dir) => {
    const path = join(dir, "two.csv");
    await Deno.writeTextFile(path, "country,region,sector,value\nCN,浙江,A,1\n");
    await assert.rejects(() => readLong(path), /2 columns fit: "country", "region"/);
    assert.equal((await readLong(path, { region: "region" })).columns.region, "region");
    await assert.rejects(() => readLong(join(dir, "x.xlsx")), /expected a \.csv, \.tsv or \.parquet file/);
    const rep = join(dir, "rep.csv");
    await Deno.writeTextFile(rep, "region,sector,value\nR1,A,1\nR1,B,1\nR1,A,2\n");
    const r = await readLong(rep);
    assert.deepEqual(r.warnings, [
      "1 row(s) repeat a region × sector already listed (first: row 3): matrixFrom refuses them unless asked " +
      'to sum them (duplicates: "sum"; check that the file holds one measure, e.g. not both men and women and ' +
      "their total)",
    ]);
    assert.throws(() => matrixFrom(r.table, r.columns), /a repeat of row 1/);
    assert.equal(matrixFrom(r.table, { ...r.columns, duplicates: "sum" }).get("R1", "A"), 3);
  });
});
