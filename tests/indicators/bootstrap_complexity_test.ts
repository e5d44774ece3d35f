import assert from "node:assert/strict";
import { bootstrapComplexity } from "../../src/indicators/bootstrap_complexity.ts";
import { complexity } from "../../src/indicators/complexity.ts";
import { locationQuotient } from "../../src/indicators/location_quotient.ts";
import { matrixFrom } from "../../src/indicators/matrix.ts";
import { presence } from "../../src/indicators/presence.ts";
import { loadDataset } from "../../src/data/datasets.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

const nsf = (await loadDataset("nsf-patents")).filter((d: { series: string; year: number }) =>
  d.series === "IPF" && d.year === 2020
);
const X = matrixFrom(nsf, { region: "economy", sector: "field", value: "patents" });
const all = presence(locationQuotient(X)); // 36 economies: Puerto Rico's few fields are often not drawn
// the economies with at least 1,000 patent families in 2020 (as course lesson 3): scored in every replicate
const big = X.rows.filter((_, i) => X.rowSums()[i]! >= 1000);
const M = presence(
  locationQuotient(
    matrixFrom((nsf.objects() as { economy: string }[]).filter((d) => big.includes(d.economy)), {
      region: "economy",
      sector: "field",
      value: "patents",
    }),
  ),
);

/** R's quantile type 7, written independently: x_(⌊h⌋+1) + (h − ⌊h⌋)(x_(⌊h⌋+2) − x_(⌊h⌋+1)), h = (m − 1)p. */
function type7(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * p, j = Math.floor(h);
  return j + 1 < s.length ? s[j]! * (1 - (h - j)) + s[j + 1]! * (h - j) : s[j]!;
}
const near = (a: number, b: number, what: string) =>
  assert.ok(Math.abs(a - b) < 1e-12, `${what}: ${a} vs ${b}`);

Deno.test("bootstrapComplexity: the estimate is complexity(), intervals are percentiles of the replicates", () => {
  const B = 300, level = 0.9;
  const b = bootstrapComplexity(M, { replicates: B, seed: 3, level });
  const c = complexity(M);
  assert.deepEqual(b.regions.array("eci"), Array.from(c.eci.values));
  assert.deepEqual(b.sectors.array("pci"), Array.from(c.pci.values));
  assert.deepEqual(b.regions.columnNames(), [
    "region",
    "eci",
    "lower",
    "upper",
    "rank",
    "rank_lower",
    "rank_upper",
    "replicates",
  ]);
  const rows = b.regions.objects() as Record<string, number>[];
  rows.forEach((r, u) => {
    const v = Array.from(b.samples.regions.subarray(u * B, (u + 1) * B)).filter((x) => !Number.isNaN(x));
    assert.equal(r.replicates, v.length);
    near(r.lower!, type7(v, 0.05), `lower ${u}`);
    near(r.upper!, type7(v, 0.95), `upper ${u}`);
  });
  // ranks: 1 = highest; the estimate's rank is the order of the ECI
  const byEci = [...c.eci.labels].sort((x, y) => c.eci.get(y) - c.eci.get(x));
  rows.forEach((r) => assert.equal(r.rank, byEci.indexOf(r.region as unknown as string) + 1));
  // the rank interval: percentiles of the ranks of each replicate (every region is scored, sectors resampled)
  const col = (b: number) => rows.map((_, u) => b0(u, b));
  const b0 = (u: number, r: number) => b.samples.regions[u * B + r]!;
  const rankIn = (r: number) => {
    const v = col(r);
    return v.map((x) => 1 + v.filter((y) => y > x).length + (v.filter((y) => y === x).length - 1) / 2);
  };
  const ranks = Array.from({ length: B }, (_, r) => rankIn(r));
  assert.ok(rows.every((r) => r.replicates === B));
  rows.forEach((r, u) => {
    near(r.rank_lower!, type7(ranks.map((x) => x[u]!), 0.05), `rank_lower ${u}`);
    near(r.rank_upper!, type7(ranks.map((x) => x[u]!), 0.95), `rank_upper ${u}`);
  });
});

Deno.test("bootstrapComplexity: seeded and reproducible; sectors drawn with replacement (≈ 63 % per replicate)", () => {
  const a = bootstrapComplexity(M, { replicates: 400, seed: 11 });
  const again = bootstrapComplexity(M, { replicates: 400, seed: 11 });
  assert.deepEqual(again.regions.objects(), a.regions.objects());
  assert.deepEqual(again.samples.sectors, a.samples.sectors);
  assert.notDeepEqual(
    bootstrapComplexity(M, { replicates: 400, seed: 12 }).regions.objects(),
    a.regions.objects(),
  );
  // each sector is in a replicate with probability 1 − (1 − 1/35)^35 ≈ 0.640
  const drawn = (a.sectors.array("replicates") as number[]).reduce((s, v) => s + v, 0) / (35 * 400);
  assert.ok(Math.abs(drawn - (1 - (34 / 35) ** 35)) < 0.02, `${drawn}`);
  assert.ok((a.regions.array("replicates") as number[]).every((v) => v <= 400));
  assert.equal(a.resample, "sectors");
});

