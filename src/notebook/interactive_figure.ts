/**
 * The figure of an interactive chart ({@link InteractiveFigure}): the widget's HTML, its static fallback
 * (the initial frame as SVG and PNG), its sizes, and the frame at any slider position.
 * @module
 */
import { describeValue, ValidationError, type ValidationIssue } from "../core/validation_error.ts";
import { base64, DISPLAY, escapeHTML, escapeText, type MimeBundle } from "../core/display.ts";
import type { Figure, PNGOptions } from "../plot/figure.ts";
import type { SliderValue } from "./slider.ts";
import { rasteriserLoaded } from "../plot/raster.ts";

/** How an interactive chart re-renders: swap precomputed frames, or draw from embedded data in the browser. */
export type InteractiveMode = "frames" | "data";

/** Sizes of an interactive chart's HTML, in bytes. */
export interface InteractiveStats {
  /** Grid points (product of the slider lengths). */
  readonly frames: number;
  /** Distinct frames stored after removing duplicates (data mode: 1, the server-rendered initial view). */
  readonly uniqueFrames: number;
  /** Bytes of the distinct frames' HTML before encoding (data mode: bytes of the data's JSON). */
  readonly rawBytes: number;
  /** Bytes of the embedded payload (base64 of deflate, or JSON). */
  readonly payloadBytes: number;
  /** Bytes of the whole `text/html` output (UTF-8). */
  readonly htmlBytes: number;
}

/** Options of {@link InteractiveFigure.toPage}. */
export interface ToPageOptions {
  /** The page's `<title>` (default: the figure's description). */
  readonly title?: string;
}

/**
 * A chart with sliders: displays itself in Jupyter, exports a standalone HTML page, SVG and PNG. Made by
 * `interactive` (frames mode) or `dataInteractive` (data mode).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import * as Plot from "@observablehq/plot";
 * import { interactive } from "clusterlab";
 * const w = interactive({
 *   sliders: { n: { label: { en: "Bars", zh: "柱数" }, values: [1, 2, 3], initial: 2 } },
 *   render: ({ n }) => ({ marks: [Plot.barY(Array.from({ length: n }, (_, i) => i + 1))] }),
 * });
 * assert.deepEqual(w.initialParams, { n: 2 });
 * assert.equal(w.toSVG().match(/<rect/g)?.length, 2); // the static fallback is the initial frame
 * assert.equal(w.frameHTML([2]).match(/<rect/g)?.length, 3);
 * assert.match(w.toPage({ title: "Bars" }), /^<!doctype html>.*<title>Bars<\/title>/);
 * ```
 */
export class InteractiveFigure {
  /** The figure at the initial slider values (the static fallback). */
  readonly initial: Figure;
  /** The parameter values of the initial frame. */
  readonly initialParams: Readonly<Record<string, SliderValue>>;
  /** Slider names in order. */
  readonly names: readonly string[];
  /** Sizes of the output. */
  readonly stats: InteractiveStats;
  /** Text for `text/plain`. */
  readonly description: string;
  /** "frames" (precomputed pictures, `interactive`) or "data" (drawn in the browser, `dataInteractive`). */
  readonly mode: InteractiveMode;
  readonly #html: string;
  readonly #frames: readonly string[];
  readonly #map: readonly number[];
  readonly #dims: readonly number[];
  readonly #renderAt?: (positions: readonly number[]) => string;

  /** @internal Use `interactive` or `dataInteractive`. */
  constructor(parts: {
    initial: Figure;
    initialParams: Record<string, SliderValue>;
    names: string[];
    html: string;
    frames: string[];
    map: number[];
    dims: number[];
    stats: InteractiveStats;
    description: string;
    mode?: InteractiveMode;
    renderAt?: (positions: readonly number[]) => string;
  }) {
    this.initial = parts.initial;
    this.initialParams = parts.initialParams;
    this.names = parts.names;
    this.#html = parts.html;
    this.#frames = parts.frames;
    this.#map = parts.map;
    this.#dims = parts.dims;
    this.stats = parts.stats;
    this.description = parts.description;
    this.mode = parts.mode ?? "frames";
    this.#renderAt = parts.renderAt;
  }

  /**
   * The HTML of the frame at slider positions `positions` (0-based index into each slider's values). In
   * data mode the frame is rendered in the kernel on demand (the static equivalent of the browser's view).
   */
  frameHTML(positions: readonly number[]): string {
    if (!Array.isArray(positions) || positions.length !== this.#dims.length) {
      throw new ValidationError("positions of frameHTML()", [{
        column: "positions",
        expected: `${this.#dims.length} slider positions (${this.names.join(", ")})`,
        received: describeValue(positions),
      }]);
    }
    const issues: ValidationIssue[] = [];
    let k = 0;
    positions.forEach((p, i) => {
      if (!Number.isInteger(p) || p < 0 || p >= this.#dims[i]!) {
        issues.push({
          column: `positions.${this.names[i]}`,
          expected: `an integer position 0..${this.#dims[i]! - 1}`,
          received: describeValue(p),
        });
      }
      k = k * this.#dims[i]! + p;
    });
    if (issues.length > 0) throw new ValidationError("positions of frameHTML()", issues);
    if (this.#renderAt) return this.#renderAt(positions);
    return this.#frames[this.#map[k]!]!;
  }

  /** The widget as an HTML fragment (container, sliders, initial frame, embedded frames and script). */
  toHTML(): string {
    return this.#html;
  }

  /** A standalone, self-contained HTML page holding the widget (UTF-8, CJK font stack). */
  toPage(options?: ToPageOptions): string;
  /** @deprecated the 0.1 form `toPage(title)`; use `toPage({ title })`. */
  toPage(title?: string): string;
  toPage(options: ToPageOptions | string = {}): string {
    const title = (typeof options === "string" ? options : options.title) ?? this.description;
    return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHTML(title)}</title>` +
      `<style>body{font-family:"Noto Sans CJK SC",system-ui,sans-serif;margin:1.5em}</style></head><body>` +
      `${this.#html}</body></html>\n`;
  }

  /** The initial frame's chart as standalone SVG. */
  toSVG(): string {
    return this.initial.toSVG();
  }

  /** The initial frame rasterised to PNG (see {@link Figure.toPNG}). */
  toPNG(options?: PNGOptions): Uint8Array {
    return this.initial.toPNG(options);
  }

  /** Write the widget: `.html` (standalone interactive page), or the initial frame as `.svg` / `.png`. */
  async save(path: string): Promise<void> {
    const ext = path.slice(path.lastIndexOf(".") + 1).toLowerCase();
    if (ext === "html") await Deno.writeTextFile(path, this.toPage());
    else if (ext === "svg" || ext === "png") await this.initial.save(path);
    else throw new Error(`Cannot save an interactive figure as ".${ext}": use .html, .svg or .png`);
  }

  /** The MIME bundle: interactive HTML, PNG of the initial frame, plain text. */
  toMimeBundle(): MimeBundle {
    return {
      "text/html": this.#html,
      ...(rasteriserLoaded() ? { "image/png": base64(this.toPNG()) } : {}),
      "text/plain": escapeText(
        `${this.description} (interactive: ${this.names.join(", ")}; ${this.stats.frames} ${
          this.mode === "data" ? "slider positions, drawn from data" : "frames"
        })`,
      ),
    };
  }

  /** Deno's Jupyter display hook (`Symbol.for("Jupyter.display")`): the same bundle as `toMimeBundle()`. */
  [DISPLAY](): MimeBundle {
    return this.toMimeBundle();
  }
}
