/**
 * The geography files of the build (data/README.md "Geography"): tile grids, region points, the country
 * crosswalk and the world map (Natural Earth 1:110m countries from the npm package world-atlas 2.0.2, public
 * domain) re-keyed by ISO 3166-1 alpha-3. Every code is checked against the shipped tables it must join with:
 * the build stops on a grid region that is not in the data, a data region without a tile, or a country code
 * of the NSF and Horizon 2020 tables that the crosswalk does not resolve.
 * @module
 */
import atlas from "../../src/deps/world_atlas.ts";
import { type Cell, columnIndex, compareRows, parseCsv, toCsv } from "./csv.ts";
import { CHINA_GRID, COUNTRIES, EU_CODE_EXCEPTIONS, UK_GRID } from "./geography_tables.ts";

/** One output file (the same shape as build_data's). */
interface BuiltFile {
  readonly file: string;
  readonly rows: number;
  readonly text: string;
}

function csvFile(
  name: string,
  header: readonly string[],
  rows: Cell[][],
  keys: readonly number[],
): BuiltFile {
  rows.sort(compareRows(keys));
  return { file: name, rows: rows.length, text: toCsv(header, rows) };
}

function column(files: readonly BuiltFile[], file: string, col: string): string[] {
  const f = files.find((x) => x.file === file);
  if (!f) throw new Error(`geography: ${file} must be built before the geography files`);
  const csv = parseCsv(f.text, file);
  const { [col]: j } = columnIndex(csv, file, [col]);
  return csv.rows.map((r) => r[j!]!);
}

function sameSet(what: string, grid: readonly string[], data: readonly string[]): void {
  const g = new Set(grid), d = new Set(data);
  const extra = [...g].filter((x) => !d.has(x)), missing = [...d].filter((x) => !g.has(x));
  if (extra.length > 0 || missing.length > 0 || g.size !== grid.length) {
    throw new Error(
      `geography: ${what}: not in the data ${extra.join(", ")}; without a tile ${missing.join(", ")}`,
    );
  }
}

/** The planar (lon/lat) centroid of the largest ring of a polygon set, rounded to 0.01°. */
function centroid(polygons: number[][][][]): [number, number] {
  let best: [number, number, number] = [0, 0, -1];
  for (const poly of polygons) {
    // A ring across the antimeridian (Russia, Fiji) is unwrapped to [0, 360) before the planar formula.
    const xs = poly[0]!.map((p) => p[0]!);
    const wrap = Math.max(...xs) - Math.min(...xs) > 180;
    const ring = wrap ? poly[0]!.map(([x, y]) => [x! < 0 ? x! + 360 : x!, y!]) : poly[0]!;
    let a = 0, cx = 0, cy = 0;
    for (let i = 0; i + 1 < ring.length; i++) {
      const [x0, y0] = ring[i]!, [x1, y1] = ring[i + 1]!;
      const f = x0! * y1! - x1! * y0!;
      a += f;
      cx += (x0! + x1!) * f;
      cy += (y0! + y1!) * f;
    }
    if (Math.abs(a) > best[2]) best = [cx / (3 * a), cy / (3 * a), Math.abs(a)];
  }
  const lon = best[0] > 180 ? best[0] - 360 : best[0];
  return [Math.round(lon * 100) / 100, Math.round(best[1] * 100) / 100];
}

// deno-lint-ignore no-explicit-any
type AnyJson = any;

/** Decode the arcs of the quantised topology into lon/lat polygons of one geometry. */
function polygonsOf(topo: AnyJson, geometry: AnyJson): number[][][][] {
  const [sx, sy] = topo.transform.scale, [tx, ty] = topo.transform.translate;
  const decoded: number[][][] = topo.arcs.map((arc: number[][]) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => [(x += dx!) * sx + tx, (y += dy!) * sy + ty]);
  });
  const ring = (ids: number[]) =>
    ids.flatMap((id, k) => {
      const pts = id >= 0 ? decoded[id]! : [...decoded[~id]!].reverse();
      return k === 0 ? pts : pts.slice(1);
    });
  if (geometry.type === "Polygon") return [geometry.arcs.map(ring)];
  if (geometry.type === "MultiPolygon") return geometry.arcs.map((p: number[][]) => p.map(ring));
  return [];
}

