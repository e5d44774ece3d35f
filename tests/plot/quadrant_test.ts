import assert from "node:assert/strict";
import { quadrantChart } from "../../src/plot/quadrant.ts";
import { classifyGovernance } from "../../src/classify/governance.ts";
import { ValidationError } from "../../src/core/validation_error.ts";
import { assertSnapshot } from "./snapshot.ts";

const rows = [
  { entity: "a", year: 1, K: 0.2, A: 0.3 },
  { entity: "a", year: 3, K: 0.7, A: 0.8 },
  { entity: "a", year: 2, K: 0.6, A: 0.4 },
  { entity: "b", year: 1, K: 0.9, A: 0.1 },
  { entity: "b", year: 2, K: 0.8, A: 0.2 },
];
const gov = classifyGovernance(rows, { knowledge: "K", alliance: "A" }, { bootstrap: { replicates: 0 } });

/** The `<g aria-label="…">` group of a mark. */
function group(svg: string, label: string): string {
  const i = svg.indexOf(`aria-label="${label}"`);
  assert.ok(i >= 0, `no ${label} group`);
  return svg.slice(i, svg.indexOf("</g>", i));
}

Deno.test("quadrantChart: yearly arrows per entity in year order, thresholds and dots with K, A, quadrant", () => {
  const svg = quadrantChart(gov.table, { names: { a: "Alpha" }, thresholds: { K: 0.45, A: 0.52 } }).toSVG();
  // Frame 640 × 560, margins left 50, right 100, top 20, bottom 45: x = 50 + 490·K, y = 515 − 495·A.
  const arrows = group(svg, "arrow").match(/<path [^>]*d="M([\d.]+),([\d.]+)L([\d.]+),([\d.]+)M/g) ?? [];
  assert.equal(arrows.length, 3); // a: 1→2, 2→3 (sorted by year); b: 1→2
  const segs = arrows.map((p) => p.match(/M([\d.]+),([\d.]+)L([\d.]+),([\d.]+)/)!.slice(1).map(Number));
  const px = (K: number, A: number) => [50 + 490 * K, 515 - 495 * A];
  const expected = [[0.2, 0.3, 0.6, 0.4], [0.6, 0.4, 0.7, 0.8], [0.9, 0.1, 0.8, 0.2]];
  expected.forEach(([k1, a1, k2, a2], i) => {
    const want = [...px(k1!, a1!), ...px(k2!, a2!)];
    want.forEach((v, j) => assert.ok(Math.abs(segs[i]![j]! - v) < 1e-6, `arrow ${i} coord ${j}: ${segs[i]}`));
  });
  // Dashed threshold rules at K = 0.45 (x = 270.5) and A = 0.52 (y = 257.6), off the grid lines.
  const ruleX = svg.indexOf('aria-label="rule"'), ruleY = svg.indexOf('aria-label="rule"', ruleX + 1);
  assert.match(
    svg.slice(ruleX, svg.indexOf("</g>", ruleX)),
    /stroke-dasharray="4,3"[\s\S]*x1="270.5" x2="270.5"|x2="270.5"[^>]*x1="270.5"/,
  );
  const y1 = Number(svg.slice(ruleY, svg.indexOf("</g>", ruleY)).match(/y1="([\d.]+)"/)![1]);
  assert.ok(Math.abs(y1 - 257.6) < 1e-9, `A rule at y = ${y1}`);
  assert.ok(svg.includes("<title>Alpha 2\nK = 0.600, A = 0.400 (HL)</title>"));
  assert.ok(svg.includes("<title>b 1\nK = 0.900, A = 0.100 (HL)</title>"));
  for (
    const m of [
      "increase knowledge supply",
      "connect knowledge suppliers and users",
      "through external pipelines",
      "with common culture and language",
    ]
  ) assert.ok(svg.includes(m), m);
  // The last point of each entity is labelled.
  assert.ok(svg.includes(">Alpha 3</text>") && svg.includes(">b 2</text>"));
});

Deno.test("quadrantChart: Chinese axis titles and mechanisms", () => {
  const fig = quadrantChart(gov.table, { lang: "zh" });
  const html = fig.toHTML();
  for (
    const t of [
      "知识存量",
      "联盟存量",
      "增加知识供给",
      "连接知识供给者与使用者",
      "知识存量 × 联盟存量：阶段与治理机制",
    ]
  ) {
    assert.ok(html.includes(t), t);
  }
});

Deno.test("quadrantChart: a table without K/A or with a bad threshold is a ValidationError", () => {
  assert.throws(
    () => quadrantChart(gov.table.select("entity", "year", "K")),
    (e: unknown) =>
      e instanceof ValidationError &&
      e.message.includes('column "A": expected a column "A" (a classifyGovernance table)'),
  );
  assert.throws(
    () => quadrantChart(gov.table, { thresholds: { K: 0.5, A: 1.5 } }),
    (e: unknown) =>
      e instanceof ValidationError &&
      e.message.includes('column "thresholds.A": expected a number in (0, 1), received 1.5'),
  );
});

Deno.test("quadrantChart: highlight draws the chosen paths thick with year labels, the others grey", () => {
  const svg = quadrantChart(gov.table, { names: { a: "Alpha" }, highlight: ["a"] }).toSVG();
  const first = svg.indexOf('aria-label="arrow"'), second = svg.indexOf('aria-label="arrow"', first + 1);
  assert.ok(first >= 0 && second > first, "two arrow groups: the others, then the highlighted paths");
  // From the group's opening tag (its attributes carry the constant stroke) to its end.
  const groupAt = (i: number) => svg.slice(svg.lastIndexOf("<g", i), svg.indexOf("</g>", i));
  const grey = groupAt(first), hi = groupAt(second);
  assert.match(grey, /stroke="#bbb"/);
  assert.equal((grey.match(/<path /g) ?? []).length, 1); // b: 1→2
  assert.match(hi, /stroke-width="2.5"/);
  assert.equal((hi.match(/<path /g) ?? []).length, 2); // a: 1→2, 2→3
  for (const y of ["1", "2", "3"]) assert.ok(svg.includes(`>${y}</text>`), `year label ${y}`);
  assert.ok(svg.includes(">Alpha 3</text>"));
  assert.ok(!svg.includes(">b 2</text>"), "only the highlighted entity is named by default");
  assert.throws(
    () => quadrantChart(gov.table, { highlight: ["a", "zz"] }),
    (e: unknown) =>
      e instanceof ValidationError &&
      e.message.includes('column "highlight": expected entities of the input (a, b), received ["zz"]'),
  );
});

Deno.test("quadrantChart: snapshots (all entities named; one highlighted path)", async () => {
  await assertSnapshot(
    import.meta.url,
    "quadrant",
    quadrantChart(gov.table, { names: { a: "Alpha" }, thresholds: { K: 0.45, A: 0.52 } }).toSVG(),
  );
  await assertSnapshot(
    import.meta.url,
    "quadrant-highlight-zh",
    quadrantChart(gov.table, { highlight: ["a"], lang: "zh" }).toSVG(),
  );
});

Deno.test("quadrantChart: 11 entities get 11 distinct colours; a requested label that does not exist is a warning", () => {
  const eleven = Array.from({ length: 11 }, (_, i) => ({ entity: `c${i}`, year: 1, K: i / 11, A: 0.5 }));
  const g = classifyGovernance(eleven, { knowledge: "K", alliance: "A" }, { bootstrap: { replicates: 0 } });
  const fig = quadrantChart(g.table, { label: ["c1", "XX"] });
  const i = fig.toSVG().indexOf('aria-label="dot"');
  const fills = fig.toSVG().slice(i, fig.toSVG().indexOf("</g>", i)).match(/fill="(#[0-9a-f]{6})"/g) ?? [];
  assert.equal(fills.length, 11);
  assert.equal(new Set(fills).size, 11, "no two entities share a colour");
  assert.deepEqual(fig.warnings, ["label: XX not in the table (not drawn)"]);
  assert.deepEqual(quadrantChart(g.table, { label: ["c1"] }).warnings, []);
});