Deno.test("bootstrapComplexity: a duplicated sector gets one score (the copies' eigenvector entries are equal)", () => {
  // the design the resampling relies on: duplicating a column is weighting it, its copies share K_s
  const X = matrixFrom([[1, 1, 0, 1], [1, 0, 1, 0], [0, 1, 1, 1], [1, 1, 1, 0], [0, 0, 1, 1]], {
    regions: ["A", "B", "C", "D", "E"],
    sectors: ["s", "t", "u", "v"],
  });
  const twice = matrixFrom(X.toArrays().map((r) => [...r, r[1]!]), {
    regions: X.rows,
    sectors: ["s", "t", "u", "v", "t2"],
  });
  const c = complexity(twice);
  near(c.pci.values[1]!, c.pci.values[4]!, "the two copies of t");
});

Deno.test("bootstrapComplexity: signs aligned with the estimate by default; 'none' keeps the diversity rule", () => {
  const B = 200;
  const aligned = bootstrapComplexity(M, { replicates: B, seed: 5 });
  const free = bootstrapComplexity(M, { replicates: B, seed: 5, align: "none" });
  const est = Array.from(complexity(M).eci.values);
  const corr = (s: Float64Array, r: number) => {
    const x = est.map((_, u) => s[u * B + r]!), mx = x.reduce((a, b) => a + b) / x.length;
    const me = est.reduce((a, b) => a + b) / est.length;
    return x.reduce((a, v, u) => a + (v - mx) * (est[u]! - me), 0);
  };
  let negative = 0;
  for (let r = 0; r < B; r++) {
    assert.ok(corr(aligned.samples.regions, r) >= 0, `replicate ${r} aligned`);
    if (corr(free.samples.regions, r) < 0) negative++;
  }
  assert.ok(negative > 0, "with 35 fields the diversity rule flips some replicates");
  assert.ok(
    aligned.warnings.some((w) =>
      new RegExp(`in ${negative} of ${B} replicates the sign was flipped`).test(w)
    ),
  );
});

Deno.test("bootstrapComplexity: resampling regions; rank intervals on the full scale 1 … n", () => {
  const b = bootstrapComplexity(all, { replicates: 200, seed: 2, resample: "regions" });
  assert.equal(b.resample, "regions");
  const n = all.nrow;
  for (const r of b.regions.objects() as Record<string, number>[]) {
    assert.ok(r.rank_lower! >= 1 && r.rank_upper! <= n && r.rank_lower! <= r.rank_upper!);
    assert.ok(r.replicates! < 200); // some replicates leave each region out
  }
  // a sector has no score only when none of its holders is drawn
  const u = Array.from(complexity(all).ubiquity.values), got = b.sectors.array("replicates") as number[];
  got.forEach((v, j) => assert.ok(u[j]! >= 4 ? v >= 190 : v <= 200, `${j}: ubiquity ${u[j]}, ${v}`));
  // Puerto Rico, with few fields, is often left without presence when sectors are resampled
  const pr = bootstrapComplexity(all, { replicates: 200, seed: 2 }).regions.objects()
    .find((r) => (r as { region: string }).region === "Puerto Rico") as { replicates: number };
  assert.ok(pr.replicates < 200);
});

Deno.test("bootstrapComplexity: a warning when λ₂ and λ₃ are close (rank instability)", () => {
  const b = bootstrapComplexity(M, { replicates: 20, seed: 1 });
  const [, l2, l3] = complexity(M).eigenvalues!;
  near(b.eigengap, (l2! - l3!) / l2!, "relative gap");
  assert.ok((l2! - l3!) / l2! > 0.1 && !b.warnings.some((w) => /are close/.test(w)));
  const strict = bootstrapComplexity(M, { replicates: 20, seed: 1, gap: 0.5 });
  const shown = `λ₂ = ${l2!.toPrecision(4)} and λ₃ = ${l3!.toPrecision(4)} are close (relative gap ${
    ((l2! - l3!) / l2!).toPrecision(2)
  } < 0.5)`;
  assert.ok(strict.warnings.some((w) => w.startsWith(shown)), strict.warnings.join("; "));
  // a symmetric (circulant) design: λ₂ = λ₃ exactly
  const ring = matrixFrom([[1, 1, 0], [0, 1, 1], [1, 0, 1]], {
    regions: ["A", "B", "C"],
    sectors: ["x", "y", "z"],
  });
  const r = bootstrapComplexity(ring, { replicates: 20, seed: 1 });
  assert.ok(r.warnings.some((w) => /are close/.test(w)), r.warnings.join("; "));
});

Deno.test("bootstrapComplexity: options are validated", () => {
  for (
    const bad of [{ replicates: 1 }, { level: 1 }, { level: 0 }, { resample: "cells" }, { seed: -1 }, {
      align: "x",
    }]
  ) {
    assert.throws(() => bootstrapComplexity(M, bad as never), ValidationError, JSON.stringify(bad));
  }
  assert.throws(() => bootstrapComplexity(matrixFrom([[2]], { regions: ["A"], sectors: ["s"] })), /0 or 1/);
});
