import assert from "node:assert/strict";
import { Progress } from "../../src/notebook/progress.ts";
import type { ProgressOptions } from "../../src/notebook/progress.ts";

/** A report already started on `total` units (what sweep does before the first tick). */
function startedProgress(total: number, options: ProgressOptions): Progress {
  const p = new Progress(options);
  p.start(total);
  return p;
}

type Shown = { bundle: Record<string, string>; meta: { display_id: string; update: boolean } };

/**
 * Run `body` with a fake clock (`performance.now` returns `clock.now`) and a fake Jupyter kernel whose
 * `display` records its calls; both are restored afterwards. `Deno.jupyter` itself is a non-configurable
 * getter that throws outside the kernel, so the global `Deno` is swapped for an object inheriting from it.
 */
async function withFakeKernel(
  body: (clock: { now: number }, shown: Shown[]) => Promise<void>,
): Promise<void> {
  const realDeno = globalThis.Deno;
  const shown: Shown[] = [];
  const clock = { now: 1000 };
  const kernel = {
    display(bundle: Record<string, string>, meta: Shown["meta"]) {
      shown.push({ bundle, meta });
      return Promise.resolve();
    },
  };
  const fake = Object.create(realDeno, { jupyter: { value: kernel } });
  Object.defineProperty(globalThis, "Deno", { value: fake, configurable: true, enumerable: true });
  Object.defineProperty(performance, "now", { value: () => clock.now, configurable: true, writable: true });
  try {
    await body(clock, shown);
  } finally {
    delete (performance as { now?: unknown }).now; // back to Performance.prototype.now
    Object.defineProperty(globalThis, "Deno", { value: realDeno, configurable: true, enumerable: true });
  }
}

Deno.test("Progress text: floor of the percentage, elapsed seconds from the clock, 0 of 0 is 100%", async () => {
  await withFakeKernel(async (clock) => {
    const p = startedProgress(3, { label: "job", target: "none" }); // clock starts at 1000 ms
    await p.tick();
    clock.now = 2200; // 1200 ms later: 1.2 s
    // 1/3 = 33.33…% is floored to 33 in the text
    assert.equal(p.text(), "job 1/3 (33%) 1.2 s");
    clock.now = 1000 + 61_000;
    await p.tick(2);
    assert.equal(p.text(), "job 3/3 (100%) 61.0 s");
    const empty = startedProgress(0, { target: "none", lang: "zh" });
    assert.equal(empty.text(), "0/0 (100%) 0.0 秒"); // nothing to do is complete, not NaN%
  });
});

Deno.test("Progress in a notebook: one display updated in place, the bar value, throttled by `interval`", async () => {
  await withFakeKernel(async (clock, shown) => {
    const p = startedProgress(4, { label: "job", target: "notebook", interval: 100 });
    await p.tick(); // first tick always shows (t = 1000)
    clock.now = 1099;
    await p.tick(); // 99 ms < 100 ms: throttled
    assert.equal(shown.length, 1);
    clock.now = 1100;
    await p.tick(); // exactly the interval since the last update: shown
    assert.equal(shown.length, 2);
    clock.now = 2500;
    await p.done();
    assert.equal(shown.length, 3);
    // 1/4 → 25.0 and 3/4 → 75.0 on the <progress> bar (percent with one decimal, max 100)
    assert.equal(shown[0]!.bundle["text/plain"], "job 1/4 (25%) 0.0 s");
    assert.match(
      shown[0]!.bundle["text/html"]!,
      /<progress value="25\.0" max="100"><\/progress> job 1\/4 \(25%\) 0\.0 s</,
    );
    assert.equal(shown[1]!.bundle["text/plain"], "job 3/4 (75%) 0.1 s");
    assert.match(shown[1]!.bundle["text/html"]!, /<progress value="75\.0" max="100">/);
    // the final notebook output has no elapsed time (executed notebooks stay byte-identical)
    assert.equal(shown[2]!.bundle["text/plain"], "job 3/4 (75%) done");
    const ids = new Set(shown.map((s) => s.meta.display_id));
    assert.equal(ids.size, 1);
    assert.deepEqual(shown.map((s) => s.meta.update), [false, true, true]);
    // a fraction keeps one decimal on the bar (1/3 → 33.3) while the text floors it (33%); 0 of 0 is full
    const third = startedProgress(3, { target: "notebook", lang: "zh" });
    await third.done();
    assert.match(
      shown[3]!.bundle["text/html"]!,
      /<progress value="0\.0" max="100"><\/progress> 0\/3 \(0%\) 完成/,
    );
    third.completed = 1;
    await third.done();
    assert.match(
      shown[4]!.bundle["text/html"]!,
      /<progress value="33\.3" max="100"><\/progress> 1\/3 \(33%\) 完成/,
    );
    const empty = startedProgress(0, { target: "notebook" });
    await empty.done();
    assert.match(
      shown[5]!.bundle["text/html"]!,
      /<progress value="100\.0" max="100"><\/progress> 0\/0 \(100%\) done/,
    );
  });
});

Deno.test("Progress counts and formats its status line in English and Chinese", async () => {
  const p = startedProgress(4, { label: "job", target: "none" });
  await p.tick();
  await p.tick(2);
  assert.equal(p.completed, 3);
  assert.match(p.text(), /^job 3\/4 \(75%\) \d+\.\d s$/);
  const zh = startedProgress(2, { target: "none", lang: "zh" });
  assert.match(zh.text(), /^0\/2 \(0%\) \d+\.\d 秒$/);
});

Deno.test("Progress in a terminal rewrites one stderr line in place and ends it with 'done'", async () => {
  const url = new URL("../../src/notebook/progress.ts", import.meta.url).href;
  const code = `import { Progress } from "${url}";
const p = new Progress({ label: "job", target: "terminal", interval: 0 });
p.start(3);
for (let k = 0; k < 3; k++) await p.tick();
await p.done();`;
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["eval", code],
    stdout: "piped",
    stderr: "piped",
  })
    .output();
  assert.ok(out.success, new TextDecoder().decode(out.stderr));
  assert.equal(new TextDecoder().decode(out.stdout), "");
  const err = new TextDecoder().decode(out.stderr);
  // every update starts with a carriage return (same line), only the final one ends the line
  assert.match(
    err,
    /^\rjob 1\/3 \(33%\) \d+\.\d s\rjob 2\/3 \(66%\) \d+\.\d s\rjob 3\/3 \(100%\) \d+\.\d s\rjob 3\/3 \(100%\) \d+\.\d s done\n$/,
  );
});

Deno.test("new Progress(total, options): the 0.1 form is new Progress(options) started on total", async () => {
  await withFakeKernel(async (clock, shown) => {
    const v01 = new Progress(4, { label: "job", target: "notebook", interval: 0 });
    const today = startedProgress(4, { label: "job", target: "notebook", interval: 0 });
    assert.deepEqual([v01.total, v01.completed], [today.total, today.completed]);
    clock.now = 1500;
    await v01.tick(3);
    await today.tick(3);
    assert.equal(v01.text(), today.text());
    assert.equal(v01.text(), "job 3/4 (75%) 0.5 s");
    await v01.done();
    await today.done();
    assert.equal(shown[2]!.bundle["text/plain"], shown[3]!.bundle["text/plain"]);
  });
});
