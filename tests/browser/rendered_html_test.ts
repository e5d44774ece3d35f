/**
 * Check the HTML ClusterLab produces in a real browser (Debian's headless `chromium`, driven over the Chrome
 * DevTools Protocol): plots are visible, the slider of an interactive chart changes the chart, nothing is
 * loaded from the network, Chinese text is drawn with a CJK font, and pages without JavaScript degrade to
 * the static initial frame. Screenshots go to out/browser/. Skipped, with a message, when chromium is absent.
 *
 *   deno test -A tests/browser/
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import * as Plot from "@observablehq/plot";
import { findPython, installKernel, ROOT, RUNNER } from "../../tools/jupyter.ts";
import { interactive } from "../../src/notebook/interactive.ts";
import type { InteractiveFigure, InteractiveMode } from "../../src/notebook/interactive_figure.ts";
import { sliderRange } from "../../src/notebook/slider.ts";
import { spiralExplorer } from "../../src/notebook/spiral_explorer.ts";
import { quadrantExplorer } from "../../src/notebook/quadrant_explorer.ts";
import { simulateSpiral } from "../../src/models/seci.ts";
import { classifyGovernance, GOVERNANCE_PHASES } from "../../src/classify/governance.ts";
import { Browser, findChromium, type Page } from "./cdp.ts";
import { externalReferences, htmlFiles } from "./html_check.ts";

const OUT = join(ROOT, "out", "browser");
const chromium = await findChromium();
/** In CI (the `CI` environment variable is set) chromium is required: a missing one fails, never skips. */
const inCI = Deno.env.get("CI") !== undefined;
const NO_CHROMIUM = "no chromium found (Debian: apt-get install -y chromium; or set CLUSTERLAB_CHROMIUM)";
if (!chromium && !inCI) console.warn(`SKIPPED browser tests: ${NO_CHROMIUM}`);
const options = { ignore: !chromium && !inCI, sanitizeResources: false, sanitizeOps: false };

/** A page with a growth-curve widget in the given language. */
function widget(lang: "en" | "zh") {
  return interactive({
    title: { en: "Logistic growth", zh: "逻辑斯蒂增长" },
    lang,
    sliders: {
      rate: { label: { en: "Growth rate", zh: "增长率" }, values: sliderRange(0.1, 1, 0.1), initial: 0.3 },
      cap: { label: { en: "Capacity", zh: "容量" }, values: [0.5, 1] },
    },
    render: ({ rate, cap }) => ({
      marks: [Plot.lineY(Array.from({ length: 30 }, (_, t) => cap / (1 + 9 * Math.exp(-rate * t))))],
      y: { domain: [0, 1], label: lang === "zh" ? "份额" : "Share" },
    }),
  });
}

async function withBrowser(fn: (b: Browser) => Promise<void>) {
  if (!chromium) throw new Error(`browser tests are required in CI: ${NO_CHROMIUM}`);
  const b = await Browser.launch(chromium);
  try {
    await fn(b);
  } finally {
    await b.close();
  }
}

/** Sizes of every outermost <svg> and every <img> of the page. */
function visibility(page: Page) {
  return page.evaluate<{ svgs: number[][]; imgs: number[][] }>(`(() => {
    const svgs = [...document.querySelectorAll("svg")].filter((s) => !s.parentElement.closest("svg"))
      .filter((s) => s.closest(".clw-frame, .jp-OutputArea-output, .output_subarea, body > svg, figure"))
      .map((s) => { const r = s.getBoundingClientRect(); return [r.width, r.height]; });
    const imgs = [...document.images].map((i) => [i.complete ? 1 : 0, i.naturalWidth, i.naturalHeight]);
    return { svgs, imgs };
  })()`);
}

