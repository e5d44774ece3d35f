import assert from "node:assert/strict";
import { sweep } from "../../src/models/sweep.ts";
import { Progress } from "../../src/notebook/progress.ts";
import { simulateMarch } from "../../src/models/march.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

Deno.test("sweep runs the Cartesian product × runs with common seeds", async () => {
  const calls: string[] = [];
  const t = await sweep(
    (p) => {
      calls.push(`${p.a}-${p.b}-${p.seed}`);
      return { y: (p.a as number) * 10 + (p.b === "x" ? 1 : 2), s: p.seed };
    },
    { a: [1, 2], b: ["x", "y"] },
    { runs: 2, seed: 5 },
  );
  assert.deepEqual(calls, ["1-x-5", "1-x-6", "1-y-5", "1-y-6", "2-x-5", "2-x-6", "2-y-5", "2-y-6"]);
  assert.deepEqual(t.columnNames(), ["a", "b", "run", "seed", "y", "s"]);
  assert.deepEqual(t.array("y"), [11, 11, 12, 12, 21, 21, 22, 22]);
  // run r of every cell uses seed + r (common random numbers), recorded in the seed column
  assert.deepEqual(t.array("run"), [0, 1, 0, 1, 0, 1, 0, 1]);
  assert.deepEqual(t.array("seed"), [5, 6, 5, 6, 5, 6, 5, 6]);
  assert.deepEqual(t.array("s"), [5, 6, 5, 6, 5, 6, 5, 6]);
});

Deno.test("sweep of March: number outputs go to `value`, results match direct calls", async () => {
  const t = await sweep(
    (p) => simulateMarch({ p1: p.p1 as number, p2: 0.5 }, { runs: 30, seed: p.seed }).knowledge,
    { p1: [0.1, 0.9] },
    { progress: new Progress({ target: "none" }) },
  );
  assert.equal(t.get("value", 0), simulateMarch({ p1: 0.1, p2: 0.5 }, { runs: 30, seed: 1 }).knowledge);
  assert.ok((t.get("value", 0) as number) > (t.get("value", 1) as number));
});

Deno.test("sweep validates the grid and the outputs", async () => {
  await assert.rejects(() => sweep(() => 1, { a: [] }), ValidationError);
  await assert.rejects(() => sweep(() => 1, { a: [1] }, { runs: 0 }), ValidationError);
  await assert.rejects(() => sweep(() => Number.NaN, { a: [1] }), (e: unknown) => {
    assert.ok(e instanceof ValidationError);
    assert.equal(e.issues[0]!.column, "value");
    return true;
  });
  // the offending output is named by the 1-based row it would have had: a = 2 is the second row
  await assert.rejects(
    () => sweep((p) => (p.a === 2 ? Number.POSITIVE_INFINITY : 1), { a: [1, 2] }),
    (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.deepEqual([e.issues[0]!.row, e.issues[0]!.column], [2, "value"]);
      return true;
    },
  );
});

Deno.test("sweep with terminal progress reports every cell on stderr and still returns the table", async () => {
  const url = new URL("../../src/models/sweep.ts", import.meta.url).href;
  const progressURL = new URL("../../src/notebook/progress.ts", import.meta.url).href;
  const code = `import { sweep } from "${url}";
import { Progress } from "${progressURL}";
const t = await sweep((p) => (p.a as number) * 2, { a: [1, 2] }, { progress: new Progress({ label: "sweep", target: "terminal", interval: 0 }) });
console.log(JSON.stringify(t.array("value")));`;
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["eval", code],
    stdout: "piped",
    stderr: "piped",
  })
    .output();
  const err = new TextDecoder().decode(out.stderr);
  assert.ok(out.success, err);
  assert.equal(new TextDecoder().decode(out.stdout).trim(), "[2,4]");
  assert.match(err, /\rsweep 2\/2 \(100%\) \d+\.\d s done\n$/);
});

Deno.test("sweep: the 0.1 progress values false (none) and display options give the same table", async () => {
  const model = (p: { a?: unknown; seed: number }) => (p.a as number) * 10 + p.seed;
  const today = await sweep(model, { a: [1, 2] }, { runs: 2 });
  assert.deepEqual(
    (await sweep(model, { a: [1, 2] }, { runs: 2, progress: false })).objects(),
    today.objects(),
  );
  const shown = await sweep(model, { a: [1, 2] }, { runs: 2, progress: { target: "none" } });
  assert.deepEqual(shown.objects(), today.objects());
});

Deno.test("sweep with 0.1 display options: a Progress labelled sweep reports on stderr (built through core)", async () => {
  const mod = new URL("../../src/mod.ts", import.meta.url).href;
  const code = `import { sweep } from "${mod}";
const t = await sweep((p) => (p.a as number) * 2, { a: [1, 2] }, { progress: { target: "terminal", interval: 0 } });
console.log(JSON.stringify(t.array("value")));`;
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["eval", code],
    stdout: "piped",
    stderr: "piped",
  })
    .output();
  const err = new TextDecoder().decode(out.stderr);
  assert.ok(out.success, err);
  assert.equal(new TextDecoder().decode(out.stdout).trim(), "[2,4]");
  assert.match(err, /\rsweep 2\/2 \(100%\) \d+\.\d s done\n$/);
});

const fixture = new URL("../fixtures/sweep_models.ts", import.meta.url);

