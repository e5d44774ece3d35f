/**
 * Technology space (product space) chart 技术空间图: sectors as nodes placed by classical multidimensional
 * scaling of the distance 1 − φ (Torgerson 1952; deterministic, no random layout), links of the maximum
 * spanning tree of φ plus every link with φ ≥ a threshold (Hidalgo et al. 2007 draw the MST and φ ≥ 0.55),
 * and the sectors a region is specialised in highlighted.
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { Lang } from "../i18n.ts";
import { ValidationError } from "../data/validation_error.ts";
import type { Matrix, Series } from "../indicators/matrix.ts";
import { lanczosEigen } from "../indicators/spectral.ts";
import { type Figure, plot } from "./figure.ts";

/** Options of {@link technologySpaceChart}. */
export interface TechnologySpaceOptions {
  /** Sectors to highlight (e.g. where a region has RTA ≥ 1). */
  readonly highlight?: readonly string[];
  /** Name of what is highlighted, shown in the title ("China"). */
  readonly highlightName?: string;
  /** Links drawn besides the maximum spanning tree: φ ≥ threshold (default: the 90th percentile of the
   * off-diagonal φ — a design choice; Hidalgo et al. 2007 used 0.55 on trade). */
  readonly threshold?: number;
  /** Node size per sector (e.g. ubiquity or PCI shifted to positive); default equal sizes. */
  readonly size?: Series;
  /** Display label per sector (e.g. Chinese field names); default the sector label. */
  readonly labels?: Readonly<Record<string, string>>;
  /** Language of the title, axis labels and legend (default "en"). */
  readonly lang?: Lang;
  /** Width in pixels (default 760). */
  readonly width?: number;
  /** Height in pixels (default 560). */
  readonly height?: number;
  /** Draw node labels (default true when ≤ 60 sectors). */
  readonly showLabels?: boolean;
}

/** Node of the layout. */
export interface TechnologySpaceNode {
  /** The sector's label in the proximity matrix. */
  readonly sector: string;
  /** Display label (from the `labels` option; default the sector). */
  readonly label: string;
  /** First classical-MDS coordinate (√λ₁-scaled, in units of the distance 1 − φ). */
  readonly x: number;
  /** Second classical-MDS coordinate (√λ₂-scaled). */
  readonly y: number;
  /** Is the sector in the `highlight` option? */
  readonly highlighted: boolean;
  /** Node size: the `size` series' value for the sector (default 1). */
  readonly size: number;
}

/** Link of the layout. */
export interface TechnologySpaceLink {
  /** First sector of the pair (earlier in the matrix order). */
  readonly source: string;
  /** Second sector of the pair. */
  readonly target: string;
  /** Proximity φ of the pair (the matrix entry source → target). */
  readonly phi: number;
  /** x of `source`. */
  readonly x1: number;
  /** y of `source`. */
  readonly y1: number;
  /** x of `target`. */
  readonly x2: number;
  /** y of `target`. */
  readonly y2: number;
  /** Is the link in the maximum spanning tree (false: added because φ ≥ threshold)? */
  readonly mst: boolean;
}

const TEXT = {
  title: { en: "Technology space", zh: "技术空间" },
  of: { en: "specialisations of", zh: "的专业化领域" },
  yes: { en: "specialised (RTA ≥ 1)", zh: "具有专业化优势（RTA ≥ 1）" },
  no: { en: "not specialised", zh: "无专业化优势" },
  x: { en: "MDS dimension 1", zh: "多维尺度第1维" },
  y: { en: "MDS dimension 2", zh: "多维尺度第2维" },
};

/**
 * Deterministic layout of the technology space: classical MDS coordinates (top two eigenvectors of
 * −½ J D² J with D = 1 − φ, each scaled by √λ and its sign fixed so the largest coordinate is positive),
 * and the links (maximum spanning tree by Kruskal + φ ≥ threshold).
 *
 * @example
 * ```ts
 * import { matrixFrom, technologySpaceLayout } from "clusterlab";
 * const phi = matrixFrom([[0, 0.9, 0.1], [0.9, 0, 0.2], [0.1, 0.2, 0]], { rows: ["a", "b", "c"], cols: ["a", "b", "c"] });
 * technologySpaceLayout(phi).links.length; // 2 (the spanning tree a–b, b–c; 0.9 ≥ the 90th percentile adds nothing new)
 * ```
 */
