import assert from "node:assert/strict";
import {
  density,
  locationQuotient,
  matrixFrom,
  presence,
  proximity,
  ValidationError,
} from "../../src/mod.ts";
import { assertClose, assertColumn, assertThrowsAs, stataExports, stataRows } from "./stata_fixture.ts";

Deno.test("density: closed form on a 2 × 2 matrix", () => {
  const M = matrixFrom([[1, 0], [1, 1]], { regions: ["A", "B"], sectors: ["s", "t"] });
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
  const M = matrixFrom([[1, 0, 1], [0, 1, 1]], { regions: ["A", "B"], sectors: ["s", "t", "u"] });
  const phi = proximity(M);
  const shuffled = matrixFrom(
    ["u", "s", "t"].map((a) => ["u", "s", "t"].map((b) => phi.get(a, b))),
    { regions: ["u", "s", "t"], sectors: ["u", "s", "t"] },
  );
  assert.deepEqual(density(M, { phi: shuffled }).toArrays(), density(M).toArrays());
});

Deno.test("density: a sector with Σφ = 0 gives 0 and a warning", () => {
  const M = matrixFrom([[1, 0], [0, 1]], { regions: ["A", "B"], sectors: ["s", "t"] });
  const d = density(M);
  assert.ok(d.data.every(Number.isFinite));
  assertClose(d.get("A", "s"), 0, 0);
  assert.ok(d.warnings.some((w) => w.includes("Σ φ = 0")));
});

const knnRef = JSON.parse(
  Deno.readTextFileSync(new URL("../fixtures/reference/parity/knn_density.json", import.meta.url)),
);

function assertMatrixClose(actual: number[][], expected: number[][], tol: number, what: string): void {
  assert.equal(actual.length, expected.length, what);
  actual.forEach((row, i) =>
    row.forEach((v, j) => assertClose(v, expected[i]![j]!, tol, `${what} [${i}][${j}]`))
  );
}

Deno.test("density knn: Stata's rule on the Stata fixture (ties at the k-th proximity kept)", () => {
  const M = presence(locationQuotient(stataExports()), { convention: "stata" });
  assert.deepEqual(M.rows, knnRef.fixture.regions);
  assert.deepEqual(M.cols, knnRef.fixture.sectors);
  for (const k of [1, 3, 5, 10]) {
    assertMatrixClose(
      density(M, { method: "knn", k }).toArrays(),
      knnRef.fixture[`k${k}`],
      1e-12,
      `k = ${k}`,
    );
  }
  // ties occur in this φ, so keeping exactly k neighbours would give other values: the rule is tested
  const phi = proximity(M);
  const col = phi.cols.map((c) => phi.get(c, phi.cols[0]!)).filter((_, a) => a !== 0).sort((a, b) => b - a);
  assert.ok(col.some((v, i) => i > 0 && v === col[i - 1]! && v > 0), "a tie among the proximities");
});

Deno.test("density knn: without ties Stata's and py-ecomplexity's (scikit-learn) rules agree with it", () => {
  const n = knnRef.tiefree.phi.length, r = knnRef.tiefree.M.length;
  const sectors = Array.from({ length: n }, (_, j) => `s${j}`);
  const regions = Array.from({ length: r }, (_, i) => `r${i}`);
  const phi = matrixFrom(knnRef.tiefree.phi, { regions: sectors, sectors });
  const M = matrixFrom(knnRef.tiefree.M, { regions, sectors });
  for (const k of [1, 4, 11]) {
    assertMatrixClose(
      density(M, { phi, method: "knn", k }).toArrays(),
      knnRef.tiefree[`k${k}`],
      1e-13,
      `k = ${k}`,
    );
  }
  // k = every other sector is the full density (the diagonal of φ is 0 here)
  assertMatrixClose(
    density(M, { phi, method: "knn", k: n - 1 }).toArrays(),
    density(M, { phi }).toArrays(),
    0,
    "k = n − 1",
  );
});

Deno.test("density knn: k is validated; a sector whose neighbours all have φ = 0 gets 0 and a warning", () => {
  const M = matrixFrom([[1, 0, 0], [0, 1, 0]], { regions: ["A", "B"], sectors: ["s", "t", "u"] });
  for (const k of [undefined, 0, 3, 1.5, Number.NaN]) {
    const e = assertThrowsAs(() => density(M, { method: "knn", k }), ValidationError);
    assert.equal(e.issues[0]!.column, "k");
  }
  assertThrowsAs(() => density(M, { method: "nearest" as never }), ValidationError);
  const d = density(M, { method: "knn", k: 1 }); // u is present nowhere: φ = 0 around it
  assert.ok(d.data.every(Number.isFinite));
  assert.ok(d.warnings.some((w) => w.includes("Σ φ = 0")));
});
