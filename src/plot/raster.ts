/**
 * The PNG rasteriser (resvg, a native addon), loaded only when its permissions allow: importing ClusterLab,
 * loading data, computing indicators and rendering SVG need `--allow-read` alone. The addon needs
 * `--allow-ffi` (to load its `.node` file) and `--allow-sys` (it reads system information, such as the CPU
 * list and the network interfaces, when it loads). It is
 * evaluated by the first PNG, never at import (`deps/lazy.ts`): when the process already has both
 * permissions (`-A`, the Jupyter kernel, the tests) `Figure.toPNG()` loads it synchronously; otherwise
 * {@link loadRasteriser} (e.g. `await figure.save("x.png")`) is where Deno asks for them.
 * PNG 光栅化器：仅在需要且有权限时加载。
 * @module
 */
import type * as ResvgModule from "../deps/resvg.ts";
import { loadResvg, resvg, resvgLoaded, resvgPermitted as permitted } from "../deps/lazy.ts";
import { checkSize, formatBytes } from "../core/size_guard.ts";

let loading: Promise<typeof ResvgModule> | undefined;

/**
 * Load the rasteriser (once). Without `--allow-ffi` and `--allow-sys` Deno asks for them here (or, when it
 * cannot ask, rejects with its own `NotCapable` error naming the flag).
 */
export function loadRasteriser(): Promise<typeof ResvgModule> {
  if (!loading) {
    const attempt = (async () => {
      if (!permitted()) {
        await Deno.permissions.request({ name: "ffi" });
        await Deno.permissions.request({ name: "sys" });
      }
      return await loadResvg();
    })();
    // a failed attempt is forgotten (the next call tries again), and only that attempt
    attempt.catch(() => loading === attempt && (loading = undefined));
    loading = attempt;
  }
  return loading;
}

/** The rasteriser (evaluated on first use when the permissions are held), or an error that says what to run with. */
export function rasteriser(): typeof ResvgModule {
  if (resvgLoaded() || permitted()) return resvg();
  throw new Deno.errors.NotCapable(
    "PNG rendering loads the resvg rasteriser, a native addon that needs --allow-ffi and --allow-sys: " +
      'run with `deno run --allow-read --allow-ffi --allow-sys …` (or -A), or call `await figure.save("x.png")`, ' +
      "which loads it (asking for the permissions); SVG and HTML need --allow-read alone",
  );
}

/**
 * Can `toPNG()` run synchronously: is the rasteriser loaded, or does the process hold the permissions to
 * load it on first use (`-A`, the Jupyter kernel, the tests)?
 */
export function rasteriserLoaded(): boolean {
  return resvgLoaded() || permitted();
}

/**
 * Refuse a raster too large for memory before resvg allocates it: `width × height` CSS pixels at `scale`,
 * 4 bytes (RGBA) per device pixel.
 */
export function checkRasterSize(svg: string, scale: number): void {
  const size = (attr: string) => Number(new RegExp(`<svg[^>]*\\s${attr}="([0-9.]+)"`).exec(svg)?.[1] ?? 0);
  const w = size("width"), h = size("height");
  const pixels = w * scale * h * scale;
  checkSize("options of toPNG", "scale", {
    what: `${w} × ${h} pixels at scale ${scale} (${formatBytes(pixels * 4)} of RGBA)`,
    values: pixels,
    bytes: 4,
    hint: "use a smaller scale, width or height",
  });
}
