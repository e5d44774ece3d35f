/**
 * The standard normal distribution's tail probabilities, to near double precision, for analytic p-values.
 * 标准正态分布的尾概率。
 *
 * For |x| < 3 the cumulative distribution is Marsaglia's Taylor series (Marsaglia 2004, "Evaluating the
 * Normal Distribution", J. Statistical Software 11(4)); for |x| ≥ 3 the upper tail is Laplace's continued
 * fraction Q(x) = φ(x) / (x + 1/(x + 2/(x + 3/(x + …)))) (Abramowitz & Stegun 26.2.14), evaluated from 120
 * terms backwards, so small tails keep their relative precision (no 1 − Φ cancellation).
 * @module
 */

const LOG_SQRT_2PI = 0.91893853320467274178;

/** Φ(x) by Marsaglia's series; accurate for |x| < 8, used here for |x| < 3. */
function seriesCdf(x: number): number {
  let s = x, t = 0, b = x;
  const q = x * x;
  for (let i = 1; s !== t;) s = (t = s) + (b *= q / (i += 2));
  return 0.5 + s * Math.exp(-0.5 * q - LOG_SQRT_2PI);
}

/** Q(x) = 1 − Φ(x) for x ≥ 3 by Laplace's continued fraction. */
function tailFraction(x: number): number {
  let f = x;
  for (let k = 120; k >= 1; k--) f = x + k / f;
  return Math.exp(-0.5 * x * x - LOG_SQRT_2PI) / f;
}

/**
 * The upper tail Q(x) = P(Z > x) of the standard normal.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { normalUpperTail } from "clusterlab/advanced";
 * assert.ok(Math.abs(normalUpperTail(1.959963984540054) - 0.025) < 1e-15);
 * assert.ok(Math.abs(normalUpperTail(6) / 9.865876450376981e-10 - 1) < 1e-12); // R: pnorm(6, lower = FALSE)
 * ```
 */
export function normalUpperTail(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x >= 3) return x > 40 ? 0 : tailFraction(x);
  if (x <= -3) return 1 - (x < -40 ? 0 : tailFraction(-x));
  return 1 - seriesCdf(x);
}

/**
 * The two-sided p-value 2·Q(|z|) of a standard normal test statistic.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { normalTwoSided } from "clusterlab/advanced";
 * assert.ok(Math.abs(normalTwoSided(-1.959963984540054) - 0.05) < 1e-15);
 * ```
 */
export function normalTwoSided(z: number): number {
  return Math.min(1, 2 * normalUpperTail(Math.abs(z)));
}
