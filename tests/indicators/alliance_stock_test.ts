import assert from "node:assert/strict";
// deno-lint-ignore no-explicit-any
type Row = Record<string, any>;
import { allianceStock, allianceStockFromCounts } from "../../src/indicators/alliance_stock.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

const ORGS = [
  { id: "u1", name: "U1", type: "university", region: "R" },
  { id: "f1", name: "F1", type: "firm", region: "R" },
  { id: "f2", name: "F2", type: "firm", region: "R" },
  { id: "g1", name: "G1", type: "government", region: "R" },
  { id: "x1", name: "X1", type: "firm", region: "S" },
  { id: "r1", name: "R1", type: "research_institute", region: "S" },
];

Deno.test("allianceStock: hand-counted indicators for a small two-region network", () => {
  const ties = [
    { source: "u1", target: "f1", year: 2020 }, // internal, supplier–user
    { source: "f1", target: "u1", year: 2020 }, // same pair again: counted once
    { source: "f2", target: "g1", year: 2020 }, // internal, not supplier–user
    { source: "f1", target: "r1", year: 2020 }, // external, supplier–user
    { source: "x1", target: "r1", year: 2020 }, // internal to S, supplier–user
  ];
  const t = allianceStock(ties, ORGS).table;
  const rows = Object.fromEntries((t.objects() as Row[]).map((r) => [r.region as string, r]));
  // R: 4 active orgs, I = 2, E = 1.
  assert.deepEqual(rows.R, {
    region: "R",
    year: 2020,
    organisations: 4,
    internal_ties: 2,
    external_ties: 1,
    ties_per_org: (2 * 2 + 1) / 4,
    density: 2 / 6,
    supplier_user_share: 2 / 3,
    external_share: 1 / 3,
    largest_component_share: 2 / 4, // components {u1, f1}, {f2, g1}
  });
  // S: 2 active orgs, I = 1, E = 1.
  assert.equal(rows.S!.density, 1);
  assert.equal(rows.S!.ties_per_org, 1.5);
  assert.equal(rows.S!.supplier_user_share, 1);
  assert.equal(rows.S!.largest_component_share, 1);
});

Deno.test("allianceStock: a rolling window accumulates the ties of earlier years", () => {
  const ties = [
    { source: "u1", target: "f1", year: 2019 },
    { source: "f1", target: "f2", year: 2020 },
  ];
  const one = allianceStock(ties, ORGS, { window: 1 }).table.objects() as Row[];
  assert.deepEqual(one.map((r) => [r.year, r.organisations, r.internal_ties]), [[2019, 2, 1], [2020, 2, 1]]);
  const two = allianceStock(ties, ORGS, { window: 2 }).table.objects() as Row[];
  assert.deepEqual(two.map((r) => [r.year, r.organisations, r.internal_ties, r.largest_component_share]), [
    [2019, 2, 1, 1],
    [2020, 3, 2, 1],
  ]);
});

Deno.test("allianceStock: unknown endpoints are errors; self-ties are ignored with a warning", () => {
  assert.throws(
    () => allianceStock([{ source: "u1", target: "zz", year: 2020 }], ORGS),
    (e: unknown) =>
      e instanceof ValidationError &&
      e.message.includes('row 1, column "target": expected an id of the organisation table, received "zz"'),
  );
  const t = allianceStock([{ source: "u1", target: "u1", year: 2020 }, {
    source: "u1",
    target: "f1",
    year: 2020,
  }], ORGS);
  assert.deepEqual(t.warnings, ["1 self-ties (source = target) ignored"]);
  assert.throws(
    () => allianceStock([], ORGS, { window: 0 }),
    (e: unknown) =>
      e instanceof ValidationError && e.message.includes('column "window": expected a positive integer'),
  );
});

Deno.test("allianceStockFromCounts: H2020-style aggregated ties per country", () => {
  const ties = [
    {
      country: "DE",
      partner_country: "DE",
      h2020_type: "HES",
      partner_h2020_type: "PRC",
      year: 2018,
      ties: 3,
    },
    {
      country: "DE",
      partner_country: "DE",
      h2020_type: "PRC",
      partner_h2020_type: "PRC",
      year: 2018,
      ties: 1,
    },
    {
      country: "DE",
      partner_country: "FR",
      h2020_type: "REC",
      partner_h2020_type: "PRC",
      year: 2018,
      ties: 2,
    },
    {
      country: "DE",
      partner_country: "FR",
      h2020_type: "PUB",
      partner_h2020_type: "HES",
      year: 2018,
      ties: 4,
    },
  ];
  const orgs = [
    { country: "DE", year: 2018, h2020_type: "HES", organisations: 2 },
    { country: "DE", year: 2018, h2020_type: "PRC", organisations: 3 },
    { country: "FR", year: 2018, h2020_type: "HES", organisations: 1 },
  ];
  const rows = Object.fromEntries(
    (allianceStockFromCounts(ties, orgs).table.objects() as Row[]).map((r) => [r.country as string, r]),
  );
  // DE: n = 5, I = 4, E = 6, supplier–user 3 + 2.
  assert.equal(rows.DE!.ties_per_org, (8 + 6) / 5);
  assert.equal(rows.DE!.density, 4 / 10);
  assert.equal(rows.DE!.supplier_user_share, 5 / 10);
  assert.equal(rows.DE!.external_share, 6 / 10);
  // FR: n = 1, I = 0, E = 6.
  assert.equal(rows.FR!.density, 0);
  assert.equal(rows.FR!.external_share, 1);
  assert.equal(rows.FR!.supplier_user_share, 2 / 6);
});

