/**
 * Region geometries 地区几何: what a map draws and what contiguity weights are read from. Three kinds, one
 * shape ({@link RegionGeometry}): the shipped tile grids (China's provinces, Great Britain's NUTS-2 regions),
 * the world's countries (Natural Earth 1:110m, keyed by ISO 3166-1 alpha-3), and any GeoJSON or TopoJSON a
 * user brings, keyed by a named property.
 * @module
 */
import type { ColumnTable } from "../deps/arquero.ts";
import type { Bilingual } from "../core/i18n.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../core/validation_error.ts";
import { type TableInput, toTable } from "./adapters.ts";
import { datasetURL, loadDataset, readDataText } from "./datasets.ts";
import { type Feature, type FeatureCollection, ringsOf, toFeatureCollection } from "./geojson.ts";

/** Names of the shipped geometries. */
export type GeometryName = "china-provinces" | "uk-nuts2" | "world-countries";

/** The shipped geometries, for listings. */
export const GEOMETRY_NAMES: readonly GeometryName[] = ["china-provinces", "uk-nuts2", "world-countries"];

/** A geometry ready to map and to build weights from. */
export interface RegionGeometry {
  /** Its name ("china-provinces", or "custom" for a user's geometry). */
  readonly name: string;
  /** Squares of a tile grid (planar, y downwards) or geographic polygons (longitude, latitude). */
  readonly kind: "tile-grid" | "polygons";
  /** One feature per region; `properties.id` is the region id. */
  readonly features: FeatureCollection;
  /** Region ids, in the order of the features. */
  readonly ids: readonly string[];
  /** Display names of the regions. */
  readonly names: Readonly<Record<string, Bilingual>>;
  /** Short labels written on tiles (tile grids only; "/" breaks a line). */
  readonly labels?: Readonly<Record<string, Bilingual>>;
  /** Other spellings and codes accepted when joining data (alias → region id). */
  readonly aliases: ReadonlyMap<string, string>;
  /** The grid itself (`region`, `col`, `row`) for tile grids, for `spatialWeightsFromGrid`. */
  readonly grid?: ColumnTable;
  /** Map projection: planar tiles, planar user coordinates (y up), or a world projection. */
  readonly projection: "tiles" | "planar" | "equal-earth" | "mercator";
  /** Where the geometry comes from (the map's source line). */
  readonly source: Bilingual;
  /** Regions known to the crosswalk but without a shape at this scale (alias → name), e.g. Singapore. */
  readonly withoutShape?: ReadonlyMap<string, string>;
}

function square(id: string, col: number, row: number, props: Record<string, unknown>): Feature {
  return {
    type: "Feature",
    id,
    properties: { id, ...props },
    geometry: {
      type: "Polygon",
      coordinates: [[[col, row], [col + 1, row], [col + 1, row + 1], [col, row + 1], [col, row]]],
    },
  };
}

/** Options of {@link tileGridGeometry}. */
export interface TileGridGeometryOptions {
  /** Region id column (default "region"). */
  readonly region?: string;
  /** English and Chinese name columns (default "name_en", "name_zh"; absent columns fall back to the id). */
  readonly names?: { readonly en: string; readonly zh: string };
  /** Tile label columns (default "label_en", "label_zh"; absent columns fall back to the names). */
  readonly labels?: { readonly en: string; readonly zh: string };
  /** Extra alias columns (values that also identify the region, e.g. "iso_code"). */
  readonly aliases?: readonly string[];
  /** Source line of the map. */
  readonly source?: Bilingual;
  /** Name of the geometry (default "tile-grid"). */
  readonly name?: string;
}

const TILE_SOURCE: Bilingual = {
  en: "Tile grid: ClusterLab (one square per region, placed to resemble the map)",
  zh: "方块地图：ClusterLab（每个地区一个方块，按地理位置排布）",
};

/**
 * A tile-grid geometry from a table with `region`, `col` and `row` (the shipped `china-tile-grid` and
 * `uk-tile-grid`, or a grid of your own): one unit square per region at (col, row), y downwards. Names,
 * labels and alias columns are read when present. Repeated ids and cells are a {@link ValidationError}.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tileGridGeometry } from "clusterlab/advanced";
 * const g = tileGridGeometry([{ region: "N", col: 0, row: 0 }, { region: "S", col: 0, row: 1 }]);
 * assert.deepEqual(g.ids, ["N", "S"]);
 * assert.equal(g.kind, "tile-grid");
 * ```
 */
