/**
 * Spatial weights 空间权重: who is a neighbour of whom, and how much each neighbour counts. One
 * {@link SpatialWeights} object is shared by every spatial statistic ({@link moranI}, {@link localMoran}),
 * as PySAL's `W` and spdep's `listw` are.
 *
 * Styles follow spdep (`nb2listw(style = …)`, Bivand & Wong 2018) and PySAL (`w.transform`): `"B"` binary
 * (w_ij = 1 for each neighbour), `"W"` row-standardised (w_ij = 1/k_i, each row sums to 1; the default).
 * A region without neighbours (an island) keeps a zero row in either style (spdep's `zero.policy = TRUE`);
 * islands are listed in {@link SpatialWeights.islands} and in a warning.
 * @module
 */
import type { Bilingual, Lang } from "../../core/i18n.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../../core/validation_error.ts";
import { listLabels } from "../../core/checks.ts";

/** How a region's neighbours are weighted: `"W"` row-standardised (1/k_i), `"B"` binary (1). */
export type WeightsStyle = "W" | "B";

/** The weighting styles, in the order spdep's documentation lists them. */
export const WEIGHTS_STYLES: readonly WeightsStyle[] = ["W", "B"];

/** A neighbour list: region id → ids of its neighbours (need not be symmetric). */
export type NeighbourList = Readonly<Record<string, readonly string[]>>;

/** Options of {@link spatialWeights}. */
export interface SpatialWeightsOptions {
  /** `"W"` row-standardised (default, as spdep's `nb2listw`) or `"B"` binary. */
  readonly style?: WeightsStyle;
}

/** The regions' order, neighbour indices and weights of a {@link SpatialWeights} (compressed rows). */
export interface SparseWeights {
  /** Region ids; index i of every array below is `ids[i]`. */
  readonly ids: readonly string[];
  /** Row i's neighbours are `indices[offsets[i]] … indices[offsets[i + 1] − 1]` (ascending). */
  readonly offsets: Int32Array;
  /** Neighbour indices, row by row. */
  readonly indices: Int32Array;
}

/**
 * Spatial weights in compressed sparse rows: `ids`, `offsets`, `indices`, `weights`, with the constants of
 * Cliff & Ord (1981, p. 19) that the moments of Moran's I need: S0 = Σ_ij w_ij,
 * S1 = ½ Σ_ij (w_ij + w_ji)², S2 = Σ_i (w_i· + w_·i)². Build one with {@link spatialWeights} or a builder
 * (`spatialWeightsFromGrid`, `spatialWeightsFromGeoJSON`, `spatialWeightsFromPoints`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { spatialWeights } from "clusterlab";
 * const W = spatialWeights({ a: ["b"], b: ["a", "c"], c: ["b"] });
 * assert.deepEqual(W.neighbours("b"), ["a", "c"]);
 * assert.equal(W.weight("b", "c"), 0.5);
 * assert.equal(W.S0, 3); // row-standardised: S0 = number of regions with neighbours
 * ```
 */
export class SpatialWeights implements SparseWeights {
  /** Region ids in the order of the arrays. */
  readonly ids: readonly string[];
  /** Row offsets (length n + 1). */
  readonly offsets: Int32Array;
  /** Neighbour indices, ascending within each row. */
  readonly indices: Int32Array;
  /** Weight of each stored neighbour (aligned with `indices`). */
  readonly weights: Float64Array;
  /** The style the weights were built in. */
  readonly style: WeightsStyle;
  /** Regions without neighbours (zero rows). */
  readonly islands: readonly string[];
  /** Notes about the weights: islands, asymmetry. */
  readonly warnings: readonly string[];
  /** S0 = Σ_ij w_ij. */
  readonly S0: number;
  /** S1 = ½ Σ_ij (w_ij + w_ji)². */
  readonly S1: number;
  /** S2 = Σ_i (w_i· + w_·i)². */
  readonly S2: number;
  /** True when j is a neighbour of i exactly when i is a neighbour of j. */
  readonly symmetric: boolean;
  /** How the neighbours were found ("neighbour list", "rook contiguity of a grid", "k = 8 nearest …"), en/zh. */
  readonly rule: Bilingual;
  readonly #index: Map<string, number>;

