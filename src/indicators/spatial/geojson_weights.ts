/**
 * Contiguity weights from polygons (GeoJSON or TopoJSON): queen (a shared boundary point) or rook (a shared
 * boundary segment), as PySAL's `Queen.from_dataframe` / `Rook.from_dataframe` and spdep's
 * `poly2nb(queen = …)`. 面状邻接权重。
 * @module
 */
import { describeValue, ValidationError, type ValidationIssue } from "../../core/validation_error.ts";
import { type Position, ringsOf } from "../../data/geojson.ts";
import { geometryFromGeoJSON } from "../../data/geometry.ts";
import { checkContiguity, type Contiguity } from "./grid_weights.ts";
import { checkStyle, sparseFromLists, SpatialWeights, type WeightsStyle } from "./weights.ts";

/** Options of {@link spatialWeightsFromGeoJSON}. */
export interface GeoJSONWeightsOptions {
  /** The feature property holding the region id (required; `"id"` reads the feature's own `id` if no property has it). */
  readonly key: string;
  /** `"queen"` (default, as PySAL and spdep) or `"rook"`. */
  readonly contiguity?: Contiguity;
  /** `"W"` row-standardised (default) or `"B"` binary. */
  readonly style?: WeightsStyle;
  /** TopoJSON only: the object to read (default: the topology's only object). */
  readonly object?: string;
  /**
   * Decimal places to which vertex coordinates are rounded before they are compared (default 7, ≈1 cm in
   * degrees; design choice: polygons from one source share exact vertices, from different sources may not).
   */
  readonly precision?: number;
}

/**
 * Contiguity weights of polygon features: two regions are queen neighbours when their boundaries share at
 * least one vertex, rook neighbours when they share at least one edge (two consecutive vertices), after
 * rounding coordinates to `precision` decimals. Features are read from a GeoJSON FeatureCollection or a
 * TopoJSON topology; the region id is the property `key`. A feature without the key, a repeated id, or a
 * feature without a polygon is a {@link ValidationError} naming it. Polygons touching nothing (islands) are
 * reported in the weights' warnings.
 *
 * @param geo a GeoJSON FeatureCollection or a TopoJSON topology
 * @param options `key` (required), `contiguity` ("queen" default), `style`, `object`, `precision`
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { spatialWeightsFromGeoJSON } from "clusterlab";
 * const sq = (id: string, x: number, y: number) => ({
 *   type: "Feature" as const, properties: { id },
 *   geometry: { type: "Polygon" as const, coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]] },
 * });
 * const geo = { type: "FeatureCollection" as const, features: [sq("a", 0, 0), sq("b", 1, 0), sq("c", 1, 1)] };
 * assert.deepEqual(spatialWeightsFromGeoJSON(geo, { key: "id" }).neighbours("a"), ["b", "c"]); // c: a corner
 * assert.deepEqual(spatialWeightsFromGeoJSON(geo, { key: "id", contiguity: "rook" }).neighbours("a"), ["b"]);
 * ```
 */
export function spatialWeightsFromGeoJSON(geo: unknown, options: GeoJSONWeightsOptions): SpatialWeights {
  const contiguity = checkContiguity(options.contiguity ?? "queen", "spatialWeightsFromGeoJSON");
  const style = checkStyle(options.style ?? "W", "spatialWeightsFromGeoJSON");
  const precision = options.precision ?? 7;
  if (typeof options.key !== "string" || !Number.isInteger(precision) || precision < 0 || precision > 15) {
    throw new ValidationError("options of spatialWeightsFromGeoJSON", [
      typeof options.key !== "string"
        ? {
          column: "key",
          expected: "the name of the property holding the region id",
          received: describeValue(options.key),
        }
        : { column: "precision", expected: "an integer in [0, 15]", received: describeValue(precision) },
    ]);
  }
  // Ids, their uniqueness and the key property are checked where every user geometry is read.
  const g = geometryFromGeoJSON(geo, { key: options.key, object: options.object });
  const fc = g.features, ids = [...g.ids];
  const issues: ValidationIssue[] = fc.features.flatMap((f, r) =>
    ringsOf(f.geometry).length > 0 ? [] : [{
      row: r + 1,
      column: "geometry",
      expected: "a Polygon or MultiPolygon",
      received: describeValue(f.geometry?.type ?? null),
    }]
  );
  if (issues.length > 0) throw new ValidationError("features of spatialWeightsFromGeoJSON", issues);
  const key = (p: Position) => `${p[0]!.toFixed(precision)},${p[1]!.toFixed(precision)}`;
  const owners = new Map<string, number[]>();
  fc.features.forEach((f, i) => {
    const mine = new Set<string>();
    for (const ring of ringsOf(f.geometry)) {
      for (let v = 0; v < ring.length; v++) {
        if (contiguity === "queen") mine.add(key(ring[v]!));
        else if (v + 1 < ring.length) {
          const a = key(ring[v]!), b = key(ring[v + 1]!);
          if (a !== b) mine.add(a < b ? `${a}|${b}` : `${b}|${a}`);
        }
      }
    }
    for (const k of mine) {
      const o = owners.get(k);
      if (o) o.push(i);
      else owners.set(k, [i]);
    }
  });
  const sets = ids.map(() => new Set<number>());
  for (const o of owners.values()) {
    if (o.length < 2) continue;
    for (const i of o) for (const j of o) if (i !== j) sets[i]!.add(j);
  }
  return new SpatialWeights(
    sparseFromLists(ids, sets.map((s) => [...s])),
    style,
    [],
    {
      en: `${contiguity} contiguity of polygons`,
      zh: contiguity === "rook" ? "面状车式邻接（共边）" : "面状后式邻接（共点）",
    },
  );
}
