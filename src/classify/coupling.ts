/**
 * Coupling coordination of innovation elements (耦合协调度): how strongly n ≥ 2 subsystems (knowledge,
 * organisation, institution, …) interact (C), how developed they are together (T) and the coupling
 * coordination degree D = √(C·T) (廖重斌 1999, 热带地理 19(2)), with the standard C and the corrections of
 * Wang et al. (2021, 自然资源学报 36(3)) and Fan et al. (2024, 统计与决策 40(22)), and the bands of C and D as
 * configurable levels.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { couplingStandard, couplingWang } from "clusterlab/advanced";
 * // equal subsystems couple perfectly under every variant
 * assert.equal(couplingStandard([0.4, 0.4, 0.4]), 1);
 * assert.equal(couplingWang([0.4, 0.4, 0.4]), 1);
 * ```
 * @module
 */
import * as aq from "../deps/arquero.ts";
import type { ColumnTable } from "../deps/arquero.ts";
import { type TableInput, toTable } from "../data/adapters.ts";
import { describeValue, ValidationError, type ValidationIssue } from "../core/validation_error.ts";
import type { Bilingual, Lang } from "../core/i18n.ts";
import { finiteResult } from "../indicators/finite_result.ts";
import { checkUniqueKey, panelKey } from "../data/keys.ts";

/** Which coupling degree C is used for D. */
export type CouplingVariant = "standard" | "wang" | "fan";

/** Labelled bands over [0, 1]: `edges` has one more entry than `labels`. */
export interface LevelBands {
  /** Increasing band edges; the first is ≤ 0 and the last ≥ 1 so every value in [0, 1] falls in a band. */
  readonly edges: readonly number[];
  /** One label per band. */
  readonly labels: readonly Bilingual[];
  /**
   * Which side of a band is closed: "left" gives [a, b) (the last band is [a, b]); "right" gives (a, b]
   * (the first band is [a, b]).
   */
  readonly closed: "left" | "right";
}

/**
 * The usual 10 levels of D in steps of 0.1 (极度失调 … 优质协调), lower edge closed: [0, 0.1), [0.1, 0.2), …,
 * [0.9, 1]. Widely used in the Chinese literature (e.g. 廖重斌 1999, and Wang et al. 2021 §2 who discuss
 * it); a convention, not a law: pass your own {@link LevelBands}.
 */
export const COUPLING_D_LEVELS: LevelBands = {
  edges: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1],
  labels: [
    { en: "extreme disorder", zh: "极度失调" },
    { en: "serious disorder", zh: "严重失调" },
    { en: "moderate disorder", zh: "中度失调" },
    { en: "mild disorder", zh: "轻度失调" },
    { en: "on the verge of disorder", zh: "濒临失调" },
    { en: "barely coordinated", zh: "勉强协调" },
    { en: "primary coordination", zh: "初级协调" },
    { en: "intermediate coordination", zh: "中级协调" },
    { en: "good coordination", zh: "良好协调" },
    { en: "high-quality coordination", zh: "优质协调" },
  ],
  closed: "left",
};

/**
 * The four stages of C: 0–0.3 low, 0.3–0.5 antagonism, 0.5–0.8 running-in, 0.8–1 high, lower edge closed: a
 * convention of the Chinese coupling literature, not a law (design choice; pass your own {@link LevelBands}).
 */
export const COUPLING_C_STAGES: LevelBands = {
  edges: [0, 0.3, 0.5, 0.8, 1],
  labels: [
    { en: "low-level coupling", zh: "低水平耦合" },
    { en: "antagonism", zh: "拮抗阶段" },
    { en: "running-in", zh: "磨合阶段" },
    { en: "high-level coupling", zh: "高水平耦合" },
  ],
  closed: "left",
};

/** Options of {@link couplingCoordination}. */
export interface CouplingCoordinationOptions {
  /** Weights α_i of T = Σ α_i U_i, one per subsystem (array in `subsystems` order, or keyed by name); must sum to 1. Default 1/n. */
  readonly weights?: readonly number[] | Readonly<Record<string, number>>;
  /** Which C enters D (default "standard"). */
  readonly variant?: CouplingVariant;
  /** Bands of D (default {@link COUPLING_D_LEVELS}). */
  readonly dLevels?: LevelBands;
  /** Bands of C (default {@link COUPLING_C_STAGES}). */
  readonly cLevels?: LevelBands;
  /** Language of the level labels (default "en"). */
  readonly lang?: Lang;
}

/** @deprecated the 0.1 options of `couplingCoordination`, `subsystems` among them; use `(input, subsystems, options)`. */
export type CouplingOptions = CouplingCoordinationOptions & { readonly subsystems: readonly string[] };

