import assert from "node:assert/strict";
import { quadrantExplorer } from "../../src/plot/quadrant_explorer.ts";
import { classifyGovernance, GOVERNANCE_PHASES } from "../../src/classify/governance.ts";
import { ValidationError } from "../../src/data/validation_error.ts";

const rows = [
  { entity: "a", year: 2020, K: 0.8, A: 0.2 },
  { entity: "b", year: 2020, K: 0.3, A: 0.6 },
  { entity: "c", year: 2020, K: 0.45, A: 0.45 },
  { entity: "a", year: 2021, K: 0.9, A: 0.4 },
  { entity: "b", year: 2021, K: 0.4, A: 0.7 },
  { entity: "c", year: 2021, K: 0.62, A: 0.58 },
];

Deno.test("quadrantExplorer(): one frame per year × threshold; quadrant counts equal classifyGovernance's", () => {
  const thresholds = [0.4, 0.5, 0.6];
  const w = quadrantExplorer(
    classifyGovernance(rows, { knowledge: "K", alliance: "A", bootstrap: { replicates: 0 } }),
    { thresholds, highlight: ["c"] },
  );
  assert.equal(w.stats.frames, 6);
  assert.deepEqual(w.initialParams, { year: 2021, threshold: 0.5 });
  for (const [i, y] of [2020, 2021].entries()) {
    for (const [j, t] of thresholds.entries()) {
      const g = classifyGovernance(rows.filter((r) => r.year === y), {
        knowledge: "K",
        alliance: "A",
        threshold: t,
        bootstrap: { replicates: 0 },
      });
      const quadrants = g.table.array("quadrant") as string[];
      const html = w.frameHTML([i, j]);
      for (const q of ["LL", "HL", "LH", "HH"] as const) {
        const n = quadrants.filter((x) => x === q).length;
        assert.ok(
          html.includes(`${GOVERNANCE_PHASES[q].en} (${n})`),
          `${y}, t = ${t}: ${q} should hold ${n}`,
        );
      }
    }
  }
  // c moves from LL to HH between 2020 and 2021 at t = 0.5; its point title says so
  assert.ok(w.frameHTML([0, 1]).includes("c 2020: K = 0.450, A = 0.450, emerging cluster"));
  assert.ok(w.frameHTML([1, 1]).includes("c 2021: K = 0.620, A = 0.580, mature innovation cluster"));
});

Deno.test("quadrantExplorer(): Chinese labels, plain tables accepted", () => {
  const w = quadrantExplorer(rows, { lang: "zh", thresholds: [0.5] });
  const html = w.toHTML();
  for (const s of ["年份", "分界阈值", "知识存量 K", "联盟存量 A", "成熟创新集群"]) {
    assert.ok(html.includes(s), s);
  }
});

Deno.test("quadrantExplorer(): bad input is a ValidationError naming the row and column", () => {
  assert.throws(() => quadrantExplorer([{ entity: "a", year: 2020, K: 1.2, A: 0.1 }]), (e: unknown) => {
    assert.ok(e instanceof ValidationError);
    assert.deepEqual(e.issues.map((i) => [i.row, i.column, i.received]), [[1, "K", "1.2"]]);
    return true;
  });
  assert.throws(
    () => quadrantExplorer([{ entity: "a", year: 2020, K: 0.2 }]),
    /column "A": expected a column/,
  );
  assert.throws(() => quadrantExplorer(rows, { highlight: ["z"] }), /column "highlight"/);
  assert.throws(() => quadrantExplorer(rows, { thresholds: [0, 0.5] }), /column "thresholds"/);
});
