import assert from "node:assert/strict";
import { synergyDegree, synergyPanel } from "../../src/models/synergy.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

Deno.test("synergyDegree(): an unchanged subsystem gives exactly 0 (not −0); values outside given bounds warn", () => {
  const r = synergyDegree([[1, 1], [2, 1]], { bounds: [[0, 4], [0, 4]] });
  assert.ok(Object.is(r.synergy[0], 0));
  const c = synergyDegree([[1, 1], [5, 2]], { bounds: [[0, 4], [0, 4]] });
  assert.deepEqual(c.order[1], [1, 0.5]); // 5 clamped to β = 4
  close(c.synergy[0]!, Math.sqrt(0.75 * 0.25));
  assert.match(c.warnings[0]!, /column 1: 1 value\(s\) outside \[0, 4\].*clamped/);
});

const panel = [
  ...[2020, 2021, 2022].flatMap((year, t) => [
    { entity: "甲", name: "A", year, indicator: "k", value: 1 + t },
    { entity: "甲", name: "A", year, indicator: "o", value: 2 + t },
    { entity: "乙", name: "B", year, indicator: "k", value: 2 },
    { entity: "乙", name: "B", year, indicator: "o", value: 4 - t },
  ]),
  { entity: "甲", name: "A", year: 2023, indicator: "k", value: 9 }, // o missing in 2023
  { entity: "甲", name: "A", year: 2023, indicator: "other", value: 1 }, // not selected
];

Deno.test("synergyPanel(): per entity, pooled bounds, hand-computed values; incomplete years reported", () => {
  const r = synergyPanel(panel, { k: "knowledge", o: "organisation" }, { label: "name" });
  // pooled bounds over complete years: k [1, 3], o [2, 4]
  // A: u_k 0 → 0.5 → 1, u_o 0 → 0.5 → 1: C = √(0.5·0.5) = 0.5 twice
  // B: u_k constant 0.5 → C = 0 (Δ = 0); u_o falls
  assert.deepEqual(r.table.objects(), [
    { entity: "甲", year: 2021, synergy: 0.5, label: "A" },
    { entity: "甲", year: 2022, synergy: 0.5, label: "A" },
    { entity: "乙", year: 2021, synergy: 0, label: "B" },
    { entity: "乙", year: 2022, synergy: 0, label: "B" },
  ]);
  assert.deepEqual(r.warnings, ["甲: year(s) 2023 lack an indicator and are left out"]);
  // one subsystem, per-entity bounds, linear aggregation: A's order degree goes 0 → 0.5 → 1, C = Δ = 0.5
  const e = synergyPanel(panel, { k: "S", o: "S" }, { bounds: "entity", aggregate: "linear" });
  const a = (e.table.objects() as { entity: string; synergy: number }[]).filter((d) => d.entity === "甲");
  a.forEach((d) => close(d.synergy, 0.5));
});

Deno.test("synergyPanel(): years are put in chronological order whatever the row order", () => {
  // rows arrive as 2022, 2020, 2023, 2021; k = 1, 2, 3, 4 and o = 10, 12, 11, 14 for 2020…2023.
  // Bounds k [1, 4], o [10, 14]: u_k = 0, 1/3, 2/3, 1 and u_o = 0, 1/2, 1/4, 1.
  // previous year: 2021 Δ = (1/3, 1/2) → +√(1/6); 2022 Δ = (1/3, −1/4) → −√(1/12); 2023 Δ = (1/3, 3/4) → +1/2
  // base year 2020: 2021 √(1/6); 2022 Δ = (2/3, 1/4) → √(1/6); 2023 Δ = (1, 1) → 1
  const data = { 2020: [1, 10], 2021: [2, 12], 2022: [3, 11], 2023: [4, 14] } as Record<number, number[]>;
  const rows = [2022, 2020, 2023, 2021].flatMap((year) => [
    { entity: "X", year, indicator: "k", value: data[year]![0] },
    { entity: "X", year, indicator: "o", value: data[year]![1] },
  ]);
  const subsystems = { k: "knowledge", o: "organisation" };
  const prev = synergyPanel(rows, subsystems).table.objects() as { year: number; synergy: number }[];
  assert.deepEqual(prev.map((d) => d.year), [2021, 2022, 2023]);
  [Math.sqrt(1 / 6), -Math.sqrt(1 / 12), 0.5].forEach((v, i) => close(prev[i]!.synergy, v));
  const base = synergyPanel(rows, subsystems, { reference: "base" }).table.objects() as { synergy: number }[];
  [Math.sqrt(1 / 6), Math.sqrt(1 / 6), 1].forEach((v, i) => close(base[i]!.synergy, v));
});

Deno.test("synergyDegree(): a constant column has order degree exactly 1 (β = α), not 0/0", () => {
  // column 2 is constant (α = β = 5): u₂ = 1; column 1 has bounds [1, 3]: u₁ = 0, 1, 1/2. One subsystem,
  // geometric with equal weights: u = u₁^½·1^½ = 0, 1, √½; synergy of one subsystem is the signed change
  const r = synergyDegree([[1, 5], [3, 5], [2, 5]], { subsystem: ["A", "A"] });
  assert.deepEqual(r.order, [[0], [1], [Math.sqrt(0.5)]]);
  close(r.synergy[0]!, 1);
  close(r.synergy[1]!, -(1 - Math.sqrt(0.5)));
  assert.match(r.warnings[0]!, /column 2: β = α \(5\); its order degree is set to 1/);
});

Deno.test("synergyPanel(): bad values and options are ValidationErrors naming row or option", () => {
  assert.throws(
    () =>
      synergyPanel([...panel, { entity: "乙", name: "B", year: 2023, indicator: "k", value: NaN }], {
        k: "knowledge",
        o: "organisation",
      }),
    (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.deepEqual([e.issues[0]!.row, e.issues[0]!.column], [panel.length + 1, "value"]);
      return true;
    },
  );
  assert.throws(
    () => synergyPanel(panel, { k: "K" }, { label: "nom" }),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "label",
  );
  assert.throws(() => synergyPanel(panel, {}), /subsystems/);
});

Deno.test("synergyPanel(input, { subsystems, … }): the 0.1 form equals (input, subsystems, options)", () => {
  const rows = [2020, 2021, 2022].flatMap((year, t) => [
    { who: "A", year, indicator: "k", value: 1 + t, name: "Alpha" },
    { who: "A", year, indicator: "o", value: 2 + t * t, name: "Alpha" },
    { who: "B", year, indicator: "k", value: 3 - t, name: "Beta" },
    { who: "B", year, indicator: "o", value: 2, name: "Beta" },
  ]);
  const subsystems = { k: "knowledge", o: "organisation" };
  const options = { entity: "who", label: "name", reference: "base", aggregate: "linear" } as const;
  const v01 = synergyPanel(rows, { subsystems, ...options });
  const today = synergyPanel(rows, subsystems, options);
  assert.deepEqual(v01.table.objects(), today.table.objects());
  assert.deepEqual(v01.warnings, today.warnings);
  assert.throws(
    () =>
      synergyPanel(rows, { subsystems, entity: "who" } as unknown as typeof subsystems, { entity: "who" }),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "entity",
  );
});
