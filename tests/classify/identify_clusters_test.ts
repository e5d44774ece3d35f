import assert from "node:assert/strict";
import {
  CLUSTER_LABEL_ORDER,
  CLUSTER_LABELS,
  type ClusterCriteria,
  type ClusterLabelKey,
  clusterLabelKey,
  identifyClusters,
  US_CLUSTER_LEVELS,
  type UsClusterLevel,
} from "../../src/classify/identify_clusters.ts";
import { matrixFrom } from "../../src/indicators/matrix.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

const close = (a: unknown, b: number, tol = 1e-12) =>
  assert.ok(Math.abs((a as number) - b) < tol, `${a} vs ${b}`);

// Two technological groups {A, B} (R1, R2) and {C, D} (R3, R4); R5 is even. Column shares are all 0.25.
// LQ of A: R1 (30/70)/0.25 = 12/7, R2 1.6, R3 2/7, R4 0.4, R5 1. Presence (LQ ≥ 1): R1, R2: A, B; R3, R4: C, D;
// R5: all. Ubiquity 3 everywhere; φ_AB = φ_CD = 3/3 = 1, φ across groups = 1/3.
const rows = ["R1", "R2", "R3", "R4", "R5"];
const cols = ["A", "B", "C", "D"];
const x = matrixFrom([[30, 30, 5, 5], [20, 20, 5, 5], [5, 5, 30, 30], [5, 5, 20, 20], [10, 10, 10, 10]], {
  rows,
  cols,
});
type Row = Record<string, unknown>;
const pick = (t: { objects(): object[] }, region: string, sector: string): Row =>
  (t.objects() as Row[]).find((d) => d.region === region && d.sector === sector)!;

Deno.test("identifyClusters(): ECO stars by hand (P90 by linear interpolation, LQ ≥ 2, focus)", () => {
  const t = identifyClusters(x);
  const r1 = pick(t.table, "R1", "A");
  // Employment of A sorted (5, 5, 10, 20, 30): P90 at index 3.6 → 20 + 0.6·10 = 26.
  close(r1.eco_size_threshold, 26);
  assert.equal(r1.eco_size, true);
  close(r1.lq, 12 / 7);
  assert.equal(r1.eco_specialisation, false); // 1.714 < 2
  // Shares sorted (1/14, 0.1, 0.25, 0.4, 3/7): P90 → 0.4 + 0.6·(3/7 − 0.4).
  close(r1.eco_focus_threshold, 0.4 + 0.6 * (3 / 7 - 0.4));
  assert.equal(r1.eco_focus, true);
  assert.equal(r1.eco_stars, 2);
  assert.equal(pick(t.table, "R2", "A").eco_stars, 0);
});

Deno.test("identifyClusters(): US Cluster Mapping rule by hand (LQ ≥ P75, employment > P25, LQ ≥ 1)", () => {
  const t = identifyClusters(x);
  const r2 = pick(t.table, "R2", "A");
  close(r2.us_lq_p75, 1.6); // LQ sorted (2/7, 0.4, 1, 1.6, 12/7): index 3
  close(r2.us_employment_p25, 5); // (5, 5, 10, 20, 30): index 1
  assert.equal(r2.us_strong, true);
  assert.equal(pick(t.table, "R1", "A").us_strong, true);
  assert.equal(pick(t.table, "R5", "A").us_strong, false); // LQ 1 < 1.6
  assert.equal(r2.geographic, true); // "either" rule: US strong although no ECO star
  assert.ok(!t.table.columnNames().includes("us_establishments_p25"));
  assert.match(t.warnings.join("\n"), /without its establishments criterion/);
});

Deno.test("identifyClusters(): establishments criterion (> P25) removes a strong cluster", () => {
  const est = matrixFrom([[10, 1, 1, 1], [1, 1, 1, 1], [2, 1, 1, 1], [2, 1, 1, 1], [3, 1, 1, 1]], {
    rows,
    cols,
  });
  const t = identifyClusters(x, { establishments: est });
  const r2 = pick(t.table, "R2", "A");
  close(r2.us_establishments_p25, 2); // (1, 2, 2, 3, 10): index 1
  assert.equal(r2.us_strong, false); // 1 establishment is not > 2
  assert.equal(r2.label_key, "technological_community");
  assert.equal(pick(t.table, "R1", "A").us_strong, true);
});