Deno.test("sweep with workers gives the serial table, byte for byte (March, 2 × 2 grid × 3 runs)", async () => {
  const grid = { p1: [0.1, 0.9], p2: [0.5, 0.9] };
  const { march } = await import(fixture.href);
  const serial = await sweep(march, grid, { runs: 3, seed: 4 });
  const ticks: number[] = [];
  const recorder = {
    start: (n: number) => void ticks.push(-n),
    tick: () => void ticks.push(1),
    done: () => {},
  };
  const kept: Record<string, unknown>[] = [];
  const parallel = await sweep({ module: fixture, export: "march" }, grid, {
    runs: 3,
    seed: 4,
    workers: 2,
    progress: recorder,
    rows: kept,
  });
  assert.equal(parallel.toCSV(), serial.toCSV());
  assert.equal(JSON.stringify(parallel.objects()), JSON.stringify(serial.objects()));
  assert.deepEqual(kept, serial.objects());
  assert.deepEqual(ticks, [-12, ...Array(12).fill(1)]); // every run of both workers is counted once
  // the named form also runs serially (workers 1) and on more workers than runs
  const named = await sweep({ module: fixture.href, export: "march" }, grid, { runs: 3, seed: 4 });
  assert.equal(named.toCSV(), serial.toCSV());
  const many = await sweep({ module: fixture, export: "march" }, { p1: [0.5], p2: [0.5] }, { workers: 4 });
  assert.equal(many.get("knowledge", 0), march({ p1: 0.5, p2: 0.5, seed: 1 }).knowledge);
});

Deno.test("a parallel sweep stopped by an error keeps the rows before it, in grid order", async () => {
  const done: Record<string, unknown>[] = [];
  await assert.rejects(
    () => sweep({ module: fixture, export: "failAt3" }, { p: [1, 2, 3, 4, 5] }, { rows: done, workers: 2 }),
    /stopped/,
  );
  assert.deepEqual(done.map((r) => r.p), [1, 2]);
  // an output error names the same row as in a serial sweep, and stays a ValidationError
  await assert.rejects(
    () => sweep({ module: fixture, export: "infiniteAt2" }, { a: [1, 2, 3] }, { workers: 2 }),
    (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.deepEqual([e.issues[0]!.row, e.issues[0]!.column], [2, "value"]);
      return true;
    },
  );
  // a worker that crashes (an uncaught error outside the run) ends the sweep with its error, no hang
  await assert.rejects(
    () => sweep({ module: fixture, export: "crash" }, { a: [1, 2] }, { workers: 2 }),
    /sweep worker: .*boom/,
  );
  // an export that is not a function is a ValidationError from the worker, rebuilt with its issues
  await assert.rejects(
    () => sweep({ module: fixture, export: "notAModel" }, { a: [1] }, { workers: 2 }),
    (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.equal(e.issues[0]!.column, "model.export");
      return true;
    },
  );
});

Deno.test("sweep validates workers and the model's form", async () => {
  const columns = async (f: () => Promise<unknown>) => {
    try {
      await f();
    } catch (e) {
      assert.ok(e instanceof ValidationError, String(e));
      return e.issues.map((i) => i.column);
    }
    assert.fail("expected a ValidationError");
  };
  for (const workers of [0, -1, 1.5, Number.NaN, 257, "2" as unknown as number]) {
    assert.deepEqual(
      await columns(() => sweep(() => 1, { a: [1] }, { workers })),
      ["workers"],
      String(workers),
    );
  }
  // a closure cannot cross into a worker
  const e = await columns(() => sweep(() => 1, { a: [1] }, { workers: 2 }));
  assert.deepEqual(e, ["model"]);
  assert.deepEqual(await columns(() => sweep({ module: "./relative.ts", export: "m" }, { a: [1] })), [
    "model.module",
  ]);
  assert.deepEqual(await columns(() => sweep({ module: fixture, export: "" }, { a: [1] })), ["model.export"]);
  assert.deepEqual(await columns(() => sweep(42 as never, { a: [1] })), ["model"]);
});

Deno.test("a parallel sweep without read access stops before any worker starts, naming what it must read", async () => {
  const url = new URL("../../src/models/sweep.ts", import.meta.url).href;
  const code = `import { sweep } from "${url}";
try {
  await sweep({ module: "${fixture.href}", export: "march" }, { p1: [0.1], p2: [0.5] }, { workers: 2 });
  console.log(JSON.stringify("ran"));
} catch (e) {
  console.log(JSON.stringify({ name: e.name, issues: e.issues.map((i) => [i.column, i.expected]) }));
}`;
  const dir = await Deno.makeTempDir();
  await Deno.writeTextFile(`${dir}/probe.ts`, code);
  const run = async (...flags: string[]) => {
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", "--no-prompt", ...flags, `${dir}/probe.ts`], // deno eval would grant every permission
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.ok(out.success, new TextDecoder().decode(out.stderr));
    return JSON.parse(new TextDecoder().decode(out.stdout).trim());
  };
  const none = await run();
  assert.equal(none.name, "ValidationError");
  assert.deepEqual(none.issues.map((i: string[]) => i[0]), ["workers", "workers"]);
  assert.match(none.issues[0][1], /read access to ClusterLab's src\/ folder.*--allow-read/);
  assert.match(none.issues[1][1], /read access to the model module/);
  const srcOnly = await run(`--allow-read=${new URL("../../src/", import.meta.url).pathname}`);
  assert.deepEqual(srcOnly.issues.map((i: string[]) => i[1].slice(0, 32)), [
    "read access to the model module ",
  ]);
  assert.equal(await run("--allow-read"), "ran");
  await Deno.remove(dir, { recursive: true });
});
