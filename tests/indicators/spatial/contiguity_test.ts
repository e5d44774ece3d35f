import assert from "node:assert/strict";
import { spatialWeightsFromGrid } from "../../../src/indicators/spatial/grid_weights.ts";
import { spatialWeightsFromGeoJSON } from "../../../src/indicators/spatial/geojson_weights.ts";
import { loadGeometry } from "../../../src/data/geometry.ts";
import { loadDataset } from "../../../src/data/datasets.ts";
import { ValidationError } from "../../../src/core/validation_error.ts";

Deno.test("spatialWeightsFromGrid: rook and queen counts on a 3 × 3 lattice (4·2 + 4·3 + 4 = 24 and 40 links)", () => {
  const grid = Array.from({ length: 9 }, (_, i) => ({ region: `c${i}`, col: i % 3, row: Math.floor(i / 3) }));
  const rook = spatialWeightsFromGrid(grid, { style: "B" }),
    queen = spatialWeightsFromGrid(grid, { contiguity: "queen", style: "B" });
  assert.equal(rook.S0, 24);
  assert.equal(queen.S0, 40); // corners 3, edges 5, centre 8: 4·3 + 4·5 + 8
  assert.deepEqual(queen.neighbours("c4").length, 8);
  assert.throws(
    () => spatialWeightsFromGrid([{ region: "a", col: 0, row: 0 }, { region: "b", col: 0, row: 0 }]),
    (e: unknown) => e instanceof ValidationError && e.message.includes("cell (0,0) also holds a"),
  );
  assert.throws(() => spatialWeightsFromGrid(grid, { contiguity: "bishop" as "rook" }), /"rook" or "queen"/);
});

Deno.test("tile grids: rook neighbours on the shipped grids, the same from their squares as GeoJSON", async () => {
  for (const name of ["china-provinces", "uk-nuts2"] as const) {
    const g = await loadGeometry(name);
    const fromGrid = spatialWeightsFromGrid(g.grid!);
    const fromSquares = spatialWeightsFromGeoJSON(g.features, { key: "id", contiguity: "rook" });
    for (const id of g.ids) {
      assert.deepEqual(fromSquares.neighbours(id).sort(), fromGrid.neighbours(id).sort(), id);
    }
    assert.deepEqual(fromGrid.islands, [], name);
  }
  const china = spatialWeightsFromGrid(await loadDataset("china-tile-grid"));
  assert.deepEqual(china.neighbours("浙江").sort(), ["江苏", "江西"].sort());
});

Deno.test("spatialWeightsFromGeoJSON: queen contiguity of the world's countries (TopoJSON), islands reported", async () => {
  const world = await loadGeometry("world-countries");
  const W = spatialWeightsFromGeoJSON(world.features, { key: "id" });
  assert.deepEqual(W.neighbours("DEU").sort(), [
    "AUT",
    "BEL",
    "CHE",
    "CZE",
    "DNK",
    "FRA",
    "LUX",
    "NLD",
    "POL",
  ]);
  assert.deepEqual(W.neighbours("PRT"), ["ESP"]);
  assert.ok(W.islands.includes("JPN") && W.islands.includes("AUS") && W.islands.includes("ISL"));
  assert.ok(W.symmetric);
  const topo = JSON.parse(
    await Deno.readTextFile(new URL("../../../data/world-countries-110m.json", import.meta.url)),
  );
  const T = spatialWeightsFromGeoJSON(topo, { key: "iso3", contiguity: "rook" });
  assert.deepEqual(T.neighbours("ESP").sort(), ["AND", "FRA", "PRT"].filter((c) => T.indexOf(c) >= 0).sort());
  assert.throws(
    () => spatialWeightsFromGeoJSON(world.features, { key: "nope" }),
    (e: unknown) =>
      e instanceof ValidationError && e.message.includes('row 1, column "nope": expected a region id'),
  );
});