Deno.test("allianceStock and allianceStockFromCounts: invalid input names the row, column and value", () => {
  assert.throws(
    () => allianceStock([{ source: "u1", target: "f1", year: 2020 }], ORGS, { group: "country" }),
    (e: unknown) =>
      e instanceof ValidationError &&
      e.message.includes(
        'column "country": expected a column "country", received columns id, name, type, region',
      ),
  );
  assert.throws(
    () => allianceStock([{ source: "u1", target: "f1", year: "2020" }], ORGS),
    (e: unknown) =>
      e instanceof ValidationError &&
      e.message.includes('row 1, column "year": expected an integer, received "2020"'),
  );
  assert.throws(
    () =>
      allianceStock([{ source: "u1", target: "f1", year: 2020 }], [...ORGS, {
        id: "u1",
        name: "again",
        type: "firm",
        region: "S",
      }]),
    (e: unknown) =>
      e instanceof ValidationError &&
      e.message.includes('row 7, column "id": expected a unique id, received "u1" (duplicate)'),
  );
  // An empty id in the third organisation is named by its 1-based row.
  assert.throws(
    () =>
      allianceStock(
        [{ source: "u1", target: "f1", year: 2020 }],
        ORGS.map((o, i) => i === 2 ? { ...o, id: "" } : o),
      ),
    (e: unknown) =>
      e instanceof ValidationError &&
      e.message.includes('row 3, column "id": expected a non-empty text, received ""'),
  );
  assert.throws(
    () => allianceStock([{ source: "u1", target: "f1", year: 2020 }], ORGS, { years: [2020, 2020.5] }),
    (e: unknown) =>
      e instanceof ValidationError &&
      e.message.includes('column "years[1]": expected an integer year, received 2020.5'),
  );
  const tie = {
    country: "DE",
    partner_country: "FR",
    h2020_type: "HES",
    partner_h2020_type: "PRC",
    year: 2018,
  };
  assert.throws(
    () => allianceStockFromCounts([{ ...tie, ties: -2 }], [{ country: "DE", year: 2018, organisations: 1 }]),
    (e: unknown) =>
      e instanceof ValidationError &&
      e.message.includes('row 1, column "ties": expected a finite number ≥ 0, received -2'),
  );
  assert.throws(
    () => allianceStockFromCounts([{ ...tie, ties: 1 }], [{ country: "DE", year: 2018, organisations: 1.5 }]),
    (e: unknown) =>
      e instanceof ValidationError &&
      e.message.includes('row 1, column "organisations": expected an integer ≥ 0, received 1.5'),
  );
  // Ties of a group without an organisation count are left out with a warning, not divided by zero.
  const t = allianceStockFromCounts([{ ...tie, ties: 1 }], [{ country: "DE", year: 2018, organisations: 2 }]);
  assert.deepEqual(t.table.array("country"), ["DE"]);
  assert.match(
    t.warnings.join("\n"),
    /1 group-years have ties but no organisation count and are left out: FR 2018/,
  );
});

Deno.test("allianceStock: group names the grouping column; the deprecated groupBy still works, not both", () => {
  const orgs = ORGS.map((o) => ({ ...o, country: o.region === "R" ? "C1" : "C2" }));
  const ties = [{ source: "u1", target: "f1", year: 2020 }, { source: "f1", target: "x1", year: 2020 }];
  const byGroup = allianceStock(ties, orgs, { group: "country" });
  assert.deepEqual(byGroup.table.columnNames().slice(0, 2), ["country", "year"]);
  assert.deepEqual(byGroup.table.array("country"), ["C1", "C2"]);
  assert.deepEqual(
    allianceStock(ties, orgs, { groupBy: "country" }).table.objects(),
    byGroup.table.objects(),
  );
  assert.throws(
    () => allianceStock(ties, orgs, { group: "country", groupBy: "region" }),
    (e: unknown) =>
      e instanceof ValidationError &&
      e.message.includes(
        'column "groupBy": expected either "group" or its deprecated alias "groupBy", not both',
      ),
  );
});
