import assert from "node:assert/strict";
import * as aq from "arquero";
import { classifyGovernance, governancePortfolio } from "../../src/classify/governance.ts";
import { governanceRecommendation } from "../../src/classify/governance_recommendation.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

// Ready K/A columns with a fixed split at 0.5: quadrants by hand. Year 2 is missing for "a" (a gap).
const rows = [
  { entity: "a", year: 4, K: 0.7, A: 0.6 },
  { entity: "a", year: 1, K: 0.2, A: 0.3 },
  { entity: "a", year: 3, K: 0.75, A: 0.25 },
  { entity: "a", year: 5, K: 0.8, A: 0.65 },
  { entity: "a", year: 0, K: 0.1, A: 0.1 },
  { entity: "b", year: 1, K: 0.3, A: 0.9 },
];
const gov = classifyGovernance(rows, { knowledge: "K", alliance: "A" }, { bootstrap: { replicates: 0 } });

Deno.test("governanceRecommendation(): last year by default, path as runs of quadrants, row values exact", () => {
  const r = governanceRecommendation(gov, "a");
  assert.equal(r.year, 5);
  assert.deepEqual(r.trajectory, [
    { quadrant: "LL", from: 0, to: 1, years: 2 },
    { quadrant: "HL", from: 3, to: 3, years: 1 },
    { quadrant: "HH", from: 4, to: 5, years: 2 },
  ]);
  assert.equal(r.quadrant, "HH");
  assert.equal(r.K, 0.8);
  assert.equal(r.A, 0.65);
  assert.deepEqual(r.portfolio, governancePortfolio(0.8, 0.65)); // k = 0.8, a = 0.65 on the centred scale
  assert.ok(Math.abs(r.portfolio.platform - 0.8 * 0.65) < 1e-15);
  assert.ok(Math.abs(r.distance - 0.15) < 1e-15); // min(|0.8 − 0.5|, |0.65 − 0.5|)
  assert.equal(r.stability, null);
  assert.equal(r.lag, "alliance_lags"); // 0.8 − 0.65 = 0.15 > 0.1
  assert.equal(r.mechanism.zh, "构建具有共同文化和语言的知识共享平台");
  assert.equal(
    r.text.en,
    "a 5: mature innovation cluster (quadrant HH; K = 0.80, A = 0.65, 0.15 from the nearest threshold; " +
      "not bootstrapped). Path: LL 0–1 → HL 3 → HH 4–5. Main mechanism: knowledge-sharing platform with " +
      "common culture and language. Portfolio: increase knowledge supply 20%, connect suppliers and users 28%, " +
      "knowledge-sharing platform 52%; alliance stock lags.",
  );
  assert.equal(
    r.text.zh,
    "a 5 年：成熟创新集群（象限 HH；K = 0.80，A = 0.65，距最近分界线 0.15；未做自助抽样）。路径：LL 0–1 → HL 3 → " +
      "HH 4–5。主要机制：构建具有共同文化和语言的知识共享平台。机制组合：增加知识供给 20%，连接供给者与使用者 28%，" +
      "知识共享平台 52%；联盟存量滞后。",
  );
});

Deno.test("governanceRecommendation(): a chosen year cuts the path there; names and stability in the text", () => {
  const boot = classifyGovernance(rows, { knowledge: "K", alliance: "A" }, {
    split: "median",
    bootstrap: { seed: 3 },
  });
  const r = governanceRecommendation(boot.table, "a", { at: 3, names: { a: { en: "Alpha", zh: "甲" } } });
  assert.equal(r.year, 3);
  assert.equal(r.trajectory.at(-1)!.to, 3);
  const row = boot.table.objects().find((d) =>
    (d as { entity: string; year: number }).year === 3 &&
    (d as { entity: string }).entity === "a"
  ) as Record<string, number>;
  assert.equal(r.stability, row.stability);
  assert.equal(r.quadrant, row.quadrant as unknown as string);
  assert.ok(r.text.en.startsWith("Alpha 3: "));
  assert.ok(r.text.en.includes(`the quadrant holds in ${(100 * row.stability!).toFixed(0)}% of bootstrap`));
  assert.ok(r.text.zh.startsWith("甲 3 年："));
  assert.equal(
    governanceRecommendation(gov, "b", { names: { b: "Beta", a: "Alpha" } }).text.zh.slice(0, 9),
    "Beta 1 年：",
  );
  assert.equal(governanceRecommendation(gov, "b").lag, "knowledge_lags");
});

