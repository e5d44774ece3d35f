/**
 * The values a spatial statistic reads, aligned with the regions of a {@link SpatialWeights}: a record
 * region id → number, or a table with a region column and a value column. Every region of the weights must
 * have exactly one finite value and every value must belong to a region of the weights: anything else is a
 * {@link ValidationError} naming the ids (nothing is dropped or filled in).
 * @module
 */
import type { ColumnTable } from "../../deps/arquero.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../../core/validation_error.ts";
import { isTable, type TableInput, toTable } from "../../data/adapters.ts";
import { listLabels } from "../../core/checks.ts";
import type { SpatialWeights } from "./weights.ts";

/** Values of a spatial statistic: a record region id → number, or a table (region and value columns). */
export type SpatialValues = Readonly<Record<string, number>> | TableInput;

/** Column options shared by the spatial statistics when `values` is a table. */
export interface SpatialValueColumns {
  /** Region id column of a table input (default "region"). */
  readonly region?: string;
  /** Value column of a table input (default "value"). */
  readonly value?: string;
}

function isRecordOfNumbers(x: unknown): x is Readonly<Record<string, number>> {
  if (typeof x !== "object" || x === null || Array.isArray(x) || isTable(x)) return false;
  const first = Object.values(x)[0];
  return first === undefined || !(typeof first === "object" && first !== null && "length" in first);
}

function fromTable(
  table: ColumnTable,
  region: string,
  value: string,
  subject: string,
): { ids: string[]; values: unknown[]; issues: ValidationIssue[] } {
  const cols = table.columnNames();
  const issues: ValidationIssue[] = [];
  for (const c of [region, value]) {
    if (!cols.includes(c)) {
      issues.push({ column: c, expected: `a column "${c}"`, received: `columns ${cols.join(", ")}` });
    }
  }
  if (issues.length > 0) throw new ValidationError(subject, issues);
  const ids: string[] = [];
  const getId = table.getter(region);
  for (let r = 0; r < table.numRows(); r++) {
    const id = getId(r);
    if (typeof id !== "string" && typeof id !== "number") {
      issues.push({
        row: r + 1,
        column: region,
        expected: "a region id (text)",
        received: describeValue(id),
      });
    }
    ids.push(String(id));
  }
  return { ids, values: table.array(value) as unknown[], issues };
}

/**
 * The values in the order of `W.ids` as a Float64Array.
 * @internal
 */
export function alignValues(
  values: SpatialValues,
  W: SpatialWeights,
  columns: SpatialValueColumns,
  fn: string,
): Float64Array {
  const subject = `values of ${fn}`;
  const { ids, values: raw, issues } = isRecordOfNumbers(values)
    ? {
      ids: Object.keys(values),
      values: Object.values(values) as unknown[],
      issues: [] as ValidationIssue[],
    }
    : fromTable(toTable(values as TableInput), columns.region ?? "region", columns.value ?? "value", subject);
  const x = new Float64Array(W.n).fill(NaN);
  const seen = new Uint8Array(W.n);
  const unknown: string[] = [];
  ids.forEach((id, r) => {
    const i = W.indexOf(id);
    if (i < 0) return void unknown.push(id);
    const v = raw[r];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      issues.push({ row: r + 1, column: id, expected: "a finite number", received: describeValue(v) });
    } else if (seen[i]) {
      issues.push({ row: r + 1, column: id, expected: "one value per region", received: "a second value" });
    } else {
      seen[i] = 1;
      x[i] = v;
    }
  });
  if (unknown.length > 0) {
    issues.push({
      column: columns.region ?? "region",
      expected: "ids of regions of the weights",
      received: `${unknown.length} unknown: ${listLabels(unknown)}`,
    });
  }
  const missing = W.ids.filter((_, i) => !seen[i] && !issues.some((s) => s.column === W.ids[i]));
  if (missing.length > 0) {
    issues.push({
      column: columns.value ?? "value",
      expected: "a value for every region of the weights",
      received: `none for ${missing.length}: ${listLabels(missing)}`,
    });
  }
  if (issues.length > 0) throw new ValidationError(subject, issues);
  return x;
}
