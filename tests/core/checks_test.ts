import assert from "node:assert/strict";
import { checkChoice, checkNumber, listLabels, missingColumns, ParamChecker } from "../../src/core/checks.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

Deno.test("ParamChecker collects every problem and throws them together", () => {
  const c = new ParamChecker("parameters of a model");
  assert.equal(c.number("rate", 0.5, { min: 0, max: 1 }), true);
  assert.equal(c.number("rate", 0, { min: 0, open: true }), false);
  assert.equal(c.number("steps", 2.5, { integer: true, min: 1 }), false);
  assert.equal(c.choice("order", "public", ["public", "private"] as const), true);
  assert.equal(c.choice("order", "mixed", ["public", "private"] as const), false);
  assert.equal(c.vector("x0", [1, Number.NaN], 2), false);
  assert.equal(c.matrix("A", [[1, 2], [3]], 2), false);
  assert.deepEqual(c.issues.map((i) => [i.column, i.expected, i.received]), [
    ["rate", "a finite number > 0", "0"],
    ["steps", "an integer ≥ 1", "2.5"],
    ["order", 'one of "public", "private"', '"mixed"'],
    ["x0[1]", "a finite number", "NaN"],
    ["A[1]", "a row of 2 numbers", '"1 values"'],
  ]);
  assert.ok(!("message" in c.issues[0]!)); // no message key when none was given
  c.add("note", "something", 1, "why");
  assert.equal(c.issues.at(-1)!.message, "why");
  assert.throws(() => c.done(), (e: unknown) => e instanceof ValidationError && e.issues.length === 6);
  new ParamChecker("nothing wrong").done(); // no issue: no throw
});

Deno.test("checkChoice and checkNumber throw one issue naming the parameter", () => {
  checkChoice("options of f", "method", "a", ["a", "b"] as const);
  assert.throws(
    () => checkChoice("options of f", "method", "c", ["a", "b"] as const),
    /Invalid options of f: 1 problem\n {2}- column "method": expected one of "a", "b", received "c"/,
  );
  checkNumber("options of f", "steps", 3, { min: 0, max: 10, integer: true });
  assert.throws(
    () => checkNumber("options of f", "steps", 11, { min: 0, max: 10, integer: true }),
    /column "steps": expected an integer ≥ 0 ≤ 10, received 11/,
  );
  assert.throws(() => checkNumber("options of f", "x", "1"), /expected a finite number, received "1"/);
});

Deno.test("missingColumns and listLabels", () => {
  assert.deepEqual(missingColumns(["a", "b"], ["a", "c"]), [
    { column: "c", expected: 'a column "c"', received: "columns a, b" },
  ]);
  assert.deepEqual(missingColumns(["a"], ["a"]), []);
  assert.equal(listLabels(["a", "b"]), '"a", "b"');
  const ten = Array.from({ length: 10 }, (_, i) => `L${i}`);
  assert.equal(listLabels(ten), `${ten.slice(0, 8).map((l) => `"${l}"`).join(", ")} and 2 more`);
  assert.equal(listLabels(ten, { limit: 2 }), '"L0", "L1" and 8 more');
});
