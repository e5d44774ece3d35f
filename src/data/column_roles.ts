/**
 * Which column is which: the region, sector, value and year columns of a user's long table, given or guessed
 * from common names (`nuts2`, `province`, `country` are regions; `industry`, `sic`, `field` sectors;
 * `employment`, `count`, `patents` values). A role that no column or more than one column fits is a
 * {@link ValidationError} listing the table's columns, never a guess.
 * @module
 */
import { describeValue, ValidationError, type ValidationIssue } from "../core/validation_error.ts";

/** The four roles of a long activity table. */
export type ColumnRole = "region" | "sector" | "value" | "year";

/**
 * The names each role is guessed from, compared after lower-casing and turning spaces and hyphens into
 * `_` (design choice: the usual column names of employment registers, patent and trade data).
 */
export const ROLE_NAMES: Readonly<Record<ColumnRole, readonly string[]>> = {
  region: [
    "region",
    "regions",
    "region_code",
    "nuts",
    "nuts1",
    "nuts2",
    "nuts3",
    "nuts_2",
    "nuts2_code",
    "nuts_id",
    "nuts_code",
    "geo",
    "geo_code",
    "area",
    "area_code",
    "province",
    "province_code",
    "state",
    "county",
    "country",
    "country_code",
    "economy",
    "iso3",
    "iso_a3",
    "iso2",
    "iso",
    "iso_code",
    "reporter",
    "exporter",
    "city",
    "prefecture",
    "municipality",
    "district",
    "msa",
    "cbsa",
    "lau",
    "lad",
    "ttwa",
    "location",
    "territory",
    "地区",
    "区域",
    "省份",
    "省",
    "国家",
    "城市",
  ],
  sector: [
    "sector",
    "sectors",
    "sector_code",
    "industry",
    "industries",
    "industry_code",
    "sic",
    "sic2",
    "sic3",
    "sic4",
    "sic5",
    "sic_code",
    "naics",
    "naics_code",
    "nace",
    "nace2",
    "nace_code",
    "isic",
    "anzsic",
    "field",
    "fields",
    "technology",
    "technology_field",
    "tech_field",
    "wipo_field",
    "ipc",
    "ipc_class",
    "cpc",
    "cluster",
    "product",
    "product_code",
    "hs",
    "hs2",
    "hs4",
    "hs6",
    "sitc",
    "commodity",
    "occupation",
    "activity",
    "行业",
    "产业",
    "部门",
    "领域",
    "技术领域",
  ],
  value: [
    "value",
    "values",
    "employment",
    "employees",
    "emp",
    "jobs",
    "workers",
    "count",
    "counts",
    "n",
    "number",
    "patents",
    "patent_count",
    "applications",
    "publications",
    "exports",
    "export_value",
    "trade_value",
    "output",
    "revenue",
    "sales",
    "turnover",
    "gva",
    "establishments",
    "firms",
    "enterprises",
    "amount",
    "数值",
    "就业",
    "就业人数",
    "专利",
    "专利数",
    "出口",
    "数量",
  ],
  year: ["year", "years", "yr", "period", "年份", "年"],
};

/** Options of {@link guessColumns}: a column given for a role is used as is (it must exist). */
export interface GuessColumnsOptions {
  /** The region column (default: guessed). */
  readonly region?: string;
  /** The sector column (default: guessed). */
  readonly sector?: string;
  /** The value column (default: guessed). */
  readonly value?: string;
  /** The year column (default: guessed, none when no column fits); `false`: no year even when one fits. */
  readonly year?: string | false;
  /** What is read, for error messages (default `"table"`; a file path names the file). */
  readonly subject?: string;
}

/** The columns of each role, as the column options of `matrixFrom` and the indicators name them. */
export interface LongColumns {
  /** The region column. */
  readonly region: string;
  /** The sector column. */
  readonly sector: string;
  /** The value column. */
  readonly value: string;
  /** The year column, when there is one. */
  readonly year?: string;
}

/** The result of {@link guessColumns}. */
export interface GuessedColumns {
  /** The column of each role. */
  readonly columns: LongColumns;
  /** The roles whose column was guessed (the others were given). */
  readonly guessed: readonly ColumnRole[];
}

