/**
 * The SQL of a DuckDB scan: the table function that reads the files, and the aggregation to region × sector
 * (× year) cells, in its portable form (returned to the user) and in the form run (with counts of invalid
 * rows, so that nothing is summed over silently).
 * @module
 */
import { sqlIdentifier, sqlList, sqlString } from "./duckdb_engine.ts";
import type { FileFormat } from "./file_sources.ts";

/** How the rows of a cell are combined: the sum of the value column, or the number of rows. */
export type ScanAggregate = "sum" | "count";

/** The options of a scan after defaults, checked. */
export interface ScanPlan {
  readonly region: string;
  readonly sector: string;
  readonly value: string;
  readonly year: string | undefined;
  readonly where: string | undefined;
  readonly aggregate: ScanAggregate;
  readonly delimiter: string;
  /** Input columns that must exist. */
  readonly needed: readonly string[];
}

/** Options of {@link readFunction}. */
export interface ReadFunctionOptions {
  /** CSV field delimiter (default `","`; TSV always a tab). */
  readonly delimiter?: string;
  /** CSV column types forced by name (`{ sector: "VARCHAR" }`). */
  readonly types?: Readonly<Record<string, string>>;
  /** CSV: match columns by name across files (default false: by position, headers being identical). */
  readonly unionByName?: boolean;
  /** CSV: keep malformed rows in DuckDB's `reject_errors` table instead of failing on the first. */
  readonly storeRejects?: boolean;
  /** CSV: skip malformed rows (only to read the header: the scan itself never skips a row silently). */
  readonly ignoreErrors?: boolean;
  /** Parquet: add the `file_row_number` column (0-based). */
  readonly rowNumbers?: boolean;
}

/** The DuckDB table function reading the files (`read_parquet([...])`, `read_csv([...], …)`). */
export function readFunction(
  files: readonly string[],
  format: FileFormat,
  options: ReadFunctionOptions = {},
): string {
  const list = sqlList(files);
  if (format === "parquet") {
    return `read_parquet(${list}, union_by_name = true${
      options.rowNumbers ? ", file_row_number = true" : ""
    })`;
  }
  const args = [
    list,
    `delim = ${sqlString(format === "tsv" ? "\t" : options.delimiter ?? ",")}`,
    "header = true",
  ];
  const types = Object.entries(options.types ?? {});
  if (types.length > 0) {
    args.push(`types = {${types.map(([k, t]) => `${sqlString(k)}: ${sqlString(t)}`).join(", ")}}`);
  }
  if (options.unionByName) args.push("union_by_name = true");
  if (options.storeRejects) args.push("store_rejects = true");
  if (options.ignoreErrors) args.push("ignore_errors = true");
  return `read_csv(${args.join(", ")})`;
}

/** Bits of the per-cell `flags` of the first pass. */
export const FLAG = {
  /** Some row of the cell is invalid (empty code, non-finite value, non-integer year). */
  invalid: 1,
  /** Some value of the cell is not an integer. */
  fraction: 2,
  /** Some value of the cell is negative. */
  negative: 4,
} as const;

/**
 * What the column types already guarantee: an integer-typed year needs no check that it is an integer, an
 * integer-typed value none for fractions or NaN (Parquet types; CSV columns are `"other"`).
 */
export interface ColumnKinds {
  /** Type of the year column. */
  readonly year: "integer" | "other";
  /** Type of the value column. */
  readonly value: "integer" | "other";
  /** The files' statistics prove the value column has no NULL and no negative value (Parquet). */
  readonly valueProven?: boolean;
  /** The number of input rows is known without counting (Parquet metadata, no `where`). */
  readonly rowsKnown?: boolean;
}

/** The statements of a scan: see {@link aggregationSql}. */
export interface AggregationSql {
  /** The portable aggregation, returned to the user. */
  readonly sql: string;
  /**
   * The first pass, run: `CREATE TEMP TABLE agg` with the cells (`k_r`, `k_s`, `k_y`, `k_v`), the number
   * of rows of each (`n_rows`, 0 when the total is known from the files' metadata) and the OR of the
   * {@link FLAG}s of its rows (`flags`: only what the column types and statistics do not guarantee).
   */
  readonly run: string;
  /** A condition on the cells of `agg`: a NULL or empty code, or a year that is not a number. */
  readonly badCells: string;
  /** One row over the input: `amax` and `amin`, the largest and smallest non-zero |value|. */
  readonly magnitudes: string;
  /** The second pass for exact sums: `agg` again, summed in 128-bit fixed point with `bits` fraction bits. */
  readonly exact: (bits: number) => string;
}

/**
 * The portable aggregation (returned as `sql`), the first pass run (the same aggregation with flags of
 * invalid rows, fractions and negative values per cell: one extra aggregate over what the column types do
 * not guarantee, so the checks cost little), and what the exact second pass needs.
 */
