import assert from "node:assert/strict";
import { checkGivenOnce, mergeGivenOnce, renamedOptions } from "../../src/core/deprecated.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

Deno.test("renamedOptions: a 0.1 option name is read as today's and removed; both names is an error naming the 0.1 one", () => {
  const o = renamedOptions<{ entity?: string; id?: string; year?: string }>("options of f", {
    id: "region",
    year: "yr",
  }, { id: "entity" });
  assert.deepEqual(o, { entity: "region", year: "yr" });
  const same = { entity: "e" };
  assert.equal(renamedOptions("options of f", same, { id: "entity" }), same); // nothing to rename: as given
  assert.throws(
    () => renamedOptions("options of f", { entity: "a", id: "b" }, { id: "entity" }),
    (e: unknown) =>
      e instanceof ValidationError && e.subject === "options of f" && e.issues[0]!.column === "id" &&
      e.issues[0]!.expected === 'either "entity" or its deprecated alias "id", not both',
  );
});

Deno.test("checkGivenOnce / mergeGivenOnce: a value given both ways is an error naming it; else the 0.1 values are added", () => {
  assert.deepEqual(
    mergeGivenOnce<{ tEnd?: number; dt?: number }>("settings of f", { tEnd: 10, dt: undefined }, { dt: 0.5 }),
    {
      tEnd: 10,
      dt: 0.5,
    },
  );
  checkGivenOnce("settings of f", { tEnd: 10 }, { dt: 1 }); // no overlap: no error
  assert.throws(
    () => mergeGivenOnce<{ tEnd?: number; dt?: number }>("settings of f", { tEnd: 10, dt: 1 }, { tEnd: 20 }),
    (e: unknown) =>
      e instanceof ValidationError && e.issues.length === 1 && e.issues[0]!.column === "tEnd" &&
      e.issues[0]!.received === "10 and 20",
  );
});
