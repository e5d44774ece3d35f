import assert from "node:assert/strict";

Deno.test("importing src/mod.ts does not load danfojs (it is heavy and optional)", async () => {
  const r = await new Deno.Command(Deno.execPath(), {
    args: ["info", "--json", new URL("../src/mod.ts", import.meta.url).pathname],
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.ok(r.success, new TextDecoder().decode(r.stderr));
  const graph = new TextDecoder().decode(r.stdout);
  assert.ok(graph.includes("arquero"), "the graph should list arquero (sanity check of the probe)");
  assert.ok(!/danfojs|tensorflow/.test(graph), "src/mod.ts must not import danfojs");
});

Deno.test("src/mod.ts exports at most 150 symbols, types included (CONTRIBUTING.md §5)", async () => {
  const r = await new Deno.Command(Deno.execPath(), {
    args: ["doc", "--json", new URL("../src/mod.ts", import.meta.url).pathname],
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).output();
  assert.ok(r.success, new TextDecoder().decode(r.stderr));
  const doc = JSON.parse(new TextDecoder().decode(r.stdout));
  const symbols = (Object.values(doc.nodes)[0] as { symbols: { name: string }[] }).symbols;
  assert.ok(symbols.length > 50, `sanity: ${symbols.length} symbols`);
  assert.ok(symbols.length <= 150, `src/mod.ts exports ${symbols.length} symbols`);
});

Deno.test(
  "importing src/mod.ts does not evaluate DuckDB; a plain CSV is read without it, engine duckdb loads it",
  {
    ignore: Deno.build.os !== "linux", // the probe reads /proc/self/maps
  },
  async () => {
    // `deno info` lists dynamic imports too, so the probe is the process itself: the native addon
    // (libduckdb.so / duckdb.node) is mapped into memory only once @duckdb/node-api is evaluated.
    const dir = await Deno.makeTempDir();
    await Deno.writeTextFile(`${dir}/a.csv`, "region,sector,value\nR1,0161,1\n");
    const mod = new URL("../src/mod.ts", import.meta.url).href;
    const script = `
    const loaded = () => /duckdb/i.test(Deno.readTextFileSync("/proc/self/maps"));
    const { scanLong } = await import(${JSON.stringify(mod)});
    const before = loaded();
    const { table, engine } = await scanLong(${JSON.stringify(`${dir}/a.csv`)});
    const js = loaded();
    await scanLong(${JSON.stringify(`${dir}/a.csv`)}, { engine: "duckdb" });
    console.log(JSON.stringify({ before, js, engine, after: loaded(), rows: table.numRows() }));
  `;
    await Deno.writeTextFile(`${dir}/probe.ts`, script);
    const r = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", `${dir}/probe.ts`],
      cwd: new URL("..", import.meta.url).pathname,
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.ok(r.success, new TextDecoder().decode(r.stderr));
    const out = JSON.parse(new TextDecoder().decode(r.stdout).trim().split("\n").at(-1)!);
    assert.deepEqual(out, { before: false, js: false, engine: "js", after: true, rows: 1 });
    await Deno.remove(dir, { recursive: true });
  },
);
