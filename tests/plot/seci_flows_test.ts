import assert from "node:assert/strict";
import { seciFlowsChart } from "../../src/plot/seci_flows.ts";
import { simulateSpiral } from "../../src/models/seci.ts";
import { assertSnapshot } from "./snapshot.ts";

Deno.test("seciFlowsChart: one panel per level, conversions and levels in Chinese", () => {
  const r = simulateSpiral({ steps: 60, order: "public_hierarchy" });
  const flows = seciFlowsChart(r, { lang: "zh" });
  const html = flows.toHTML();
  assert.ok(html.includes("组合化") && html.includes("个人"));
  // one panel per level, one stacked area per conversion in each: 4 × 4 areas
  for (const level of ["个人", "团队", "组织", "组织间（集群）"]) {
    assert.ok(flows.toSVG().includes(`>${level}</text>`));
  }
  assert.equal(flows.toSVG().match(/<path d="[^"]*Z" fill=/g)?.length, 16);
  assert.ok(flows.toSVG().includes("每期流量"));
  assert.ok(seciFlowsChart(r, { share: true }).toSVG().includes("Share of knowledge created"));
});

Deno.test("seciFlowsChart: snapshots (flows; shares in Chinese)", async () => {
  const f = simulateSpiral({ steps: 30 });
  await assertSnapshot(import.meta.url, "seci-flows", seciFlowsChart(f).toSVG());
  await assertSnapshot(
    import.meta.url,
    "seci-flows-share-zh",
    seciFlowsChart(f, { share: true, lang: "zh" }).toSVG(),
  );
});