/** The platform fonts Chromium used to draw the text of the first node matching `selector`. */
async function fontsOf(page: Page, selector: string): Promise<string[]> {
  await page.send("DOM.enable");
  await page.send("CSS.enable");
  const { root } = await page.send<{ root: { nodeId: number } }>("DOM.getDocument", { depth: -1 });
  const { nodeId } = await page.send<{ nodeId: number }>("DOM.querySelector", {
    nodeId: root.nodeId,
    selector,
  });
  assert.ok(nodeId, `no node matches ${selector}`);
  const { fonts } = await page.send<{ fonts: { familyName: string; glyphCount: number }[] }>(
    "CSS.getPlatformFontsForNode",
    { nodeId },
  );
  return fonts.map((f) => f.familyName);
}

/** Move slider `k` of the first widget to position `pos` as a user would (input event). */
function moveSlider(page: Page, k: number, pos: number) {
  return page.evaluate(`(() => {
    const i = document.querySelectorAll(".clusterlab-interactive input.clw-slider")[${k}];
    i.value = "${pos}"; i.dispatchEvent(new Event("input", { bubbles: true }));
  })()`);
}

const frameState = (page: Page) =>
  page.evaluate<{ frame: string; svg: string; value: string }>(`(() => {
    const w = document.querySelector(".clusterlab-interactive");
    return { frame: w.dataset.frame, svg: w.querySelector(".clw-frame").innerHTML,
      value: w.querySelector("output.clw-value").textContent };
  })()`);

function networkRequests(page: Page): string[] {
  return page.requests.filter((u) => !/^(file:|data:|about:|blob:)/.test(u));
}

Deno.test({
  name:
    "browser: an interactive page shows its chart, and the slider changes it (screenshots in out/browser/)",
  ...options,
  fn: async () => {
    await Deno.mkdir(OUT, { recursive: true });
    const file = join(OUT, "interactive-zh.html");
    await widget("zh").save(file);
    await withBrowser(async (b) => {
      const page = await b.newPage();
      await page.goto(`file://${file}`);
      await page.waitFor(`document.querySelector(".clusterlab-interactive").dataset.ready === "1"`);
      const vis = await visibility(page);
      assert.equal(vis.svgs.length, 1);
      assert.ok(vis.svgs[0]![0]! > 300 && vis.svgs[0]![1]! > 200, `svg size ${vis.svgs[0]}`);
      assert.equal(await page.evaluate(`document.querySelector(".clw-controls").hidden`), false);
      assert.equal(await page.evaluate(`document.querySelector(".clw-note").hidden`), true);
      const before = await frameState(page);
      assert.equal(before.frame, "4"); // rate 0.3 (position 2) × 2 capacities + cap 0.5 (position 0)
      assert.equal(before.value, "0.3");
      const shot1 = await page.screenshot();
      await Deno.writeFile(join(OUT, "interactive-before.png"), shot1);

      await moveSlider(page, 0, 9);
      await moveSlider(page, 1, 1);
      const after = await frameState(page);
      assert.equal(after.frame, "19");
      assert.equal(after.value, "1");
      assert.notEqual(after.svg, before.svg);
      assert.ok((await visibility(page)).svgs[0]![0]! > 300);
      const shot2 = await page.screenshot();
      await Deno.writeFile(join(OUT, "interactive-after.png"), shot2);
      assert.notDeepEqual(shot1, shot2, "the screenshot did not change when the slider moved");

      // Chinese labels are drawn with the CJK font, and nothing came from the network
      const fonts = await fontsOf(page, ".clw-label span");
      assert.ok(fonts.some((f) => /CJK/.test(f)), `fonts used for 增长率: ${fonts}`);
      assert.deepEqual(networkRequests(page), []);
      assert.deepEqual(page.errors, []);
    });
  },
});

