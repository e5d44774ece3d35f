/**
 * Hand-written label tables used by the data build (scripts/build_data.ts): readable bilingual names of the
 * Nesta UK industry clusters, the WIPO technology fields, the Chinese provinces, the China S&T indicators and
 * the Horizon 2020 organisation types. Kept apart so the build logic stays short.
 * @module
 */

/** Nesta's 72 UK industry segments ("clusters", sic_4_industry_segment_lookup.csv): id → [English, Chinese]. */
export const UK_CLUSTER_NAMES: Readonly<Record<string, readonly [string, string]>> = {
  construction_construction: ["Construction", "建筑施工"],
  construction_infrastructure: ["Infrastructure construction", "基础设施建设"],
  manufacture_aerospace: ["Aerospace manufacturing", "航空航天制造"],
  manufacture_armaments: ["Armaments manufacturing", "军械制造"],
  manufacture_automotive: ["Automotive manufacturing", "汽车制造"],
  manufacture_casting: ["Metal casting", "金属铸造"],
  manufacture_chemical: ["Chemicals manufacturing", "化学品制造"],
  manufacture_electrical: ["Electrical equipment manufacturing", "电气设备制造"],
  manufacture_electronics: ["Electronics manufacturing", "电子产品制造"],
  manufacture_food: ["Food and drink production", "食品饮料生产"],
  manufacture_footwear_leather: ["Footwear and leather manufacturing", "鞋类与皮革制造"],
  manufacture_furniture: ["Furniture and wood products manufacturing", "家具与木制品制造"],
  manufacture_instruments: ["Instruments manufacturing", "仪器仪表制造"],
  manufacture_light: ["Light manufacturing", "轻工制造"],
  manufacture_machinery_tools: ["Machinery and tools manufacturing", "机械与工具制造"],
  manufacture_materials: ["Materials manufacturing", "材料制造"],
  manufacture_metal_equipment: ["Metal equipment manufacturing", "金属设备制造"],
  manufacture_oils: ["Oils and fuels manufacturing", "油品与燃料制造"],
  manufacture_paper: ["Paper manufacturing", "造纸"],
  manufacture_pesticides: ["Pesticides and agrochemicals manufacturing", "农药与农用化学品制造"],
  manufacture_pharmaceuticals: ["Pharmaceuticals manufacturing", "医药制造"],
  manufacture_plastics: ["Plastics manufacturing", "塑料制品制造"],
  manufacture_rubber: ["Rubber manufacturing", "橡胶制品制造"],
  manufacture_ships: ["Shipbuilding", "船舶制造"],
  manufacture_steel_metal: ["Steel and metal products manufacturing", "钢铁与金属制品制造"],
  manufacture_textiles: ["Textiles manufacturing", "纺织品制造"],
  primary_fishing: ["Fishing and aquaculture", "渔业与水产养殖"],
  primary_forestry: ["Forestry", "林业"],
  primary_oil_gas: ["Oil and gas extraction", "石油天然气开采"],
  primary_quarrying_concrete: ["Quarrying and concrete", "采石与混凝土"],
  services_administrative: ["Administrative services", "行政服务"],
  services_agricultural: ["Agriculture and agricultural services", "农业与农业服务"],
  services_air_transport: ["Air transport", "航空运输"],
  services_computing: ["Computing services", "计算机服务"],
  services_consumer_retail: ["Consumer retail", "消费零售"],
  services_content: ["Content services", "内容服务"],
  services_creative: ["Creative services", "创意服务"],
  services_cultural: ["Cultural services", "文化服务"],
  services_education_post_primary: ["Secondary, higher and further education", "中等、高等与继续教育"],
  services_education_primary: ["Pre-primary and primary education", "学前与初等教育"],
  services_electronics_machinery: [
    "Electronics and machinery trade and repair",
    "电子与机械贸易和维修",
  ],
  services_energy: ["Energy supply", "能源供应"],
  services_entertainment: ["Entertainment", "娱乐"],
  services_environmental: ["Environmental services", "环境服务"],
  services_facilities: ["Facilities services", "设施服务"],
  services_financial_legal: ["Financial and legal services", "金融与法律服务"],
  services_health: ["Health and social care", "卫生与社会照护"],
  services_hospitality: ["Hospitality", "住宿餐饮"],
  services_house_installation: ["Building installation and completion", "建筑安装与装修"],
  services_human_resources: ["Human resources services", "人力资源服务"],
  services_industrial_equipment: ["Industrial equipment trade and repair", "工业设备贸易与维修"],
  services_insurance_finance: ["Insurance and finance", "保险与金融"],
  services_kibs: ["Knowledge-intensive business services", "知识密集型商业服务"],
  services_land_transport: ["Land transport", "陆路运输"],
  services_logistics: ["Logistics", "物流"],
  services_motor: ["Motor trade and repair", "汽车贸易与维修"],
  services_passenger: ["Passenger transport", "客运"],
  services_printing: ["Printing", "印刷"],
  services_professional: ["Professional services", "专业服务"],
  services_public_administration: ["Public administration and defence", "公共管理与国防"],
  services_publishing: ["Publishing", "出版"],
  "services_r_&_d": ["Research and development", "研究与开发"],
  services_real_state: ["Real estate", "房地产"],
  services_recreation: ["Recreation and sport", "休闲与体育"],
  services_residential: ["Residential care", "住宿型照护"],
  services_sea_transport: ["Sea and water transport", "水路运输"],
  services_security: ["Security services", "安保服务"],
  services_telecommunications: ["Telecommunications", "电信"],
  services_textiles: ["Textiles and clothing trade", "纺织服装贸易"],
  services_travelling: ["Travel agencies and tour operators", "旅行社与旅游经营"],
  services_utilities: ["Water and waste utilities", "供水与废物处理"],
  services_wholesale: ["Wholesale", "批发"],
};

