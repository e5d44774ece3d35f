import assert from "node:assert/strict";
import { join } from "node:path";
import { notebookParams, parseArgs, unreadParams, writeIndex } from "../../tools/notebooks.ts";
import { ROOT } from "../../tools/jupyter.ts";

const notebook = (cells: { cell_type: string; source: string | string[] }[]) => JSON.stringify({ cells });

Deno.test("parseArgs(): --param NAME=VALUE sets CLUSTERLAB_NAME (upper-cased), --only repeats", () => {
  const a = parseArgs([
    "--only",
    "03",
    "--only",
    "course/05",
    "--param",
    "region=浙江",
    "--param",
    "YEAR=2020",
  ]);
  assert.deepEqual(a.only, ["03", "course/05"]);
  assert.deepEqual(a.env, { CLUSTERLAB_REGION: "浙江", CLUSTERLAB_YEAR: "2020" });
  assert.equal(a.out, join(ROOT, "out"));
  assert.equal(a.edition, "student");
  assert.equal(parseArgs(["--param", "EXPR=a=b"]).env.CLUSTERLAB_EXPR, "a=b");
  assert.throws(() => parseArgs(["--param", "=x"]), /--param expects NAME=VALUE, received "=x"/);
  assert.throws(() => parseArgs(["--only"]), /--only needs a value/);
  assert.throws(() => parseArgs(["--region", "x"]), /Unknown argument "--region"/);
});

Deno.test("parseArgs(): --jobs N notebooks at once (default: twice the number of CPUs), a positive integer", () => {
  assert.equal(parseArgs([]).jobs, 2 * navigator.hardwareConcurrency);
  assert.equal(parseArgs(["--jobs", "3"]).jobs, 3);
  assert.equal(parseArgs(["--jobs", "1", "--only", "00"]).jobs, 1);
  for (const bad of ["0", "-1", "2.5", "two", ""]) {
    assert.throws(() => parseArgs(["--jobs", bad]), /--jobs expects a positive integer/);
  }
  assert.throws(() => parseArgs(["--jobs"]), /--jobs needs a value/);
});

Deno.test("parseArgs(): --teacher chooses the teacher edition, into out/teacher/ unless --out says otherwise", () => {
  const t = parseArgs(["--only", "course/", "--teacher"]);
  assert.equal(t.edition, "teacher");
  assert.equal(t.out, join(ROOT, "out", "teacher"));
  assert.equal(parseArgs(["--teacher", "--out", "/tmp/x"]).out, "/tmp/x");
  assert.equal(parseArgs(["--out", "/tmp/x", "--teacher"]).out, "/tmp/x");
});

Deno.test("notebookParams(): the names of every param() call in code cells, upper-cased", () => {
  const nb = notebook([
    { cell_type: "markdown", source: 'param("IN_MARKDOWN", 1)' },
    {
      cell_type: "code",
      source: ['const y = param("year", 2018);\n', "const r = param( 'REGION', \"北京\");"],
    },
    { cell_type: "code", source: 'const l = param("LANG", "en") as Lang; const y2 = param("YEAR", 2020);' },
  ]);
  assert.deepEqual(notebookParams(nb), ["LANG", "REGION", "YEAR"]);
  // the course's governance lesson reads the parameters the README documents
  const lesson5 = Deno.readTextFileSync(join(ROOT, "notebooks/course/05-governance-recommendation.ipynb"));
  assert.deepEqual(notebookParams(lesson5), ["LANG", "REGION", "YEAR"]);
});

Deno.test("unreadParams(): a --param no chosen notebook reads is reported with what they do read", () => {
  const read = new Map([["03-governance", ["LANG"]], ["course/03-complexity", ["ECONOMY", "YEAR"]]]);
  assert.deepEqual(unreadParams(["YEAR", "LANG"], read), []);
  assert.deepEqual(unreadParams(["REGION", "YEAR"], read), [
    "--param REGION: no chosen notebook reads it; parameters they read: 03-governance (LANG); " +
    "course/03-complexity (ECONOMY, YEAR)",
  ]);
  assert.deepEqual(unreadParams(["X"], new Map([["a", []]])), [
    "--param X: no chosen notebook reads it; parameters they read: a (none)",
  ]);
});

Deno.test("writeIndex(): links every notebook that has a rendered HTML, with its escaped title", async () => {
  const dir = await Deno.makeTempDir();
  const nbDir = join(ROOT, "notebooks");
  const src = await Deno.makeTempDir({ dir: nbDir, prefix: ".index-test-" }); // dot: listNotebooks skips it
  try {
    const rel = src.slice(nbDir.length + 1);
    const a = join(src, "01-a.ipynb"), b = join(src, "02-b.ipynb"), c = join(src, "03-c.ipynb");
    await Deno.writeTextFile(
      a,
      notebook([{ cell_type: "markdown", source: "# Lesson <1> · 第一课\n\ntext" }]),
    );
    await Deno.writeTextFile(b, notebook([{ cell_type: "code", source: "1" }]));
    await Deno.writeTextFile(c, notebook([{ cell_type: "markdown", source: "# Not rendered" }]));
    await Deno.mkdir(join(dir, rel), { recursive: true });
    await Deno.writeTextFile(join(dir, rel, "01-a.html"), "<html></html>");
    await Deno.writeTextFile(join(dir, rel, "02-b.html"), "<html></html>");
    await writeIndex(dir, [a, b, c]);
    const html = await Deno.readTextFile(join(dir, "index.html"));
    assert.match(html, /^<!doctype html><html lang="en"><head><meta charset="utf-8">/);
    const links = [...html.matchAll(/<li><a href="([^"]+)">([^<]*)<\/a>/g)].map((m) => [m[1], m[2]]);
    assert.deepEqual(links, [
      [`${rel}/01-a.html`, "Lesson &lt;1&gt; · 第一课"],
      [`${rel}/02-b.html`, "02-b"], // no markdown heading: the file name
    ]);
    assert.doesNotMatch(html, /teacher edition/);
    await writeIndex(dir, [a, b, c], "teacher");
    assert.match(await Deno.readTextFile(join(dir, "index.html")), /<h1>[^<]*teacher edition · 教师版<\/h1>/);
  } finally {
    await Deno.remove(dir, { recursive: true });
    await Deno.remove(src, { recursive: true });
  }
});
