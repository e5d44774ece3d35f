/** graphology (graphs), pinned. @module */
export * from "npm:graphology@0.26.0";
export { default } from "npm:graphology@0.26.0";
