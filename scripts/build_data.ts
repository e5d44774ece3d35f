/**
 * Build the shipped datasets (`data/*.csv`) from the raw public files in `../shared/data/` (each raw folder
 * has a SOURCE.md; data/README.md documents every output). Deterministic: rows sorted, numbers written with
 * `String(n)` (shortest round trip), no timestamps, so a rebuild gives identical bytes.
 *
 *   deno task build-data                                   # ../shared/data → data/
 *   deno run -R -W scripts/build_data.ts --raw DIR --out DIR
 *
 * Every dropped raw row is counted and printed in the build log (and documented in data/README.md); any
 * unexpected value (unknown code, duplicate key, non-numeric count) stops the build with the file and line.
 * @module
 */
import {
  type Cell,
  columnIndex,
  compareRows,
  parseCount,
  parseCsv,
  parseDecimal,
  toCsv,
} from "./build_data/csv.ts";
import {
  CHINA_INDICATORS,
  CHINA_PROVINCE_FIXES,
  CHINA_PROVINCES,
  H2020_TYPES,
  UK_CATEGORY_ZH,
  UK_CLUSTER_NAMES,
  WIPO_FIELDS,
  wipoSector,
} from "./build_data/labels.ts";
import { buildGeography } from "./build_data/geography.ts";

/** Horizon 2020 programme part whose organisations form the `h2020-organisations`/`h2020-ties` sample. */
export const NETWORK_PART = "SWAFS";
/** Years of the China S&T panel. */
export const CHINA_YEARS = [2010, 2023] as const;
/** Years of BRES employment. */
export const UK_YEARS = [2015, 2016, 2017, 2018] as const;

/** One output file. */
export interface BuiltFile {
  readonly file: string;
  readonly rows: number;
  readonly text: string;
}

/** What the build produced and dropped. */
export interface BuildResult {
  readonly files: readonly BuiltFile[];
  /** Human-readable notes: every dropped or cleaned raw row, counted. */
  readonly log: readonly string[];
}

function file(
  name: string,
  header: readonly string[],
  rows: Cell[][],
  sortKeys: readonly number[],
): BuiltFile {
  rows.sort(compareRows(sortKeys));
  return { file: name, rows: rows.length, text: toCsv(header, rows) };
}

function keyOf(...parts: (string | number)[]): string {
  return parts.join("\u0000");
}

function inc<K>(m: Map<K, number>, k: K, by = 1): void {
  m.set(k, (m.get(k) ?? 0) + by);
}

// ---------------------------------------------------------------------------------------------------------
// UK BRES employment
// ---------------------------------------------------------------------------------------------------------

