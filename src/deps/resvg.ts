/** resvg (SVG → PNG, native addon), pinned. Imported lazily, only when a PNG is rendered. @module */
export * from "npm:@resvg/resvg-js@2.6.2";
