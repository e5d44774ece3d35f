import assert from "node:assert/strict";
import { entropy, matrixFrom, theil, ValidationError } from "../../src/mod.ts";
import { assertClose, assertThrowsAs } from "./stata_fixture.ts";

const ref = JSON.parse(
  Deno.readTextFileSync(new URL("../fixtures/reference/parity/concentration.json", import.meta.url)),
);
const m = matrixFrom(ref.counts, { regions: ref.regions, sectors: ref.sectors });
const groups = Object.fromEntries(ref.sectors.map((s: string, j: number) => [s, ref.groups[j]]));

function rows(t: ReturnType<typeof theil>) {
  return t.table.objects() as { region: string; theil: number; between: number; within: number }[];
}

Deno.test("theil: the textbook Theil T and its group decomposition (uniform and national references)", () => {
  for (const reference of ["uniform", "national"] as const) {
    const got = rows(theil(m, { groups, reference }));
    got.forEach((r, i) => {
      const want = ref[`theil_${reference}`][i];
      if (want === null) {
        assert.ok(Number.isNaN(r.theil) && Number.isNaN(r.between) && Number.isNaN(r.within), r.region);
        return;
      }
      assertClose(r.theil, want[0], 1e-13, `${reference} T ${r.region}`);
      assertClose(r.between, want[1], 1e-13, `${reference} between ${r.region}`);
      assertClose(r.within, want[2], 1e-13, `${reference} within ${r.region}`);
      // the identity, from two separate computations
      assertClose(r.between + r.within, r.theil, 1e-14, `${reference} identity ${r.region}`);
    });
  }
});

Deno.test("theil: uniform reference = ln n − Shannon entropy; one sector = ln n; equal sectors = 0", () => {
  const t = rows(theil(m));
  const h = entropy(m, { base: Math.E });
  for (const r of t) {
    if (Number.isNaN(r.theil)) continue;
    assertClose(r.theil, Math.log(m.ncol) - h.get(r.region), 1e-13, r.region);
  }
  assert.deepEqual(theil(m).table.columnNames(), ["region", "theil"]); // no groups, no decomposition
  const c = matrixFrom([[5, 0, 0, 0], [2, 2, 2, 2]], {
    regions: ["one", "even"],
    sectors: ["a", "b", "c", "d"],
  });
  const tc = rows(theil(c));
  assertClose(tc[0]!.theil, Math.log(4), 1e-15);
  assert.equal(tc[1]!.theil, 0);
  // national reference: a region with the nation's structure is at 0
  const nat = matrixFrom([[1, 3], [2, 6], [5, 1]], { regions: ["A", "B", "C"], sectors: ["s", "t"] });
  const nat2 = matrixFrom([[1, 3], [2, 6]], { regions: ["A", "B"], sectors: ["s", "t"] });
  assertClose(rows(theil(nat2, { reference: "national" }))[0]!.theil, 0, 1e-15);
  assert.ok(rows(theil(nat, { reference: "national" }))[2]!.theil > 0);
});

Deno.test("theil: one group or singleton groups put everything within or between", () => {
  const one = Object.fromEntries(m.cols.map((s) => [s, "all"]));
  const single = Object.fromEntries(m.cols.map((s) => [s, s]));
  for (const reference of ["uniform", "national"] as const) {
    for (const r of rows(theil(m, { groups: one, reference }))) {
      if (Number.isNaN(r.theil)) continue;
      assertClose(r.between, 0, 1e-15);
      assertClose(r.within, r.theil, 1e-14);
    }
    for (const r of rows(theil(m, { groups: single, reference }))) {
      if (Number.isNaN(r.theil)) continue;
      assertClose(r.within, 0, 1e-15);
      assertClose(r.between, r.theil, 1e-14);
    }
  }
  assert.deepEqual(theil(m, { groups }).groups, ["g1", "g2", "g3"]);
  assert.deepEqual(
    theil(m, { groups: new Map(Object.entries(groups)) }).table.objects(),
    theil(m, { groups }).table.objects(),
  );
});

Deno.test("theil: warnings and ValidationErrors", () => {
  const t = theil(m);
  assert.ok(t.warnings.some((w) => w.includes('"r2"')));
  const { s0: _, ...missing } = groups;
  const e = assertThrowsAs(() => theil(m, { groups: missing }), ValidationError);
  assert.equal(e.issues[0]!.column, "s0");
  const e2 = assertThrowsAs(() => theil(m, { groups: { ...groups, typo: "g1" } }), ValidationError);
  assert.equal(e2.issues[0]!.column, "groups");
  assertThrowsAs(() => theil(m, { reference: "world" as never }), ValidationError);
  assertThrowsAs(
    () => theil(matrixFrom([[1, -1]], { regions: ["A"], sectors: ["s", "t"] })),
    ValidationError,
  );
});
