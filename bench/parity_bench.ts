/**
 * Benchmarks of the functions that give parity with the reference packages (section 5 of the panels issue):
 * kNN density, coherence, PRODY/EXPY, theil, coagglomeration, shiftShare, presence with Stata's rules.
 *
 *   deno bench -A bench/parity_bench.ts
 *
 * Synthetic 3,000 regions × 1,000 sectors, about 15 % non-zero (seeded), as in concentration_bench.ts.
 */
import { Random } from "../src/core/random.ts";
import { coagglomeration } from "../src/indicators/coagglomeration.ts";
import { coherence } from "../src/indicators/coherence.ts";
import { density } from "../src/indicators/density.ts";
import { locationQuotient } from "../src/indicators/location_quotient.ts";
import { Matrix } from "../src/indicators/matrix.ts";
import { presence } from "../src/indicators/presence.ts";
import { expy, prody } from "../src/indicators/prody.ts";
import { proximity } from "../src/indicators/proximity.ts";
import { shiftShare } from "../src/indicators/shift_share.ts";
import { theil } from "../src/indicators/theil.ts";

function synthetic(nrow: number, ncol: number, fill: number, seed: number): Matrix {
  const rnd = new Random(seed).stream();
  const data = new Float64Array(nrow * ncol);
  for (let k = 0; k < data.length; k++) if (rnd() < fill) data[k] = Math.floor(1 + 1000 * rnd() * rnd());
  const rows = Array.from({ length: nrow }, (_, i) => `R${i}`),
    cols = Array.from({ length: ncol }, (_, j) => `S${j}`);
  return new Matrix(rows, cols, data);
}

const x = synthetic(3000, 1000, 0.15, 7);
const lq = locationQuotient(x);
const M = presence(lq);
const phi = proximity(M);
const income = Array.from({ length: x.nrow }, (_, i) => 1000 + i);
const groups = Object.fromEntries(x.cols.map((s, j) => [s, `G${j % 20}`]));
const later = synthetic(3000, 1000, 0.15, 8);
const long: Record<string, unknown>[] = [];
for (const [year, m] of [[2000, x], [2010, later]] as const) {
  for (let i = 0; i < m.nrow; i++) {
    for (let j = 0; j < m.ncol; j++) {
      const v = m.data[i * m.ncol + j]!;
      if (v > 0) long.push({ region: m.rows[i], sector: m.cols[j], year, value: v });
    }
  }
}

Deno.bench("presence, Stata convention with rca2 and herf, 3,000 × 1,000", () => {
  presence(lq, { convention: "stata", counts: x, rca2: 10, herf: 0.5 });
});
Deno.bench("density, full (the baseline of the kNN variant), 3,000 × 1,000", () => {
  density(M, { phi });
});
Deno.bench("density, k nearest neighbours (k = 25), 3,000 × 1,000", () => {
  density(M, { phi, method: "knn", k: 25 });
});
Deno.bench("coherence (inside the portfolio), 3,000 × 1,000", () => {
  coherence(M, phi);
});
Deno.bench("prody + expy, 3,000 × 1,000", () => {
  prody(x, income);
  expy(x, income);
});
Deno.bench("theil with 20 sector groups, 3,000 × 1,000", () => {
  theil(x, { groups });
});
Deno.bench("coagglomeration of all sector pairs, 3,000 × 1,000", () => {
  coagglomeration(x);
});
Deno.bench(`shiftShare, 3,000 × 1,000 × 2 years (${long.length} rows)`, () => {
  shiftShare(long, { from: 2000, to: 2010 });
});
