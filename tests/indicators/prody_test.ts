import assert from "node:assert/strict";
import { expy, matrixFrom, prody, ValidationError } from "../../src/mod.ts";
import { econgeoMatrix, econgeoVector, REGIONS, SECTORS } from "./econgeo_fixture.ts";
import { assertClose, assertThrowsAs } from "./stata_fixture.ts";

const x = econgeoMatrix("counts", "input");
const income = Object.fromEntries(econgeoVector("income", "input"));

Deno.test("prody / expy: EconGeo's formulas (RCA-weighted = share-weighted, HHR 2007 eq. 1–2)", () => {
  const p = prody(x, income), e = expy(x, income);
  const exact = econgeoVector("prody", "exact"), shares = econgeoVector("prody", "shares");
  const rounded = econgeoVector("prody", "rounded");
  for (const s of SECTORS) {
    assertClose(p.get(s), exact.get(s)!, 1e-12, `PRODY ${s}`);
    assertClose(p.get(s), shares.get(s)!, 1e-12, `PRODY ${s} (shares)`);
    // EconGeo rounds RCA to 2 digits before weighting: close, not equal
    assert.ok(Math.abs(p.get(s) - rounded.get(s)!) < 0.05, `PRODY ${s} vs EconGeo's rounded RCA`);
  }
  const eExact = econgeoVector("expy", "exact");
  for (const r of REGIONS) assertClose(e.get(r), eExact.get(r)!, 1e-12, `EXPY ${r}`);
  assert.equal(p.name, "prody");
  assert.equal(e.name, "expy");
});

Deno.test("prody / expy: closed forms", () => {
  // one region: PRODY = its income everywhere, EXPY = its income
  const one = matrixFrom([[3, 5]], { regions: ["A"], sectors: ["s", "t"] });
  assert.deepEqual([...prody(one, 7).values], [7, 7]);
  assert.equal(expy(one, { A: 7 }).get("A"), 7);
  // equal incomes give that income, whatever the pattern
  const y = 2.5;
  for (const v of prody(x, y).values) assertClose(v, y, 1e-12);
  for (const v of expy(x, y).values) assertClose(v, y, 1e-12);
});

Deno.test("prody / expy: empty regions and sectors are NaN with warnings; bad input is a ValidationError", () => {
  const m = matrixFrom([[4, 0, 0], [0, 0, 0], [1, 3, 0]], {
    regions: ["A", "Z", "B"],
    sectors: ["s", "t", "u"],
  });
  const p = prody(m, { A: 10, Z: 99, B: 20 });
  assert.equal(p.get("s"), (1 * 10 + 0.25 * 20) / 1.25); // Z takes no part
  assert.equal(p.get("t"), 20);
  assert.ok(Number.isNaN(p.get("u")));
  assert.ok(p.warnings.some((w) => w.includes('"u"')));
  assert.ok(p.warnings.some((w) => w.includes('"Z"') && w.includes("left out")));
  const e = expy(m, { A: 10, Z: 99, B: 20 });
  assert.ok(Number.isNaN(e.get("Z")));
  assert.equal(e.get("A"), p.get("s"));
  assert.ok(e.warnings.some((w) => w.includes('"Z"') && w.includes("EXPY undefined")));
  assertThrowsAs(() => prody(m, { A: 1, B: 2 }), ValidationError); // Z has no income
  assertThrowsAs(() => expy(m, [1, Number.NaN, 2]), ValidationError);
  const neg = matrixFrom([[1, -1]], { regions: ["A"], sectors: ["s", "t"] });
  assertThrowsAs(() => prody(neg, 1), ValidationError);
});