async function buildUk(raw: string, log: string[]): Promise<BuiltFile[]> {
  const dir = `${raw}/uk-bres-nuts2`;
  const lookupFile = `${dir}/sic_4_industry_segment_lookup.csv`;
  const lookup = parseCsv(await Deno.readTextFile(lookupFile), lookupFile);
  const li = columnIndex(lookup, lookupFile, ["sic_4", "descr", "category", "cluster"]);
  const sectors = new Map<string, { description: string; category: string; cluster: string }>();
  lookup.rows.forEach((r, k) => {
    const sector = r[li.sic_4]!;
    const where = `${lookupFile} line ${k + 2}`;
    if (!/^\d{4}$/.test(sector)) throw new Error(`${where}: SIC4 ${JSON.stringify(sector)} is not 4 digits`);
    if (sectors.has(sector)) throw new Error(`${where}: duplicate SIC4 ${sector}`);
    const cluster = r[li.cluster]!;
    if (!UK_CLUSTER_NAMES[cluster]) throw new Error(`${where}: cluster ${cluster} has no readable name`);
    sectors.set(sector, { description: r[li.descr]!, category: r[li.category]!, cluster });
  });

  const regions = new Map<string, string>();
  const employment: Cell[][] = [];
  const clusterSums = new Map<string, number>();
  let zeros = 0;
  for (const year of UK_YEARS) {
    const path = `${dir}/nomis_BRES_${year}_TYPE450.csv`;
    const csv = parseCsv(await Deno.readTextFile(path), path);
    const ci = columnIndex(csv, path, [
      "year",
      "geo_type",
      "geo_nm",
      "geo_cd",
      "SIC4",
      "value",
      "cluster_name",
    ]);
    const seen = new Set<string>();
    csv.rows.forEach((r, k) => {
      const where = `${path} line ${k + 2}`;
      if (r[ci.year] !== String(year)) throw new Error(`${where}: year ${r[ci.year]} in the ${year} file`);
      if (r[ci.geo_type] !== "nuts 2013 level 2") throw new Error(`${where}: geo_type ${r[ci.geo_type]}`);
      const region = r[ci.geo_cd]!, name = r[ci.geo_nm]!, sector = r[ci.SIC4]!;
      if (!/^UK[A-Z]\d$/.test(region)) throw new Error(`${where}: region ${JSON.stringify(region)}`);
      const known = regions.get(region);
      if (known === undefined) regions.set(region, name);
      else if (known !== name) throw new Error(`${where}: ${region} is "${name}", earlier "${known}"`);
      const info = sectors.get(sector);
      if (!info) throw new Error(`${where}: SIC4 ${JSON.stringify(sector)} is not in the lookup`);
      if (r[ci.cluster_name] !== info.cluster) {
        throw new Error(`${where}: cluster ${r[ci.cluster_name]} differs from the lookup's ${info.cluster}`);
      }
      const value = parseCount(r[ci.value]!, `${where}, column value`);
      if (value % 5 !== 0) throw new Error(`${where}: ${value} is not a multiple of 5 (BRES rounding)`);
      const id = keyOf(region, sector);
      if (seen.has(id)) throw new Error(`${where}: duplicate ${region} × ${sector}`);
      seen.add(id);
      if (value === 0) zeros++;
      employment.push([region, sector, year, value]);
      inc(clusterSums, keyOf(region, info.cluster, year), value);
    });
    const expected = regions.size * sectors.size;
    if (seen.size !== expected) {
      throw new Error(`${path}: ${seen.size} region × SIC4 cells, expected ${expected}`);
    }
  }
  log.push(
    `uk: ${regions.size} regions × ${sectors.size} SIC4 × ${UK_YEARS.length} years, complete; ${zeros} zero cells kept`,
  );

  const clusterRows: Cell[][] = [];
  for (const [id, value] of clusterSums) {
    const [region, cluster, year] = id.split("\u0000");
    clusterRows.push([region!, cluster!, Number(year), value]);
  }
  const clusterCount = new Map<string, number>();
  for (const s of sectors.values()) inc(clusterCount, s.cluster);
  return [
    file("uk-regions.csv", ["region", "region_name"], [...regions].map(([c, n]) => [c, n]), [0]),
    file(
      "uk-sic4.csv",
      ["sector", "description", "category", "cluster"],
      [...sectors].map(([s, i]) => [s, i.description, i.category, i.cluster]),
      [0],
    ),
    file(
      "uk-clusters.csv",
      ["cluster", "cluster_name", "cluster_name_zh", "category", "category_zh", "sectors"],
      [...clusterCount].map(([c, n]) => {
        const category = [...sectors.values()].find((s) => s.cluster === c)!.category;
        const [en, zh] = UK_CLUSTER_NAMES[c]!;
        return [c, en, zh, category, UK_CATEGORY_ZH[category] ?? category, n];
      }),
      [0],
    ),
    file("uk-employment-sic4.csv", ["region", "sector", "year", "value"], employment, [0, 1, 2]),
    file("uk-employment-clusters.csv", ["region", "cluster", "year", "value"], clusterRows, [0, 1, 2]),
  ];
}

// ---------------------------------------------------------------------------------------------------------
// China provincial S&T panel
// ---------------------------------------------------------------------------------------------------------

function yearRanges(years: readonly number[]): string {
  const ys = [...new Set(years)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < ys.length;) {
    let j = i;
    while (j + 1 < ys.length && ys[j + 1] === ys[j]! + 1) j++;
    parts.push(i === j ? `${ys[i]}` : `${ys[i]}-${ys[j]}`);
    i = j + 1;
  }
  return parts.join(" ");
}

