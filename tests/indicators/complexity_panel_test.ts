import assert from "node:assert/strict";
import { complexityPanel } from "../../src/indicators/complexity_panel.ts";
import { complexity, type ComplexityOptions } from "../../src/indicators/complexity.ts";
import { locationQuotient } from "../../src/indicators/location_quotient.ts";
import { matrixFrom } from "../../src/indicators/matrix.ts";
import { presence } from "../../src/indicators/presence.ts";
import { loadDataset } from "../../src/data/datasets.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

type Row = { economy: string; field: string; series: string; year: number; patents: number };
const ipf = (await loadDataset("nsf-patents")).filter((d: Row) => d.series === "IPF");
const rows = ipf.objects() as Row[];
const COLS = { region: "economy", sector: "field", value: "patents" } as const;
const years = [...new Set(rows.map((r) => r.year))].sort();

/** complexity() of one year, built by hand from that year's rows. */
function yearly(year: number, options: ComplexityOptions = {}) {
  const x = matrixFrom(rows.filter((r) => r.year === year), COLS);
  return complexity(presence(locationQuotient(x)), options);
}
const column = (t: { array(c: string): ArrayLike<unknown> }, c: string) => Array.from(t.array(c)) as number[];
const ofYear = <T extends { year: number }>(t: { objects(): object[] }, y: number) =>
  (t.objects() as T[]).filter((d) => d.year === y);

Deno.test("complexityPanel 'year': equal, year by year, to complexity() on that year (NSF, 23 years)", () => {
  for (
    const options of [{}, { method: "reflections" }, { sd: "sample", pciScale: "own" }] as ComplexityOptions[]
  ) {
    const p = complexityPanel(ipf, { ...COLS, ...options });
    assert.deepEqual(p.years, years);
    for (const y of years) {
      const c = yearly(y, options);
      const r = ofYear<{ year: number; region: string; eci: number; diversity: number }>(p.regions, y);
      assert.deepEqual(r.map((d) => d.region), [...c.eci.labels]);
      assert.deepEqual(r.map((d) => d.eci), Array.from(c.eci.values), `ECI ${y}`);
      assert.deepEqual(r.map((d) => d.diversity), Array.from(c.diversity.values));
      const s = ofYear<{ year: number; pci: number; ubiquity: number }>(p.sectors, y);
      assert.deepEqual(s.map((d) => d.pci), Array.from(c.pci.values), `PCI ${y}`);
      assert.deepEqual(s.map((d) => d.ubiquity), Array.from(c.ubiquity.values));
    }
  }
  const p = complexityPanel(ipf, COLS);
  assert.deepEqual(p.regions.columnNames(), ["region", "year", "eci", "diversity"]);
  assert.deepEqual(p.sectors.columnNames(), ["sector", "year", "pci", "ubiquity"]);
  assert.equal(p.regions.numRows(), 36 * 23);
});

Deno.test("complexityPanel fitness: columns fitness and complexity, equal to complexity(…, { method: 'fitness' })", () => {
  const both = complexityPanel(ipf, { ...COLS, fitness: true });
  assert.deepEqual(both.regions.columnNames(), ["region", "year", "eci", "diversity", "fitness"]);
  assert.deepEqual(both.sectors.columnNames(), ["sector", "year", "pci", "ubiquity", "complexity"]);
  const only = complexityPanel(ipf, { ...COLS, method: "fitness" });
  assert.deepEqual(only.regions.columnNames(), ["region", "year", "fitness", "diversity"]);
  for (const y of [1998, 2020]) {
    const f = yearly(y, { method: "fitness" });
    assert.deepEqual(
      ofYear<{ year: number; fitness: number }>(both.regions, y).map((d) => d.fitness),
      Array.from(f.eci.values),
    );
    assert.deepEqual(
      ofYear<{ year: number; fitness: number }>(only.regions, y).map((d) => d.fitness),
      Array.from(f.eci.values),
    );
    assert.deepEqual(
      ofYear<{ year: number; complexity: number }>(both.sectors, y).map((d) => d.complexity),
      Array.from(f.pci.values),
    );
  }
});

