/**
 * Bilingual labels. Every label ClusterLab shows to a user (classes, mechanisms, axis titles) exists in
 * English and Chinese; functions that produce labels take a `lang` option.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { label } from "clusterlab";
 * import type { Bilingual } from "clusterlab/types";
 * const lq: Bilingual = { en: "Location quotient", zh: "区位商" };
 * assert.equal(label(lq, "zh"), "区位商");
 * ```
 * @module
 */

/** A language ClusterLab writes labels in. */
export type Lang = "en" | "zh";

/** The languages, in display order. */
export const LANGS: readonly Lang[] = ["en", "zh"];

/** A text in English and Chinese. */
export interface Bilingual {
  /** The English text. */
  readonly en: string;
  /** The Chinese text (simplified characters). */
  readonly zh: string;
}

/**
 * Pick the text of `text` in `lang`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { label, LABELS } from "clusterlab";
 * assert.equal(label(LABELS.region, "en"), "Region");
 * assert.equal(label(LABELS.region, "zh"), "地区");
 * ```
 */
export function label(text: Bilingual, lang: Lang): string;
/** @deprecated the 0.1 form `label(text)` (English); use `label(text, "en")`. */
export function label(text: Bilingual): string;
export function label(text: Bilingual, lang: Lang = "en"): string {
  return text[lang];
}

/**
 * Both languages in one string, "English / 中文", for tables that show both.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { bilingual } from "clusterlab/advanced";
 * assert.equal(bilingual({ en: "Year", zh: "年份" }), "Year / 年份");
 * ```
 */
export function bilingual(text: Bilingual): string {
  return `${text.en} / ${text.zh}`;
}

/** Axis titles and other labels shared across the toolkit. */
export const LABELS = {
  region: { en: "Region", zh: "地区" },
  sector: { en: "Sector", zh: "产业" },
  year: { en: "Year", zh: "年份" },
  time: { en: "Time", zh: "时间" },
  value: { en: "Value", zh: "数值" },
  employment: { en: "Employment", zh: "就业人数" },
  locationQuotient: { en: "Location quotient", zh: "区位商" },
  patents: { en: "Patents", zh: "专利数" },
  knowledgeStock: { en: "Knowledge stock", zh: "知识存量" },
  allianceStock: { en: "Alliance stock", zh: "联盟存量" },
} as const satisfies Record<string, Bilingual>;
