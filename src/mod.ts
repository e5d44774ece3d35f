/**
 * ClusterLab: indicators, classifiers and models of innovation clusters and knowledge governance, for Deno
 * Jupyter notebooks. 创新集群与知识治理的指标、分类与模型工具包。
 *
 * The pipeline (DESIGN.md): data → indicators → classifiers → models → plots and tables.
 *
 * @example
 * ```ts
 * import { loadDataset, locationQuotient } from "clusterlab";
 * ```
 * @module
 */
import { enableTableDisplay } from "./plot/table.ts";

export * from "./i18n.ts";
export * from "./param.ts";
export * from "./data/mod.ts";
export * from "./indicators/mod.ts";
export * from "./classify/mod.ts";
export * from "./models/mod.ts";
export * from "./plot/mod.ts";

enableTableDisplay();
