/** What notebooks/08-relatedness-over-time states, recomputed with library calls and read from its outputs. */
import assert from "node:assert/strict";
import {
  bootstrapComplexity,
  complexityPanel,
  entryExit,
  loadDataset,
  locationQuotient,
  matrixFrom,
  presence,
  relatednessEntry,
} from "clusterlab";
import type { RelatednessEntryOptions } from "clusterlab/types";
import { approx, executed, num, proseTest, rowWhere, shows, stated } from "./prose.ts";

const S = stated(import.meta.url, {
  economies: 36,
  fields: 35,
  pairs: 1260,
  atRisk1998: 734,
  entries1998: 132,
  entryRate1998: 18.0,
  incumbents1998: 526,
  exits1998: 146,
  exitRate1998: 27.8,
  atRisk2010: 748,
  entries2010: 133,
  entryRate2010: 17.8,
  incumbents2010: 512,
  exits2010: 153,
  exitRate2010: 29.9,
  densityEntry: 0.445,
  densityNoEntry: 0.384,
  densityStays: 0.561,
  densityExit: 0.518,
  positiveInEverySpecification: true,
  logit1998: 3.21,
  logitSe1998: 0.71,
  logit2010: 1.48,
  logitSe2010: 0.68,
  logitP2010: 0.03,
  aucPooled1998: 0.63,
  aucPooled2010: 0.56,
  fe1998: 10.39,
  feSe1998: 2.33,
  fe2010: 9.79,
  feSe2010: 2.42,
  aucFe1998: 0.84,
  aucFe2010: 0.82,
  nFe1998: 698,
  nFe2010: 660,
  lpm1998: 1.24,
  lpm2010: 1.17,
  pointsPerTenthOfDensity: 12,
  meanEntryRate: 18,
  korea1998: -2.57,
  korea2020: 0.09,
  japan1998: -1.91,
  japan2020: -0.53,
  germany1998: 0.11,
  germany2020: 0.63,
  china1998: 0.52,
  china2020: 0.39,
  chinaPeak: 1.39,
  chinaPeakYear: 2013,
  us1998: -0.88,
  us2020: -1.21,
  climbsFurthest: "South Korea",
  largestGap: 0.34,
  replicates: 1000,
  medianRankWidth: 21,
  narrowestRankWidth: 8,
  narrowest: ["Ireland", "Taiwan"],
  chinaRank: 19,
  chinaRankLower: 1,
  chinaRankUpper: 28,
  usRank: 30,
  usRankLower: 19,
  usRankUpper: 34,
  lambda2: 0.295,
  lambda3: 0.179,
  relativeGap: 0.39,
  flipped: 160,
});
const nb = () => executed("08-relatedness-over-time");
const COLUMNS = { region: "economy", sector: "field", value: "patents" } as const;
const ipf = loadDataset("nsf-patents").then((t) => t.filter((d: { series: string }) => d.series === "IPF"));
type Pair = { entry: number | null; exit: number | null; density: number };

proseTest("08 · 36 economies × 35 fields, 1,260 pairs; entries and exits of both periods", async () => {
  const shown = (await nb()).cell("cell-02").table()[0]!;
  assert.deepEqual([num(shown.economies), num(shown.fields)], [S.economies, S.fields]);
  const rows = (await nb()).cell("cell-04").table();
  for (
    const [from, to, atRisk, entries, rate, incumbents, exits, exitRate] of [
      [
        1998,
        2010,
        S.atRisk1998,
        S.entries1998,
        S.entryRate1998,
        S.incumbents1998,
        S.exits1998,
        S.exitRate1998,
      ],
      [
        2010,
        2020,
        S.atRisk2010,
        S.entries2010,
        S.entryRate2010,
        S.incumbents2010,
        S.exits2010,
        S.exitRate2010,
      ],
    ] as const
  ) {
    const t = (await entryExit(await ipf, { ...COLUMNS, from, to })).table.objects() as Pair[];
    assert.equal(t.length, S.pairs);
    const n = (f: (d: Pair) => boolean) => t.filter(f).length;
    assert.equal(n((d) => d.entry !== null), atRisk, `${from}: at risk`);
    assert.equal(n((d) => d.entry === 1), entries, `${from}: entries`);
    assert.equal((100 * entries / atRisk).toFixed(1), rate.toFixed(1), `${from}: entry rate`);
    assert.equal(n((d) => d.exit !== null), incumbents, `${from}: incumbents`);
    assert.equal(n((d) => d.exit === 1), exits, `${from}: exits`);
    assert.equal((100 * exits / incumbents).toFixed(1), exitRate.toFixed(1), `${from}: exit rate`);
    const row = rowWhere(rows, "period", `${from}→${to}`);
    assert.deepEqual([num(row.at_risk), num(row.entries), num(row.exits)], [atRisk, entries, exits]);
  }
});

