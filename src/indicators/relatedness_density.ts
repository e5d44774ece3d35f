/**
 * Relatedness density RD_rs = 100 · Σ_j M_rj φ_js / Σ_j φ_js (Boschma, Balland & Kogler 2015; EconGeo
 * `relatedness_density`), of every cell or of the cells inside / outside the regional portfolio. 关联密度（百分比）。
 * @module
 */
import { checkChoice } from "../core/checks.ts";
import { alignSquare, weightedDensity } from "./input.ts";
import { Matrix, type MatrixInput, type MatrixInputOptions } from "./matrix.ts";
import { presenceInput } from "./presence.ts";
import type { SparseBinaryMatrix } from "./sparse.ts";
import { finiteResult } from "./finite_result.ts";

/** Which cells of {@link relatednessDensity} are kept: all, those inside or those outside the portfolio. */
export type Portfolio = "all" | "inside" | "outside";

/** Options of {@link relatednessDensity}. */
export interface RelatednessDensityOptions extends MatrixInputOptions {
  /**
   * `"all"` (default): every cell; `"inside"`: the cells with M_rs = 1 only (EconGeo
   * `relatedness.density.int`), the others NaN; `"outside"`: the cells with M_rs = 0 only (EconGeo
   * `relatedness.density.ext`), the others NaN.
   */
  readonly portfolio?: Portfolio;
}

/**
 * Relatedness density of each region around each sector, in percent (0–100): the share of the sectors
 * related to s (weighted by relatedness φ_js) in which region r is specialised (Boschma, Balland & Kogler
 * 2015; EconGeo `relatedness_density`, which multiplies by 100). φ may be any sector × sector relatedness
 * (`proximity`, `relatedness`); its diagonal is used as given.
 *
 * `portfolio` keeps the cells of the EconGeo variants (`PABalland/EconGeo` 420c3c5): `"inside"` the sectors
 * the region is specialised in (`R/relatedness.density.int.r` lines 49–52: absent cells NA), `"outside"`
 * those it is not (`R/relatedness.density.ext.r` lines 48–54: present cells NA); the cells left out are NaN
 * here, by request, with no warning. EconGeo rounds RD (2 digits in `relatedness.density`, whole percent in
 * the variants); nothing is rounded here, so the values agree with EconGeo's up to that rounding.
 *
 * Signature (stable): `relatednessDensity(M: PresenceMatrix | Matrix (0/1) | SparseBinaryMatrix, phi:
 * Matrix, opts?: RelatednessDensityOptions): Matrix` (regions × sectors, percent). Sectors whose φ column sums
 * to 0 get 0 and a warning.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { matrixFrom, relatednessDensity } from "clusterlab";
 * const sectors = ["a", "b", "c"];
 * const M = matrixFrom([[1, 0, 0]], { regions: ["A"], sectors });
 * const phi = matrixFrom([[0, 1, 1], [1, 0, 3], [1, 3, 0]], { regions: sectors, sectors });
 * assert.equal(relatednessDensity(M, phi).get("A", "b"), 25); // 100 · φ_ab / (φ_ab + φ_cb) = 100 · 1/4
 * assert.ok(Number.isNaN(relatednessDensity(M, phi, { portfolio: "inside" }).get("A", "b"))); // b is absent
 * assert.equal(relatednessDensity(M, phi, { portfolio: "outside" }).get("A", "b"), 25);
 * ```
 */
export function relatednessDensity(
  M: MatrixInput | SparseBinaryMatrix,
  phi: Matrix,
  opts: RelatednessDensityOptions = {},
): Matrix {
  const portfolio = opts.portfolio ?? "all";
  checkChoice("options of relatednessDensity", "portfolio", portfolio, ["all", "inside", "outside"] as const);
  const { sparse: sp, warnings: read } = presenceInput(M, opts);
  const warnings: string[] = [...read, ...phi.warnings];
  const data = weightedDensity(sp, alignSquare(phi, sp.cols, "input of relatednessDensity"), 100, warnings);
  if (portfolio !== "all") {
    const present = sp.toMatrix().data, keep = portfolio === "inside" ? 1 : 0;
    let dropped = 0;
    for (let k = 0; k < data.length; k++) {
      if (present[k] !== keep) {
        data[k] = NaN;
        dropped++;
      }
    }
    if (dropped > 0) {
      warnings.push(
        `portfolio "${portfolio}": the ${dropped} cells ${keep ? "outside" : "inside"} it are NaN (not kept)`,
      );
    }
  }
  return finiteResult("relatednessDensity", new Matrix(sp.rows, sp.cols, data, { warnings }));
}
