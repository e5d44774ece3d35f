import assert from "node:assert/strict";
import { guessColumns, ROLE_NAMES } from "../../src/advanced.ts";
import { ValidationError } from "../../src/mod.ts";

Deno.test("guessColumns: common names of each role, in any case and spacing", () => {
  const cases: [string[], Record<string, string>][] = [
    [["region", "sector", "value"], { region: "region", sector: "sector", value: "value" }],
    [["NUTS2", "Industry", "Employment", "Year"], {
      region: "NUTS2",
      sector: "Industry",
      value: "Employment",
      year: "Year",
    }],
    [["province", "field", "patents", "year"], {
      region: "province",
      sector: "field",
      value: "patents",
      year: "year",
    }],
    [["Country Code", "HS4", "Export Value"], {
      region: "Country Code",
      sector: "HS4",
      value: "Export Value",
    }],
    [["省份", "行业", "就业人数", "年份"], {
      region: "省份",
      sector: "行业",
      value: "就业人数",
      year: "年份",
    }],
    // names that start with a role name, when no exact name fits
    [["economy", "field_id", "patents"], { region: "economy", sector: "field_id", value: "patents" }],
  ];
  for (const [columns, want] of cases) {
    assert.deepEqual(guessColumns(columns).columns, want, columns.join(", "));
  }
  // an exact name wins over names that only start with one
  assert.equal(guessColumns(["region", "region_name", "sector", "value"]).columns.region, "region");
  for (const names of Object.values(ROLE_NAMES)) assert.equal(new Set(names).size, names.length);
});

Deno.test("guessColumns: an ambiguous or missing role is one ValidationError listing the columns", () => {
  assert.throws(
    () => guessColumns(["country", "region", "sic", "count", "employment"], { subject: "jobs.csv" }),
    (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.equal(e.subject, "jobs.csv");
      assert.deepEqual(e.issues.map((i) => i.column), ["region", "value"]);
      assert.match(
        e.issues[0]!.received,
        /2 columns fit: "country", "region" \(columns: "country", "region", "sic"/,
      );
      assert.match(e.issues[0]!.expected, /--region COLUMN/);
      return true;
    },
  );
  assert.throws(() => guessColumns(["a", "b", "c"]), (e: unknown) => {
    assert.ok(e instanceof ValidationError);
    assert.deepEqual(e.issues.map((i) => i.column), ["region", "sector", "value"]); // no year: not required
    assert.match(e.issues[0]!.received, /none among the columns "a", "b", "c"/);
    return true;
  });
  assert.throws(
    () => guessColumns(["year", "period", "region", "sector", "value"]),
    /2 columns fit: "year", "period"/,
  );
});

Deno.test("guessColumns: given columns are used as is and must exist; year false leaves the year out", () => {
  const g = guessColumns(["geo", "nace_r2", "emp", "time"], { sector: "nace_r2", year: false });
  assert.deepEqual(g.columns, { region: "geo", sector: "nace_r2", value: "emp" });
  assert.deepEqual(g.guessed, ["region", "value"]);
  assert.throws(
    () => guessColumns(["r", "s", "v"], { region: "R", sector: "s", value: "v" }),
    /column "R": expected the region column/,
  );
  assert.throws(
    () => guessColumns(["r", "v"], { region: "r", sector: "r", value: "v" }),
    /a column given twice/,
  );
  // a column given for one role is not guessed for another
  assert.deepEqual(guessColumns(["count", "n", "region", "sector"], { value: "n" }).columns.value, "n");
});
