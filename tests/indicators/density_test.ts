import assert from "node:assert/strict";
import { density, locationQuotient, matrixFrom, presence, proximity } from "../../src/mod.ts";
import { assertClose, assertColumn, stataExports, stataRows } from "./stata_fixture.ts";

Deno.test("density: closed form on a 2 × 2 matrix", () => {
  const M = matrixFrom([[1, 0], [1, 1]], { rows: ["A", "B"], cols: ["s", "t"] });
  const d = density(M);
  assert.deepEqual(d.get("A", "t"), 1);
  assert.deepEqual(d.get("A", "s"), 0); // the only related sector t is absent in A
  assert.deepEqual(d.get("B", "s"), 1);
});

Deno.test("density: reproduces the Stata density column to 1e-9", () => {
  const rows = stataRows();
  const d = density(presence(locationQuotient(stataExports())));
  assertColumn(rows, "density", (r) => d.get(r.origin, r.hs92));
});

Deno.test("density: accepts an explicit φ in another label order", () => {
  const M = matrixFrom([[1, 0, 1], [0, 1, 1]], { rows: ["A", "B"], cols: ["s", "t", "u"] });
  const phi = proximity(M);
  const shuffled = matrixFrom(
    ["u", "s", "t"].map((a) => ["u", "s", "t"].map((b) => phi.get(a, b))),
    { rows: ["u", "s", "t"], cols: ["u", "s", "t"] },
  );
  assert.deepEqual(density(M, { phi: shuffled }).toArrays(), density(M).toArrays());
});

Deno.test("density: a sector with Σφ = 0 gives 0 and a warning", () => {
  const M = matrixFrom([[1, 0], [0, 1]], { rows: ["A", "B"], cols: ["s", "t"] });
  const d = density(M);
  assert.ok(d.data.every(Number.isFinite));
  assertClose(d.get("A", "s"), 0, 0);
  assert.ok(d.warnings.some((w) => w.includes("Σ φ = 0")));
});
