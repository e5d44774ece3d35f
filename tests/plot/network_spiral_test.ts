import assert from "node:assert/strict";
import { UndirectedGraph } from "graphology";
import { networkSpiralChart } from "../../src/plot/network_spiral.ts";
import { agentNetworkFromGraph, simulateNetworkSpiral } from "../../src/models/network_spiral.ts";
import { assertSnapshot } from "./snapshot.ts";

function run() {
  const g = new UndirectedGraph();
  ["firm", "university", "firm", "university"].forEach((t, k) => g.addNode(`n${k}`, { type: t }));
  g.addEdge("n0", "n1");
  g.addEdge("n2", "n3");
  return simulateNetworkSpiral(agentNetworkFromGraph(g), { order: "private", steps: 20 });
}

Deno.test("networkSpiralChart labels every line at its end (readable without the HTML legend)", () => {
  const r = run();
  const svg = networkSpiralChart(r, { lang: "zh" }).toSVG();
  assert.ok(svg.includes("<path"));
  // firms are members (solid), universities are not (dashed, marked "no access")
  assert.ok(svg.includes(">企业<"), "firm label");
  assert.ok(svg.includes(">大学（无平台权限）<"), "university label");
  assert.ok(networkSpiralChart(r).toSVG().includes(">University (no access)<"), "English label");
});

Deno.test("networkSpiralChart: title, subtitle (which run) and source line are in the SVG, so in the PNG", () => {
  const svg = networkSpiralChart(run(), { source: "Toy data" }).toSVG();
  assert.ok(svg.includes(">Mean tacit knowledge by organisation type (solid: platform access)<"));
  assert.ok(svg.includes(">4 organisations · private platform · fixed network<"));
  assert.ok(svg.includes(">Toy data · Model: agent-based SECI on a collaboration network (ClusterLab)<"));
  const g = new UndirectedGraph();
  ["firm", "university"].forEach((t, k) => g.addNode(`n${k}`, { type: t }));
  const moving = simulateNetworkSpiral(agentNetworkFromGraph(g), {
    order: "public",
    steps: 5,
    dynamics: { rule: "similarity", decay: 0 },
  });
  assert.ok(
    networkSpiralChart(moving, { lang: "zh" }).toSVG().includes(
      ">2 个组织 · 公共平台 · 按知识相似性形成关系，不衰减<",
    ),
  );
});

Deno.test("networkSpiralChart: snapshot", async () => {
  await assertSnapshot(import.meta.url, "network-spiral", networkSpiralChart(run()).toSVG());
});
