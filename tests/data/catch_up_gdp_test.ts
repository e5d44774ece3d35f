import assert from "node:assert/strict";
import { loadDataset } from "../../src/data/datasets.ts";

Deno.test("catch-up-gdp: 5 economies × 56 years, spot values of data/catch-up-gdp.md", async () => {
  const t = await loadDataset("catch-up-gdp");
  assert.equal(t.numRows(), 280);
  const rows = t.objects() as { code: string; year: number; gdppc: number }[];
  const v = (code: string, year: number) => rows.find((r) => r.code === code && r.year === year)!.gdppc;
  assert.equal(v("JPN", 1960), 6354);
  for (const code of ["JPN", "KOR", "TWN", "ARG", "BRA"]) {
    const years = rows.filter((r) => r.code === code).map((r) => r.year);
    assert.deepEqual(years, Array.from({ length: 56 }, (_, i) => 1960 + i), code);
  }
  // ratios to Japan quoted in data/catch-up-gdp.md (3 decimals)
  const ratio = (code: string, year: number) => v(code, year) / v("JPN", year);
  assert.ok(Math.abs(ratio("KOR", 1960) - 0.244) < 5e-4);
  assert.ok(Math.abs(ratio("KOR", 2015) - 0.954) < 5e-4);
  assert.ok(Math.abs(ratio("TWN", 2015) - 1.145) < 5e-4);
  assert.ok(Math.abs(ratio("ARG", 1960) - 1.395) < 5e-4);
  assert.ok(Math.abs(ratio("BRA", 2000) - 0.296) < 5e-4);
  assert.equal(typeof t.get("code", 0), "string");
});
