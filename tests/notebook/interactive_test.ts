import assert from "node:assert/strict";
import { inflateRawSync } from "node:zlib";
import * as Plot from "@observablehq/plot";
import { interactive } from "../../src/notebook/interactive.ts";
import { InteractiveFigure } from "../../src/notebook/interactive_figure.ts";
import { sliderRange } from "../../src/notebook/slider.ts";
import { plot } from "../../src/plot/figure.ts";
import { ValidationError } from "../../src/core/validation_error.ts";
import { assertSnapshot } from "../plot/snapshot.ts";

const bars = (a: number, b: string) =>
  plot({ marks: [Plot.barY([{ k: b, v: a }], { x: "k", y: "v" })], y: { domain: [0, 10] } });

const make = (compress = true) =>
  interactive({
    title: { en: "Bars", zh: "柱状图" },
    sliders: {
      a: { label: { en: "Height", zh: "高度" }, values: [1, 2, 3], initial: 2 },
      b: { label: { en: "Name", zh: "名称" }, values: ["x", "y"] },
    },
    render: ({ a, b }) => bars(a, b),
    compress,
  });

function payload(html: string): string[] {
  const meta = JSON.parse(
    html.match(/<script type="application\/json" class="clw-meta">(.*?)<\/script>/)![1]!,
  );
  const b64 = html.match(/<script type="application\/octet-stream" class="clw-data">(.*?)<\/script>/)![1]!;
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const json = meta.encoding === "deflate-raw"
    ? new TextDecoder().decode(inflateRawSync(bytes))
    : new TextDecoder()
      .decode(bytes);
  return JSON.parse(json);
}

Deno.test("interactive() renders one frame per grid point, last slider fastest", () => {
  const w = make();
  assert.ok(w instanceof InteractiveFigure);
  assert.equal(w.stats.frames, 6);
  assert.equal(w.stats.uniqueFrames, 6);
  assert.deepEqual(w.names, ["a", "b"]);
  assert.deepEqual(w.initialParams, { a: 2, b: "x" });
  assert.equal(w.frameHTML([2, 1]), bars(3, "y").toHTML());
  assert.equal(w.frameHTML([0, 0]), bars(1, "x").toHTML());
  assert.throws(
    () => w.frameHTML([3, 0]),
    /column "positions.a": expected an integer position 0..2, received 3/,
  );
  assert.throws(
    () => w.frameHTML([0]),
    /column "positions": expected 2 slider positions \(a, b\), received \[0\]/,
  );
  assert.throws(() => w.frameHTML([0, 0.5]), ValidationError);
  const html = w.toHTML();
  // initial frame inline, index 1·2 + 0 = 2; the slider starts at position 1
  assert.match(html, /data-frame="2"/);
  assert.ok(html.includes(`<div class="clw-frame">${bars(2, "x").toHTML()}</div>`));
  assert.match(html, /<input class="clw-slider" type="range" name="a" min="0" max="2" step="1" value="1"/);
  // the embedded frames decode to the rendered figures, in grid order
  const frames = payload(html);
  const meta = JSON.parse(html.match(/class="clw-meta">(.*?)<\/script>/)![1]!);
  assert.deepEqual(meta.dims, [3, 2]);
  assert.deepEqual(meta.labels, [["1", "2", "3"], ["x", "y"]]);
  assert.equal(frames[meta.map[5]], bars(3, "y").toHTML());
  assert.equal(frames[meta.map[3]], bars(2, "y").toHTML());
});

Deno.test("compressed and plain payloads hold the same frames; compression shrinks it", () => {
  const c = make(true), p = make(false);
  assert.deepEqual(payload(c.toHTML()), payload(p.toHTML()));
  assert.ok(
    c.stats.payloadBytes < p.stats.payloadBytes / 2,
    `${c.stats.payloadBytes} vs ${p.stats.payloadBytes}`,
  );
  assert.equal(c.stats.htmlBytes, new TextEncoder().encode(c.toHTML()).length);
});

