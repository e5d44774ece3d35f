/**
 * The shipped datasets: compact tables in `data/` derived from public raw data by `scripts/build_data.ts`
 * (`deno task build-data`; provenance and licences in `data/README.md`). {@link datasets} lists them,
 * {@link loadDataset} returns one as a validated arquero table.
 *
 * To add a dataset, append one {@link DatasetDescriptor} to {@link DATASETS}: its `schema` lists the columns of
 * the loaded table in order (with unit and description); `join` names columns filled from a lookup dataset at
 * load time (so the stored file stays small).
 * @module
 */
import * as aq from "../deps/arquero.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import type { Bilingual, Lang } from "../core/i18n.ts";
import { ORGANISATION_TYPES, PLATFORM_ROLES, ROLE_HOLDERS, type TableSchema } from "./schema.ts";
import { parseText } from "./read.ts";
import { decodeSource, readSourceBytes, sourceName } from "./source.ts";
import { validate } from "./validate.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../core/validation_error.ts";

/** Columns of one dataset filled from a lookup dataset when loading. */
export interface DatasetJoin {
  /** Name of the lookup dataset (itself in {@link DATASETS}). */
  readonly dataset: string;
  /** Key columns: this dataset's column → the lookup's column (the lookup's key must be unique). */
  readonly on: Readonly<Record<string, string>>;
  /** Added columns: new column name → the lookup's column. */
  readonly columns: Readonly<Record<string, string>>;
}

/** One shipped dataset. */
export interface DatasetDescriptor {
  /** Stable name, used by {@link loadDataset} (a contract: notebooks use it). */
  readonly name: string;
  /** File in `data/` (`.csv`, or `.csv.gz` for gzip-compressed CSV). */
  readonly file: string;
  /** Title in English and Chinese. */
  readonly title: Bilingual;
  /** What the table holds, how it was derived, caveats. */
  readonly description: string;
  /** Columns of the loaded table, in order, with units and descriptions; key columns; validation rules. */
  readonly schema: TableSchema;
  /** Code columns stored as text (leading zeros kept). */
  readonly text: readonly string[];
  /** Raw source: the file under ../shared/data and its upstream. */
  readonly source: string;
  /** Licence and credit line. */
  readonly licence: string;
  /** Columns filled from lookup datasets at load time. */
  readonly join?: readonly DatasetJoin[];
}

// ---------------------------------------------------------------------------------------------------------
// Licence lines (data/README.md has the full credits)
// ---------------------------------------------------------------------------------------------------------

const UK_SOURCE =
  "shared/data/uk-bres-nuts2 (nestauk/beis-indicators): Nomis BRES 2015–2018, SIC4 → cluster lookup";
const UK_LICENCE =
  "Source: Office for National Statistics / Nomis (BRES), Crown copyright, Open Government Licence " +
  "v3.0; lookup © 2021 Nesta, MIT";
const CN_SOURCE =
  "shared/data/china-provincial-st (huhuaping/techme): 中国科技统计年鉴, 中国统计年鉴, innocom.gov.cn";
const CN_LICENCE =
  "techme © 2021 Hu Huaping, MIT; official statistics of the National Bureau of Statistics of China " +
  "(中国科技统计年鉴) — cite the yearbooks";
const NSF_SOURCE =
  "shared/data/ncses-patents-wipo-fields (bq-org/ncses_stats_explorer_placeholder): NCSES Science and " +
  "Engineering Indicators 2022, tables SINV-5…SINV-79";
const NSF_LICENCE =
  "U.S. federal statistics (NSF/NCSES; Science-Metrix from PATSTAT and PatentsView), public " +
  "domain; cite NCSES, Science and Engineering Indicators 2022";
const H2020_SOURCE = "shared/data/h2020-participations (zambujo/eunets): CORDIS Horizon 2020 projects and " +
  "organisations, extract of 2020-12-14";
const H2020_LICENCE =
  "© European Union, CORDIS, CC BY 4.0 (re-use with acknowledgement, Decision 2011/833/EU); " +
  "eunets © 2020 Martins, MIT";

const GEO_SOURCE =
  "ClusterLab (scripts/build_data/geography_tables.ts): tile positions and seats; region codes " +
  "checked against uk-regions and china-provinces-st";
const GEO_LICENCE = "MIT like ClusterLab (hand-made layout and transcribed coordinates)";

const text = (description: string, unit?: string) => ({ type: "text" as const, description, unit });
const count = (description: string, unit: string) => ({
  type: "integer" as const,
  min: 0,
  description,
  unit,
});
const year = (description = "year") => ({ type: "integer" as const, min: 1900, max: 2100, description });

const H2020_CODES = ["HES", "OTH", "PRC", "PUB", "REC"] as const;

/** The columns of the China S&T long panels (provinces, national total): the `PANEL` columns plus names, unit. */
const stPanelColumns = (entity: string, entityEn: string, unit: string) => ({
  entity: text(entity),
  entity_en: text(entityEn),
  year: year(),
  indicator: text("indicator id (see china-st-indicators)"),
  value: { type: "number" as const, min: 0, description: "value in `unit`" },
  unit: text(unit),
});