async function buildChina(raw: string, log: string[]): Promise<BuiltFile[]> {
  const dir = `${raw}/china-provincial-st`;
  const path = `${dir}/china_st_yearbook_provincial_long.csv`;
  const csv = parseCsv(await Deno.readTextFile(path), path);
  const ci = columnIndex(csv, path, ["dataset", "province", "year", "value", "variables"]);
  const english = new Map(CHINA_PROVINCES);
  english.set("全国", "China (national total)");
  const wanted = new Map(CHINA_INDICATORS.map((d) => [keyOf(d.dataset, d.variable), d]));

  const values = new Map<string, number>(); // indicator × province × year
  const missing: string[] = [];
  let fixed = 0, spaced = 0, aggregate = 0, outside = 0;
  const seen = new Set<string>();
  csv.rows.forEach((r, k) => {
    const where = `${path} line ${k + 2}`;
    let province = r[ci.province]!.replace(/\s/g, "");
    if (province !== r[ci.province]) spaced++;
    if (CHINA_PROVINCE_FIXES[province]) {
      province = CHINA_PROVINCE_FIXES[province]!;
      fixed++;
    }
    if (province === "尔部地区") {
      aggregate++;
      return;
    }
    if (!english.has(province)) {
      throw new Error(`${where}: unknown province ${JSON.stringify(r[ci.province])}`);
    }
    const year = parseCount(r[ci.year]!, `${where}, column year`);
    const id = keyOf(r[ci.dataset]!, province, year, r[ci.variables]!);
    if (seen.has(id)) {
      throw new Error(`${where}: duplicate (dataset, province, year, variable) after cleaning`);
    }
    seen.add(id);
    const indicator = wanted.get(keyOf(r[ci.dataset]!, r[ci.variables]!));
    if (!indicator) return;
    if (year < CHINA_YEARS[0] || year > CHINA_YEARS[1]) {
      outside++;
      return;
    }
    if (r[ci.value] === "NA") {
      missing.push(`${indicator.id} ${province} ${year}`);
      return;
    }
    values.set(keyOf(indicator.id, province, year), parseDecimal(r[ci.value]!, `${where}, column value`));
  });

  const hpath = `${dir}/HitechFirmsPub.csv`;
  const hcsv = parseCsv(await Deno.readTextFile(hpath), hpath);
  const hi = columnIndex(hcsv, hpath, ["year", "province", "num"]);
  hcsv.rows.forEach((r, k) => {
    const where = `${hpath} line ${k + 2}`;
    const province = r[hi.province]!.replace(/\s/g, "");
    if (!english.has(province)) throw new Error(`${where}: unknown province ${JSON.stringify(province)}`);
    const year = parseCount(r[hi.year]!, `${where}, column year`);
    if (year < CHINA_YEARS[0] || year > CHINA_YEARS[1]) {
      outside++;
      return;
    }
    const id = keyOf("hightech_enterprises", province, year);
    if (values.has(id)) throw new Error(`${where}: duplicate province × year`);
    values.set(id, parseCount(r[hi.num]!, `${where}, column num`));
  });
  log.push(
    `china: ${spaced} province names with spaces stripped, ${fixed} OCR typos fixed, ${aggregate} 尔部地区 rows ` +
      `dropped, ${outside} rows of shipped indicators outside ${CHINA_YEARS.join("-")} left out, ` +
      `${missing.length} NA values of shipped indicators left out (${missing.join("; ")})`,
  );

  const provinceRows: Cell[][] = [];
  const nationalRows: Cell[][] = [];
  const indicatorRows: Cell[][] = [];
  for (const d of CHINA_INDICATORS) {
    const years: number[] = [];
    const gaps: string[] = [];
    for (let y = CHINA_YEARS[0]; y <= CHINA_YEARS[1]; y++) {
      let present = 0;
      const absent: string[] = [];
      for (const [zh, en] of CHINA_PROVINCES) {
        const v = values.get(keyOf(d.id, zh, y));
        if (v === undefined) absent.push(zh);
        else {
          present++;
          provinceRows.push([zh, en, y, d.id, v, d.unit]);
        }
      }
      const nv = values.get(keyOf(d.id, "全国", y));
      if (nv !== undefined) nationalRows.push(["全国", "China (national total)", y, d.id, nv, d.unit]);
      if (present > 0) {
        years.push(y);
        if (absent.length > 0) gaps.push(`${y}: ${absent.join(" ")}`);
      }
    }
    indicatorRows.push([
      d.id,
      d.en,
      d.zh,
      d.unit,
      d.unitZh,
      d.dataset,
      d.variable,
      yearRanges(years),
      gaps.join("; "),
    ]);
  }
  // Sort: indicator in registry order is not alphabetical, so sort on text keys for a stable byte order.
  const header = ["entity", "entity_en", "year", "indicator", "value", "unit"];
  return [
    file("china-provinces-st.csv", header, provinceRows, [3, 1, 2]),
    file("china-national-st.csv", header, nationalRows, [3, 2]),
    file(
      "china-st-indicators.csv",
      [
        "indicator",
        "label_en",
        "label_zh",
        "unit",
        "unit_zh",
        "raw_dataset",
        "raw_variable",
        "years",
        "missing",
      ],
      indicatorRows,
      [0],
    ),
  ];
}

