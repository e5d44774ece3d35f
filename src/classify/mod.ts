/** classify. Each line re-exports one concept file. @module */
export {};
export * from "./coupling.ts";
export * from "./identify_clusters.ts";
export * from "./governance.ts";
export * from "./platform.ts";
export * from "./governance_recommendation.ts";
