/**
 * Synchronous, deferred loading of the three heavy dependencies of rendering: Observable Plot, linkedom (the
 * DOM Plot renders into, whose CSS parser costs more at import than the rest of ClusterLab's code) and resvg
 * (the PNG rasteriser, a native addon). Importing ClusterLab evaluates none of them; the first chart
 * evaluates Plot and linkedom, the first PNG resvg.
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
import type * as PlotModule from "./plot.ts";
import type * as ResvgModule from "./resvg.ts";

/** `require` needs a file path: a library imported by `https://` URL loads both modules at import instead. */
const local = import.meta.url.startsWith("file:");
const require = local ? createRequire(import.meta.url) : undefined;

/**
 * Never called: its `import()`s put the packages in Deno's module graph (resolved and cached, not
 * evaluated), which is what lets `require` find them. Exported so that no tool removes it as unused.
 * @internal
 */
export function moduleGraph(): Promise<unknown>[] {
  return [import("./linkedom.ts"), import("./resvg.ts"), import("./plot.ts")];
}

let linkedomModule: typeof LinkedomModule | undefined;
let plotModule: typeof PlotModule | undefined;
let resvgModule: typeof ResvgModule | undefined;

function granted(name: "ffi" | "sys"): boolean {
  try {
    return Deno.permissions.querySync({ name }).state === "granted";
  } catch {
    return false;
  }
}

/** Does the process hold what resvg's addon needs to load (`--allow-ffi` and `--allow-sys`)? */
export function resvgPermitted(): boolean {
  return granted("ffi") && granted("sys");
}

if (!local) {
  linkedomModule = await import("./linkedom.ts");
  plotModule = await import("./plot.ts");
  if (resvgPermitted()) resvgModule = await import("./resvg.ts");
}

/** linkedom, evaluated on first call (it needs `--allow-read` alone). */
export function linkedom(): typeof LinkedomModule {
  return linkedomModule ??= require!("linkedom") as typeof LinkedomModule;
}

/**
 * resvg, evaluated on first call. Its native addon needs `--allow-ffi` and `--allow-sys`; without them this
 * throws Deno's `NotCapable` error (callers check the permissions first and say what to run with).
 */
export function resvg(): typeof ResvgModule {
  if (resvgModule) return resvgModule;
  if (!require) {
    throw new Deno.errors.NotCapable(
      "the PNG rasteriser of a ClusterLab imported by URL is loaded by `await loadResvg()` " +
        '(`await figure.save("x.png")` does it), or at import with --allow-ffi --allow-sys',
    );
  }
  return resvgModule = require("@resvg/resvg-js") as typeof ResvgModule;
}

/** resvg, evaluated on first call by a dynamic import (where Deno asks for `--allow-ffi` and `--allow-sys`). */
export async function loadResvg(): Promise<typeof ResvgModule> {
  return resvgModule ??= local ? resvg() : await import("./resvg.ts");
}

/** Observable Plot, evaluated on first call (the same module instance a notebook's `import` gets). */
export function plotLibrary(): typeof PlotModule {
  return plotModule ??= require!("@observablehq/plot") as typeof PlotModule;
}

/**
 * Observable Plot as a namespace whose members are looked up in {@link plotLibrary} when first used:
 * `Plot.dot(…)` in the chart functions evaluates Plot on the first chart, not at import.
 */
export const Plot: typeof PlotModule = new Proxy({} as typeof PlotModule, {
  get: (_target, key) => (plotLibrary() as unknown as Record<string | symbol, unknown>)[key],
});

/** Has {@link plotLibrary} been evaluated? */
export function plotLoaded(): boolean {
  return plotModule !== undefined;
}

/** Has {@link linkedom} been evaluated? */
export function linkedomLoaded(): boolean {
  return linkedomModule !== undefined;
}

/** Has {@link resvg} been evaluated? */
export function resvgLoaded(): boolean {
  return resvgModule !== undefined;
}
