import assert from "node:assert/strict";
import { specialisationHeatmap } from "../../src/plot/specialisation_heatmap.ts";
import { locationQuotient } from "../../src/indicators/location_quotient.ts";
import { matrixFrom } from "../../src/indicators/matrix.ts";
import { ValidationError } from "../../src/core/validation_error.ts";
import { assertSnapshot } from "./snapshot.ts";

const x = matrixFrom([[10, 0, 5], [10, 20, 5]], { rows: ["A", "B"], cols: ["s1", "s2", "s3"] });

Deno.test("specialisationHeatmap(): one cell per region × sector with the exact LQ in its title", () => {
  const fig = specialisationHeatmap(locationQuotient(x));
  const svg = fig.toSVG();
  assert.equal((svg.match(/<rect/g) ?? []).length, 6);
  // LQ(A, s1) = (10/15)/(20/50) = 5/3 exactly as computed; LQ(A, s2) = 0.
  assert.ok(svg.includes(`A × s1\nLocation quotient = ${(10 / 15) / (20 / 50)}`));
  assert.ok(svg.includes("A × s2\nLocation quotient = 0"));
  assert.ok(fig.toHTML().includes("Specialisation (location quotient)"));
});

Deno.test("specialisationHeatmap(): Chinese labels and display names; LQ = 1 is the neutral colour", () => {
  const one = matrixFrom([[1, 1], [1, 1]], { rows: ["A", "B"], cols: ["s1", "s2"] });
  const fig = specialisationHeatmap(locationQuotient(one), { lang: "zh", names: { A: "甲地" } });
  const html = fig.toHTML();
  assert.ok(html.includes("专业化程度（区位商）"));
  assert.ok(html.includes("甲地 × s1"));
  assert.ok(html.includes("地区") && html.includes("产业"));
  const fills = [...fig.toSVG().matchAll(/<rect[^>]*fill="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(new Set(fills).size, 1); // all LQ 1 → the neutral middle class
  const neutral = fills[0]!;
  const mixed = specialisationHeatmap(locationQuotient(x)).toSVG();
  const mixedFills = [...mixed.matchAll(/<rect[^>]*fill="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(mixedFills.length, 6);
  // LQ: A (5/3, 0, 5/3), B (5/7, 10/7, 5/7) → classes [1.25, 2), lowest, [1.25, 2); [0.5, 0.8), [1.25, 2), [0.5, 0.8).
  const [a1, a2, a3, b1, b2, b3] = mixedFills;
  assert.equal(a1, a3);
  assert.equal(a1, b2);
  assert.equal(b1, b3);
  assert.equal(new Set(mixedFills).size, 3);
  assert.ok(!mixedFills.includes(neutral));
  assert.notEqual(a2, b1);
});

Deno.test("specialisationHeatmap(): bad breaks and non-matrix input are ValidationErrors", () => {
  assert.throws(() => specialisationHeatmap(locationQuotient(x), { breaks: [2, 1] }), (e: unknown) => {
    assert.ok(e instanceof ValidationError);
    assert.match(
      e.message,
      /column "breaks": expected at least 2 ascending finite numbers > 0, received \[2,1\]/,
    );
    return true;
  });
  assert.throws(() => specialisationHeatmap([[1]] as never), /expected a Matrix of location quotients/);
});

Deno.test("specialisationHeatmap(): snapshots (English with display names, Chinese)", async () => {
  const lq = locationQuotient(x);
  await assertSnapshot(
    import.meta.url,
    "specialisation-heatmap",
    specialisationHeatmap(lq, { names: { A: "Alpha" } }).toSVG(),
  );
  await assertSnapshot(
    import.meta.url,
    "specialisation-heatmap-zh",
    specialisationHeatmap(lq, { lang: "zh" }).toSVG(),
  );
});

Deno.test("specialisationHeatmap(): the 0.1 rowNames/colNames (records or Maps) equal names", () => {
  const lq = locationQuotient(x);
  const today = specialisationHeatmap(lq, { names: { A: "甲地", s1: "一业" } }).toSVG();
  assert.equal(
    specialisationHeatmap(lq, { rowNames: { A: "甲地" }, colNames: { s1: "一业" } }).toSVG(),
    today,
  );
  assert.equal(
    specialisationHeatmap(lq, { rowNames: new Map([["A", "甲地"]]), colNames: new Map([["s1", "一业"]]) })
      .toSVG(),
    today,
  );
  assert.throws(
    () => specialisationHeatmap(lq, { names: { A: "a" }, rowNames: { A: "甲地" } }),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "rowNames",
  );
  assert.throws(
    () => specialisationHeatmap(lq, { rowNames: { A: "甲地" }, colNames: { A: "乙" } }),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "colNames",
  );
});
