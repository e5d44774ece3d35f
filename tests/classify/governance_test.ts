import assert from "node:assert/strict";
import {
  classifyGovernance as classifyGovernanceApi,
  type ClassifyGovernanceOptions,
  type GovernanceDimensions,
  governanceLag,
  governancePortfolio,
  governanceQuadrant,
} from "../../src/classify/governance.ts";
import type { TableInput } from "../../src/data/adapters.ts";
import { entropyWeights } from "../../src/indicators/entropy_weights.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

/** A test writes dimensions and options as one record; classifyGovernance takes them apart. */
function classifyGovernance(input: TableInput, o: GovernanceDimensions & ClassifyGovernanceOptions) {
  const { knowledge, alliance, ...options } = o;
  return classifyGovernanceApi(input, { knowledge, alliance }, options);
}

Deno.test("quadrants, phases and mechanisms follow the quadrant table (LL, HL, LH, HH)", () => {
  const r = classifyGovernance(
    [
      { entity: "ll", K: 0.2, A: 0.1 },
      { entity: "hl", K: 0.8, A: 0.2 },
      { entity: "lh", K: 0.3, A: 0.9 },
      { entity: "hh", K: 0.5, A: 0.7 }, // K on the threshold counts as high
    ],
    { knowledge: "K", alliance: "A", bootstrap: { replicates: 0 } },
  );
  assert.deepEqual(r.table.array("quadrant"), ["LL", "HL", "LH", "HH"]);
  assert.deepEqual(r.table.array("mechanism"), [
    "increase knowledge supply",
    "connect knowledge suppliers and users",
    "increase knowledge supply through external pipelines",
    "knowledge-sharing platform with common culture and language",
  ]);
  assert.deepEqual(r.table.array("phase"), [
    "emerging cluster",
    "knowledge-rich, fragmented",
    "networked, knowledge-poor (lock-in risk)",
    "mature innovation cluster",
  ]);
  const d = r.table.array("distance") as Float64Array;
  assert.ok(Math.abs(d[0]! - 0.3) < 1e-15 && Math.abs(d[1]! - 0.3) < 1e-15 && d[3] === 0);
  assert.deepEqual(r.table.array("lag"), [
    "synchronous",
    "alliance_lags",
    "knowledge_lags",
    "knowledge_lags",
  ]);
  assert.deepEqual(r.table.array("stability"), [null, null, null, null]);
  const zh = classifyGovernance([{ K: 0.8, A: 0.2 }], {
    knowledge: "K",
    alliance: "A",
    lang: "zh",
    bootstrap: { replicates: 0 },
  });
  assert.equal(zh.table.get("mechanism", 0), "连接知识供给者与使用者");
  assert.equal(zh.table.get("phase", 0), "知识丰富但联系松散");
});

Deno.test("portfolio weights are the bilinear closed form and sum to 1", () => {
  assert.deepEqual(governancePortfolio(0.75, 0.25), { supply: 0.25, connect: 0.5625, platform: 0.1875 });
  assert.deepEqual(governancePortfolio(0, 1), { supply: 1, connect: 0, platform: 0 });
  // Median split at 0.2: K = 0.2 maps to k = 0.5; A = 0.6 with t = 0.2 → a = 0.5 + 0.5·0.4/0.8 = 0.75.
  const p = governancePortfolio(0.2, 0.6, { thresholds: { K: 0.2, A: 0.2 } });
  assert.deepEqual(p, { supply: 0.5, connect: 0.125, platform: 0.375 });
  assert.equal(governanceQuadrant(0.49, 0.5), "LH");
  assert.equal(governanceLag(0.6, 0.5), "synchronous");
  assert.equal(governanceLag(0.3, 0.5), "knowledge_lags");
  assert.equal(governanceQuadrant(0.49, 0.5, { thresholds: { K: 0.4, A: 0.6 } }), "HL");
  assert.equal(governanceLag(0.3, 0.5, { tolerance: 0.2 }), "synchronous"); // |K − A| = 0.2 ≤ 0.2
});