/** Broad categories of the UK lookup: English → Chinese. */
export const UK_CATEGORY_ZH: Readonly<Record<string, string>> = {
  construction: "建筑业",
  manufacture: "制造业",
  primary: "第一产业",
  services: "服务业",
};

/**
 * The 35 WIPO technology fields (Schmoch 2008, "Concept of a technology classification for country
 * comparisons", WIPO), numbered 1–35 in five sectors, keyed by the NCSES field name (lower case as NCSES
 * writes it): [number, WIPO English name, Chinese name].
 */
export const WIPO_FIELDS: Readonly<Record<string, readonly [number, string, string]>> = {
  "electrical machinery, apparatus, energy": [
    1,
    "Electrical machinery, apparatus, energy",
    "电气机械、设备与能源",
  ],
  "audio-visual technology": [2, "Audio-visual technology", "视听技术"],
  "telecommunications": [3, "Telecommunications", "电信"],
  "digital communication": [4, "Digital communication", "数字通信"],
  "basic communication processes": [5, "Basic communication processes", "基本通信过程"],
  "computer technology": [6, "Computer technology", "计算机技术"],
  "IT methods for management": [7, "IT methods for management", "管理用信息技术方法"],
  "semiconductors": [8, "Semiconductors", "半导体"],
  "optics": [9, "Optics", "光学"],
  "measurement": [10, "Measurement", "测量"],
  "analysis of biological materials": [11, "Analysis of biological materials", "生物材料分析"],
  "control": [12, "Control", "控制"],
  "medical technology": [13, "Medical technology", "医疗技术"],
  "organic fine chemistry": [14, "Organic fine chemistry", "有机精细化学"],
  "biotechnology": [15, "Biotechnology", "生物技术"],
  "pharmaceuticals": [16, "Pharmaceuticals", "药品"],
  "macromolecular chemistry, polymers": [17, "Macromolecular chemistry, polymers", "高分子化学、聚合物"],
  "food chemistry": [18, "Food chemistry", "食品化学"],
  "basic materials chemistry": [19, "Basic materials chemistry", "基础材料化学"],
  "materials, metallurgy": [20, "Materials, metallurgy", "材料、冶金"],
  "surface technology, coating": [21, "Surface technology, coating", "表面技术、涂层"],
  "microstructural technology and nanotechnology": [
    22,
    "Micro-structural and nano-technology",
    "微观结构与纳米技术",
  ],
  "chemical engineering": [23, "Chemical engineering", "化学工程"],
  "environmental technology": [24, "Environmental technology", "环境技术"],
  "handling": [25, "Handling", "装卸搬运"],
  "machine tools": [26, "Machine tools", "机床"],
  "engines, pumps, turbines": [27, "Engines, pumps, turbines", "发动机、泵、涡轮机"],
  "textile and paper machines": [28, "Textile and paper machines", "纺织和造纸机械"],
  "other special machines": [29, "Other special machines", "其他专用机械"],
  "thermal processes and apparatus": [30, "Thermal processes and apparatus", "热工过程和设备"],
  "mechanical elements": [31, "Mechanical elements", "机械元件"],
  "transport": [32, "Transport", "运输"],
  "furniture, games": [33, "Furniture, games", "家具、游戏"],
  "other consumer goods": [34, "Other consumer goods", "其他消费品"],
  "civil engineering": [35, "Civil engineering", "土木工程"],
};

