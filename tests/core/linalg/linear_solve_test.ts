import assert from "node:assert/strict";
import { solveLinearSystem } from "../../../src/core/linalg/linear_solve.ts";

Deno.test("solveLinearSystem() solves with pivoting and returns null when singular", () => {
  assert.deepEqual(solveLinearSystem([[0, 1], [1, 0]], [2, 3]), [3, 2]);
  assert.equal(solveLinearSystem([[1, 2], [2, 4]], [1, 2]), null);
});

Deno.test("solveLinearSystem(): the tolerance option decides when a pivot counts as zero", () => {
  // [[1, 1], [1, 1 + 1e-9]] has a second pivot of 1e-9: singular at tolerance 1e-6, solvable at the default
  const A = [[1, 1], [1, 1 + 1e-9]];
  assert.equal(solveLinearSystem(A, [2, 2], { tolerance: 1e-6 }), null);
  const x = solveLinearSystem(A, [2, 2])!;
  assert.ok(Math.abs(x[0]! - 2) < 1e-6 && Math.abs(x[1]!) < 1e-6);
  assert.deepEqual(solveLinearSystem([], []), []);
  assert.equal(solveLinearSystem([[0]], [1]), null);
});

Deno.test("solveLinearSystem(A, b, tolerance): the 0.1 form equals { tolerance }", () => {
  const A = [[1, 1], [1, 1 + 1e-9]], b = [2, 2];
  assert.deepEqual(solveLinearSystem(A, b, 1e-6), solveLinearSystem(A, b, { tolerance: 1e-6 }));
  assert.equal(solveLinearSystem(A, b, 1e-6), null); // the pivot 1e-9 is below the tolerance: singular
  assert.deepEqual(solveLinearSystem(A, b, 1e-12), solveLinearSystem(A, b, { tolerance: 1e-12 }));
  assert.notEqual(solveLinearSystem(A, b, 1e-12), null);
});