Deno.test("governanceRecommendation(): unknown entity or year, duplicates and non-governance tables are named", () => {
  assert.throws(
    () => governanceRecommendation(gov, "c"),
    (e: unknown) =>
      e instanceof ValidationError &&
      e.message.includes('column "entity": expected one of the entities of the table: a, b, received "c"'),
  );
  assert.throws(
    () => governanceRecommendation(gov, "a", { at: 2 }),
    (e: unknown) =>
      e instanceof ValidationError &&
      e.message.includes('column "at": expected a year of "a" in the table: 0, 1, 3, 4, 5, received 2'),
  );
  const dup = gov.table.concat(gov.table.slice(0, 1));
  assert.throws(
    () => governanceRecommendation(dup, "a"),
    // Rows of "a" sorted by year: 5 (y0), 2 (y1), 3 (y3), 1 (y4), 7 (y4, the appended copy), 4 (y5): the
    // second row for year 4 is table row 7 (1-based).
    (e: unknown) =>
      e instanceof ValidationError &&
      e.message.includes(
        'row 7, column "year": expected one row per year of "a", received a second row for 4',
      ),
  );
  // A quadrant or lag outside the vocabulary names its 1-based table row: "a" year 1 is row 2, year 5 row 4.
  const objs = gov.table.objects() as Record<string, unknown>[];
  const badQuadrant = aq.from(objs.map((d, i) => i === 1 ? { ...d, quadrant: "XX" } : d));
  assert.throws(
    () => governanceRecommendation(badQuadrant, "a"),
    (e: unknown) =>
      e instanceof ValidationError &&
      e.message.includes('row 2, column "quadrant": expected LL, HL, LH or HH, received "XX"'),
  );
  const badLag = aq.from(objs.map((d, i) => i === 3 ? { ...d, lag: "late" } : d));
  assert.throws(
    () => governanceRecommendation(badLag, "a"),
    (e: unknown) =>
      e instanceof ValidationError &&
      e.message.includes(
        'row 4, column "lag": expected synchronous, alliance_lags, knowledge_lags, received "late"',
      ),
  );
  assert.throws(
    () => governanceRecommendation(gov.table.select("entity", "year", "K", "A"), "a"),
    (e: unknown) =>
      e instanceof ValidationError &&
      e.message.includes('column "quadrant": expected a column "quadrant" (a classifyGovernance table)'),
  );
});

Deno.test("governanceRecommendation(): entity and year columns are options named after the column roles", () => {
  const renamed = gov.table.rename({ entity: "province", year: "t" });
  const r = governanceRecommendation(renamed, "a", { entity: "province", year: "t", at: 3 });
  const same = governanceRecommendation(gov, "a", { at: 3 });
  assert.deepEqual(r, same);
  assert.throws(
    () => governanceRecommendation(renamed, "a"),
    (e: unknown) => e instanceof ValidationError && e.issues.map((i) => i.column).join() === "entity,year",
  );
});

Deno.test("governanceRecommendation(): the 0.1 options year (a number), name, entityColumn, yearColumn", () => {
  const v01 = governanceRecommendation(gov, "a", { year: 3, name: { en: "Alpha", zh: "甲" } });
  const today = governanceRecommendation(gov, "a", { at: 3, names: { a: { en: "Alpha", zh: "甲" } } });
  assert.deepEqual(v01, today);
  assert.deepEqual(
    governanceRecommendation(gov, "b", { name: "Beta" }),
    governanceRecommendation(gov, "b", { names: { b: "Beta" } }),
  );
  const renamed = gov.table.rename({ entity: "who", year: "when" });
  assert.deepEqual(
    governanceRecommendation(renamed, "a", { entityColumn: "who", yearColumn: "when", year: 4 }),
    governanceRecommendation(renamed, "a", { entity: "who", year: "when", at: 4 }),
  );
  // today's `year` (a column) and 0.1's `year` (the year of the recommendation) are told apart by type
  assert.deepEqual(
    governanceRecommendation(renamed, "a", { entity: "who", year: "when" }),
    governanceRecommendation(renamed, "a", { entityColumn: "who", yearColumn: "when" }),
  );
  assert.throws(
    () => governanceRecommendation(gov, "a", { year: 2 }),
    (e: unknown) =>
      e instanceof ValidationError &&
      e.message.includes('column "year": expected a year of "a" in the table'),
  );
  assert.throws(
    () => governanceRecommendation(gov, "a", { year: 3, at: 4 } as { year: number }),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "at",
  );
});
