import assert from "node:assert/strict";
import * as Plot from "@observablehq/plot";
import { Figure, FONT_FAMILY, plot, PNG_LATIN_FONTS, rasterSVG } from "../../src/plot/figure.ts";
import { tableBundle } from "../../src/plot/table.ts";
import * as aq from "arquero";

const data = [{ k: "北京", v: 3 }, { k: "Zhejiang", v: 5 }];
const make = () =>
  plot({ marks: [Plot.barY(data, { x: "k", y: "v", title: (d: { v: number }) => `v = ${d.v}` })] }, "bars");

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

Deno.test("tables display as HTML with a row limit", () => {
  const b = tableBundle(aq.table({ a: [1, 2, 3] }), 2);
  assert.match(b["text/html"]!, /2 of 3 rows/);
  assert.equal(b["text/plain"], "ColumnTable 3 rows × 1 columns: a");
});

Deno.test("PNG text: Latin-only labels are drawn with Liberation Sans first, Chinese and mixed ones in Noto Sans CJK", () => {
  const fig = plot({ marks: [Plot.text(["Employment → 2018", "区位商 LQ", "北京"], { x: [1, 2, 3] })] });
  const svg = rasterSVG(fig.toSVG());
  const family = (text: string) =>
    svg.match(new RegExp(`<text([^>]*)>(?:<tspan[^>]*>)?${text}`))?.[1]?.match(/font-family="([^"]+)"/)?.[1];
  assert.equal(family("Employment → 2018"), [...PNG_LATIN_FONTS, FONT_FAMILY].join(", "));
  assert.equal(family("区位商 LQ"), undefined); // inherits Noto Sans CJK SC from the root
  assert.equal(family("北京"), undefined);
  // the 11 tick labels "1.0" … "3.0" are Latin too: 12 texts in all
  assert.equal(svg.split(`font-family="${[...PNG_LATIN_FONTS, FONT_FAMILY].join(", ")}"`).length - 1, 12);
  // a chart that sets its own font is rasterised as it is
  const own = plot({ style: { fontFamily: "monospace" }, marks: [Plot.text(["abc"])] });
  assert.equal(rasterSVG(own.toSVG()), own.toSVG());
  const mark = plot({ marks: [Plot.text(["abc"], { fontFamily: "serif" })] });
  assert.equal(rasterSVG(mark.toSVG()), mark.toSVG());
});
