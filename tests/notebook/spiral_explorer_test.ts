import assert from "node:assert/strict";
import { spiralExplorer, spiralRun } from "../../src/notebook/spiral_explorer.ts";
import { type SpiralExplorerData, spiralRadius } from "../../src/notebook/client/spiral.ts";
import { embeddedData } from "../../src/notebook/widget_html.ts";
import { clientRenderModule } from "../../src/notebook/client_render.ts";
import { SECI_MODES, simulateSpiral } from "../../src/models/seci.ts";
import { ValidationError } from "../../src/core/validation_error.ts";
import { assertSnapshot } from "../plot/snapshot.ts";

Deno.test("spiralRadius() is log2(1 + K/K0): 1 at the start, +1 per doubling of 1 + K/K0", () => {
  assert.equal(spiralRadius(1, 1), 1);
  assert.equal(spiralRadius(3, 1), 2);
  assert.equal(spiralRadius(14, 2), 3);
});

Deno.test("spiralExplorer(): one frame per public share × rate, each showing that run's turns and growth", () => {
  const w = spiralExplorer({
    publicShares: [0, 0.5, 1],
    rates: [0.04, 0.12],
    rateMode: "combination",
    model: { steps: 30 },
    lang: "zh",
    mode: "frames",
  });
  assert.equal(w.mode, "frames");
  assert.equal(w.stats.frames, 6);
  assert.equal(w.stats.uniqueFrames, 6);
  assert.deepEqual(w.initialParams, { publicShare: 0.5, rate: 0.04 });
  for (const [i, p] of [0, 0.5, 1].entries()) {
    for (const [j, r] of [0.04, 0.12].entries()) {
      const res = simulateSpiral({ steps: 30, publicShare: p, rates: { combination: r } });
      const html = w.frameHTML([i, j]);
      assert.ok(
        html.includes(`圈数 ${res.turns} · 增长率 λ = ${res.growthRate.toFixed(3)}`),
        `frame ${p}, ${r}: expected turns ${res.turns}, λ ${res.growthRate}`,
      );
    }
  }
  const html = w.toHTML();
  assert.ok(html.includes("公共权力份额") && html.includes("组合化速率") && html.includes("社会化"));
  assert.equal(w.toPNG()[1], 0x50); // a PNG of the initial frame
});

Deno.test("spiralExplorer(): more public power changes the spiral (public power raises E and C)", () => {
  const w = spiralExplorer({ publicShares: [0, 1], rates: [0.08] });
  assert.notEqual(w.frameHTML([0, 0]), w.frameHTML([1, 0]));
  const priv = simulateSpiral({ steps: 40, publicShare: 0 });
  const pub = simulateSpiral({ steps: 40, publicShare: 1 });
  assert.ok(w.frameHTML([0, 0]).includes(`λ = ${priv.growthRate.toFixed(3)}`));
  assert.ok(w.frameHTML([1, 0]).includes(`λ = ${pub.growthRate.toFixed(3)}`));
});

Deno.test("spiralExplorer(): bad options are a ValidationError naming the option", () => {
  assert.throws(
    () => spiralExplorer({ publicShares: [0, 1.5], rateMode: "teaching" as never, rates: [-1], size: 10 }),
    (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.deepEqual(e.issues.map((i) => i.column), ["rateMode", "publicShares", "rates", "size"]);
      return true;
    },
  );
  assert.throws(
    () => spiralExplorer({ mode: "movie" as never }),
    (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.deepEqual(e.issues.map((i) => [i.column, i.received]), [["mode", '"movie"']]);
      return true;
    },
  );
});

// deno-lint-ignore no-explicit-any
const CLR: any = (await import("data:text/javascript," + encodeURIComponent(clientRenderModule()))).default;

