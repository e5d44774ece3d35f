import assert from "node:assert/strict";
import * as Plot from "@observablehq/plot";
import { interactive } from "../../src/notebook/interactive.ts";
import { InteractiveFigure } from "../../src/notebook/interactive_figure.ts";
import { plot } from "../../src/plot/figure.ts";

const bars = (a: number, b: string) =>
  plot({ marks: [Plot.barY([{ k: b, v: a }], { x: "k", y: "v" })], y: { domain: [0, 10] } });

const make = () =>
  interactive({
    title: { en: "Bars", zh: "柱状图" },
    sliders: {
      a: { label: { en: "Height", zh: "高度" }, values: [1, 2, 3], initial: 2 },
      b: { label: { en: "Name", zh: "名称" }, values: ["x", "y"] },
    },
    render: ({ a, b }) => bars(a, b),
  });

Deno.test("the MIME bundle has the interactive HTML, a PNG of the initial frame and plain text", () => {
  const w = make();
  const b = w[Symbol.for("Jupyter.display") as keyof InteractiveFigure] as unknown as () => Record<
    string,
    string
  >;
  const bundle = b.call(w);
  assert.deepEqual(Object.keys(bundle).sort(), ["image/png", "text/html", "text/plain"]);
  assert.equal(bundle["text/html"], w.toHTML());
  assert.equal(bundle["image/png"], btoa(String.fromCharCode(...bars(2, "x").toPNG())));
  assert.equal(bundle["text/plain"], "Bars (interactive: a, b; 6 frames)");
});

Deno.test("a page and files can be saved", async () => {
  const dir = await Deno.makeTempDir();
  const w = make();
  await w.save(`${dir}/w.html`);
  await w.save(`${dir}/w.png`);
  await w.save(`${dir}/w.svg`);
  const page = await Deno.readTextFile(`${dir}/w.html`);
  assert.match(page, /^<!doctype html><html><head><meta charset="utf-8"><title>Bars<\/title>/);
  assert.equal(page, w.toPage());
  assert.match(w.toPage({ title: "Other" }), /<title>Other<\/title>/);
  assert.ok(page.includes(w.toHTML()));
  assert.deepEqual([...await Deno.readFile(`${dir}/w.png`)], [...w.toPNG()]);
  assert.equal(await Deno.readTextFile(`${dir}/w.svg`), w.toSVG());
  await assert.rejects(() => w.save(`${dir}/w.pdf`), /Cannot save an interactive figure as ".pdf"/);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("toPage(title): the 0.1 form equals toPage({ title })", () => {
  const w = make();
  assert.equal(w.toPage("Other"), w.toPage({ title: "Other" }));
  assert.equal(w.toPage(undefined), w.toPage());
});
