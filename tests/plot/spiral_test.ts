import assert from "node:assert/strict";
import { UndirectedGraph } from "graphology";
import { marchChart, networkSpiralChart, seciFlowsChart, spiralChart } from "../../src/plot/spiral.ts";
import { simulateSpiral } from "../../src/models/seci.ts";
import { agentNetworkFromGraph, simulateNetworkSpiral } from "../../src/models/network_spiral.ts";

Deno.test("spiral charts render SVG with bilingual labels, deterministically", () => {
  const r = simulateSpiral({ steps: 60, order: "public_hierarchy" });
  const en = spiralChart(r).toSVG();
  assert.ok(en.startsWith("<svg"));
  assert.ok(en.includes("Socialisation") && en.includes("Internalisation"));
  assert.equal(spiralChart(r).toSVG(), en);
  const zh = spiralChart(r, { lang: "zh" }).toHTML();
  assert.ok(zh.includes("社会化") && zh.includes("内在化"));
  // one dot per step plus the turn markers
  assert.ok((en.match(/<circle/g) ?? []).length >= 61);
  const flows = seciFlowsChart(r, { lang: "zh" }).toHTML();
  assert.ok(flows.includes("组合化") && flows.includes("个人"));
});

Deno.test("marchChart and networkSpiralChart render", () => {
  const m = marchChart([{ p1: 0.1, p2: 0.5, knowledge: 0.95 }, { p1: 0.9, p2: 0.5, knowledge: 0.74 }], {
    lang: "zh",
  });
  assert.ok(m.toHTML().includes("社会化速率"));
  const g = new UndirectedGraph();
  g.addNode("a", { type: "firm" });
  g.addNode("b", { type: "university" });
  g.addEdge("a", "b");
  const n = networkSpiralChart(
    simulateNetworkSpiral(agentNetworkFromGraph(g), { order: "private", steps: 20 }),
  );
  assert.ok(n.toSVG().includes("<path"));
});

Deno.test("spiralChart draws the spiral as polar arcs (≤ 5° per vertex) and labels turns", () => {
  const r = simulateSpiral({ steps: 80, order: "private_order" });
  const svg = spiralChart(r, { radius: "linear" }).toSVG();
  const phase = r.cycle.array("phase") as Float64Array;
  // the grey spiral path: at least one vertex per 5° of cumulative phase
  const paths = [...svg.matchAll(/<g[^>]*stroke="#bbb"[^>]*><path d="([^"]+)"/g)].map((m) => m[1]!);
  assert.equal(paths.length, 1);
  const vertices = paths[0]!.split(/[ML]/).filter((v) => v.trim() !== "").length;
  assert.ok(vertices >= phase.at(-1)! / (Math.PI / 36), `${vertices} vertices for phase ${phase.at(-1)}`);
  assert.ok(r.turns >= 1);
  for (let t = 1; t <= r.turns; t++) assert.ok(svg.includes(`>turn ${t}<`), `turn ${t} label`);
  const zh = spiralChart(r, { lang: "zh" }).toSVG();
  assert.ok(zh.includes(">第 1 圈<"));
});

Deno.test("networkSpiralChart labels every line at its end (readable without the HTML legend)", () => {
  const g = new UndirectedGraph();
  ["firm", "university", "firm", "university"].forEach((t, k) => g.addNode(`n${k}`, { type: t }));
  g.addEdge("n0", "n1");
  g.addEdge("n2", "n3");
  const r = simulateNetworkSpiral(agentNetworkFromGraph(g), { order: "private", steps: 20 });
  const svg = networkSpiralChart(r, { lang: "zh" }).toSVG();
  // firms are members (solid), universities are not (dashed, marked "no access")
  assert.ok(svg.includes(">企业<"), "firm label");
  assert.ok(svg.includes(">大学（无平台权限）<"), "university label");
  assert.ok(networkSpiralChart(r).toSVG().includes(">University (no access)<"), "English label");
});
