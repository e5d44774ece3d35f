/**
 * Colours and bilingual labels of LISA cluster maps, as GeoDa draws them (Anselin 2005, "Exploring Spatial
 * Data with GeoDa", ch. 18): High–High red, Low–Low blue, Low–High light blue, High–Low light red, not
 * significant grey. LISA 聚类图的颜色与标签。
 * @module
 */
import type { Bilingual } from "../core/i18n.ts";

/** The categories of a LISA cluster map, in legend order. */
export const LISA_CATEGORIES: readonly string[] = ["HH", "LL", "LH", "HL", "not significant"];

/** GeoDa's colours and ClusterLab's bilingual legend text of each LISA category. */
export const lisaLegend: {
  readonly colors: Readonly<Record<string, string>>;
  readonly labels: Readonly<Record<string, Bilingual>>;
} = {
  colors: { HH: "#d7191c", LL: "#2c7bb6", LH: "#abd9e9", HL: "#fdae61", "not significant": "#eeeeee" },
  labels: {
    HH: { en: "High–High (hot spot)", zh: "高–高（热点）" },
    LL: { en: "Low–Low (cold spot)", zh: "低–低（冷点）" },
    LH: { en: "Low–High (outlier)", zh: "低–高（异常值）" },
    HL: { en: "High–Low (outlier)", zh: "高–低（异常值）" },
    "not significant": { en: "Not significant", zh: "不显著" },
  },
};