/** The result of {@link couplingCoordination}. */
export interface CouplingResult {
  /** The input table with `C`, `C_W`, `T`, `D`, `C_level`, `D_level` and `D_band` added. */
  readonly table: ColumnTable;
  /** Notes on degenerate rows (every subsystem 0). */
  readonly warnings: readonly string[];
}

/**
 * Standard coupling degree C = n (∏ U_i)^{1/n} / Σ U_i (geometric over arithmetic mean; e.g. 廖重斌 1999,
 * Wang et al. 2021 eq. 1). C = 0 when Σ U_i = 0 (design choice: no development, no coupling).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { couplingStandard } from "clusterlab/advanced";
 * assert.equal(couplingStandard([0.25, 1]), 0.8); // 2·√(0.25 · 1)/1.25
 * assert.equal(couplingStandard([0, 1]), 0); // a subsystem at 0: no coupling
 * ```
 */
export function couplingStandard(u: ArrayLike<number>): number {
  const n = u.length;
  let sum = 0, logProd = 0, zero = false;
  for (let i = 0; i < n; i++) {
    sum += u[i]!;
    if (u[i]! <= 0) zero = true;
    else logProd += Math.log(u[i]!);
  }
  if (sum <= 0 || zero) return 0;
  return (n * Math.exp(logProd / n)) / sum;
}

/**
 * Wang et al. (2021) modified coupling degree (王淑佳, 孔伟, 任亮, 治丹丹, 自然资源学报 36(3): 793–810):
 * C_W = √{[1 − Σ_{i<j} |U_i − U_j| / Σ_{m=1}^{n−1} m] · [∏_i (U_i / max_j U_j)]^{1/(n−1)}}.
 * C_W = 0 when every U_i is 0 (design choice).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { couplingWang } from "clusterlab/advanced";
 * assert.equal(couplingWang([0.25, 1]), 0.25); // √((1 − 0.75/1)·(0.25/1)^{1/1})
 * ```
 */
export function couplingWang(u: ArrayLike<number>): number {
  const n = u.length;
  let max = 0;
  for (let i = 0; i < n; i++) if (u[i]! > max) max = u[i]!;
  if (max <= 0) return 0;
  let diff = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) diff += Math.abs(u[i]! - u[j]!);
  const pairs = (n * (n - 1)) / 2; // Σ_{m=1}^{n−1} m
  let prod = 1;
  for (let i = 0; i < n; i++) prod *= u[i]! / max;
  const v = (1 - diff / pairs) * Math.pow(prod, 1 / (n - 1));
  return v > 0 ? Math.sqrt(v) : 0;
}

/**
 * Fan et al. (2024) coupling degree (范定祥, 柯洪, 曹瑞, 统计与决策 40(22): 41–46):
 * C_F = max(0, 1 − 2σ(U)), σ the population standard deviation of the U_i.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { couplingFan } from "clusterlab/advanced";
 * assert.equal(couplingFan([0.25, 0.75]), 0.5); // σ_pop = 0.25: 1 − 2·0.25
 * assert.equal(couplingFan([0, 1]), 0); // σ_pop = 0.5: clamped at 0
 * ```
 */
export function couplingFan(u: ArrayLike<number>): number {
  const n = u.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += u[i]!;
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (u[i]! - mean) ** 2;
  return Math.max(0, 1 - 2 * Math.sqrt(ss / n));
}

/**
 * Index of the band of `value` (0-based), or −1 when it lies outside every band.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { COUPLING_D_LEVELS, levelIndex } from "clusterlab/advanced";
 * assert.equal(levelIndex(0.55, COUPLING_D_LEVELS), 5); // [0.5, 0.6): barely coordinated
 * assert.equal(levelIndex(1, COUPLING_D_LEVELS), 9); // the last band is closed on both sides
 * assert.equal(levelIndex(1.2, COUPLING_D_LEVELS), -1);
 * ```
 */
export function levelIndex(value: number, bands: LevelBands): number {
  const { edges, closed } = bands;
  const k = edges.length - 1;
  for (let b = 0; b < k; b++) {
    const lo = edges[b]!, hi = edges[b + 1]!;
    if (closed === "left") {
      if (value >= lo && (value < hi || (b === k - 1 && value <= hi))) return b;
    } else if (value <= hi && (value > lo || (b === 0 && value >= lo))) return b;
  }
  return -1;
}