/** WIPO sector of a field number (Schmoch 2008): [English, Chinese]. */
export function wipoSector(field: number): readonly [string, string] {
  if (field <= 8) return ["Electrical engineering", "电气工程"];
  if (field <= 13) return ["Instruments", "仪器"];
  if (field <= 24) return ["Chemistry", "化学"];
  if (field <= 32) return ["Mechanical engineering", "机械工程"];
  return ["Other fields", "其他领域"];
}

/** The 31 provinces of mainland China in the yearbook's order, with English (pinyin) names. */
export const CHINA_PROVINCES: readonly (readonly [string, string])[] = [
  ["北京", "Beijing"],
  ["天津", "Tianjin"],
  ["河北", "Hebei"],
  ["山西", "Shanxi"],
  ["内蒙古", "Inner Mongolia"],
  ["辽宁", "Liaoning"],
  ["吉林", "Jilin"],
  ["黑龙江", "Heilongjiang"],
  ["上海", "Shanghai"],
  ["江苏", "Jiangsu"],
  ["浙江", "Zhejiang"],
  ["安徽", "Anhui"],
  ["福建", "Fujian"],
  ["江西", "Jiangxi"],
  ["山东", "Shandong"],
  ["河南", "Henan"],
  ["湖北", "Hubei"],
  ["湖南", "Hunan"],
  ["广东", "Guangdong"],
  ["广西", "Guangxi"],
  ["海南", "Hainan"],
  ["重庆", "Chongqing"],
  ["四川", "Sichuan"],
  ["贵州", "Guizhou"],
  ["云南", "Yunnan"],
  ["西藏", "Tibet"],
  ["陕西", "Shaanxi"],
  ["甘肃", "Gansu"],
  ["青海", "Qinghai"],
  ["宁夏", "Ningxia"],
  ["新疆", "Xinjiang"],
];

/** OCR typos in province names (china-provincial-st SOURCE.md, "Known data issues"). */
export const CHINA_PROVINCE_FIXES: Readonly<Record<string, string>> = {
  "两藏": "西藏",
  "四藏": "西藏",
  "内蒙占": "内蒙古",
  "山两": "山西",
  "江两": "江西",
  "江四": "江西",
  "浙汀": "浙江",
};

/** One indicator of the China S&T panel and the raw variable it comes from. */
export interface ChinaIndicator {
  /** Short English snake_case id. */
  readonly id: string;
  /** `dataset` column of the raw file. */
  readonly dataset: string;
  /** `variables` column of the raw file (techme package code). */
  readonly variable: string;
  /** Unit in English. */
  readonly unit: string;
  /** Unit in Chinese, as the raw `units` column writes it. */
  readonly unitZh: string;
  /** Label in English. */
  readonly en: string;
  /** Label in Chinese. */
  readonly zh: string;
}

