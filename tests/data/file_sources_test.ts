import assert from "node:assert/strict";
import { ValidationError } from "../../src/mod.ts";
import { formatOf, resolveFiles } from "../../src/data/file_sources.ts";
import { withEngine } from "../../src/data/duckdb_engine.ts";

const dir = await Deno.makeTempDir();
globalThis.addEventListener("unload", () => Deno.removeSync(dir, { recursive: true }));
await Deno.mkdir(`${dir}/part`, { recursive: true });
for (const f of ["a.csv", "b.csv", "part/c.csv", "x.parquet", "notes.md"]) {
  await Deno.writeTextFile(`${dir}/${f}`, "a\n1\n");
}

function issuesOf(e: unknown) {
  assert.ok(e instanceof ValidationError, String(e));
  return e.issues;
}

Deno.test("formatOf() reads Parquet, CSV, TSV and their compressed forms from the extension", () => {
  assert.equal(formatOf("a/b.PARQUET"), "parquet");
  assert.equal(formatOf("jobs.csv.gz"), "csv");
  assert.equal(formatOf("jobs.txt.zst"), "csv");
  assert.equal(formatOf("jobs.tsv"), "tsv");
  assert.equal(formatOf("jobs.xlsx"), undefined);
});

Deno.test("resolveFiles() expands globs (sorted, ** included), keeps list order, drops repeats, reads file: URLs", async () => {
  await withEngine(async (engine) => {
    const glob = await resolveFiles(engine, `${dir}/*.csv`, "t");
    assert.deepEqual(glob, { files: [`${dir}/a.csv`, `${dir}/b.csv`], format: "csv" });
    const deep = await resolveFiles(engine, `${dir}/**/*.csv`, "t");
    assert.deepEqual(deep.files, [`${dir}/a.csv`, `${dir}/b.csv`, `${dir}/part/c.csv`]);
    const list = await resolveFiles(
      engine,
      [`${dir}/b.csv`, new URL(`file://${dir}/a.csv`), `${dir}/b.csv`],
      "t",
    );
    assert.deepEqual(list.files, [`${dir}/b.csv`, `${dir}/a.csv`]);
    const forced = await resolveFiles(engine, `${dir}/notes.md`, "t", "csv");
    assert.deepEqual(forced, { files: [`${dir}/notes.md`], format: "csv" });
  });
});

Deno.test("resolveFiles() names every missing file, empty glob, unknown extension, mix of formats and remote URL", async () => {
  await withEngine(async (engine) => {
    const e = await resolveFiles(engine, [
      `${dir}/missing.csv`,
      `${dir}/*.nothing`,
      `${dir}/notes.md`,
      `${dir}/x.parquet`,
      `${dir}/a.csv`,
      "https://example.org/a.parquet",
    ], "jobs").catch((x) => x);
    const issues = issuesOf(e);
    assert.equal(e.subject, "jobs");
    const received = issues.map((i) => i.received);
    assert.ok(received.includes(`${dir}/missing.csv`));
    assert.ok(received.includes(`${dir}/*.nothing`));
    assert.ok(received.includes(`${dir}/notes.md`));
    assert.ok(received.includes("https://example.org/a.parquet"));
    assert.ok(issues.some((i) => i.expected === "files of one format" && /parquet.*csv/.test(i.received)));
    const empty = await resolveFiles(engine, [], "jobs").catch((x) => x);
    assert.equal(issuesOf(empty)[0]!.received, "[]");
  });
});
