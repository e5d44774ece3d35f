import assert from "node:assert/strict";
import { Random, shiftShare, ValidationError } from "../../src/mod.ts";
import { assertClose, assertThrowsAs } from "./stata_fixture.ts";

// The textbook example of G. Krumme, "Shift & Share Table with Excel Explanations" (University of
// Washington, Geography 350, faculty.washington.edu/krumme/350/ssexcel.html): the region "Holukuluku",
// industries I–IV, 1985 → 1995, against a nation whose 1985 shares are 10/20/40/30 % and whose industries
// grew 10/20/30/40 % (29 % in all). The nation here is Holukuluku plus a "rest" region built so that the
// national totals have exactly those shares and growth rates (1985: 1000/2000/4000/3000).
const industries = ["I", "II", "III", "IV"];
const holukuluku = { 1985: [500, 100, 200, 200], 1995: [1000, 100, 250, 280] };
const nation = { 1985: [1000, 2000, 4000, 3000], 1995: [1100, 2400, 5200, 4200] };
const textbook = (["1985", "1995"] as const).flatMap((year) =>
  industries.flatMap((sector, j) => [
    { region: "Holukuluku", sector, year: Number(year), value: holukuluku[year][j]! },
    { region: "rest", sector, year: Number(year), value: nation[year][j]! - holukuluku[year][j]! },
  ])
);

Deno.test("shiftShare: Krumme's textbook example (national growth 290, industry mix −80, regional shift 420)", () => {
  const r = shiftShare(textbook, { from: 1985, to: 1995 });
  assertClose(r.growth, 0.29, 1e-15);
  const h = (r.table.objects() as Record<string, number | string>[]).find((o) => o.region === "Holukuluku")!;
  assert.equal(h.start, 1000);
  assert.equal(h.end, 1630);
  assert.equal(h.change, 630); // "Regional Employment Growth: 630"
  assertClose(h.national_share as number, 290, 1e-9); // "National Growth Effect: 290"
  // "Composition Effect (net): 80": expected employment by industry growth 1210 against 1290 by national
  // growth, so −80 (the page prints magnitudes)
  assertClose(h.industry_mix as number, -80, 1e-9);
  assertClose(h.regional_shift as number, 420, 1e-9); // "Differential Effect (net): 420"
  // per industry: the page's columns 11 (differential 450, 20, 10, 0) and 12 (composition 95, 9, 2, 22),
  // signed by its own definitions (column 7 − column 10 and column 10 − column 8)
  const cells = (r.cells.objects() as Record<string, number | string>[]).filter((o) =>
    o.region === "Holukuluku"
  );
  assert.deepEqual(cells.map((c) => c.sector), industries);
  const close = (got: unknown[], want: number[]) =>
    got.forEach((v, j) => assertClose(v as number, want[j]!, 1e-9));
  close(cells.map((c) => c.regional_shift), [450, -20, -10, 0]);
  close(cells.map((c) => c.industry_mix), [-95, -9, 2, 22]);
  close(cells.map((c) => c.national_share), [145, 29, 58, 58]);
  close((r.sectors.array("growth") as number[]).map((g) => g * 100), [10, 20, 30, 40]);
  assert.deepEqual(r.warnings, []);
});

Deno.test("shiftShare: the three parts add up to the change, per cell and per region; national identities", () => {
  const rng = new Random(11);
  const rows: Record<string, unknown>[] = [];
  for (let r = 0; r < 12; r++) {
    for (let s = 0; s < 7; s++) {
      for (const year of ["y0", "y1"]) {
        if (rng.next() < 0.1) continue; // some cells observed in one year only
        if (s === 6 && year === "y0") continue; // a sector new to the nation
        rows.push({ reg: `r${r}`, ind: `s${s}`, t: year, emp: Math.floor(rng.next() * 1000) });
      }
    }
  }
  const res = shiftShare(rows, {
    from: "y0",
    to: "y1",
    region: "reg",
    sector: "ind",
    year: "t",
    value: "emp",
  });
  for (const t of [res.table, res.cells]) {
    for (const o of t.objects() as Record<string, number>[]) {
      const sum = o.national_share! + o.industry_mix! + o.regional_shift!;
      assertClose(sum, o.change!, 1e-9 * Math.max(1, Math.abs(o.change!)), "NS + IM + RS = change");
      assert.equal(o.change, o.end! - o.start!);
    }
  }
  // Σ_r RS_rs = X¹_s − X⁰_s (1 + g_s) = 0 for every sector with a growth rate
  const bySector = new Map<string, number>();
  for (const o of res.cells.objects() as Record<string, number | string>[]) {
    bySector.set(o.sector as string, (bySector.get(o.sector as string) ?? 0) + (o.regional_shift as number));
  }
  for (const [s, v] of bySector) if (s !== "s6") assertClose(v, 0, 1e-9, `Σ RS of ${s}`);
  // one row per region × sector pair observed in at least one year
  assert.equal(res.cells.numRows(), new Set(rows.map((r) => `${r.reg} ${r.ind}`)).size);
  assert.ok(res.warnings.some((w) => /pair\(s\) observed in only one/.test(w)));
  assert.ok(res.warnings.some((w) => w.includes('"s6"')));
  const s6 = (res.cells.objects() as Record<string, number | string>[]).filter((o) => o.sector === "s6");
  for (const c of s6) assert.deepEqual([c.national_share, c.industry_mix, c.regional_shift], [0, 0, c.end]);
});

Deno.test("shiftShare: missing years, bad values and bad options are ValidationErrors", () => {
  const e = assertThrowsAs(() => shiftShare(textbook, { from: 1985, to: 2000 }), ValidationError);
  assert.equal(e.issues[0]!.column, "year");
  assert.match(e.issues[0]!.received, /1985, 1995/);
  assertThrowsAs(() => shiftShare(textbook, { from: 1985, to: 1985 }), ValidationError);
  assertThrowsAs(() => shiftShare(textbook, { from: undefined as never, to: 1995 }), ValidationError);
  const bad = [...textbook, { region: "x", sector: "I", year: 1995, value: -1 }];
  const e2 = assertThrowsAs(() => shiftShare(bad, { from: 1985, to: 1995 }), ValidationError);
  assert.deepEqual([e2.issues[0]!.row, e2.issues[0]!.column], [bad.length, "value"]);
  assertThrowsAs(() => shiftShare(textbook, { from: 1985, to: 1995, value: "jobs" }), ValidationError);
  // rows of other years are not read: a bad value there is no error
  const other = [...textbook, { region: "x", sector: "I", year: 1990, value: Number.NaN }];
  assert.equal(shiftShare(other, { from: 1985, to: 1995 }).table.numRows(), 2);
});
