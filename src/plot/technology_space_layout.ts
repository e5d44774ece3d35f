/**
 * Layout of the technology space (product space): sectors as nodes placed by classical multidimensional
 * scaling of the distance 1 − φ (Torgerson 1952; deterministic, no random layout), and as links the maximum
 * spanning tree of φ plus every link with φ ≥ a threshold (Hidalgo et al. 2007 draw the MST and φ ≥ 0.55).
 * @module
 */
import { ValidationError } from "../core/validation_error.ts";
import type { Lang } from "../core/i18n.ts";
import type { Matrix, Series } from "../indicators/matrix.ts";
import { lanczosEigen } from "../core/linalg/lanczos.ts";
import { checkNames, displayName, type Names, withNames } from "./names.ts";
import { checkSymmetric } from "../indicators/input.ts";

/** Options of {@link technologySpaceLayout}. */
export interface TechnologySpaceLayoutOptions {
  /** Sectors to highlight (e.g. where a region has RTA ≥ 1). */
  readonly highlight?: readonly string[];
  /** Links drawn besides the maximum spanning tree: φ ≥ threshold (default: the 90th percentile of the
   * off-diagonal φ — a design choice; Hidalgo et al. 2007 used 0.55 on trade). */
  readonly threshold?: number;
  /** Node size per sector (e.g. ubiquity or PCI shifted to positive); default equal sizes. */
  readonly size?: Series;
  /** Display names of sectors (e.g. Chinese field names); default the sector labels. */
  readonly names?: Names;
  /** Language of bilingual `names` (default "en"). */
  readonly lang?: Lang;
  /** @deprecated Use `names`: 0.1's display names of sectors, merged into `names`. */
  readonly labels?: Readonly<Record<string, string>>;
}

/** Node of the layout. */
export interface TechnologySpaceNode {
  /** The sector's label in the proximity matrix. */
  readonly sector: string;
  /** Display label (from the `names` option; default the sector). */
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

/** The layout: nodes, links and the threshold used. */
export interface TechnologySpaceLayout {
  /** One node per sector, in matrix order. */
  readonly nodes: TechnologySpaceNode[];
  /** The spanning tree's links and the links with φ ≥ threshold, strongest first. */
  readonly links: TechnologySpaceLink[];
  /** The φ threshold of the extra links. */
  readonly threshold: number;
}

/**
 * Classical MDS (Torgerson 1952) of the distances D = 1 − φ̄ (φ̄ the symmetrised proximity, 0 on the
 * diagonal): the top two eigenvectors of B = −½ J D² J, each scaled by √λ and its sign fixed so that its
 * largest coordinate is positive.
 */
function classicalMDS(p: Float64Array, n: number): Float64Array[] {
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
  return [0, 1].map((k) => {
    const v = eig.vectors.subarray(k * n, (k + 1) * n);
    const scale = Math.sqrt(Math.max(0, eig.values[k] ?? 0));
    let big = 0;
    for (let i = 0; i < n; i++) if (Math.abs(v[i]!) > Math.abs(v[big]!)) big = i;
    const sgn = v[big]! < 0 ? -1 : 1;
    return Float64Array.from(v, (x) => sgn * scale * x);
  });
}

/** The 90th percentile of the off-diagonal upper-triangle φ (the default threshold). */
function percentile90(p: Float64Array, n: number): number {
  const off: number[] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off.push(p[i * n + j]!);
  off.sort((a, b) => a - b);
  return off[Math.min(off.length - 1, Math.floor(0.9 * off.length))]!;
}

/**
 * Pairs (i < j) of the maximum spanning tree (Kruskal: strongest φ first, ties by index) and every other
 * pair with φ ≥ threshold, strongest first.
 */
function spanningPairs(p: Float64Array, n: number, threshold: number): [number, number, number, boolean][] {
  const pairs: [number, number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) pairs.push([i, j, p[i * n + j]!]);
  pairs.sort((a, b) => b[2] - a[2] || a[0] - b[0] || a[1] - b[1]);
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
  const out: [number, number, number, boolean][] = [];
  for (const [i, j, v] of pairs) {
    const a = find(i), c = find(j);
    const inTree = a !== c;
    if (inTree) parent[a] = c;
    if (inTree || v >= threshold) out.push([i, j, v, inTree]);
  }
  return out;
}

/**
 * Deterministic layout of the technology space: classical MDS coordinates (top two eigenvectors of
 * −½ J D² J with D = 1 − φ, each scaled by √λ and its sign fixed so the largest coordinate is positive),
 * and the links (maximum spanning tree by Kruskal + φ ≥ threshold).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { matrixFrom } from "clusterlab";
 * import { technologySpaceLayout } from "clusterlab/advanced";
 * const phi = matrixFrom([[0, 0.9, 0.1], [0.9, 0, 0.2], [0.1, 0.2, 0]], {
 *   rows: ["a", "b", "c"], cols: ["a", "b", "c"],
 * });
 * const { nodes, links, threshold } = technologySpaceLayout(phi, { names: { a: "Alpha" } });
 * // the spanning tree a–b, b–c; the 90th percentile of φ (0.9) adds no other link
 * assert.deepEqual(links.map((l) => [l.source, l.target, l.mst]), [["a", "b", true], ["b", "c", true]]);
 * assert.equal(threshold, 0.9);
 * assert.equal(nodes[0]!.label, "Alpha");
 * // MDS keeps the distances 1 − φ: a and b (φ = 0.9) are 0.1 apart
 * assert.ok(Math.abs(Math.hypot(nodes[0]!.x - nodes[1]!.x, nodes[0]!.y - nodes[1]!.y) - 0.1) < 1e-9);
 * ```
 */
export function technologySpaceLayout(
  phi: Matrix,
  options01: TechnologySpaceLayoutOptions = {},
): TechnologySpaceLayout {
  const options = withNames("options of technologySpaceChart", options01, ["labels"]);
  const n = phi.nrow;
  if (phi.ncol !== n || phi.rows.some((l, i) => l !== phi.cols[i]) || n < 3) {
    throw new ValidationError("input of technologySpaceChart", [{
      column: "phi",
      expected: "a square sector × sector proximity matrix with at least 3 sectors",
      received: `${phi.nrow} × ${phi.ncol}`,
    }]);
  }
  checkNames(options.names, "options of technologySpaceChart");
  checkSymmetric(phi.data, phi.rows, "input of technologySpaceChart", { nonNegative: true });
  const p = phi.data;
  const coord = classicalMDS(p, n);
  const threshold = options.threshold ?? percentile90(p, n);
  const hl = new Set(options.highlight ?? []);
  const nodes: TechnologySpaceNode[] = phi.rows.map((s, i) => ({
    sector: s,
    label: displayName(options.names, s, options.lang ?? "en"),
    x: coord[0]![i]!,
    y: coord[1]![i]!,
    highlighted: hl.has(s),
    size: options.size ? options.size.get(s) : 1,
  }));
  const links = spanningPairs(p, n, threshold).map(([i, j, v, mst]): TechnologySpaceLink => ({
    source: phi.rows[i]!,
    target: phi.rows[j]!,
    phi: v,
    x1: nodes[i]!.x,
    y1: nodes[i]!.y,
    x2: nodes[j]!.x,
    y2: nodes[j]!.y,
    mst,
  }));
  return { nodes, links, threshold };
}
