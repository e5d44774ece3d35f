import assert from "node:assert/strict";
import { label, LABELS } from "../../src/core/i18n.ts";

Deno.test("label(text): the 0.1 form without lang gives the English text, as label(text, 'en')", () => {
  assert.equal(label(LABELS.region), label(LABELS.region, "en"));
  assert.equal(label({ en: "Year", zh: "年份" }), "Year");
  assert.equal(label({ en: "Year", zh: "年份" }, "zh"), "年份");
});
