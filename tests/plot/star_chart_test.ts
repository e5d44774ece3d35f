import assert from "node:assert/strict";
import { starChart } from "../../src/plot/star_chart.ts";
import { identifyClusters } from "../../src/classify/identify_clusters.ts";
import { matrixFrom } from "../../src/indicators/matrix.ts";
import { ValidationError } from "../../src/core/validation_error.ts";
import { assertSnapshot } from "./snapshot.ts";

const rows = [
  { region: "R1", sector: "A", eco_stars: 3, us_strong: true },
  { region: "R1", sector: "B", eco_stars: 0, us_strong: false },
  { region: "R2", sector: "A", eco_stars: 1, us_strong: false },
  { region: "R2", sector: "B", eco_stars: 0, us_strong: true },
  { region: "R3", sector: "A", eco_stars: 0, us_strong: false },
  { region: "R3", sector: "B", eco_stars: 0, us_strong: false },
];

Deno.test("starChart(): keeps regions/categories with a starred cell, outlines US strong clusters", () => {
  const svg = starChart(rows).toSVG();
  // R3 has no star and is left out; B has no star and is left out → cells R1×A, R2×A; one US outline (R1×A).
  assert.equal((svg.match(/<rect/g) ?? []).length, 2 + 1);
  assert.ok(
    svg.includes(
      "R1 × A\nStars (size, specialisation, focus): 3\noutlined: US Cluster Mapping strong cluster",
    ),
  );
  assert.ok(!svg.includes("R3 ×"));
  const all = starChart(rows, { minStars: 0 }).toSVG();
  assert.equal((all.match(/<rect/g) ?? []).length, 6 + 2);
});

Deno.test("starChart(): Chinese, straight from identifyClusters", () => {
  const x = matrixFrom([[50, 5, 5], [5, 50, 5], [5, 5, 50], [20, 20, 20]], {
    rows: ["R1", "R2", "R3", "R4"],
    cols: ["A", "B", "C"],
  });
  const html = starChart(identifyClusters(x).table, { lang: "zh" }).toHTML();
  assert.ok(html.includes("欧洲集群观察站星级"));
  assert.ok(html.includes("星级（规模、专业化、集中度）: 3"));
});

Deno.test("starChart(): a table without the star columns is a ValidationError", () => {
  assert.throws(() => starChart([{ region: "R1", sector: "A" }]), (e: unknown) => {
    assert.ok(e instanceof ValidationError);
    assert.match(
      e.message,
      /column "eco_stars": expected a column "eco_stars" \(the table of identifyClusters\), received columns region, sector/,
    );
    return true;
  });
});

Deno.test("starChart(): snapshots (identifyClusters input; all cells)", async () => {
  const x = matrixFrom([[50, 5, 5], [5, 50, 5], [5, 5, 50], [20, 20, 20]], {
    rows: ["R1", "R2", "R3", "R4"],
    cols: ["A", "B", "C"],
  });
  await assertSnapshot(import.meta.url, "star-chart", starChart(identifyClusters(x), { lang: "zh" }).toSVG());
  await assertSnapshot(
    import.meta.url,
    "star-chart-all",
    starChart(rows, { minStars: 0, names: { R1: "One" } }).toSVG(),
  );
});

Deno.test("starChart(): the 0.1 rowNames/colNames equal names", () => {
  const today = starChart(rows, { names: { R1: "一区", A: "甲类" } }).toSVG();
  assert.equal(
    starChart(rows, { rowNames: { R1: "一区" }, colNames: new Map([["A", "甲类"]]) }).toSVG(),
    today,
  );
  assert.ok(today.includes("一区 × 甲类"));
  assert.throws(
    () => starChart(rows, { names: {}, colNames: { A: "甲类" } }),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "colNames",
  );
});
