/**
 * Synchronous, deferred loading of the two heavy dependencies of rendering: linkedom (the DOM Plot renders
 * into, whose CSS parser costs more at import than the rest of ClusterLab's code) and resvg (the PNG
 * rasteriser, a native addon). Importing ClusterLab evaluates neither; the first chart evaluates linkedom,
 * the first PNG resvg.
 *
 * How (design choice): the never-called {@link moduleGraph} names both modules in a statically analysable
 * `import()`, so Deno resolves and caches their npm packages with the rest of the graph (pinned by the
 * frozen lock) without evaluating them; `require` (Node's `createRequire`, which resolves npm packages of
 * the graph) then evaluates one synchronously when it is first needed, so chart functions and
 * `Figure.toPNG()` stay synchronous. 重依赖（DOM、PNG 光栅化器）延迟到首次使用时同步加载。
 * @module
 */
import { createRequire } from "node:module";
import type * as LinkedomModule from "./linkedom.ts";
import type * as ResvgModule from "./resvg.ts";

const require = createRequire(import.meta.url);

/**
 * Never called: its `import()`s put the packages in Deno's module graph (resolved and cached, not
 * evaluated), which is what lets `require` find them. Exported so that no tool removes it as unused.
 * @internal
 */
export function moduleGraph(): Promise<unknown>[] {
  return [import("./linkedom.ts"), import("./resvg.ts")];
}

let linkedomModule: typeof LinkedomModule | undefined;
let resvgModule: typeof ResvgModule | undefined;

/** linkedom, evaluated on first call (it needs `--allow-read` alone). */
export function linkedom(): typeof LinkedomModule {
  return linkedomModule ??= require("linkedom") as typeof LinkedomModule;
}

/**
 * resvg, evaluated on first call. Its native addon needs `--allow-ffi` and `--allow-sys`; without them this
 * throws Deno's `NotCapable` error (callers check the permissions first and say what to run with).
 */
export function resvg(): typeof ResvgModule {
  return resvgModule ??= require("@resvg/resvg-js") as typeof ResvgModule;
}

/** Has {@link linkedom} been evaluated? */
export function linkedomLoaded(): boolean {
  return linkedomModule !== undefined;
}

/** Has {@link resvg} been evaluated? */
export function resvgLoaded(): boolean {
  return resvgModule !== undefined;
}
