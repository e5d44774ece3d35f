/** models. Each line re-exports one concept file. @module */
export {};
export * from "./random.ts";
export * from "./march.ts";
export * from "./ode.ts";
export * from "./eigen.ts";
export * from "./symbiosis.ts";
export * from "./seci.ts";
export * from "./catch_up.ts";
export * from "./synergy.ts";
export * from "./coevolution.ts";
export * from "./network_spiral.ts";
export * from "./progress.ts";
export * from "./sweep.ts";
export * from "./policy.ts";
export * from "./haken.ts";
