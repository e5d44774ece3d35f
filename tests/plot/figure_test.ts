import assert from "node:assert/strict";
import * as Plot from "@observablehq/plot";
import { Figure, plot } from "../../src/plot/figure.ts";

const data = [{ k: "北京", v: 3 }, { k: "Zhejiang", v: 5 }];
const make = () =>
  plot({
    marks: [Plot.barY(data, { x: "k", y: "v", title: (d: { v: number }) => `v = ${d.v}` })],
    description: "bars",
  });

Deno.test("plot() renders SVG with xmlns and a Jupyter bundle of HTML, PNG and text", () => {
  const fig = make();
  assert.ok(fig instanceof Figure);
  assert.match(fig.toSVG(), /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  const bundle = fig[Symbol.for("Jupyter.display") as keyof Figure] as unknown as () => Record<
    string,
    string
  >;
  const b = bundle.call(fig);
  assert.deepEqual(Object.keys(b).sort(), ["image/png", "text/html", "text/plain"]);
  assert.equal(b["text/plain"], "bars");
  assert.match(b["text/html"]!, /<title>v = 3<\/title>/);
  const png = Uint8Array.from(atob(b["image/png"]!), (c) => c.charCodeAt(0));
  assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47]); // "PNG"
});

Deno.test("the same figure twice gives the same bytes, ids included", () => {
  const clip = () => plot({ marks: [Plot.lineY([1, 3, 2], { clip: true })] });
  const a = clip().toHTML(), b = clip().toHTML();
  assert.match(a, /id="cl[0-9a-f]{8}-0"/);
  assert.equal(a, b);
  assert.deepEqual(clip().toPNG(), clip().toPNG());
});

Deno.test("PNG text is rendered: a font covering Chinese is installed", async () => {
  // Debian's fonts-noto-cjk; without it resvg silently drops all text.
  const stat = await Deno.stat("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc").catch(() => null);
  assert.ok(stat, "fonts-noto-cjk is missing: apt-get install fonts-noto-cjk");
  const withText = plot({
    marks: [Plot.text(["中文"], { frameAnchor: "middle", fontSize: 40 })],
    axis: null,
  });
  const without = plot({ marks: [Plot.text([""], { frameAnchor: "middle", fontSize: 40 })], axis: null });
  assert.notDeepEqual(withText.toPNG(), without.toPNG());
});

Deno.test("Figure.save() writes svg, png and html, and refuses other extensions", async () => {
  const dir = await Deno.makeTempDir();
  const fig = make();
  for (const ext of ["svg", "png", "html"]) {
    await fig.save(`${dir}/f.${ext}`);
    assert.ok((await Deno.stat(`${dir}/f.${ext}`)).size > 100);
  }
  await assert.rejects(() => fig.save(`${dir}/f.pdf`), /Cannot save a figure as ".pdf"/);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("plot(): the description is the text/plain alternative; the title is the default", () => {
  assert.equal(make().description, "bars");
  assert.equal(plot({ title: "T", marks: [] }).description, "T");
  assert.equal(plot({ marks: [] }).description, "ClusterLab figure");
  // description is ClusterLab's: Plot never sees it
  assert.doesNotMatch(plot({ marks: [], description: "bars" }).toHTML(), /bars/);
  assert.equal(new Figure(make().element, { description: "d" }).description, "d");
  assert.equal(new Figure(make().element).description, "ClusterLab figure");
});

Deno.test("plot(options, description) and new Figure(element, description): the 0.1 forms", () => {
  const marks = [Plot.barY(data, { x: "k", y: "v" })];
  const v01 = plot({ marks }, "bars"), today = plot({ marks, description: "bars" });
  assert.equal(v01.description, "bars");
  assert.equal(v01.toHTML(), today.toHTML());
  assert.equal(plot({ marks, title: "T" }, undefined).description, plot({ marks, title: "T" }).description);
  assert.throws(() => plot({ marks, description: "a" } as Plot.PlotOptions, "b"), /"description" given once/);
  const el = today.element;
  assert.equal(new Figure(el, "mine").description, new Figure(el, { description: "mine" }).description);
  assert.equal(new Figure(el, undefined).description, "ClusterLab figure");
});
