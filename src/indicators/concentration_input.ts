/**
 * Input checks shared by the concentration and specialisation indices (internal: not re-exported). A count
 * matrix must hold finite, non-negative numbers; every offending cell is reported with its region (row) and
 * sector (column). All-zero rows and columns are found here so each index can warn about them.
 * @module
 */
import { listLabels } from "../core/checks.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../core/validation_error.ts";
import { checkCounts } from "./input.ts";
import { type Matrix, Series } from "./matrix.ts";
import { finiteResult } from "./finite_result.ts";

/** Labels of the entries of `sums` that are zero. */
export function zeroLabels(labels: readonly string[], sums: Float64Array): string[] {
  const out: string[] = [];
  for (let i = 0; i < sums.length; i++) if (sums[i] === 0) out.push(labels[i]!);
  return out;
}

/**
 * The warning (none or one) naming, up to 5, the labels whose sum is 0: `"<count> <what> (<labels>):
 * <index> undefined, set to NaN"`.
 */
export function noActivityWarnings(
  labels: readonly string[],
  sums: Float64Array,
  what: string,
  index: string,
): string[] {
  const empty = zeroLabels(labels, sums);
  if (!empty.length) return [];
  return [`${empty.length} ${what} (${listLabels(empty, { limit: 5 })}): ${index} undefined, set to NaN`];
}

/**
 * `f(k, sums[k])` for every k with a non-zero sum, NaN for the others: an index of a region (or sector)
 * with no activity is undefined.
 */
export function perNonZero(sums: Float64Array, f: (k: number, sum: number) => number): Float64Array {
  const out = new Float64Array(sums.length);
  for (let k = 0; k < sums.length; k++) out[k] = sums[k] === 0 ? NaN : f(k, sums[k]!);
  return out;
}

/**
 * Per region, over the region's non-zero shares s_rs = x_rs / x_r·: Σ_s s_rs² (`"square"`, Herfindahl) or
 * −Σ_s s_rs ln s_rs (`"entropy"`, in nats); NaN for a region with no activity. (The term is chosen by a
 * flag, not a callback, so the loop over the cells stays inlined.)
 */
export function sumOfRowShares(m: Matrix, sums: Float64Array, term: "square" | "entropy"): Float64Array {
  const { ncol, data } = m;
  return perNonZero(sums, (i, t) => {
    const off = i * ncol;
    let acc = 0;
    if (term === "square") {
      for (let j = 0; j < ncol; j++) { // zero shares add exactly 0: no branch
        const s = data[off + j]! / t;
        acc += s * s;
      }
    } else {
      for (let j = 0; j < ncol; j++) {
        const s = data[off + j]! / t;
        if (s > 0) acc -= s * Math.log(s);
      }
    }
    return acc;
  });
}

/**
 * A per-label parameter given as a {@link Series} (matched by label), a record by label, an array in label
 * order or one number for all labels, resolved to a `Float64Array` in the order of `labels`.
 */
export type PerLabel = number | ArrayLike<number> | Series | Readonly<Record<string, number>>;

/** Resolve a {@link PerLabel} parameter; every missing or non-finite value is reported. */
export function resolvePerLabel(
  value: PerLabel,
  labels: readonly string[],
  subject: string,
  parameter: string,
  check: (v: number) => string | undefined,
): Float64Array {
  const out = new Float64Array(labels.length);
  const issues: ValidationIssue[] = [];
  const put = (k: number, v: unknown) => {
    const problem = typeof v !== "number" || !Number.isFinite(v) ? "a finite number" : check(v);
    if (problem) {
      issues.push({
        row: k + 1,
        column: parameter,
        expected: problem,
        received: describeValue(v),
        message: `label "${labels[k]}"`,
      });
    } else out[k] = v as number;
  };
  if (typeof value === "number") labels.forEach((_, k) => put(k, value));
  else if (value instanceof Series) {
    const idx = new Map(value.labels.map((l, i) => [l, i]));
    labels.forEach((l, k) => put(k, idx.has(l) ? value.values[idx.get(l)!] : undefined));
  } else if (
    typeof value === "object" && value !== null && typeof (value as ArrayLike<number>).length === "number"
  ) {
    const arr = value as ArrayLike<number>;
    if (arr.length !== labels.length) {
      throw new ValidationError(subject, [{
        column: parameter,
        expected: `${labels.length} values (one per label, in order)`,
        received: `${arr.length} values`,
      }]);
    }
    labels.forEach((_, k) => put(k, arr[k]));
  } else if (typeof value === "object" && value !== null) {
    const rec = value as Readonly<Record<string, number>>;
    labels.forEach((l, k) => put(k, Object.hasOwn(rec, l) ? rec[l] : undefined));
  } else {
    throw new ValidationError(subject, [{
      column: parameter,
      expected: "a number, an array, a Series or a record by label",
      received: describeValue(value),
    }]);
  }
  if (issues.length) throw new ValidationError(subject, issues);
  return out;
}

/**
 * Sum of absolute share differences per region, Σ_s |s_rs − s_s| (s_rs = x_rs/x_r·, s_s = x_·s/x). Shared by
 * {@link krugman} (factor 1) and the Hoover specialisation coefficient (factor ½).
 */
