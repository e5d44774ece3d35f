/**
 * Technology space (product space) chart 技术空间图: the layout of {@link technologySpaceLayout} (classical MDS
 * of 1 − φ, Torgerson 1952; maximum spanning tree plus strong links, Hidalgo et al. 2007) with the sectors a
 * region is specialised in highlighted.
 * @module
 */
import { Plot } from "../deps/lazy.ts";
import type { Lang } from "../core/i18n.ts";
import type { Matrix } from "../indicators/matrix.ts";
import { type Figure, plot } from "./figure.ts";
import { textWidth } from "./chart_input.ts";
import {
  technologySpaceLayout,
  type TechnologySpaceLayoutOptions,
  type TechnologySpaceLink,
  type TechnologySpaceNode,
} from "./technology_space_layout.ts";

/** Options of {@link technologySpaceChart}. */
export interface TechnologySpaceChartOptions extends TechnologySpaceLayoutOptions {
  /** Name of what is highlighted, shown in the title ("China"). */
  readonly highlightName?: string;
  /** Language of the title, axis labels and legend (default "en"). */
  readonly lang?: Lang;
  /** Width in pixels (default 760). */
  readonly width?: number;
  /** Height in pixels (default 560). */
  readonly height?: number;
  /**
   * Draw node labels: true every node, false none; default every node when ≤ 60 sectors, else the
   * {@link TechnologySpaceChartOptions.labelLimit} most central highlighted sectors (the most central of
   * all when none is highlighted), named in the caption.
   */
  readonly showLabels?: boolean;
  /** How many nodes a large space labels by default (default 20; see `showLabels`). */
  readonly labelLimit?: number;
  /** Source line under the chart, e.g. "Source: …" (default none); drawn in the HTML, the standalone SVG
   * and the PNG. */
  readonly source?: string;
}

const TEXT = {
  title: { en: "Technology space", zh: "技术空间" },
  of: { en: "specialisations of", zh: "的专业化领域" },
  yes: { en: "specialised (RTA ≥ 1)", zh: "具有专业化优势（RTA ≥ 1）" },
  no: { en: "not specialised", zh: "无专业化优势" },
  x: { en: "MDS dimension 1", zh: "多维尺度第1维" },
  labelledHighlighted: {
    en: (k: number, n: number) =>
      `Labels: ${k} of the ${n} specialised sectors, the most central first (by link strength; overlapping labels left out)`,
    zh: (k: number, n: number) => `标注：${n} 个专业化领域中的 ${k} 个，按关联强度从高到低（重叠的标注省略）`,
  },
  labelledCentral: {
    en: (k: number) =>
      `Labels: ${k} sectors, the most central first (by link strength; overlapping labels left out)`,
    zh: (k: number) => `标注：${k} 个领域，按关联强度从高到低（重叠的标注省略）`,
  },
  y: { en: "MDS dimension 2", zh: "多维尺度第2维" },
};

/**
 * Horizontal insets (px) that keep the centred node labels (9 px font) inside the chart: each label is
 * about 5 px per Latin character and 9 px per CJK character wide, centred on its node.
 */
function labelInsets(nodes: readonly TechnologySpaceNode[], width: number): { left: number; right: number } {
  const half = nodes.map((d) => textWidth(d.label, 5, 9) / 2 + 4);
  let lo = Infinity, hi = -Infinity;
  for (const d of nodes) {
    lo = Math.min(lo, d.x);
    hi = Math.max(hi, d.x);
  }
  const range = hi - lo || 1;
  let left = 30, right = 30;
  for (let pass = 0; pass < 4; pass++) {
    const inner = Math.max(1, width - left - right);
    let needL = 30, needR = 30;
    nodes.forEach((d, i) => {
      const px = ((d.x - lo) / range) * inner;
      needL = Math.max(needL, half[i]! - px);
      needR = Math.max(needR, half[i]! - (inner - px));
    });
    // never give the labels more than a third of the width on each side
    left = Math.min(needL, width / 3);
    right = Math.min(needR, width / 3);
  }
  return { left, right };
}

/**
 * The sectors a large space labels: up to `limit` of the most central highlighted ones (centrality: the
 * sum of φ over the node's drawn links, ties by matrix order), or of all when none is highlighted, taken
 * in that order and skipping a label that would overlap one already taken (`place`: the node's position
 * in px); with the caption that says so.
 */
export function keyNodes(
  nodes: readonly TechnologySpaceNode[],
  links: readonly TechnologySpaceLink[],
  limit: number,
  lang: Lang,
  place: (d: TechnologySpaceNode) => { x: number; y: number },
): { labelled: Set<string>; caption: string } {
  const strength = new Map(nodes.map((d) => [d.sector, 0]));
  for (const l of links) {
    strength.set(l.source, strength.get(l.source)! + l.phi);
    strength.set(l.target, strength.get(l.target)! + l.phi);
  }
  const highlighted = nodes.filter((d) => d.highlighted);
  const pool = highlighted.length ? highlighted : nodes;
  const order = pool.map((d, i) => ({ d, i })).sort((a, b) =>
    strength.get(b.d.sector)! - strength.get(a.d.sector)! || a.i - b.i
  );
  // greedy: the most central first, skipping a label that would overlap one already placed
  const boxes: { x0: number; x1: number; y0: number; y1: number }[] = [];
  const picked: string[] = [];
  for (const { d } of order) {
    if (picked.length >= limit) break;
    const p = place(d), half = textWidth(d.label, 5, 9) / 2 + 2;
    const box = { x0: p.x - half, x1: p.x + half, y0: p.y - 17, y1: p.y - 5 };
    if (boxes.some((b) => b.x0 < box.x1 && box.x0 < b.x1 && b.y0 < box.y1 && box.y0 < b.y1)) continue;
    boxes.push(box);
    picked.push(d.sector);
  }
  const caption = highlighted.length
    ? TEXT.labelledHighlighted[lang](picked.length, highlighted.length)
    : TEXT.labelledCentral[lang](picked.length);
  return { labelled: new Set(picked), caption };
}

