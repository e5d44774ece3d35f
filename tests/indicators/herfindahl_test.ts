import assert from "node:assert/strict";
import { herfindahl } from "../../src/indicators/herfindahl.ts";
import { matrixFrom } from "../../src/indicators/matrix.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

Deno.test("herfindahl(): closed forms Σ s² (one sector 1, n equal sectors 1/n, mixed)", () => {
  const m = matrixFrom([[10, 10, 0, 0], [1, 1, 1, 1], [5, 0, 0, 0], [1, 1, 2, 0]], {
    rows: ["R1", "R2", "R3", "R4"],
    cols: ["A", "B", "C", "D"],
  });
  const h = herfindahl(m);
  assert.equal(h.get("R1"), 0.5);
  assert.equal(h.get("R2"), 0.25);
  assert.equal(h.get("R3"), 1);
  assert.equal(h.get("R4"), 0.0625 + 0.0625 + 0.25);
  assert.deepEqual(h.warnings, []);
});

Deno.test("herfindahl(): a region with no activity is NaN with a warning naming it", () => {
  const h = herfindahl(matrixFrom([[1, 1], [0, 0]], { regions: ["R1", "Empty"], sectors: ["A", "B"] }));
  assert.ok(Number.isNaN(h.get("Empty")));
  assert.equal(h.get("R1"), 0.5);
  assert.match(h.warnings[0]!, /1 region\(s\) with no activity \("Empty"\)/);
});

Deno.test("herfindahl(): negative or non-finite counts are rejected with row and column", () => {
  const m = matrixFrom([[1, -2]], { regions: ["R1"], sectors: ["A", "B"] });
  assert.throws(() => herfindahl(m), (e: unknown) => {
    assert.ok(e instanceof ValidationError);
    assert.equal(
      e.message,
      'Invalid input of herfindahl: 1 problem\n  - row 1, column "B": expected a finite count ≥ 0, received -2 (region "R1")',
    );
    return true;
  });
});
