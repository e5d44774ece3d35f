/** graphology-components, pinned. @module */
export * from "npm:graphology-components@1.5.4";
