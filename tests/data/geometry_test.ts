import assert from "node:assert/strict";
import { geometryFromGeoJSON, loadGeometry, tileGridGeometry } from "../../src/data/geometry.ts";
import { loadDataset } from "../../src/data/datasets.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

Deno.test("loadGeometry: the tile grids join the shipped data (every province and NUTS-2 region has a tile)", async () => {
  const china = await loadGeometry("china-provinces");
  const entities = new Set((await loadDataset("china-provinces-st")).array("entity") as string[]);
  assert.deepEqual([...china.ids].sort(), [...entities].sort());
  assert.equal(china.aliases.get("Zhejiang"), "浙江");
  assert.equal(china.aliases.get("CN-ZJ"), "浙江");
  assert.equal(china.aliases.get("330000"), "浙江");
  assert.deepEqual(china.names["内蒙古"], { en: "Inner Mongolia", zh: "内蒙古" });
  const uk = await loadGeometry("uk-nuts2");
  assert.deepEqual(
    [...uk.ids].sort(),
    ((await loadDataset("uk-regions")).array("region") as string[]).sort(),
  );
  assert.equal(uk.aliases.get("Inner London - West"), "UKI3");
  assert.equal(uk.labels!.UKI3!.zh, "内伦敦西");
});

Deno.test("loadGeometry: world countries keyed by ISO alpha-3, with the EU, ISO-2, numeric and name crosswalk", async () => {
  const w = await loadGeometry("world-countries");
  assert.equal(w.ids.length, 176); // Natural Earth 1:110m without Antarctica
  assert.ok(!w.ids.includes("ATA"));
  for (
    const [alias, iso3] of [
      ["EL", "GRC"],
      ["UK", "GBR"],
      ["GB", "GBR"],
      ["156", "CHN"],
      ["South Korea", "KOR"],
      ["韩国", "KOR"],
      ["United States of America", "USA"],
      ["XK", "XKX"],
    ]
  ) {
    assert.equal(w.aliases.get(alias!), iso3, alias);
  }
  assert.equal(w.withoutShape!.get("SG"), "Singapore"); // in the crosswalk, too small for 1:110m
  // Every NSF economy and every Horizon 2020 country is either on the map or known to have no shape.
  const known = (x: string) => w.ids.includes(x) || w.aliases.has(x) || w.withoutShape!.has(x);
  for (const e of (await loadDataset("nsf-economies")).array("economy") as string[]) assert.ok(known(e), e);
  for (const c of new Set((await loadDataset("h2020-country-orgs")).array("country") as string[])) {
    assert.ok(known(c), c);
  }
  await assert.rejects(() => loadGeometry("mars" as "uk-nuts2"), ValidationError);
});

Deno.test("tileGridGeometry and geometryFromGeoJSON: squares, names, aliases, validation", () => {
  const g = tileGridGeometry([{ region: "a", col: 0, row: 0, name_en: "Alpha" }, {
    region: "b",
    col: 1,
    row: 0,
  }]);
  assert.deepEqual(g.features.features[0]!.geometry, {
    type: "Polygon",
    coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]],
  });
  assert.equal(g.names.a!.en, "Alpha");
  assert.equal(g.names.b!.zh, "b");
  assert.throws(() => tileGridGeometry([{ region: "a", col: 0 }]), /column "row": expected a column "row"/);
  assert.throws(() => tileGridGeometry([{ region: "a", col: 0.5, row: 0 }]), /integers/);
  const planar = geometryFromGeoJSON({
    type: "FeatureCollection",
    features: [{
      type: "Feature",
      properties: { k: 1 },
      geometry: { type: "Polygon", coordinates: [[[0, 0], [500, 0], [0, 500], [0, 0]]] },
    }],
  }, { key: "k" });
  assert.equal(planar.projection, "planar");
  assert.deepEqual(planar.ids, ["1"]);
  assert.throws(
    () => geometryFromGeoJSON({ type: "Nope" }, { key: "k" }),
    /a GeoJSON FeatureCollection or Feature, or a TopoJSON Topology/,
  );
});
