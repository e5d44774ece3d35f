/** models. Each line re-exports one concept file. @module */
export {};
export * from "./random.ts";
export * from "./march.ts";
