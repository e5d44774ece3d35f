import assert from "node:assert/strict";
import { param } from "../../src/core/param.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

Deno.test("param() reads CLUSTERLAB_<NAME>, falls back, and refuses non-numbers for numeric parameters", () => {
  Deno.env.delete("CLUSTERLAB_TEST_REGION");
  assert.equal(param("test_region", "北京"), "北京");
  Deno.env.set("CLUSTERLAB_TEST_REGION", "浙江");
  assert.equal(param("TEST_REGION", "北京"), "浙江");
  Deno.env.set("CLUSTERLAB_TEST_YEAR", "2016");
  assert.equal(param("TEST_YEAR", 2018), 2016);
  Deno.env.set("CLUSTERLAB_TEST_YEAR", "next");
  assert.throws(() => param("TEST_YEAR", 2018), (e: unknown) => {
    assert.ok(e instanceof ValidationError);
    assert.deepEqual(e.issues.map((i) => [i.column, i.expected, i.received]), [
      ["TEST_YEAR", "a number", '"next"'],
    ]);
    assert.equal(e.issues[0]!.kind, "parameter");
    assert.match(
      e.message,
      /parameter "TEST_YEAR": expected a number, received "next" \(environment variable CLUSTERLAB_TEST_YEAR; /,
    );
    assert.doesNotMatch(e.message, /column/);
    return true;
  });
  Deno.env.set("CLUSTERLAB_TEST_YEAR", "  ");
  assert.throws(() => param("TEST_YEAR", 2018), /expected a number, received " {2}"/); // not 0
  Deno.env.delete("CLUSTERLAB_TEST_YEAR");
  Deno.env.delete("CLUSTERLAB_TEST_REGION");
});

Deno.test("param() with choices accepts only listed values (default included)", () => {
  Deno.env.delete("CLUSTERLAB_TEST_LANG");
  assert.equal(param("TEST_LANG", "en", { choices: ["en", "zh"] }), "en");
  Deno.env.set("CLUSTERLAB_TEST_LANG", "zh");
  assert.equal(param("TEST_LANG", "en", { choices: ["en", "zh"] }), "zh");
  Deno.env.set("CLUSTERLAB_TEST_LANG", "fr");
  assert.throws(
    () => param("TEST_LANG", "en", { choices: ["en", "zh"] }),
    /parameter "TEST_LANG": expected one of en, zh, received "fr" \(environment variable CLUSTERLAB_TEST_LANG; set with --param TEST_LANG=VALUE\)/,
  );
  Deno.env.delete("CLUSTERLAB_TEST_LANG");
  assert.throws(
    () => param("TEST_LANG", "de" as "en", { choices: ["en", "zh"] }),
    /expected a default among en, zh/,
  );
});
