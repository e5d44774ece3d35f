import assert from "node:assert/strict";
import { entryExit } from "../../src/indicators/entry_exit.ts";
import { density } from "../../src/indicators/density.ts";
import { Matrix, matrixFrom } from "../../src/indicators/matrix.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

// presence by hand: with these counts, LQ ≥ 1 exactly where the count is 4 (see the example of entryExit)
const COUNTS: Record<number, number[][]> = {
  2000: [[4, 4, 0], [0, 4, 4], [4, 0, 4]],
  2010: [[4, 4, 4], [0, 4, 0], [4, 0, 4]],
};
const long = (counts: Record<number, number[][]>, regions = "ABC") =>
  Object.entries(counts).flatMap(([year, m]) =>
    m.flatMap((r, i) =>
      r.map((value, j) => ({ region: regions[i]!, sector: "xyz"[j]!, value, year: Number(year) }))
    )
  );
type Row = {
  region: string;
  sector: string;
  present_from: number;
  present_to: number;
  entry: number | null;
  exit: number | null;
  density: number;
};

Deno.test("entryExit: one row per region × sector, entry and exit by their definitions, density at from", () => {
  const { table, warnings, from, to } = entryExit(long(COUNTS), { from: 2000, to: 2010 });
  assert.deepEqual([from, to, warnings], [2000, 2010, []]);
  assert.deepEqual(table.columnNames(), [
    "region",
    "sector",
    "present_from",
    "present_to",
    "entry",
    "exit",
    "density",
  ]);
  const rows = table.objects() as Row[];
  assert.deepEqual(rows.map((r) => `${r.region}${r.sector}:${r.present_from}${r.present_to}`), [
    "Ax:11",
    "Ay:11",
    "Az:01",
    "Bx:00",
    "By:11",
    "Bz:10",
    "Cx:11",
    "Cy:00",
    "Cz:11",
  ]);
  assert.deepEqual(rows.map((r) => r.entry), [null, null, 1, 0, null, null, null, 0, null]);
  assert.deepEqual(rows.map((r) => r.exit), [0, 0, null, null, 0, 1, 0, null, 0]);
  // density of the 2000 presence matrix, as density() computes it (every φ = 1/2 off the diagonal here)
  const M = matrixFrom([[1, 1, 0], [0, 1, 1], [1, 0, 1]], {
    regions: ["A", "B", "C"],
    sectors: ["x", "y", "z"],
  });
  assert.deepEqual(rows.map((r) => r.density), Array.from(density(M).data));
  assert.deepEqual(rows.slice(0, 3).map((r) => r.density), [0.5, 0.5, 1]);
});

Deno.test("entryExit: presence and density options pass through", () => {
  // threshold 2: only LQ ≥ 2 counts (A's x in 2000: (4/8)/(8/24) = 1.5, not present)
  const strict = entryExit(long(COUNTS), { from: 2000, to: 2010, threshold: 2 }).table.objects() as Row[];
  assert.ok(strict.every((r) => r.present_from === 0));
  const phi = new Matrix(["x", "y", "z"], ["x", "y", "z"], Float64Array.from([0, 1, 0, 1, 0, 0, 0, 0, 0]));
  const d = entryExit(long(COUNTS), { from: 2000, to: 2010, phi }).table.objects() as Row[];
  // only x–y related: A (x, y) has density 1 in x and y; z is related to nothing (0/0 → 0, with a warning)
  assert.deepEqual(d.slice(0, 3).map((r) => r.density), [1, 1, 0]);
  assert.ok(
    entryExit(long(COUNTS), { from: 2000, to: 2010, phi }).warnings.some((w) =>
      /^2000: .*related to no/.test(w)
    ),
  );
});

Deno.test("entryExit: regions of only one year are left out and named; years are checked", () => {
  const t = [...long({ 2000: COUNTS[2000]! }), ...long({ 2010: COUNTS[2010]! }, "ABD")];
  const r = entryExit(t, { from: 2000, to: 2010 });
  assert.deepEqual([...new Set(r.table.array("region") as string[])], ["A", "B"]);
  assert.deepEqual(r.warnings, [
    '1 region(s) observed in 2000 only, left out: "C"',
    '1 region(s) observed in 2010 only, left out: "D"',
  ]);
  assert.throws(
    () => entryExit(t, { from: 1990, to: 2010 }),
    (e: unknown) =>
      e instanceof ValidationError && /a year of the table \(2000, 2010\)/.test(e.message) &&
      /1990/.test(e.message),
  );
  assert.throws(() => entryExit(t, { from: 2010, to: 2000 }), /a year after from \(2010\)/);
  // @ts-expect-error: from is required
  assert.throws(() => entryExit(t, { to: 2010 }), ValidationError);
  assert.throws(() => entryExit(t, { from: 2000, to: 2010, year: "t" }), /"t"/);
});
