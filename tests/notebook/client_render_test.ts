import assert from "node:assert/strict";
import { CLIENT_RENDER_JS, clientRenderModule, widgetScript } from "../../src/notebook/client_render.ts";
import { drawSpiral } from "../../src/notebook/client/spiral.ts";
import { drawQuadrant } from "../../src/notebook/client/quadrant.ts";
import { runWidget, widgetRoot } from "../../src/notebook/client/widget.ts";
import { spiralExplorer } from "../../src/notebook/spiral_explorer.ts";
import { quadrantExplorer } from "../../src/notebook/quadrant_explorer.ts";
import { embeddedData } from "../../src/notebook/widget_html.ts";
import type { QuadrantExplorerData } from "../../src/notebook/client/quadrant.ts";
import type { SpiralExplorerData } from "../../src/notebook/client/spiral.ts";

// deno-lint-ignore no-explicit-any
const CLR: any = (await import("data:text/javascript," + encodeURIComponent(clientRenderModule()))).default;

Deno.test("the embedded renderer is the modules' code: the same drawing at every slider position", () => {
  const spiral = spiralExplorer({ publicShares: [0, 0.5, 1], rates: [0.04, 0.12], model: { steps: 30 } });
  const sd = embeddedData(spiral.toHTML()) as SpiralExplorerData;
  for (let k = 0; k < sd.runs.length; k++) assert.equal(CLR.spiral(sd, [], k), drawSpiral(sd, [], k));
  const rows = [
    { entity: "a", year: 2020, K: 0.8, A: 0.2 },
    { entity: "b", year: 2020, K: 0.5, A: 0.5 },
    { entity: "a", year: 2021, K: 0.4, A: 0.9 },
  ];
  const qd = embeddedData(
    quadrantExplorer(rows, { thresholds: [0.4, 0.5, 0.6], highlight: ["a"] }).toHTML(),
  ) as QuadrantExplorerData;
  for (let y = 0; y < 2; y++) {
    for (let t = 0; t < 3; t++) assert.equal(CLR.quadrant(qd, [y, t]), drawQuadrant(qd, [y, t]));
  }
});

Deno.test("the renderer program: strict, one value CLR, the source of each function as Deno compiled it", () => {
  assert.match(CLIENT_RENDER_JS, /^var CLR=\(function\(\)\{\n"use strict";\n/);
  assert.ok(CLIENT_RENDER_JS.includes(drawSpiral.toString()));
  assert.ok(CLIENT_RENDER_JS.includes(drawQuadrant.toString()));
  assert.deepEqual(Object.keys(CLR).sort(), [
    "axisX",
    "axisY",
    "circle",
    "lin",
    "path",
    "quadrant",
    "quadrantOf",
    "rule",
    "spiral",
    "spiralRadius",
    "svg",
    "text",
    "ticks",
  ]);
  // no eval, no Function constructor, no network in the page's code
  assert.doesNotMatch(CLIENT_RENDER_JS, /\beval\(|new Function|fetch\(|XMLHttpRequest|import\(/);
});

Deno.test("widgetScript(): the widget's code inside one function scope, bound to its id", async () => {
  const js = widgetScript("clw0123abcd", { renderer: true });
  assert.ok(js.startsWith("(function(){\n" + CLIENT_RENDER_JS));
  assert.ok(js.includes(widgetRoot.toString()) && js.includes(runWidget.toString()));
  assert.ok(js.endsWith('runWidget(widgetRoot(document.currentScript, "clw0123abcd"), CLR);\n})();'));
  const frames = widgetScript("clw0123abcd");
  assert.ok(!frames.includes("var CLR") && frames.endsWith("undefined);\n})();"));
  assert.doesNotMatch(js, /\beval\(|new Function|fetch\(|XMLHttpRequest/);
  // both parse as scripts (wrapped in a function so that nothing runs)
  for (const code of [js, frames]) {
    await import("data:text/javascript," + encodeURIComponent(`export default function () {\n${code}\n}`));
  }
});
