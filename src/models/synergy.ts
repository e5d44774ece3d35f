/**
 * Composite-system synergy degree 复合系统协同度 (孟庆松 & 韩文秀 2000, 《天津大学学报》33(4):444–446).
 *
 * Each subsystem j has order parameters e_ji with bounds α_ji ≤ e_ji ≤ β_ji. Order degree of a parameter:
 * u(e_ji) = (e_ji − α_ji)/(β_ji − α_ji) for a positive indicator, (β_ji − e_ji)/(β_ji − α_ji) for a negative one.
 * Subsystem order degree: weighted geometric mean u_j = Π_i u(e_ji)^{λ_i} (the paper's form; `aggregate:
 * "linear"` gives Σ λ_i u(e_ji)). Synergy between a base time t₀ and t₁:
 * C = θ · (Π_j |u_j(t₁) − u_j(t₀)|)^{1/k}, θ = +1 if every u_j increased, −1 otherwise; C ∈ [−1, 1].
 * Bounds default to the pooled min and max over the panel (design choice, `bounds` overrides).
 *
 * @example
 * ```ts
 * import { synergyDegree } from "clusterlab";
 * // two subsystems whose order degrees both rise by 0.25 → C = 0.25
 * synergyDegree([[0, 0], [0.25, 0.25]], { bounds: [[0, 1], [0, 1]] }).synergy; // [0.25]
 * ```
 * @module
 */
import { ParamChecker } from "./param_check.ts";

/** Options of {@link synergyDegree}. */
export interface SynergyOptions {
  /** Subsystem of each column (default: each column its own subsystem). */
  readonly subsystem?: readonly string[];
  /** Direction of each column: +1 (more is better) or −1 (default all +1). */
  readonly direction?: readonly (1 | -1)[];
  /** Weight λ of each column within its subsystem (normalised per subsystem; default equal). */
  readonly weights?: readonly number[];
  /** [α, β] per column (default: min and max of the column over all rows). */
  readonly bounds?: readonly (readonly [number, number])[];
  /** Geometric (default, the paper) or linear aggregation within a subsystem. */
  readonly aggregate?: "geometric" | "linear";
  /** `"previous"` (default): each row against the one before; `"base"`: each row against row 0. */
  readonly reference?: "previous" | "base";
}

/** Result of {@link synergyDegree}. */
export interface SynergyResult {
  /** Subsystem names in order. */
  readonly subsystems: string[];
  /** Order degree u_j per row (row-major: rows × subsystems). */
  readonly order: number[][];
  /** Synergy per row from row 1 on (length rows − 1). */
  readonly synergy: number[];
  /** Degenerate columns (β = α) and other notes. */
  readonly warnings: string[];
}

/**
 * Synergy degree of a composite system over time. `values` has one row per time and one column per order
 * parameter.
 *
 * @example
 * ```ts
 * import { synergyDegree } from "clusterlab";
 * synergyDegree([[1, 10], [2, 8], [3, 12]], { direction: [1, 1] }).synergy.length; // 2
 * ```
 */
export function synergyDegree(
  values: readonly (readonly number[])[],
  options: SynergyOptions = {},
): SynergyResult {
  const chk = new ParamChecker("input of synergyDegree");
  const T = values.length;
  const m = T > 0 ? values[0]!.length : 0;
  if (T < 2) chk.add("values", "at least 2 rows (times)", `${T} rows`);
  values.forEach((row, t) => chk.vector(`values[${t}]`, row, m));
  const subsystem = options.subsystem ?? Array.from({ length: m }, (_, i) => `S${i + 1}`);
  if (subsystem.length !== m) chk.add("subsystem", `${m} names`, `${subsystem.length}`);
  const dir = options.direction ?? new Array(m).fill(1);
  if (dir.length !== m || dir.some((d) => d !== 1 && d !== -1)) {
    chk.add("direction", `${m} values of +1 or −1`, dir);
  }
  const w = options.weights ?? new Array(m).fill(1);
  chk.vector("weights", w, m, { min: 0, open: true });
  if (options.bounds !== undefined && options.bounds.length !== m) {
    chk.add("bounds", `${m} [α, β] pairs`, options.bounds);
  }
  chk.done();
  const warnings: string[] = [];
  const bounds = options.bounds ?? Array.from({ length: m }, (_, i) => {
    let lo = Infinity, hi = -Infinity;
    for (const row of values) {
      lo = Math.min(lo, row[i]!);
      hi = Math.max(hi, row[i]!);
    }
    return [lo, hi] as const;
  });
  const names = [...new Set(subsystem)];
  const wsum = new Map<string, number>();
  subsystem.forEach((s, i) => wsum.set(s, (wsum.get(s) ?? 0) + w[i]!));
  bounds.forEach(([a, b], i) => {
    if (!(b > a)) warnings.push(`column ${i + 1}: β = α (${a}); its order degree is set to 1`);
  });
  const geometric = (options.aggregate ?? "geometric") === "geometric";
  const order = values.map((row) =>
    names.map((s) => {
      let acc = geometric ? 1 : 0;
      row.forEach((e, i) => {
        if (subsystem[i] !== s) return;
        const [a, b] = bounds[i]!;
        const u0 = b > a ? (dir[i] === 1 ? (e - a) / (b - a) : (b - e) / (b - a)) : 1;
        const u = Math.min(1, Math.max(0, u0));
        const lam = w[i]! / wsum.get(s)!;
        if (geometric) acc *= u ** lam;
        else acc += lam * u;
      });
      return acc;
    })
  );
  const k = names.length;
  const synergy: number[] = [];
  for (let t = 1; t < T; t++) {
    const ref = options.reference === "base" ? order[0]! : order[t - 1]!;
    let prod = 1;
    let allUp = true;
    for (let j = 0; j < k; j++) {
      const d = order[t]![j]! - ref[j]!;
      if (!(d > 0)) allUp = false;
      prod *= Math.abs(d);
    }
    synergy.push((allUp ? 1 : -1) * prod ** (1 / k));
  }
  return { subsystems: names, order, synergy, warnings };
}