proseTest(
  "08 · entries start from a higher density than non-entries; kept fields than left ones",
  async () => {
    const t = (await entryExit(await ipf, { ...COLUMNS, from: 1998, to: 2010 })).table.objects() as Pair[];
    const mean = (f: (d: Pair) => boolean) => {
      const v = t.filter(f).map((d) => d.density);
      return v.reduce((a, b) => a + b, 0) / v.length;
    };
    approx(mean((d) => d.entry === 1), S.densityEntry, 5e-4, "density of entries");
    approx(mean((d) => d.entry === 0), S.densityNoEntry, 5e-4, "density of non-entries");
    approx(mean((d) => d.exit === 0), S.densityStays, 5e-4, "density of kept fields");
    approx(mean((d) => d.exit === 1), S.densityExit, 5e-4, "density of left fields");
    const shown = (await nb()).cell("cell-05").table().filter((r) => r.period === "1998→2010");
    shows(rowWhere(shown, "outcome", "entry").mean_density, mean((d) => d.entry === 1));
  },
);

const FE = { fixedEffects: ["region", "sector"], cluster: "region" } as const;
async function fit(from: number, to: number, options: Partial<RelatednessEntryOptions> = {}) {
  const r = relatednessEntry(await ipf, { ...COLUMNS, from, to, ...options });
  const j = (r.coefficients.array("term") as string[]).indexOf("density");
  return {
    ...r,
    b: r.coefficients.get("estimate", j),
    se: r.coefficients.get("se", j),
    p: r.coefficients.get("p", j),
  };
}

type Fit = Awaited<ReturnType<typeof fit>>;

proseTest("08 · the density effect: pooled logit, logit with fixed effects (clustered), LPM", async () => {
  const fits: Awaited<ReturnType<typeof fit>>[] = [];
  for (const [from, to] of [[1998, 2010], [2010, 2020]] as const) {
    for (const options of [{}, FE, { ...FE, model: "lpm" as const }]) fits.push(await fit(from, to, options));
  }
  assert.equal(fits.every((f) => f.b > 0 && f.converged), S.positiveInEverySpecification);
  const [pooled98, fe98, lpm98, pooled10, fe10, lpm10] = fits as [Fit, Fit, Fit, Fit, Fit, Fit];
  const two = (x: number, stated: number, what: string) => approx(x, stated, 0.005, what);
  two(pooled98.b, S.logit1998, "pooled logit 1998");
  two(pooled98.se, S.logitSe1998, "its s.e.");
  two(pooled10.b, S.logit2010, "pooled logit 2010");
  two(pooled10.se, S.logitSe2010, "its s.e.");
  two(pooled10.p, S.logitP2010, "its p");
  two(pooled98.auc, S.aucPooled1998, "AUC pooled 1998");
  two(pooled10.auc, S.aucPooled2010, "AUC pooled 2010");
  two(fe98.b, S.fe1998, "logit with FE 1998");
  two(fe98.se, S.feSe1998, "its clustered s.e.");
  two(fe10.b, S.fe2010, "logit with FE 2010");
  two(fe10.se, S.feSe2010, "its clustered s.e.");
  two(fe98.auc, S.aucFe1998, "AUC with FE 1998");
  two(fe10.auc, S.aucFe2010, "AUC with FE 2010");
  assert.deepEqual([fe98.n, fe10.n], [S.nFe1998, S.nFe2010]);
  two(lpm98.b, S.lpm1998, "LPM 1998");
  two(lpm10.b, S.lpm2010, "LPM 2010");
  approx(
    Math.round(lpm98.b * 0.1 * 100),
    S.pointsPerTenthOfDensity,
    0.5,
    "percentage points per 0.1 density",
  );
  approx(Math.round(lpm10.b * 0.1 * 100), S.pointsPerTenthOfDensity, 0.5, "… in 2010 → 2020 too");
  approx(100 * S.entries1998 / S.atRisk1998, S.meanEntryRate, 0.5, "mean entry rate");
  // the table shows the same estimates
  const shown = (await nb()).cell("cell-07").table();
  assert.equal(shown.length, fits.length);
  shown.forEach((r, k) => {
    shows(r.density, fits[k]!.b, `shown estimate ${k}`);
    shows(r.auc, fits[k]!.auc, `shown AUC ${k}`);
  });
});

