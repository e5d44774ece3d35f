/**
 * Diversity and ubiquity of a binary presence matrix (Hidalgo & Hausmann 2009): k_r,0 = Σ_s M_rs (how
 * many sectors a region is specialised in) and k_s,0 = Σ_r M_rs (how many regions are specialised in a
 * sector). 多样性与普遍性。
 * @module
 */
import { type MatrixInput, type MatrixInputOptions, noPresenceWarnings } from "./input.ts";
import { Series } from "./matrix.ts";
import { toSparsePresence } from "./presence.ts";
import type { SparseBinaryMatrix } from "./sparse.ts";

/**
 * Diversity k_r = Σ_s M_rs of each region (Hidalgo & Hausmann 2009). Regions with diversity 0 are named
 * in the warnings.
 *
 * @example
 * ```ts
 * import { diversity, matrixFrom } from "clusterlab";
 * diversity(matrixFrom([[1, 1], [0, 1]], { rows: ["A", "B"], cols: ["s", "t"] })).get("A"); // 2
 * ```
 */
export function diversity(M: MatrixInput | SparseBinaryMatrix, opts: MatrixInputOptions = {}): Series {
  const sp = toSparsePresence(M, opts);
  const d = sp.rowCounts();
  return new Series(sp.rows, d, "diversity", noPresenceWarnings(sp.rows, d, "rows"));
}

/**
 * Ubiquity k_s = Σ_r M_rs of each sector (Hidalgo & Hausmann 2009). Sectors with ubiquity 0 are named in
 * the warnings.
 *
 * @example
 * ```ts
 * import { matrixFrom, ubiquity } from "clusterlab";
 * ubiquity(matrixFrom([[1, 1], [0, 1]], { rows: ["A", "B"], cols: ["s", "t"] })).get("t"); // 2
 * ```
 */
export function ubiquity(M: MatrixInput | SparseBinaryMatrix, opts: MatrixInputOptions = {}): Series {
  const sp = toSparsePresence(M, opts);
  const u = sp.colCounts();
  return new Series(sp.cols, u, "ubiquity", noPresenceWarnings(sp.cols, u, "cols"));
}