export function tileGridGeometry(grid: TableInput, options: TileGridGeometryOptions = {}): RegionGeometry {
  const t = toTable(grid);
  const cols = t.columnNames(), region = options.region ?? "region";
  const need = [region, "col", "row"].filter((c) => !cols.includes(c));
  if (need.length > 0) {
    throw new ValidationError(
      "tile grid",
      need.map((c) => ({
        column: c,
        expected: `a column "${c}"`,
        received: `columns ${cols.join(", ")}`,
      })),
    );
  }
  const pick = (c: string | undefined) => (c && cols.includes(c) ? (t.array(c) as unknown[]) : undefined);
  const names = options.names ?? { en: "name_en", zh: "name_zh" };
  const labelCols = options.labels ?? { en: "label_en", zh: "label_zh" };
  const [en, zh, len, lzh] = [pick(names.en), pick(names.zh), pick(labelCols.en), pick(labelCols.zh)];
  const ids = (t.array(region) as unknown[]).map(String);
  const col = t.array("col") as unknown[], row = t.array("row") as unknown[];
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>(), cells = new Set<string>();
  const features: Feature[] = [];
  const nameOf: Record<string, Bilingual> = {}, labelOf: Record<string, Bilingual> = {};
  const aliases = new Map<string, string>();
  ids.forEach((id, r) => {
    const c = col[r], w = row[r], cell = `${c},${w}`;
    if (!Number.isInteger(c) || !Number.isInteger(w)) {
      issues.push({ row: r + 1, column: "col, row", expected: "integers", received: describeValue([c, w]) });
    } else if (seen.has(id) || cells.has(cell)) {
      issues.push({
        row: r + 1,
        column: region,
        expected: "one tile per region and region per tile",
        received: `${id} at (${cell})`,
      });
    }
    seen.add(id);
    cells.add(cell);
    nameOf[id] = { en: String(en?.[r] ?? id), zh: String(zh?.[r] ?? en?.[r] ?? id) };
    labelOf[id] = { en: String(len?.[r] ?? nameOf[id]!.en), zh: String(lzh?.[r] ?? nameOf[id]!.zh) };
    for (
      const a of [
        nameOf[id]!.en,
        nameOf[id]!.zh,
        ...(options.aliases ?? []).map((c) => String(pick(c)?.[r] ?? "")),
      ]
    ) {
      if (a !== "" && a !== id) aliases.set(a, id);
    }
    features.push(square(id, c as number, w as number, { name_en: nameOf[id]!.en, name_zh: nameOf[id]!.zh }));
  });
  if (issues.length > 0) throw new ValidationError("tile grid", issues);
  return {
    name: options.name ?? "tile-grid",
    kind: "tile-grid",
    features: { type: "FeatureCollection", features },
    ids,
    names: nameOf,
    labels: labelOf,
    aliases,
    grid: t,
    projection: "tiles",
    source: options.source ?? TILE_SOURCE,
  };
}

/** Options of {@link geometryFromGeoJSON}. */
export interface GeoJSONGeometryOptions {
  /** The property holding the region id (required). */
  readonly key: string;
  /** Properties with English and Chinese display names (default: the id). */
  readonly names?: { readonly en: string; readonly zh?: string };
  /** Other properties whose values also identify a region when joining (e.g. ["iso_a2"]). */
  readonly aliases?: readonly string[];
  /** TopoJSON only: the object to read (default: its only object). */
  readonly object?: string;
  /** Projection (default: "mercator" when every coordinate is a longitude/latitude, else "planar", y up). */
  readonly projection?: RegionGeometry["projection"];
  /** Source line of the map (default "Map: user-supplied geometry"). */
  readonly source?: Bilingual;
}

function isLonLat(fc: FeatureCollection): boolean {
  return fc.features.every((f) =>
    ringsOf(f.geometry).every((ring) => ring.every((p) => Math.abs(p[0]!) <= 180 && Math.abs(p[1]!) <= 90))
  );
}

/**
 * A geometry from the user's GeoJSON FeatureCollection or TopoJSON topology, joined on the property `key`.
 * Features without the key or with a repeated id are a {@link ValidationError} naming the feature.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { geometryFromGeoJSON } from "clusterlab/advanced";
 * const sq = { type: "Polygon", coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] } as const;
 * const g = geometryFromGeoJSON(
 *   { type: "FeatureCollection", features: [{ type: "Feature", properties: { code: "A", name: "Alpha" }, geometry: sq }] },
 *   { key: "code", names: { en: "name" } },
 * );
 * assert.equal(g.names.A!.en, "Alpha");
 * assert.equal(g.aliases.get("Alpha"), "A");
 * ```
 */
