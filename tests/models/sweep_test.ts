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