export function technologySpaceLayout(
  phi: Matrix,
  options: TechnologySpaceOptions = {},
): { nodes: TechnologySpaceNode[]; links: TechnologySpaceLink[]; threshold: number } {
  const n = phi.nrow;
  if (phi.ncol !== n || phi.rows.some((l, i) => l !== phi.cols[i]) || n < 3) {
    throw new ValidationError("input of technologySpaceChart", [{
      column: "phi",
      expected: "a square sector × sector proximity matrix with at least 3 sectors",
      received: `${phi.nrow} × ${phi.ncol}`,
    }]);
  }
  const p = phi.data;
  // classical MDS: B = −½ J D² J
  const d2 = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const s = i === j ? 1 : (p[i * n + j]! + p[j * n + i]!) / 2;
      d2[i * n + j] = (1 - s) ** 2;
    }
  }
  const rm = new Float64Array(n);
  let all = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) rm[i]! += d2[i * n + j]! / n;
    all += rm[i]! / n;
  }
  const b = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) b[i * n + j] = -0.5 * (d2[i * n + j]! - rm[i]! - rm[j]! + all);
  }
  const eig = lanczosEigen(
    (x, out) => {
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += b[i * n + j]! * x[j]!;
        out[i] = s;
      }
    },
    n,
    { count: 2 },
  );
  const coord = [0, 1].map((k) => {
    const v = eig.vectors.subarray(k * n, (k + 1) * n);
    const scale = Math.sqrt(Math.max(0, eig.values[k] ?? 0));
    let big = 0;
    for (let i = 0; i < n; i++) if (Math.abs(v[i]!) > Math.abs(v[big]!)) big = i;
    const sgn = v[big]! < 0 ? -1 : 1;
    return Float64Array.from(v, (x) => sgn * scale * x);
  });
  const off: number[] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off.push(p[i * n + j]!);
  off.sort((a, b) => a - b);
  const threshold = options.threshold ?? off[Math.min(off.length - 1, Math.floor(0.9 * off.length))]!;
  // Kruskal maximum spanning tree
  const pairs: [number, number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) pairs.push([i, j, p[i * n + j]!]);
  pairs.sort((a, b) => b[2] - a[2] || a[0] - b[0] || a[1] - b[1]);
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
  const hl = new Set(options.highlight ?? []);
  const nodes: TechnologySpaceNode[] = phi.rows.map((s, i) => ({
    sector: s,
    label: options.labels?.[s] ?? s,
    x: coord[0]![i]!,
    y: coord[1]![i]!,
    highlighted: hl.has(s),
    size: options.size ? options.size.get(s) : 1,
  }));
  const links: TechnologySpaceLink[] = [];
  for (const [i, j, v] of pairs) {
    const a = find(i), c = find(j);
    const inTree = a !== c;
    if (inTree) parent[a] = c;
    if (inTree || v >= threshold) {
      links.push({
        source: phi.rows[i]!,
        target: phi.rows[j]!,
        phi: v,
        x1: nodes[i]!.x,
        y1: nodes[i]!.y,
        x2: nodes[j]!.x,
        y2: nodes[j]!.y,
        mst: inTree,
      });
    }
  }
  return { nodes, links, threshold };
}

/**
 * Horizontal insets (px) that keep the centred node labels (9 px font) inside the chart: each label is
 * about 5 px per Latin character and 9 px per CJK character wide, centred on its node.
 */
function labelInsets(nodes: readonly TechnologySpaceNode[], width: number): { left: number; right: number } {
  const half = nodes.map((d) =>
    [...d.label].reduce((w, ch) => w + (ch.codePointAt(0)! >= 0x2e80 ? 9 : 5), 0) / 2 + 4
  );
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
 * Draw the technology space of a sector × sector proximity matrix φ with a region's specialisations
 * highlighted (see {@link technologySpaceLayout} for the layout; the chart is deterministic).
 *
 * @example
 * ```ts ignore
 * import { presence, locationQuotient, proximity, technologySpaceChart } from "clusterlab";
 * const M = presence(locationQuotient(x));
 * technologySpaceChart(proximity(M), { highlight: M.cols.filter((s) => M.get("China", s) === 1), highlightName: "China" });
 * ```
 */
export function technologySpaceChart(phi: Matrix, options: TechnologySpaceOptions = {}): Figure {
  const lang = options.lang ?? "en";
  const { nodes, links } = technologySpaceLayout(phi, options);
  const showLabels = options.showLabels ?? nodes.length <= 60;
  const title = options.highlightName
    ? (lang === "zh"
      ? `${TEXT.title.zh}：${options.highlightName}${TEXT.of.zh}`
      : `${TEXT.title.en}: ${TEXT.of.en} ${options.highlightName}`)
    : TEXT.title[lang];
  const status = (d: TechnologySpaceNode) => (d.highlighted ? TEXT.yes[lang] : TEXT.no[lang]);
  const width = options.width ?? 760;
  const { left, right } = showLabels ? labelInsets(nodes, width) : { left: 30, right: 30 };
  return plot({
    width,
    height: options.height ?? 560,
    title,
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
        ? [Plot.text(nodes, {
          x: "x",
          y: "y",
          text: "label",
          dy: -10,
          fontSize: 9,
          fill: (d: TechnologySpaceNode) => (d.highlighted ? "#a01010" : "#555"),
        })]
        : []),
    ],
  }, title);
}