Deno.test("identifyClusters(): relatedness density, coherence and proximity communities by hand", () => {
  const t = identifyClusters(x);
  // RD of A: Σ_j φ_jA = 1 + 1/3 + 1/3 = 5/3. R1 holds B → 100·1/(5/3) = 60; R3 holds C, D → 40; R5 all → 100.
  close(pick(t.table, "R1", "A").relatedness_density, 60);
  close(pick(t.table, "R3", "A").relatedness_density, 40);
  close(pick(t.table, "R5", "A").relatedness_density, 100);
  close(pick(t.table, "R1", "A").rd_threshold, 60); // median of (60, 60, 40, 40, 100)
  close(pick(t.table, "R1", "A").coherence, 60); // R1 present in A and B, both RD 60
  // R3 is present in C and D: RD(R3, C) = φ_DC/(5/3) = 60, likewise D → 60; R5 holds every sector → 100.
  close(pick(t.table, "R3", "A").coherence, 60);
  close(pick(t.table, "R5", "A").coherence, 100);
  // Edges φ > 0.5: A–B and C–D only → communities {A, B} = 1 and {C, D} = 2.
  assert.deepEqual([...t.communities.entries()], [["A", 1], ["B", 1], ["C", 2], ["D", 2]]);
  close(pick(t.table, "R1", "A").community_lq, (60 / 70) / 0.5);
  close(pick(t.table, "R5", "A").community_lq, 1);
  assert.equal(pick(t.table, "R5", "A").technological, true);
  assert.equal(pick(t.table, "R3", "A").technological, false);
});

Deno.test("identifyClusters(): decision rule and bilingual labels", () => {
  const t = identifyClusters(x, { lang: "zh" });
  const r1 = pick(t.table, "R1", "A");
  assert.equal(r1.label_key, "innovation_cluster");
  assert.equal(r1.label, "创新集群");
  assert.equal(r1.label_en, "Innovation cluster");
  assert.equal(r1.unmeasured, "知识生产; 对外互动");
  assert.equal(pick(t.table, "R5", "A").label_key, "technological_community");
  assert.equal(pick(t.table, "R5", "A").label_zh, CLUSTER_LABELS.technological_community.zh);
  assert.equal(pick(t.table, "R3", "A").label_key, "not_cluster");
  const strict = identifyClusters(x, { unmeasured: "fail" });
  assert.equal(pick(strict.table, "R1", "A").label_key, "geographic_agglomeration");
  assert.equal(pick(strict.table, "R1", "A").failed, "knowledge production; external interaction");
});

Deno.test("identifyClusters(): knowledge index and knowledge matrix", () => {
  const byIndex = identifyClusters(x, { knowledgeIndex: { R1: 1.5, R2: 0.5, R3: 1, R4: 1, R5: 1 } });
  assert.equal(pick(byIndex.table, "R1", "A").label_key, "innovation_cluster");
  assert.equal(pick(byIndex.table, "R2", "A").label_key, "geographic_agglomeration");
  assert.equal(pick(byIndex.table, "R2", "A").failed, "knowledge production");
  assert.equal(pick(byIndex.table, "R2", "A").knowledge_index_min, 1);
  assert.equal(pick(byIndex.table, "R2", "A").eco_min_stars, 2);
  assert.ok(!byIndex.table.columnNames().includes("knowledge_lq_min"));
  assert.ok(!byIndex.table.columnNames().includes("external_share_min"));
  // Patents only in R2's A: knowledge LQ of R2 A = (4/4)/(4/4) = 1, per worker 4/20.
  const k = matrixFrom([[0, 0, 0, 0], [4, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]], {
    rows,
    cols,
  });
  const byMatrix = identifyClusters(x, { knowledge: k });
  close(pick(byMatrix.table, "R2", "A").knowledge_per_worker, 0.2);
  close(pick(byMatrix.table, "R2", "A").knowledge_lq, 1);
  assert.equal(pick(byMatrix.table, "R2", "A").label_key, "innovation_cluster");
  assert.equal(pick(byMatrix.table, "R1", "A").label_key, "geographic_agglomeration");
  assert.equal(
    pick(identifyClusters(x, { knowledge: k, thresholds: { knowledgeLQ: 0.5 } }).table, "R2", "A")
      .knowledge_lq_min,
    0.5,
  );
});

