/**
 * Table schemas: the column kinds of each input ClusterLab reads (region × sector activity, organisations,
 * ties, indicator panels, platform cases); `validate` checks the values with zod rules built from them.
 * A schema says which columns must exist, how text cells are parsed (code columns stay text, so "0161" keeps
 * its leading zero) and which columns form the unique key.
 * @module
 */
import type { Bilingual } from "../core/i18n.ts";

/** How a column's cells are read. */
export type ColumnType = "text" | "number" | "integer";

/** One column of a schema. */
export interface ColumnSpec {
  /** How cells are parsed from text and checked. */
  readonly type: ColumnType;
  /** May the cell be empty or the column absent? Default false. */
  readonly optional?: boolean;
  /** Unit of measurement, shown in dataset listings. */
  readonly unit?: string;
  /** What the column holds. */
  readonly description?: string;
  /** Allowed values for a text column. */
  readonly values?: readonly string[];
  /** Smallest allowed value for a numeric column. */
  readonly min?: number;
  /** Largest allowed value for a numeric column. */
  readonly max?: number;
}

/** A table schema: columns, unique key and a title. */
export interface TableSchema {
  /** Short name, used in error messages ("activity table"). */
  readonly name: string;
  /** Title in English and Chinese. */
  readonly title: Bilingual;
  /** The columns the schema knows; other columns pass through unchanged. */
  readonly columns: Readonly<Record<string, ColumnSpec>>;
  /** Columns whose combination must be unique (duplicate keys are errors). */
  readonly key?: readonly string[];
}

/**
 * Kinds of organisation. The Horizon 2020 activity types map onto them (CORDIS: HES higher education →
 * university, REC research → research_institute, PRC private for-profit → firm, PUB public body →
 * government, OTH → other); universities and research institutes are the knowledge suppliers, firms the users.
 */
export const ORGANISATION_TYPES = [
  "firm",
  "university",
  "research_institute",
  "intermediary",
  "government",
  "other",
] as const;
/** A kind of organisation. */
export type OrganisationType = typeof ORGANISATION_TYPES[number];

/**
 * Roles a platform case records: who initiated, implemented, controls (decision rights), funds, makes the
 * rules of, owns the data of the platform, and whether membership is mandatory — the roles that tell the
 * Zhongguancun (public hierarchy) and Hangzhou e-commerce (private order) credit platforms of the source
 * text apart (`seed/source-text.txt`, paragraph 5).
 */
export const PLATFORM_ROLES = [
  "initiator",
  "implementer",
  "controller",
  "funder",
  "rule_maker",
  "data_owner",
  "membership",
] as const;
/** Who holds a role. */
export const ROLE_HOLDERS = ["public", "private", "mixed"] as const;

/** Region × sector activity in long form: employment, establishments, patents, exports. */
export const ACTIVITY: TableSchema = {
  name: "activity table",
  title: { en: "Region × sector activity", zh: "地区 × 产业活动" },
  columns: {
    region: { type: "text", description: "region code or name" },
    sector: { type: "text", description: "sector, industry, field or product code" },
    value: { type: "number", min: 0, description: "count (employment, patents, exports, …)" },
    year: { type: "integer", optional: true },
  },
  key: ["region", "sector", "year"],
};

/** Organisations of a cluster. */
export const ORGANISATIONS: TableSchema = {
  name: "organisation table",
  title: { en: "Organisations", zh: "组织" },
  columns: {
    id: { type: "text" },
    name: { type: "text" },
    type: { type: "text", values: ORGANISATION_TYPES },
    region: { type: "text" },
  },
  key: ["id"],
};

/** Ties (collaborations, alliances) between organisations. */
export const TIES: TableSchema = {
  name: "tie table",
  title: { en: "Ties between organisations", zh: "组织间联系" },
  columns: {
    source: { type: "text" },
    target: { type: "text" },
    type: { type: "text", description: "kind of tie (collaboration, alliance, contract, …)" },
    year: { type: "integer" },
    weight: { type: "number", min: 0, optional: true, description: "tie strength; 1 when absent" },
  },
};

/** Indicator panels in long form: entity × year × indicator. */
export const PANEL: TableSchema = {
  name: "indicator panel",
  title: { en: "Indicator panel", zh: "指标面板" },
  columns: {
    entity: { type: "text" },
    year: { type: "integer" },
    indicator: { type: "text" },
    value: { type: "number" },
  },
  key: ["entity", "year", "indicator"],
};

/** Platform cases: who holds each role of a knowledge platform (public, private or mixed; see `PLATFORM_ROLES`). */
export const PLATFORM_CASES: TableSchema = {
  name: "platform case table",
  title: { en: "Platform cases", zh: "平台案例" },
  columns: {
    case: { type: "text" },
    role: { type: "text", values: PLATFORM_ROLES },
    holder: { type: "text", values: ROLE_HOLDERS },
    evidence: { type: "text", optional: true, description: "the sentence that justifies the coding" },
  },
  key: ["case", "role"],
};
