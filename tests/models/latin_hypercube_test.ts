import assert from "node:assert/strict";
import { latinHypercube } from "../../src/models/latin_hypercube.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

Deno.test("latinHypercube puts exactly one point in each stratum of each parameter", () => {
  const ranges = { p1: [0, 1], p2: [0.1, 0.9], turnover: [-3, 5] } as const;
  for (const n of [1, 7, 50]) {
    const d = latinHypercube(ranges, n, { seed: 11 });
    assert.equal(d.points.length, n);
    for (const [k, [lo, hi]] of Object.entries(ranges)) {
      const strata = d.points.map((p) => Math.floor(((p[k]! - lo) / (hi - lo)) * n)).sort((a, b) => a - b);
      assert.deepEqual(strata, Array.from({ length: n }, (_, i) => i), `${k}, n = ${n}`);
      assert.ok(d.points.every((p) => p[k]! >= lo && p[k]! < hi));
    }
    assert.deepEqual(d.table.columnNames(), ["sample", "p1", "p2", "turnover"]);
  }
});

Deno.test("latinHypercube is seeded: the same seed gives the same points, another seed others", () => {
  const ranges = { a: [0, 1], b: [0, 1] } as const;
  const x = latinHypercube(ranges, 20, { seed: 4 });
  assert.deepEqual(latinHypercube(ranges, 20, { seed: 4 }).points, x.points);
  assert.notDeepEqual(latinHypercube(ranges, 20, { seed: 5 }).points, x.points);
  // the permutations of the parameters are independent: not the same order in a and b
  assert.notDeepEqual(x.points.map((p) => Math.floor(p.a! * 20)), x.points.map((p) => Math.floor(p.b! * 20)));
});

Deno.test("latinHypercube validates its inputs", () => {
  for (
    const [ranges, n, seed] of [[{ a: [1, 1] }, 5, 1], [{ a: [0, 1] }, 0, 1], [{ a: [0, 1] }, 5, -1], [
      [],
      5,
      1,
    ]]
  ) {
    assert.throws(
      () => latinHypercube(ranges as never, n as number, { seed: seed as number }),
      ValidationError,
    );
  }
});