Deno.test({
  name: "browser: without JavaScript the widget degrades to the static initial frame and a note",
  ...options,
  fn: async () => {
    await Deno.mkdir(OUT, { recursive: true });
    const file = join(OUT, "interactive-en.html");
    await widget("en").save(file);
    await withBrowser(async (b) => {
      const page = await b.newPage();
      await page.send("Emulation.setScriptExecutionDisabled", { value: true });
      await page.goto(`file://${file}`);
      const state = await page.send<{ result: { value: string } }>("Runtime.evaluate", {
        expression: `JSON.stringify([document.querySelector(".clw-controls").hidden,
          document.querySelector(".clw-note").hidden, !!document.querySelector(".clusterlab-interactive").dataset.ready,
          (() => { const r = document.querySelector(".clw-frame svg").getBoundingClientRect(); return [r.width, r.height]; })()])`,
        returnByValue: true,
      });
      // Runtime.evaluate still works with page scripts disabled
      assert.equal(state.result.value, "[true,false,false,[640,400]]");
      await Deno.writeFile(join(OUT, "interactive-no-js.png"), await page.screenshot());
    });
  },
});

Deno.test({
  name: "browser: a notebook rendered by nbconvert shows its plots and its slider works",
  ...options,
  fn: async () => {
    const nb = join(ROOT, "tests", "browser", "fixture", "browser-fixture.ipynb");
    const python = await findPython();
    const env = await installKernel();
    const run = await new Deno.Command(python, {
      args: [RUNNER, "--out", OUT, "--html", nb],
      env: { ...env, NO_COLOR: "1" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const dec = new TextDecoder();
    assert.ok(run.success, `${dec.decode(run.stdout)}\n${dec.decode(run.stderr)}`);
    const file = join(OUT, "browser-fixture.html");
    await withBrowser(async (b) => {
      const page = await b.newPage();
      await page.goto(`file://${file}`);
      await page.waitFor(`document.querySelector(".clusterlab-interactive")?.dataset.ready === "1"`);
      const vis = await visibility(page);
      assert.ok(
        vis.svgs.length >= 2,
        `expected the static and the interactive chart, found ${vis.svgs.length}`,
      );
      for (const [w, h] of vis.svgs) assert.ok(w! > 100 && h! > 100, `an invisible plot: ${w}×${h}`);
      const before = await frameState(page);
      await moveSlider(page, 0, 8);
      const after = await frameState(page);
      assert.equal(before.frame, "2");
      assert.equal(after.frame, "8");
      assert.notEqual(after.svg, before.svg);
      await Deno.writeFile(join(OUT, "notebook.png"), await page.screenshot({ fullPage: true }));
      const fonts = await fontsOf(page, "h1");
      assert.ok(fonts.some((f) => /CJK/.test(f)), `fonts used for the Chinese title: ${fonts}`);
      assert.deepEqual(networkRequests(page), []);
    });
  },
});

/** Move slider `k` of widget `w` (0-based over the page's widgets) to `pos`; return the widget's state. */
function moveWidgetSlider(page: Page, w: number, k: number, pos: number) {
  return page.evaluate<{ frame: string; text: string; svg: string }>(`(() => {
    const w = document.querySelectorAll(".clusterlab-interactive")[${w}];
    const i = w.querySelectorAll("input.clw-slider")[${k}];
    i.value = "${pos}"; i.dispatchEvent(new Event("input", { bubbles: true }));
    const f = w.querySelector(".clw-frame");
    return { frame: w.dataset.frame, text: f.textContent, svg: f.innerHTML };
  })()`);
}

/** Open a saved explorer page, wait for it, check the visible chart, return the page. */
async function openExplorer(b: Browser, w: InteractiveFigure, name: string): Promise<Page> {
  const file = join(OUT, `${name}.html`);
  await w.save(file);
  const page = await b.newPage();
  await page.goto(`file://${file}`);
  await page.waitFor(`document.querySelector(".clusterlab-interactive").dataset.ready === "1"`);
  const vis = await visibility(page);
  assert.equal(vis.svgs.length, 1, `${name}: ${vis.svgs.length} charts`);
  assert.ok(vis.svgs[0]![0]! >= 400 && vis.svgs[0]![1]! >= 400, `${name}: chart size ${vis.svgs[0]}`);
  return page;
}

const explorerShares = [0, 0.5, 1], explorerRates = [0.04, 0.08, 0.16], explorerThresholds = [0.4, 0.5, 0.6];
const explorerRows = [
  { entity: "浙江", year: 2020, K: 0.45, A: 0.4 },
  { entity: "北京", year: 2020, K: 0.8, A: 0.7 },
  { entity: "湖北", year: 2020, K: 0.3, A: 0.65 },
  { entity: "浙江", year: 2021, K: 0.55, A: 0.52 },
  { entity: "北京", year: 2021, K: 0.85, A: 0.75 },
  { entity: "湖北", year: 2021, K: 0.35, A: 0.6 },
];
const explorers = (mode: InteractiveMode) => ({
  spiral: spiralExplorer({
    publicShares: explorerShares,
    rates: explorerRates,
    lang: "zh",
    model: { steps: 30 },
    mode,
  }),
  quadrant: quadrantExplorer(explorerRows, {
    thresholds: explorerThresholds,
    highlight: ["浙江"],
    lang: "zh",
    mode,
  }),
});

/** The browser-drawn chart of widget 0: its kind, points, captions' counts, highlighted points' centres. */
const drawnChart = (page: Page) =>
  page.evaluate<{ clr: boolean; points: number; counts: Record<string, number>; hi: number[][] }>(`(() => {
    const f = document.querySelector(".clusterlab-interactive .clw-frame");
    const counts = {};
    for (const t of f.querySelectorAll("text.clr-caption")) counts[t.dataset.q] = Number(t.dataset.count);
    return { clr: !!f.querySelector("svg.clr-chart"), points: f.querySelectorAll("circle.clr-point").length,
      counts, hi: [...f.querySelectorAll("circle.clr-highlight")].map((c) => [Number(c.getAttribute("cx")),
        Number(c.getAttribute("cy"))]) };
  })()`);

for (const mode of ["frames", "data"] as const) {
  Deno.test({
    name:
      `browser: the spiral and governance-quadrant explorers (${mode} mode) show the right chart for each ` +
      "slider position",
    ...options,
    fn: async () => {
      await Deno.mkdir(OUT, { recursive: true });
      const shares = explorerShares, rates = explorerRates, thresholds = explorerThresholds;
      const rows = explorerRows;
      const { spiral, quadrant } = explorers(mode);
      assert.equal(spiral.mode, mode);
      const suffix = mode === "data" ? "-data" : "";
      await withBrowser(async (b) => {
        // spiral: initial share 0.5, rate 0.08; every position shows that run's turns and growth rate λ
        const page = await openExplorer(b, spiral, `spiral-explorer${suffix}`);
        await Deno.writeFile(join(OUT, `spiral-explorer${suffix}-before.png`), await page.screenshot());
        const seen = new Set<string>();
        for (const [i, p] of shares.entries()) {
          for (const [j, r] of rates.entries()) {
            await moveWidgetSlider(page, 0, 0, i);
            const st = await moveWidgetSlider(page, 0, 1, j);
            assert.equal(st.frame, String(i * rates.length + j));
            const res = simulateSpiral({ steps: 30, publicShare: p, rates: { externalisation: r } });
            const expected = `圈数 ${res.turns} · 增长率 λ = ${res.growthRate.toFixed(3)}`;
            assert.ok(st.text.includes(expected), `share ${p}, rate ${r}: expected "${expected}"`);
            if (mode === "data") {
              // drawn in the browser from the data: one point per step of the run
              const c = await drawnChart(page);
              assert.ok(c.clr, "the browser renderer drew the chart");
              assert.equal(c.points, res.cycle.numRows());
            }
            seen.add(st.svg);
          }
        }
        assert.equal(
          seen.size,
          shares.length * rates.length,
          "every slider position draws a different spiral",
        );
        await Deno.writeFile(join(OUT, `spiral-explorer${suffix}-after.png`), await page.screenshot());
        assert.deepEqual(page.errors, []);
        assert.deepEqual(networkRequests(page), []);

        // quadrant: year × threshold; each view's quadrant counts are classifyGovernance's at that threshold
        const q = await openExplorer(b, quadrant, `quadrant-explorer${suffix}`);
        await Deno.writeFile(join(OUT, `quadrant-explorer${suffix}-before.png`), await q.screenshot());
        for (const [i, y] of [2020, 2021].entries()) {
          for (const [j, t] of thresholds.entries()) {
            await moveWidgetSlider(q, 0, 0, i);
            const st = await moveWidgetSlider(q, 0, 1, j);
            assert.equal(st.frame, String(i * thresholds.length + j));
            const g = classifyGovernance(
              rows.filter((r) => r.year === y),
              { knowledge: "K", alliance: "A" },
              {
                threshold: t,
                bootstrap: { replicates: 0 },
              },
            );
            const quads = g.table.array("quadrant") as string[];
            for (const k of ["LL", "HL", "LH", "HH"] as const) {
              const label = `${GOVERNANCE_PHASES[k].zh} (${quads.filter((x) => x === k).length})`;
              assert.ok(st.text.includes(label), `${y}, threshold ${t}: expected "${label}"`);
            }
            if (mode === "data") {
              const c = await drawnChart(q);
              assert.ok(c.clr, "the browser renderer drew the chart");
              assert.equal(c.points, quads.length);
              for (const k of ["LL", "HL", "LH", "HH"]) {
                assert.equal(c.counts[k], quads.filter((x) => x === k).length, `${y}, ${t}, ${k}`);
              }
              // the highlighted entity (浙江) sits at its (K, A) of that year: x 44..500, y 480..20 px
              const zj = rows.find((r) => r.entity === "浙江" && r.year === y)!;
              assert.equal(c.hi.length, 1);
              assert.ok(Math.abs(c.hi[0]![0]! - (44 + zj.K * 456)) <= 0.005, `x of 浙江 ${c.hi[0]}`);
              assert.ok(Math.abs(c.hi[0]![1]! - (480 - zj.A * 460)) <= 0.005, `y of 浙江 ${c.hi[0]}`);
            }
          }
        }
        await Deno.writeFile(join(OUT, `quadrant-explorer${suffix}-after.png`), await q.screenshot());
        assert.deepEqual(q.errors, []);
        assert.deepEqual(networkRequests(q), []);
      });
    },
  });
}

Deno.test({
  name: "browser: without JavaScript the data-mode explorers show the kernel's static chart and a note",
  ...options,
  fn: async () => {
    await Deno.mkdir(OUT, { recursive: true });
    const { spiral, quadrant } = explorers("data");
    await withBrowser(async (b) => {
      for (const [name, w] of [["spiral", spiral], ["quadrant", quadrant]] as const) {
        const file = join(OUT, `${name}-explorer-data-no-js.html`);
        await w.save(file);
        const page = await b.newPage();
        await page.send("Emulation.setScriptExecutionDisabled", { value: true });
        await page.goto(`file://${file}`);
        const state = await page.send<{ result: { value: string } }>("Runtime.evaluate", {
          expression: `JSON.stringify([document.querySelector(".clw-controls").hidden,
            document.querySelector(".clw-note").hidden, !!document.querySelector(".clusterlab-interactive").dataset.ready,
            !!document.querySelector(".clw-frame svg.clr-chart"),
            document.querySelectorAll(".clw-frame circle").length,
            (() => { const r = document.querySelector(".clw-frame svg").getBoundingClientRect(); return [r.width, r.height]; })()])`,
          returnByValue: true,
        });
        const [hidden, noteHidden, ready, clr, circles, [width, height]] = JSON.parse(state.result.value);
        assert.deepEqual([hidden, noteHidden, ready, clr], [true, false, false, false], name);
        // the static frame is the kernel's Plot SVG of the initial position (same number of points)
        assert.equal(circles, w.initial.toHTML().split("<circle").length - 1, name);
        assert.ok(circles > 0, name);
        assert.ok(width >= 400 && height >= 400, `${name}: ${width}×${height}`);
        await Deno.writeFile(join(OUT, `${name}-explorer-data-no-js.png`), await page.screenshot());
      }
    });
  },
});

Deno.test({
  name: "browser: every rendered HTML in out/ is self-contained and its plots are visible",
  ...options,
  fn: async () => {
    const files = (await htmlFiles(join(ROOT, "out"))).filter((f) => !f.includes("/out/test/"));
    assert.ok(files.length > 0, "no HTML in out/ (the notebook test above writes one)");
    const problems: string[] = [];
    const local: string[] = [];
    let interactiveCharts = 0;
    await withBrowser(async (b) => {
      for (const f of files) {
        const html = await Deno.readTextFile(f);
        for (const r of externalReferences(html)) {
          if (r.kind === "network") problems.push(`${f}: ${r.where} ${r.url}`);
          else local.push(`${f}: ${r.where} ${r.url}`);
        }
        if (!/<meta charset="utf-8"/i.test(html)) problems.push(`${f}: no <meta charset="utf-8">`);
        const page = await b.newPage();
        await page.goto(`file://${f}`);
        const vis = await visibility(page);
        vis.svgs.forEach(([w, h], i) => {
          if (!(w! > 0 && h! > 0)) problems.push(`${f}: plot ${i + 1} is invisible (${w}×${h})`);
        });
        vis.imgs.forEach(([ok, w], i) => {
          if (!ok || !(w! > 0)) problems.push(`${f}: image ${i + 1} did not load`);
        });
        for (const u of networkRequests(page)) problems.push(`${f}: requested ${u}`);
        // interactive charts (e.g. the course's spiral and quadrant explorers) load and follow their sliders
        const widgets = await page.evaluate<number>(
          `document.querySelectorAll(".clusterlab-interactive").length`,
        );
        if (widgets > 0) {
          await page.waitFor(
            `[...document.querySelectorAll(".clusterlab-interactive")].every((w) => w.dataset.ready || w.dataset.error)`,
          ).catch(() => problems.push(`${f}: an interactive chart did not load`));
        }
        for (let w = 0; w < widgets; w++) {
          const st = await page.evaluate<{ error?: string; max: number; frame: string; svg: string }>(
            `(() => {
            const w = document.querySelectorAll(".clusterlab-interactive")[${w}];
            const i = w.querySelector("input.clw-slider");
            return { error: w.dataset.error, max: Number(i.max), frame: w.dataset.frame,
              svg: w.querySelector(".clw-frame").innerHTML };
          })()`,
          );
          if (st.error) problems.push(`${f}: interactive chart ${w + 1}: ${st.error}`);
          if (st.error || st.max === 0) continue;
          const pos = st.frame === "0" ? st.max : 0; // move the first slider to the other end
          const after = await moveWidgetSlider(page, w, 0, pos);
          if (after.frame === st.frame || after.svg === st.svg) {
            problems.push(`${f}: interactive chart ${w + 1}: the chart did not change when the slider moved`);
          }
          interactiveCharts++;
        }
        await page.send("Page.close").catch(() => {});
      }
    });
    if (local.length > 0) {
      console.warn(
        `${local.length} reference(s) to local files that exist only where the page was rendered:\n  ` +
          [...new Set(local.map((l) => l.replace(/^.*?: /, "")))].join("\n  "),
      );
    }
    console.log(`checked ${files.length} HTML file(s) under out/, ${interactiveCharts} interactive chart(s)`);
    assert.deepEqual(problems, []);
  },
});
