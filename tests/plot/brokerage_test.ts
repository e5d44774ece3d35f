import assert from "node:assert/strict";
import { brokerageChart } from "../../src/plot/brokerage.ts";
import { brokerage } from "../../src/indicators/network/brokerage.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

// a (R) → b (S) → c (S), c → d (T), x (U) alone: S brokers a gatekeeper pair and, through c, a representative one
const r = brokerage(
  [{ source: "a", target: "b" }, { source: "b", target: "c" }, { source: "c", target: "d" }],
  { group: { a: "R", b: "S", c: "S", d: "T", x: "U" } },
);

Deno.test("brokerageChart: one bar per brokering group, shares of its pairs; title, legend and source in the SVG", () => {
  const svg = brokerageChart(r, { source: "Toy data", names: { S: "Sweden" } }).toSVG();
  for (
    const s of [
      ">Brokerage roles by group<",
      "the 1 groups with most brokered pairs",
      ">Sweden<",
      ">Gatekeeper<",
      ">Liaison<",
      ">Share of the group's brokered pairs (%)<",
      ">Toy data · Roles: Gould &amp; Fernandez (1989)<",
    ]
  ) assert.ok(svg.includes(s), s);
  // S brokers 2 pairs: b is a gatekeeper (a → b → c), c a representative (b → c → d): two bars of 50 %
  const bars = [...svg.matchAll(/<rect fill="(#[0-9a-f]+)"[^>]*width="([\d.]+)"/g)]
    .map((m) => [m[1], Number(m[2])] as const).filter(([, w]) => w > 0);
  assert.deepEqual(bars.map(([c]) => c), ["#e15759", "#76b7b2"]); // gatekeeper, representative
  assert.ok(Math.abs(bars[0]![1] - bars[1]![1]) < 1e-9); // 50 % each
  const zh = brokerageChart(r, { lang: "zh", share: false }).toSVG();
  assert.ok(
    zh.includes(">各组的经纪角色构成<") && zh.includes(">守门人<") && zh.includes(">经纪的组织对数<"),
  );
  assert.throws(() => brokerageChart(r, { top: 0 }), ValidationError);
});