export function aggregationSql(
  plan: ScanPlan,
  from: string,
  runFrom: string = from,
  kinds: ColumnKinds = { year: "other", value: "other" },
): AggregationSql {
  const q = sqlIdentifier;
  const where = plan.where === undefined ? "" : `\nWHERE (\n  ${plan.where}\n)`;
  const keys = [
    `CAST(${q(plan.region)} AS VARCHAR) AS ${q(plan.region)}`,
    `CAST(${q(plan.sector)} AS VARCHAR) AS ${q(plan.sector)}`,
    ...(plan.year === undefined ? [] : [`CAST(${q(plan.year)} AS INTEGER) AS ${q(plan.year)}`]),
  ];
  const agg = plan.aggregate === "count" ? "COUNT(*)" : `SUM(CAST(${q(plan.value)} AS DOUBLE))`;
  const groups = plan.year === undefined ? "1, 2" : "1, 2, 3";
  const sql = `SELECT ${keys.join(",\n       ")},\n       ${agg} AS ${
    q(plan.value)
  }\nFROM ${from}${where}\nGROUP BY ${groups}`;
  const sum = plan.aggregate === "sum";
  const yearCheck = plan.year !== undefined && kinds.year !== "integer";
  const inner = [
    `CAST(${q(plan.region)} AS VARCHAR) AS k_r`,
    `CAST(${q(plan.sector)} AS VARCHAR) AS k_s`,
    ...(plan.year === undefined ? [] : [`TRY_CAST(${q(plan.year)} AS INTEGER) AS k_y`]),
    ...(yearCheck ? [`TRY_CAST(${q(plan.year!)} AS DOUBLE) AS k_yd`] : []),
    ...(sum ? [`TRY_CAST(${q(plan.value)} AS DOUBLE) AS k_v`] : []),
  ];
  // Per row, only what the cells cannot show: a NULL value (SUM skips it), a rounded year (2021.5 → 2022),
  // fractions and negative values (for the exact-sum decision). Empty or NULL codes and years that are not
  // numbers form their own cells, found after the aggregation ({@link AggregationSql.badCells}).
  const invalid = [
    ...(sum && !(kinds.valueProven && kinds.value === "integer")
      ? [kinds.value === "integer" ? "k_v IS NULL" : "k_v IS NULL OR isnan(k_v) OR isinf(k_v)"]
      : []),
    ...(yearCheck ? ["CAST(k_y AS DOUBLE) <> k_yd"] : []),
  ];
  const cases = [
    ...(invalid.length > 0 ? [`CASE WHEN ${invalid.join(" OR ")} THEN ${FLAG.invalid} ELSE 0 END`] : []),
    ...(sum && kinds.value !== "integer"
      ? [`CASE WHEN k_v <> trunc(k_v) THEN ${FLAG.fraction} ELSE 0 END`]
      : []),
    ...(sum && !kinds.valueProven ? [`CASE WHEN k_v < 0 THEN ${FLAG.negative} ELSE 0 END`] : []),
  ];
  const flags = cases.length === 0 ? "CAST(0 AS UTINYINT)" : `BIT_OR(CAST(${cases.join(" | ")} AS UTINYINT))`;
  const value = sum ? "SUM(k_v)" : "CAST(COUNT(*) AS DOUBLE)";
  const cells = `k_r, k_s${plan.year === undefined ? "" : ", k_y"}`;
  const src = `(\n  SELECT ${inner.join(", ")}\n  FROM ${runFrom}${where}\n) AS src`;
  const run = `CREATE TEMP TABLE agg AS
SELECT ${cells}, ${value} AS k_v, ${kinds.rowsKnown ? "0" : "COUNT(*)"} AS n_rows, ${flags} AS flags
FROM ${src}
GROUP BY ${groups}`;
  const magnitudes =
    `SELECT MAX(abs(k_v)) AS amax, MIN(abs(k_v)) FILTER (WHERE k_v <> 0) AS amin FROM ${src}`;
  const exact = (bits: number) => {
    const scale = `pow(2.0, ${bits})`;
    return `CREATE OR REPLACE TEMP TABLE agg AS
SELECT ${cells}, CAST(SUM(CAST(k_v * ${scale} AS HUGEINT)) AS DOUBLE) / ${scale} AS k_v
FROM ${src}
GROUP BY ${groups}`;
  };
  const badCells = [
    "k_r IS NULL OR k_r = ''",
    "k_s IS NULL OR k_s = ''",
    ...(plan.year === undefined ? [] : ["k_y IS NULL"]),
  ]
    .join(" OR ");
  return { sql, run, badCells, magnitudes, exact };
}

/**
 * Are the first pass's double sums exact? Yes when every value is a non-negative integer and every cell
 * sum is below 2⁵³: partial sums then never exceed the cell's sum, so each addition is exact in any order
 * (counts, head counts, exports in dollars). Otherwise DuckDB's parallel double sums depend on thread
 * scheduling in their last bits, and the sums are redone with {@link exactSumBits}.
 */
export function sumsAreExact(flags: number, largestCell: number): boolean {
  return (flags & (FLAG.fraction | FLAG.negative)) === 0 && largestCell < 2 ** 53;
}

/** What the exact second pass is scaled by. */
export interface SumStats {
  /** A bound on every partial sum of a cell: the number of input rows × the largest |value|. */
  readonly bound: number;
  /** The smallest non-zero |value| (`Infinity` when none). */
  readonly smallest: number;
}

/**
 * Fraction bits of the exact second pass: the values are summed as 128-bit integers scaled by 2^bits.
 * `bits` = 52 − ⌊log₂ smallest⌋ makes every value an exact integer; it is capped so that bound × 2^bits
 * stays below 2¹²⁶ (no overflow). Under the cap (`exact: false`) values are rounded to multiples of
 * 2^−bits (design choice: deterministic always, exact whenever the range of magnitudes allows).
 */
export function exactSumBits(stats: SumStats): { bits: number; exact: boolean } {
  const needed = Number.isFinite(stats.smallest) ? 52 - Math.floor(Math.log2(stats.smallest)) : 0;
  const cap = 126 - Math.ceil(Math.log2(Math.max(stats.bound, 1)));
  return { bits: Math.min(needed, cap), exact: needed <= cap };
}
