/**
 * Theil index of each region's sectoral structure, with its exact between/within decomposition over groups
 * of sectors. 泰尔指数及其组间/组内分解。
 * @module
 */
import * as aq from "../deps/arquero.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import { checkChoice, listLabels } from "../core/checks.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../core/validation_error.ts";
import { noActivityWarnings } from "./concentration_input.ts";
import { checkCounts } from "./input.ts";
import type { Matrix } from "./matrix.ts";

/** Options of {@link theil}. */
export interface TheilOptions {
  /**
   * The group of every sector (a record or Map from sector label to group label): adds the columns
   * `between` and `within`, with theil = between + within. Every sector needs a group; a label that is not a
   * sector is an error. Default: no decomposition.
   */
  readonly groups?: Readonly<Record<string, string>> | ReadonlyMap<string, string>;
  /**
   * The shares q_s the region is compared with: `"uniform"` (default, q_s = 1/n: Theil's inequality of the
   * region's activity over the n sectors, ln n − Shannon entropy) or `"national"` (q_s = x_·s / x: the
   * relative Theil, the region's divergence from the structure of all regions together).
   */
  readonly reference?: "uniform" | "national";
}

/** The result of {@link theil}. */
export interface TheilResult {
  /** One row per region: `region`, `theil`, and with `groups` also `between` and `within` (nats). */
  readonly table: ColumnTable;
  /** Regions with no activity (their values are NaN). */
  readonly warnings: readonly string[];
  /** The group labels in order of first appearance over the sectors (empty without `groups`). */
  readonly groups: readonly string[];
}

/** The group index of every sector, or a {@link ValidationError} naming unmatched labels. */
function groupIndex(m: Matrix, groups: TheilOptions["groups"]): { index: Int32Array; labels: string[] } {
  const get = groups instanceof Map
    ? (s: string) => groups.get(s)
    : (s: string) => Object.hasOwn(groups!, s) ? (groups as Record<string, string>)[s] : undefined;
  const keys = groups instanceof Map ? [...groups.keys()] : Object.keys(groups!);
  const issues: ValidationIssue[] = [];
  const labels: string[] = [], at = new Map<string, number>();
  const index = new Int32Array(m.ncol);
  m.cols.forEach((s, j) => {
    const g = get(s);
    if (typeof g !== "string") {
      issues.push({
        column: s,
        expected: "a group label (text) for this sector",
        received: describeValue(g),
      });
      return;
    }
    if (!at.has(g)) at.set(g, labels.push(g) - 1);
    index[j] = at.get(g)!;
  });
  const unknown = keys.filter((k) => !m.cols.includes(k));
  if (unknown.length) {
    issues.push({ column: "groups", expected: "sector labels of the matrix", received: listLabels(unknown) });
  }
  if (issues.length) throw new ValidationError("options of theil", issues);
  return { index, labels };
}

/**
 * Theil index per region r (Theil 1967, *Economics and Information Theory*), in nats:
 *
 *   T_r = Σ_s s_rs ln(s_rs / q_s),  s_rs = x_rs / x_r·,  0 · ln 0 = 0,
 *
 * with q_s = 1/n (`reference: "uniform"`, default: T_r = ln n − H_r, H_r the Shannon entropy in nats; 0
 * for equal sectors, ln n for one sector) or q_s = x_·s / x (`"national"`: the relative Theil index of
 * specialisation, 0 when the region's structure is the nation's). With `groups` of sectors it splits
 * exactly (Theil 1967; Shorrocks 1980, *Econometrica* 48(3)):
 *
 *   T_r = Σ_g S_rg ln(S_rg / Q_g)  +  Σ_g S_rg Σ_{s∈g} (s_rs / S_rg) ln[(s_rs / S_rg) / (q_s / Q_g)]
 *       =        between          +                       within,
 *
 * S_rg = Σ_{s∈g} s_rs, Q_g = Σ_{s∈g} q_s: the region's inequality across the groups plus the share-weighted
 * inequality inside them (with the uniform reference, the textbook Theil decomposition with the sectors as
 * individuals and x_rs as their incomes). The two parts are computed separately, so `between + within`
 * reproduces `theil` up to rounding (about 1e-15). A region with no activity is NaN with a warning.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { matrixFrom, theil } from "clusterlab";
 * const m = matrixFrom([[1, 1, 2], [3, 3, 3]], { regions: ["A", "B"], sectors: ["a1", "a2", "b"] });
 * const { table } = theil(m, { groups: { a1: "a", a2: "a", b: "b" } });
 * const A = table.objects()[0] as { theil: number; between: number; within: number };
 * // A: shares ¼, ¼, ½ against ⅓ each: T = ½ ln ¾ + ½ ln (3/2) = ½ ln (9/8)
 * assert.ok(Math.abs(A.theil - 0.5 * Math.log(9 / 8)) < 1e-15);
 * // groups a (½ of A against ⅔) and b (½ against ⅓); inside a the two halves are equal: within = 0
 * assert.ok(Math.abs(A.between - (0.5 * Math.log(0.75) + 0.5 * Math.log(1.5))) < 1e-15);
 * assert.equal(A.within, 0);
 * assert.equal(table.get("theil", 1), 0); // B is spread evenly
 * ```
 */
export function theil(m: Matrix, options: TheilOptions = {}): TheilResult {
  checkCounts(m, "input of theil");
  const reference = options.reference ?? "uniform";
  checkChoice("options of theil", "reference", reference, ["uniform", "national"] as const);
  const groups = options.groups === undefined ? undefined : groupIndex(m, options.groups);
  const { nrow, ncol, data } = m;
  const rs = m.rowSums(), cs = m.colSums();
  let total = 0;
  for (let j = 0; j < ncol; j++) total += cs[j]!;
  const q = new Float64Array(ncol);
  for (let j = 0; j < ncol; j++) q[j] = reference === "uniform" ? 1 / ncol : total > 0 ? cs[j]! / total : 0;
  const G = groups?.labels.length ?? 0;
  const Q = new Float64Array(G);
  if (groups) { for (let j = 0; j < ncol; j++) Q[groups.index[j]!]! += q[j]!; }
  const T = new Float64Array(nrow), B = new Float64Array(nrow), W = new Float64Array(nrow);
  const S = new Float64Array(G);
  for (let i = 0; i < nrow; i++) {
    if (rs[i] === 0) {
      T[i] = B[i] = W[i] = NaN;
      continue;
    }
    let t = 0;
    S.fill(0);
    for (let j = 0; j < ncol; j++) {
      const s = data[i * ncol + j]! / rs[i]!;
      if (s > 0) t += s * Math.log(s / q[j]!);
      if (groups) S[groups.index[j]!]! += s;
    }
    T[i] = t;
    if (!groups) continue;
    let b = 0, w = 0;
    for (let g = 0; g < G; g++) if (S[g]! > 0) b += S[g]! * Math.log(S[g]! / Q[g]!);
    for (let j = 0; j < ncol; j++) {
      const s = data[i * ncol + j]! / rs[i]!, g = groups.index[j]!;
      if (s > 0) w += s * Math.log((s / S[g]!) / (q[j]! / Q[g]!));
    }
    B[i] = b;
    W[i] = w;
  }
  const columns: Record<string, unknown[] | Float64Array> = { region: [...m.rows], theil: T };
  if (groups) Object.assign(columns, { between: B, within: W });
  const warnings = noActivityWarnings(m.rows, rs, "region(s) with no activity", "Theil index");
  return { table: aq.table(columns), warnings, groups: groups?.labels ?? [] };
}
