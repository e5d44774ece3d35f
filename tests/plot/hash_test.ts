import assert from "node:assert/strict";
import { fnv1a } from "../../src/plot/hash.ts";

Deno.test("fnv1a(): the published FNV-1a 32-bit test vectors", () => {
  // Fowler–Noll–Vo test vectors (http://www.isthe.com/chongo/src/fnv/test_fnv.c): "", "a", "foobar"
  assert.equal(fnv1a(""), "811c9dc5");
  assert.equal(fnv1a("a"), "e40c292c");
  assert.equal(fnv1a("foobar"), "bf9cf968");
});