/** The registry of shipped datasets. Append new datasets here. */
export const DATASETS: readonly DatasetDescriptor[] = [
  // ----- UK -----
  {
    name: "uk-employment-sic4",
    file: "uk-employment-sic4.csv",
    title: {
      en: "Great Britain employment by NUTS-2 region × SIC 4-digit industry, 2015–2018",
      zh: "英国（大不列颠）NUTS-2地区 × SIC四位数行业就业，2015–2018",
    },
    description:
      "BRES employment (employees and working owners, Nomis) for 39 NUTS-2 (2013) regions of Great " +
      "Britain × 525 SIC 2007 classes × 4 years, complete (zeros kept). Counts are rounded by Nomis to " +
      "multiples of 5; a 0 may be a rounded small count. Northern Ireland is not in BRES.",
    schema: {
      name: "uk-employment-sic4 dataset",
      title: { en: "UK employment by region × SIC4", zh: "英国地区 × SIC四位数行业就业" },
      columns: {
        region: text("NUTS-2 2013 code (UKC1 … UKM6)"),
        region_name: text("NUTS-2 region name"),
        sector: text('UK SIC 2007 4-digit class, text with leading zero ("0161")'),
        cluster: text("Nesta industry cluster id of the class (see uk-clusters)"),
        year: year("BRES reference year"),
        value: count("employment (BRES), rounded to a multiple of 5", "persons"),
      },
      key: ["region", "sector", "year"],
    },
    text: ["region", "sector"],
    source: UK_SOURCE,
    licence: UK_LICENCE,
    join: [
      { dataset: "uk-regions", on: { region: "region" }, columns: { region_name: "region_name" } },
      { dataset: "uk-sic4", on: { sector: "sector" }, columns: { cluster: "cluster" } },
    ],
  },
  {
    name: "uk-employment-clusters",
    file: "uk-employment-clusters.csv",
    title: {
      en: "Great Britain employment by NUTS-2 region × 72 industry clusters, 2015–2018",
      zh: "英国（大不列颠）NUTS-2地区 × 72个产业集群就业，2015–2018",
    },
    description: "uk-employment-sic4 summed over the SIC4 classes of each of Nesta's 72 industry clusters " +
      "(sic_4_industry_segment_lookup.csv); complete (zeros kept).",
    schema: {
      name: "uk-employment-clusters dataset",
      title: { en: "UK employment by region × cluster", zh: "英国地区 × 产业集群就业" },
      columns: {
        region: text("NUTS-2 2013 code"),
        region_name: text("NUTS-2 region name"),
        cluster: text('Nesta industry cluster id ("services_kibs")'),
        cluster_name: text("cluster name in English"),
        cluster_name_zh: text("cluster name in Chinese"),
        year: year("BRES reference year"),
        value: count("employment (BRES), sum over the cluster's SIC4 classes", "persons"),
      },
      key: ["region", "cluster", "year"],
    },
    text: ["region", "cluster"],
    source: UK_SOURCE,
    licence: UK_LICENCE,
    join: [
      { dataset: "uk-regions", on: { region: "region" }, columns: { region_name: "region_name" } },
      {
        dataset: "uk-clusters",
        on: { cluster: "cluster" },
        columns: { cluster_name: "cluster_name", cluster_name_zh: "cluster_name_zh" },
      },
    ],
  },
  {
    name: "uk-regions",
    file: "uk-regions.csv",
    title: { en: "Great Britain NUTS-2 (2013) regions", zh: "英国（大不列颠）NUTS-2（2013）地区" },
    description: "The 39 NUTS-2 regions of the BRES files with their names.",
    schema: {
      name: "uk-regions dataset",
      title: { en: "UK NUTS-2 regions", zh: "英国NUTS-2地区" },
      columns: { region: text("NUTS-2 2013 code"), region_name: text("region name") },
      key: ["region"],
    },
    text: ["region"],
    source: UK_SOURCE,
    licence: UK_LICENCE,
  },
  {
    name: "uk-sic4",
    file: "uk-sic4.csv",
    title: {
      en: "UK SIC 2007 4-digit classes and their Nesta industry cluster",
      zh: "英国SIC 2007四位数行业及其所属Nesta产业集群",
    },
    description:
      "Nesta's lookup (sic_4_industry_segment_lookup.csv): 525 SIC4 classes → description, broad " +
      "category and cluster.",
    schema: {
      name: "uk-sic4 dataset",
      title: { en: "UK SIC4 lookup", zh: "英国SIC四位数行业对照表" },
      columns: {
        sector: text("SIC 2007 4-digit class"),
        description: text("class description"),
        category: text("broad category (construction, manufacture, primary, services)"),
        cluster: text("Nesta industry cluster id"),
      },
      key: ["sector"],
    },
    text: ["sector"],
    source: UK_SOURCE,
    licence: UK_LICENCE,
  },
  {
    name: "uk-clusters",
    file: "uk-clusters.csv",
    title: { en: "Nesta's 72 UK industry clusters", zh: "Nesta英国72个产业集群" },
    description: "Cluster ids of the lookup with readable names in English and Chinese (ClusterLab's " +
      "translation), broad category and number of SIC4 classes.",
    schema: {
      name: "uk-clusters dataset",
      title: { en: "UK industry clusters", zh: "英国产业集群" },
      columns: {
        cluster: text("cluster id"),
        cluster_name: text("name in English"),
        cluster_name_zh: text("name in Chinese"),
        category: text("broad category (construction, manufacture, primary, services)"),
        category_zh: text("broad category in Chinese"),
        sectors: count("number of SIC4 classes in the cluster", "classes"),
      },
      key: ["cluster"],
    },
    text: ["cluster"],
    source: UK_SOURCE,
    licence: UK_LICENCE,
  },
  // ----- China -----
  {
    name: "china-provinces-st",
    file: "china-provinces-st.csv",
    title: {
      en: "China provincial science and technology panel, 2010–2023",
      zh: "中国省级科技统计面板，2010–2023",
    },
    description:
      "31 provinces × indicators (R&D expenditure and funding sources, R&D personnel FTE, patent " +
      "applications and grants, SCI/EI/CPCI-S papers, technology-market outflow/inflow, S&T budget, high-tech " +
      "enterprises) in long form. Province names cleaned as SOURCE.md says; missing values are absent rows " +
      "(china-st-indicators lists the years and gaps of each indicator). No national total (china-national-st).",
    schema: {
      name: "china-provinces-st dataset",
      title: { en: "China provincial S&T panel", zh: "中国省级科技面板" },
      columns: stPanelColumns(
        "province (Chinese name)",
        "province (English / pinyin name)",
        "unit of the value (10^4 CNY, FTE person-years, patents, …)",
      ),
      key: ["entity", "year", "indicator"],
    },
    text: ["entity", "indicator"],
    source: CN_SOURCE,
    licence: CN_LICENCE,
  },
  {
    name: "china-national-st",
    file: "china-national-st.csv",
    title: {
      en: "China national science and technology totals, 2010–2023",
      zh: "全国科技统计合计，2010–2023",
    },
    description:
      "The national total (全国) rows of the yearbook for the same indicators as china-provinces-st.",
    schema: {
      name: "china-national-st dataset",
      title: { en: "China national S&T totals", zh: "全国科技合计" },
      columns: stPanelColumns("全国", "China (national total)", "unit of the value"),
      key: ["entity", "year", "indicator"],
    },
    text: ["entity", "indicator"],
    source: CN_SOURCE,
    licence: CN_LICENCE,
  },
  {
    name: "china-st-indicators",
    file: "china-st-indicators.csv",
    title: { en: "Indicators of the China S&T panel", zh: "中国科技面板指标说明" },
    description:
      "Each indicator of china-provinces-st: labels in English and Chinese, units, the raw dataset " +
      "and variable it comes from, the years with data and the province-years missing within them.",
    schema: {
      name: "china-st-indicators dataset",
      title: { en: "China S&T indicators", zh: "中国科技指标" },
      columns: {
        indicator: text("indicator id"),
        label_en: text("label in English"),
        label_zh: text("label in Chinese"),
        unit: text("unit in English"),
        unit_zh: text("unit in Chinese"),
        raw_dataset: text("`dataset` in china_st_yearbook_provincial_long.csv (or HitechFirmsPub.csv)"),
        raw_variable: text("`variables` code of the techme package"),
        years: text("years with data (ranges)"),
        missing: { type: "text", optional: true, description: "province-years absent within those years" },
      },
      key: ["indicator"],
    },
    text: ["indicator"],
    source: CN_SOURCE,
    licence: CN_LICENCE,
  },
  // ----- NSF / NCSES patents -----
  {
    name: "nsf-patents",
    file: "nsf-patents.csv",
    title: {
      en: "Patents by economy × WIPO technology field × year, 1998–2020",
      zh: "各经济体 × WIPO技术领域 × 年份专利数，1998–2020",
    },
    description: "36 economies × 35 WIPO fields × 23 years × 2 series. series IPF = international patent " +
      "families granted (PATSTAT; use this one for cross-economy comparisons), USPTO = USPTO utility patents " +
      "(home bias for the United States). Inventor-based fractional counts rounded by NCSES. Aggregates " +
      "(World, continents, EU) are not included (World totals: nsf-patents-totals).",
    schema: {
      name: "nsf-patents dataset",
      title: { en: "Patents by economy × field", zh: "经济体 × 技术领域专利" },
      columns: {
        economy: text("economy (NCSES name: China, United States, …)"),
        field_id: { type: "integer", min: 1, max: 35, description: "WIPO field number (Schmoch 2008)" },
        field: text("WIPO technology field"),
        field_zh: text("WIPO technology field in Chinese"),
        series: { type: "text", values: ["IPF", "USPTO"], description: "patent series" },
        year: year(),
        patents: count("patents (fractional counts rounded by NCSES)", "patents"),
      },
      key: ["economy", "field_id", "series", "year"],
    },
    text: ["economy", "series"],
    source: NSF_SOURCE,
    licence: NSF_LICENCE,
    join: [{
      dataset: "wipo-fields",
      on: { field_id: "field_id" },
      columns: { field: "field", field_zh: "field_zh" },
    }],
  },
  {
    name: "nsf-patents-totals",
    file: "nsf-patents-totals.csv",
    title: { en: "Patents by economy × year, all fields, 1998–2020", zh: "各经济体年度专利总数，1998–2020" },
    description:
      "The ALL FIELDS tables (SINV-5, SINV-44) for the 36 economies and the World. Fields sum to " +
      "about 99 % of these totals.",
    schema: {
      name: "nsf-patents-totals dataset",
      title: { en: "Patent totals", zh: "专利总数" },
      columns: {
        economy: text("economy, or World"),
        series: { type: "text", values: ["IPF", "USPTO"], description: "patent series" },
        year: year(),
        patents: count("patents, all fields", "patents"),
      },
      key: ["economy", "series", "year"],
    },
    text: ["economy", "series"],
    source: NSF_SOURCE,
    licence: NSF_LICENCE,
  },
  {
    name: "nsf-economies",
    file: "nsf-economies.csv",
    title: { en: "Economies of the NCSES patent tables", zh: "NCSES专利表中的经济体" },
    description:
      "The 36 economies (rows of regions.csv with an income group) with region path and income group.",
    schema: {
      name: "nsf-economies dataset",
      title: { en: "Economies", zh: "经济体" },
      columns: {
        economy: text("economy"),
        region_path: text("hierarchy (World > Asia > China)"),
        income_group: text("World Bank income group"),
      },
      key: ["economy"],
    },
    text: ["economy"],
    source: NSF_SOURCE,
    licence: NSF_LICENCE,
  },
  {
    name: "wipo-fields",
    file: "wipo-fields.csv",
    title: { en: "The 35 WIPO technology fields", zh: "WIPO 35个技术领域" },
    description:
      "WIPO IPC–technology concordance (Schmoch 2008): field number, name in English and Chinese " +
      "(ClusterLab's translation), NCSES spelling, and the five sectors.",
    schema: {
      name: "wipo-fields dataset",
      title: { en: "WIPO fields", zh: "WIPO技术领域" },
      columns: {
        field_id: { type: "integer", min: 1, max: 35, description: "field number" },
        field: text("field name"),
        field_zh: text("field name in Chinese"),
        ncses_field: text("field name as NCSES writes it"),
        sector: text("WIPO sector"),
        sector_zh: text("WIPO sector in Chinese"),
      },
      key: ["field_id"],
    },
    text: [],
    source: "Schmoch (2008), Concept of a technology classification for country comparisons, WIPO; " +
      NSF_SOURCE,
    licence: NSF_LICENCE,
  },
  // ----- Horizon 2020 -----
  {
    name: "h2020-country-ties",
    file: "h2020-country-ties.csv.gz",
    title: {
      en: "Horizon 2020 collaboration ties by country and organisation type, 2014–2022",
      zh: "“地平线2020”按国家和组织类型的合作联系，2014–2022",
    },
    description:
      "For each project, each unordered pair of distinct participating organisations is one tie, " +
      "attributed to the project's start year; ties are counted per (country, type) pair. Each pair appears " +
      "once, ordered so that (country, h2020_type) ≤ (partner_country, partner_h2020_type): a country's ties " +
      "are the rows where it is `country` or `partner_country`. 1,089,508 ties; one tie of an undated project " +
      "is left out. gzip-compressed CSV.",
    schema: {
      name: "h2020-country-ties dataset",
      title: { en: "H2020 country ties", zh: "“地平线2020”国家间联系" },
      columns: {
        country: text("country (EU/Eurostat two-letter code: UK, EL, …; NA = Namibia)"),
        partner_country: text("partner's country"),
        type: { type: "text", values: ORGANISATION_TYPES, description: "ClusterLab organisation type" },
        partner_type: {
          type: "text",
          values: ORGANISATION_TYPES,
          description: "partner's organisation type",
        },
        h2020_type: { type: "text", values: H2020_CODES, description: "H2020 activity type code" },
        partner_h2020_type: {
          type: "text",
          values: H2020_CODES,
          description: "partner's activity type code",
        },
        year: year("project start year"),
        ties: count("number of organisation pairs co-participating in projects", "ties"),
      },
      key: ["country", "partner_country", "h2020_type", "partner_h2020_type", "year"],
    },
    text: ["country", "partner_country", "h2020_type", "partner_h2020_type"],
    source: H2020_SOURCE,
    licence: H2020_LICENCE,
    join: [
      { dataset: "h2020-types", on: { h2020_type: "h2020_type" }, columns: { type: "type" } },
      { dataset: "h2020-types", on: { partner_h2020_type: "h2020_type" }, columns: { partner_type: "type" } },
    ],
  },
  {
    name: "h2020-country-orgs",
    file: "h2020-country-orgs.csv",
    title: {
      en: "Horizon 2020 organisations and projects by country, type and year",
      zh: "“地平线2020”按国家、类型和年份的组织与项目数",
    },
    description: "Distinct organisations, distinct projects and participations per country × project start " +
      "year × organisation type (6 undated projects left out).",
    schema: {
      name: "h2020-country-orgs dataset",
      title: { en: "H2020 organisations by country", zh: "“地平线2020”各国组织" },
      columns: {
        country: text("country code"),
        year: year("project start year"),
        type: { type: "text", values: ORGANISATION_TYPES, description: "ClusterLab organisation type" },
        h2020_type: { type: "text", values: H2020_CODES, description: "H2020 activity type code" },
        organisations: count("distinct organisations (pic)", "organisations"),
        projects: count("distinct projects with at least one such organisation", "projects"),
        participations: count("organisation × project participations", "participations"),
      },
      key: ["country", "year", "h2020_type"],
    },
    text: ["country", "h2020_type"],
    source: H2020_SOURCE,
    licence: H2020_LICENCE,
    join: [{ dataset: "h2020-types", on: { h2020_type: "h2020_type" }, columns: { type: "type" } }],
  },
  {
    name: "h2020-organisations",
    file: "h2020-organisations.csv",
    title: {
      en: "Organisations of Horizon 2020 'Science with and for Society' (SWAFS)",
      zh: "“地平线2020”“科学与社会”（SWAFS）项目的组织",
    },
    description: "Every organisation (pic) of the 190 SWAFS projects: 1,074 organisations. CORDIS extract " +
      "has no names, so name = id. Nodes of h2020-ties; validates as an ORGANISATIONS table.",
    schema: {
      name: "h2020-organisations dataset",
      title: { en: "H2020 SWAFS organisations", zh: "“地平线2020”SWAFS组织" },
      columns: {
        id: text("participant identification code (pic)"),
        name: text("name (the pic: the source has no names)"),
        type: { type: "text", values: ORGANISATION_TYPES, description: "ClusterLab organisation type" },
        region: text("country code"),
        h2020_type: { type: "text", values: H2020_CODES, description: "H2020 activity type code" },
      },
      key: ["id"],
    },
    text: ["id", "name", "region", "h2020_type"],
    source: H2020_SOURCE,
    licence: H2020_LICENCE,
  },
  {
    name: "h2020-ties",
    file: "h2020-ties.csv",
    title: {
      en: "Collaboration ties of Horizon 2020 'Science with and for Society' (SWAFS)",
      zh: "“地平线2020”“科学与社会”（SWAFS）项目的合作联系",
    },
    description:
      "Organisation pairs (source < target as text) sharing SWAFS projects, per project start year; " +
      "weight = number of shared projects that year. Validates as a TIES table.",
    schema: {
      name: "h2020-ties dataset",
      title: { en: "H2020 SWAFS ties", zh: "“地平线2020”SWAFS合作联系" },
      columns: {
        source: text("pic of one organisation"),
        target: text("pic of the other organisation"),
        type: { type: "text", values: ["collaboration"], description: "kind of tie" },
        year: year("project start year"),
        weight: { type: "integer", min: 1, description: "shared projects that year", unit: "projects" },
      },
      key: ["source", "target", "year"],
    },
    text: ["source", "target"],
    source: H2020_SOURCE,
    licence: H2020_LICENCE,
  },
  {
    name: "h2020-types",
    file: "h2020-types.csv",
    title: {
      en: "Horizon 2020 activity types and ClusterLab organisation types",
      zh: "“地平线2020”活动类型与ClusterLab组织类型",
    },
    description: "HES → university, REC → research_institute, PRC → firm, PUB → government, OTH → other.",
    schema: {
      name: "h2020-types dataset",
      title: { en: "H2020 types", zh: "“地平线2020”类型" },
      columns: {
        h2020_type: { type: "text", values: H2020_CODES, description: "H2020 activity type code" },
        type: { type: "text", values: ORGANISATION_TYPES, description: "ClusterLab organisation type" },
        label_en: text("label in English"),
        label_zh: text("label in Chinese"),
      },
      key: ["h2020_type"],
    },
    text: ["h2020_type"],
    source: H2020_SOURCE,
    licence: H2020_LICENCE,
  },
  // ----- Platform cases (issue 4) -----
  {
    name: "platform-cases",
    file: "platform-cases.csv",
    title: {
      en: "Knowledge-platform cases: who holds each role (coded from the source text)",
      zh: "知识平台案例：各角色的持有者（依据原文编码）",
    },
    description: "Zhongguancun and Hangzhou e-commerce credit platforms coded from seed/source-text.txt " +
      "(paragraph 5): one row per case × role with the holder (public, private, mixed), whether the text states " +
      "it or we infer it, and the sentence that justifies the coding. Roles the text does not mention are not " +
      "coded. Users append their own cases with the same columns; classifyPlatform() reads them.",
    schema: {
      name: "platform-cases dataset",
      title: { en: "Platform cases", zh: "平台案例" },
      columns: {
        case: text("platform case"),
        role: { type: "text", values: PLATFORM_ROLES, description: "platform role" },
        holder: { type: "text", values: ROLE_HOLDERS, description: "who holds the role" },
        basis: {
          type: "text",
          values: ["stated", "inferred"],
          description: "stated in the text or inferred",
        },
        evidence: text("the sentence of the source text that justifies the coding"),
        source: text("where the sentence is"),
      },
      key: ["case", "role"],
    },
    text: [],
    source: "seed/source-text.txt (the project's theory text), paragraph 5",
    licence: "Coded by the ClusterLab project from the source text; MIT like the project",
  },
  // ----- Latecomer catch-up (issue 6) -----
  {
    name: "catch-up-gdp",
    file: "catch-up-gdp.csv",
    title: {
      en: "GDP per capita of Japan, Korea, Taiwan, Argentina and Brazil, 1960–2015 (Maddison 2023)",
      zh: "日本、韩国、台湾、阿根廷、巴西人均GDP，1960–2015（Maddison 2023）",
    },
    description: "Real GDP per capita (2011 int. $, multiple-benchmark) for JPN (the leader in Keun Lee's " +
      "comparison), KOR, TWN, ARG and BRA, every year 1960–2015: 5 × 56 rows, values as published in the " +
      "Maddison Project Database 2023 (transcribed from the Our World in Data export; see data/catch-up-gdp.md). " +
      "Ratios to Japan are computed at run time by catchUpRatios(). Not Keun Lee's printed table (not accessible).",
    schema: {
      name: "catch-up-gdp dataset",
      title: { en: "GDP per capita, catch-up economies", zh: "追赶经济体人均GDP" },
      columns: {
        economy: text("economy (English name)"),
        code: { type: "text", values: ["JPN", "KOR", "TWN", "ARG", "BRA"], description: "ISO 3166 alpha-3" },
        year: { type: "integer", min: 1960, max: 2015, description: "year" },
        gdppc: {
          type: "number",
          min: 0,
          description: "real GDP per capita (Maddison `gdppc`), 2011 prices",
          unit: "2011 int. $",
        },
      },
      key: ["code", "year"],
    },
    text: ["economy", "code"],
    source: "Bolt & van Zanden (2024), Maddison Project Database 2023 (gdppc), via Our World in Data " +
      "(gdp-per-capita-maddison-project-database.csv, updated 2024-04-26); data/catch-up-gdp.md",
    licence:
      "Maddison Project Database 2023, CC BY 4.0 — cite Bolt, J. & van Zanden, J. L. (2024), Journal of " +
      "Economic Surveys",
  },
  // ----- Geography (issue 12) -----
  {
    name: "china-tile-grid",
    file: "china-tile-grid.csv",
    title: { en: "Tile-grid map of China's 31 provinces", zh: "中国31个省级行政区方块地图" },
    description:
      "One square per province (col rightwards, row downwards), placed by ClusterLab to resemble " +
      "the map (design choice: a tile grid, as in data journalism, when boundary files are not at hand); " +
      "`region` is the Chinese short name, as `entity` in china-provinces-st. Codes: ISO 3166-2:CN and " +
      "GB/T 2260. Hong Kong, Macao and Taiwan are not in the provincial panel and have no tile.",
    schema: {
      name: "china-tile-grid dataset",
      title: { en: "China tile grid", zh: "中国方块地图" },
      columns: {
        region: text("province, Chinese short name (北京, 内蒙古, …) = entity of china-provinces-st"),
        name_en: text("English name"),
        name_zh: text("Chinese name"),
        iso_code: text("ISO 3166-2:CN code (CN-BJ, …)"),
        gb_code: text("GB/T 2260 administrative division code (110000, …)"),
        label_en: text("short English label of the tile (/ = line break)"),
        label_zh: text("short Chinese label of the tile"),
        col: { type: "integer", min: 0, description: "tile column, counted rightwards from 0" },
        row: { type: "integer", min: 0, description: "tile row, counted downwards from 0" },
      },
      key: ["region"],
    },
    text: ["region", "iso_code", "gb_code"],
    source: GEO_SOURCE,
    licence: GEO_LICENCE,
  },
  {
    name: "uk-tile-grid",
    file: "uk-tile-grid.csv",
    title: {
      en: "Tile-grid map of the 39 NUTS-2 regions of Great Britain (BRES)",
      zh: "大不列颠39个NUTS-2地区方块地图（BRES）",
    },
    description:
      "One square per NUTS-2 (2013) region of uk-regions (col rightwards, row downwards), placed " +
      "by ClusterLab to resemble the map (design choice); London's five regions form a block. Names in " +
      "Chinese are ClusterLab's translation.",
    schema: {
      name: "uk-tile-grid dataset",
      title: { en: "UK NUTS-2 tile grid", zh: "英国NUTS-2方块地图" },
      columns: {
        region: text("NUTS-2 2013 code (UKC1 … UKM6), as in uk-regions"),
        name_en: text("NUTS-2 region name (from uk-regions)"),
        name_zh: text("region name in Chinese (ClusterLab's translation)"),
        label_en: text("short English label of the tile (/ = line break)"),
        label_zh: text("short Chinese label of the tile (/ = line break)"),
        col: { type: "integer", min: 0, description: "tile column, counted rightwards from 0" },
        row: { type: "integer", min: 0, description: "tile row, counted downwards from 0" },
      },
      key: ["region"],
    },
    text: ["region"],
    source: GEO_SOURCE,
    licence: GEO_LICENCE,
  },
  {
    name: "region-points",
    file: "region-points.csv",
    title: {
      en: "A point per shipped region: the seat of each province and NUTS-2 region",
      zh: "各地区代表点（省会与主要城市）",
    },
    description: "For each province of China its capital (the municipality's centre for 北京, 天津, 上海, " +
      "重庆), for each NUTS-2 region of Great Britain its principal city chosen by ClusterLab (design " +
      "choice: NUTS-2 regions have no seat; the column `seat` names the town). Coordinates in degrees " +
      "(WGS 84), transcribed to 0.01° from standard gazetteer values of the towns (public-domain GEOnet " +
      "Names Server style coordinates; not checked against a boundary file): accurate to about ±0.1° " +
      "(≈10 km), enough for distance weights between regions 50–500 km apart, not for a point-in-polygon test.",
    schema: {
      name: "region-points dataset",
      title: { en: "Region points", zh: "地区代表点" },
      columns: {
        set: { type: "text", values: ["china-provinces", "uk-nuts2"], description: "which regions" },
        region: text("region id: Chinese short name (china-provinces) or NUTS-2 code (uk-nuts2)"),
        name_en: text("region name in English"),
        name_zh: text("region name in Chinese"),
        seat: text("the town the point stands for"),
        seat_zh: text("the town in Chinese"),
        lon: { type: "number", min: -180, max: 180, description: "longitude", unit: "degrees east" },
        lat: { type: "number", min: -90, max: 90, description: "latitude", unit: "degrees north" },
      },
      key: ["set", "region"],
    },
    text: ["region"],
    source: GEO_SOURCE,
    licence: GEO_LICENCE,
  },
  {
    name: "world-countries",
    file: "world-countries.csv",
    title: {
      en: "Country crosswalk: ISO 3166-1 codes, EU codes, names and map points",
      zh: "国家代码对照表（ISO、欧盟代码、名称、代表点）",
    },
    description:
      "The 177 countries of the world map (Natural Earth 1:110m, npm world-atlas 2.0.2) and the 22 " +
      "small countries of the shipped data that have no polygon at that scale (in_map false): ISO alpha-3, " +
      "alpha-2 and numeric codes, the EU/Eurostat code (EL = Greece, UK = United Kingdom; otherwise the " +
      "alpha-2), English name (NCSES's spelling where NCSES has the economy), Chinese name, other English " +
      "names (aliases, |-separated) and the Natural Earth name; lon/lat = centroid of the country's largest " +
      "polygon in plate carrée, from the 1:110m geometry (±0.5°). Units without an ISO code keep Natural " +
      "Earth's code (CYN, SOL) and Kosovo the user-assigned XK/XKX.",
    schema: {
      name: "world-countries dataset",
      title: { en: "Country crosswalk", zh: "国家代码对照表" },
      columns: {
        iso3: text("ISO 3166-1 alpha-3 (the map's key)"),
        iso2: { type: "text", optional: true, description: "ISO 3166-1 alpha-2 (empty when none)" },
        iso_numeric: { type: "text", optional: true, description: 'ISO 3166-1 numeric, text ("004")' },
        eu_code: { type: "text", optional: true, description: "EU/Eurostat code (EL, UK; else alpha-2)" },
        name: text("English name"),
        name_zh: text("Chinese name"),
        aliases: { type: "text", optional: true, description: "other English names, |-separated" },
        ne_name: {
          type: "text",
          optional: true,
          description: "Natural Earth 1:110m name (empty when not in the map)",
        },
        in_map: {
          type: "text",
          values: ["true", "false"],
          description: "has a polygon in the 1:110m world map (text true/false)",
        },
        lon: {
          type: "number",
          optional: true,
          min: -180,
          max: 180,
          description: "centroid longitude",
          unit: "degrees east",
        },
        lat: {
          type: "number",
          optional: true,
          min: -90,
          max: 90,
          description: "centroid latitude",
          unit: "degrees north",
        },
      },
      key: ["iso3"],
    },
    text: ["iso3", "iso2", "iso_numeric", "eu_code"],
    source:
      "npm world-atlas 2.0.2 (countries-110m.json, Natural Earth 1:110m Admin 0) and ClusterLab's crosswalk " +
      "(scripts/build_data/geography_tables.ts: ISO 3166-1, Eurostat country codes)",
    licence: "Natural Earth: public domain; world-atlas © Mike Bostock, ISC; crosswalk MIT like ClusterLab",
  },
];

