import assert from "node:assert/strict";
import { Matrix, matrixFrom } from "../../src/indicators/matrix.ts";
import { SparseBinaryMatrix } from "../../src/indicators/sparse.ts";

// a 4 × 5 matrix with an empty row and an empty column
const dense = [
  [1, 0, 1, 0, 0],
  [0, 0, 0, 0, 0],
  [1, 1, 0, 0, 1],
  [0, 1, 1, 0, 1],
];
const M = matrixFrom(dense, { regions: ["a", "b", "c", "d"], sectors: ["p", "q", "r", "s", "t"] });
const S = SparseBinaryMatrix.fromMatrix(M);
const T = (a: number[][]) => a[0]!.map((_, j) => a.map((r) => r[j]!));
const mul = (a: number[][], b: number[][]) =>
  a.map((r) => b[0]!.map((_, j) => r.reduce((s, v, k) => s + v * b[k]![j]!, 0)));

Deno.test("SparseBinaryMatrix: CSR storage, counts and lookups equal the dense matrix", () => {
  assert.equal(S.nnz, 8);
  assert.equal(S.fill, 8 / 20);
  assert.deepEqual(Array.from(S.rowPtr), [0, 2, 2, 5, 8]);
  assert.deepEqual(Array.from(S.colIdx), [0, 2, 0, 1, 4, 1, 2, 4]);
  assert.deepEqual(Array.from(S.rowCounts()), dense.map((r) => r.reduce((a, b) => a + b, 0)));
  assert.deepEqual(Array.from(S.colCounts()), T(dense).map((c) => c.reduce((a, b) => a + b, 0)));
  for (let i = 0; i < 4; i++) for (let j = 0; j < 5; j++) assert.equal(S.at(i, j), dense[i]![j]);
  assert.deepEqual(S.toMatrix().toArrays(), dense);
  assert.deepEqual(S.toMatrix({ warnings: ["w"] }).warnings, ["w"]);
  assert.deepEqual(S.transpose().toMatrix().toArrays(), T(dense));
});

Deno.test("SparseBinaryMatrix: products equal the dense products", () => {
  const x = [1, 2, 3, 4, 5], y = [1, -1, 2, 0.5];
  assert.deepEqual(Array.from(S.mulVec(x)), dense.map((r) => r.reduce((s, v, j) => s + v * x[j]!, 0)));
  assert.deepEqual(Array.from(S.tmulVec(y)), T(dense).map((c) => c.reduce((s, v, i) => s + v * y[i]!, 0)));
  assert.deepEqual(Array.from(S.crossprod()), mul(T(dense), dense).flat());
  assert.deepEqual(Array.from(S.tcrossprod()), mul(dense, T(dense)).flat());
  const B = [[1, 2], [3, 4], [5, 6], [7, 8], [9, 10]];
  assert.deepEqual(Array.from(S.mulDense(Float64Array.from(B.flat()), 2)), mul(dense, B).flat());
  assert.throws(() => S.mulDense(new Float64Array(3), 2), /B must be 5 × 2/);
});

Deno.test("SparseBinaryMatrix: out buffers are filled in place; isOne chooses the ones; bad CSR arrays throw", () => {
  const out = new Float64Array(4).fill(99);
  assert.equal(S.mulVec([1, 1, 1, 1, 1], { out }), out);
  assert.deepEqual(Array.from(out), [2, 0, 3, 3]);
  const tout = new Float64Array(5).fill(99);
  assert.equal(S.tmulVec([1, 0, 0, 0], { out: tout }), tout);
  assert.deepEqual(Array.from(tout), [1, 0, 1, 0, 0]);
  const lq = new Matrix(["a"], ["p", "q", "r"], Float64Array.from([0.5, 1, 2]));
  assert.deepEqual(Array.from(SparseBinaryMatrix.fromMatrix(lq, { isOne: (v) => v >= 1 }).colIdx), [1, 2]);
  assert.deepEqual(Array.from(SparseBinaryMatrix.fromMatrix(lq).colIdx), [0, 1, 2]); // default: ≠ 0
  assert.throws(
    () => new SparseBinaryMatrix(["a"], ["p"], new Uint32Array(1), new Int32Array(0)),
    /2 entries/,
  );
  assert.throws(
    () => new SparseBinaryMatrix(["a"], ["p"], Uint32Array.from([0, 2]), new Int32Array(1)),
    /ends at 2/,
  );
});
