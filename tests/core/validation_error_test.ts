import assert from "node:assert/strict";
import { ValidationError, type ValidationIssue } from "../../src/core/validation_error.ts";

Deno.test("new ValidationError(subject, issues, limit): the 0.1 form equals { limit }", () => {
  const issues: ValidationIssue[] = [1, 2, 3].map((row) => ({
    row,
    column: "v",
    expected: "a number",
    received: "x",
  }));
  const v01 = new ValidationError("table", issues, 2);
  const today = new ValidationError("table", issues, { limit: 2 });
  assert.equal(v01.message, today.message);
  assert.match(v01.message, /… and 1 more$/);
  assert.deepEqual(v01.issues, issues);
  assert.equal(
    new ValidationError("table", issues).message,
    new ValidationError("table", issues, {}).message,
  );
});