export function shareDistance(m: Matrix, subject: string, name: string, factor: number): Series {
  checkCounts(m, `input of ${subject}`);
  const { nrow, ncol, data } = m;
  const rs = m.rowSums(), cs = m.colSums();
  let total = 0;
  for (let i = 0; i < nrow; i++) total += rs[i]!;
  const out = new Float64Array(nrow);
  const warnings: string[] = [];
  if (total === 0) {
    out.fill(NaN);
    warnings.push(`the matrix holds no activity (all zero): ${subject} undefined, set to NaN`);
    return finiteResult(subject, new Series(m.rows, out, { name, warnings }));
  }
  out.set(perNonZero(rs, (i, t) => {
    let k = 0;
    for (let j = 0; j < ncol; j++) k += Math.abs(data[i * ncol + j]! / t - cs[j]! / total);
    return factor * k;
  }));
  warnings.push(...noActivityWarnings(m.rows, rs, "region(s) with no activity", subject));
  return finiteResult(subject, new Series(m.rows, out, { name, warnings }));
}

/** Options shared by the Ellison–Glaeser and Maurel–Sédillot indices: the plant Herfindahl H per sector. */
export interface PlantHerfindahlOptions {
  /**
   * Plant (establishment) Herfindahl index H_s = Σ_k z_k² of each sector, z_k the plant's share of the
   * sector's employment: a Series or record by sector, an array in column order, or one number for all.
   * Values in [0, 1).
   */
  readonly plantHerfindahl?: PerLabel;
  /**
   * Number of plants per sector, when plant sizes are unknown: H_s = 1/P_s (equal-size plants). Integers ≥ 2.
   * Ignored when `plantHerfindahl` is given.
   */
  readonly plants?: PerLabel;
}

/** Resolve H per sector; H = 0 (with a warning) when neither option is given (design choice). */
export function resolvePlantHerfindahl(
  m: Matrix,
  options: PlantHerfindahlOptions,
  subject: string,
  warnings: string[],
): Float64Array {
  if (options.plantHerfindahl !== undefined) {
    return resolvePerLabel(
      options.plantHerfindahl,
      m.cols,
      `options of ${subject}`,
      "plantHerfindahl",
      (v) => (v >= 0 && v < 1 ? undefined : "a plant Herfindahl in [0, 1)"),
    );
  }
  if (options.plants !== undefined) {
    const p = resolvePerLabel(
      options.plants,
      m.cols,
      `options of ${subject}`,
      "plants",
      (v) => (Number.isInteger(v) && v >= 2 ? undefined : "an integer number of plants ≥ 2"),
    );
    return p.map((x) => 1 / x);
  }
  warnings.push(
    "plant Herfindahl unknown (no plantHerfindahl or plants option): H = 0 assumed (infinitely many small " +
      "plants), which overstates γ when plants are few",
  );
  return new Float64Array(m.ncol);
}

/**
 * The ingredients of the agglomeration indices per sector j over regions i: region shares of all activity
 * x_i, Σ x_i², and the column sums x_·j.
 */
export function agglomerationParts(m: Matrix, subject: string, warnings: string[]): {
  x: Float64Array;
  sumX2: number;
  colSums: Float64Array;
} {
  checkCounts(m, `input of ${subject}`);
  const rs = m.rowSums(), cs = m.colSums();
  let total = 0;
  for (let i = 0; i < m.nrow; i++) total += rs[i]!;
  const x = new Float64Array(m.nrow);
  let sumX2 = 0;
  if (total > 0) {
    for (let i = 0; i < m.nrow; i++) {
      x[i] = rs[i]! / total;
      sumX2 += x[i]! * x[i]!;
    }
  }
  if (total === 0) warnings.push(`the matrix holds no activity (all zero): ${subject} undefined, set to NaN`);
  else if (1 - sumX2 <= 0) {
    warnings.push(`all activity is in one region (Σ x_i² = 1): ${subject} undefined, set to NaN`);
  }
  if (total > 0) warnings.push(...noActivityWarnings(m.cols, cs, "sector(s) with no activity", subject));
  return { x, sumX2, colSums: cs };
}

/**
 * An agglomeration index per sector j (Ellison–Glaeser, Maurel–Sédillot): `gamma(s, parts, H_j)` of the
 * sector's region shares s_i = x_ij/x_·j, with the region shares of all activity and the plant Herfindahl
 * resolved from the options; NaN (with a warning) for a sector with no activity or when all activity is in
 * one region.
 */
export function agglomerationIndex(
  m: Matrix,
  options: PlantHerfindahlOptions,
  subject: string,
  name: string,
  gamma: (shares: Float64Array, parts: { x: Float64Array; sumX2: number }, h: number) => number,
): Series {
  const warnings: string[] = [];
  const parts = agglomerationParts(m, subject, warnings);
  const H = resolvePlantHerfindahl(m, options, subject, warnings);
  const { nrow, ncol, data } = m;
  const shares = new Float64Array(nrow);
  const out = perNonZero(parts.colSums, (j, t) => {
    if (!(1 - parts.sumX2 > 0)) return NaN;
    for (let i = 0; i < nrow; i++) shares[i] = data[i * ncol + j]! / t;
    return gamma(shares, parts, H[j]!);
  });
  return finiteResult(subject, new Series(m.cols, out, { name, warnings }));
}
