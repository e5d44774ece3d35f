import assert from "node:assert/strict";
import { policyTradeoffChart } from "../../src/plot/policy_tradeoff.ts";
import { policyScenario } from "../../src/models/policy.ts";
import { ValidationError } from "../../src/core/validation_error.ts";
import { assertSnapshot } from "./snapshot.ts";

/** Number of `<tag` elements inside the mark group `<g … aria-label="mark">`. */
const inMark = (svg: string, mark: string, tag: string) => {
  const g = svg.match(new RegExp(`<g[^>]*aria-label="${mark}"[^>]*>([\\s\\S]*?)</g>`));
  return g ? (g[1]!.match(new RegExp(`<${tag}\\b`, "g")) ?? []).length : 0;
};

const r = policyScenario({
  fields: ["A", "B", "C"],
  capacity: [50, 30, 20],
  major: 1,
  budget: 30,
  spillover: 0.1,
}, { tEnd: 40 });

Deno.test("policyTradeoffChart(): one dot per scenario, arrows from no support, deterministic SVG", () => {
  const svg = policyTradeoffChart(r).toSVG();
  assert.ok(svg.startsWith("<svg"));
  assert.equal(inMark(svg, "dot", "circle"), 3);
  assert.equal(inMark(svg, "arrow", "path"), 2);
  assert.equal(inMark(svg, "text", "text"), 3);
  assert.ok(svg.includes("concentrate on the major") && svg.includes("even support"));
  assert.ok(svg.includes("Total knowledge (end)"));
  assert.equal(policyTradeoffChart(r).toSVG(), svg);
});

Deno.test("policyTradeoffChart(): Chinese labels and the trajectories view", () => {
  const zh = policyTradeoffChart(r, { lang: "zh" }).toHTML();
  assert.ok(zh.includes("抓大放小") && zh.includes("平均支持") && zh.includes("有效领域数"));
  const tr = policyTradeoffChart(r, { kind: "trajectories", lang: "zh" }).toSVG();
  assert.ok(tr.includes("知识总量") && tr.includes("时间"));
  assert.equal(inMark(tr, "line", "path"), 3);
});

Deno.test("policyTradeoffChart(): wrong input is a ValidationError", () => {
  assert.throws(
    () => policyTradeoffChart({ summary: r.fields, series: r.series }),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "summary",
  );
  assert.throws(
    () => policyTradeoffChart(r, { kind: "pie" as "tradeoff" }),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "kind",
  );
});

Deno.test("policyTradeoffChart(): snapshots (trade-off, trajectories in Chinese)", async () => {
  await assertSnapshot(import.meta.url, "policy-tradeoff", policyTradeoffChart(r).toSVG());
  await assertSnapshot(
    import.meta.url,
    "policy-trajectories-zh",
    policyTradeoffChart(r, { kind: "trajectories", lang: "zh" }).toSVG(),
  );
});
