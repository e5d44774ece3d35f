import assert from "node:assert/strict";
import { embeddedData, packWidget, widgetHTML } from "../../src/notebook/widget_html.ts";

const entries = [["a", { label: { en: "A <1>", zh: "甲" }, values: [1, 2] }]] as [
  string,
  { label: { en: string; zh: string }; values: number[] },
][];

function page(compress: boolean, chart?: string) {
  const data = { x: [0.1 + 0.2, 1e-300], s: "</script>" };
  const meta = { dims: [2], labels: [["1", "2"]], chart, encoding: compress ? "deflate-raw" : "json" };
  const { payload, id } = packWidget(JSON.stringify(data), compress, meta, undefined, "en");
  const html = widgetHTML({
    id,
    entries,
    labels: [["1", "2"]],
    initialPos: [1],
    initialIndex: 1,
    lang: "en",
    frame: "<svg></svg>",
    meta,
    payload,
    mode: chart ? "data" : "frames",
  });
  return { data, html, id };
}

Deno.test("widgetHTML() + packWidget(): the payload decodes to the data at full precision, both encodings", () => {
  for (const compress of [true, false]) {
    const { data, html, id } = page(compress, "spiral");
    assert.deepEqual(embeddedData(html), data);
    assert.match(id, /^clw[0-9a-f]{8}$/);
    assert.ok(
      html.startsWith(`<div class="clusterlab-interactive" id="${id}" data-frame="1" data-mode="data"`),
    );
  }
  assert.equal(embeddedData(page(true).html), undefined); // frames mode carries frames, not data
});

Deno.test("widgetHTML(): escaped labels, sliders hidden until the script runs, the static frame inline", () => {
  const { html } = page(true);
  assert.ok(html.includes("<span>A &lt;1&gt;</span>"));
  assert.ok(html.includes('<div class="clw-controls" hidden'));
  assert.ok(html.includes('<div class="clw-frame"><svg></svg></div>'));
  assert.ok(html.includes('value="1"'));
  assert.equal(page(true).html, page(true).html); // deterministic
});