function checkBands(bands: LevelBands, name: string, issues: ValidationIssue[]): void {
  const { edges, labels, closed } = bands ?? {};
  if (
    !Array.isArray(edges) || edges.length < 2 || !Array.isArray(labels) || labels.length !== edges.length - 1
  ) {
    issues.push({
      column: name,
      expected: "edges (k + 1 increasing numbers) and k labels",
      received: `${describeValue(edges)} and ${
        Array.isArray(labels) ? labels.length : describeValue(labels)
      } labels`,
    });
    return;
  }
  for (let i = 0; i < edges.length; i++) {
    if (!Number.isFinite(edges[i]) || (i > 0 && !(edges[i]! > edges[i - 1]!))) {
      issues.push({
        column: `${name}.edges[${i}]`,
        expected: "finite, increasing edges",
        received: describeValue(edges[i]),
      });
    }
  }
  if (edges[0]! > 0 || edges.at(-1)! < 1) {
    issues.push({
      column: `${name}.edges`,
      expected: "edges covering [0, 1]",
      received: describeValue(edges),
    });
  }
  if (closed !== "left" && closed !== "right") {
    issues.push({ column: `${name}.closed`, expected: `"left" or "right"`, received: describeValue(closed) });
  }
  labels.forEach((l, i) => {
    if (typeof l?.en !== "string" || typeof l?.zh !== "string") {
      issues.push({
        column: `${name}.labels[${i}]`,
        expected: "a label {en, zh}",
        received: describeValue(l),
      });
    }
  });
}

/** The weights α_i of T, validated (default 1/n each). */
function weightsOf(subsystems: readonly string[], w: CouplingCoordinationOptions["weights"]): Float64Array {
  const n = subsystems.length;
  const alpha = new Float64Array(n).fill(1 / n);
  if (w === undefined) return alpha;
  const issues: ValidationIssue[] = [];
  const values = Array.isArray(w) ? w : subsystems.map((s) => (w as Record<string, number>)[s]);
  if (Array.isArray(w) && w.length !== n) {
    issues.push({
      column: "weights",
      expected: `${n} weights (one per subsystem)`,
      received: describeValue(w),
    });
  }
  let sum = 0;
  values.forEach((v, i) => {
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
      issues.push({
        column: `weights.${subsystems[i] ?? i}`,
        expected: "a finite number ≥ 0",
        received: describeValue(v),
      });
    } else {
      alpha[i] = v;
      sum += v;
    }
  });
  if (issues.length === 0 && Math.abs(sum - 1) > 1e-9) {
    issues.push({
      column: "weights",
      expected: "weights summing to 1",
      received: `${describeValue(w)} (sum ${sum})`,
    });
  }
  if (issues.length > 0) throw new ValidationError("parameters of couplingCoordination", issues);
  return alpha;
}

function checkOptions(subsystems: readonly string[], options: CouplingCoordinationOptions): void {
  const { variant = "standard", dLevels = COUPLING_D_LEVELS, cLevels = COUPLING_C_STAGES, lang = "en" } =
    options;
  const issues: ValidationIssue[] = [];
  if (!Array.isArray(subsystems) || subsystems.length < 2) {
    issues.push({
      column: "subsystems",
      expected: "at least 2 subsystem columns",
      received: describeValue(subsystems),
    });
  } else if (new Set(subsystems).size !== subsystems.length) {
    issues.push({
      column: "subsystems",
      expected: "distinct column names",
      received: describeValue(subsystems),
    });
  }
  if (!["standard", "wang", "fan"].includes(variant)) {
    issues.push({
      column: "variant",
      expected: `"standard", "wang" or "fan"`,
      received: describeValue(variant),
    });
  }
  if (lang !== "en" && lang !== "zh") {
    issues.push({ column: "lang", expected: `"en" or "zh"`, received: describeValue(lang) });
  }
  checkBands(dLevels, "dLevels", issues);
  checkBands(cLevels, "cLevels", issues);
  if (issues.length > 0) throw new ValidationError("parameters of couplingCoordination", issues);
}

/** The subsystem columns U_i, each value in [0, 1] (else an error naming the row). */
function readSubsystems(table: ColumnTable, subsystems: readonly string[]): Float64Array[] {
  const m = table.numRows();
  const names = new Set(table.columnNames());
  const issues: ValidationIssue[] = [];
  const u = subsystems.map(() => new Float64Array(m));
  subsystems.forEach((s, k) => {
    if (!names.has(s)) {
      issues.push({
        column: s,
        expected: `a subsystem column "${s}" (U in [0, 1])`,
        received: `columns ${[...names].join(", ")}`,
      });
      return;
    }
    const get = table.getter(s);
    for (let i = 0; i < m; i++) {
      const v = get(i);
      if (typeof v !== "number" || !(v >= 0 && v <= 1)) {
        issues.push({ row: i + 1, column: s, expected: "a number in [0, 1]", received: describeValue(v) });
      } else u[k]![i] = v;
    }
  });
  if (issues.length > 0) throw new ValidationError("input of couplingCoordination", issues);
  return u;
}