Deno.test("identical frames are stored once", () => {
  const w = interactive({
    sliders: { s: { label: { en: "S", zh: "S" }, values: [1, 2, 3, 4] } },
    render: ({ s }) => bars(s > 2 ? 5 : 1, "k"),
  });
  assert.equal(w.stats.frames, 4);
  assert.equal(w.stats.uniqueFrames, 2);
  assert.equal(w.frameHTML([0]), w.frameHTML([1]));
  assert.notEqual(w.frameHTML([1]), w.frameHTML([2]));
});

Deno.test("the same options give the same bytes (deterministic ids and payload)", () => {
  assert.equal(make().toHTML(), make().toHTML());
  assert.match(make().toHTML(), /^<div class="clusterlab-interactive" id="clw[0-9a-f]{8}"/);
});

Deno.test("labels are bilingual and escaped; the HTML references no external resource", () => {
  const zh = interactive({
    title: { en: "<b>T</b>", zh: "标题" },
    lang: "zh",
    sliders: {
      a: { label: { en: "A", zh: "公共权力<份额>" }, values: [0.1, 0.2], format: (v) => `${v * 100}%` },
    },
    render: ({ a }) => bars(a, "k"),
  });
  const html = zh.toHTML();
  assert.ok(html.includes("公共权力&lt;份额&gt;"));
  assert.ok(html.includes(">标题<"));
  assert.ok(html.includes("播放"));
  assert.ok(html.includes("交互图表"));
  assert.ok(!html.includes("<b>T</b>"));
  assert.ok(html.includes(">10%</output>"));
  const en = interactive({
    title: { en: "<b>T</b>", zh: "标题" },
    sliders: { a: { label: { en: "A", zh: "公共权力<份额>" }, values: [0.1, 0.2] } },
    render: ({ a }) => bars(a, "k"),
  }).toHTML();
  assert.ok(en.includes("&lt;b&gt;T&lt;/b&gt;") && en.includes("Play") && !en.includes("播放"));
  // only the SVG namespace URIs mention http, no src/href attributes at all
  const urls = [...html.matchAll(/https?:\/\/[^"'\s)]+/g)].map((m) => m[0]);
  assert.deepEqual([...new Set(urls)].sort(), ["http://www.w3.org/1999/xlink", "http://www.w3.org/2000/svg"]);
  assert.doesNotMatch(html, /\s(src|href)=/);
});

Deno.test("bad sliders are reported with a ValidationError naming the parameter", () => {
  const render = () => bars(1, "k");
  const err = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      assert.ok(e instanceof ValidationError, String(e));
      return e;
    }
    assert.fail("no error thrown");
  };
  let e = err(() => interactive({ sliders: {}, render }));
  assert.deepEqual(e.issues.map((i) => i.column), ["sliders"]);
  e = err(() =>
    interactive({
      sliders: {
        a: { label: { en: "A", zh: "甲" }, values: [1, NaN, 1] },
        b: { label: { en: "B" } as never, values: ["x"], initial: "z" },
      },
      render,
    })
  );
  assert.deepEqual(
    e.issues.map((i) => [i.row, i.column, i.received]),
    [
      [2, "sliders.a.values", "NaN"],
      [3, "sliders.a.values", "1"],
      [undefined, "sliders.b.label", '{"en":"B"}'],
      [undefined, "sliders.b.initial", '"z"'],
    ],
  );
  e = err(() =>
    interactive({
      sliders: { a: { label: { en: "A", zh: "甲" }, values: sliderRange(0, 30, 1) } },
      render,
      maxFrames: 30,
    })
  );
  assert.equal(e.issues[0]!.received, "31");
  e = err(() =>
    interactive({
      sliders: { a: { label: { en: "A", zh: "甲" }, values: [1] } },
      render,
      lang: "fr" as never,
    })
  );
  assert.equal(e.issues[0]!.column, "lang");
  assert.throws(
    () =>
      interactive({
        sliders: { a: { label: { en: "A", zh: "甲" }, values: [1, 2] } },
        render: ({ a }) => {
          if (a === 2) throw new Error("boom");
          return bars(a, "k");
        },
      }),
    /rendering the frame \{"a":2\} failed: Error: boom/,
  );
});

Deno.test("interactive(): snapshot of the static fallback (the initial frame)", async () => {
  await assertSnapshot(import.meta.url, "interactive-static", make().initial.toSVG());
});
