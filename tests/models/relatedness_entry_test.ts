import assert from "node:assert/strict";
import { relatednessEntry, type RelatednessEntryOptions } from "../../src/models/relatedness_entry.ts";
import { entryExit } from "../../src/indicators/entry_exit.ts";
import { loadDataset } from "../../src/data/datasets.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

/** Numbers computed by statsmodels and scikit-learn from the raw CSV (tests/fixtures/reference/relatedness_entry.py). */
interface ReferenceFit {
  model: "logit" | "lpm";
  fixedEffects: ("region" | "sector")[];
  cluster: "region" | "sector" | null;
  n: number;
  k: number;
  entries: number;
  clusters?: number;
  auc: number;
  logLikelihood?: number;
  estimate: Record<string, number>;
  se_classical: Record<string, number>;
  se_cr1?: Record<string, number>;
  se_stata_logit?: Record<string, number>;
}
interface ReferencePeriod {
  rows: number;
  entries: number;
  exits: number;
  density: Record<string, number>;
  fits: ReferenceFit[];
}
const REF = JSON.parse(
  await Deno.readTextFile(new URL("../fixtures/reference/relatedness_entry.json", import.meta.url)),
) as Record<string, ReferencePeriod>;

const ipf = (await loadDataset("nsf-patents")).filter((d: { series: string }) => d.series === "IPF");
// the reference script's rule, written out: RCA ≥ 1 (whatever the default convention of presence becomes)
const COLUMNS = {
  region: "economy",
  sector: "field_id",
  value: "patents",
  threshold: 1,
  strict: false,
} as const;

const rel = (a: number, b: number, tol: number, what: string) =>
  assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);

for (const period of ["1998-2010", "2010-2020"]) {
  const [from, to] = period.split("-").map(Number) as [number, number];
  const ref = REF[period]!;

  Deno.test(`entryExit ${period}: rows, entries, exits and density as numpy computes them from the CSV`, () => {
    const { table, warnings } = entryExit(ipf, { ...COLUMNS, from, to });
    assert.equal(table.numRows(), ref.rows);
    assert.deepEqual(warnings, []);
    const rows = table.objects() as {
      region: string;
      sector: string;
      entry: number | null;
      exit: number | null;
      density: number;
      present_from: number;
      present_to: number;
    }[];
    assert.equal(rows.filter((r) => r.entry === 1).length, ref.entries);
    assert.equal(rows.filter((r) => r.exit === 1).length, ref.exits);
    for (const r of rows) {
      rel(r.density, ref.density[`${r.region}|${r.sector}`]!, 1e-12, `density ${r.region} ${r.sector}`);
      assert.equal(r.entry, r.present_from === 1 ? null : r.present_to);
      assert.equal(r.exit, r.present_from === 0 ? null : 1 - r.present_to);
    }
  });

  for (const f of ref.fits) {
    const label = `${f.model}${f.fixedEffects.length ? ` + ${f.fixedEffects.join(" & ")} FE` : ""}${
      f.cluster ? `, clustered by ${f.cluster}` : ""
    }`;
    Deno.test(`relatednessEntry ${period}, ${label}: statsmodels' estimates, standard errors, n and AUC`, () => {
      const opts: RelatednessEntryOptions = {
        ...COLUMNS,
        from,
        to,
        model: f.model,
        fixedEffects: f.fixedEffects,
        ...(f.cluster ? { cluster: f.cluster } : {}),
      };
      const r = relatednessEntry(ipf, opts);
      assert.equal(r.n, f.n);
      assert.equal(r.entries, f.entries);
      assert.ok(r.converged);
      const terms = r.coefficients.array("term") as string[];
      assert.deepEqual(terms, f.fixedEffects.length ? ["density"] : ["(intercept)", "density"]);
      // Stata's factor by default: G/(G−1)·(N−1)/(N−K) for the LPM (= statsmodels), G/(G−1) for the logit
      const se = !f.cluster ? f.se_classical : f.model === "lpm" ? f.se_cr1! : f.se_stata_logit!;
      terms.forEach((t, j) => {
        rel(r.coefficients.get("estimate", j), f.estimate[t]!, 1e-8, `${t} estimate`);
        rel(r.coefficients.get("se", j), se[t]!, 1e-7, `${t} se`);
        const z = r.coefficients.get("z", j);
        rel(z, f.estimate[t]! / se[t]!, 1e-7, `${t} z`);
      });
      rel(r.auc, f.auc, 1e-12, "AUC");
      if (f.logLikelihood !== undefined) rel(r.logLikelihood, f.logLikelihood, 1e-10, "log-likelihood");
      if (f.cluster) {
        assert.equal(r.clusters, f.clusters);
        const cr1 = relatednessEntry(ipf, { ...opts, correction: "cr1" });
        terms.forEach((t, j) => rel(cr1.coefficients.get("se", j), f.se_cr1![t]!, 1e-7, `${t} se (cr1)`));
      }
    });
  }
}

Deno.test("relatednessEntry: levels that predict entry perfectly are left out, with a warning (as Stata)", () => {
  const r = relatednessEntry(ipf, { ...COLUMNS, from: 1998, to: 2010, fixedEffects: ["region", "sector"] });
  const at = REF["1998-2010"]!.fits.find((f) => f.model === "logit" && f.fixedEffects.length === 2)!;
  assert.equal(r.n, at.n);
  assert.ok(
    r.warnings.some((w) => /region level\(s\) predict the outcome perfectly/.test(w)),
    r.warnings.join("\n"),
  );
  assert.ok(
    r.warnings.some((w) => /sector level\(s\) predict the outcome perfectly/.test(w)),
    r.warnings.join("\n"),
  );
  const lpm = relatednessEntry(ipf, {
    ...COLUMNS,
    from: 1998,
    to: 2010,
    model: "lpm",
    fixedEffects: ["region"],
  });
  assert.equal(lpm.n, 734); // the LPM keeps every row at risk
  assert.ok(!lpm.warnings.some((w) => /perfectly/.test(w)));
});

Deno.test("relatednessEntry: p is the two-sided normal p-value of z", () => {
  const r = relatednessEntry(ipf, { ...COLUMNS, from: 1998, to: 2010 });
  const [zDensity, pDensity] = [r.coefficients.get("z", 1), r.coefficients.get("p", 1)];
  // statsmodels' z = 4.517198697084526; scipy: 2 * norm.sf(z) = 6.266309983745439e-06
  assert.ok(Math.abs(zDensity - 4.517198697084526) < 1e-7);
  assert.ok(Math.abs(pDensity / 6.266309983745439e-6 - 1) < 1e-6, `${pDensity}`);
});

Deno.test("relatednessEntry: options are validated", () => {
  const base = { ...COLUMNS, from: 1998, to: 2010 };
  // @ts-expect-error: a wrong model
  assert.throws(() => relatednessEntry(ipf, { ...base, model: "probit" }), ValidationError);
  // @ts-expect-error: a wrong fixed effect
  assert.throws(() => relatednessEntry(ipf, { ...base, fixedEffects: ["year"] }), ValidationError);
  assert.throws(
    () => relatednessEntry(ipf, { ...base, fixedEffects: ["region", "region"] }),
    ValidationError,
  );
  // @ts-expect-error: a wrong cluster
  assert.throws(() => relatednessEntry(ipf, { ...base, cluster: "field" }), ValidationError);
  assert.throws(() => relatednessEntry(ipf, { ...base, to: 1998 }), /a year after from/);
  assert.throws(() => relatednessEntry(ipf, { ...base, to: 2030 }), /1998, 1999, .*2020/);
});
