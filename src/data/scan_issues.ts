/**
 * The error path of a DuckDB scan: when the aggregation counted invalid rows (or DuckDB rejected CSV rows),
 * find them again, with their file and row, and describe each as a {@link ValidationIssue}. This runs only
 * when something is wrong, so it may scan the files a second time.
 * @module
 */
import type { ValidationIssue } from "../core/validation_error.ts";
import { describeValue } from "../core/validation_error.ts";
import { type Engine, sqlIdentifier, sqlString } from "./duckdb_engine.ts";
import type { FileFormat } from "./file_sources.ts";
import { readFunction, type ReadFunctionOptions, type ScanPlan } from "./scan_sql.ts";

/** At most this many invalid rows are located and listed. */
const SHOWN = 20;

function expectedOf(column: string, plan: ScanPlan): string {
  if (column === plan.region || column === plan.sector) return "a non-empty code (text)";
  if (column === plan.year) return "an integer year";
  if (column === plan.value) return "a finite number";
  return "a value of the column's type";
}

/**
 * A CSV conversion error DuckDB raised ("CSV Error on Line: 3 … column "value". Could not convert string
 * "abc" to 'DOUBLE' … file = a.csv") as an issue; `undefined` when the message is not one.
 */
export function csvIssueFromMessage(message: string, plan: ScanPlan): ValidationIssue | undefined {
  const line = /CSV Error on Line: (\d+)/.exec(message);
  if (!line) return undefined;
  const column = /column "((?:[^"]|"")*)"/.exec(message)?.[1]?.replaceAll('""', '"') ?? "(row)";
  const received = /Could not convert string "((?:[^"]|"")*)"/.exec(message)?.[1];
  const file = /^\s*file = (.*)$/m.exec(message)?.[1]?.trim();
  const original = /Original Line: (.*)$/m.exec(message)?.[1];
  return {
    row: Number(line[1]) - 1,
    column,
    expected: expectedOf(column, plan),
    received: received !== undefined
      ? JSON.stringify(received)
      : JSON.stringify(original ?? message.split("\n")[0]),
    message: `line ${line[1]}${file ? ` of ${file}` : ""}`,
  };
}

/** Rows DuckDB rejected while reading CSV files with `store_rejects` (none: `[]`). */
export async function rejectIssues(engine: Engine, plan: ScanPlan): Promise<ValidationIssue[]> {
  const [count] = await engine.rows("SELECT COUNT(*) AS n FROM reject_errors");
  const total = Number(count!.n);
  if (total === 0) return [];
  const rows = await engine.rows(
    `SELECT s.file_path AS file, e.line AS line, e.column_name AS column_name, e.error_type AS kind,
            e.csv_line AS csv_line, e.error_message AS message
     FROM reject_errors e JOIN reject_scans s USING (scan_id, file_id)
     ORDER BY s.file_path, e.line LIMIT ${SHOWN}`,
  );
  const issues = rows.map((r): ValidationIssue => {
    const cast = String(r.kind) === "CAST";
    const column = r.column_name == null ? "(row)" : String(r.column_name);
    const received = /Could not convert string "((?:[^"]|"")*)"/.exec(String(r.message))?.[1];
    return {
      row: Number(r.line) - 1,
      column: cast ? column : "(row)",
      expected: cast ? expectedOf(column, plan) : "a well-formed CSV row (as many fields as the header)",
      received: cast && received !== undefined
        ? JSON.stringify(received)
        : JSON.stringify(String(r.csv_line)),
      message: `line ${r.line} of ${r.file}${cast ? "" : `: ${r.message}`}`,
    };
  });
  if (total > SHOWN) issues.push(countIssue(total));
  return issues;
}

/** Further invalid rows, counted but not located while malformed CSV rows are listed. */
export function moreIssue(): ValidationIssue {
  return {
    column: "(all)",
    expected: "non-empty codes, finite values and integer years",
    received: "further invalid rows (listed with their rows once the rows above are fixed)",
  };
}

/** The total of invalid (or rejected) rows, after the first 20 listed. */
export function countIssue(total: number): ValidationIssue {
  return { column: "(all)", expected: "no invalid rows", received: `${total} invalid rows in all` };
}

