/**
 * GeoJSON (RFC 7946) and TopoJSON (Bostock 2013, topojson-specification 1.0) as ClusterLab reads them: the
 * types, a check that names what is wrong, and the conversion of a TopoJSON topology to GeoJSON features
 * (topojson-client's `feature`).
 * @module
 */
import * as topojsonClient from "../deps/topojson.ts";
import { describeValue, ValidationError } from "../core/validation_error.ts";

/** The part of topojson-client 3.1 used here (the package ships no types). */
const topojson = topojsonClient as unknown as {
  feature(topology: unknown, object: unknown): unknown;
};

/** A position [longitude, latitude] (or [x, y] in a planar layout). */
export type Position = readonly number[];

/** A GeoJSON geometry ClusterLab draws and reads neighbours from. */
export type Geometry =
  | { readonly type: "Point"; readonly coordinates: Position }
  | { readonly type: "MultiPoint" | "LineString"; readonly coordinates: readonly Position[] }
  | { readonly type: "Polygon" | "MultiLineString"; readonly coordinates: readonly (readonly Position[])[] }
  | { readonly type: "MultiPolygon"; readonly coordinates: readonly (readonly (readonly Position[])[])[] };

/** A GeoJSON feature. */
export interface Feature {
  /** Always "Feature". */
  readonly type: "Feature";
  /** Optional feature id. */
  readonly id?: string | number;
  /** Properties; ClusterLab joins data on one of them. */
  readonly properties: Readonly<Record<string, unknown>> | null;
  /** The geometry (null for a feature without one). */
  readonly geometry: Geometry | null;
}

/** A GeoJSON feature collection. */
export interface FeatureCollection {
  /** Always "FeatureCollection". */
  readonly type: "FeatureCollection";
  /** The features. */
  readonly features: readonly Feature[];
}

/** A TopoJSON topology (only the parts ClusterLab reads are typed). */
export interface Topology {
  /** Always "Topology". */
  readonly type: "Topology";
  /** Named geometry collections. */
  readonly objects: Readonly<Record<string, unknown>>;
  /** Shared arcs. */
  readonly arcs: readonly unknown[];
  /** Quantisation transform, if any. */
  readonly transform?: unknown;
}

/** Is `x` a TopoJSON topology? */
export function isTopology(x: unknown): x is Topology {
  return typeof x === "object" && x !== null && (x as { type?: unknown }).type === "Topology";
}

/**
 * GeoJSON features from a FeatureCollection, a Feature, or a TopoJSON topology (its object `object`, or its
 * only object). Anything else is a {@link ValidationError} naming what was received.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { toFeatureCollection } from "clusterlab/advanced";
 * const square = { type: "Polygon", coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] } as const;
 * const fc = toFeatureCollection({ type: "Feature", properties: { id: "A" }, geometry: square });
 * assert.equal(fc.features.length, 1);
 * ```
 */
export function toFeatureCollection(
  geo: unknown,
  options: { readonly object?: string } = {},
): FeatureCollection {
  const bad = (expected: string, received: unknown): never => {
    throw new ValidationError("geometry", [{
      column: "geometry",
      expected,
      received: describeValue(received),
    }]);
  };
  if (isTopology(geo)) {
    const names = Object.keys(geo.objects ?? {});
    const name = options.object ?? (names.length === 1 ? names[0] : undefined);
    if (name === undefined || !(name in geo.objects)) {
      return bad(`the name of one object of the topology (${names.join(", ")}) in option "object"`, name);
    }
    const out = topojson.feature(geo, geo.objects[name]);
    return (out as { type: string }).type === "FeatureCollection"
      ? out as FeatureCollection
      : { type: "FeatureCollection", features: [out as Feature] };
  }
  if (typeof geo === "object" && geo !== null) {
    const t = (geo as { type?: unknown }).type;
    if (t === "FeatureCollection" && Array.isArray((geo as FeatureCollection).features)) {
      return geo as FeatureCollection;
    }
    if (t === "Feature") return { type: "FeatureCollection", features: [geo as Feature] };
  }
  return bad("a GeoJSON FeatureCollection or Feature, or a TopoJSON Topology", geo);
}

/** Every ring (Polygon and MultiPolygon) of a geometry; lines and points have none. */
export function ringsOf(g: Geometry | null): (readonly Position[])[] {
  if (g === null) return [];
  if (g.type === "Polygon") return [...g.coordinates];
  if (g.type === "MultiPolygon") return g.coordinates.flatMap((p) => [...p]);
  return [];
}
