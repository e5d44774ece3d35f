import assert from "node:assert/strict";
import { knowledgeStock } from "../../src/indicators/knowledge_stock.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

const close = (a: number, b: number, tol = 1e-9) => assert.ok(Math.abs(a - b) < tol, `${a} vs ${b}`);
const years = (vals: number[], start = 2000) => vals.map((value, k) => ({ year: start + k, value }));

Deno.test("knowledgeStock(): K_t = (1 − δ)K_{t−1} + P_t from zero, δ = 0.15", () => {
  const k = knowledgeStock(years([100, 100, 100]));
  assert.deepEqual(k.table.array("stock"), [100, 185, 257.25]);
  assert.deepEqual(k.table.array("flow"), [100, 100, 100]);
  assert.deepEqual(k.table.columnNames(), ["year", "flow", "stock"]);
  assert.deepEqual(k.warnings, []);
});

Deno.test("knowledgeStock(): steady state with g = 0 stays at P/δ", () => {
  const k = knowledgeStock(years([10, 10, 10]), { initial: "steady-state", growth: 0 }).table;
  for (const s of k.array("stock") as number[]) close(s, 10 / 0.15);
});

Deno.test("knowledgeStock(): g estimated as compound growth of the first years → K_0 = P_0/(g + δ)", () => {
  const k =
    knowledgeStock(years([100, 110, 121, 133.1, 200]), { initial: "steady-state", growthYears: 3 }).table;
  close(k.array("growth")[0] as number, 0.1, 1e-12);
  close(k.array("stock")[0] as number, 400);
  close(k.array("stock")[1] as number, 0.85 * 400 + 110);
});

Deno.test("knowledgeStock(): panel by entity, sorted; unestimable growth falls back with a warning", () => {
  const rows = [
    { region: "B", year: 2001, value: 5 },
    { region: "A", year: 2000, value: 0 },
    { region: "B", year: 2000, value: 4 },
    { region: "A", year: 2001, value: 3 },
  ];
  const k = knowledgeStock(rows, { entity: "region", initial: "steady-state", delta: 0.2 });
  assert.deepEqual(k.table.array("region"), ["A", "A", "B", "B"]);
  assert.deepEqual(k.table.array("stock").slice(0, 2), [0, 3]);
  close(k.table.array("stock")[2] as number, 4 / (0.25 + 0.2));
  assert.match(k.warnings[0]!, /region "A": pre-sample growth cannot be estimated \(P_0 = 0, P_1 = 3\)/);
  // A last flow of 0 cannot give a compound rate either (g = 0 − 1 = −1 would make K_0 = P_0/(δ − 1) < 0):
  // the series starts at K_0 = P_0 = 5 with a warning.
  const z = knowledgeStock(years([5, 0]), { initial: "steady-state" });
  assert.deepEqual(z.table.array("stock"), [5, 0.85 * 5]);
  assert.match(z.warnings[0]!, /the series: pre-sample growth cannot be estimated \(P_0 = 5, P_1 = 0\)/);
});

Deno.test("knowledgeStock(): gaps in years, negative flows and bad δ are reported with the row", () => {
  assert.throws(() => knowledgeStock([{ year: 2000, value: 1 }, { year: 2002, value: 1 }]), (e: unknown) => {
    assert.ok(e instanceof ValidationError);
    assert.match(e.message, /row 2, column "year": expected year 2001 \(consecutive years\), received 2002/);
    return true;
  });
  assert.throws(
    () => knowledgeStock([{ year: 2000, value: -1 }]),
    /row 1, column "value": expected a finite flow ≥ 0, received -1/,
  );
  assert.throws(
    () => knowledgeStock(years([1, 2]), { initial: "steady-state", growth: -1 }),
    /column "growth": expected a finite number > −1, received -1/,
  );
  assert.throws(
    () => knowledgeStock([], { delta: 1 }),
    /column "delta": expected a number in \[0, 1\), received 1/,
  );
  assert.throws(
    () => knowledgeStock([{ yr: 1 }]),
    /column "year": expected a column "year", received columns yr/,
  );
});

Deno.test("knowledgeStock(): an entity column named entity is used without options; entity: null reads one series", () => {
  const rows = [
    { entity: "B", year: 2000, value: 2 },
    { entity: "A", year: 2000, value: 1 },
    { entity: "A", year: 2001, value: 1 },
  ];
  const k = knowledgeStock(rows);
  assert.deepEqual(k.table.columnNames(), ["entity", "year", "flow", "stock"]);
  assert.deepEqual(k.table.array("entity"), ["A", "A", "B"]);
  assert.deepEqual(k.table.array("stock"), [1, 1.85, 2]);
  // as one series, A 2000 and B 2000 repeat a year: not consecutive
  assert.throws(() => knowledgeStock(rows, { entity: null }), /expected year 2001 \(consecutive years\)/);
  assert.throws(
    () => knowledgeStock([{ year: 2000, value: 1 }], { entity: "firm" }),
    /column "firm": expected a column "firm", received columns year, value/,
  );
});

Deno.test("knowledgeStock(): the 0.1 option id equals entity; both is an error naming id", () => {
  const rows = [
    { region: "B", year: 2000, value: 10 },
    { region: "A", year: 2000, value: 4 },
    { region: "A", year: 2001, value: 6 },
  ];
  const v01 = knowledgeStock(rows, { id: "region", delta: 0.2 });
  const today = knowledgeStock(rows, { entity: "region", delta: 0.2 });
  assert.deepEqual(v01.table.objects(), today.table.objects());
  assert.deepEqual(v01.table.array("region"), ["A", "A", "B"]);
  assert.throws(
    () => knowledgeStock(rows, { id: "region", entity: "region" }),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "id",
  );
});