Deno.test("spiralExplorer() data mode: the embedded runs are simulateSpiral's outputs, at full precision", () => {
  const shares = [0, 0.5, 1], rates = [0.04, 0.12];
  const w = spiralExplorer({ publicShares: shares, rates, rateMode: "combination", model: { steps: 30 } });
  assert.equal(w.mode, "data");
  assert.equal(w.stats.frames, 6);
  const d = embeddedData(w.toHTML()) as SpiralExplorerData;
  assert.equal(d.runs.length, 6);
  assert.deepEqual(d.modes, ["Socialisation", "Externalisation", "Combination", "Internalisation"]);
  for (const [i, p] of shares.entries()) {
    for (const [j, r] of rates.entries()) {
      const res = simulateSpiral({ steps: 30, publicShare: p, rates: { combination: r } });
      const run = d.runs[i * rates.length + j]!;
      assert.deepEqual(run.phase, Array.from(res.cycle.array("phase") as ArrayLike<number>));
      assert.deepEqual(run.knowledge, Array.from(res.cycle.array("knowledge") as ArrayLike<number>));
      assert.deepEqual(
        run.stage.map((k) => SECI_MODES[k]),
        Array.from(res.cycle.array("stage") as ArrayLike<string>),
      );
      assert.equal(run.turns, res.turns);
      assert.equal(run.growthRate, res.growthRate);
      assert.deepEqual(run, spiralRun(res));
      // the browser renderer draws one point per step and the run's caption
      const svg: string = CLR.spiral(d, [i, j], i * rates.length + j);
      assert.equal(svg.match(/class="clr-point"/g)!.length, 31);
      assert.ok(svg.includes(`turns ${res.turns} · growth rate λ = ${res.growthRate.toFixed(3)}`));
    }
  }
  // the end point sits at radius log2(1 + K_T/K_0) along the final phase (polar mapping; 10 px margin)
  const run = d.runs[5]!, n = run.phase.length, half = (d.size - 20) / 2;
  const r = spiralRadius(run.knowledge[n - 1]!, run.knowledge[0]!);
  const svg: string = CLR.spiral(d, [2, 1], 5);
  const [, cx, cy] = svg.match(/<circle cx="([\d.]+)" cy="([\d.]+)" r="5" fill="black" class="clr-end"/)!;
  assert.ok(Math.abs(Number(cx) - (10 + half + (r * Math.cos(run.phase[n - 1]!) / d.R) * half)) <= 0.005);
  assert.ok(Math.abs(Number(cy) - (10 + half - (r * Math.sin(run.phase[n - 1]!) / d.R) * half)) <= 0.005);
  // the initial view inside the HTML is the kernel's static frame, and frameHTML renders any position
  assert.ok(w.toHTML().includes(`<div class="clw-frame">${w.initial.toHTML()}</div>`));
  assert.ok(w.frameHTML([0, 1]).includes(`λ = ${d.runs[1]!.growthRate.toFixed(3)}`));
  assert.equal(
    w.toHTML(),
    spiralExplorer({ publicShares: shares, rates, rateMode: "combination", model: { steps: 30 } }).toHTML(),
  );
  assert.doesNotMatch(w.toHTML(), /\beval\(|new Function|\bsrc=/);
});

Deno.test("spiralExplorer() data mode: Chinese labels in the data; MIME bundle keeps PNG and text", () => {
  const w = spiralExplorer({ publicShares: [0, 1], rates: [0.08], lang: "zh" });
  const d = embeddedData(w.toHTML()) as SpiralExplorerData;
  assert.deepEqual(d.modes, ["社会化", "外在化", "组合化", "内在化"]);
  assert.equal(d.text.turns, "圈数");
  const bundle = w.toMimeBundle();
  assert.deepEqual(Object.keys(bundle).sort(), ["image/png", "text/html", "text/plain"]);
  assert.equal(bundle["image/png"], btoa(String.fromCharCode(...w.initial.toPNG())));
  assert.match(bundle["text/plain"]!, /2 slider positions, drawn from data\)$/);
});

Deno.test("spiralExplorer(): snapshots of the static fallback and of the browser renderer's drawing", async () => {
  const options = { publicShares: [0, 0.5, 1], rates: [0.04, 0.12], model: { steps: 30 } };
  const w = spiralExplorer(options);
  await assertSnapshot(import.meta.url, "spiral-explorer-static", w.initial.toSVG());
  await assertSnapshot(
    import.meta.url,
    "spiral-explorer-frames-zh",
    spiralExplorer({ ...options, lang: "zh", mode: "frames" }).initial.toSVG(),
  );
  const d = embeddedData(w.toHTML()) as SpiralExplorerData;
  await assertSnapshot(import.meta.url, "client-spiral", CLR.spiral(d, [2, 1], 5));
});
