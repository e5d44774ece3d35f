/** graphology-generators (test graphs), pinned. @module */
export * from "npm:graphology-generators@0.11.2";
