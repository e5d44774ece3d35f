/** Display: figures (inline SVG + PNG) and tables in notebooks. @module */
export { document } from "./document.ts";
export * from "./jupyter.ts";
export * from "./figure.ts";
export * from "./table.ts";
export * from "./interactive.ts";
export * from "./catch_up.ts";
export * from "./exercise.ts";
export * from "./specialisation_heatmap.ts";
export * from "./star_chart.ts";
export * from "./spiral.ts";
export * from "./spiral_explorer.ts";
export * from "./quadrant.ts";
export * from "./coupling_heatmap.ts";
export * from "./platform_roles.ts";
export * from "./technology_space.ts";
export * from "./quadrant_explorer.ts";
export * from "./policy_tradeoff.ts";
export * from "./client_render.ts";