/** The indicators shipped in china-provinces-st / china-national-st, in output order. */
export const CHINA_INDICATORS: readonly ChinaIndicator[] = [
  {
    id: "rd_expenditure",
    dataset: "RDActivity",
    variable: "v4_zh_nbzc_hj",
    unit: "10^4 CNY",
    unitZh: "万元",
    en: "R&D expenditure (internal)",
    zh: "R&D经费内部支出",
  },
  {
    id: "rd_expenditure_basic",
    dataset: "RDActivity",
    variable: "v4_zh_nbzc_jcyj",
    unit: "10^4 CNY",
    unitZh: "万元",
    en: "R&D expenditure: basic research",
    zh: "R&D经费内部支出：基础研究",
  },
  {
    id: "rd_expenditure_applied",
    dataset: "RDActivity",
    variable: "v4_zh_nbzc_yyyj",
    unit: "10^4 CNY",
    unitZh: "万元",
    en: "R&D expenditure: applied research",
    zh: "R&D经费内部支出：应用研究",
  },
  {
    id: "rd_expenditure_experimental",
    dataset: "RDActivity",
    variable: "v4_zh_nbzc_syfz",
    unit: "10^4 CNY",
    unitZh: "万元",
    en: "R&D expenditure: experimental development",
    zh: "R&D经费内部支出：试验发展",
  },
  {
    id: "rd_funds_government",
    dataset: "RDSource",
    variable: "v4_zh_nbzc_zfzj",
    unit: "10^4 CNY",
    unitZh: "万元",
    en: "R&D expenditure funded by government",
    zh: "R&D经费内部支出：政府资金",
  },
  {
    id: "rd_funds_enterprise",
    dataset: "RDSource",
    variable: "v4_zh_nbzc_qyzj",
    unit: "10^4 CNY",
    unitZh: "万元",
    en: "R&D expenditure funded by enterprises",
    zh: "R&D经费内部支出：企业资金",
  },
  {
    id: "rd_funds_foreign",
    dataset: "RDSource",
    variable: "v4_zh_nbzc_gwzj",
    unit: "10^4 CNY",
    unitZh: "万元",
    en: "R&D expenditure funded from abroad",
    zh: "R&D经费内部支出：国外资金",
  },
  {
    id: "rd_funds_other",
    dataset: "RDSource",
    variable: "v4_zh_nbzc_qtzj",
    unit: "10^4 CNY",
    unitZh: "万元",
    en: "R&D expenditure funded from other sources",
    zh: "R&D经费内部支出：其他资金",
  },
  {
    id: "rd_intensity",
    dataset: "RDIntense",
    variable: "v4_ztr_qd_RD",
    unit: "% of GDP",
    unitZh: "%",
    en: "R&D intensity (R&D expenditure / GDP)",
    zh: "R&D经费投入强度",
  },
  {
    id: "rd_personnel_fte",
    dataset: "RDLaborHour",
    variable: "v4_zh_qsdl_hj",
    unit: "FTE person-years",
    unitZh: "人年",
    en: "R&D personnel (full-time equivalent)",
    zh: "R&D人员全时当量",
  },
  {
    id: "rd_researchers_fte",
    dataset: "RDLaborHour",
    variable: "v4_zh_qsdl_yjry",
    unit: "FTE person-years",
    unitZh: "人年",
    en: "R&D researchers (full-time equivalent)",
    zh: "R&D研究人员全时当量",
  },
  {
    id: "patent_applications",
    dataset: "RDPatentAccept",
    variable: "v4_cg_zlsq_hj",
    unit: "applications",
    unitZh: "件",
    en: "Domestic patent applications accepted (all types)",
    zh: "国内专利申请受理量（合计）",
  },
  {
    id: "invention_patent_applications",
    dataset: "RDPatentAccept",
    variable: "v4_cg_zlsq_fm",
    unit: "applications",
    unitZh: "件",
    en: "Domestic invention patent applications accepted",
    zh: "国内发明专利申请受理量",
  },
  {
    id: "patent_grants",
    dataset: "RDPatentAuthority",
    variable: "v4_cg_zlsq2_hj",
    unit: "patents",
    unitZh: "件",
    en: "Domestic patents granted (all types)",
    zh: "国内专利授权量（合计）",
  },
  {
    id: "invention_patent_grants",
    dataset: "RDPatentAuthority",
    variable: "v4_cg_zlsq2_fm",
    unit: "patents",
    unitZh: "件",
    en: "Domestic invention patents granted",
    zh: "国内发明专利授权量",
  },
  {
    id: "valid_invention_patents",
    dataset: "RDPatentValid",
    variable: "v4_cg_zlsyx_fm",
    unit: "patents",
    unitZh: "件",
    en: "Valid (in-force) invention patents",
    zh: "有效发明专利数",
  },
  {
    id: "papers_sci",
    dataset: "RDPaperInternational",
    variable: "v4_cg_gwlw_pssci",
    unit: "papers",
    unitZh: "篇",
    en: "Scientific papers indexed in SCI",
    zh: "SCI收录科技论文数",
  },
  {
    id: "papers_ei",
    dataset: "RDPaperInternational",
    variable: "v4_cg_gwlw_psei",
    unit: "papers",
    unitZh: "篇",
    en: "Scientific papers indexed in EI",
    zh: "EI收录科技论文数",
  },
  {
    id: "papers_cpci_s",
    dataset: "RDPaperInternational",
    variable: "v4_cg_gwlw_pscpcis",
    unit: "papers",
    unitZh: "篇",
    en: "Conference papers indexed in CPCI-S",
    zh: "CPCI-S收录科技论文数",
  },
  {
    id: "tech_market_outflow_value",
    dataset: "MarketPush",
    variable: "v4_cg_jssc_je",
    unit: "10^4 CNY",
    unitZh: "万元",
    en: "Technology-market contract value, province as seller (outflow)",
    zh: "技术市场输出技术成交额",
  },
  {
    id: "tech_market_outflow_contracts",
    dataset: "MarketPush",
    variable: "v4_cg_jssc_ht",
    unit: "contracts",
    unitZh: "项",
    en: "Technology-market contracts, province as seller (outflow)",
    zh: "技术市场输出技术合同数",
  },
  {
    id: "tech_market_inflow_value",
    dataset: "MarketPull",
    variable: "v4_cg_jssr_je",
    unit: "10^4 CNY",
    unitZh: "万元",
    en: "Technology-market contract value, province as buyer (inflow)",
    zh: "技术市场吸纳技术成交额",
  },
  {
    id: "tech_market_inflow_contracts",
    dataset: "MarketPull",
    variable: "v4_cg_jssr_ht",
    unit: "contracts",
    unitZh: "项",
    en: "Technology-market contracts, province as buyer (inflow)",
    zh: "技术市场吸纳技术合同数",
  },
  {
    id: "public_budget_st",
    dataset: "PublicBudget",
    variable: "v6_cz_yszc_kxjs",
    unit: "10^8 CNY",
    unitZh: "亿元",
    en: "Government budget expenditure on science and technology",
    zh: "地方一般公共预算支出：科学技术",
  },
  {
    id: "public_budget_total",
    dataset: "PublicBudget",
    variable: "v6_cz_yszc_hj",
    unit: "10^8 CNY",
    unitZh: "亿元",
    en: "Government general budget expenditure (total)",
    zh: "一般公共预算支出合计",
  },
  {
    id: "hightech_enterprises",
    dataset: "HitechFirmsPub",
    variable: "num",
    unit: "enterprises",
    unitZh: "家",
    en: "Certified high-tech enterprises",
    zh: "认定高新技术企业数",
  },
  {
    id: "hightech_industry_enterprises",
    dataset: "IndustryOperation",
    variable: "v4_cy_scjy_qys",
    unit: "enterprises",
    unitZh: "个",
    en: "High-tech industry: number of enterprises",
    zh: "高技术产业企业数",
  },
  {
    id: "hightech_industry_revenue",
    dataset: "IndustryOperation",
    variable: "v4_cy_scjy_zyyw",
    unit: "10^8 CNY",
    unitZh: "亿元",
    en: "High-tech industry: main business revenue",
    zh: "高技术产业主营业务收入",
  },
];

/** Horizon 2020 activity types → ClusterLab organisation types, with labels. */
export const H2020_TYPES: readonly (readonly [string, string, string, string])[] = [
  ["HES", "university", "Higher or secondary education establishment", "高等或中等教育机构"],
  ["OTH", "other", "Other", "其他"],
  ["PRC", "firm", "Private for-profit entity (excluding education)", "私营营利性实体（不含教育机构）"],
  ["PUB", "government", "Public body (excluding research and education)", "公共机构（不含研究和教育机构）"],
  ["REC", "research_institute", "Research organisation", "研究机构"],
];
