/**
 * The sums of the JS reader, bit for bit those of the DuckDB scan (`scan_sql.ts`). DuckDB sums a cell's
 * doubles in one pass, and when that pass cannot be exact (a fraction or a negative value, or a cell of 2⁵³
 * or more) it sums again in 128-bit fixed point: `CAST(SUM(CAST(v * 2^bits AS HUGEINT)) AS DOUBLE) / 2^bits`
 * ({@link exactSumBits}). This module reproduces both passes: the same decision ({@link sumsAreExact}), the
 * same scaled integers (`CAST(double AS HUGEINT)` rounds half to even, {@link roundHalfEven}), exact integer
 * sums (`BigInt`), and DuckDB's conversion of a HUGEINT to a double, which rounds twice
 * ({@link hugeintToDouble}), so the same numbers come out whatever the order of the rows.
 * @module
 */
import { exactSumBits, FLAG, sumsAreExact } from "./scan_sql.ts";

/** What the exact-sum decision needs from the values of the input rows. */
export interface ValueStats {
  /** {@link FLAG} bits: `fraction` and `negative` when some value is. */
  readonly flags: number;
  /** The largest |value| (0 when none). */
  readonly amax: number;
  /** The smallest non-zero |value| (`Infinity` when none). */
  readonly amin: number;
}

/** {@link ValueStats} of the first `n` values. */
export function valueStats(value: Float64Array, n: number): ValueStats {
  let fraction = false, negative = false, amax = 0, amin = Infinity;
  for (let k = 0; k < n; k++) {
    const v = value[k]!;
    if (v < 0) negative = true;
    if (v !== Math.trunc(v)) fraction = true;
    const a = Math.abs(v);
    if (a > amax) amax = a;
    if (a !== 0 && a < amin) amin = a;
  }
  return { flags: (fraction ? FLAG.fraction : 0) | (negative ? FLAG.negative : 0), amax, amin };
}

/**
 * The second pass DuckDB would run: `undefined` when the first pass's double sums are exact (then any order
 * of summation gives the same bits), else the scale 2^bits and whether the rescaled values are exact (not:
 * DuckDB's rounding note is due).
 */
export function secondPass(
  stats: ValueStats,
  inputRows: number,
  largestCell: number,
): { readonly bits: number; readonly scale: number; readonly exact: boolean } | undefined {
  if (sumsAreExact(stats.flags, largestCell)) return undefined;
  const { bits, exact } = exactSumBits({ bound: inputRows * stats.amax, smallest: stats.amin });
  return { bits, scale: 2 ** bits, exact };
}

/** `std::nearbyint` in the default rounding mode: to the nearest integer, halves to even (as DuckDB's cast). */
export function roundHalfEven(x: number): number {
  if (!(Math.abs(x) < 2 ** 52)) return x; // already an integer (or not finite)
  const f = Math.floor(x), d = x - f; // exact below 2⁵²
  return d > 0.5 ? f + 1 : d < 0.5 ? f : f % 2 === 0 ? f : f + 1;
}

const U64 = (1n << 64n) - 1n;

/**
 * DuckDB's `CAST(HUGEINT AS DOUBLE)`: `double(lower) + double(upper) · 2⁶⁴` (two roundings, not always the
 * nearest double), and `−double(2⁶⁴ − 1 − lower) − 1` when `upper` is −1.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { hugeintToDouble } from "./exact_sums.ts";
 * const n = (1n << 64n) + (1n << 63n) + 3n * (1n << 11n) - 1n;
 * assert.equal(hugeintToDouble(n), 27670116110564336000); // DuckDB's bits; the nearest double is …330000
 * assert.equal(hugeintToDouble(-3n), -3);
 * ```
 */
export function hugeintToDouble(x: bigint): number {
  const lower = x & U64, upper = x >> 64n;
  if (upper === -1n) return -Number(U64 - lower) - 1;
  return Number(lower) + Number(upper) * 2 ** 64;
}

/** The second-pass value of a cell of one row `v`: its scaled, rounded integer back to a double, unscaled. */
export function oneRowSum(v: number, scale: number): number {
  return hugeintToDouble(BigInt(roundHalfEven(v * scale))) / scale;
}

/** The scaled integer of one value in the second pass (`CAST(v · 2^bits AS HUGEINT)`). */
export function scaled(v: number, scale: number): bigint {
  return BigInt(roundHalfEven(v * scale));
}

/** The second-pass value of a cell from its exact sum of scaled integers. */
export function cellSum(sum: bigint, scale: number): number {
  return hugeintToDouble(sum) / scale;
}

/** DuckDB's note when the second pass had to round the values (from `scan_long.ts`). */
export function roundingNote(bits: number): string {
  return `values range over too many orders of magnitude for exact sums in 128 bits: each value was rounded to a multiple of 2^${-bits} before summing (deterministic; error at most 2^${
    -bits - 1
  } per value)`;
}
