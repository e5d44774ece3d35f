import assert from "node:assert/strict";
import {
  drawQuadrant,
  type QuadrantExplorerData,
  quadrantOf,
} from "../../../src/notebook/client/quadrant.ts";
import { governanceQuadrant } from "../../../src/classify/governance.ts";

Deno.test("quadrantOf() with the rule high: '>=' is governanceQuadrant (ties on the threshold are High)", () => {
  const values = [0, 0.25, 0.4999, 0.5, 0.5001, 1];
  for (const K of values) {
    for (const A of values) {
      for (const t of [0.25, 0.5]) {
        assert.equal(
          quadrantOf(K, A, t, { high: ">=" }),
          governanceQuadrant(K, A, { thresholds: { K: t, A: t } }),
        );
      }
    }
  }
  assert.equal(quadrantOf(0.5, 0.5, 0.5, { high: ">" }), "LL");
});

const data: QuadrantExplorerData = {
  size: 520,
  title: "quadrants",
  text: { K: "K", A: "A" },
  phases: { LL: "ll", HL: "hl", LH: "lh", HH: "hh" },
  colors: { LL: "#111", HL: "#222", LH: "#333", HH: "#444" },
  years: [2020, 2021],
  thresholds: [0.5],
  rule: { high: ">=" },
  entities: ["a", "b"],
  labels: ["Alpha", "Beta"],
  highlight: [0],
  K: [0.2, 0.6, null, 0.9],
  A: [0.3, 0.5, null, 0.1],
};

Deno.test("drawQuadrant(): the year's points, quadrant counts from the rule, the highlighted trail", () => {
  const y2020 = drawQuadrant(data, [0, 0]);
  assert.equal(y2020.match(/class="clr-point/g)?.length, 1); // b has no 2020 row
  assert.ok(y2020.includes('data-count="1">ll (1)</text>'));
  const y2021 = drawQuadrant(data, [1, 0]);
  assert.ok(y2021.includes('data-q="HH" data-count="1">hh (1)</text>')); // a: (0.6, 0.5), A on the threshold
  assert.ok(y2021.includes('data-q="HL" data-count="1">hl (1)</text>'));
  // a is highlighted: larger, outlined, with its trail 2020 → 2021 (x = 44 + 456 K, y = 480 − 460 A)
  assert.match(
    y2021,
    /<circle cx="317.6" cy="250" r="6" fill="#444" stroke="black" class="clr-point clr-highlight"/,
  );
  assert.ok(y2021.includes('<path d="M135.2,342L317.6,250" fill="none" stroke="#333"'));
  assert.ok(y2021.includes("<title>Beta 2021: K = 0.900, A = 0.100, hl</title>"));
});
