import assert from "node:assert/strict";
import { knowledgeStock } from "../../src/indicators/knowledge_stock.ts";
import { ValidationError } from "../../src/data/validation_error.ts";

const close = (a: number, b: number, tol = 1e-9) => assert.ok(Math.abs(a - b) < tol, `${a} vs ${b}`);
const years = (vals: number[], start = 2000) => vals.map((value, k) => ({ year: start + k, value }));

Deno.test("knowledgeStock(): K_t = (1 − δ)K_{t−1} + P_t from zero, δ = 0.15", () => {
  const k = knowledgeStock(years([100, 100, 100]));
  assert.deepEqual(k.array("stock"), [100, 185, 257.25]);
  assert.deepEqual(k.array("flow"), [100, 100, 100]);
  assert.deepEqual(k.warnings, []);
});

Deno.test("knowledgeStock(): steady state with g = 0 stays at P/δ", () => {
  const k = knowledgeStock(years([10, 10, 10]), { initial: "steady-state", growth: 0 });
  for (const s of k.array("stock") as number[]) close(s, 10 / 0.15);
});

Deno.test("knowledgeStock(): g estimated as compound growth of the first years → K_0 = P_0/(g + δ)", () => {
  const k = knowledgeStock(years([100, 110, 121, 133.1, 200]), { initial: "steady-state", growthYears: 3 });
  close(k.array("growth")[0] as number, 0.1, 1e-12);
  close(k.array("stock")[0] as number, 400);
  close(k.array("stock")[1] as number, 0.85 * 400 + 110);
});

Deno.test("knowledgeStock(): panel by id, sorted; unestimable growth falls back with a warning", () => {
  const rows = [
    { region: "B", year: 2001, value: 5 },
    { region: "A", year: 2000, value: 0 },
    { region: "B", year: 2000, value: 4 },
    { region: "A", year: 2001, value: 3 },
  ];
  const k = knowledgeStock(rows, { id: "region", initial: "steady-state", delta: 0.2 });
  assert.deepEqual(k.array("region"), ["A", "A", "B", "B"]);
  assert.deepEqual(k.array("stock").slice(0, 2), [0, 3]);
  close(k.array("stock")[2] as number, 4 / (0.25 + 0.2));
  assert.match(k.warnings[0]!, /region "A": pre-sample growth cannot be estimated \(P_0 = 0, P_1 = 3\)/);
  // A last flow of 0 cannot give a compound rate either (g = 0 − 1 = −1 would make K_0 = P_0/(δ − 1) < 0):
  // the series starts at K_0 = P_0 = 5 with a warning.
  const z = knowledgeStock(years([5, 0]), { initial: "steady-state" });
  assert.deepEqual(z.array("stock"), [5, 0.85 * 5]);
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
