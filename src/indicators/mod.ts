/** indicators. Each line re-exports one concept file. @module */
export * from "./matrix.ts";
export * from "./entropy_weights.ts";
