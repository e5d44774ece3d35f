/**
 * Platform governance order: is a cluster's knowledge platform built under public hierarchy
 * or private order? The source text contrasts the Zhongguancun credit platform (the Management Commission
 * initiated and implemented it: public hierarchy) with the Hangzhou e-commerce credit platform (leading
 * private firms controlled it: private order). A case records who holds each role; the weighted public
 * share of the coded roles gives the order. Role weights, the value of "mixed" and the cut-offs are a
 * **design choice** and parameters.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { classifyPlatform, loadDataset } from "clusterlab";
 * // the two cases of the source text, as coded in the shipped data
 * const r = classifyPlatform(await loadDataset("platform-cases"));
 * const order = Object.fromEntries((r.table.objects() as { case: string; order: string }[]).map((d) => [d.case, d.order]));
 * assert.equal(order["Zhongguancun credit platform"], "public_hierarchy");
 * assert.equal(order["Hangzhou e-commerce credit platform"], "private_order");
 * ```
 * @module
 */
import * as aq from "../deps/arquero.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import { type TableInput, toTable } from "../data/adapters.ts";
import { PLATFORM_CASES, PLATFORM_ROLES, ROLE_HOLDERS } from "../data/schema.ts";
import { validate } from "../data/validate.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../core/validation_error.ts";
import type { Bilingual, Lang } from "../core/i18n.ts";
import { finiteResult } from "../indicators/finite_result.ts";

/** A platform role (initiator, implementer, controller, funder, rule_maker, data_owner, membership). */
export type PlatformRole = typeof PLATFORM_ROLES[number];
/** Who holds a role. */
export type RoleHolder = typeof ROLE_HOLDERS[number];
/** A platform governance order. */
export type PlatformOrder = "public_hierarchy" | "hybrid" | "private_order";
/** @deprecated Use {@link PlatformOrder} (the same type under its 0.1 name). */
export type PlatformOrderName = PlatformOrder;

/** Labels of the roles. */
export const PLATFORM_ROLE_LABELS: Readonly<Record<PlatformRole, Bilingual>> = {
  initiator: { en: "initiator", zh: "发起者" },
  implementer: { en: "implementer", zh: "实施者" },
  controller: { en: "controller (decision rights)", zh: "控制者（决策权）" },
  funder: { en: "main funder", zh: "主要出资者" },
  rule_maker: { en: "rule-maker", zh: "规则制定者" },
  data_owner: { en: "data owner", zh: "数据所有者" },
  membership: { en: "membership (mandatory/voluntary)", zh: "成员资格（强制/自愿）" },
};

/** Labels of the holders. */
export const ROLE_HOLDER_LABELS: Readonly<Record<RoleHolder, Bilingual>> = {
  public: { en: "public", zh: "公共" },
  private: { en: "private", zh: "私人" },
  mixed: { en: "mixed", zh: "混合" },
};

/** Labels of the orders. */
export const PLATFORM_ORDERS: Readonly<Record<PlatformOrder, Bilingual>> = {
  public_hierarchy: { en: "public hierarchy", zh: "公共层级" },
  hybrid: { en: "hybrid order", zh: "混合秩序" },
  private_order: { en: "private order", zh: "私人秩序" },
};

/** Options of {@link classifyPlatform}. */
export interface ClassifyPlatformOptions {
  /** Weight of each role (default 1 each; design choice). Roles missing here weigh 1. */
  readonly roleWeights?: Readonly<Partial<Record<PlatformRole, number>>>;
  /** Public value of each holder (default public 1, mixed 0.5, private 0). */
  readonly holderValues?: Readonly<Partial<Record<RoleHolder, number>>>;
  /** Public share ≥ this is public hierarchy (default 2/3). */
  readonly publicCutoff?: number;
  /** Public share ≤ this is private order (default 1/3). */
  readonly privateCutoff?: number;
  /** Language of the labels (default "en"). */
  readonly lang?: Lang;
}

/** @deprecated Use {@link ClassifyPlatformOptions} (the same type under its 0.1 name). */
export type PlatformOptions = ClassifyPlatformOptions;

