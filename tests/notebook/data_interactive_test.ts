import assert from "node:assert/strict";
import * as Plot from "@observablehq/plot";
import { dataInteractive } from "../../src/notebook/data_interactive.ts";
import { interactive } from "../../src/notebook/interactive.ts";
import { embeddedData } from "../../src/notebook/widget_html.ts";
import { plot } from "../../src/plot/figure.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

const bars = (a: number, b: string) =>
  plot({ marks: [Plot.barY([{ k: b, v: a }], { x: "k", y: "v" })], y: { domain: [0, 10] } });
const make = () =>
  interactive({
    sliders: { a: { label: { en: "Height", zh: "高度" }, values: [1, 2, 3], initial: 2 } },
    render: ({ a }) => bars(a, "x"),
  });

Deno.test("dataInteractive(): embeds the data, the renderer once, the static initial frame; validates", () => {
  const data = { any: [1, 0.1 + 0.2] };
  const w = dataInteractive({
    chart: "spiral",
    data,
    sliders: { a: { label: { en: "A", zh: "甲" }, values: [1, 2, 3], initial: 3 } },
    render: ({ a }) => bars(a, "k"),
  });
  assert.equal(w.mode, "data");
  assert.deepEqual(w.initialParams, { a: 3 });
  assert.deepEqual(embeddedData(w.toHTML()), data);
  assert.equal(embeddedData(make().toHTML()), undefined); // frames mode carries no data
  const html = w.toHTML();
  assert.equal(html.split("var CLR=").length, 2);
  assert.match(html, /data-frame="2" data-mode="data"/);
  assert.ok(html.includes(`<div class="clw-frame">${bars(3, "k").toHTML()}</div>`));
  assert.equal(w.frameHTML([0]), bars(1, "k").toHTML());
  assert.deepEqual(w.stats, {
    frames: 3,
    uniqueFrames: 1,
    rawBytes: JSON.stringify(data).length,
    payloadBytes: w.stats.payloadBytes,
    htmlBytes: new TextEncoder().encode(html).length,
  });
  assert.throws(
    () => dataInteractive({ chart: "pie" as never, data, sliders: {}, render: () => bars(1, "k") }),
    (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.deepEqual(e.issues.map((i) => i.column), ["sliders", "chart"]);
      return true;
    },
  );
});
