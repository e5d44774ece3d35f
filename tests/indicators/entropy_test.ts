import assert from "node:assert/strict";
import { entropy } from "../../src/indicators/entropy.ts";
import { matrixFrom } from "../../src/indicators/matrix.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

Deno.test("entropy(): closed forms in bits (log2 n for n equal sectors, 0 for one, 1.5 for ½,¼,¼)", () => {
  const m = matrixFrom([[5, 5, 5, 5], [7, 0, 0, 0], [2, 1, 1, 0]], {
    rows: ["R1", "R2", "R3"],
    cols: ["A", "B", "C", "D"],
  });
  const e = entropy(m);
  assert.equal(e.get("R1"), 2);
  assert.equal(e.get("R2"), 0);
  assert.equal(e.get("R3"), 1.5);
});

Deno.test("entropy(): base e gives nats (ln 4 for four equal sectors); base 1 is rejected", () => {
  const m = matrixFrom([[1, 1, 1, 1]], { regions: ["R1"], sectors: ["A", "B", "C", "D"] });
  assert.ok(Math.abs(entropy(m, { base: Math.E }).get("R1") - Math.log(4)) < 1e-15);
  assert.throws(() => entropy(m, { base: 1 }), (e: unknown) => {
    assert.ok(e instanceof ValidationError);
    assert.deepEqual(e.issues, [{ column: "base", expected: "a finite number > 0 and ≠ 1", received: "1" }]);
    return true;
  });
  // base 0 is outside "> 0" (log 0 = −∞ would give −0 entropies); base 10 is allowed: log10 4.
  assert.throws(() => entropy(m, { base: 0 }), (e: unknown) => {
    assert.ok(e instanceof ValidationError);
    assert.deepEqual(e.issues, [{ column: "base", expected: "a finite number > 0 and ≠ 1", received: "0" }]);
    return true;
  });
  assert.ok(Math.abs(entropy(m, { base: 10 }).get("R1") - Math.log10(4)) < 1e-15);
});

Deno.test("entropy(): empty region NaN with warning", () => {
  const e = entropy(matrixFrom([[0, 0], [1, 3]], { regions: ["E", "R"], sectors: ["A", "B"] }));
  assert.ok(Number.isNaN(e.get("E")));
  assert.equal(e.warnings.length, 1);
  assert.ok(Math.abs(e.get("R") - (-(0.25 * Math.log2(0.25)) - 0.75 * Math.log2(0.75))) < 1e-15);
});
