import assert from "node:assert/strict";
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { runWidget, widgetRoot } from "../../../src/notebook/client/widget.ts";
import { interactive } from "../../../src/notebook/interactive.ts";
import { quadrantExplorer } from "../../../src/notebook/quadrant_explorer.ts";
import type { InteractiveFigure } from "../../../src/notebook/interactive_figure.ts";
import { clientRenderModule } from "../../../src/notebook/client_render.ts";
import { embeddedData } from "../../../src/notebook/widget_html.ts";

// deno-lint-ignore no-explicit-any
const CLR: any = (await import("data:text/javascript," + encodeURIComponent(clientRenderModule()))).default;

/** Markup as linkedom writes it back (void elements as "<line … />"), for comparing. */
const norm = (html: string) => html.replace(/ \/>/g, "/>");

/** The widget's HTML in a server-side DOM, brought to life by runWidget as the page's script would. */
async function live(w: InteractiveFigure, renderers?: typeof CLR) {
  const { document } = parseHTML(`<!doctype html><html><body>${w.toHTML()}</body></html>`);
  const root = document.querySelector(".clusterlab-interactive") as unknown as HTMLElement;
  runWidget(root, renderers);
  for (let i = 0; i < 100 && !root.getAttribute("data-ready") && !root.getAttribute("data-error"); i++) {
    await new Promise((r) => setTimeout(r, 5));
  }
  const move = (k: number, pos: number) => {
    const input = root.querySelectorAll("input.clw-slider")[k] as HTMLInputElement;
    input.value = String(pos);
    input.dispatchEvent(new (document.defaultView as unknown as typeof globalThis).Event("input"));
  };
  const frame = () => norm(root.querySelector(".clw-frame")!.innerHTML);
  return { document, root, move, frame };
}

const bars = interactive({
  sliders: {
    a: { label: { en: "Height", zh: "高度" }, values: [1, 2, 3], initial: 2 },
    b: { label: { en: "Name", zh: "名称" }, values: ["x", "y"] },
  },
  render: ({ a, b }) => ({
    marks: [Plot.barY([{ k: b, v: a }], { x: "k", y: "v" })],
    y: { domain: [0, 10] },
  }),
});

Deno.test("runWidget(), frames mode: the sliders appear, and moving one swaps the frame", async () => {
  const { root, move, frame } = await live(bars);
  assert.equal(root.getAttribute("data-error"), null);
  assert.equal(root.getAttribute("data-ready"), "1");
  assert.equal((root.querySelector(".clw-controls") as HTMLElement).hidden, false);
  assert.equal((root.querySelector(".clw-note") as HTMLElement).hidden, true);
  assert.equal(root.getAttribute("data-frame"), "2"); // position 1 × 2 + 0
  move(0, 2);
  move(1, 1);
  assert.equal(root.getAttribute("data-frame"), "5");
  assert.equal(frame(), norm(bars.frameHTML([2, 1])));
  assert.equal(root.querySelectorAll("output.clw-value")[0]!.textContent, "3");
});

Deno.test("runWidget(), data mode: each slider position is drawn by the renderer from the data", async () => {
  const rows = [
    { entity: "a", year: 2020, K: 0.8, A: 0.2 },
    { entity: "b", year: 2020, K: 0.3, A: 0.6 },
    { entity: "a", year: 2021, K: 0.9, A: 0.4 },
    { entity: "b", year: 2021, K: 0.4, A: 0.7 },
  ];
  const w = quadrantExplorer(rows, { thresholds: [0.4, 0.5] });
  const { root, move, frame } = await live(w, CLR);
  assert.equal(root.getAttribute("data-ready"), "1");
  // drawn at once from the data (not the kernel's static frame any more)
  assert.match(frame(), /^<svg[^>]*class="clr-chart"/);
  move(0, 0);
  move(1, 0);
  assert.equal(root.getAttribute("data-frame"), "0");
  const data = embeddedData(w.toHTML());
  assert.equal(frame(), norm(CLR.quadrant(data, [0, 0])));
  assert.ok(frame().includes("knowledge-rich, fragmented (1)")); // a (0.8, 0.2) in 2020 at 0.4
  move(0, 1);
  assert.equal(frame(), norm(CLR.quadrant(data, [1, 0])));
  assert.notEqual(frame(), norm(CLR.quadrant(data, [0, 0])));
});

Deno.test("widgetRoot(): the script's parent widget, else the element with the widget's id", () => {
  const { document } = parseHTML(
    `<!doctype html><html><body><div class="clusterlab-interactive" id="w1"><script id="s"></script></div>` +
      `<p><script id="t"></script></p></body></html>`,
  );
  const g = globalThis as { document?: unknown };
  const saved = g.document;
  g.document = document;
  try {
    assert.equal(widgetRoot(document.getElementById("s") as unknown as Element, "w1")?.id, "w1");
    assert.equal(widgetRoot(document.getElementById("t") as unknown as Element, "w1")?.id, "w1");
    assert.equal(widgetRoot(null, "w1")?.id, "w1");
  } finally {
    g.document = saved;
  }
});

Deno.test("runWidget(): Play steps the first slider every 700 ms; a second click stops it", async () => {
  const w = interactive({
    sliders: { a: { label: { en: "A", zh: "甲" }, values: [1, 2, 3] } },
    render: ({ a }) => ({ marks: [Plot.barY([a])], y: { domain: [0, 3] } }),
  });
  const { document, root } = await live(w);
  const play = root.querySelector("button.clw-play")!;
  const click = () =>
    play.dispatchEvent(new (document.defaultView as unknown as typeof globalThis).Event("click"));
  click();
  await new Promise((r) => setTimeout(r, 760));
  assert.equal(root.getAttribute("data-frame"), "1");
  click();
  await new Promise((r) => setTimeout(r, 760));
  assert.equal(root.getAttribute("data-frame"), "1");
});