proseTest(
  "08 · complexity over time on the pooled scale: levels of five economies, 1998 and 2020",
  async () => {
    const p = complexityPanel(await ipf, { ...COLUMNS, standardise: "pooled" });
    const rows = p.regions.objects() as { region: string; year: number; eci: number }[];
    const at = (e: string, y: number) => rows.find((d) => d.region === e && d.year === y)!.eci;
    const two = (x: number, stated: number, what: string) => approx(x, stated, 0.005, what);
    for (
      const [e, a, b] of [
        ["South Korea", S.korea1998, S.korea2020],
        ["Japan", S.japan1998, S.japan2020],
        ["Germany", S.germany1998, S.germany2020],
        ["China", S.china1998, S.china2020],
        ["United States", S.us1998, S.us2020],
      ] as const
    ) {
      two(at(e, 1998), a, `${e} 1998`);
      two(at(e, 2020), b, `${e} 2020`);
    }
    const watch = ["China", "United States", "Japan", "South Korea", "Germany"];
    const rise = (e: string) => at(e, 2020) - at(e, 1998);
    assert.equal([...watch].sort((a, b) => rise(b) - rise(a))[0], S.climbsFurthest);
    const china = rows.filter((d) => d.region === "China").reduce((a, b) => (b.eci > a.eci ? b : a));
    two(china.eci, S.chinaPeak, "China's peak");
    assert.equal(china.year, S.chinaPeakYear);
    // the table shows the pooled levels
    const shown = rowWhere((await nb()).cell("cell-10").table(), "region", "South Korea");
    shows(shown["1998"], at("South Korea", 1998));
    // the pooled scale against the year-by-year z-scores
    const y = complexityPanel(await ipf, COLUMNS).regions.objects() as { eci: number }[];
    const gap = Math.max(...rows.map((d, i) => (Number.isFinite(d.eci) ? Math.abs(d.eci - y[i]!.eci) : 0)));
    two(gap, S.largestGap, "largest gap between the scales");
    assert.equal((await nb()).cell("cell-10").number(/economy-years: ([\d.]+)/), Number(gap.toFixed(2)));
  },
);

proseTest("08 · how sure the 2020 ranking is: rank intervals, eigenvalues, sign flips", async () => {
  const t = (await ipf).filter((d: { year: number }) => d.year === 2020);
  const M = presence(locationQuotient(matrixFrom(t, COLUMNS)));
  const boot = bootstrapComplexity(M, { replicates: S.replicates, seed: 1 });
  const rows = boot.regions.objects() as {
    region: string;
    rank: number;
    rank_lower: number;
    rank_upper: number;
  }[];
  const widths = rows.map((d) => d.rank_upper - d.rank_lower).sort((a, b) => a - b);
  approx((widths[17]! + widths[18]!) / 2, S.medianRankWidth, 0.5, "median width");
  approx(widths[0]!, S.narrowestRankWidth, 0.5, "narrowest width");
  const narrowest = rows.filter((d) => d.rank_upper - d.rank_lower === widths[0]).map((d) => d.region).sort();
  assert.deepEqual(narrowest, [...S.narrowest].sort());
  const china = rows.find((d) => d.region === "China")!, us = rows.find((d) => d.region === "United States")!;
  assert.deepEqual([china.rank, china.rank_lower, china.rank_upper], [
    S.chinaRank,
    S.chinaRankLower,
    S.chinaRankUpper,
  ]);
  assert.deepEqual([us.rank, us.rank_lower, us.rank_upper], [S.usRank, S.usRankLower, S.usRankUpper]);
  const [, l2, l3] = boot.estimate.eigenvalues!;
  approx(l2!, S.lambda2, 5e-4, "λ₂");
  approx(l3!, S.lambda3, 5e-4, "λ₃");
  approx(boot.eigengap, S.relativeGap, 0.005, "relative gap");
  assert.ok(
    boot.warnings.includes(
      `in ${S.flipped} of ${S.replicates} replicates the sign was flipped to match the estimate's`,
    ),
  );
  const out = (await nb()).cell("cell-13");
  assert.equal(out.number(/median ([\d.]+)/), (widths[17]! + widths[18]!) / 2);
  shows(rowWhere(out.table(), "region", "China").rank_upper, china.rank_upper);
});
