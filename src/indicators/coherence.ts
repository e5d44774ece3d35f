/**
 * Technological coherence of a region: the mean relatedness density of the sectors it is specialised in
 * (and, outside the portfolio, its technological flexibility). 技术一致性。
 * @module
 */
import { checkChoice, listLabels } from "../core/checks.ts";
import { type Matrix, type MatrixInput, Series } from "./matrix.ts";
import { toSparsePresence } from "./presence.ts";
import { relatednessDensity, type RelatednessDensityOptions } from "./relatedness_density.ts";
import type { SparseBinaryMatrix } from "./sparse.ts";

/** Options of {@link coherence}. */
export interface CoherenceOptions extends Omit<RelatednessDensityOptions, "portfolio"> {
  /**
   * `"inside"` (default): the mean over the sectors the region is specialised in (coherence, EconGeo
   * `relatedness.density.int.avg`); `"outside"`: over the sectors it is not (flexibility, EconGeo
   * `relatedness.density.ext.avg`).
   */
  readonly portfolio?: "inside" | "outside";
}

/**
 * The mean of `RD` over the cells of each row where the presence `P` is `keep` (1 inside, 0 outside the
 * portfolio), summed in column order; NaN for a row without such a cell (`empty` lists those rows). The
 * computation {@link coherence} and `identifyClusters` share.
 */
export function portfolioMean(
  P: Float64Array,
  RD: Float64Array,
  nrow: number,
  ncol: number,
  keep: 0 | 1,
): { values: Float64Array; empty: number[] } {
  const values = new Float64Array(nrow);
  const empty: number[] = [];
  for (let i = 0; i < nrow; i++) {
    let s = 0, c = 0;
    for (let j = 0; j < ncol; j++) {
      if (P[i * ncol + j] === keep) {
        s += RD[i * ncol + j]!;
        c++;
      }
    }
    values[i] = c > 0 ? s / c : NaN;
    if (c === 0) empty.push(i);
  }
  return { values, empty };
}

/**
 * Coherence per region: the mean relatedness density RD_rs (percent, {@link relatednessDensity}) over the
 * sectors s the region is specialised in (M_rs = 1): how related its specialisations are to each other
 * (EconGeo `relatedness.density.int.avg`, `PABalland/EconGeo` 420c3c5 `R/relatedness.density.int.avg.r`
 * lines 34–52, "a measure of the technological coherence of the regional industrial structure"; Balland,
 * Rigby & Boschma 2015). With `portfolio: "outside"` the mean runs over the sectors it is not specialised in
 * (EconGeo `relatedness.density.ext.avg`, "the technological flexibility indicator"): how close the region
 * is to what it does not do yet. The `coherence` column of `identifyClusters` is this value.
 *
 * EconGeo rounds RD and the mean to whole percent; nothing is rounded here. A region with no sector in the
 * chosen part of the portfolio has no mean: NaN, and a warning names it. Returns a {@link Series} per region
 * (name `"coherence"`, or `"flexibility"` outside), carrying the warnings of φ and of the density.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { coherence, matrixFrom } from "clusterlab";
 * const sectors = ["a", "b", "c"];
 * const M = matrixFrom([[1, 1, 0], [0, 0, 1]], { regions: ["A", "B"], sectors });
 * const phi = matrixFrom([[0, 1, 1], [1, 0, 3], [1, 3, 0]], { regions: sectors, sectors });
 * // A: RD_a = 100 · φ_ba / (φ_ba + φ_ca) = 50, RD_b = 100 · 1 / 4 = 25: coherence 37.5
 * assert.equal(coherence(M, phi).get("A"), 37.5);
 * // outside: A's only absent sector is c, RD_c = 100 · (1 + 3) / 4 = 100
 * assert.equal(coherence(M, phi, { portfolio: "outside" }).get("A"), 100);
 * ```
 */
export function coherence(
  M: MatrixInput | SparseBinaryMatrix,
  phi: Matrix,
  opts: CoherenceOptions = {},
): Series {
  const portfolio = opts.portfolio ?? "inside";
  checkChoice("options of coherence", "portfolio", portfolio, ["inside", "outside"] as const);
  const sp = toSparsePresence(M, opts);
  const rd = relatednessDensity(sp, phi);
  const { values, empty } = portfolioMean(
    sp.toMatrix().data,
    rd.data,
    sp.nrow,
    sp.ncol,
    portfolio === "inside" ? 1 : 0,
  );
  const name = portfolio === "inside" ? "coherence" : "flexibility";
  const warnings = [...rd.warnings];
  if (empty.length) {
    warnings.push(
      `${empty.length} region(s) with no ${portfolio === "inside" ? "present" : "absent"} sector (${
        listLabels(empty.map((i) => sp.rows[i]!))
      }): ${name} undefined, set to NaN`,
    );
  }
  return new Series(sp.rows, values, { name, warnings });
}
