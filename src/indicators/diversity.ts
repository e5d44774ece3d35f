/**
 * Diversity and ubiquity of a binary presence matrix (Hidalgo & Hausmann 2009): k_r,0 = Σ_s M_rs (how
 * many sectors a region is specialised in) and k_s,0 = Σ_r M_rs (how many regions are specialised in a
 * sector). 多样性与普遍性。
 * @module
 */
import { noPresenceWarnings } from "./input.ts";
import { type MatrixInput, type MatrixInputOptions, Series } from "./matrix.ts";
import { presenceInput } from "./presence.ts";
import type { SparseBinaryMatrix } from "./sparse.ts";
import { finiteResult } from "./finite_result.ts";

/**
 * Diversity k_r = Σ_s M_rs of each region (Hidalgo & Hausmann 2009). Regions with diversity 0 are named
 * in the warnings.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { diversity, matrixFrom } from "clusterlab";
 * const M = matrixFrom([[1, 1], [0, 0]], { regions: ["A", "B"], sectors: ["s", "t"] });
 * assert.equal(diversity(M).get("A"), 2);
 * assert.deepEqual(diversity(M).warnings, ['1 row(s) with no presence (diversity 0): "B"']);
 * ```
 */
export function diversity(M: MatrixInput | SparseBinaryMatrix, opts: MatrixInputOptions = {}): Series {
  const { sparse: sp, warnings } = presenceInput(M, opts);
  const d = sp.rowCounts();
  return finiteResult(
    "diversity",
    new Series(sp.rows, d, {
      name: "diversity",
      warnings: [...warnings, ...noPresenceWarnings(sp.rows, d, "rows")],
    }),
  );
}

/**
 * Ubiquity k_s = Σ_r M_rs of each sector (Hidalgo & Hausmann 2009). Sectors with ubiquity 0 are named in
 * the warnings.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { matrixFrom, ubiquity } from "clusterlab";
 * const M = matrixFrom([[1, 1], [0, 1]], { regions: ["A", "B"], sectors: ["s", "t"] });
 * assert.deepEqual(Array.from(ubiquity(M).values), [1, 2]);
 * ```
 */
export function ubiquity(M: MatrixInput | SparseBinaryMatrix, opts: MatrixInputOptions = {}): Series {
  const { sparse: sp, warnings } = presenceInput(M, opts);
  const u = sp.colCounts();
  return finiteResult(
    "ubiquity",
    new Series(sp.cols, u, {
      name: "ubiquity",
      warnings: [...warnings, ...noPresenceWarnings(sp.cols, u, "cols")],
    }),
  );
}
