/**
 * Bilingual headers of the columns ClusterLab's results carry, so that a table shown with
 * `showTable(t, { lang: "zh" })` has Chinese headers. A column not listed keeps its name. Internal to the
 * notebook room (extend it per table with `showTable(t, { headers })`).
 * 表格列名的中英文对照。
 * @module
 */
import type { Bilingual } from "../core/i18n.ts";

/** Header of each known result column (English, Chinese). */
export const COLUMN_HEADERS: Readonly<Record<string, Bilingual>> = {
  entity: { en: "Entity", zh: "单位" },
  region: { en: "Region", zh: "地区" },
  province: { en: "Province", zh: "省份" },
  country: { en: "Country", zh: "国家" },
  sector: { en: "Sector", zh: "产业" },
  year: { en: "Year", zh: "年份" },
  value: { en: "Value", zh: "数值" },
  name: { en: "Name", zh: "名称" },
  indicator: { en: "Indicator", zh: "指标" },
  weight: { en: "Weight", zh: "权重" },
  count: { en: "Count", zh: "数量" },
  total: { en: "Total", zh: "合计" },
  split: { en: "Split", zh: "分界方式" },
  K: { en: "K (knowledge stock)", zh: "K（知识存量）" },
  A: { en: "A (alliance stock)", zh: "A（联盟存量）" },
  quadrant: { en: "Quadrant", zh: "象限" },
  phase: { en: "Phase", zh: "阶段" },
  mechanism: { en: "Mechanism", zh: "治理机制" },
  w_supply: { en: "w supply", zh: "权重·供给" },
  w_connect: { en: "w connect", zh: "权重·连接" },
  w_platform: { en: "w platform", zh: "权重·平台" },
  distance: { en: "Distance to threshold", zh: "到分界线距离" },
  stability: { en: "Stability", zh: "稳定性" },
  lag: { en: "Lag", zh: "滞后" },
  lag_label: { en: "Which stock lags", zh: "滞后方" },
  cutoff: { en: "Cut-offs", zh: "分界值" },
  C: { en: "C (coupling)", zh: "C（耦合度）" },
  C_W: { en: "C_W (modified coupling)", zh: "C_W（修正耦合度）" },
  T: { en: "T (development)", zh: "T（综合发展）" },
  D: { en: "D (coordination)", zh: "D（耦合协调度）" },
  C_level: { en: "C stage", zh: "耦合阶段" },
  D_level: { en: "D level", zh: "协调等级" },
  D_band: { en: "D band", zh: "协调档次" },
  lq: { en: "Location quotient", zh: "区位商" },
  LQ: { en: "Location quotient", zh: "区位商" },
  eci: { en: "ECI", zh: "经济复杂度" },
  pci: { en: "PCI", zh: "产品复杂度" },
  rank: { en: "Rank", zh: "排名" },
  organisations: { en: "Organisations", zh: "组织数" },
  ties_per_org: { en: "Ties per organisation", zh: "每个组织的联系数" },
  density: { en: "Density", zh: "密度" },
  supplier_user_share: { en: "Supplier–user share", zh: "供给者—使用者联系比重" },
  external_share: { en: "External share", zh: "跨国联系比重" },
  largest_component_share: { en: "Largest component share", zh: "最大连通分量占比" },
  employment: { en: "Employment", zh: "就业人数" },
  patents: { en: "Patents", zh: "专利数" },
};