/** SQL of the four checks, as boolean columns over the raw columns of the files. */
function checks(plan: ScanPlan): [string, string][] {
  const q = sqlIdentifier;
  const label = (c: string) => `(CAST(${q(c)} AS VARCHAR) IS NULL OR CAST(${q(c)} AS VARCHAR) = '')`;
  const out: [string, string][] = [[plan.region, label(plan.region)], [plan.sector, label(plan.sector)]];
  if (plan.year !== undefined) {
    const y = q(plan.year);
    out.push([
      plan.year,
      `(TRY_CAST(${y} AS INTEGER) IS NULL OR CAST(TRY_CAST(${y} AS INTEGER) AS DOUBLE) IS DISTINCT FROM TRY_CAST(${y} AS DOUBLE))`,
    ]);
  }
  if (plan.aggregate === "sum") {
    const v = `TRY_CAST(${q(plan.value)} AS DOUBLE)`;
    out.push([plan.value, `(${v} IS NULL OR isnan(${v}) OR isinf(${v}))`]);
  }
  return out;
}

/** Where the invalid rows are. */
export interface InvalidRowsContext {
  /** The files scanned. */
  readonly files: readonly string[];
  /** Their format. */
  readonly format: FileFormat;
  /** The scan. */
  readonly plan: ScanPlan;
  /** How CSV files were read. */
  readonly csv: ReadFunctionOptions;
}

/**
 * Locate up to 20 invalid rows (file and 1-based data row) and describe every failed check of each; a last
 * issue gives the total when more were counted. CSV files are read again one by one on one thread, with the
 * checked columns as text (so that nothing fails to parse and row numbers follow the file) and retyped as
 * in the scan before `where` applies.
 */
export async function invalidRowIssues(
  engine: Engine,
  context: InvalidRowsContext,
): Promise<ValidationIssue[]> {
  const { files, format, plan, csv } = context;
  const tests = checks(plan);
  const q = sqlIdentifier;
  const flags = tests.map(([, sql], i) => `${sql} AS __cl_bad_${i}`).join(", ");
  const raw = tests.map(([c], i) => `CAST(${q(c)} AS VARCHAR) AS __cl_raw_${i}`).join(", ");
  const any = tests.map((_, i) => `__cl_bad_${i}`).join(" OR ");
  const where = plan.where === undefined ? "" : ` AND (\n${plan.where}\n)`;
  const relations: string[] = [];
  if (format === "parquet") {
    relations.push(
      `(SELECT filename AS __cl_file, file_row_number + 1 AS __cl_row, ${flags}, ${raw}, *
        FROM ${readFunction(files, format, { rowNumbers: true })})`,
    );
  } else {
    const numeric = [
      ...(plan.year === undefined ? [] : [plan.year]),
      ...(plan.aggregate === "sum" ? [plan.value] : []),
    ];
    const types = { ...csv.types, ...Object.fromEntries(numeric.map((c) => [c, "VARCHAR"])) };
    const retype = numeric.length === 0
      ? "*"
      : `* REPLACE (${numeric.map((c) => `TRY_CAST(${q(c)} AS DOUBLE) AS ${q(c)}`).join(", ")})`;
    await engine.run("SET threads = 1");
    for (const f of files) {
      relations.push(
        `(SELECT ${sqlString(f)} AS __cl_file, row_number() OVER () AS __cl_row, ${flags}, ${raw}, ${retype}
          FROM ${readFunction([f], format, { ...csv, types })})`,
      );
    }
  }
  let total = 0;
  const found: Record<string, unknown>[] = [];
  for (const rel of relations) {
    const [count] = await engine.rows(`SELECT COUNT(*) AS n FROM ${rel} WHERE (${any})${where}`);
    total += Number(count!.n);
    if (found.length < SHOWN) {
      found.push(
        ...await engine.rows(
          `SELECT * FROM ${rel} WHERE (${any})${where} ORDER BY __cl_file, __cl_row LIMIT ${
            SHOWN - found.length
          }`,
        ),
      );
    }
  }
  const issues: ValidationIssue[] = [];
  for (const r of found) {
    tests.forEach(([column], i) => {
      if (r[`__cl_bad_${i}`] === true) {
        const v = r[`__cl_raw_${i}`];
        issues.push({
          row: Number(r.__cl_row),
          column,
          expected: expectedOf(column, plan),
          received: v === null ? "null (empty)" : describeValue(v),
          message: `in ${r.__cl_file}`,
        });
      }
    });
  }
  if (total > found.length) issues.push(countIssue(total));
  return issues;
}