/**
 * Where a node lands in px, as the chart draws it (no margins: the frame is the chart, inset `left` and
 * `right` px horizontally and 30 px vertically, y up), for placing labels apart.
 */
function pixelPlace(
  nodes: readonly TechnologySpaceNode[],
  size: { width: number; height: number; left: number; right: number },
) {
  const xs = nodes.map((d) => d.x), ys = nodes.map((d) => d.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const sx = (size.width - size.left - size.right) / (x1 - x0 || 1), sy = (size.height - 60) / (y1 - y0 || 1);
  return (d: TechnologySpaceNode) => ({
    x: size.left + (d.x - x0) * sx,
    y: size.height - 30 - (d.y - y0) * sy,
  });
}

/** @deprecated Use {@link TechnologySpaceChartOptions} (0.1's name of the options of both chart and layout). */
export type TechnologySpaceOptions = TechnologySpaceChartOptions;

/**
 * Draw the technology space of a sector × sector proximity matrix φ with a region's specialisations
 * highlighted (see {@link technologySpaceLayout} for the layout; the chart is deterministic).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { locationQuotient, matrixFrom, presence, proximity, technologySpaceChart } from "clusterlab";
 * const x = matrixFrom([[9, 1, 1, 1], [1, 9, 9, 1], [1, 1, 9, 9], [5, 5, 5, 5]], {
 *   rows: ["China", "Japan", "Korea", "US"], cols: ["a", "b", "c", "d"],
 * });
 * const M = presence(locationQuotient(x));
 * const highlight = M.cols.filter((s) => M.get("China", s) === 1);
 * const fig = technologySpaceChart(proximity(M), { highlight, highlightName: "中国", lang: "zh" });
 * assert.ok(fig.toHTML().includes("技术空间：中国的专业化领域"));
 * assert.equal(fig.toSVG().match(/<circle/g)?.length, 4); // one node per sector
 * assert.equal(fig.toSVG().match(/fill="#d62728"/g)?.length, highlight.length); // China's sectors in red
 * ```
 */
export function technologySpaceChart(phi: Matrix, options: TechnologySpaceChartOptions = {}): Figure {
  const lang = options.lang ?? "en";
  const { nodes, links } = technologySpaceLayout(phi, options);
  const all = options.showLabels ?? nodes.length <= 60;
  const width = options.width ?? 760, height = options.height ?? 560;
  // a large space: the insets that fit every candidate label, used to place the labels and to draw them
  const candidates = nodes.some((d) => d.highlighted) ? nodes.filter((d) => d.highlighted) : nodes;
  const keyInsets = options.showLabels === undefined && !all ? labelInsets(candidates, width) : undefined;
  const key = keyInsets
    ? keyNodes(
      nodes,
      links,
      options.labelLimit ?? 20,
      lang,
      pixelPlace(nodes, { width, height, ...keyInsets }),
    )
    : undefined;
  const labelled = all ? nodes : key ? nodes.filter((d) => key.labelled.has(d.sector)) : [];
  const showLabels = labelled.length > 0;
  const missing = (options.highlight ?? []).filter((s) => !phi.rows.includes(s));
  const title = options.highlightName
    ? (lang === "zh"
      ? `${TEXT.title.zh}：${options.highlightName}${TEXT.of.zh}`
      : `${TEXT.title.en}: ${TEXT.of.en} ${options.highlightName}`)
    : TEXT.title[lang];
  const status = (d: TechnologySpaceNode) => (d.highlighted ? TEXT.yes[lang] : TEXT.no[lang]);
  const { left, right } = keyInsets ?? (showLabels ? labelInsets(labelled, width) : { left: 30, right: 30 });
  return plot({
    source: options.source,
    width,
    height,
    title,
    ...(key ? { caption: key.caption } : {}),
    inset: 30,
    insetLeft: left,
    insetRight: right,
    x: { axis: null, label: TEXT.x[lang] },
    y: { axis: null, label: TEXT.y[lang] },
    r: { range: [4, 12] },
    color: { domain: [TEXT.yes[lang], TEXT.no[lang]], range: ["#d62728", "#c7c7c7"], legend: true },
    marks: [
      Plot.link(links, {
        x1: "x1",
        y1: "y1",
        x2: "x2",
        y2: "y2",
        stroke: (d: TechnologySpaceLink) => (d.mst ? "#888" : "#bbb"),
        strokeWidth: (d: TechnologySpaceLink) => 0.5 + 2 * d.phi,
        strokeOpacity: 0.7,
      }),
      Plot.dot(nodes, {
        x: "x",
        y: "y",
        r: options.size ? "size" : 6,
        fill: status,
        stroke: "white",
        title: (d: TechnologySpaceNode) => `${d.label}: ${status(d)}`,
      }),
      ...(showLabels
        ? [Plot.text(labelled, {
          x: "x",
          y: "y",
          text: "label",
          dy: -10,
          fontSize: 9,
          fill: (d: TechnologySpaceNode) => (d.highlighted ? "#a01010" : "#555"),
        })]
        : []),
    ],
    description: title,
    warnings: missing.length
      ? [
        `highlight: ${missing.length} sector(s) not in the matrix, not drawn: ${
          missing.slice(0, 10).join(", ")
        }`,
      ]
      : [],
  });
}
