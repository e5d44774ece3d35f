/**
 * Shannon entropy of each region's sectoral structure (diversity).
 * @module
 */
import { describeValue, ValidationError } from "../data/validation_error.ts";
import { checkCounts, listLabels, zeroLabels } from "./concentration_input.ts";
import { type Matrix, Series } from "./matrix.ts";

/** Options of {@link entropy}. */
export interface EntropyOptions {
  /** Logarithm base: 2 (bits, EconGeo's choice and the default) or Math.E (nats). */
  readonly base?: number;
}

/**
 * Shannon entropy per region: E_r = −Σ_s s_rs log_b s_rs, s_rs = x_rs / x_r·, with 0·log 0 = 0 (Shannon &
 * Weaver 1949; used for regional variety by Frenken, Van Oort & Verburg 2007). Base 2 by default, as EconGeo's
 * `entropy`. Two deliberate differences from EconGeo: EconGeo adds 1e-9 inside the logarithm and rounds to
 * 3 digits; here 0·log 0 is exactly 0 and nothing is rounded, so the values agree with EconGeo's up to that
 * rounding. n equal sectors give log_b n; one sector gives 0.
 *
 * A region with no activity has no shares: its value is NaN and a warning names it. A bad `base` is a
 * {@link ValidationError} naming the option.
 *
 * @example
 * ```ts
 * import { entropy, matrixFrom } from "clusterlab";
 * const m = matrixFrom([[5, 5, 5, 5], [7, 0, 0, 0]], { rows: ["R1", "R2"], cols: ["A", "B", "C", "D"] });
 * entropy(m).get("R1"); // 2 (bits)
 * entropy(m).get("R2"); // 0
 * ```
 */
export function entropy(m: Matrix, options: EntropyOptions = {}): Series {
  checkCounts(m, "input of entropy");
  const base = options.base ?? 2;
  if (!(typeof base === "number" && Number.isFinite(base) && base > 0 && base !== 1)) {
    throw new ValidationError("options of entropy", [{
      column: "base",
      expected: "a finite number > 0 and ≠ 1",
      received: describeValue(base),
    }]);
  }
  const lnBase = Math.log(base);
  const { nrow, ncol, data } = m;
  const sums = m.rowSums();
  const out = new Float64Array(nrow);
  for (let i = 0; i < nrow; i++) {
    const t = sums[i]!;
    if (t === 0) {
      out[i] = NaN;
      continue;
    }
    let e = 0;
    for (let j = 0; j < ncol; j++) {
      const x = data[i * ncol + j]!;
      if (x > 0) {
        const s = x / t;
        e -= s * Math.log(s);
      }
    }
    out[i] = e / lnBase;
  }
  const empty = zeroLabels(m.rows, sums);
  const warnings = empty.length
    ? [`${empty.length} region(s) with no activity (${listLabels(empty)}): entropy undefined, set to NaN`]
    : [];
  return new Series(m.rows, out, "entropy", warnings);
}
