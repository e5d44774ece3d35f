import assert from "node:assert/strict";
import { networkSpiralChart } from "../../src/plot/network_spiral.ts";
import { NETWORK_STATISTIC_PANELS } from "../../src/plot/network_statistics.ts";
import { simulateNetworkSpiral } from "../../src/models/network_spiral.ts";
import { ValidationError } from "../../src/core/validation_error.ts";
import { snapshotNetwork } from "../fixtures/reference/network/dynamics_snapshots.ts";
import { assertSnapshot } from "./snapshot.ts";

const net = snapshotNetwork();
const fixed = simulateNetworkSpiral(net, { steps: 40, seed: 1 });
const complementary = simulateNetworkSpiral(net, { steps: 40, seed: 1, dynamics: { formation: 0.3 } });
const similar = simulateNetworkSpiral(net, {
  steps: 40,
  seed: 1,
  dynamics: { rule: "similarity", formation: 0.1, decay: 0 },
});

Deno.test("networkSpiralChart, network view: six panels, a line per run and panel, legend and source in the SVG", () => {
  const svg = networkSpiralChart(complementary, {
    view: "network",
    compare: [similar, fixed],
    source: "Toy data",
  }).toSVG();
  for (const p of NETWORK_STATISTIC_PANELS) assert.ok(svg.includes(`>${p.label.en}<`), p.label.en);
  assert.equal(svg.match(/<svg /g)?.length, 1 + NETWORK_STATISTIC_PANELS.length, "one nested plot per panel");
  // 3 runs × 6 panels, each a path with the line's stroke: the fixed network grey and dashed
  assert.equal(svg.match(/stroke="#4e79a7"/g)?.length, 6 + 1, "complementarity: 6 lines and its legend");
  assert.equal(svg.match(/stroke="#e15759"/g)?.length, 6 + 1, "similarity");
  assert.equal(svg.match(/stroke="#8c8c8c"/g)?.length, 6 + 1, "fixed");
  assert.ok(svg.includes(">ties formed by complementarity<") && svg.includes(">fixed network<"));
  assert.ok(svg.includes(">ties formed by similarity, no decay<"), "a run without decay says so");
  assert.ok(svg.includes("Toy data · Model: agent-based SECI on a network with tie dynamics (ClusterLab)"));
  assert.ok(
    svg.includes(">80 organisations · 3 runs of simulateNetworkSpiral, each panel on its own scale<"),
  );
});

Deno.test("networkSpiralChart, network view: Chinese labels, own legend texts, and bad input named", () => {
  const zh = networkSpiralChart(complementary, { view: "network", compare: fixed, lang: "zh" });
  const svg = zh.toSVG();
  assert.ok(
    svg.includes(">度的基尼系数<") && svg.includes(">按知识互补性形成关系<") && svg.includes(">期数<"),
  );
  const own = networkSpiralChart(complementary, {
    view: "network",
    compare: fixed,
    labels: ["moving", "still"],
  });
  assert.ok(own.toSVG().includes(">moving<") && own.toSVG().includes(">still<"));
  assert.ok(own.toPNG().length > 1000, "the PNG renders the nested panels");
  assert.throws(
    () => networkSpiralChart(complementary, { view: "network", labels: ["a", "b"] }),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "labels",
  );
  assert.throws(
    () => networkSpiralChart(complementary, { view: "network", compare: [{} as never] }),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "compare[0]",
  );
  assert.throws(
    () => networkSpiralChart(complementary, { view: "graph" as never }),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "view",
  );
});

Deno.test("networkSpiralChart, network view: snapshot", async () => {
  await assertSnapshot(
    import.meta.url,
    "network-statistics",
    networkSpiralChart(complementary, { view: "network", compare: fixed }).toSVG(),
  );
});
