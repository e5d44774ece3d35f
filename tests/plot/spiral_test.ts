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
