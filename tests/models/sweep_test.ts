import assert from "node:assert/strict";
import * as aq from "../../src/deps/arquero.ts";
import { sweep, type SweepDesign, type SweepParams } from "../../src/models/sweep.ts";
import { latinHypercube } from "../../src/models/latin_hypercube.ts";
import { saltelliDesign } from "../../src/models/saltelli_design.ts";
import { sobolIndices } from "../../src/models/sobol_indices.ts";
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

/**
 * March's fixture on 2 workers over `cells` gives `serial` byte for byte, its `rows` get the same rows, and
 * progress counts every run of both workers once.
 */
async function assertParallelMatches(
  cells: Parameters<typeof sweep>[1],
  options: { runs: number; seed: number },
  serial: Awaited<ReturnType<typeof sweep>>,
): Promise<void> {
  const ticks: number[] = [];
  const recorder = {
    start: (n: number) => void ticks.push(-n),
    tick: () => void ticks.push(1),
    done: () => {},
  };
  const kept: Record<string, unknown>[] = [];
  const parallel = await sweep({ module: fixture, export: "march" }, cells, {
    ...options,
    workers: 2,
    progress: recorder,
    rows: kept,
  });
  assert.equal(parallel.toCSV(), serial.toCSV());
  assert.equal(JSON.stringify(parallel.objects()), JSON.stringify(serial.objects()));
  assert.deepEqual(kept, serial.objects());
  const n = serial.numRows();
  assert.deepEqual(ticks, [-n, ...Array(n).fill(1)]);
}

