/** Data layer: schemas, validation, readers, adapters and the shipped datasets. @module */
export * from "./validation_error.ts";
export * from "./schema.ts";
export * from "./validate.ts";
export * from "./adapters.ts";
export * from "./read.ts";
export * from "./datasets.ts";