function buildWorld(files: readonly BuiltFile[], log: string[]): BuiltFile[] {
  const topo = atlas as AnyJson;
  const byNumeric = new Map(COUNTRIES.filter((c) => c[0] !== "").map((c) => [c[0], c]));
  const byName = new Map(COUNTRIES.map((c) => [c[3], c]));
  for (const c of COUNTRIES) for (const a of c[5].split("|").filter(Boolean)) byName.set(a, c);
  const geometries: AnyJson[] = [];
  const inMap = new Map<string, { ne: string; lonlat: [number, number] }>();
  for (const g of topo.objects.countries.geometries) {
    const c = g.id !== undefined ? byNumeric.get(g.id) : byName.get(g.properties.name);
    if (!c) {
      throw new Error(`geography: world-atlas country ${g.id} ${g.properties.name} is not in COUNTRIES`);
    }
    if (inMap.has(c[2])) throw new Error(`geography: ${c[2]} twice in world-atlas`);
    inMap.set(c[2], { ne: g.properties.name, lonlat: centroid(polygonsOf(topo, g)) });
    geometries.push({ ...g, id: c[2], properties: { iso3: c[2], iso2: c[1], name: c[3], name_zh: c[4] } });
  }
  const eu = (iso2: string) => EU_CODE_EXCEPTIONS[iso2] ?? iso2;
  const resolvable = new Set(COUNTRIES.flatMap((c) => [c[1], eu(c[1]), c[2], c[3], ...c[5].split("|")]));
  for (
    const [file, col] of [["h2020-country-orgs.csv", "country"], ["nsf-economies.csv", "economy"]] as const
  ) {
    const missing = [...new Set(column(files, file, col))].filter((x) => !resolvable.has(x));
    if (missing.length > 0) {
      throw new Error(`geography: ${file} ${col} not in COUNTRIES: ${missing.join(", ")}`);
    }
  }
  const notInMap = COUNTRIES.filter((c) => !inMap.has(c[2])).map((c) => c[2]);
  log.push(
    `geography: ${inMap.size} world-atlas countries keyed by ISO alpha-3; ${notInMap.length} crosswalk ` +
      `countries have no polygon at 1:110m (${notInMap.join(", ")})`,
  );
  const rows: Cell[][] = COUNTRIES.map((c) => {
    const m = inMap.get(c[2]);
    return [
      c[2],
      c[1],
      c[0],
      c[1] === "" ? "" : eu(c[1]),
      c[3],
      c[4],
      c[5],
      m?.ne ?? "",
      m ? "true" : "false",
      m ? m.lonlat[0] : "",
      m ? m.lonlat[1] : "",
    ];
  });
  const world = {
    type: "Topology",
    bbox: topo.bbox,
    transform: topo.transform,
    objects: { countries: { type: "GeometryCollection", geometries } },
    arcs: topo.arcs,
  };
  return [
    csvFile(
      "world-countries.csv",
      [
        "iso3",
        "iso2",
        "iso_numeric",
        "eu_code",
        "name",
        "name_zh",
        "aliases",
        "ne_name",
        "in_map",
        "lon",
        "lat",
      ],
      rows,
      [0],
    ),
    { file: "world-countries-110m.json", rows: geometries.length, text: JSON.stringify(world) + "\n" },
  ];
}

/** Build the geography files; `files` are the tables built before (their codes are checked). */
export function buildGeography(files: readonly BuiltFile[], log: string[]): BuiltFile[] {
  sameSet(
    "china-tile-grid vs china-provinces-st",
    CHINA_GRID.map((r) => r[0]),
    column(files, "china-provinces-st.csv", "entity"),
  );
  const ukNames = new Map<string, string>();
  const uk = files.find((f) => f.file === "uk-regions.csv")!;
  for (const r of parseCsv(uk.text, "uk-regions.csv").rows) ukNames.set(r[0]!, r[1]!);
  sameSet("uk-tile-grid vs uk-regions", UK_GRID.map((r) => r[0]), [...ukNames.keys()]);
  const china: Cell[][] = CHINA_GRID.map((
    r,
  ) => [r[0], r[1], r[0], r[2], r[3], r[1].replace(" ", "/"), r[0], r[4], r[5]]);
  const ukRows: Cell[][] = UK_GRID.map((r) => [r[0], ukNames.get(r[0])!, r[1], r[2], r[3], r[4], r[5]]);
  const points: Cell[][] = [
    ...CHINA_GRID.map((r): Cell[] => ["china-provinces", r[0], r[1], r[0], r[6], r[7], r[8], r[9]]),
    ...UK_GRID.map((r): Cell[] => ["uk-nuts2", r[0], ukNames.get(r[0])!, r[1], r[6], r[7], r[8], r[9]]),
  ];
  log.push(
    `geography: tile grids of ${china.length} provinces and ${ukRows.length} NUTS-2 regions, ${points.length} seats`,
  );
  return [
    csvFile(
      "china-tile-grid.csv",
      ["region", "name_en", "name_zh", "iso_code", "gb_code", "label_en", "label_zh", "col", "row"],
      china,
      [8, 7],
    ),
    csvFile(
      "uk-tile-grid.csv",
      ["region", "name_en", "name_zh", "label_en", "label_zh", "col", "row"],
      ukRows,
      [0],
    ),
    csvFile(
      "region-points.csv",
      ["set", "region", "name_en", "name_zh", "seat", "seat_zh", "lon", "lat"],
      points,
      [0, 1],
    ),
    ...buildWorld(files, log),
  ];
}