/**
 * Coupling coordination degree model for n ≥ 2 subsystems, row by row (廖重斌 1999; Wang et al. 2021):
 * - C: the standard coupling degree n(∏U_i)^{1/n}/ΣU_i ({@link couplingStandard}), or Wang et al.'s 2021
 *   C_W ({@link couplingWang}) or Fan et al.'s 2024 C_F ({@link couplingFan}), chosen by `variant`;
 * - T = Σ α_i U_i (α_i = 1/n by default), D = √(C·T);
 * - `C_level` and `D_level`: the band labels (default: 4 stages of C, 10 levels of D); `D_band` the 1-based
 *   band number of D.
 *
 * `subsystems` names the score columns U_i (each in [0, 1]; at least 2); the published v0.1 form
 * `couplingCoordination(table, { subsystems, weights, variant })` is accepted too. The column `C_W` is always added
 * beside `C` (Wang et al.'s critique: the standard C is nearly always > 0.8 and says little). Inputs are
 * validated: U outside [0, 1], weights not summing to 1 (±1e-9) or fewer than 2 subsystems are errors naming
 * the row, column and value.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { couplingCoordination } from "clusterlab";
 * const { table } = couplingCoordination([{ region: "A", K: 0.25, O: 1 }], ["K", "O"]);
 * assert.equal(table.get("C", 0), 0.8); // 2·√(0.25 · 1)/1.25
 * assert.equal(table.get("T", 0), 0.625);
 * assert.equal(table.get("D", 0), Math.sqrt(0.8 * 0.625)); // ≈ 0.7071
 * assert.equal(table.get("D_level", 0), "intermediate coordination"); // [0.7, 0.8)
 * const v01 = couplingCoordination([{ region: "A", K: 0.25, O: 1 }], { subsystems: ["K", "O"] });
 * assert.equal(v01.table.get("D", 0), table.get("D", 0));
 * ```
 */
export function couplingCoordination(
  input: TableInput,
  subsystems: readonly string[] | (CouplingCoordinationOptions & { readonly subsystems: readonly string[] }),
  options: CouplingCoordinationOptions = {},
): CouplingResult {
  if (!Array.isArray(subsystems) && typeof subsystems === "object" && subsystems !== null) {
    // the published v0.1 form couplingCoordination(table, { subsystems, weights, variant })
    const { subsystems: columns, ...rest } = subsystems as CouplingCoordinationOptions & {
      readonly subsystems: readonly string[];
    };
    return couplingCoordination(input, columns, { ...rest, ...options });
  }
  checkOptions(subsystems as readonly string[], options);
  const { variant = "standard", dLevels = COUPLING_D_LEVELS, cLevels = COUPLING_C_STAGES, lang = "en" } =
    options;
  const n = subsystems.length;
  const alpha = weightsOf(subsystems, options.weights);
  const table = toTable(input);
  const m = table.numRows();
  const unit = table.columnNames().includes("region") ? "region" : "entity";
  checkUniqueKey(table, panelKey(table, [unit, "year"]), "input of couplingCoordination");
  const u = readSubsystems(table, subsystems);
  const C = new Float64Array(m), CW = new Float64Array(m), T = new Float64Array(m), D = new Float64Array(m);
  const cLevel = new Array<string>(m), dLevel = new Array<string>(m), dBand = new Int32Array(m);
  const row = new Float64Array(n);
  const warnings: string[] = [];
  const zeroRows: number[] = [];
  for (let i = 0; i < m; i++) {
    let t = 0, sum = 0;
    for (let k = 0; k < n; k++) {
      row[k] = u[k]![i]!;
      t += alpha[k]! * row[k]!;
      sum += row[k]!;
    }
    if (sum === 0) zeroRows.push(i + 1);
    const cw = couplingWang(row);
    const c = variant === "standard" ? couplingStandard(row) : variant === "wang" ? cw : couplingFan(row);
    C[i] = c;
    CW[i] = cw;
    T[i] = t;
    D[i] = Math.sqrt(c * t);
    const cb = levelIndex(c, cLevels), db = levelIndex(D[i]!, dLevels);
    cLevel[i] = cLevels.labels[cb]![lang];
    dLevel[i] = dLevels.labels[db]![lang];
    dBand[i] = db + 1;
  }
  if (zeroRows.length > 0) {
    warnings.push(
      `rows ${zeroRows.slice(0, 10).join(", ")}${zeroRows.length > 10 ? ", …" : ""}: every subsystem is 0, ` +
        `so C is set to 0 (design choice; 0/0 otherwise)`,
    );
  }
  const out = table.assign(aq.table({ C, C_W: CW, T, D, C_level: cLevel, D_level: dLevel, D_band: dBand }));
  return finiteResult("couplingCoordination", { table: out, warnings });
}
