/**
 * Input checks shared by the concentration and specialisation indices (internal: not re-exported). A count
 * matrix must hold finite, non-negative numbers; every offending cell is reported with its region (row) and
 * sector (column). All-zero rows and columns are found here so each index can warn about them.
 * @module
 */
import { describeValue, ValidationError, type ValidationIssue } from "../data/validation_error.ts";
import { checkNonNegative, listLabels as listLabelsUpTo } from "./input.ts";
import { Matrix, Series } from "./matrix.ts";

/** Throw a {@link ValidationError} naming every cell of `m` that is negative or not finite. */
export function checkCounts(m: Matrix, subject: string): void {
  if (!(m instanceof Matrix)) {
    throw new ValidationError(subject, [{
      column: "input",
      expected: "a Matrix (build one with matrixFrom)",
      received: describeValue(m),
    }]);
  }
  checkNonNegative(m, subject, "a finite count ≥ 0", Infinity);
}

/** Labels of the entries of `sums` that are zero. */
export function zeroLabels(labels: readonly string[], sums: Float64Array): string[] {
  const out: string[] = [];
  for (let i = 0; i < sums.length; i++) if (sums[i] === 0) out.push(labels[i]!);
  return out;
}

/** A short list of up to 5 labels for a concentration index's warning ("A, B, C and 4 more"). */
export function listLabels(labels: readonly string[], max = 5): string {
  return listLabelsUpTo(labels, max);
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
    return new Series(m.rows, out, name, warnings);
  }
  for (let i = 0; i < nrow; i++) {
    const t = rs[i]!;
    if (t === 0) {
      out[i] = NaN;
      continue;
    }
    let k = 0;
    for (let j = 0; j < ncol; j++) k += Math.abs(data[i * ncol + j]! / t - cs[j]! / total);
    out[i] = factor * k;
  }
  const empty = zeroLabels(m.rows, rs);
  if (empty.length) {
    warnings.push(
      `${empty.length} region(s) with no activity (${listLabels(empty)}): ${subject} undefined, set to NaN`,
    );
  }
  return new Series(m.rows, out, name, warnings);
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
 * x_i, Σ x_i², and for each sector the shares s_ij of the sector in each region.
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
  const empty = zeroLabels(m.cols, cs);
  if (empty.length && total > 0) {
    warnings.push(
      `${empty.length} sector(s) with no activity (${listLabels(empty)}): ${subject} undefined, set to NaN`,
    );
  }
  return { x, sumX2, colSums: cs };
}
