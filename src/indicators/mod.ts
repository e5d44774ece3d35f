/** indicators. Each line re-exports one concept file. @module */
export * from "./matrix.ts";
export * from "./sparse.ts";
export * from "./location_quotient.ts";
export * from "./presence.ts";
export * from "./proximity.ts";
export * from "./density.ts";
export * from "./relatedness_density.ts";
export * from "./entropy_weights.ts";
