/**
 * The zod rule of a schema column, used by `validate` (validate.ts). Internal to the data layer (not
 * re-exported from the barrel): zod's types stay out of ClusterLab's public API.
 * @module
 */
import { z } from "../deps/zod.ts";
import type { ColumnSpec } from "./schema.ts";

/** The zod rule for one column's parsed value (null allowed only when optional). */
export function columnRule(spec: ColumnSpec): z.ZodType {
  let rule: z.ZodType;
  if (spec.type === "text") {
    rule = spec.values ? z.enum(spec.values as [string, ...string[]]) : z.string().min(1);
  } else {
    let n = spec.type === "integer" ? z.number().int() : z.number();
    n = n.refine(Number.isFinite, "a finite number");
    if (spec.min !== undefined) n = n.min(spec.min);
    if (spec.max !== undefined) n = n.max(spec.max);
    rule = n;
  }
  return spec.optional ? rule.nullable().optional() : rule;
}