Deno.test("classifyGovernance(input, dimensions, options): entity and year are carried, `keep` adds columns", () => {
  const rows = [
    { province: "甲", name: "Jia", t: 2020, K: 0.8, A: 0.2 },
    { province: "乙", name: "Yi", t: 2020, K: 0.3, A: 0.6 },
  ];
  const r = classifyGovernanceApi(rows, { knowledge: "K", alliance: "A" }, {
    entity: "province",
    year: "t",
    keep: ["name"],
  });
  assert.deepEqual(r.table.columnNames().slice(0, 4), ["province", "t", "name", "K"]);
  assert.deepEqual(r.table.array("name"), ["Jia", "Yi"]);
  // without entity or year columns nothing is carried; a named column that is missing is an error
  const bare = classifyGovernanceApi([{ K: 0.8, A: 0.2 }], { knowledge: "K", alliance: "A" });
  assert.equal(bare.table.columnNames()[0], "K");
  for (const options of [{ entity: "province" }, { year: "t" }, { keep: ["name"] }]) {
    assert.throws(
      () => classifyGovernanceApi([{ K: 0.8, A: 0.2 }], { knowledge: "K", alliance: "A" }, options),
      (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === Object.keys(options)[0],
    );
  }
});

const PANEL = Array.from({ length: 12 }, (_, i) => ({
  entity: `e${i % 4}`,
  year: 2010 + Math.floor(i / 4),
  rd: 10 + 7 * i + (i % 3) * 5,
  papers: 5 + ((i * 13) % 11),
  ties: 1 + ((i * 7) % 9),
  ext: 0.2 + ((i * 5) % 7) / 10,
}));

Deno.test("K and A are the entropy composites of the indicators over the pooled panel", () => {
  const r = classifyGovernance(PANEL, {
    knowledge: { rd: "+", papers: "+" },
    alliance: { ties: "+", ext: "+" },
    bootstrap: { replicates: 0 },
  });
  const k = entropyWeights(PANEL, { indicators: { rd: "+", papers: "+" } });
  const a = entropyWeights(PANEL, { indicators: { ties: "+", ext: "+" } });
  const K = r.table.array("K") as Float64Array, A = r.table.array("A") as Float64Array;
  const kk = k.scores.array("score") as Float64Array, aa = a.scores.array("score") as Float64Array;
  for (let i = 0; i < PANEL.length; i++) {
    assert.ok(Math.abs(K[i]! - kk[i]!) < 1e-15, `K row ${i + 1}`);
    assert.ok(Math.abs(A[i]! - aa[i]!) < 1e-15, `A row ${i + 1}`);
  }
  assert.deepEqual(r.weights.knowledge, k.weights);
  assert.deepEqual(r.table.columnNames().slice(0, 2), ["entity", "year"]);
});

Deno.test("median split uses each axis' pooled median; the bootstrap is seeded and in [0, 1]", () => {
  const opts = {
    knowledge: { rd: "+", papers: "+" },
    alliance: { ties: "+", ext: "+" },
    split: "median",
    bootstrap: { replicates: 50, seed: 7 },
  } as const;
  const r1 = classifyGovernance(PANEL, opts);
  const r2 = classifyGovernance(PANEL, opts);
  const K = Float64Array.from(r1.table.array("K") as Float64Array).sort();
  assert.equal(r1.thresholds.K, (K[5]! + K[6]!) / 2);
  const s = r1.table.array("stability") as number[];
  assert.deepEqual(s, r2.table.array("stability"));
  assert.ok(s.every((v) => v >= 0 && v <= 1));
  // Rows far from the thresholds are more stable than the row closest to them.
  const d = r1.table.array("distance") as Float64Array;
  const far = d.indexOf(Math.max(...d)), near = d.indexOf(Math.min(...d));
  assert.ok(s[far]! >= s[near]!, `stability far ${s[far]} vs near ${s[near]}`);
  const byInd = classifyGovernance(PANEL, {
    ...opts,
    bootstrap: { replicates: 30, seed: 7, over: "indicators" },
  });
  assert.ok((byInd.table.array("stability") as number[]).every((v) => v >= 0 && v <= 1));
});

Deno.test("invalid parameters and input are ValidationErrors", () => {
  assert.throws(
    () => classifyGovernance([{ K: 1.5, A: 0.2 }], { knowledge: "K", alliance: "A" }),
    (e: unknown) =>
      e instanceof ValidationError &&
      e.message.includes('row 1, column "K": expected a number in [0, 1], received 1.5'),
  );
  assert.throws(
    () =>
      classifyGovernance([{ K: 0.5, A: 0.2 }], {
        knowledge: "K",
        alliance: { a: "up" as unknown as "+" },
        threshold: 1,
      }),
    (e: unknown) =>
      e instanceof ValidationError &&
      e.message.includes('column "threshold": expected a number in (0, 1), received 1') &&
      e.message.includes('column "alliance"'),
  );
});

Deno.test("every row states its cut-offs as a design choice, in English and Chinese", () => {
  const rows = [{ K: 0.8, A: 0.2 }, { K: 0.3, A: 0.35 }, { K: 0.6, A: 0.9 }];
  const fixed = classifyGovernance(rows, {
    knowledge: "K",
    alliance: "A",
    threshold: 0.4,
    bootstrap: { replicates: 0 },
  });
  assert.deepEqual(fixed.table.array("cutoff"), [
    "design choice: K and A split at 0.4; |K − A| ≤ 0.1 synchronous",
    "design choice: K and A split at 0.4; |K − A| ≤ 0.1 synchronous",
    "design choice: K and A split at 0.4; |K − A| ≤ 0.1 synchronous",
  ]);
  const median = classifyGovernance(rows, {
    knowledge: "K",
    alliance: "A",
    split: "median",
    lagTolerance: 0.05,
    lang: "zh",
    bootstrap: { replicates: 0 },
  });
  assert.deepEqual(median.thresholds, { K: 0.6, A: 0.35 });
  assert.equal(
    median.table.get("cutoff", 0),
    "设计选择：以面板中位数（K 0.6, A 0.35）分界；|K − A| ≤ 0.05 为同步",
  );
  assert.deepEqual(median.table.array("quadrant"), ["HL", "LH", "HH"]);
});

Deno.test("bootstrap stability: closed-form shares for a two-valued indicator", () => {
  // One knowledge indicator x = 0, 0, 10, 10 and a ready A. A resample of rows rescales x by its own min
  // and max: both values drawn → K = ε or 1 − ε as in the full panel; only the x = 0 rows drawn (probability
  // (1/2)^4 = 1/16) → the range is 0, every K = 0.5 ≥ 0.5 and the x = 0 rows turn "high"; only the x = 10
  // rows drawn → K = 0.5, still high. So stability is exactly 1 for x = 10 and 15/16 in expectation for x = 0.
  const rows = [{ x: 0, A: 0.2 }, { x: 0, A: 0.8 }, { x: 10, A: 0.2 }, { x: 10, A: 0.8 }];
  const r = classifyGovernance(rows, {
    knowledge: { x: "+" },
    alliance: "A",
    bootstrap: { replicates: 4000, seed: 3 },
  });
  assert.deepEqual(r.table.array("quadrant"), ["LL", "LH", "HL", "HH"]);
  const s = r.table.array("stability") as number[];
  assert.equal(s[2], 1);
  assert.equal(s[3], 1);
  assert.equal(s[0], s[1]); // the two x = 0 rows fall in the same replicates
  // Binomial s.e. √(15/256/4000) ≈ 0.0038: within 4 s.e. of 15/16.
  assert.ok(Math.abs(s[0]! - 15 / 16) < 0.016, `stability ${s[0]} vs 15/16`);
  assert.match(r.warnings.join("\n"), /a ready score column is held fixed in the bootstrap/);
  // Resampling the indicators of a one-indicator dimension changes nothing: stability exactly 1.
  const ind = classifyGovernance(rows, {
    knowledge: { x: "+" },
    alliance: "A",
    bootstrap: { replicates: 50, seed: 3, over: "indicators" },
  });
  assert.deepEqual(ind.table.array("stability"), [1, 1, 1, 1]);
});

Deno.test("boundaries: K and A accept the closed ends 0 and 1; lagTolerance accepts 0 and rejects 1", () => {
  // [0, 1] is closed: 0 and 1 are valid scores (fixed split at 0.5: (0, 1) → LH, (1, 0) → HL, (1, 1) → HH).
  const r = classifyGovernance([{ K: 0, A: 1 }, { K: 1, A: 0 }, { K: 1, A: 1 }], {
    knowledge: "K",
    alliance: "A",
    lagTolerance: 0,
    bootstrap: { replicates: 0 },
  });
  assert.deepEqual(r.table.array("quadrant"), ["LH", "HL", "HH"]);
  // tolerance 0: only K = A is synchronous
  assert.deepEqual(r.table.array("lag"), ["knowledge_lags", "alliance_lags", "synchronous"]);
  // lagTolerance is in [0, 1): 1 would call every pair synchronous and is rejected.
  assert.throws(
    () => classifyGovernance([{ K: 0.5, A: 0.5 }], { knowledge: "K", alliance: "A", lagTolerance: 1 }),
    (e: unknown) =>
      e instanceof ValidationError &&
      e.message.includes('column "lagTolerance": expected a number in [0, 1), received 1'),
  );
});

Deno.test("classifyGovernance(input, { knowledge, alliance, … }): the 0.1 one-object form equals (input, dimensions, options)", () => {
  const labelled = PANEL.map((d) => ({ ...d, name: `E${d.entity}` }));
  const dims = { knowledge: { rd: "+", papers: "+" }, alliance: { ties: "+", ext: "+" } } as const;
  const settings = { split: "median", bootstrap: { replicates: 20, seed: 3 }, lang: "zh" } as const;
  const v01 = classifyGovernanceApi(labelled, { ...dims, ...settings });
  const today = classifyGovernanceApi(labelled, dims, settings);
  assert.deepEqual(v01.table.objects(), today.table.objects());
  assert.deepEqual([v01.weights, v01.thresholds, v01.warnings], [
    today.weights,
    today.thresholds,
    today.warnings,
  ]);
  // 0.1's `id` lists every kept column, in order: entity, year and a label column is today's `keep`
  const id01 = classifyGovernanceApi(labelled, { ...dims, id: ["entity", "year", "name"], ...settings });
  const kept = classifyGovernanceApi(labelled, dims, { keep: ["name"], ...settings });
  assert.deepEqual(id01.table.objects(), kept.table.objects());
  // … and only those: without the entity column (as 0.1 did)
  const only = classifyGovernanceApi(labelled, { ...dims, id: ["name"], bootstrap: { replicates: 0 } });
  assert.deepEqual(only.table.columnNames().slice(0, 2), ["name", "K"]);
  assert.throws(
    () => classifyGovernanceApi(labelled, { ...dims, id: ["nope"] }),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "id",
  );
  // a setting given in both places, or id with today's entity/year/keep, is an error naming it
  assert.throws(
    () =>
      classifyGovernanceApi(labelled, { ...dims, split: "median" } as GovernanceDimensions, {
        split: "fixed",
      }),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "split",
  );
  assert.throws(
    () =>
      classifyGovernanceApi(labelled, { ...dims, id: ["name"] } as GovernanceDimensions, { keep: ["name"] }),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "id",
  );
});

Deno.test("governancePortfolio, governanceQuadrant, governanceLag: the 0.1 positional thresholds and tolerance", () => {
  const t = { K: 0.2, A: 0.6 };
  assert.deepEqual(governancePortfolio(0.3, 0.7, t), governancePortfolio(0.3, 0.7, { thresholds: t }));
  assert.deepEqual(governancePortfolio(0.3, 0.7, undefined), governancePortfolio(0.3, 0.7));
  assert.throws(
    () => governancePortfolio(0.3, 0.7, { ...t, thresholds: t } as typeof t),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "thresholds",
  );
  for (const [K, A] of [[0.25, 0.65], [0.1, 0.9], [0.5, 0.5]]) {
    assert.equal(governanceQuadrant(K!, A!, 0.2, 0.6), governanceQuadrant(K!, A!, { thresholds: t }));
  }
  assert.equal(
    governanceQuadrant(0.55, 0.45, 0.6),
    governanceQuadrant(0.55, 0.45, { thresholds: { K: 0.6, A: 0.5 } }),
  );
  assert.equal(governanceQuadrant(0.55, 0.45, 0.6), "LL");
  assert.equal(governanceLag(0.5, 0.3, 0.25), governanceLag(0.5, 0.3, { tolerance: 0.25 }));
  assert.equal(governanceLag(0.5, 0.3, 0.25), "synchronous");
  assert.equal(governanceLag(0.5, 0.3, undefined), governanceLag(0.5, 0.3));
});

Deno.test("counts: rows per quadrant and year, 0 (never missing) for a quadrant no row falls in", () => {
  const r = classifyGovernance(
    [
      { entity: "a", year: 2021, K: 0.8, A: 0.9 },
      { entity: "b", year: 2020, K: 0.2, A: 0.1 },
      { entity: "c", year: 2020, K: 0.3, A: 0.2 },
      { entity: "a", year: 2020, K: 0.9, A: 0.1 },
    ],
    { knowledge: "K", alliance: "A", bootstrap: { replicates: 0 } },
  );
  assert.deepEqual(r.counts.objects(), [
    { year: 2020, HH: 0, HL: 1, LH: 0, LL: 2, total: 3 },
    { year: 2021, HH: 1, HL: 0, LH: 0, LL: 0, total: 1 },
  ]);
  const noYear = classifyGovernance([{ entity: "a", K: 0.8, A: 0.9 }], {
    knowledge: "K",
    alliance: "A",
    bootstrap: { replicates: 0 },
  });
  assert.deepEqual(noYear.counts.objects(), [{ HH: 1, HL: 0, LH: 0, LL: 0, total: 1 }]);
});