/** A column name as {@link ROLE_NAMES} lists them: lower case, spaces and hyphens as `_`. */
function normalise(name: string): string {
  return name.trim().toLowerCase().replace(/[\s-]+/g, "_");
}

const ROLES: readonly ColumnRole[] = ["region", "sector", "value", "year"];

/**
 * The columns of a table whose normalised name is one of `names` (exact), or else whose first `_`-separated
 * part is one (`region_code`, `employment_2018`), skipping `taken` columns.
 */
function candidates(
  columns: readonly string[],
  names: readonly string[],
  taken: ReadonlySet<string>,
): string[] {
  const free = columns.filter((c) => !taken.has(c));
  const exact = free.filter((c) => names.includes(normalise(c)));
  if (exact.length > 0) return exact;
  return free.filter((c) => names.includes(normalise(c).split("_")[0]!));
}

/**
 * The region, sector, value and (optional) year columns of a long table: each given column is checked to
 * exist, each other role is guessed from {@link ROLE_NAMES} (exact names first, then names that start with
 * one, such as `region_code`). A missing column, a role no column fits (the year excepted) and a role two
 * columns fit are one {@link ValidationError} that lists the table's columns and the option to set.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { guessColumns } from "clusterlab/advanced";
 * const g = guessColumns(["NUTS2", "SIC", "Employment", "Year", "note"]);
 * assert.deepEqual(g.columns, { region: "NUTS2", sector: "SIC", value: "Employment", year: "Year" });
 * assert.deepEqual(g.guessed, ["region", "sector", "value", "year"]);
 * // two region columns: ambiguous, so the error lists the columns and asks for the option
 * assert.throws(() => guessColumns(["country", "province", "industry", "jobs"]), /"country", "province"/);
 * assert.equal(guessColumns(["country", "province", "industry", "jobs"], { region: "province" }).columns.region, "province");
 * ```
 */
export function guessColumns(columns: readonly string[], options: GuessColumnsOptions = {}): GuessedColumns {
  const subject = options.subject ?? "table";
  const issues: ValidationIssue[] = [];
  const listed = columns.map((c) => JSON.stringify(c)).join(", ") || "(none)";
  const found: Partial<Record<ColumnRole, string>> = {};
  const guessed: ColumnRole[] = [];
  const taken = new Set<string>();
  for (const role of ROLES) {
    const given = options[role];
    if (given === undefined || given === false) continue;
    if (typeof given !== "string" || !columns.includes(given)) {
      issues.push({
        column: given === undefined ? role : String(given),
        expected: `the ${role} column (option ${role}): one of the columns ${listed}`,
        received: describeValue(given),
      });
    } else if (taken.has(given)) {
      issues.push({
        column: given,
        expected: `a different column for ${role}`,
        received: "a column given twice",
      });
    } else {
      found[role] = given;
      taken.add(given);
    }
  }
  for (const role of ROLES) {
    if (options[role] !== undefined) continue;
    const fit = candidates(columns, ROLE_NAMES[role], taken);
    if (fit.length === 1) {
      found[role] = fit[0]!;
      guessed.push(role);
      taken.add(fit[0]!);
    } else if (fit.length > 1) {
      issues.push({
        column: role,
        expected: `one ${role} column: name it with the option ${role} (--${role} COLUMN)`,
        received: `${fit.length} columns fit: ${
          fit.map((c) => JSON.stringify(c)).join(", ")
        } (columns: ${listed})`,
      });
    } else if (role !== "year") {
      issues.push({
        column: role,
        expected:
          `a ${role} column (named like ${ROLE_NAMES[role].slice(0, 4).join(", ")}, …), or the option ` +
          `${role} (--${role} COLUMN)`,
        received: `none among the columns ${listed}`,
      });
    }
  }
  if (issues.length > 0) throw new ValidationError(subject, issues);
  const { region, sector, value, year } = found as Record<ColumnRole, string>;
  return { columns: { region, sector, value, ...(year === undefined ? {} : { year }) }, guessed };
}
