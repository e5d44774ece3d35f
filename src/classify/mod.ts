/** classify. Each line re-exports one concept file. @module */
export {};
export * from "./coupling.ts";
