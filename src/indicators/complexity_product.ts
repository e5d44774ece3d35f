/**
 * The operator the complexity eigenvector's Lanczos iteration multiplies by (internal):
 * x ↦ S x = U^{-1/2} Mᵀ D⁻¹ M U^{-1/2} x, as two gathers (M y along the CSR rows, Mᵀ t down the CSC columns,
 * rows ascending: the additions of the row-wise scatter in its order, the same bits). On a large matrix the
 * two gathers run on a {@link KernelTeam} (each thread a block of rows, then of columns; every sum formed as on
 * one thread, so the same bits). 复杂度特征向量迭代所乘的算子。
 * @module
 */
import { type KernelTeam, startTeam } from "../core/kernel_team.ts";
import { shareArgs, threadCount, type WorkersOption } from "../core/parallel.ts";
import type { SparseBinaryMatrix } from "./sparse.ts";
import { gatherSums } from "./sparse_products.ts";

/** Products the eigen-solver is expected to take (≈ 100 per run, two runs), for the choice of threads. */
const EXPECTED_PRODUCTS = 200;

/** What the two phases read and write. */
interface ProductArgs {
  readonly [key: string]: Float64Array | Int32Array | Uint32Array | number;
  readonly rowPtr: Uint32Array;
  readonly colIdx: Int32Array;
  readonly colPtr: Uint32Array;
  readonly rowIdx: Int32Array;
  readonly d: Float64Array;
  readonly isu: Float64Array;
  readonly y: Float64Array;
  readonly t: Float64Array;
  readonly out: Float64Array;
}

/** The product `matvec(x, out)` and `close()` to end its threads (always call it). */
export interface NormalisedProduct {
  readonly matvec: (x: Float64Array, out: Float64Array) => void;
  readonly close: () => void;
}

/** S x for diversities `d` and 1/√ubiquity `isu`, on `workers` threads (default `"auto"`). */
export function normalisedProduct(
  sp: SparseBinaryMatrix,
  d: Float64Array,
  isu: Float64Array,
  workers: WorkersOption = "auto",
): NormalisedProduct {
  const { nrow: nr, ncol: nc } = sp;
  const { colPtr, rowIdx } = sp.csc();
  const threads = threadCount(2 * sp.nnz * EXPECTED_PRODUCTS, Math.min(nr, nc), workers);
  const buffer = (n: number) =>
    threads > 1 ? new Float64Array(new SharedArrayBuffer(8 * n)) : new Float64Array(n);
  const raw = { rowPtr: sp.rowPtr, colIdx: sp.colIdx, colPtr, rowIdx, d, isu };
  const args: ProductArgs = {
    ...(threads > 1 ? shareArgs(raw) : raw),
    y: buffer(nc),
    t: buffer(nr),
    out: buffer(nc),
  };
  const team: KernelTeam = startTeam(threads, productPhase, args, {
    helpers: [gatherSums],
    phases: [{ n: nr, cost: sp.rowPtr }, { n: nc, cost: colPtr }],
  });
  return {
    matvec(x, out) {
      for (let j = 0; j < nc; j++) args.y[j] = x[j]! * isu[j]!;
      team.run(0);
      team.run(1);
      out.set(args.out);
    },
    close: () => team.close(),
  };
}

/** Phase 0: t_i = (M y)_i / d_i for rows [lo, hi); phase 1: out_j = (Mᵀ t)_j / √u_j for columns [lo, hi). */
function productPhase(a: ProductArgs, phase: number, lo: number, hi: number): void {
  if (phase === 0) {
    gatherSums(a.rowPtr.subarray(lo), a.colIdx, a.y, a.t.subarray(lo), hi - lo);
    for (let i = lo; i < hi; i++) a.t[i] = a.t[i]! / a.d[i]!;
  } else {
    gatherSums(a.colPtr.subarray(lo), a.rowIdx, a.t, a.out.subarray(lo), hi - lo);
    for (let j = lo; j < hi; j++) a.out[j] = a.out[j]! * a.isu[j]!;
  }
}
