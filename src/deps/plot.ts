/** Observable Plot, pinned. @module */
export * from "npm:@observablehq/plot@0.6.17";