/** The result of {@link classifyPlatform}. */
export interface PlatformResult {
  /**
   * One row per case: `case`, `public_share` (weighted public value of the coded roles), `order` (code),
   * `order_label`, `margin` (distance to the nearest cut-off), `roles_coded`, `weight_coded` (share of the
   * total role weight that is coded) and `missing_roles`.
   */
  readonly table: ColumnTable;
  /** The role codings in long form with weights and labels (`case`, `role`, `role_label`, `holder`, `holder_label`, `weight`, `value`, `evidence`). */
  readonly roles: ColumnTable;
  /** Notes: cases with few coded roles, cases near a cut-off. */
  readonly warnings: readonly string[];
}

/** Role weights and holder values (defaults 1 per role; public 1, mixed 0.5, private 0), validated. */
function checkOptions(options: ClassifyPlatformOptions): {
  weightOf: Record<string, number>;
  valueOf: Record<string, number>;
} {
  const { publicCutoff = 2 / 3, privateCutoff = 1 / 3, lang = "en" } = options;
  const issues: ValidationIssue[] = [];
  const weightOf: Record<string, number> = {};
  for (const r of PLATFORM_ROLES) weightOf[r] = 1;
  for (const [r, w] of Object.entries(options.roleWeights ?? {})) {
    if (!(PLATFORM_ROLES as readonly string[]).includes(r)) {
      issues.push({
        column: `roleWeights.${r}`,
        expected: `a role (${PLATFORM_ROLES.join(", ")})`,
        received: `"${r}"`,
      });
    } else if (typeof w !== "number" || !Number.isFinite(w) || w < 0) {
      issues.push({
        column: `roleWeights.${r}`,
        expected: "a finite number ≥ 0",
        received: describeValue(w),
      });
    } else weightOf[r] = w;
  }
  const valueOf: Record<string, number> = { public: 1, mixed: 0.5, private: 0 };
  for (const [h, v] of Object.entries(options.holderValues ?? {})) {
    if (!(ROLE_HOLDERS as readonly string[]).includes(h)) {
      issues.push({
        column: `holderValues.${h}`,
        expected: `a holder (${ROLE_HOLDERS.join(", ")})`,
        received: `"${h}"`,
      });
    } else if (typeof v !== "number" || !(v >= 0 && v <= 1)) {
      issues.push({
        column: `holderValues.${h}`,
        expected: "a number in [0, 1]",
        received: describeValue(v),
      });
    } else valueOf[h] = v;
  }
  if (
    !(typeof privateCutoff === "number" && typeof publicCutoff === "number" && 0 <= privateCutoff &&
      privateCutoff < publicCutoff && publicCutoff <= 1)
  ) {
    issues.push({
      column: "privateCutoff, publicCutoff",
      expected: "0 ≤ privateCutoff < publicCutoff ≤ 1",
      received: `${describeValue(privateCutoff)}, ${describeValue(publicCutoff)}`,
    });
  }
  if (lang !== "en" && lang !== "zh") {
    issues.push({ column: "lang", expected: `"en" or "zh"`, received: describeValue(lang) });
  }
  if (issues.length > 0) throw new ValidationError("parameters of classifyPlatform", issues);
  return { weightOf, valueOf };
}

/** The weighted public value per case (cases in order of appearance) and the long table of role codings. */
function codedRoles(
  table: ColumnTable,
  weightOf: Record<string, number>,
  valueOf: Record<string, number>,
  lang: Lang,
) {
  const n = table.numRows();
  const gC = table.getter("case"), gR = table.getter("role"), gH = table.getter("holder");
  const gE = table.columnNames().includes("evidence") ? table.getter("evidence") : () => null;
  const order: string[] = [];
  const byCase = new Map<string, { num: number; den: number; roles: Set<string> }>();
  const long: Record<string, unknown[]> = {
    case: [],
    role: [],
    role_label: [],
    holder: [],
    holder_label: [],
    weight: [],
    value: [],
    evidence: [],
  };
  for (let i = 0; i < n; i++) {
    const c = gC(i) as string, r = gR(i) as PlatformRole, h = gH(i) as RoleHolder;
    let acc = byCase.get(c);
    if (!acc) {
      byCase.set(c, acc = { num: 0, den: 0, roles: new Set() });
      order.push(c);
    }
    const w = weightOf[r]!, v = valueOf[h]!;
    acc.num += w * v;
    acc.den += w;
    acc.roles.add(r);
    long.case!.push(c);
    long.role!.push(r);
    long.role_label!.push(PLATFORM_ROLE_LABELS[r][lang]);
    long.holder!.push(h);
    long.holder_label!.push(ROLE_HOLDER_LABELS[h][lang]);
    long.weight!.push(w);
    long.value!.push(v);
    long.evidence!.push(gE(i) ?? null);
  }
  return { order, byCase, long };
}