Deno.test("sweep with workers gives the serial table, byte for byte (March, 2 × 2 grid × 3 runs)", async () => {
  const grid = { p1: [0.1, 0.9], p2: [0.5, 0.9] };
  const { march } = await import(fixture.href);
  const serial = await sweep(march, grid, { runs: 3, seed: 4 });
  assert.equal(serial.numRows(), 12);
  await assertParallelMatches(grid, { runs: 3, seed: 4 }, serial);
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
  // a model that ends its worker (Deno.exit) fails its run instead of leaving the sweep waiting for ever
  const exited: Record<string, unknown>[] = [];
  await assert.rejects(
    () => sweep({ module: fixture, export: "exitAt2" }, { a: [1, 2, 3, 4] }, { workers: 2, rows: exited }),
    /Deno\.exit\(3\)/,
  );
  assert.deepEqual(exited.map((r) => r.a), [1]);
  // an error the model leaves behind after its run replied is not lost: a later run of that worker fails
  await assert.rejects(
    () => sweep({ module: fixture, export: "lateThrowAt2" }, { a: [1, 2, 3, 4, 5, 6, 7, 8] }, { workers: 2 }),
    /sweep worker: .*late timer/,
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

Deno.test("sweep over a design: one row per point × run, in point order, as a manual map gives", async () => {
  const march = (p: SweepParams) =>
    simulateMarch({ p1: p.p1 as number, p2: p.p2 as number }, { runs: 10, seed: p.seed }).knowledge;
  const lhs = latinHypercube({ p1: [0.1, 0.9], p2: [0.1, 0.9] }, 6, { seed: 2 });
  const t = await sweep(march, lhs, { runs: 2, seed: 3 });
  assert.deepEqual(t.columnNames(), ["point", "p1", "p2", "run", "seed", "value"]);
  assert.deepEqual(t.array("point"), [0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  assert.deepEqual(t.array("seed"), Array(6).fill([3, 4]).flat());
  const manual = lhs.points.flatMap((p) => [0, 1].map((r) => march({ ...p, seed: 3 + r })));
  assert.deepEqual(t.array("value"), manual);
  assert.deepEqual(t.array("p1"), lhs.points.flatMap((p) => [p.p1, p.p1]));
  // `{ points }` as records or as an arquero table gives the same table
  const csv = t.toCSV();
  assert.equal((await sweep(march, { points: lhs.points }, { runs: 2, seed: 3 })).toCSV(), csv);
  const table = lhs.table.select("p1", "p2");
  assert.equal((await sweep(march, { points: table }, { runs: 2, seed: 3 })).toCSV(), csv);
  // string and boolean parameters pass through, in the order of point 0's parameters
  const mixed = await sweep((p) => ({ s: `${p.b}${p.a}` }), {
    points: [{ a: 1, b: true }, { b: false, a: 2 }],
  });
  assert.deepEqual(mixed.objects(), [
    { point: 0, a: 1, b: true, run: 0, seed: 1, s: "true1" },
    { point: 1, a: 2, b: false, run: 0, seed: 1, s: "false2" },
  ]);
});

Deno.test("sweep over a Saltelli design gives sobolIndices the outputs of a manual map", async () => {
  const model = (p: SweepParams) => ({ y: (p.x1 as number) + 2 * (p.x2 as number) ** 2 });
  const design = saltelliDesign({ x1: [0, 1], x2: [0, 1] }, 16);
  const t = await sweep(model, design);
  assert.equal(t.numRows(), design.points.length);
  const manual = design.points.map((p) => model({ ...p, seed: 1 }).y);
  assert.deepEqual(t.array("y"), manual);
  assert.deepEqual(
    sobolIndices(design, t.array("y") as number[], { replicates: 50 }).table.objects(),
    sobolIndices(design, manual, { replicates: 50 }).table.objects(),
  );
  // a grid whose parameter happens to be called `points` is still a grid
  assert.deepEqual((await sweep((p) => p.points as number, { points: [1, 2] })).columnNames(), [
    "points",
    "run",
    "seed",
    "value",
  ]);
});

Deno.test("sweep over a design on 2 workers gives the table of 1, byte for byte, with rows and progress", async () => {
  const design = latinHypercube({ p1: [0.1, 0.9], p2: [0.1, 0.9] }, 5, { seed: 9 });
  const serial = await sweep({ module: fixture, export: "march" }, design, { runs: 2, seed: 4 });
  assert.equal(serial.numRows(), 10);
  await assertParallelMatches(design, { runs: 2, seed: 4 }, serial);
  const { march } = await import(fixture.href);
  assert.equal(serial.get("knowledge", 3), march({ ...design.points[1], seed: 5 }).knowledge);
  // a stopped design sweep keeps the points before the failure, in point order
  const done: Record<string, unknown>[] = [];
  const points = [1, 2, 3, 4, 5].map((p) => ({ p }));
  await assert.rejects(() =>
    sweep({ module: fixture, export: "failAt3" }, { points }, { rows: done, workers: 2 })
  );
  assert.deepEqual(done.map((r) => [r.point, r.p]), [[0, 1], [1, 2]]);
});

Deno.test("sweep: bad designs are ValidationErrors naming the point and parameter", async () => {
  const columns = async (design: unknown, options = {}) => {
    try {
      await sweep(() => 1, design as SweepDesign, options);
    } catch (e) {
      assert.ok(e instanceof ValidationError, String(e));
      return e.issues.map((i) => i.column);
    }
    assert.fail("expected a ValidationError");
  };
  assert.deepEqual(await columns({ points: [{ a: 1 }, 5] }), ["design.points[1]"]);
  assert.deepEqual(await columns({ points: [{ a: 1 }, [1]] }), ["design.points[1]"]);
  assert.deepEqual(await columns({ points: [{ a: 1 }, { b: 2 }] }), ["design.points[1]"]);
  assert.deepEqual(await columns({ points: [{ a: 1, b: 1 }, { a: 2 }] }), ["design.points[1]"]);
  assert.deepEqual(await columns({ points: [{ a: 1 }, { a: Number.NaN }] }), ["design.points[1].a"]);
  assert.deepEqual(await columns({ points: [{ a: null }] }), ["design.points[0].a"]);
  assert.deepEqual(await columns({ points: [{ a: 1, seed: 2 }] }), ["design.points"]);
  assert.deepEqual(await columns({ points: [{ point: 1 }] }), ["design.points"]);
  assert.deepEqual(await columns({ points: aq.table({ a: [] }) }), ["design.points"]);
  // a design result whose points are gone is still told from a grid by its shape
  const d = latinHypercube({ a: [0, 1] }, 2);
  assert.deepEqual(await columns({ ...d, points: [] }), ["design.points"]);
  // with the option problems, in one error
  assert.deepEqual(await columns({ points: [{ a: "x" }, 3] }, { runs: 0 }), ["runs", "design.points[1]"]);
  // many bad points: the first ten are listed
  assert.equal((await columns({ points: [{ a: 1 }, ...Array(50).fill({ a: Number.NaN })] })).length, 10);
  // the size guard names the design before the first run
  const huge = { points: Array(1_000_000).fill({ a: 1 }) };
  assert.deepEqual(await columns(huge, { runs: 1000 }), ["design"]);
});
