import assert from "node:assert/strict";
import { GATEKEEPER_CLASSES, gatekeepers } from "../../src/classify/gatekeepers.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

// deno-lint-ignore no-explicit-any
type Row = Record<string, any>;
// Region R: a university u tied to four organisations of R and two outside; r1 tied to u and r2 inside
// and to y outside; r2 tied to u and r1; f tied to u only; g isolated. Region S: x, y, z.
const ORGS = [
  { id: "u", type: "university", region: "R" },
  { id: "r1", type: "research_institute", region: "R" },
  { id: "r2", type: "research_institute", region: "R" },
  { id: "f", type: "firm", region: "R" },
  { id: "e", type: "firm", region: "R" },
  { id: "g", type: "government", region: "R" },
  { id: "x", type: "firm", region: "S" },
  { id: "y", type: "university", region: "S" },
  { id: "z", type: "firm", region: "S" },
];
const TIES = [
  ["u", "r1"],
  ["u", "r2"],
  ["u", "f"],
  ["u", "e"],
  ["u", "x"],
  ["u", "y"],
  ["r1", "r2"],
  ["r1", "y"],
  ["e", "x"],
  ["e", "z"],
  ["e", "y"],
  ["x", "y"],
].map(([source, target]) => ({ source, target, weight: 1 }));

Deno.test("gatekeepers: hand-computed internal and external degrees, group means and classes", () => {
  const r = gatekeepers(TIES, ORGS);
  const rows = new Map((r.table.objects() as Row[]).map((d) => [d.id, d]));
  const got = (id: string) => [rows.get(id)!.internal, rows.get(id)!.external, rows.get(id)!.class];
  // R: internal u 4, r1 2, r2 2, f 1, e 1, g 0 → mean 10/6; external u 2, r1 1, e 3, others 0 → mean 1
  assert.deepEqual(got("u"), [4, 2, "technological_gatekeeper"]);
  assert.deepEqual(got("r1"), [2, 1, "active_mutual_exchanger"]); // 1 is not above the mean 1
  assert.deepEqual(got("r2"), [2, 0, "active_mutual_exchanger"]);
  assert.deepEqual(got("f"), [1, 0, "isolated"]);
  assert.deepEqual(got("e"), [1, 3, "external_star"]);
  assert.deepEqual(got("g"), [0, 0, "isolated"]);
  // S: internal x 1, y 1, z 0 → mean 2/3; external x 2 (u, e), y 3 (u, r1, e), z 1 (e) → mean 2
  assert.deepEqual(got("x"), [1, 2, "active_mutual_exchanger"]);
  assert.deepEqual(got("y"), [1, 3, "technological_gatekeeper"]);
  assert.deepEqual(got("z"), [0, 1, "isolated"]);
  assert.equal(rows.get("e")!.external_share, 0.75);
  assert.equal(rows.get("g")!.external_share, null);
  assert.equal(rows.get("u")!.label, "Technological gatekeeper");
  assert.equal(rows.get("u")!.type, "university");
  assert.deepEqual(r.thresholds.objects(), [
    { region: "R", organisations: 6, internal_threshold: 10 / 6, external_threshold: 1 },
    { region: "S", organisations: 3, internal_threshold: 2 / 3, external_threshold: 2 },
  ]);
});

Deno.test("gatekeepers: numeric thresholds, scope all, median, strength and Chinese labels", () => {
  const fixed = new Map(
    (gatekeepers(TIES, ORGS, { internalThreshold: 1, externalThreshold: 0 }).table.objects() as Row[]).map((
      d,
    ) => [d.id, d.class]),
  );
  assert.equal(fixed.get("r1"), "technological_gatekeeper"); // internal 2 > 1, external 1 > 0
  assert.equal(fixed.get("f"), "isolated"); // internal 1 is not above 1
  assert.equal(fixed.get("z"), "external_star");
  const all = gatekeepers(TIES, ORGS, { scope: "all" });
  // all: internal mean 12/9, external mean 12/9
  assert.deepEqual(all.thresholds.objects(), [{
    scope: "all",
    organisations: 9,
    internal_threshold: 12 / 9,
    external_threshold: 12 / 9,
  }]);
  assert.equal((all.table.objects() as Row[]).find((d) => d.id === "x")!.class, "external_star");
  const med = gatekeepers(TIES, ORGS, { internalThreshold: "median", externalThreshold: "median" });
  assert.deepEqual(med.thresholds.objects().map((d: Row) => [d.internal_threshold, d.external_threshold]), [[
    1.5,
    0.5,
  ], [1, 2]]);
  const heavy = TIES.map((t) => (t.source === "u" && t.target === "f" ? { ...t, weight: 10 } : t));
  const s = gatekeepers(heavy, ORGS, { measure: "strength", lang: "zh" });
  const f = (s.table.objects() as Row[]).find((d) => d.id === "f")!;
  assert.equal(f.internal, 10);
  assert.equal(f.label, GATEKEEPER_CLASSES[f.class as keyof typeof GATEKEEPER_CLASSES].zh);
  // degree ignores weights
  assert.equal((gatekeepers(heavy, ORGS).table.objects() as Row[]).find((d) => d.id === "f")!.internal, 1);
});

Deno.test("gatekeepers: the inside column can be any column; repeated ties count once", () => {
  const r = gatekeepers([...TIES, { source: "r1", target: "u", weight: 1 }], ORGS, { inside: "type" });
  const u = (r.table.objects() as Row[]).find((d) => d.id === "u")!;
  assert.equal(u.internal, 1); // of u's six partners only y is a university
  assert.equal(u.external, 5);
  assert.ok("type" in u);
  assert.ok(r.warnings.some((w) => /1 row repeats a pair/.test(w)));
  const y = (r.table.objects() as Row[]).find((d) => d.id === "y")!;
  assert.equal(y.internal, 1);
  assert.equal(r.table.columnNames().filter((c) => c === "type").length, 1);
});

Deno.test("gatekeepers: bad input is a ValidationError naming what is wrong", () => {
  assert.throws(
    () => gatekeepers([{ source: "u", target: "nobody" }], ORGS),
    (e: unknown) => e instanceof ValidationError && /row 1, column "target".*"nobody"/.test(e.message),
  );
  assert.throws(
    () => gatekeepers(TIES, ORGS, { inside: "country" }),
    (e: unknown) => e instanceof ValidationError && /column "country"/.test(e.message),
  );
  assert.throws(
    () => gatekeepers(TIES, [...ORGS, { id: "u", type: "firm", region: "R" }]),
    (e: unknown) => e instanceof ValidationError && /row 10, column "id".*repeated/.test(e.message),
  );
  assert.throws(
    () => gatekeepers(TIES, [{ id: "u", type: "firm", region: null }]),
    (e: unknown) => e instanceof ValidationError && /row 1, column "region"/.test(e.message),
  );
  assert.throws(() => gatekeepers(TIES, ORGS, { internalThreshold: -1 }), /internalThreshold/);
  // deno-lint-ignore no-explicit-any
  assert.throws(() => gatekeepers(TIES, ORGS, { scope: "world" as any }), /scope/);
});