/**
 * All shipped datasets (descriptors, in registry order).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { datasets } from "clusterlab";
 * const uk = datasets().find((d) => d.name === "uk-employment-sic4")!;
 * assert.deepEqual(uk.schema.key, ["region", "sector", "year"]);
 * ```
 */
export function datasets(): readonly DatasetDescriptor[] {
  return DATASETS;
}

/** Options of {@link datasetTable}. */
export interface DatasetTableOptions {
  /** Language of the titles (default `"en"`). */
  readonly lang?: Lang;
}

/**
 * The registry as an arquero table: one row per dataset (name, title in `lang`, file, column list with
 * units, source, licence).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { datasets, datasetTable } from "clusterlab";
 * const zh = datasetTable({ lang: "zh" });
 * assert.equal(zh.numRows(), datasets().length);
 * assert.deepEqual(zh.columnNames(), ["name", "title", "file", "columns", "source", "licence"]);
 * assert.equal(zh.get("title", 0), datasets()[0]!.title.zh);
 * ```
 */
export function datasetTable(options?: DatasetTableOptions): ColumnTable;
/** @deprecated the 0.1 form `datasetTable(lang)`; use `datasetTable({ lang })`. */
export function datasetTable(lang?: Lang): ColumnTable;
export function datasetTable(options: DatasetTableOptions | Lang = {}): ColumnTable {
  const lang = (typeof options === "string" ? options : options.lang) ?? "en";
  return aq.from(DATASETS.map((d) => ({
    name: d.name,
    title: d.title[lang],
    file: d.file,
    columns: Object.entries(d.schema.columns).map(([c, s]) => (s.unit ? `${c} (${s.unit})` : c)).join(", "),
    source: d.source,
    licence: d.licence,
  })));
}

