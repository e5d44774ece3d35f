import assert from "node:assert/strict";
import { locationQuotient, Matrix, matrixFrom, presence, ValidationError } from "../../src/mod.ts";
import { PresenceMatrix } from "../../src/indicators/presence.ts";
import { rpop, toSparsePresence } from "../../src/advanced.ts";
import { assertColumn, assertThrowsAs, stataExports, stataRows } from "./stata_fixture.ts";

Deno.test("presence: ≥ 1 by default, > 1 with strict, custom threshold", () => {
  const lq = matrixFrom([[1, 0.5], [2, 1.2]], { regions: ["A", "B"], sectors: ["s1", "s2"] });
  assert.deepEqual(presence(lq).toArrays(), [[1, 0], [1, 1]]);
  assert.deepEqual(presence(lq, { strict: true }).toArrays(), [[0, 0], [1, 1]]);
  assert.deepEqual(presence(lq, { threshold: 1.5 }).toArrays(), [[0, 0], [1, 0]]);
  assert.deepEqual(presence(lq, { threshold: 0.5, strict: true }).toArrays(), [[1, 0], [1, 1]]);
  const p = presence(lq);
  assert.ok(p instanceof PresenceMatrix);
  assert.deepEqual(p.sparse.nnz, 3);
  assert.deepEqual(Array.from(p.sparse.rowPtr), [0, 1, 3]);
  assert.deepEqual(Array.from(p.sparse.colIdx), [0, 0, 1]);
});

Deno.test("presence: both conventions reproduce the Stata M column (no cell at RCA = 1 there)", () => {
  const rows = stataRows();
  const lq = locationQuotient(stataExports());
  assertColumn(rows, "M", (r) => presence(lq).get(r.origin, r.hs92), 0);
  assertColumn(rows, "M", (r) => presence(lq, { convention: "stata" }).get(r.origin, r.hs92), 0);
  // the claim of the fixture README: the closest RCA to 1 is 1.0013, so ≥ and > agree on it
  const closest = Math.min(...lq.data.map((v) => Math.abs(v - 1)));
  assert.ok(closest > 1e-3 && closest < 2e-3, `closest |RCA − 1| = ${closest}`);
});

const ref = JSON.parse(
  Deno.readTextFileSync(new URL("../fixtures/reference/parity/presence_rules.json", import.meta.url)),
);

Deno.test("presence: cells at RCA exactly 1 split the conventions (py-ecomplexity ≥, Stata >)", () => {
  const counts = matrixFrom(ref.ones_counts, { regions: ["A", "B", "C"], sectors: ["s", "t"] });
  const lq = locationQuotient(counts);
  assert.deepEqual(lq.toArrays(), ref.ones_rca); // exactly 1, as numpy computes it
  assert.equal(lq.get("A", "s"), 1);
  assert.equal(lq.get("A", "t"), 1);
  assert.deepEqual(presence(lq).toArrays(), ref.ones_py);
  assert.deepEqual(presence(lq, { convention: "py-ecomplexity" }).toArrays(), ref.ones_py);
  assert.deepEqual(presence(lq, { convention: "stata" }).toArrays(), ref.ones_stata);
  // strict overrides the convention
  assert.deepEqual(presence(lq, { convention: "stata", strict: false }).toArrays(), ref.ones_py);
  assert.deepEqual(presence(lq, { convention: "py-ecomplexity", strict: true }).toArrays(), ref.ones_stata);
});

