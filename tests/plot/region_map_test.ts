import assert from "node:assert/strict";
import { MapFigure, regionMap } from "../../src/plot/region_map.ts";
import { loadGeometry } from "../../src/data/geometry.ts";
import { localMoran } from "../../src/indicators/spatial/local_moran.ts";
import { spatialWeightsFromGrid } from "../../src/indicators/spatial/grid_weights.ts";
import { Figure } from "../../src/plot/figure.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

const uk = await loadGeometry("uk-nuts2");
const fillOf = (svg: string, name: string) => {
  const m = new RegExp(`<path fill="(#[0-9a-f]{6})"[^>]*><title>${name}`).exec(svg);
  return m?.[1];
};

Deno.test("regionMap: classed choropleth on the UK tile grid — classes, no-data grey, unmatched rows noted", () => {
  const rows = uk.ids.slice(0, 10).map((region, i) => ({ region, value: i }));
  const fig = regionMap([...rows, { region: "UKZ9", value: 1 }], {
    geometry: uk,
    classes: 5,
    title: "Test map",
    source: "Source: test",
  });
  assert.ok(fig instanceof Figure && fig instanceof MapFigure);
  const svg = fig.toSVG();
  // Quantile classes of 0…9 in 5: breaks 1.8, 3.6, 5.4, 7.2 → value 0 lowest class, 9 highest (ylgnbu).
  assert.equal(fillOf(svg, uk.names[rows[0]!.region]!.en), "#ffffcc");
  assert.equal(fillOf(svg, uk.names[rows[9]!.region]!.en), "#253494");
  assert.equal(fillOf(svg, uk.names[uk.ids[20]!]!.en), "#e8e8e8"); // no data
  assert.deepEqual(fig.unmatched, ["UKZ9"]);
  assert.match(fig.warnings[0]!, /1 row\(s\) of the table match no region of the map: "UKZ9"/);
  for (
    const t of [
      "Test map",
      "Not on the map: UKZ9",
      "Source: test",
      "no data",
      "&lt; 1.8",
      "≥ 7.2",
      "Inner Lon W",
    ]
  ) {
    assert.ok(svg.includes(t), t);
  }
  assert.ok(!svg.includes("undefined") && !svg.includes("NaN"));
  const png = fig.toPNG({ scale: 1 });
  assert.deepEqual([...png.slice(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
});

Deno.test('regionMap: labels "values" writes the value of each tile under its name', () => {
  const svg = regionMap([{ region: "UKI3", value: 12 }], { geometry: uk, labels: "values" }).toSVG();
  assert.match(svg, /<tspan[^>]*>Inner Lon W<\/tspan><tspan[^>]*>12<\/tspan>/);
  assert.ok(
    !regionMap([{ region: "UKI3", value: 12 }], { geometry: uk, labels: false }).toSVG().includes(
      "Inner Lon W</tspan>",
    ),
  );
});

Deno.test("regionMap: Chinese labels, names and legend with lang zh; categorical values with own colours", async () => {
  const cn = await loadGeometry("china-provinces");
  const fig = regionMap(
    [{ entity: "浙江", q: "A" }, { entity: "Beijing", q: "B" }],
    {
      geometry: cn,
      region: "entity",
      value: "q",
      lang: "zh",
      colors: { A: "#ff0000" },
      categoryLabels: { A: { en: "a", zh: "甲类" }, B: "乙类" },
    },
  );
  const svg = fig.toSVG();
  for (const t of ["浙江", "北京", "黑龙江", "甲类", "乙类", "无数据", "方块地图"]) {
    assert.ok(svg.includes(t), t);
  }
  assert.equal(fillOf(svg, "浙江"), "#ff0000");
  assert.deepEqual(fig.warnings, []);
});

Deno.test("regionMap: a localMoran result draws the LISA cluster map with GeoDa's colours", () => {
  const W = spatialWeightsFromGrid(uk.grid!);
  const values = Object.fromEntries(
    uk.ids.map((id) => [id, id.startsWith("UKI") || id.startsWith("UKJ") ? 10 : 1]),
  );
  const lisa = localMoran(values, W, { permutations: 99, seed: 1 });
  const svg = regionMap(lisa, { geometry: uk }).toSVG();
  assert.ok(svg.includes("LISA cluster map (local Moran's I)"));
  assert.ok(svg.includes("significant at p &lt; 0.05, 99 permutations"));
  const hh = (lisa.table.objects() as { id: string; cluster: string }[]).find((r) => r.cluster === "HH")!;
  assert.equal(fillOf(svg, uk.names[hh.id]!.en), "#d7191c");
  assert.ok(svg.includes("High–High (hot spot)"));
});

Deno.test("regionMap: world map joins EU codes and names, reports countries without a shape; symbols", async () => {
  const world = await loadGeometry("world-countries");
  const fig = regionMap([{ region: "EL", value: 2 }, { region: "Singapore", value: 3 }, {
    region: "China",
    value: 9,
  }], {
    geometry: world,
    kind: "symbols",
  });
  assert.match(fig.warnings.join(), /no shape at this scale: "Singapore"/);
  const svg = fig.toSVG();
  assert.equal((svg.match(/<circle /g) ?? []).length, 2 + 1); // Greece and China, plus the legend's circle
  assert.ok(svg.includes("Natural Earth"));
});

Deno.test("regionMap: missing geometry, missing columns and mixed values are ValidationErrors", () => {
  // deno-lint-ignore no-explicit-any
  assert.throws(() => regionMap([{ region: "UKI3", value: 1 }], {} as any), /column "geometry"/);
  assert.throws(
    () => regionMap([{ region: "UKI3", v: 1 }], { geometry: uk }),
    (e: unknown) =>
      e instanceof ValidationError && e.message.includes('column "value": expected a column "value"'),
  );
  assert.throws(
    () => regionMap([{ region: "UKI3", value: 1 }, { region: "UKI4", value: "x" }], { geometry: uk }),
    /finite numbers, or text/,
  );
  assert.throws(
    () =>
      regionMap([{ region: "UKI3", value: 1 }, { region: "Inner London - West", value: 2 }], {
        geometry: uk,
      }),
    /one row per region/,
  );
});