/**
 * The columns of one dataset as a table: column, type, unit, description, key, joined from. An unknown name
 * is a {@link ValidationError} listing the names.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { datasetColumns } from "clusterlab/advanced";
 * const cols = datasetColumns("uk-regions");
 * assert.deepEqual(cols.array("column"), ["region", "region_name"]);
 * assert.deepEqual(cols.array("key"), [true, false]);
 * ```
 */
export function datasetColumns(name: string): ColumnTable {
  const d = findDataset(name);
  const joined = new Map<string, string>();
  for (const j of d.join ?? []) for (const c of Object.keys(j.columns)) joined.set(c, j.dataset);
  return aq.from(
    Object.entries(d.schema.columns).map(([column, s]) => ({
      column,
      type: s.type,
      unit: s.unit ?? "",
      description: s.description ?? "",
      key: (d.schema.key ?? []).includes(column),
      joined_from: joined.get(column) ?? "",
    })),
  );
}

function findDataset(name: string): DatasetDescriptor {
  const d = DATASETS.find((x) => x.name === name);
  if (!d) {
    throw new ValidationError("dataset name", [{
      column: "name",
      expected: `one of ${DATASETS.map((x) => x.name).join(", ")}`,
      received: JSON.stringify(name),
    }]);
  }
  return d;
}

