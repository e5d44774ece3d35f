/**
 * The reliability catalogue (tests/reliability/README.md): every case of every class, one test per class and
 * one step per case, and the count the issue asks for (at least 200 cases).
 */
import assert from "node:assert/strict";
import { type Case, check, DIR } from "./case.ts";
import { ENCODINGS } from "./encoding_cases.ts";
import { FILES } from "./files_cases.ts";
import { NO_SCHEMA } from "./schema_cases.ts";
import { OVERFLOW } from "./overflow_cases.ts";
import { KEYS } from "./keys_cases.ts";
import { SIZE } from "./size_cases.ts";
import { ESCAPING } from "./escaping_cases.ts";
import { PERMISSIONS } from "./permission_cases.ts";

/** The classes, in the order of the issue. */
export const CLASSES: readonly (readonly [string, readonly Case[]])[] = [
  ["files", FILES],
  ["encodings", ENCODINGS],
  ["no schema given", NO_SCHEMA],
  ["overflow", OVERFLOW],
  ["duplicates and keys", KEYS],
  ["size guards", SIZE],
  ["text alternatives escaped", ESCAPING],
  ["permissions", PERMISSIONS],
];

for (const [name, cases] of CLASSES) {
  Deno.test(`reliability: ${name} (${cases.length} cases)`, async (t) => {
    for (const c of cases) await t.step(c.name, () => check(c));
  });
}

Deno.test("reliability: the catalogue holds at least 200 cases, each named once", () => {
  const all = CLASSES.flatMap(([, cases]) => cases);
  const names = all.map((c) => c.name);
  assert.equal(new Set(names).size, names.length, "two cases share a name");
  assert.ok(all.length >= 200, `${all.length} cases`);
});

Deno.test({
  name: "reliability: temporary files removed",
  fn: () => Deno.removeSync(DIR, { recursive: true }),
  sanitizeResources: false,
});
