import assert from "node:assert/strict";
import { hooverIndex } from "../../src/indicators/hoover_index.ts";
import { matrixFrom, Series } from "../../src/indicators/matrix.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) < tol, `${a} vs ${b}`);
const rows = ["R1", "R2", "R3", "R4", "R5"];
const pop = [10, 15, 20, 25, 30];

Deno.test("hooverIndex(): EconGeo's documented examples, as fractions (EconGeo: 25, 0, 70, 45)", () => {
  const v = matrixFrom([[0], [10], [10], [30], [50]], { regions: rows, sectors: ["I"] });
  close(hooverIndex(v, { reference: pop }).get("I"), 0.25);
  const m = matrixFrom([[0, 10, 0, 0], [0, 15, 0, 0], [0, 20, 0, 0], [0, 25, 0, 1], [0, 30, 1, 1]], {
    rows,
    cols: ["I1", "I2", "I3", "I4"],
  });
  const h = hooverIndex(m, { reference: new Series(rows, Float64Array.from(pop)) });
  assert.ok(Number.isNaN(h.get("I1")));
  assert.equal(h.warnings.length, 1);
  close(h.get("I2"), 0);
  close(h.get("I3"), 0.7);
  close(h.get("I4"), 0.45);
});

Deno.test("hooverIndex(): default reference is an equal distribution; record references by label", () => {
  const m = matrixFrom([[1], [0]], { regions: ["a", "b"], sectors: ["I"] });
  close(hooverIndex(m).get("I"), 0.5);
  close(hooverIndex(m, { reference: { a: 3, b: 1 } }).get("I"), 0.25);
});

Deno.test("hooverIndex(): a reference with a missing region or negative value names it", () => {
  const m = matrixFrom([[1], [0]], { regions: ["a", "b"], sectors: ["I"] });
  assert.throws(() => hooverIndex(m, { reference: { a: 3 } }), (e: unknown) => {
    assert.ok(e instanceof ValidationError);
    assert.match(
      e.message,
      /row 2, column "reference": expected a finite number, received undefined \(missing\) \(label "b"\)/,
    );
    return true;
  });
  assert.throws(() => hooverIndex(m, { reference: [1, -1] }), /expected a number ≥ 0, received -1/);
  assert.throws(() => hooverIndex(m, { reference: [0, 0] }), (e: unknown) => {
    assert.ok(e instanceof ValidationError);
    assert.deepEqual(e.issues[0], {
      column: "reference",
      expected: "reference values with a positive total",
      received: "total 0",
    });
    return true;
  });
  assert.throws(
    () => hooverIndex(m, { reference: [1] }),
    /expected 2 values \(one per label, in order\), received 1 values/,
  );
});
