import assert from "node:assert/strict";
import { param } from "../src/param.ts";

Deno.test("param() reads CLUSTERLAB_<NAME>, falls back, and refuses non-numbers for numeric parameters", () => {
  Deno.env.delete("CLUSTERLAB_TEST_REGION");
  assert.equal(param("test_region", "北京"), "北京");
  Deno.env.set("CLUSTERLAB_TEST_REGION", "浙江");
  assert.equal(param("TEST_REGION", "北京"), "浙江");
  Deno.env.set("CLUSTERLAB_TEST_YEAR", "2016");
  assert.equal(param("TEST_YEAR", 2018), 2016);
  Deno.env.set("CLUSTERLAB_TEST_YEAR", "next");
  assert.throws(() => param("TEST_YEAR", 2018), /CLUSTERLAB_TEST_YEAR: expected a number, received "next"/);
  Deno.env.delete("CLUSTERLAB_TEST_YEAR");
  Deno.env.delete("CLUSTERLAB_TEST_REGION");
});
