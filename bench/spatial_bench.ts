/**
 * Speed of the spatial statistics (issue 12): Moran's I with 999 permutations on 10⁴ regions with k = 8
 * nearest neighbours (target ≤ 2 s), local Moran's I with 99 conditional permutations, building the k = 8 and
 * distance-band weights (k-d tree), and a tile-grid map with its PNG.
 */
import { Random } from "../src/core/random.ts";
import { spatialWeightsFromPoints } from "../src/indicators/spatial/point_weights.ts";
import { moranI } from "../src/indicators/spatial/moran.ts";
import { localMoran } from "../src/indicators/spatial/local_moran.ts";
import { loadGeometry } from "../src/data/geometry.ts";
import { regionMap } from "../src/plot/region_map.ts";

const rng = new Random(12);
const points: Record<string, [number, number]> = {};
const values: Record<string, number> = {};
for (let i = 0; i < 10_000; i++) {
  const lon = rng.next() * 60 - 10, lat = 30 + rng.next() * 30;
  points[`r${i}`] = [lon, lat];
  values[`r${i}`] = Math.sin(lon / 5) + Math.cos(lat / 4) + rng.normal({ sd: 0.5 }); // spatially smooth + noise
}
const W = spatialWeightsFromPoints(points, { k: 8 });

Deno.bench("moranI: 10,000 regions, k = 8, 999 permutations (target ≤ 2 s)", () => {
  moranI(values, W, { permutations: 999, seed: 1 });
});

Deno.bench("moranI: 10,000 regions, k = 8, analytic only", () => {
  moranI(values, W);
});

Deno.bench("localMoran: 10,000 regions, k = 8, 99 conditional permutations", () => {
  localMoran(values, W, { permutations: 99, seed: 1 });
});

Deno.bench("spatialWeightsFromPoints: 10,000 points, k = 8 (k-d tree)", () => {
  spatialWeightsFromPoints(points, { k: 8 });
});

Deno.bench("spatialWeightsFromPoints: 10,000 points, distance ≤ 100 km", () => {
  spatialWeightsFromPoints(points, { distance: 100 });
});

const uk = await loadGeometry("uk-nuts2");
const rows = uk.ids.map((region, i) => ({ region, value: i }));
Deno.bench("regionMap: UK tile grid (39 regions), SVG + PNG", () => {
  regionMap(rows, { geometry: uk, title: "Benchmark map" }).toPNG();
});
