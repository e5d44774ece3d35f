import assert from "node:assert/strict";
import { CLUSTER_LABELS, identifyClusters } from "../../src/classify/identify_clusters.ts";
import { matrixFrom } from "../../src/indicators/matrix.ts";
import { ValidationError } from "../../src/data/validation_error.ts";

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
  const r1 = pick(t, "R1", "A");
  // Employment of A sorted (5, 5, 10, 20, 30): P90 at index 3.6 → 20 + 0.6·10 = 26.
  close(r1.eco_size_threshold, 26);
  assert.equal(r1.eco_size, true);
  close(r1.lq, 12 / 7);
  assert.equal(r1.eco_specialisation, false); // 1.714 < 2
  // Shares sorted (1/14, 0.1, 0.25, 0.4, 3/7): P90 → 0.4 + 0.6·(3/7 − 0.4).
  close(r1.eco_focus_threshold, 0.4 + 0.6 * (3 / 7 - 0.4));
  assert.equal(r1.eco_focus, true);
  assert.equal(r1.eco_stars, 2);
  assert.equal(pick(t, "R2", "A").eco_stars, 0);
});

Deno.test("identifyClusters(): US Cluster Mapping rule by hand (LQ ≥ P75, employment > P25, LQ ≥ 1)", () => {
  const t = identifyClusters(x);
  const r2 = pick(t, "R2", "A");
  close(r2.us_lq_p75, 1.6); // LQ sorted (2/7, 0.4, 1, 1.6, 12/7): index 3
  close(r2.us_employment_p25, 5); // (5, 5, 10, 20, 30): index 1
  assert.equal(r2.us_strong, true);
  assert.equal(pick(t, "R1", "A").us_strong, true);
  assert.equal(pick(t, "R5", "A").us_strong, false); // LQ 1 < 1.6
  assert.equal(r2.geographic, true); // "either" rule: US strong although no ECO star
  assert.ok(!t.columnNames().includes("us_establishments_p25"));
  assert.match(t.warnings.join("\n"), /without its establishments criterion/);
});

Deno.test("identifyClusters(): establishments criterion (> P25) removes a strong cluster", () => {
  const est = matrixFrom([[10, 1, 1, 1], [1, 1, 1, 1], [2, 1, 1, 1], [2, 1, 1, 1], [3, 1, 1, 1]], {
    rows,
    cols,
  });
  const t = identifyClusters(x, { establishments: est });
  const r2 = pick(t, "R2", "A");
  close(r2.us_establishments_p25, 2); // (1, 2, 2, 3, 10): index 1
  assert.equal(r2.us_strong, false); // 1 establishment is not > 2
  assert.equal(r2.label_key, "technological_community");
  assert.equal(pick(t, "R1", "A").us_strong, true);
});

Deno.test("identifyClusters(): relatedness density, coherence and proximity communities by hand", () => {
  const t = identifyClusters(x);
  // RD of A: Σ_j φ_jA = 1 + 1/3 + 1/3 = 5/3. R1 holds B → 100·1/(5/3) = 60; R3 holds C, D → 40; R5 all → 100.
  close(pick(t, "R1", "A").relatedness_density, 60);
  close(pick(t, "R3", "A").relatedness_density, 40);
  close(pick(t, "R5", "A").relatedness_density, 100);
  close(pick(t, "R1", "A").rd_threshold, 60); // median of (60, 60, 40, 40, 100)
  close(pick(t, "R1", "A").coherence, 60); // R1 present in A and B, both RD 60
  // Edges φ > 0.5: A–B and C–D only → communities {A, B} = 1 and {C, D} = 2.
  assert.deepEqual([...t.communities.entries()], [["A", 1], ["B", 1], ["C", 2], ["D", 2]]);
  close(pick(t, "R1", "A").community_lq, (60 / 70) / 0.5);
  close(pick(t, "R5", "A").community_lq, 1);
  assert.equal(pick(t, "R5", "A").technological, true);
  assert.equal(pick(t, "R3", "A").technological, false);
});

