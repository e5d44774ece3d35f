import assert from "node:assert/strict";
import { classifyPlatform } from "../../src/classify/platform.ts";
import { readCSV } from "../../src/data/read.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

Deno.test("the shipped cases: Zhongguancun is public hierarchy, Hangzhou private order, with evidence", async () => {
  const cases = await readCSV(new URL("../../data/platform-cases.csv", import.meta.url));
  const r = classifyPlatform(cases);
  const rows = r.table.objects() as Record<string, unknown>[];
  assert.deepEqual(rows.map((x) => [x.case, x.public_share, x.order]), [
    ["Zhongguancun credit platform", 1, "public_hierarchy"],
    ["Hangzhou e-commerce credit platform", 0, "private_order"],
  ]);
  assert.ok((r.roles.array("evidence") as string[]).every((e) => e.length > 40));
  assert.match(r.warnings.join("\n"), /Hangzhou e-commerce credit platform": only 1 of 7 roles coded/);
});

Deno.test("public share is the weighted mean of holder values; cut-offs are parameters", () => {
  const c = [
    { case: "X", role: "initiator", holder: "public" },
    { case: "X", role: "controller", holder: "private" },
    { case: "X", role: "funder", holder: "mixed" },
  ];
  const r = classifyPlatform(c, { lang: "zh" });
  assert.equal(r.table.get("public_share", 0), 0.5); // (1 + 0 + 0.5)/3
  assert.equal(r.table.get("order", 0), "hybrid");
  assert.equal(r.table.get("order_label", 0), "混合秩序");
  assert.ok(Math.abs(r.table.get("margin", 0) - 1 / 6) < 1e-15);
  // Controller weighted 4: (1 + 0 + 0.5)/6 = 0.25 ≤ 1/3 → private order.
  const w = classifyPlatform(c, { roleWeights: { controller: 4 } });
  assert.equal(w.table.get("public_share", 0), 0.25);
  assert.equal(w.table.get("order", 0), "private_order");
  assert.equal(
    classifyPlatform(c, { privateCutoff: 0.5, publicCutoff: 0.9 }).table.get("order", 0),
    "private_order",
  );
  assert.equal(r.table.get("missing_roles", 0), "implementer, rule_maker, data_owner, membership");
  // weight_coded = coded weight / total weight of the 7 roles: 3/7 with equal weights; controller 4 → 6/10.
  assert.ok(Math.abs(r.table.get("weight_coded", 0) - 3 / 7) < 1e-15);
  assert.ok(Math.abs(w.table.get("weight_coded", 0) - 0.6) < 1e-15);
  // The cut-offs' closed ends are allowed: 0 ≤ privateCutoff < publicCutoff ≤ 1 (0.5 is then hybrid).
  assert.equal(classifyPlatform(c, { privateCutoff: 0, publicCutoff: 1 }).table.get("order", 0), "hybrid");
});

Deno.test("margin is the distance to the nearer cut-off; all-zero weights leave the share undetermined", () => {
  // Initiator public, funder mixed: (1 + 0.5)/2 = 0.75 ≥ 2/3 → public hierarchy, margin 0.75 − 2/3 = 1/12
  // (the private cut-off 1/3 is 5/12 away).
  const r = classifyPlatform([
    { case: "Y", role: "initiator", holder: "public" },
    { case: "Y", role: "funder", holder: "mixed" },
  ]);
  assert.equal(r.table.get("order", 0), "public_hierarchy");
  assert.ok(Math.abs(r.table.get("margin", 0) - 1 / 12) < 1e-15, `margin ${r.table.get("margin", 0)}`);
  // Every role weighted 0: share 0.5 (undetermined, with a warning) and weight_coded 0, not NaN.
  const zero = Object.fromEntries(
    ["initiator", "controller", "funder", "implementer", "rule_maker", "data_owner", "membership"].map((
      k,
    ) => [k, 0]),
  );
  const z = classifyPlatform([{ case: "Z", role: "initiator", holder: "public" }], { roleWeights: zero });
  assert.equal(z.table.get("public_share", 0), 0.5);
  assert.equal(z.table.get("weight_coded", 0), 0);
  assert.match(z.warnings.join("\n"), /case "Z": every coded role has weight 0, public share set to 0.5/);
});

Deno.test("unknown roles or holders and duplicate codings are ValidationErrors naming the row", () => {
  assert.throws(
    () => classifyPlatform([{ case: "X", role: "owner", holder: "public" }]),
    (e: unknown) =>
      e instanceof ValidationError && e.message.includes('row 1, column "role": expected one of initiator'),
  );
  assert.throws(
    () =>
      classifyPlatform([
        { case: "X", role: "initiator", holder: "public" },
        { case: "X", role: "initiator", holder: "state" },
      ]),
    (e: unknown) =>
      e instanceof ValidationError &&
      e.message.includes('row 2, column "holder": expected one of public, private, mixed, received "state"'),
  );
  assert.throws(
    () =>
      classifyPlatform([{ case: "X", role: "initiator", holder: "public" }], {
        publicCutoff: 0.2,
        privateCutoff: 0.4,
      }),
    (e: unknown) =>
      e instanceof ValidationError && e.message.includes("0 ≤ privateCutoff < publicCutoff ≤ 1"),
  );
});
