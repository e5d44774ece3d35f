import assert from "node:assert/strict";
import * as aq from "arquero";
import { fromDanfo, isDanfoFrame, loadDanfo, toDanfo, toTable } from "../../src/data/adapters.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

Deno.test("toTable() accepts arrays of objects, column objects and arquero tables", () => {
  assert.deepEqual(toTable([{ a: 1 }, { a: 2 }]).array("a"), [1, 2]);
  assert.deepEqual(toTable({ a: [1, 2] }).array("a"), [1, 2]);
  const t = aq.table({ a: [3] });
  assert.equal(toTable(t), t);
});

Deno.test("fromDanfo() reads a danfojs-shaped DataFrame by columns and values", () => {
  const df = { $data: [], columns: ["region", "value"], values: [["R1", 3], ["R2", 4]] };
  assert.ok(isDanfoFrame(df));
  const t = toTable(df);
  assert.deepEqual(t.objects(), [{ region: "R1", value: 3 }, { region: "R2", value: 4 }]);
  assert.deepEqual(fromDanfo(df).array("value"), [3, 4]);
});

Deno.test("toDanfo() builds a DataFrame through the module it is given", () => {
  class DataFrame {
    constructor(readonly data: Record<string, unknown[]>) {}
  }
  const df = toDanfo(aq.table({ a: [1, 2] }), { DataFrame });
  assert.deepEqual(df.data, { a: [1, 2] });
});

Deno.test("toTable() rejects what is not a table with a ValidationError", () => {
  assert.throws(
    () => toTable(42 as never),
    (e: unknown) =>
      e instanceof ValidationError && e.issues[0]!.column === "(input)" &&
      e.issues[0]!.received === "number 42",
  );
  assert.throws(
    () => toTable([{ a: 1 }, 3] as never),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.row === 2 && e.issues[0]!.received === "3",
  );
});

Deno.test("toTable() keeps every key of every row: the union of keys is the column list", () => {
  const t = toTable([{ a: 1 }, { a: 2, b: 3 }]);
  assert.deepEqual(t.columnNames(), ["a", "b"]);
  assert.deepEqual(t.array("b"), [undefined, 3]);
});

Deno.test("toTable() refuses a column object whose columns differ in length", () => {
  assert.throws(
    () => toTable({ a: [1, 2], b: [1] }),
    (e: unknown) =>
      e instanceof ValidationError &&
      e.issues.length === 1 &&
      e.issues[0]!.column === "b" &&
      e.issues[0]!.expected === '2 values, as many as column "a"' &&
      e.issues[0]!.received === "1 values",
  );
});

Deno.test("loadDanfo() imports lazily and names the install command when danfojs is not in the import map", async () => {
  await assert.rejects(
    () => loadDanfo({ specifier: "danfojs-not-installed-here" }),
    /could not be imported as "danfojs-not-installed-here"[\s\S]*deno add --frozen-lockfile=false npm:danfojs@1\.1\.2/,
  );
});

Deno.test({
  name: "a real danfojs 1.1.2 DataFrame round-trips (opt-in: CLUSTERLAB_TEST_DANFO=1; downloads ~300 MB)",
  ignore: Deno.env.get("CLUSTERLAB_TEST_DANFO") !== "1",
  fn: async () => {
    const root = new URL("../../", import.meta.url).pathname;
    const dir = await Deno.makeTempDir();
    const config = JSON.parse(await Deno.readTextFile(`${root}deno.json`));
    config.imports = { ...config.imports, clusterlab: `${root}src/mod.ts`, danfojs: "npm:danfojs@1.1.2" };
    config.lock = { path: "./deno.lock", frozen: false };
    await Deno.writeTextFile(`${dir}/deno.json`, JSON.stringify(config));
    await Deno.copyFile(`${root}deno.lock`, `${dir}/deno.lock`);
    await Deno.writeTextFile(
      `${dir}/t.ts`,
      `import * as aq from "arquero";
import { loadDanfo, matrixFrom, toDanfo, toTable } from "clusterlab";
const dfd = await loadDanfo();
const df = new dfd.DataFrame({ region: ["R1", "R1", "R2"], sector: ["a", "a", "b"], value: [1, 2, 3] });
const m = matrixFrom(df);
const back = toDanfo(aq.table({ a: [1, 2] }), dfd);
console.log(JSON.stringify({ rows: toTable(df).numRows(), m: m.toArrays(), cols: back.columns, vals: back.values }));
`,
    );
    const r = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", "t.ts"],
      cwd: dir,
      stdout: "piped",
    })
      .output();
    assert.ok(r.success);
    const out = JSON.parse(new TextDecoder().decode(r.stdout).trim().split("\n").at(-1)!);
    assert.deepEqual(out, { rows: 3, m: [[3, 0], [0, 3]], cols: ["a"], vals: [[1], [2]] });
  },
});

Deno.test("loadDanfo(specifier): the 0.1 form equals loadDanfo({ specifier })", async () => {
  const specifier = "data:application/javascript,export function DataFrame(data) { this.data = data; }";
  const v01 = await loadDanfo(specifier), today = await loadDanfo({ specifier });
  assert.equal(v01.DataFrame, today.DataFrame);
  await assert.rejects(
    () => loadDanfo("danfojs-not-installed-here"),
    /could not be imported as "danfojs-not/,
  );
});
