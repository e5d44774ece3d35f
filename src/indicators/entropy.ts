/**
 * Shannon entropy of each region's sectoral structure (diversity).
 * @module
 */
import { describeValue, ValidationError } from "../core/validation_error.ts";
import { noActivityWarnings, sumOfRowShares } from "./concentration_input.ts";
import { checkCounts } from "./input.ts";
import { type Matrix, Series } from "./matrix.ts";
import { finiteResult } from "./finite_result.ts";

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
 * import assert from "node:assert/strict";
 * import { entropy, matrixFrom } from "clusterlab";
 * const m = matrixFrom([[5, 5, 5, 5], [7, 0, 0, 0]], { regions: ["R1", "R2"], sectors: ["A", "B", "C", "D"] });
 * assert.equal(entropy(m).get("R1"), 2); // four equal sectors: log₂ 4 bits
 * assert.equal(entropy(m).get("R2"), 0); // one sector
 * assert.equal(entropy(m, { base: Math.E }).get("R1"), Math.log(4)); // in nats
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
  const sums = m.rowSums();
  const out = sumOfRowShares(m, sums, "entropy");
  for (let i = 0; i < out.length; i++) out[i] = out[i]! / lnBase;
  const warnings = noActivityWarnings(m.rows, sums, "region(s) with no activity", "entropy");
  return finiteResult("entropy", new Series(m.rows, out, { name: "entropy", warnings }));
}