/**
 * URL of a file in the project's `data/` folder.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { datasetURL } from "clusterlab/advanced";
 * assert.ok(datasetURL("uk-regions.csv").pathname.endsWith("/data/uk-regions.csv"));
 * ```
 */
export function datasetURL(file: string): URL {
  return new URL(`../../data/${file}`, import.meta.url);
}

/**
 * The text of a shipped data file (gunzipped for `.gz`), through the reader layer (checked, strictly UTF-8):
 * read from disk when ClusterLab runs from a clone (`file:` URL), fetched when it is imported by `https:` URL
 * (a web server or JSR), so `loadDataset` works however the library was imported (internal: not re-exported).
 */
export async function readDataText(url: URL): Promise<string> {
  const { file, bytes } = url.protocol === "file:"
    ? await readSourceBytes(url, "dataset file")
    : { file: url.href, bytes: await fetchBytes(url) };
  if (!url.pathname.endsWith(".gz")) return decodeSource(bytes, file, { subject: "dataset file" });
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return decodeSource(new Uint8Array(await new Response(stream).arrayBuffer()), file, {
    subject: "dataset file",
  });
}

async function fetchBytes(url: URL): Promise<Uint8Array<ArrayBuffer>> {
  const response = await fetch(url);
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(
      `Could not fetch the data file ${url.href}: HTTP ${response.status} ${response.statusText}`,
    );
  }
  return new Uint8Array(await response.arrayBuffer());
}

