import assert from "node:assert/strict";
import { SOBOL_MAX_DIMENSIONS, sobolSequence } from "../../src/core/sobol_sequence.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

const reference = JSON.parse(
  await Deno.readTextFile(new URL("../fixtures/reference/sobol_scipy.json", import.meta.url)),
) as { dimensions: number; first64: number[][]; from1000: number[][] };

Deno.test("the first Sobol points are the known ones: 0, ½, then ¾/¼ and ¼/¾", () => {
  const p = sobolSequence(8, 3);
  assert.deepEqual(p.slice(0, 4), [[0, 0, 0], [0.5, 0.5, 0.5], [0.75, 0.25, 0.25], [0.25, 0.75, 0.75]]);
  // dimension 1 is the van der Corput sequence in Gray-code order
  assert.deepEqual(p.map((x) => x[0]), [0, 0.5, 0.75, 0.25, 0.375, 0.875, 0.625, 0.125]);
});

Deno.test("Sobol points equal SciPy's qmc.Sobol(scramble=False) in all 21 dimensions (Joe–Kuo 6.21201)", () => {
  assert.equal(SOBOL_MAX_DIMENSIONS, reference.dimensions);
  assert.deepEqual(sobolSequence(64, 21), reference.first64);
  // skip starts anywhere in the sequence (the Gray code of the skipped index)
  assert.deepEqual(sobolSequence(8, 21, { skip: 1000 }), reference.from1000);
  assert.deepEqual(sobolSequence(3, 21, { skip: 7 }), reference.first64.slice(7, 10));
});

Deno.test("the first 2^m Sobol points put one value in each interval of width 2^-m, in every dimension", () => {
  const m = 6, n = 2 ** m;
  const p = sobolSequence(n, 21);
  for (let d = 0; d < 21; d++) {
    const cells = new Set(p.map((x) => Math.floor(x[d]! * n)));
    assert.equal(cells.size, n, `dimension ${d + 1}`);
  }
});

Deno.test("sobolSequence validates its parameters", () => {
  for (const [n, d, skip] of [[-1, 2, 0], [2, 0, 0], [2, 22, 0], [1.5, 2, 0], [2, 2, -1], [2 ** 32, 1, 1]]) {
    assert.throws(() => sobolSequence(n!, d!, { skip: skip! }), ValidationError, `${n} ${d} ${skip}`);
  }
  assert.deepEqual(sobolSequence(0, 2), []);
});
