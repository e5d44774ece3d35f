/** graphology-types, pinned. @module */
export type * from "npm:graphology-types@0.24.8";