const cache = new Map<string, Promise<ColumnTable>>();

/** Options of {@link loadDataset}. */
export interface LoadDatasetOptions {
  /** Reuse the table of an earlier call (default true); false re-reads and re-validates the file. */
  readonly cache?: boolean;
}

/**
 * Load a shipped dataset as a validated arquero table: code columns are text, numbers are numbers, lookup
 * columns are joined in, and every cell is checked against the dataset's schema (a {@link ValidationError}
 * names the row and column otherwise). Tables are cached (arquero tables are immutable).
 *
 * @param name a dataset name from {@link datasets} (an unknown name rejects with a ValidationError listing the
 *   names)
 * @param options `cache: false` to re-read the file
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadDataset } from "clusterlab";
 * const uk = await loadDataset("uk-employment-sic4");
 * assert.equal(uk.get("sector", 0), "0161"); // a text code with its leading zero
 * assert.equal(uk.numRows(), 39 * 525 * 4); // regions × SIC4 classes × years, complete
 * ```
 */
export function loadDataset(name: string, options: LoadDatasetOptions = {}): Promise<ColumnTable> {
  let d: DatasetDescriptor;
  try {
    d = findDataset(name);
  } catch (e) {
    return Promise.reject(e);
  }
  if (options.cache === false) return load(d);
  let p = cache.get(d.name);
  if (!p) {
    p = load(d);
    cache.set(d.name, p);
    p.catch(() => cache.delete(d.name));
  }
  return p;
}

