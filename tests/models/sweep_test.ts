import assert from "node:assert/strict";
import { sweep } from "../../src/models/sweep.ts";
import { Progress } from "../../src/models/progress.ts";
import { simulateMarch } from "../../src/models/march.ts";
import { ValidationError } from "../../src/data/validation_error.ts";

Deno.test("sweep runs the Cartesian product × runs with common seeds", async () => {
  const calls: string[] = [];
  const t = await sweep(
    (p) => {
      calls.push(`${p.a}-${p.b}-${p.seed}`);
      return { y: (p.a as number) * 10 + (p.b === "x" ? 1 : 2), s: p.seed };
    },
    { a: [1, 2], b: ["x", "y"] },
    { runs: 2, seed: 5, progress: false },
  );
  assert.deepEqual(calls, ["1-x-5", "1-x-6", "1-y-5", "1-y-6", "2-x-5", "2-x-6", "2-y-5", "2-y-6"]);
  assert.deepEqual(t.columnNames(), ["a", "b", "run", "seed", "y", "s"]);
  assert.deepEqual(t.array("y"), [11, 11, 12, 12, 21, 21, 22, 22]);
});

Deno.test("sweep of March: number outputs go to `value`, results match direct calls", async () => {
  const t = await sweep(
    (p) => simulateMarch({ p1: p.p1 as number, p2: 0.5, runs: 30, seed: p.seed }).knowledge,
    { p1: [0.1, 0.9] },
    { progress: { target: "none" } },
  );
  assert.equal(t.get("value", 0), simulateMarch({ p1: 0.1, p2: 0.5, runs: 30, seed: 1 }).knowledge);
  assert.ok((t.get("value", 0) as number) > (t.get("value", 1) as number));
});

Deno.test("sweep validates the grid and the outputs", async () => {
  await assert.rejects(() => sweep(() => 1, { a: [] }), ValidationError);
  await assert.rejects(() => sweep(() => 1, { a: [1] }, { runs: 0 }), ValidationError);
  await assert.rejects(() => sweep(() => Number.NaN, { a: [1] }, { progress: false }), (e: unknown) => {
    assert.ok(e instanceof ValidationError);
    assert.equal(e.issues[0]!.column, "value");
    return true;
  });
});

Deno.test("Progress counts and formats; terminal output goes to stderr", async () => {
  const p = new Progress(4, { label: "job", target: "none" });
  await p.tick();
  await p.tick(2);
  assert.equal(p.completed, 3);
  assert.match(p.text(), /^job 3\/4 \(75%\) \d+\.\d s$/);
  const zh = new Progress(2, { target: "none", lang: "zh" });
  assert.match(zh.text(), /^0\/2 \(0%\) \d+\.\d 秒$/);
});