Deno.test("identifyClusters(): decision rule and bilingual labels", () => {
  const t = identifyClusters(x, { lang: "zh" });
  const r1 = pick(t, "R1", "A");
  assert.equal(r1.label_key, "innovation_cluster");
  assert.equal(r1.label, "创新集群");
  assert.equal(r1.label_en, "Innovation cluster");
  assert.equal(r1.unmeasured, "知识生产; 对外互动");
  assert.equal(pick(t, "R5", "A").label_key, "technological_community");
  assert.equal(pick(t, "R5", "A").label_zh, CLUSTER_LABELS.technological_community.zh);
  assert.equal(pick(t, "R3", "A").label_key, "not_cluster");
  const strict = identifyClusters(x, { unmeasured: "fail" });
  assert.equal(pick(strict, "R1", "A").label_key, "geographic_agglomeration");
  assert.equal(pick(strict, "R1", "A").failed, "knowledge production; external interaction");
});

Deno.test("identifyClusters(): knowledge index and knowledge matrix", () => {
  const byIndex = identifyClusters(x, { knowledgeIndex: { R1: 1.5, R2: 0.5, R3: 1, R4: 1, R5: 1 } });
  assert.equal(pick(byIndex, "R1", "A").label_key, "innovation_cluster");
  assert.equal(pick(byIndex, "R2", "A").label_key, "geographic_agglomeration");
  assert.equal(pick(byIndex, "R2", "A").failed, "knowledge production");
  // Patents only in R2's A: knowledge LQ of R2 A = (4/4)/(4/4) = 1, per worker 4/20.
  const k = matrixFrom([[0, 0, 0, 0], [4, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]], {
    rows,
    cols,
  });
  const byMatrix = identifyClusters(x, { knowledge: k });
  close(pick(byMatrix, "R2", "A").knowledge_per_worker, 0.2);
  close(pick(byMatrix, "R2", "A").knowledge_lq, 1);
  assert.equal(pick(byMatrix, "R2", "A").label_key, "innovation_cluster");
  assert.equal(pick(byMatrix, "R1", "A").label_key, "geographic_agglomeration");
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
    tieColumns: { weight: "weight" },
    thresholds: { externalShare: 0.3 },
  });
  close(pick(t, "R1", "A").external_share, 0.25);
  close(pick(t, "R3", "A").external_share, 1);
  assert.equal(pick(t, "R1", "A").external, false);
  assert.equal(pick(t, "R1", "A").label_key, "geographic_agglomeration");
  assert.equal(pick(t, "R2", "A").external, null); // no ties: unmeasured, skipped
  assert.equal(pick(t, "R2", "A").label_key, "innovation_cluster");
  assert.match(t.warnings.join("\n"), /1 tie\(s\) with neither end/);
  assert.match(t.warnings.join("\n"), /3 region\(s\) without ties \(R2, R4, R5\)/);
});

Deno.test("identifyClusters(): long tables in, one row per region × sector, deterministic", () => {
  const long = x.toTable({ row: "region", col: "sector" });
  const a = identifyClusters(long), b = identifyClusters(x);
  assert.equal(a.numRows(), 20);
  assert.deepEqual(a.objects(), b.objects());
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
    () => identifyClusters(x, { ties: [{ source: "R1", target: "R2", w: -1 }], tieColumns: { weight: "w" } }),
    /row 1, column "w": expected a finite weight ≥ 0, received -1/,
  );
  const neg = matrixFrom([[1, -1]], { rows: ["R1"], cols: ["A", "B"] });
  assert.throws(() => identifyClusters(neg), ValidationError);
});

Deno.test("identifyClusters(): degenerate input (empty region, no network edges) warns instead of crashing", () => {
  const m = matrixFrom([[1, 1], [0, 0], [1, 1]], { rows: ["a", "b", "c"], cols: ["S", "T"] });
  const t = identifyClusters(m);
  assert.equal(t.numRows(), 6);
  const w = t.warnings.join("\n");
  assert.match(w, /all-zero row/);
  assert.match(w, /coherence undefined/);
  assert.equal(pick(t, "b", "S").label_key, "not_cluster");
});