  /**
   * Weights from a binary neighbour structure (`ids`, `offsets`, `indices`, each row's indices ascending,
   * no self-neighbour) in `style`; `notes` become warnings, `rule` says how the neighbours were found. Use
   * {@link spatialWeights} or a builder rather than this constructor.
   */
  constructor(
    sparse: SparseWeights,
    style: WeightsStyle,
    notes: readonly string[] = [],
    rule: Bilingual = { en: "neighbour list", zh: "邻接表" },
  ) {
    this.rule = rule;
    this.ids = sparse.ids;
    this.offsets = sparse.offsets;
    this.indices = sparse.indices;
    this.style = style;
    this.#index = new Map(sparse.ids.map((id, i) => [id, i]));
    const n = sparse.ids.length;
    const w = new Float64Array(sparse.indices.length);
    const islands: string[] = [];
    for (let i = 0; i < n; i++) {
      const a = sparse.offsets[i]!, b = sparse.offsets[i + 1]!;
      if (a === b) islands.push(sparse.ids[i]!);
      for (let p = a; p < b; p++) w[p] = style === "W" ? 1 / (b - a) : 1;
    }
    this.weights = w;
    this.islands = islands;
    const c = constants(this);
    this.S0 = c.S0;
    this.S1 = c.S1;
    this.S2 = c.S2;
    this.symmetric = c.asymmetricPairs === 0;
    const warnings = [...notes];
    if (islands.length > 0) {
      warnings.push(
        `${islands.length} region${islands.length === 1 ? " has" : "s have"} no neighbour (island${
          islands.length === 1 ? "" : "s"
        }: ${listLabels(islands)}); ${islands.length === 1 ? "its" : "their"} weights row is zero`,
      );
    }
    if (c.asymmetricPairs > 0) {
      warnings.push(
        `the neighbour relation is not symmetric: ${c.asymmetricPairs} pair${
          c.asymmetricPairs === 1 ? "" : "s"
        } (i lists j, j does not list i)`,
      );
    }
    this.warnings = warnings;
  }

  /** Number of regions. */
  get n(): number {
    return this.ids.length;
  }

  /** Position of `id` in {@link SpatialWeights.ids}, or -1. */
  indexOf(id: string): number {
    return this.#index.get(id) ?? -1;
  }

  /** The neighbours of `id` (a {@link ValidationError} for an unknown id). */
  neighbours(id: string): string[] {
    const i = this.#require(id);
    const out: string[] = [];
    for (let p = this.offsets[i]!; p < this.offsets[i + 1]!; p++) out.push(this.ids[this.indices[p]!]!);
    return out;
  }

  /** The weight w_ij of `to` in the row of `from` (0 when not a neighbour). */
  weight(from: string, to: string): number {
    const i = this.#require(from), j = this.#require(to);
    const p = findIndex(this.indices, this.offsets[i]!, this.offsets[i + 1]!, j);
    return p < 0 ? 0 : this.weights[p]!;
  }

  /** Number of neighbours of each region, in the order of `ids`. */
  cardinalities(): Int32Array {
    const k = new Int32Array(this.n);
    for (let i = 0; i < this.n; i++) k[i] = this.offsets[i + 1]! - this.offsets[i]!;
    return k;
  }

  /** The spatial lag (Wx)_i = Σ_j w_ij x_j of values given in the order of `ids`. */
  lag(x: ArrayLike<number>): Float64Array {
    const out = new Float64Array(this.n);
    for (let i = 0; i < this.n; i++) {
      let s = 0;
      for (let p = this.offsets[i]!; p < this.offsets[i + 1]!; p++) {
        s += this.weights[p]! * x[this.indices[p]!]!;
      }
      out[i] = s;
    }
    return out;
  }

  /** The same neighbours in another style. */
  withStyle(style: WeightsStyle): SpatialWeights {
    return style === this.style
      ? this
      : new SpatialWeights(this, checkStyle(style, "withStyle"), [], this.rule);
  }

  /** The neighbour list as a plain record (id → neighbour ids), e.g. to save or to pass to spdep. */
  toNeighbourList(): Record<string, string[]> {
    return Object.fromEntries(this.ids.map((id) => [id, this.neighbours(id)]));
  }

  #require(id: string): number {
    const i = this.#index.get(id);
    if (i === undefined) {
      throw new ValidationError("region id of SpatialWeights", [{
        column: "id",
        expected: "a region of the weights",
        received: describeValue(id),
      }]);
    }
    return i;
  }
}

