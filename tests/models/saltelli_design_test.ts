import assert from "node:assert/strict";
import { saltelliDesign } from "../../src/models/saltelli_design.ts";
import { sobolSequence } from "../../src/core/sobol_sequence.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

Deno.test("saltelliDesign: A and B from a 2k-dimensional Sobol sequence, A_B^(i) takes column i from B", () => {
  const ranges = { a: [0, 1], b: [10, 20], c: [-1, 1] } as const;
  const n = 8, d = saltelliDesign(ranges, n);
  const u = sobolSequence(n, 6, { skip: 1 });
  const scale = (x: number, [lo, hi]: readonly [number, number]) => lo + x * (hi - lo);
  assert.equal(d.points.length, n * 5);
  assert.deepEqual(d.names, ["a", "b", "c"]);
  for (let j = 0; j < n; j++) {
    const Aj = {
      a: scale(u[j]![0]!, ranges.a),
      b: scale(u[j]![1]!, ranges.b),
      c: scale(u[j]![2]!, ranges.c),
    };
    const Bj = {
      a: scale(u[j]![3]!, ranges.a),
      b: scale(u[j]![4]!, ranges.b),
      c: scale(u[j]![5]!, ranges.c),
    };
    assert.deepEqual(d.points[j], Aj);
    assert.deepEqual(d.points[n + j], Bj);
    assert.deepEqual(d.points[2 * n + j], { ...Aj, a: Bj.a });
    assert.deepEqual(d.points[3 * n + j], { ...Aj, b: Bj.b });
    assert.deepEqual(d.points[4 * n + j], { ...Aj, c: Bj.c });
  }
  assert.deepEqual(d.points[0], { a: 0.5, b: 15, c: 0 }); // Sobol point 1 is ½ everywhere
  assert.deepEqual([...new Set(d.table.array("block"))], ["A", "B", "AB:a", "AB:b", "AB:c"]);
  assert.deepEqual(d.table.array("sample").slice(n - 1, n + 1), [n - 1, 0]);
  assert.deepEqual(d.warnings, []);
  // skip 0 starts at the origin: every parameter at its lower bound
  assert.deepEqual(saltelliDesign(ranges, 2, { skip: 0 }).points[0], { a: 0, b: 10, c: -1 });
});

Deno.test("saltelliDesign validates ranges, n and the number of parameters", () => {
  const bad = (ranges: unknown, n: number) =>
    assert.throws(() => saltelliDesign(ranges as never, n), ValidationError);
  bad({ a: [1, 0] }, 8);
  bad({ a: [0, Number.NaN] }, 8);
  bad({}, 8);
  bad({ a: [0, 1] }, 1);
  bad(Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`p${i}`, [0, 1]])), 8);
  assert.equal(
    saltelliDesign(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`p${i}`, [0, 1]])), 4).points
      .length,
    48,
  );
});