Deno.test("identifyClusters(): external share of ties (Bathelt et al. 2004)", () => {
  const ties = [
    { source: "R1", target: "R3", weight: 1 },
    { source: "R1", target: "R1", weight: 3 },
    { source: "Abroad", target: "R3", weight: 1 },
    { source: "X", target: "Y", weight: 1 },
  ];
  const t = identifyClusters(x, {
    ties,
    weight: "weight",
    thresholds: { externalShare: 0.3 },
  });
  close(pick(t.table, "R1", "A").external_share, 0.25);
  assert.equal(pick(t.table, "R1", "A").external_share_min, 0.3);
  close(pick(t.table, "R3", "A").external_share, 1);
  assert.equal(pick(t.table, "R1", "A").external, false);
  // Geographic, technological, knowledge skipped (unmeasured), closed: not "without knowledge production".
  assert.equal(pick(t.table, "R1", "A").label_key, "geographic_without_external");
  assert.equal(pick(t.table, "R1", "A").failed, "external interaction");
  assert.equal(pick(t.table, "R2", "A").external, null); // no ties: unmeasured, skipped
  assert.equal(pick(t.table, "R2", "A").label_key, "innovation_cluster");
  assert.match(t.warnings.join("\n"), /1 tie\(s\) with neither end/);
  assert.match(t.warnings.join("\n"), /3 region\(s\) without ties \(R2, R4, R5\)/);
});

Deno.test("identifyClusters(): long tables in, one row per region × sector, deterministic", () => {
  const long = x.toTable({ row: "region", col: "sector" });
  const a = identifyClusters(long), b = identifyClusters(x);
  assert.equal(a.table.numRows(), 20);
  assert.deepEqual(a.table.objects(), b.table.objects());
});

Deno.test("identifyClusters(): invalid thresholds, misaligned inputs and bad ties name the problem", () => {
  assert.throws(
    () => identifyClusters(x, { thresholds: { ecoSizeTop: 2, geographicRule: "any" as "eco" } }),
    (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.equal(
        e.message,
        "Invalid options of identifyClusters: 2 problems\n" +
          '  - column "thresholds.ecoSizeTop": expected a number in [0, 1], received 2\n' +
          '  - column "thresholds.geographicRule": expected "either", "both", "eco" or "us", received "any"',
      );
      return true;
    },
  );
  const k = matrixFrom([[1, 1, 1, 1]], { rows: ["R1"], cols });
  assert.throws(
    () => identifyClusters(x, { knowledge: k }),
    /row 2, column "knowledge": expected a row for region "R2", received none/,
  );
  assert.throws(
    () => identifyClusters(x, { ties: [{ source: "R1", target: "R2", w: -1 }], weight: "w" }),
    /row 1, column "w": expected a finite weight ≥ 0, received -1/,
  );
  const neg = matrixFrom([[1, -1]], { rows: ["R1"], cols: ["A", "B"] });
  assert.throws(() => identifyClusters(neg), ValidationError);
});

Deno.test("identifyClusters(): degenerate input (empty region, no network edges) warns instead of crashing", () => {
  const m = matrixFrom([[1, 1], [0, 0], [1, 1]], { rows: ["a", "b", "c"], cols: ["S", "T"] });
  const t = identifyClusters(m);
  assert.equal(t.table.numRows(), 6);
  const w = t.warnings.join("\n");
  assert.match(w, /all-zero row/);
  assert.match(w, /coherence undefined/);
  assert.equal(pick(t.table, "b", "S").label_key, "not_cluster");
});