function findIndex(indices: Int32Array, a: number, b: number, j: number): number {
  let lo = a, hi = b - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1, v = indices[mid]!;
    if (v === j) return mid;
    if (v < j) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** S0, S1, S2 (Cliff & Ord 1981) and the number of one-way pairs, in O(nnz · log k). */
function constants(w: SpatialWeights): { S0: number; S1: number; S2: number; asymmetricPairs: number } {
  const n = w.ids.length;
  const rowSum = new Float64Array(n), colSum = new Float64Array(n);
  let S0 = 0, S1 = 0, asymmetricPairs = 0;
  for (let i = 0; i < n; i++) {
    for (let p = w.offsets[i]!; p < w.offsets[i + 1]!; p++) {
      const j = w.indices[p]!, wij = w.weights[p]!;
      S0 += wij;
      rowSum[i]! += wij;
      colSum[j]! += wij;
      const q = findIndex(w.indices, w.offsets[j]!, w.offsets[j + 1]!, i);
      const wji = q < 0 ? 0 : w.weights[q]!;
      if (q < 0) {
        asymmetricPairs++;
        S1 += wij * wij; // the pair (j, i) is absent, so (w_ij + 0)² is counted here only
      } else S1 += 0.5 * (wij + wji) * (wij + wji);
    }
  }
  let S2 = 0;
  for (let i = 0; i < n; i++) S2 += (rowSum[i]! + colSum[i]!) ** 2;
  return { S0, S1, S2, asymmetricPairs };
}

/**
 * One line on how weights were built, in `lang`, for subtitles and reports: "k = 4 nearest neighbours,
 * row-standardised (W)" / "k = 4 最近邻，行标准化 (W)".
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { spatialWeights } from "clusterlab";
 * import { describeWeights } from "clusterlab/advanced";
 * assert.equal(describeWeights(spatialWeights({ a: ["b"], b: ["a"] }, { style: "B" })), "neighbour list, binary (B)");
 * ```
 */
export function describeWeights(W: SpatialWeights, lang: Lang = "en"): string {
  const style = W.style === "W"
    ? { en: "row-standardised (W)", zh: "行标准化 (W)" }
    : { en: "binary (B)", zh: "二元 (B)" };
  return `${W.rule[lang]}${lang === "zh" ? "，" : ", "}${style[lang]}`;
}

/** Validate a style option. */
export function checkStyle(style: unknown, fn: string): WeightsStyle {
  if (style !== "W" && style !== "B") {
    throw new ValidationError(`options of ${fn}`, [{
      column: "style",
      expected: `"W" (row-standardised) or "B" (binary)`,
      received: describeValue(style),
    }]);
  }
  return style;
}

/**
 * Compressed rows from neighbour index lists (each list deduplicated and sorted here). Used by every builder.
 * @internal
 */
export function sparseFromLists(
  ids: readonly string[],
  lists: readonly (readonly number[])[],
): SparseWeights {
  const offsets = new Int32Array(ids.length + 1);
  for (let i = 0; i < ids.length; i++) offsets[i + 1] = offsets[i]! + lists[i]!.length;
  const indices = new Int32Array(offsets[ids.length]!);
  for (let i = 0; i < ids.length; i++) {
    indices.set(Int32Array.from(lists[i]!).sort(), offsets[i]!);
  }
  return { ids, offsets, indices };
}

function neighbourIssues(
  neighbours: unknown,
): { ids: string[]; lists: number[][]; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  if (typeof neighbours !== "object" || neighbours === null || Array.isArray(neighbours)) {
    issues.push({
      column: "neighbours",
      expected: 'a record of region id → neighbour ids ({ A: ["B"], B: ["A"] })',
      received: describeValue(neighbours),
    });
    return { ids: [], lists: [], issues };
  }
  const ids = Object.keys(neighbours);
  const index = new Map(ids.map((id, i) => [id, i]));
  const lists = ids.map((id) => {
    const list = (neighbours as Record<string, unknown>)[id];
    if (!Array.isArray(list)) {
      issues.push({ column: id, expected: "an array of neighbour ids", received: describeValue(list) });
      return [];
    }
    const seen = new Set<number>();
    for (const nb of list) {
      const j = typeof nb === "string" ? index.get(nb) : undefined;
      if (j === undefined) {
        issues.push({
          column: id,
          expected: "neighbour ids that are themselves regions (keys) of the list",
          received: describeValue(nb),
        });
      } else if (j === index.get(id)) {
        issues.push({
          column: id,
          expected: "no region listed as its own neighbour",
          received: describeValue(nb),
        });
      } else if (seen.has(j)) {
        issues.push({
          column: id,
          expected: "each neighbour listed once",
          received: `${describeValue(nb)} twice`,
        });
      } else seen.add(j);
    }
    return [...seen];
  });
  if (ids.length === 0) {
    issues.push({ column: "neighbours", expected: "at least one region", received: "an empty record" });
  }
  return { ids, lists, issues };
}

/**
 * Spatial weights from a neighbour list `{ A: ["B", "C"], B: ["A"], … }` (ids as strings; symmetric or not;
 * a region with an empty list is an island). The order of the regions is the order of the record's keys.
 * Every neighbour must itself be a key; a self-neighbour or a repeated neighbour is a
 * {@link ValidationError} naming the region.
 *
 * @param neighbours region id → ids of its neighbours
 * @param options `style`: `"W"` row-standardised (default) or `"B"` binary
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { spatialWeights } from "clusterlab";
 * const W = spatialWeights({ A: ["B", "C"], B: ["A"], C: ["A"], D: [] }, { style: "B" });
 * assert.deepEqual(W.islands, ["D"]);
 * assert.equal(W.weight("A", "C"), 1);
 * assert.match(W.warnings[0]!, /no neighbour \(island: "D"\)/);
 * ```
 */
export function spatialWeights(
  neighbours: NeighbourList,
  options: SpatialWeightsOptions = {},
): SpatialWeights {
  const style = checkStyle(options.style ?? "W", "spatialWeights");
  const { ids, lists, issues } = neighbourIssues(neighbours);
  if (issues.length > 0) throw new ValidationError("neighbour list of spatialWeights", issues);
  return new SpatialWeights(sparseFromLists(ids, lists), style);
}