export function geometryFromGeoJSON(geo: unknown, options: GeoJSONGeometryOptions): RegionGeometry {
  if (typeof options?.key !== "string") {
    throw new ValidationError("options of geometryFromGeoJSON", [{
      column: "key",
      expected: "the name of the property holding the region id",
      received: describeValue(options?.key),
    }]);
  }
  const fc = toFeatureCollection(geo, { object: options.object });
  const issues: ValidationIssue[] = [];
  const ids: string[] = [], names: Record<string, Bilingual> = {}, aliases = new Map<string, string>();
  const features: Feature[] = [];
  fc.features.forEach((f, r) => {
    const v = f.properties?.[options.key] ?? (options.key === "id" ? f.id : undefined);
    if (typeof v !== "string" && typeof v !== "number") {
      issues.push({
        row: r + 1,
        column: options.key,
        expected: "a region id in the feature's properties",
        received: describeValue(v),
      });
      return;
    }
    const id = String(v);
    if (names[id]) {
      issues.push({ row: r + 1, column: options.key, expected: "unique region ids", received: id });
    }
    ids.push(id);
    const en = options.names ? f.properties?.[options.names.en] : undefined;
    const zh = options.names?.zh ? f.properties?.[options.names.zh] : undefined;
    names[id] = { en: String(en ?? id), zh: String(zh ?? en ?? id) };
    for (const a of [en, zh, ...(options.aliases ?? []).map((p) => f.properties?.[p])]) {
      if ((typeof a === "string" || typeof a === "number") && String(a) !== id && String(a) !== "") {
        aliases.set(String(a), id);
      }
    }
    features.push({ ...f, properties: { ...f.properties, id } });
  });
  if (issues.length > 0) throw new ValidationError("features of geometryFromGeoJSON", issues);
  const collection: FeatureCollection = { type: "FeatureCollection", features };
  return {
    name: "custom",
    kind: "polygons",
    features: collection,
    ids,
    names,
    aliases,
    projection: options.projection ?? (isLonLat(collection) ? "mercator" : "planar"),
    source: options.source ?? { en: "Map: user-supplied geometry", zh: "地图：用户提供的几何数据" },
  };
}

const WORLD_SOURCE: Bilingual = {
  en: "Map: Natural Earth 1:110m (public domain), via world-atlas 2.0.2",
  zh: "地图：Natural Earth 1:110m（公有领域），world-atlas 2.0.2",
};

async function worldGeometry(): Promise<RegionGeometry> {
  const topo = JSON.parse(await readDataText(datasetURL("world-countries-110m.json")));
  const crosswalk = await loadDataset("world-countries");
  const g = geometryFromGeoJSON(topo, {
    key: "iso3",
    names: { en: "name", zh: "name_zh" },
    source: WORLD_SOURCE,
  });
  const features = g.features.features.filter((f) => f.properties?.id !== "ATA"); // Antarctica: no data unit
  const aliases = new Map<string, string>(), withoutShape = new Map<string, string>();
  const names: Record<string, Bilingual> = {};
  for (const r of crosswalk.objects() as Record<string, string | number | undefined>[]) {
    const iso3 = String(r.iso3);
    const keys = [
      r.iso2,
      r.eu_code,
      r.iso_numeric,
      r.name,
      r.name_zh,
      r.ne_name,
      ...String(r.aliases ?? "").split("|"),
    ]
      .filter((k): k is string => typeof k === "string" && k !== "" && k !== iso3);
    const target = r.in_map === "true" ? aliases : withoutShape;
    for (const k of [...keys, ...(r.in_map === "true" ? [] : [iso3])]) {
      target.set(k, r.in_map === "true" ? iso3 : String(r.name));
    }
    if (r.in_map === "true") names[iso3] = { en: String(r.name), zh: String(r.name_zh) };
  }
  return {
    ...g,
    name: "world-countries",
    features: { type: "FeatureCollection", features },
    ids: features.map((f) => String(f.properties!.id)),
    names,
    aliases,
    withoutShape,
    projection: "equal-earth",
  };
}

const cache = new Map<GeometryName, Promise<RegionGeometry>>();

/**
 * Load a shipped geometry: `"china-provinces"` (tile grid, ids = Chinese short names as in
 * `china-provinces-st`; English names, ISO 3166-2 and GB/T 2260 codes also join), `"uk-nuts2"` (tile grid,
 * ids = NUTS-2 codes of the BRES data; names also join) or `"world-countries"` (Natural Earth 1:110m without
 * Antarctica, ids = ISO alpha-3; alpha-2, EU codes such as EL and UK, numeric codes and English or Chinese
 * names also join, see the `world-countries` dataset). Nothing is downloaded: the files are in `data/`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGeometry } from "clusterlab";
 * const uk = await loadGeometry("uk-nuts2");
 * assert.equal(uk.ids.length, 39);
 * const world = await loadGeometry("world-countries");
 * assert.equal(world.aliases.get("EL"), "GRC"); // Eurostat's code for Greece
 * ```
 */
export function loadGeometry(name: GeometryName): Promise<RegionGeometry> {
  if (!GEOMETRY_NAMES.includes(name)) {
    return Promise.reject(
      new ValidationError("geometry name", [{
        column: "name",
        expected: `one of ${GEOMETRY_NAMES.join(", ")}`,
        received: describeValue(name),
      }]),
    );
  }
  let p = cache.get(name);
  if (!p) {
    p = name === "world-countries" ? worldGeometry() : loadDataset(
      name === "china-provinces" ? "china-tile-grid" : "uk-tile-grid",
    ).then((t) =>
      tileGridGeometry(t, {
        name,
        aliases: name === "china-provinces" ? ["iso_code", "gb_code"] : [],
      })
    );
    cache.set(name, p);
    p.catch(() => cache.delete(name));
  }
  return p;
}
