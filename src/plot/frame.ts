/**
 * The frame of a chart that stands alone in its PNG: title and subtitle above the plot, legend rows and a
 * source line below it, all drawn as SVG text (Plot's own `title`, `subtitle`, `caption` and categorical
 * legends are HTML, which the PNG of a figure does not contain). Internal to the plot room.
 * @module
 */
import { Plot } from "../deps/lazy.ts";
import type * as PlotT from "../deps/plot.ts";

/** Height the header needs above the plot frame (the chart's `marginTop` at least). */
export const HEADER_HEIGHT = 58;

/** Approximate width in px of `s` at `size` px (Latin ≈ 0.56 em, CJK 1 em). */
export function textWidth(s: string, size: number): number {
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0)! >= 0x2e80 ? size : 0.56 * size;
  return w;
}

/** Title (15 px bold) and subtitle (11 px) at the top left, in the margin above the plot frame. */
export function headerMarks(title: string, subtitle: string): PlotT.Markish[] {
  return [
    Plot.text([title], {
      frameAnchor: "top-left",
      dy: -40,
      textAnchor: "start",
      fontSize: 15,
      fontWeight: "bold",
      fill: "#222",
    }),
    Plot.text([subtitle], {
      frameAnchor: "top-left",
      dy: -20,
      textAnchor: "start",
      fontSize: 11,
      fill: "#555",
    }),
  ];
}

/**
 * Legend entries (a dot and a text each) in rows under the plot frame, wrapped at `width`, then the source
 * line; `height` is the bottom margin they need. `offset` is extra space above the legend (e.g. for an x
 * axis).
 */
export function footerMarks(
  entries: readonly { label: string; color: string }[],
  source: string,
  width: number,
  offset = 0,
): { marks: PlotT.Markish[]; height: number } {
  const marks: PlotT.Markish[] = [];
  let dx = 0, row = 0;
  for (const e of entries) {
    const w = 16 + textWidth(e.label, 11) + 18;
    if (dx > 0 && dx + w > width - 32) {
      dx = 0;
      row++;
    }
    const dy = offset + 22 + 17 * row;
    marks.push(
      Plot.dot([0], {
        frameAnchor: "bottom-left",
        dx: dx + 5,
        dy: dy - 2,
        r: 5,
        fill: e.color,
        stroke: "white",
      }),
      Plot.text([e.label], {
        frameAnchor: "bottom-left",
        dx: dx + 14,
        dy,
        textAnchor: "start",
        fontSize: 11,
        fill: "#333",
      }),
    );
    dx += w;
  }
  const dy = offset + 22 + 17 * (row + 1) + (entries.length ? 4 : -17);
  marks.push(
    Plot.text([source], { frameAnchor: "bottom-left", dy, textAnchor: "start", fontSize: 10, fill: "#666" }),
  );
  return { marks, height: dy + 10 };
}
