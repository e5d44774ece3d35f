import assert from "node:assert/strict";
import * as aq from "arquero";
import { marchChart } from "../../src/plot/march.ts";
import { assertSnapshot } from "./snapshot.ts";

const rows = [0.1, 0.5, 0.9].flatMap((p1) =>
  [0.1, 0.9].map((p2) => ({ p1, p2, knowledge: 0.9 - 0.2 * p1 * p2 }))
);

Deno.test("marchChart: one line per p2 labelled at its end, from rows or a table", () => {
  const m = marchChart([{ p1: 0.1, p2: 0.5, knowledge: 0.95 }, { p1: 0.9, p2: 0.5, knowledge: 0.74 }], {
    lang: "zh",
  });
  assert.ok(m.toHTML().includes("社会化速率"));
  const svg = marchChart(rows).toSVG();
  assert.ok(svg.includes(">p2 = 0.1</text>") && svg.includes(">p2 = 0.9</text>"));
  assert.equal(marchChart(aq.from(rows)).toSVG(), svg);
});

Deno.test("marchChart: snapshot", async () => {
  await assertSnapshot(import.meta.url, "march", marchChart(rows).toSVG());
});
