import assert from "node:assert/strict";
import { locationQuotient, matrixFrom, presence, proximity, ValidationError } from "../../src/mod.ts";
import { assertClose, assertThrowsAs, stataExports } from "./stata_fixture.ts";

Deno.test("proximity: closed form min of conditional probabilities, diagonal 0 or 1", () => {
  const M = matrixFrom([[1, 1, 0], [1, 0, 1], [0, 1, 1], [1, 1, 1]], {
    rows: ["A", "B", "C", "D"],
    cols: ["s", "t", "u"],
  });
  const phi = proximity(M);
  // ubiquity 3, 3, 3; C_st = 2 (A, D) → 2/3
  assertClose(phi.get("s", "t"), 2 / 3, 1e-15);
  assert.deepEqual(phi.get("s", "s"), 0);
  const phi1 = proximity(M, { diagonal: 1 });
  assert.deepEqual(phi1.get("s", "s"), 1);
  assert.deepEqual(phi1.get("t", "u"), phi.get("t", "u"));
  assertThrowsAs(() => proximity(M, { diagonal: 2 as 0 }), ValidationError);
});

Deno.test("proximity: asymmetric ubiquity uses the larger one", () => {
  const M = matrixFrom([[1, 1], [1, 0], [1, 0]], { regions: ["A", "B", "C"], sectors: ["s", "t"] });
  const phi = proximity(M);
  // P(s|t) = 1, P(t|s) = 1/3 → min = 1/3
  assertClose(phi.get("s", "t"), 1 / 3, 1e-15);
  assert.deepEqual(phi.get("t", "s"), phi.get("s", "t"));
});

Deno.test("proximity: equals a dense MᵀM computation on the Stata fixture", () => {
  const M = presence(locationQuotient(stataExports()));
  const phi = proximity(M);
  const n = M.ncol;
  const u = M.colSums();
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      let c = 0;
      for (let i = 0; i < M.nrow; i++) c += M.at(i, a) * M.at(i, b);
      const want = a === b ? 0 : c / Math.max(u[a]!, u[b]!);
      assert.deepEqual(phi.at(a, b), want);
    }
  }
});

Deno.test("proximity: a sector nobody specialises in gives 0 and a warning", () => {
  const M = matrixFrom([[1, 0], [1, 0]], { regions: ["A", "B"], sectors: ["s", "t"] });
  const phi = proximity(M);
  assert.ok(phi.data.every(Number.isFinite));
  assert.deepEqual(phi.get("s", "t"), 0);
  assert.deepEqual(phi.warnings.length, 1);
});
