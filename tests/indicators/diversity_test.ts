import assert from "node:assert/strict";
import { diversity, locationQuotient, matrixFrom, presence, reflections, ubiquity } from "../../src/mod.ts";
import { assertColumn, stataExports, stataRows } from "./stata_fixture.ts";

Deno.test("diversity and ubiquity: Stata columns and warnings", () => {
  const rows = stataRows();
  const M = presence(locationQuotient(stataExports()));
  const d = diversity(M), u = ubiquity(M);
  assertColumn(rows, "diversity", (r) => d.get(r.origin), 0);
  assertColumn(rows, "ubiquity", (r) => u.get(r.hs92), 0);
  const z = matrixFrom([[0, 1], [0, 0]], { regions: ["A", "B"], sectors: ["s", "t"] });
  assert.ok(diversity(z).warnings[0]!.includes('"B"'));
  assert.ok(ubiquity(z).warnings[0]!.includes('"s"'));
});

Deno.test("reflections: closed form orders 1 and 2", () => {
  const M = matrixFrom([[1, 1], [1, 0]], { regions: ["A", "B"], sectors: ["s", "t"] });
  const r = reflections(M, { steps: 2 });
  // k_r,0 = (2, 1), k_s,0 = (2, 1); k_A,1 = (2 + 1)/2, k_B,1 = 2; k_s,1 = (2 + 1)/2, k_t,1 = 2
  assert.deepEqual(r.regions.toArrays(), [[2, 1.5, (1.5 + 2) / 2], [1, 2, 1.5]]);
  assert.deepEqual(r.sectors.toArrays(), [[2, 1.5, (1.5 + 2) / 2], [1, 2, 1.5]]);
  const z = reflections(matrixFrom([[1, 0], [0, 0]], { regions: ["A", "B"], sectors: ["s", "t"] }), {
    steps: 1,
  });
  assert.ok(Number.isNaN(z.regions.get("B", "1")));
  assert.equal(z.warnings.length, 2);
});

Deno.test("diversity and ubiquity: each warns about its own side only, whatever the labels say", () => {
  // a zero column labelled "diversity" and a zero row labelled "ubiquity"
  const z = matrixFrom([[1, 0], [0, 0]], { regions: ["A", "ubiquity"], sectors: ["s", "diversity"] });
  assert.deepEqual(diversity(z).warnings, ['1 row(s) with no presence (diversity 0): "ubiquity"']);
  assert.deepEqual(ubiquity(z).warnings, ['1 column(s) with no presence (ubiquity 0): "diversity"']);
  assert.deepEqual(Array.from(diversity(z).values), [1, 0]);
  assert.deepEqual(Array.from(ubiquity(z).values), [1, 0]);
});
