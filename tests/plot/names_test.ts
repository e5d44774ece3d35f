import assert from "node:assert/strict";
import { checkNames, displayName } from "../../src/plot/names.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

Deno.test("displayName(): a string entry, the lang text of a bilingual one, else the code", () => {
  const names = { UKH1: "East Anglia", 浙江: { en: "Zhejiang", zh: "浙江" } };
  assert.equal(displayName(names, "UKH1", "en"), "East Anglia");
  assert.equal(displayName(names, "UKH1", "zh"), "East Anglia");
  assert.equal(displayName(names, "浙江", "en"), "Zhejiang");
  assert.equal(displayName(names, "浙江", "zh"), "浙江");
  assert.equal(displayName(names, "toString", "en"), "toString"); // own entries only
  assert.equal(displayName(undefined, "x", "en"), "x");
});

Deno.test("checkNames(): records of strings or { en, zh } pass, anything else is a ValidationError", () => {
  checkNames(undefined, "options");
  checkNames({ a: "A", b: { en: "B", zh: "乙" } }, "options");
  for (const bad of [["a"], new Map([["a", "A"]]), "A", { a: 1 }, { a: { en: "A" } }]) {
    assert.throws(
      () => checkNames(bad, "options of a chart"),
      (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "names",
      String(bad),
    );
  }
});
