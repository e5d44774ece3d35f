/**
 * The programs interactive widgets run in the browser, assembled from ordinary TypeScript modules that lint,
 * type check and the unit tests see (`src/notebook/client/`): each function's source is copied into the
 * page with `Function.prototype.toString` (the JavaScript Deno compiled it to), so the page runs exactly
 * the code the tests call. No library, no network, no `eval`/`Function` in the page.
 *
 * - {@link CLIENT_RENDER_JS}, the renderer of data-mode widgets ({@link dataInteractive}): defines one value,
 *   `CLR`, with the SVG primitives of `client/svg.ts` (`lin`, `ticks`, `axisX`, `axisY`, `path`, `circle`,
 *   `text`, `rule`, `svg`), `CLR.spiral(data, pos, k)` (`client/spiral.ts`: the knowledge spiral of grid
 *   point `k`) and `CLR.quadrant(data, pos)` (`client/quadrant.ts`: the governance quadrant at year
 *   position `pos[0]` and threshold position `pos[1]`, the quadrants recomputed with `CLR.quadrantOf` from
 *   the rule carried in the data). Inlined once per data-mode output.
 * - {@link widgetScript}, the script of every widget (`client/widget.ts`): finds its root, decodes the
 *   payload and redraws on each slider change.
 * @module
 */
import {
  attrs,
  axisX,
  axisY,
  circle,
  esc,
  lin,
  path,
  px,
  rule,
  svg,
  text,
  ticks,
  tip,
} from "./client/svg.ts";
import { drawSpiral, spiralRadius } from "./client/spiral.ts";
import { drawQuadrant, quadrantOf } from "./client/quadrant.ts";
import { runWidget, widgetRoot } from "./client/widget.ts";

/** The chart kinds {@link CLIENT_RENDER_JS} draws. */
export type ClientChart = "spiral" | "quadrant";

/**
 * The source of a function declaration, as the page gets it. Only function declarations (named, not arrow
 * functions or methods) are copied, so the source can stand alone inside the program.
 */
function source(f: (...args: never[]) => unknown): string {
  const code = f.toString();
  if (!code.startsWith(`function ${f.name}(`)) {
    throw new Error(`client code must be function declarations: ${f.name} compiles to ${code.slice(0, 40)}…`);
  }
  return code;
}

const PRIMITIVES = [lin, px, esc, attrs, tip, rule, path, circle, text, ticks, axisX, axisY, svg];
const CHARTS = [spiralRadius, drawSpiral, quadrantOf, drawQuadrant];

/** The renderer program (JavaScript as Deno compiles the modules). Defines `var CLR = {...}`. */
export const CLIENT_RENDER_JS: string = `var CLR=(function(){
"use strict";
${[...PRIMITIVES, ...CHARTS].map(source).join("\n")}
return {lin:lin,ticks:ticks,axisX:axisX,axisY:axisY,path:path,circle:circle,text:text,rule:rule,svg:svg,
spiral:drawSpiral,quadrant:drawQuadrant,quadrantOf:quadrantOf,spiralRadius:spiralRadius};
})();`;

/**
 * The renderer as an ES module source (`export default CLR`), for running the browser code outside a
 * browser, e.g. `await import("data:text/javascript," + encodeURIComponent(clientRenderModule()))`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { clientRenderModule } from "clusterlab/advanced";
 * const url = "data:text/javascript," + encodeURIComponent(clientRenderModule());
 * const CLR = (await import(url)).default;
 * assert.deepEqual(CLR.ticks(0, 1, 5).map((t: { s: string }) => t.s), ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]);
 * assert.equal(CLR.quadrantOf(0.5, 0.2, 0.5, { high: ">=" }), "HL");
 * ```
 */
export function clientRenderModule(): string {
  return `${CLIENT_RENDER_JS}\nexport default CLR;\n`;
}

/** Options of {@link widgetScript}. */
export interface WidgetScriptOptions {
  /** Inline the data-mode renderer {@link CLIENT_RENDER_JS} (default false: a frames-mode widget). */
  readonly renderer?: boolean;
}

/**
 * The inline script of the widget with element id `id`: the renderer (data mode), then `widgetRoot` and
 * `runWidget` of `client/widget.ts`, called at once, all inside one function scope (no globals).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { widgetScript } from "clusterlab/advanced";
 * const js = widgetScript("clw1234abcd", { renderer: true });
 * assert.ok(js.includes("var CLR=") && js.includes('runWidget(widgetRoot(document.currentScript, "clw1234abcd"), CLR);'));
 * assert.ok(!widgetScript("clw1234abcd").includes("var CLR="));
 * ```
 */
export function widgetScript(id: string, options: WidgetScriptOptions = {}): string {
  const renderer = options.renderer ?? false;
  return `(function(){\n${renderer ? `${CLIENT_RENDER_JS}\n` : ""}${source(widgetRoot)}\n${
    source(runWidget)
  }\n` +
    `runWidget(widgetRoot(document.currentScript, ${JSON.stringify(id)}), ${
      renderer ? "CLR" : "undefined"
    });\n})();`;
}
