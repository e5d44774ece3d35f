import assert from "node:assert/strict";
import * as Plot from "@observablehq/plot";
import { plot } from "../../src/plot/figure.ts";
import { FONT_FAMILY, PNG_LATIN_FONTS, rasterSVG } from "../../src/plot/fonts.ts";

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
