/** Shared by `complexity_bench.ts` and `complexity_memory.ts`: the full pipeline and a seeded synthetic
 * region × sector matrix. */
import { Matrix } from "../src/indicators/matrix.ts";
import { locationQuotient } from "../src/indicators/location_quotient.ts";
import { presence } from "../src/indicators/presence.ts";
import { proximity } from "../src/indicators/proximity.ts";
import { density } from "../src/indicators/density.ts";
import { complexity } from "../src/indicators/complexity.ts";
import { opportunity } from "../src/indicators/opportunity.ts";
import { Random } from "../src/core/random.ts";

/**
 * RCA → presence → proximity → ECI/PCI → density, COI/COG. Density comes from `opportunity`'s own sweep
 * (`keepDensity`: bitwise `density(M, { phi })`, tested), so the O(nnz · sectors) rows of φ are read once.
 * `separate: true` computes density with `density` first and passes it (the 0.1 way).
 */
export function pipeline(x: Matrix, opts: { separate?: boolean } = {}) {
  const M = presence(locationQuotient(x));
  const phi = proximity(M);
  const cx = complexity(M);
  if (opts.separate) {
    const d = density(M, { phi });
    return { M, phi, d, cx, o: opportunity(M, { phi, density: d, complexity: cx }) };
  }
  const o = opportunity(M, { phi, complexity: cx, keepDensity: true });
  return { M, phi, d: o.density!, cx, o };
}

/**
 * A seeded synthetic export matrix with about `fill` presence: region r has capability c_r and sector s
 * complexity q_s (uniform); a region produces s with probability rising with c_r − q_s (a nested
 * structure, as in real data), with log-normal volumes; other cells get small noise.
 */
export function synthetic(nrow: number, ncol: number, fill = 0.15, seed = 1): Matrix {
  const rng = new Random(seed);
  const c = Float64Array.from({ length: nrow }, () => rng.next());
  const q = Float64Array.from({ length: ncol }, () => rng.next());
  const data = new Float64Array(nrow * ncol);
  const scale = fill * 2;
  for (let i = 0; i < nrow; i++) {
    for (let j = 0; j < ncol; j++) {
      const p = scale * (0.25 + c[i]! * (1.5 - q[j]!)) / 1.25;
      data[i * ncol + j] = rng.next() < p ? Math.exp(rng.normal({ mean: 2, sd: 1 })) : rng.next() * 0.01;
    }
  }
  const rows = Array.from({ length: nrow }, (_, i) => `r${i}`),
    cols = Array.from({ length: ncol }, (_, j) => `s${j}`);
  return new Matrix(rows, cols, data);
}