Deno.test("complexityPanel 'pooled': the raw scores of all years on one mean and s.d. (each sd convention)", () => {
  const raw = years.map((y) => yearly(y));
  for (const sd of ["stata", "sample", "population"] as const) {
    const p = complexityPanel(ipf, { ...COLS, standardise: "pooled", sd });
    // the pooled mean and s.d. by hand: "stata" counts each region-year once per sector with presence
    let W = 0, S = 0, count = 0;
    const weight = (t: number) => (sd === "stata" ? raw[t]!.ubiquity.values.filter((u) => u > 0).length : 1);
    // regions without presence in a year (NaN) are left out, as complexity() leaves them out
    const finite = (c: { kc: Float64Array }) => c.kc.filter((v) => !Number.isNaN(v));
    raw.forEach((c, t) => finite(c).forEach((v) => ((W += weight(t)), (S += weight(t) * v), count++)));
    const mean = S / W;
    let ss = 0;
    raw.forEach((c, t) => finite(c).forEach((v) => (ss += weight(t) * (v - mean) ** 2)));
    const s = Math.sqrt(ss / (sd === "population" ? count : W - 1));
    assert.deepEqual(p.scale[0], { year: 1998, mean: p.scale[0]!.mean, sd: p.scale[0]!.sd });
    assert.ok(
      Math.abs(p.scale[0]!.mean - mean) < 1e-15 && Math.abs(p.scale[0]!.sd / s - 1) < 1e-12,
      `${sd}: ${p.scale[0]!.mean} vs ${mean}, ${p.scale[0]!.sd} vs ${s}`,
    );
    years.forEach((y, t) => {
      const eci = ofYear<{ year: number; eci: number }>(p.regions, y).map((d) => d.eci);
      const pci = ofYear<{ year: number; pci: number }>(p.sectors, y).map((d) => d.pci);
      const same = (a: number, b: number) => Math.abs(a - b) < 1e-12 || (Number.isNaN(a) && Number.isNaN(b));
      eci.forEach((v, i) => assert.ok(same(v, (raw[t]!.kc[i]! - mean) / s), `ECI ${y} ${i}`));
      // PCI on ECI's pooled scale (pciScale "eci", the Stata convention)
      pci.forEach((v, j) => assert.ok(same(v, (raw[t]!.kp[j]! - mean) / s), `PCI ${y} ${j}`));
    });
    if (sd === "population") {
      const all = column(p.regions, "eci").filter((v) => !Number.isNaN(v));
      const m = all.reduce((a, b) => a + b, 0) / all.length;
      assert.ok(Math.abs(m) < 1e-12);
      assert.ok(Math.abs(all.reduce((a, b) => a + (b - m) ** 2, 0) / all.length - 1) < 1e-12);
    }
  }
});

Deno.test("complexityPanel { anchor }: the anchor year equals complexity(), the others are on its scale", () => {
  const p = complexityPanel(ipf, { ...COLS, standardise: { anchor: 2010 } });
  const a = yearly(2010);
  const at = (y: number) => ofYear<{ year: number; eci: number }>(p.regions, y).map((d) => d.eci);
  at(2010).forEach((v, i) => assert.ok(Math.abs(v - a.eci.values[i]!) < 1e-12));
  const c = yearly(1998);
  at(1998).forEach((v, i) => assert.ok(Math.abs(v - (c.kc[i]! - a.mean) / a.sd) < 1e-12));
  assert.ok(p.scale.every((s) => s.mean === a.mean && s.sd === a.sd));
  // PCI with its own scale: the anchor year's own spread of K_s
  const own = complexityPanel(ipf, { ...COLS, standardise: { anchor: 2010 }, pciScale: "own" });
  const pci2010 = ofYear<{ year: number; pci: number }>(own.sectors, 2010).map((d) => d.pci);
  const ownA = yearly(2010, { pciScale: "own" });
  pci2010.forEach((v, j) => assert.ok(Math.abs(v - ownA.pci.values[j]!) < 1e-12));
});

Deno.test("complexityPanel: years and regions of their own, NaN and year-prefixed warnings, validation", () => {
  const t = [
    ...[["A", "s", 3], ["A", "t", 1], ["B", "s", 1], ["B", "t", 3], ["C", "s", 2], ["C", "t", 2]].map(
      ([region, sector, value]) => ({ region, sector, value, year: 2000 }),
    ),
    ...[["A", "s", 3], ["A", "t", 1], ["B", "s", 1], ["B", "t", 3], ["D", "s", 1], ["D", "t", 0]].map(
      ([region, sector, value]) => ({ region, sector, value, year: 2001 }),
    ),
  ];
  const p = complexityPanel(t);
  assert.deepEqual(p.regions.filter((d: { year: number }) => d.year === 2001).array("region"), [
    "A",
    "B",
    "D",
  ]);
  assert.ok(p.warnings.every((w) => /^200[01]: /.test(w)));
  assert.throws(
    () => complexityPanel(t, { standardise: { anchor: 1999 } }),
    (e: unknown) => e instanceof ValidationError && /2000, 2001/.test(e.message),
  );
  assert.throws(() => complexityPanel(t, { standardise: "pooled", method: "fitness" }), ValidationError);
  // @ts-expect-error: not a scale
  assert.throws(() => complexityPanel(t, { standardise: "global" }), ValidationError);
  assert.throws(
    () => complexityPanel([...t, { region: "A", sector: "s", value: 1, year: "2002" }]),
    (e: unknown) => e instanceof ValidationError && /row 13/.test(e.message) && /year/.test(e.message),
  );
  assert.throws(
    () => complexityPanel(t, { year: "period" }),
    (e: unknown) => e instanceof ValidationError && /period/.test(e.message),
  );
});
