/**
 * A server-side DOM for Observable Plot (linkedom), shared by every chart ClusterLab renders, created when
 * the first chart is rendered (importing ClusterLab does not load linkedom: see `deps/lazy.ts`).
 * @module
 */
import { linkedom } from "../deps/lazy.ts";

let doc: Document | undefined;

/**
 * The linkedom `document` Plot renders into (created on first call, then shared).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { chartDocument } from "clusterlab/advanced";
 * assert.equal(chartDocument(), chartDocument());
 * assert.equal(chartDocument().createElement("svg").tagName.toLowerCase(), "svg");
 * ```
 */
export function chartDocument(): Document {
  return doc ??= linkedom().parseHTML("<!doctype html><html><head></head><body></body></html>")
    .document as unknown as Document;
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** An SVG element of the chart document with `attrs` and, when given, `text` (internal: for hand-drawn marks). */
export function svgElement(tag: string, attrs: Record<string, string | number>, text?: string): Element {
  const el = chartDocument().createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}