// ---------------------------------------------------------------------------------------------------------
// NCSES patents by WIPO field
// ---------------------------------------------------------------------------------------------------------

async function buildNsf(raw: string, log: string[]): Promise<BuiltFile[]> {
  const dir = `${raw}/ncses-patents-wipo-fields`;
  const rpath = `${dir}/regions.csv`;
  const rcsv = parseCsv(await Deno.readTextFile(rpath), rpath);
  const ri = columnIndex(rcsv, rpath, ["region", "region_path", "region_level", "income_group"]);
  const economies = new Map<string, readonly string[]>();
  const aggregates = new Set<string>();
  for (const r of rcsv.rows) {
    if (r[ri.income_group] === "na") aggregates.add(r[ri.region]!);
    else economies.set(r[ri.region]!, r);
  }
  const path = `${dir}/patents_by_wipo_field_region_year.csv`;
  const csv = parseCsv(await Deno.readTextFile(path), path);
  const ci = columnIndex(csv, path, ["series", "wipo_field", "region", "year", "patents"]);
  const byField: Cell[][] = [];
  const totals: Cell[][] = [];
  const seen = new Set<string>();
  let dropped = 0;
  csv.rows.forEach((r, k) => {
    const where = `${path} line ${k + 2}`;
    const [series, field, region] = [r[ci.series]!, r[ci.wipo_field]!, r[ci.region]!];
    if (series !== "IPF" && series !== "USPTO") throw new Error(`${where}: series ${series}`);
    const year = parseCount(r[ci.year]!, `${where}, column year`);
    const patents = parseCount(r[ci.patents]!, `${where}, column patents`);
    const id = keyOf(series, field, region, year);
    if (seen.has(id)) throw new Error(`${where}: duplicate series × field × region × year`);
    seen.add(id);
    const isTotal = field === "ALL FIELDS";
    if (!isTotal && !WIPO_FIELDS[field]) {
      throw new Error(`${where}: unknown WIPO field ${JSON.stringify(field)}`);
    }
    if (economies.has(region)) {
      if (isTotal) totals.push([region, series, year, patents]);
      else byField.push([region, WIPO_FIELDS[field]![0], series, year, patents]);
    } else if (aggregates.has(region)) {
      if (isTotal && region === "World") totals.push([region, series, year, patents]);
      else dropped++;
    } else throw new Error(`${where}: region ${JSON.stringify(region)} is not in regions.csv`);
  });
  const expected = economies.size * 35 * 2 * 23;
  if (byField.length !== expected) {
    throw new Error(`${path}: ${byField.length} economy rows, expected ${expected}`);
  }
  log.push(
    `nsf: ${economies.size} economies × 35 fields × 2 series × 23 years, complete; ${dropped} aggregate rows ` +
      `(World and continent/EU by field, other aggregate totals) left out`,
  );
  const fields = Object.entries(WIPO_FIELDS).map(([ncses, [id, en, zh]]) => {
    const [sector, sectorZh] = wipoSector(id);
    return [id, en, zh, ncses, sector, sectorZh] as Cell[];
  });
  return [
    file("nsf-patents.csv", ["economy", "field_id", "series", "year", "patents"], byField, [0, 1, 2, 3]),
    file("nsf-patents-totals.csv", ["economy", "series", "year", "patents"], totals, [0, 1, 2]),
    file(
      "nsf-economies.csv",
      ["economy", "region_path", "income_group"],
      [...economies.values()].map((r) => [r[ri.region]!, r[ri.region_path]!, r[ri.income_group]!]),
      [0],
    ),
    file("wipo-fields.csv", ["field_id", "field", "field_zh", "ncses_field", "sector", "sector_zh"], fields, [
      0,
    ]),
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Horizon 2020 participations
// ---------------------------------------------------------------------------------------------------------

interface Participation {
  readonly pic: string;
  readonly type: string;
  readonly country: string;
}

async function buildH2020(raw: string, log: string[]): Promise<BuiltFile[]> {
  const dir = `${raw}/h2020-participations`;
  const path = `${dir}/h2020_participations.csv`;
  const csv = parseCsv(await Deno.readTextFile(path), path);
  const ci = columnIndex(csv, path, ["rcn", "pic", "type", "country", "start_year"]);
  const codes = new Set(H2020_TYPES.map((t) => t[0]));
  const projects = new Map<string, { year: number | null; members: Participation[] }>();
  const orgs = new Map<string, Participation>();
  csv.rows.forEach((r, k) => {
    const where = `${path} line ${k + 2}`;
    const [rcn, pic, type, country] = [r[ci.rcn]!, r[ci.pic]!, r[ci.type]!, r[ci.country]!];
    if (!/^\d+$/.test(pic)) throw new Error(`${where}: pic ${JSON.stringify(pic)}`);
    if (!codes.has(type)) throw new Error(`${where}: activity type ${JSON.stringify(type)}`);
    // "NA" here is Namibia (group tc), not a missing value.
    if (!/^[A-Z]{2}$/.test(country)) throw new Error(`${where}: country ${JSON.stringify(country)}`);
    const year = r[ci.start_year] === "NA"
      ? null
      : parseCount(r[ci.start_year]!, `${where}, column start_year`);
    const p: Participation = { pic, type, country };
    const known = orgs.get(pic);
    if (known && (known.type !== type || known.country !== country)) {
      throw new Error(`${where}: organisation ${pic} changes type or country`);
    }
    orgs.set(pic, p);
    let project = projects.get(rcn);
    if (!project) projects.set(rcn, project = { year, members: [] });
    else if (project.year !== year) throw new Error(`${where}: project ${rcn} has two start years`);
    if (project.members.some((m) => m.pic === pic)) {
      throw new Error(`${where}: ${pic} twice in project ${rcn}`);
    }
    project.members.push(p);
  });

  // Country × year × type: organisations, projects, participations.
  const orgSets = new Map<string, Set<string>>();
  const projSets = new Map<string, Set<string>>();
  const participations = new Map<string, number>();
  // Country pair × type pair × year: ties.
  const ties = new Map<string, number>();
  let undated = 0, undatedParticipations = 0, undatedTies = 0, totalTies = 0;
  for (const [rcn, { year, members }] of projects) {
    const n = members.length;
    if (year === null) {
      undated++;
      undatedParticipations += n;
      undatedTies += (n * (n - 1)) / 2;
      continue;
    }
    for (const m of members) {
      const id = keyOf(m.country, year, m.type);
      if (!orgSets.has(id)) {
        orgSets.set(id, new Set());
        projSets.set(id, new Set());
      }
      orgSets.get(id)!.add(m.pic);
      projSets.get(id)!.add(rcn);
      inc(participations, id);
    }
    for (let i = 0; i < n; i++) {
      const a = members[i]!;
      for (let j = i + 1; j < n; j++) {
        const b = members[j]!;
        const aFirst = a.country < b.country || (a.country === b.country && a.type <= b.type);
        const [x, y] = aFirst ? [a, b] : [b, a];
        inc(ties, keyOf(x.country, y.country, x.type, y.type, year));
        totalTies++;
      }
    }
  }
  log.push(
    `h2020: ${projects.size} projects, ${orgs.size} organisations; ${undated} projects without start_year ` +
      `(${undatedParticipations} participations, ${undatedTies} ties) left out; ${totalTies} ties aggregated`,
  );
  const orgRows: Cell[][] = [...orgSets].map(([id, set]) => {
    const [country, year, type] = id.split("\u0000");
    return [country!, Number(year), type!, set.size, projSets.get(id)!.size, participations.get(id)!];
  });
  const tieRows: Cell[][] = [...ties].map(([id, count]) => {
    const [c1, c2, t1, t2, year] = id.split("\u0000");
    return [c1!, c2!, t1!, t2!, Number(year), count];
  });

  // Organisation-level network of one programme part.
  const ppath = `${dir}/h2020_programme_parts.csv`;
  const pcsv = parseCsv(await Deno.readTextFile(ppath), ppath);
  const pi = columnIndex(pcsv, ppath, ["rcn", "programme_part"]);
  const partProjects = new Set(
    pcsv.rows.filter((r) => r[pi.programme_part] === NETWORK_PART).map((r) => r[pi.rcn]!),
  );
  const sampleOrgs = new Map<string, Participation>();
  const sampleTies = new Map<string, number>();
  let partUndated = 0, partMissing = 0;
  for (const rcn of partProjects) {
    const project = projects.get(rcn);
    if (!project) {
      partMissing++;
      continue;
    }
    if (project.year === null) {
      partUndated++;
      continue;
    }
    const pics = project.members.map((m) => m.pic).sort();
    for (const m of project.members) sampleOrgs.set(m.pic, m);
    for (let i = 0; i < pics.length; i++) {
      for (let j = i + 1; j < pics.length; j++) inc(sampleTies, keyOf(pics[i]!, pics[j]!, project.year));
    }
  }
  log.push(
    `h2020 sample (${NETWORK_PART}): ${partProjects.size} projects (${partMissing} without participations, ` +
      `${partUndated} undated, left out), ${sampleOrgs.size} organisations, ${sampleTies.size} ties`,
  );
  const typeOf = new Map(H2020_TYPES.map((t) => [t[0], t[1]]));
  return [
    file(
      "h2020-types.csv",
      ["h2020_type", "type", "label_en", "label_zh"],
      H2020_TYPES.map((t) => [...t]),
      [0],
    ),
    file(
      "h2020-country-orgs.csv",
      ["country", "year", "h2020_type", "organisations", "projects", "participations"],
      orgRows,
      [0, 1, 2],
    ),
    file(
      "h2020-country-ties.csv.gz",
      ["country", "partner_country", "h2020_type", "partner_h2020_type", "year", "ties"],
      tieRows,
      [0, 1, 2, 3, 4],
    ),
    file(
      "h2020-organisations.csv",
      ["id", "name", "type", "region", "h2020_type"],
      [...sampleOrgs.values()].map((o) => [o.pic, o.pic, typeOf.get(o.type)!, o.country, o.type]),
      [0],
    ),
    file(
      "h2020-ties.csv",
      ["source", "target", "type", "year", "weight"],
      [...sampleTies].map(([id, w]) => {
        const [s, t, year] = id.split("\u0000");
        return [s!, t!, "collaboration", Number(year), w];
      }),
      [0, 1, 3],
    ),
  ];
}

/** Build every dataset from the raw folder `raw` (normally `../shared/data`); returns the files, unwritten. */
export async function buildData(raw: string): Promise<BuildResult> {
  const log: string[] = [];
  const files = [
    ...await buildUk(raw, log),
    ...await buildChina(raw, log),
    ...await buildNsf(raw, log),
    ...await buildH2020(raw, log),
  ];
  files.push(...buildGeography(files, log));
  return { files, log };
}

/**
 * The bytes of a built file: UTF-8 text, gzip-compressed when the name ends in `.gz` (the gzip header of
 * `CompressionStream` has mtime 0, so the bytes are reproducible).
 */
export async function fileBytes(f: BuiltFile): Promise<Uint8Array> {
  const bytes = new TextEncoder().encode(f.text);
  if (!f.file.endsWith(".gz")) return bytes;
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Write built files into `out`. */
export async function writeData(result: BuildResult, out: string): Promise<void> {
  await Deno.mkdir(out, { recursive: true });
  for (const f of result.files) await Deno.writeFile(`${out}/${f.file}`, await fileBytes(f));
}

function argValue(name: string): string | undefined {
  const k = Deno.args.indexOf(name);
  return k >= 0 ? Deno.args[k + 1] : undefined;
}

if (import.meta.main) {
  const root = new URL("..", import.meta.url).pathname.replace(/\/$/, "");
  const raw = argValue("--raw") ?? `${root}/../shared/data`;
  const out = argValue("--out") ?? `${root}/data`;
  const result = await buildData(raw);
  await writeData(result, out);
  for (const line of result.log) console.log(line);
  for (const f of result.files) console.log(`${f.file}: ${f.rows} rows, ${f.text.length} characters`);
}