// US Cluster Mapping levels (clustermapping/cmp, data/processing/cluster_calcs_reducer.js), by hand.
// Sector A is 20% of all employment (909 of 4545), so LQ = 5·a/r; Z fills each region up to its total r.
// R0 has no employment in A (only Z): it must stay out of every distribution. Over the 13 active regions
// (index (13 − 1)·p, exact at p = 0.25, 0.5, 0.75):
//   LQ sorted  0.25 0.5 0.6 0.75 0.8 1 1.25 1.5 1.6 2 3 3 5 → P25 = 0.75, P50 = 1.25, P75 = 2,
//              P90 at index 10.8 = 3 + 0.8·(3 − 3) = 3;
//   employment 10 20 30 40 51 … → P25 = 40 (R9); establishments 1 2 3 4 5 … → P25 = 4 (R11).
const usRegions = ["R0", "R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "R10", "R11", "R12", "R13"];
const usLQs = [0, 0.25, 0.5, 0.6, 0.75, 0.8, 1, 1.25, 1.5, 1.6, 2, 3, 3, 5];
const usEmpA = [0, 10, 20, 30, 51, 60, 70, 80, 90, 40, 100, 108, 120, 130];
const usTotal = [1325, 200, 200, 250, 340, 375, 350, 320, 300, 125, 250, 180, 200, 130];
const usEstA = [0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 4, 12, 13];
const usX = matrixFrom(usEmpA.map((a, i) => [a, usTotal[i]! - a]), { rows: usRegions, cols: ["A", "Z"] });
const usEst = matrixFrom(usEstA.map((e) => [e, 1]), { rows: usRegions, cols: ["A", "Z"] });
const usExpected: Record<string, string> = {
  R0: "none", // no employment
  R1: "none",
  R2: "none",
  R3: "none",
  R4: "none", // LQ 0.75 = P25: not > P25
  R5: "qualifying",
  R6: "qualifying",
  R7: "qualifying", // LQ 1.25 = P50: not > P50
  R8: "significant", // 1.25 < 1.5 < 2
  R9: "none", // LQ 1.6 but employment 40 = P25: not > P25
  R10: "strong", // LQ 2 = P75: ≥ P75; < P90 = 3
  R11: "none", // LQ 3 but establishments 4 = P25: not > P25
  R12: "strong10", // LQ 3 = P90: ≥ P90
  R13: "strong10",
};

Deno.test("identifyClusters(): US levels — quantiles over regions with employment > 0, by hand", () => {
  const t = identifyClusters(usX, { establishments: usEst });
  usRegions.forEach((r, i) => {
    if (i > 0) close(pick(t.table, r, "A").lq, usLQs[i]!, 1e-12);
  });
  const r = pick(t.table, "R5", "A");
  close(r.us_lq_p25, 0.75);
  close(r.us_lq_p50, 1.25);
  close(r.us_lq_p75, 2);
  close(r.us_lq_p90, 3);
  close(r.us_employment_p25, 40); // with R0 included it would be 32.5
  close(r.us_establishments_p25, 4); // with R0 included it would be 3.25
  const levels = Object.fromEntries(usRegions.map((reg) => [reg, pick(t.table, reg, "A").us_level]));
  assert.deepEqual(levels, usExpected);
  // Booleans per level: nested here (no ties between the LQ quantiles).
  const flags = (reg: string) => {
    const d = pick(t.table, reg, "A");
    return [d.us_qualifying, d.us_significant, d.us_strong, d.us_strong10];
  };
  assert.deepEqual(flags("R4"), [false, false, false, false]);
  assert.deepEqual(flags("R7"), [true, false, false, false]);
  assert.deepEqual(flags("R8"), [true, true, false, false]);
  assert.deepEqual(flags("R9"), [false, false, false, false]);
  assert.deepEqual(flags("R10"), [true, true, true, false]);
  assert.deepEqual(flags("R11"), [false, false, false, false]);
  assert.deepEqual(flags("R12"), [true, true, true, true]);
  assert.deepEqual(flags("R0"), [false, false, false, false]);
  assert.equal(pick(t.table, "R8", "A").us_level_label, "Significant cluster");
  const zh = identifyClusters(usX, { establishments: usEst, lang: "zh" });
  assert.equal(pick(zh.table, "R10", "A").us_level_label, "强集群");
  assert.equal(pick(zh.table, "R12", "A").us_level_label, US_CLUSTER_LEVELS.strong10.zh);
  assert.equal(pick(zh.table, "R1", "A").us_level_label, US_CLUSTER_LEVELS.none.zh);
});

Deno.test("identifyClusters(): US level that counts as geographic concentration is a parameter", () => {
  const geoOf = (level?: UsClusterLevel) => {
    const t = identifyClusters(usX, {
      establishments: usEst,
      thresholds: { geographicRule: "us", ...(level ? { usGeographicLevel: level } : {}) },
    });
    return usRegions.filter((r) => pick(t.table, r, "A").geographic === true);
  };
  assert.deepEqual(geoOf(), ["R10", "R12", "R13"]); // default: strong (or stricter)
  assert.deepEqual(geoOf("strong10"), ["R12", "R13"]);
  assert.deepEqual(geoOf("significant"), ["R8", "R10", "R12", "R13"]);
  assert.deepEqual(geoOf("qualifying"), ["R5", "R6", "R7", "R8", "R10", "R12", "R13"]);
});

Deno.test("identifyClusters(): US quantile levels are parameters", () => {
  const t = identifyClusters(usX, {
    establishments: usEst,
    thresholds: { usLQQuantile: 0.5, usSignificantLQQuantile: 0.25, usEmploymentQuantile: 0 },
  });
  // Strong at P50 = 1.25 (column us_lq_p75 holds the threshold used); significant at P25 = 0.75;
  // employment > P0 = 10 admits R9 (40).
  close(pick(t.table, "R1", "A").us_lq_p75, 1.25);
  close(pick(t.table, "R1", "A").us_lq_p50, 0.75);
  close(pick(t.table, "R1", "A").us_employment_p25, 10);
  assert.equal(pick(t.table, "R7", "A").us_level, "strong"); // 1.25 ≥ 1.25
  assert.equal(pick(t.table, "R5", "A").us_level, "significant"); // 0.8 > 0.75
  assert.equal(pick(t.table, "R9", "A").us_level, "strong"); // 1.6, employment 40 > 10
  assert.equal(pick(t.table, "R2", "A").us_level, "none"); // employment 20 > 10 but LQ 0.5 ≤ every threshold
  assert.deepEqual(t.thresholds.usLQQuantile, 0.5);
});

Deno.test("identifyClusters(): US levels are not nested when quantiles tie; LQ ≥ 1 is non-strict", () => {
  // Sector B is 25% of employment (300 of 1200): LQ = 4·b/r. Active LQ sorted (0.5, 1, 1, 1, 4):
  // P25 = P50 = P75 = 1, P90 = 1 + 0.6·3 = 2.8. Employment (10, 20, 30, 40, 200): P25 = 20 (S2);
  // establishments (1, 7, 6, 5, 8) → sorted (1, 5, 6, 7, 8): P25 = 5 (S4).
  const rowsB = ["S0", "S1", "S2", "S3", "S4", "S5"];
  const b = [0, 10, 20, 30, 40, 200], tot = [560, 80, 80, 120, 160, 200];
  const xb = matrixFrom(b.map((v, i) => [v, tot[i]! - v]), { rows: rowsB, cols: ["B", "Z"] });
  const eb = matrixFrom([0, 1, 7, 6, 5, 8].map((e) => [e, 1]), { rows: rowsB, cols: ["B", "Z"] });
  const t = identifyClusters(xb, { establishments: eb });
  const d = (r: string) => pick(t.table, r, "B");
  assert.equal(d("S3").lq, 1); // exactly 1
  assert.equal(d("S3").us_lq_p25, 1);
  assert.equal(d("S3").us_lq_p50, 1);
  assert.equal(d("S3").us_lq_p75, 1);
  close(d("S3").us_lq_p90, 2.8);
  // S3: LQ 1 ≥ P75 = 1 and ≥ 1 → strong; but 1 > P50 = 1 is false → not significant, not qualifying.
  assert.deepEqual([d("S3").us_qualifying, d("S3").us_significant, d("S3").us_strong, d("S3").us_strong10], [
    false,
    false,
    true,
    false,
  ]);
  assert.equal(d("S3").us_level, "strong");
  assert.equal(d("S2").us_level, "none"); // employment 20 = P25
  assert.equal(d("S4").us_level, "none"); // establishments 5 = P25
  assert.equal(d("S5").us_level, "strong10");
  assert.equal(d("S1").us_level, "none");
  // LQ ≥ usMinLQ is non-strict: just above 1 removes S3.
  const strict = identifyClusters(xb, { establishments: eb, thresholds: { usMinLQ: 1 + 1e-9 } });
  assert.equal(pick(strict.table, "S3", "B").us_level, "none");
});

Deno.test("identifyClusters(): LQ ≥ 1 binds when P75 < 1; without establishments the criterion is dropped", () => {
  // Sector C is 10% of employment (606 of 6060): LQ = 10·c/r. Active LQ sorted (0.2, 0.3, 0.5, 0.9, 10):
  // P25 = 0.3, P50 = 0.5, P75 = 0.9, P90 = 0.9 + 0.6·9.1 = 6.36; employment (10, 21, 30, 45, 500): P25 = 21.
  const rowsC = ["U0", "U1", "U2", "U3", "U4", "U5"];
  const c = [0, 10, 21, 30, 45, 500], tot = [3260, 500, 700, 600, 500, 500];
  const xc = matrixFrom(c.map((v, i) => [v, tot[i]! - v]), { rows: rowsC, cols: ["C", "Z"] });
  const t = identifyClusters(xc);
  const d = (r: string) => pick(t.table, r, "C");
  close(d("U4").lq, 0.9);
  close(d("U4").us_lq_p75, 0.9);
  close(d("U4").us_lq_p90, 6.36);
  close(d("U4").us_employment_p25, 21);
  // U4: LQ 0.9 ≥ P75 but < 1 → not strong; 0.9 > P50 → significant.
  assert.equal(d("U4").us_strong, false);
  assert.equal(d("U4").us_level, "significant");
  assert.equal(d("U3").us_level, "qualifying"); // 0.5 > 0.3, = P50
  assert.equal(d("U2").us_level, "none"); // employment 21 = P25 (and LQ 0.3 = P25)
  assert.equal(d("U5").us_level, "strong10");
  assert.ok(!t.table.columnNames().includes("us_establishments_p25"));
  assert.match(t.warnings.join("\n"), /without its establishments criterion/);
  // strong10 asks LQ ≥ 1 too: with its quantile at 0.75 the threshold is 0.9 and U4 still fails.
  const t10 = identifyClusters(xc, { thresholds: { usStrong10LQQuantile: 0.75 } });
  close(pick(t10.table, "U4", "C").us_lq_p90, 0.9);
  assert.equal(pick(t10.table, "U4", "C").us_strong10, false);
  assert.equal(pick(t10.table, "U5", "C").us_strong10, true);
});

Deno.test("identifyClusters(): a sector without employment has undefined US thresholds and a warning", () => {
  const m = matrixFrom([[5, 0], [10, 0]], { rows: ["a", "b"], cols: ["S", "T"] });
  const t = identifyClusters(m);
  assert.ok(Number.isNaN(pick(t.table, "a", "T").us_lq_p75 as number));
  assert.equal(pick(t.table, "a", "T").us_level, "none");
  assert.match(t.warnings.join("\n"), /1 sector\(s\) without employment in any region \(T\)/);
});

Deno.test("identifyClusters(): invalid US level parameters name the problem", () => {
  assert.throws(
    () =>
      identifyClusters(x, {
        thresholds: { usGeographicLevel: "weak" as "strong", usQualifyingLQQuantile: 1.5 },
      }),
    (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.match(
        e.message,
        /column "thresholds\.usQualifyingLQQuantile": expected a number in \[0, 1\], received 1\.5/,
      );
      assert.match(
        e.message,
        /column "thresholds\.usGeographicLevel": expected "strong10", "strong", "significant" or "qualifying", received "weak"/,
      );
      return true;
    },
  );
});

// What each label asserts about the criteria (read off its wording, independently of the rule):
// true = the label says the criterion is met, false = says it is missing; absent = says nothing.
const CLAIMS: Record<ClusterLabelKey, Partial<ClusterCriteria>> = {
  innovation_cluster: { geographic: true, technological: true, knowledge: true, external: true },
  geographic_agglomeration: { geographic: true, knowledge: false },
  geographic_without_technology: { geographic: true, technological: false },
  geographic_without_external: { geographic: true, external: false },
  technological_community: { geographic: false, technological: true },
  not_cluster: { geographic: false, technological: false },
};
const holds = (key: ClusterLabelKey, c: ClusterCriteria) =>
  Object.entries(CLAIMS[key]).every(([k, v]) => c[k as keyof ClusterCriteria] === v);

Deno.test("clusterLabelKey(): every row of the truth table, and every label is true of its row", () => {
  // G T K E → key, the 16 rows of the doc comment's truth table written out.
  const table: [number, number, number, number, ClusterLabelKey][] = [
    [1, 1, 1, 1, "innovation_cluster"],
    [1, 1, 1, 0, "geographic_without_external"],
    [1, 1, 0, 1, "geographic_agglomeration"],
    [1, 1, 0, 0, "geographic_agglomeration"],
    [1, 0, 1, 1, "geographic_without_technology"],
    [1, 0, 1, 0, "geographic_without_technology"],
    [1, 0, 0, 1, "geographic_agglomeration"],
    [1, 0, 0, 0, "geographic_agglomeration"],
    [0, 1, 1, 1, "technological_community"],
    [0, 1, 1, 0, "technological_community"],
    [0, 1, 0, 1, "technological_community"],
    [0, 1, 0, 0, "technological_community"],
    [0, 0, 1, 1, "not_cluster"],
    [0, 0, 1, 0, "not_cluster"],
    [0, 0, 0, 1, "not_cluster"],
    [0, 0, 0, 0, "not_cluster"],
  ];
  const seen = new Set<string>();
  for (const [g, t, k, e, want] of table) {
    const c = { geographic: g === 1, technological: t === 1, knowledge: k === 1, external: e === 1 };
    seen.add(`${g}${t}${k}${e}`);
    assert.equal(clusterLabelKey(c), want, `G${g} T${t} K${k} E${e}`);
    assert.ok(holds(want, c), `label ${want} is not true of G${g} T${t} K${k} E${e}`);
  }
  assert.equal(seen.size, 16);
  // Every key is used by some row, has both languages and a place in the order.
  assert.deepEqual(new Set(table.map((r) => r[4])), new Set(CLUSTER_LABEL_ORDER));
  assert.deepEqual(new Set(Object.keys(CLUSTER_LABELS)), new Set(CLUSTER_LABEL_ORDER));
  assert.equal(
    CLUSTER_LABELS.geographic_without_technology.en,
    "Geographic agglomeration without technological relatedness",
  );
  assert.equal(CLUSTER_LABELS.geographic_without_technology.zh, "地理集聚但缺乏技术关联");
  assert.equal(CLUSTER_LABELS.geographic_without_external.zh, "地理集聚但缺乏对外互动");
});

Deno.test("clusterLabelKey(): criteria that are not booleans are a ValidationError naming them", () => {
  assert.throws(
    () =>
      clusterLabelKey({ geographic: true, technological: null, knowledge: 1 } as unknown as ClusterCriteria),
    (e: unknown) =>
      e instanceof ValidationError &&
      e.message.includes('column "technological": expected true or false, received null') &&
      e.message.includes('column "knowledge": expected true or false, received 1') &&
      e.message.includes('column "external": expected true or false, received undefined'),
  );
});

Deno.test("identifyClusters(): the new labels in data, and every label true of its row's criteria", () => {
  // communityLQ 1.65 makes R2 and R4 (community LQ 1.6) fail the technological criterion while they stay
  // geographic (US strong). Knowledge index: only R4 below 1. Ties: R1 only inside, R2 abroad, R3–R4.
  const t = identifyClusters(x, {
    thresholds: { communityLQ: 1.65 },
    knowledgeIndex: { R1: 1, R2: 1, R3: 1, R4: 0.5, R5: 1 },
    ties: [{ source: "R1", target: "R1" }, { source: "R2", target: "X" }, { source: "R3", target: "R4" }],
    lang: "zh",
  });
  const r2 = pick(t.table, "R2", "A");
  assert.deepEqual([r2.geographic, r2.technological, r2.knowledge, r2.external], [true, false, true, true]);
  assert.equal(r2.label_key, "geographic_without_technology");
  assert.equal(r2.label, "地理集聚但缺乏技术关联");
  assert.equal(r2.label_en, "Geographic agglomeration without technological relatedness");
  assert.equal(r2.failed, "技术关联");
  assert.equal(pick(t.table, "R1", "A").label_key, "geographic_without_external");
  assert.equal(pick(t.table, "R1", "A").failed, "对外互动");
  assert.equal(pick(t.table, "R3", "C").label_key, "innovation_cluster");
  const r4 = pick(t.table, "R4", "C"); // geographic, neither technological nor knowledge-producing
  assert.equal(r4.label_key, "geographic_agglomeration");
  assert.equal(r4.failed, "技术关联; 知识生产");
  assert.equal(pick(t.table, "R5", "A").label_key, "not_cluster");
  for (const r of t.table.objects() as Row[]) {
    const c = {
      geographic: r.geographic as boolean,
      technological: r.technological as boolean,
      knowledge: r.knowledge !== false, // null = unmeasured, skipped
      external: r.external !== false,
    };
    assert.ok(holds(r.label_key as ClusterLabelKey, c), `${r.region} ${r.sector}: ${r.label_key}`);
  }
});

Deno.test("identifyClusters(): establishments are aligned by label (reversed order), sector by sector", () => {
  // Establishments e_rs = (r + 1) + 10·s for region index r and sector index s (A = 0 … D = 3), given with
  // rows and columns in reverse order. Every region employs in every sector, so P25 over 5 values is the
  // 2nd smallest: A (1…5) → 2, B (11…15) → 12, C (21…25) → 22, D (31…35) → 32.
  const revRows = [...rows].reverse(), revCols = [...cols].reverse();
  const est = matrixFrom(
    revRows.map((r) => revCols.map((c) => rows.indexOf(r) + 1 + 10 * cols.indexOf(c))),
    { rows: revRows, cols: revCols },
  );
  const t = identifyClusters(x, { establishments: est });
  assert.deepEqual(cols.map((c) => pick(t.table, "R1", c).us_establishments_p25), [2, 12, 22, 32]);
  // R1 has the smallest count in every sector (1, 11, 21, 31): never > P25, so never a US cluster.
  assert.deepEqual(cols.map((c) => pick(t.table, "R1", c).us_level), ["none", "none", "none", "none"]);
  // R2 in A: 2 establishments = P25, not > P25 → none although LQ 1.6 is strong without the criterion.
  assert.equal(pick(t.table, "R2", "A").us_level, "none");
});

Deno.test("identifyClusters(): ECO size and focus stars include the quantile itself (ties at the top)", () => {
  // A: (30, 30, 10, 5, 5) sorted (5, 5, 10, 30, 30): P90 at index 3.6 → 30 + 0.6·0 = 30, so R1 and R2,
  // exactly at the threshold, get the size star (x ≥ P90). Region totals (60, 60, 50, 50, 50) give A's
  // shares (0.5, 0.5, 0.2, 0.1, 0.1): P90 = 0.5, and R1, R2 get the focus star too.
  const tie = matrixFrom([[30, 30], [30, 30], [10, 40], [5, 45], [5, 45]], { rows, cols: ["A", "B"] });
  const t = identifyClusters(tie);
  assert.equal(pick(t.table, "R1", "A").eco_size_threshold, 30);
  assert.equal(pick(t.table, "R1", "A").eco_focus_threshold, 0.5);
  for (const r of ["R1", "R2"]) {
    assert.equal(pick(t.table, r, "A").eco_size, true, r);
    assert.equal(pick(t.table, r, "A").eco_focus, true, r);
  }
  assert.equal(pick(t.table, "R3", "A").eco_size, false);
  assert.equal(pick(t.table, "R3", "A").eco_focus, false);
});

Deno.test("identifyClusters(): tie columns source, target, weight are flat options; weight by default", () => {
  // R1's ties: R1–R3 (weight 1), inside R1 (weight 3): external share 1/4 with weights, 1/2 without
  const ties = [{ a: "R1", b: "R3", w: 1 }, { a: "R1", b: "R1", w: 3 }];
  const share = (o: Parameters<typeof identifyClusters>[1]) =>
    pick(identifyClusters(x, o).table, "R1", "A").external_share;
  close(share({ ties, source: "a", target: "b", weight: "w" }), 0.25);
  close(share({ ties, source: "a", target: "b" }), 0.5); // no "weight" column: every tie weighs 1
  const named = ties.map(({ a, b, w }) => ({ source: a, target: b, weight: w }));
  close(share({ ties: named }), 0.25); // the TIES column names need no options
  assert.throws(
    () => identifyClusters(x, { ties, source: "a" }),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "target",
  );
});

Deno.test("identifyClusters() returns { table, warnings, thresholds, communities, modularity }, nothing attached", () => {
  const r = identifyClusters(x);
  assert.deepEqual(Object.keys(r).sort(), ["communities", "modularity", "table", "thresholds", "warnings"]);
  assert.equal("warnings" in r.table, false);
  assert.equal(r.thresholds.ecoMinStars, 2);
  // an arquero verb keeps every row and column: there is nothing on the table to lose
  assert.equal(r.table.filter(() => true).numRows(), 20);
});

Deno.test("identifyClusters(): the 0.1 tieColumns equals the options source, target, weight", () => {
  const ties = [
    { a: "R1", b: "R3", w: 1 },
    { a: "R1", b: "R1", w: 3 },
    { a: "Abroad", b: "R3", w: 2 },
  ];
  const v01 = identifyClusters(x, { ties, tieColumns: { source: "a", target: "b", weight: "w" } });
  const today = identifyClusters(x, { ties, source: "a", target: "b", weight: "w" });
  assert.deepEqual(v01.table.objects(), today.table.objects());
  assert.deepEqual(v01.warnings, today.warnings);
  close(pick(v01.table, "R1", "A").external_share, 0.25);
  assert.throws(
    () => identifyClusters(x, { ties, weight: "w", tieColumns: { source: "a", target: "b", weight: "w" } }),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "tieColumns.weight",
  );
});

Deno.test("identifyClusters on a long table passes on the zero-fill warning of its reading", () => {
  const long = [
    { region: "A", sector: "s", value: 3 },
    { region: "A", sector: "t", value: 1 },
    { region: "B", sector: "s", value: 1 },
  ];
  const { warnings } = identifyClusters(long);
  assert.match(
    warnings[0]!,
    /^1 of 4 region × sector cells are absent from the input and set to 0: \("B", "t"\)/,
  );
  assert.throws(() => identifyClusters(long, { missing: "error" }), /1 region × sector pair absent/);
});
