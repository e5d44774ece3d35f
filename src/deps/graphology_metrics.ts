/** graphology-metrics (centrality), pinned. @module */
export * from "npm:graphology-metrics@2.4.2";
