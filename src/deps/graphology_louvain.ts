/** graphology-communities-louvain, pinned. @module */
export * from "npm:graphology-communities-louvain@2.0.2";
export { default } from "npm:graphology-communities-louvain@2.0.2";
