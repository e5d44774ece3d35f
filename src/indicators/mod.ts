/** indicators. Each line re-exports one concept file. @module */
export * from "./matrix.ts";