Deno.test("presence: Stata's rca2 and herf rules and RPOP match the re-implementation of the packages", () => {
  const counts = matrixFrom(ref.counts, { regions: ref.regions, sectors: ref.sectors });
  const lq = locationQuotient(counts);
  const stata = { convention: "stata", counts } as const;
  assert.deepEqual(presence(lq, { convention: "stata" }).toArrays(), ref.stata);
  assert.deepEqual(presence(lq, { ...stata, rca2: 3 }).toArrays(), ref.stata_rca2_3);
  assert.deepEqual(presence(lq, { ...stata, herf: 0.5 }).toArrays(), ref["stata_herf_0.5"]);
  assert.deepEqual(presence(lq, { ...stata, rca2: 3, herf: 0.5 }).toArrays(), ref["stata_rca2_3_herf_0.5"]);
  const population = ref.population as number[];
  const r = rpop(counts, population);
  r.data.forEach((v, k) =>
    assert.ok(Math.abs(v - ref.rpop.flat()[k]) <= 1e-15 * Math.max(1, v), `rpop ${k}`)
  );
  assert.deepEqual(presence(r).toArrays(), ref.py_rpop_only);
  assert.deepEqual(presence(lq, { counts, population }).toArrays(), ref.py_both);
  assert.deepEqual(presence(lq, { ...stata, population }).toArrays(), ref.stata_both);
  // the rules only add cells; the order of the counts' labels does not matter
  const shuffled = matrixFrom(
    ref.regions.flatMap((g: string, i: number) =>
      ref.sectors.map((s: string, j: number) => ({ region: g, sector: s, value: ref.counts[i][j] }))
    ).reverse(),
    { regions: [...ref.regions].reverse() },
  );
  assert.deepEqual(
    presence(lq, { convention: "stata", counts: shuffled, rca2: 3 }).toArrays(),
    ref.stata_rca2_3,
  );
});

Deno.test("presence: rules that need counts say so; counts with other labels are named", () => {
  const counts = matrixFrom(ref.counts, { regions: ref.regions, sectors: ref.sectors });
  const lq = locationQuotient(counts);
  for (const o of [{ rca2: 3 }, { herf: 0.5 }, { population: 1 }]) {
    const e = assertThrowsAs(() => presence(lq, o), ValidationError);
    assert.equal(e.issues[0]!.column, "counts");
  }
  const other = matrixFrom([[1, 2]], { regions: ["R1"], sectors: ["p1", "p2"] });
  const e = assertThrowsAs(() => presence(lq, { counts: other, herf: 1 }), ValidationError);
  assert.match(e.message, /4 × 4/);
  const e2 = assertThrowsAs(() => presence(lq, { convention: "spss" as never }), ValidationError);
  assert.equal(e2.issues[0]!.column, "convention");
  assertThrowsAs(() => presence(lq, { counts, rca2: -1 }), ValidationError);
  assertThrowsAs(() => presence(lq, { counts, population: [1, 2, 3, 0] }), ValidationError);
});

Deno.test("presence: empty rows/columns are warned about", () => {
  const lq = matrixFrom([[0, 2], [0, 0.1]], { regions: ["A", "B"], sectors: ["s1", "s2"] });
  const M = presence(lq);
  assert.deepEqual(M.warnings.length, 2);
  assert.ok(M.warnings[0]!.includes('"B"'));
  assert.ok(M.warnings[1]!.includes('"s1"'));
});

Deno.test("presence: bad options and NaN are ValidationErrors", () => {
  const lq = matrixFrom([[1]], { regions: ["A"], sectors: ["s"] });
  assertThrowsAs(() => presence(lq, { threshold: Number.NaN }), ValidationError);
  const e = assertThrowsAs(
    () => toSparsePresence(matrixFrom([[0.5]], { regions: ["A"], sectors: ["s"] })),
    ValidationError,
  );
  assert.deepEqual(e.issues[0]!.column, "s");
  assert.deepEqual(e.issues[0]!.received, "0.5");
  // The offending cell is named by its 1-based row and its column, also past the first row and column,
  // and a NaN in the very first cell is caught.
  const lq2 = (data: number[][]) => matrixFrom(data, { regions: ["A", "B"], sectors: ["s", "t"] });
  const e2 = assertThrowsAs(() => toSparsePresence(lq2([[1, 0], [0, 2]])), ValidationError);
  assert.deepEqual([e2.issues[0]!.row, e2.issues[0]!.column, e2.issues[0]!.received], [2, "t", "2"]);
  // matrixFrom already rejects NaN; a Matrix built directly can still carry one into presence().
  const raw = (data: number[]) => new Matrix(["A", "B"], ["s", "t"], Float64Array.from(data));
  const n1 = assertThrowsAs(() => presence(raw([Number.NaN, 1, 1, 1])), ValidationError);
  assert.deepEqual([n1.issues[0]!.row, n1.issues[0]!.column, n1.issues[0]!.received], [1, "s", "NaN"]);
  const n2 = assertThrowsAs(() => presence(raw([1, 1, 1, Number.NaN])), ValidationError);
  assert.deepEqual([n2.issues[0]!.row, n2.issues[0]!.column], [2, "t"]);
});
