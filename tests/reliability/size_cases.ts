/**
 * Size guards: steps, runs, periods, output times, grids, matrix dimensions and rasters are checked against
 * a memory estimate before anything is allocated; the error says how large the request is and what fits.
 * And what a stopped run keeps: a sweep's finished rows (`options.rows`).
 * @module
 */
import assert from "node:assert/strict";
import * as Plot from "@observablehq/plot";
import {
  agentNetwork,
  cooccurrence,
  interactive,
  matrixFrom,
  plot,
  policyScenario,
  presence,
  proximity,
  simulateCatchUp,
  simulateCoevolution,
  simulateMarch,
  simulateNetworkSpiral,
  simulateSpiral,
  simulateSymbiosis,
  sliderRange,
  solveODE,
  spiralExplorer,
  sweep,
} from "../../src/mod.ts";
import type { ColumnTable } from "../../src/deps/arquero.ts";
import type { Case } from "./case.ts";

/** The error of a request too large: how large it is (received) and what fits (expected). */
const tooLarge = (subject: RegExp, column: string, received: RegExp) => ({
  error: { subject, column, expected: /fits in memory \(at most .* values, .*B\)/, received },
});
const net = () =>
  agentNetwork([{ id: "a", type: "firm" }, { id: "b", type: "university" }], [{ source: "a", target: "b" }]);
/** A presence matrix with `n` sectors (one region present in all). */
const wide = (n: number) =>
  presence(
    matrixFrom([Array.from({ length: n }, () => 1)], {
      regions: ["R"],
      sectors: Array.from({ length: n }, (_, j) => `s${j}`),
    }),
  );

let calls = 0;

