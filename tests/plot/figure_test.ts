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

const framed = () =>
  plot({
    title: "Knowledge stock",
    subtitle: "Provinces 省份",
    caption: "Source: CSY",
    color: { legend: true },
    marks: [Plot.dot([{ a: 1, b: 2, c: "north" }, { a: 2, b: 3, c: "浙江" }], { x: "a", y: "b", fill: "c" })],
  });

/** The width and height of a PNG from its IHDR chunk. */
const pngSize = (png: Uint8Array) => {
  const v = new DataView(png.buffer, png.byteOffset);
  return { width: v.getUint32(16), height: v.getUint32(20) };
};

Deno.test("toSVG({ standalone }): title, subtitle, legend and caption (HTML in the page) are drawn in the SVG", () => {
  const fig = framed();
  const plain = fig.toSVG(), whole = fig.toSVG({ standalone: true });
  for (const text of ["Knowledge stock", "Provinces 省份", "Source: CSY", ">north<", ">浙江<"]) {
    assert.ok(!plain.includes(text), `the plot's own SVG has no ${text}`);
    assert.ok(whole.includes(text), `the standalone SVG has ${text}`);
  }
  assert.match(whole, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.equal(whole.match(/<circle/g)?.length, 2, "the plot is inside");
  // taller than the plot by the header, the legend row and the caption
  const h = (s: string) => Number(/^<svg[^>]*\sheight="([0-9.]+)"/.exec(s)![1]);
  assert.ok(h(whole) > h(plain) + 60, `${h(whole)} vs ${h(plain)}`);
  // a bare <svg> figure is returned unchanged
  assert.equal(make().toSVG({ standalone: true }), make().toSVG());
});

Deno.test("toPNG() rasterises the whole figure: the header and legend make it taller than the plot", () => {
  const fig = framed();
  const { width, height } = pngSize(fig.toPNG({ scale: 1 }));
  assert.equal(width, 640);
  assert.ok(height > 400 + 60, `height ${height}`);
  // the same plot without title, legend and caption is 400 px high
  const bare = plot({ marks: [Plot.dot([{ a: 1, b: 2 }], { x: "a", y: "b" })] });
  assert.deepEqual(pngSize(bare.toPNG({ scale: 1 })), { width: 640, height: 400 });
});

Deno.test("save(path, { width, scale }): the chosen size, the drawing scaled with it", async () => {
  const dir = await Deno.makeTempDir();
  const fig = framed();
  const full = pngSize(fig.toPNG({ scale: 1 }));
  await fig.save(`${dir}/f.png`, { width: 320, scale: 3 });
  const png = pngSize(await Deno.readFile(`${dir}/f.png`));
  assert.equal(png.width, 960);
  assert.ok(Math.abs(png.height - (full.height * 960) / 640) <= 2, `${png.height}`);
  await fig.save(`${dir}/f.svg`, { width: 320 });
  const svg = await Deno.readTextFile(`${dir}/f.svg`);
  assert.match(svg, /^<svg width="320" height="[0-9.]+"[^>]*viewBox="0 0 640 /);
  assert.ok(svg.includes("Knowledge stock") && svg.includes("Source: CSY"));
  await assert.rejects(() => fig.save(`${dir}/g.png`, { scale: 0 }), /scale/);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("plot({ source }): a source line under the chart, after the caption, in the HTML and the standalone SVG", () => {
  const marks = [Plot.dot([[1, 2]])];
  const fig = plot({ marks, source: "Source: CSY 2023" });
  assert.match(fig.toHTML(), /<figcaption>Source: CSY 2023<\/figcaption>/);
  assert.match(fig.toSVG({ standalone: true }), />Source: CSY 2023</);
  assert.match(
    plot({ marks, caption: "Note", source: "Source: X" }).toHTML(),
    /<figcaption>Note · Source: X</,
  );
  assert.doesNotMatch(plot({ marks }).toHTML(), /figcaption/);
});