/**
 * Classify platform cases as public hierarchy, hybrid or private order (the contrast the source text draws
 * between the Zhongguancun and Hangzhou credit platforms; design choice).
 *
 * public_share = Σ_r w_r v(holder_r) / Σ_r w_r over the coded roles r of a case, with v(public) = 1,
 * v(mixed) = 0.5, v(private) = 0; ≥ 2/3 public hierarchy, ≤ 1/3 private order, otherwise hybrid. Weights,
 * values and cut-offs are a design choice (parameters). The input follows the {@link PLATFORM_CASES} schema
 * (`case`, `role`, `holder`, `evidence`), validated: unknown roles or holders and duplicate (case, role) are
 * errors naming the row. Roles not coded are listed per case, not guessed.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { classifyPlatform } from "clusterlab";
 * const r = classifyPlatform([
 *   { case: "ZGC", role: "initiator", holder: "public" },
 *   { case: "ZGC", role: "implementer", holder: "public" },
 *   { case: "ZGC", role: "controller", holder: "mixed" },
 *   { case: "HZ", role: "controller", holder: "private" },
 * ]);
 * assert.deepEqual(r.table.array("public_share"), [2.5 / 3, 0]); // (1 + 1 + 0.5)/3
 * assert.deepEqual(r.table.array("order"), ["public_hierarchy", "private_order"]);
 * assert.equal(r.warnings.length, 1); // HZ: only 1 of 7 roles coded
 * ```
 */
export function classifyPlatform(cases: TableInput, options: ClassifyPlatformOptions = {}): PlatformResult {
  const { weightOf, valueOf } = checkOptions(options);
  const { publicCutoff = 2 / 3, privateCutoff = 1 / 3, lang = "en" } = options;
  const table = validate(toTable(cases), PLATFORM_CASES).table;
  const { order, byCase, long } = codedRoles(table, weightOf, valueOf, lang);
  const totalWeight = PLATFORM_ROLES.reduce((s, r) => s + weightOf[r]!, 0);
  const warnings: string[] = [];
  const rows: Record<string, unknown>[] = [];
  for (const c of order) {
    const { num, den, roles } = byCase.get(c)!;
    const missing = PLATFORM_ROLES.filter((r) => !roles.has(r));
    let share: number;
    if (den === 0) {
      share = 0.5;
      warnings.push(`case "${c}": every coded role has weight 0, public share set to 0.5 (undetermined)`);
    } else share = num / den;
    const code: PlatformOrder = share >= publicCutoff
      ? "public_hierarchy"
      : share <= privateCutoff
      ? "private_order"
      : "hybrid";
    const margin = Math.min(Math.abs(share - publicCutoff), Math.abs(share - privateCutoff));
    const coded = PLATFORM_ROLES.reduce((s, r) => s + (roles.has(r) ? weightOf[r]! : 0), 0);
    if (roles.size < 3) {
      warnings.push(
        `case "${c}": only ${roles.size} of ${PLATFORM_ROLES.length} roles coded (${
          [...roles].join(", ")
        }); ` +
          `the order rests on them alone`,
      );
    }
    rows.push({
      case: c,
      public_share: share,
      order: code,
      order_label: PLATFORM_ORDERS[code][lang],
      margin,
      roles_coded: roles.size,
      weight_coded: totalWeight > 0 ? coded / totalWeight : 0,
      missing_roles: missing.join(", "),
    });
  }
  return finiteResult("classifyPlatform", { table: aq.from(rows), roles: aq.table(long), warnings });
}
