import assert from "node:assert/strict";
import { footerMarks, headerMarks, textWidth } from "../../src/plot/frame.ts";
import { plot } from "../../src/plot/figure.ts";

Deno.test("textWidth: Latin ≈ 0.56 em, CJK 1 em", () => {
  assert.ok(Math.abs(textWidth("abcd", 10) - 22.4) < 1e-12);
  assert.equal(textWidth("守门人", 10), 30);
});

Deno.test("footerMarks: legend rows wrap at the width; the source line comes last, below them", () => {
  const entries = Array.from({ length: 6 }, (_, i) => ({ label: `A long legend entry ${i}`, color: "#000" }));
  const narrow = footerMarks(entries, "Source", 400), wide = footerMarks(entries, "Source", 2000);
  assert.ok(narrow.height > wide.height, "more rows need more room");
  assert.equal(wide.marks.length, 2 * 6 + 1);
  const svg = plot({
    height: 200 + narrow.height,
    marginBottom: narrow.height,
    marks: [...headerMarks("T", "S"), ...narrow.marks],
  }).toSVG();
  for (const s of [">T<", ">S<", ">Source<", ">A long legend entry 5<"]) assert.ok(svg.includes(s), s);
});