/** The cases of the size-guard class. */
export const SIZE: Case[] = [
  {
    name: "simulateSpiral: 10⁹ steps",
    run: () => simulateSpiral({ steps: 1e9 }),
    expect: tooLarge(/parameters of simulateSpiral/, "steps", /1000000001 steps × 240 values .* ≈ 1\.92 TB/),
  },
  {
    name: "simulateSpiral: 10¹² steps",
    run: () => simulateSpiral({ steps: 1e12 }),
    expect: tooLarge(/simulateSpiral/, "steps", /PB/),
  },
  {
    name: "simulateSpiral: 60 steps (the default) fit",
    run: () => simulateSpiral({ steps: 60 }),
    expect: { result: (r) => assert.equal((r as { cycle: ColumnTable }).cycle.numRows(), 61) },
  },
  {
    name: "simulateMarch: 10⁹ runs",
    run: () => simulateMarch({ p1: 0.5, p2: 0.5 }, { runs: 1e9, periods: 10 }),
    expect: tooLarge(/parameters of simulateMarch/, "runs", /runs 1000000000 × 3 results/),
  },
  {
    name: "simulateMarch: a million agents × a million dimensions",
    run: () => simulateMarch({ p1: 0.5, p2: 0.5, n: 1e6, m: 1e6 }, { runs: 1 }),
    expect: tooLarge(/simulateMarch/, "runs", /n 1000000 × m 1000000 beliefs/),
  },
  {
    name: "simulateMarch: a trace of 10⁹ periods",
    run: () => simulateMarch({ p1: 0.5, p2: 0.5 }, { runs: 1, periods: 1e9, trace: true }),
    expect: tooLarge(/simulateMarch/, "runs", /periods 1000000000 \(trace\)/),
  },
  {
    name: "simulateNetworkSpiral: 10⁹ steps recorded at every step",
    run: () => simulateNetworkSpiral(net(), { steps: 1e9, recordEvery: 1 }),
    expect: tooLarge(
      /parameters of simulateNetworkSpiral/,
      "steps",
      /records \(steps 1000000000 \/ recordEvery 1\)/,
    ),
  },
  {
    name: "solveODE: an output spacing of 10⁻⁹ over 10⁶ time units",
    run: () => solveODE((_t, y, dy) => void (dy[0] = -y[0]!), [1], 1e6, { dt: 1e-9 }),
    expect: tooLarge(/options of solveODE/, "dt", /output times \(\(tEnd 1000000 − t0 0\) \/ dt 1e-9\)/),
  },
  {
    name: "simulateCatchUp: yearly output for 10¹² years (through solveODE)",
    run: () => simulateCatchUp({ model: "logistic", c: 0.08, g: 0.01, gLeader: 0.02 }, 0.2, { tEnd: 1e12 }),
    expect: tooLarge(/options of solveODE/, "dt", /output times/),
  },
  {
    name: "simulateSymbiosis: tEnd 10¹² at the default output spacing",
    run: () =>
      simulateSymbiosis({ r: [1, 1], N: [100, 80], sigma: [[0, 0.2], [0.3, 0]] }, [10, 10], { tEnd: 1e12 }),
    expect: tooLarge(/options of solveODE/, "dt", /output times/),
  },
  {
    name: "simulateCoevolution: tEnd 10¹²",
    run: () => simulateCoevolution({ tEnd: 1e12 }),
    expect: tooLarge(/solveODE/, "dt", /output times/),
  },
  {
    name: "policyScenario: tEnd 10¹²",
    run: () =>
      policyScenario({ fields: ["A", "B"], capacity: [100, 50], major: 1, budget: 30 }, { tEnd: 1e12 }),
    expect: tooLarge(/solveODE/, "dt", /output times/),
  },
  {
    name: "sweep: a 10⁴ × 10⁴ grid × 10⁶ runs is refused before the first run",
    run: async () => {
      calls = 0;
      const grid = {
        a: Array.from({ length: 1e4 }, (_, i) => i),
        b: Array.from({ length: 1e4 }, (_, i) => i),
      };
      try {
        return await sweep(() => ++calls, grid, { runs: 1e6 });
      } finally {
        assert.equal(calls, 0, "the model ran before the size was checked");
      }
    },
    expect: tooLarge(/parameters of sweep/, "grid", /10000 × 10000 grid cells × runs 1000000 rows/),
  },
  {
    name: "sweep: a design of 10⁶ points × 10³ runs is refused before the first run",
    run: async () => {
      calls = 0;
      try {
        return await sweep(() => ++calls, { points: Array(1e6).fill({ a: 0.5 }) }, { runs: 1e3 });
      } finally {
        assert.equal(calls, 0, "the model ran before the size was checked");
      }
    },
    expect: tooLarge(/parameters of sweep/, "design", /1000000 design points × runs 1000 rows/),
  },
  {
    name: "sweep: a stopped sweep keeps the rows it finished (options.rows)",
    run: async () => {
      const done: Record<string, unknown>[] = [];
      await sweep(
        (p) => {
          if (p.x === 3 && p.seed === 2) throw new Error("stopped");
          return (p.x as number) * 10;
        },
        { x: [1, 2, 3, 4] },
        { runs: 2, seed: 1, rows: done },
      ).catch(() => {});
      return done;
    },
    expect: {
      result: (r) =>
        assert.deepEqual((r as { x: number; seed: number }[]).map((d) => [d.x, d.seed]), [
          [1, 1],
          [1, 2],
          [2, 1],
          [2, 2],
          [3, 1],
        ]),
    },
  },
  {
    name: "sweep: rows that is not an array",
    run: () => sweep(() => 1, { x: [1] }, { rows: {} as unknown as Record<string, unknown>[] }),
    expect: { error: { column: "rows", expected: /an array/ } },
  },
  {
    name: "matrixFrom: 10⁵ × 10⁵ region and sector labels of nested arrays",
    run: () =>
      matrixFrom([], {
        regions: Array.from({ length: 1e5 }, (_, i) => `r${i}`),
        sectors: Array.from({ length: 1e5 }, (_, j) => `s${j}`),
      }),
    expect: tooLarge(/matrix input/, "regions × sectors", /100000 regions × 100000 sectors/),
  },
  {
    name: "matrixFrom: a long table whose labels span 10⁵ × 10⁵ cells",
    run: () =>
      matrixFrom(
        Array.from({ length: 1e5 }, (_, i) => ({ region: `r${i}`, sector: `s${i}`, value: 1 })),
      ),
    expect: tooLarge(/matrix input/, "regions × sectors", /100000 regions × 100000 sectors/),
  },
  {
    name: "proximity: 60 000 sectors would need a 60 000² matrix",
    run: () => proximity(wide(60_000)),
    expect: tooLarge(/input of proximity/, "sectors", /60000 × 60000 sectors/),
  },
  {
    name: "cooccurrence: 60 000 sectors",
    run: () => cooccurrence(wide(60_000)),
    expect: tooLarge(/input of cooccurrence/, "sectors", /60000 × 60000/),
  },
  {
    name: "sliderRange: 10¹² positions",
    run: () => sliderRange(0, 1e12, 1),
    expect: tooLarge(/sliderRange/, "step", /1000000000001 values/),
  },
  {
    name: "sliderRange: a reasonable range",
    run: () => sliderRange(0, 1, 0.1),
    expect: { result: (r) => assert.equal((r as number[]).length, 11) },
  },
  {
    name: "Figure.toPNG: scale 1000",
    run: () => plot({ width: 640, height: 400, marks: [Plot.dot([[1, 2]])] }).toPNG({ scale: 1000 }),
    expect: tooLarge(/options of toPNG/, "scale", /640 × 400 pixels at scale 1000/),
  },
  {
    name: "Figure.toPNG: a chart a million pixels wide",
    run: () => plot({ width: 1e6, height: 1e4, marks: [] }).toPNG(),
    expect: tooLarge(/options of toPNG/, "scale", /1000000 × 10000 pixels/),
  },
  {
    name: "spiralExplorer: 10⁴ public shares × 10⁴ rates of runs kept for the widget",
    run: () => spiralExplorer({ publicShares: sliderRange(0, 1, 1e-4), rates: sliderRange(0, 1, 1e-4) }),
    expect: tooLarge(
      /options of spiralExplorer/,
      "publicShares × rates",
      /10001 public shares × 10001 rates/,
    ),
  },
  {
    name: "interactive: more frames than maxFrames",
    run: () =>
      interactive({
        title: { en: "x", zh: "x" },
        sliders: { a: { label: { en: "a", zh: "a" }, values: sliderRange(0, 1, 0.001) } },
        render: () => ({ marks: [] }),
        maxFrames: 100,
      }),
    expect: { error: { expected: /at most maxFrames = 100 frames/ } },
  },
];
