/**
 * Chart rendering: Observable Plot → SVG (linkedom) and the PNG fallback (resvg) of a chart like the
 * quickstart's (20 long English labels), and of the same chart with Chinese labels. The PNG is computed
 * every time a figure is displayed, so it decides how soon the first plot appears in a notebook.
 *
 *   deno bench -A bench/plot_bench.ts
 */
import * as Plot from "@observablehq/plot";
import { plot } from "../src/plot/figure.ts";

const en = Array.from({ length: 20 }, (_, i) => ({
  label: `Herefordshire, Worcestershire and Warwickshire ${i} · Manufacture of ceramic household articles`,
  lq: 20 - i,
}));
const zh = en.map((d, i) => ({ ...d, label: `浙江省杭州市余杭区${i} · 陶瓷家居用品制造业` }));
const chart = (data: { label: string; lq: number }[]) =>
  plot({
    width: 1000,
    marginLeft: 540,
    height: 520,
    x: { label: "Location quotient 区位商", grid: true },
    marks: [Plot.barX(data, { x: "lq", y: "label", title: "label" }), Plot.ruleX([1])],
  });
const figEn = chart(en), figZh = chart(zh);

Deno.bench({ name: "plot(): 20 bars to SVG", group: "plot", baseline: true }, () => {
  chart(en).toSVG();
});
Deno.bench({ name: "toPNG(): 20 long English labels", group: "plot", n: 10 }, () => {
  figEn.toPNG();
});
Deno.bench({ name: "toPNG(): 20 Chinese labels", group: "plot", n: 5 }, () => {
  figZh.toPNG();
});