async function load(d: DatasetDescriptor): Promise<ColumnTable> {
  const joined = new Set((d.join ?? []).flatMap((j) => Object.keys(j.columns)));
  const stored: TableSchema = {
    ...d.schema,
    columns: Object.fromEntries(Object.entries(d.schema.columns).filter(([c]) => !joined.has(c))),
  };
  const url = datasetURL(d.file);
  let table = parseText(await readDataText(url), { schema: stored }, { file: sourceName(url) });
  for (const j of d.join ?? []) table = joinLookup(table, j, await loadDataset(j.dataset), d);
  return table.select(Object.keys(d.schema.columns));
}

/**
 * Left-join the `j.columns` of `lookup` onto `table` by `j.on`. Every key must be found (an unmatched row is a
 * validation issue, never a silent empty cell). The joined values are checked against this dataset's rules by
 * validating the lookup's columns: every joined value is one of them.
 */
function joinLookup(
  table: ColumnTable,
  j: DatasetJoin,
  lookup: ColumnTable,
  d: DatasetDescriptor,
): ColumnTable {
  const keys = Object.entries(j.on);
  const keyOf = (getters: ((row: number) => unknown)[], row: number): string =>
    getters.length === 1 ? String(getters[0]!(row)) : JSON.stringify(getters.map((g) => g(row)));
  const lookupGetters = keys.map(([, l]) => lookup.getter(l));
  const index = new Map<string, number>();
  for (let i = 0; i < lookup.numRows(); i++) index.set(keyOf(lookupGetters, i), i);
  const getters = keys.map(([c]) => table.getter(c));
  const n = table.numRows();
  const rows = new Int32Array(n);
  const issues: ValidationIssue[] = [];
  for (let i = 0; i < n; i++) {
    const k = index.get(keyOf(getters, i));
    if (k === undefined) {
      issues.push({
        row: i + 1,
        column: keys.map(([c]) => c).join(" + "),
        expected: `a key of dataset ${j.dataset}`,
        received: describeValue(keys.length === 1 ? getters[0]!(i) : getters.map((g) => g(i))),
      });
    } else rows[i] = k;
  }
  if (issues.length > 0) throw new ValidationError(`${d.name} dataset (join with ${j.dataset})`, issues);
  const rules: TableSchema = {
    name: `${d.name} dataset (columns joined from ${j.dataset})`,
    title: d.schema.title,
    columns: Object.fromEntries(Object.keys(j.columns).map((c) => [c, d.schema.columns[c]!])),
  };
  validate(
    aq.table(Object.fromEntries(Object.entries(j.columns).map(([c, from]) => [c, lookup.array(from)]))),
    rules,
  );
  const add: Record<string, unknown[]> = {};
  for (const [col, from] of Object.entries(j.columns)) {
    const get = lookup.getter(from);
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) out[i] = get(rows[i]!);
    add[col] = out;
  }
  return table.assign(aq.table(add));
}
