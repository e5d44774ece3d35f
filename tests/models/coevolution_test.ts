import assert from "node:assert/strict";
import { synergyDegree } from "../../src/models/synergy.ts";
import { simulateCoevolution } from "../../src/models/coevolution.ts";
import { equilibrium } from "../../src/models/symbiosis.ts";

const close = (a: number, b: number, tol = 1e-9) => assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

Deno.test("synergyDegree(): hand-computed values of the 孟庆松–韩文秀 formula", () => {
  // bounds [0, 10]; subsystem A: one positive indicator; B: one negative indicator
  const r = synergyDegree([[2, 8], [6, 4], [5, 2]], {
    subsystem: ["A", "B"],
    direction: [1, -1],
    bounds: [[0, 10], [0, 10]],
  });
  assert.deepEqual(r.order, [[0.2, 0.2], [0.6, 0.6], [0.5, 0.8]]);
  close(r.synergy[0]!, Math.sqrt(0.4 * 0.4)); // both up → +0.4
  close(r.synergy[1]!, -Math.sqrt(0.1 * 0.2)); // A down → negative
  // geometric aggregation within a subsystem with weights 3:1
  const g = synergyDegree([[1, 1], [4, 9]], {
    subsystem: ["S", "S"],
    weights: [3, 1],
    bounds: [[0, 16], [0, 9]],
  });
  close(g.order[1]![0]!, 0.25 ** 0.75 * 1 ** 0.25);
  const base = synergyDegree([[0], [0.5], [0.25]], { reference: "base", bounds: [[0, 1]] });
  assert.deepEqual(base.synergy, [0.5, 0.25]);
});

Deno.test("synergyDegree() warns about constant columns and rejects bad input", () => {
  const r = synergyDegree([[1, 5], [2, 5]]);
  assert.match(r.warnings[0]!, /column 2/);
  assert.throws(() => synergyDegree([[1, 2]]), /at least 2 rows/);
  assert.throws(() => synergyDegree([[1], [2]], { direction: [2 as 1] }), /direction/);
});

Deno.test("simulateCoevolution(): without reform it reaches the symbiosis equilibrium; reform raises institutions", () => {
  const base = simulateCoevolution({ tEnd: 200, dt: 1 });
  const e = equilibrium({ N: [100, 100, 100], sigma: [[0, 0.3, 0.2], [0.3, 0, 0.1], [0.1, 0.1, 0]] });
  base.final.forEach((v, i) => close(v, e.x[i]!, 1e-4));
  const reform = simulateCoevolution({ tEnd: 200, dt: 1, reform: { time: 50, size: 0.5 } });
  const e2 = equilibrium({ N: [100, 100, 150], sigma: [[0, 0.3, 0.2], [0.3, 0, 0.1], [0.1, 0.1, 0]] });
  reform.final.forEach((v, i) => close(v, e2.x[i]!, 1e-4));
  // a pure capacity shock leaves y* = x*/N unchanged (σ acts on x_j/N_j): knowledge does not move
  close(reform.final[0]!, base.final[0]!, 1e-4);
  assert.ok(reform.final[2]! > base.final[2]! * 1.49);
  const boosted = simulateCoevolution({ tEnd: 200, dt: 1, reform: { time: 50, size: 0.5, boost: 0.2 } });
  const e3 = equilibrium({ N: [100, 100, 150], sigma: [[0, 0.3, 0.4], [0.3, 0, 0.1], [0.1, 0.1, 0]] });
  boosted.final.forEach((v, i) => close(v, e3.x[i]!, 1e-4));
  assert.ok(boosted.final[0]! > base.final[0]!);
  assert.equal(reform.synergy.length, 200);
  assert.ok(reform.synergy[0]!.synergy > 0); // all three grow together at first
  assert.throws(() => simulateCoevolution({ reform: { time: -1, size: 0.2 } }), /reform.time/);
});

Deno.test("simulateCoevolution(): reform times off the grid or at the end are warnings, not crashes", () => {
  const e2 = equilibrium({ N: [100, 100, 150], sigma: [[0, 0.3, 0.2], [0.3, 0, 0.1], [0.1, 0.1, 0]] });
  // 0.2 rounds to t = 0: the reform acts from the start (a zero-length first phase used to throw)
  const early = simulateCoevolution({ tEnd: 200, dt: 1, reform: { time: 0.2, size: 0.5 } });
  early.final.forEach((v, i) => close(v, e2.x[i]!, 1e-4));
  assert.match(early.warnings[0]!, /moved to the output grid: t = 0/);
  assert.equal(early.table.numRows(), 3 * 201);
  // 9.6 rounds to tEnd = 10: no effect, said so
  const late = simulateCoevolution({ tEnd: 10, dt: 1, reform: { time: 9.6, size: 0.5 } });
  const none = simulateCoevolution({ tEnd: 10, dt: 1 });
  assert.deepEqual(late.final, none.final);
  assert.ok(late.warnings.some((w) => /no effect/.test(w)));
  assert.equal(late.synergy.length, 10);
});

Deno.test("simulateCoevolution(): the time axis runs on through a reform: continuous, increasing, the requested grid", () => {
  // dt = 0.5, tEnd = 30, reform at t = 20 (on the grid: no warning): the output times are k·0.5, k = 0…60,
  // each once per population; the reform phase starts at 20 and continues 20.5, 21, … (t0 + its own t).
  const reform = simulateCoevolution({ tEnd: 30, dt: 0.5, reform: { time: 20, size: 0.5 } });
  assert.deepEqual(reform.warnings, []);
  const t = reform.table.array("t") as number[];
  const times = t.filter((_, i) => i % 3 === 0);
  assert.deepEqual(times, Array.from({ length: 61 }, (_, k) => k * 0.5));
  t.forEach((v, i) => assert.equal(v, times[Math.floor(i / 3)])); // the three populations share each time
  assert.deepEqual(reform.synergy.map((d) => d.t), times.slice(1));
  // before the shock the path is the reform-free one; at t = 20 the state is continuous (no jump, no repeat)
  const none = simulateCoevolution({ tEnd: 30, dt: 0.5 });
  const x = reform.table.array("x") as number[], x0 = none.table.array("x") as number[];
  for (let i = 0; i < 3 * 41; i++) close(x[i]!, x0[i]!, 1e-9);
  assert.ok(x[3 * 41 + 2]! > x0[3 * 41 + 2]!, "institutions grow faster after the reform");
  // tEnd off the grid: the last step is shorter and the axis ends exactly at tEnd; a reform off the grid
  // moves to the nearest grid time 1.25: times 0, 0.25, …, 3, 3.1 (within rounding of the sums)
  const off = simulateCoevolution({ tEnd: 3.1, dt: 0.25, reform: { time: 1.3, size: 0.5 } });
  assert.match(off.warnings[0]!, /moved to the output grid: t = 1\.25/);
  const offTimes = (off.table.array("t") as number[]).filter((_, i) => i % 3 === 0);
  const grid = [...Array.from({ length: 13 }, (_, k) => k * 0.25), 3.1];
  assert.equal(offTimes.length, grid.length);
  offTimes.forEach((v, k) => close(v, grid[k]!, 1e-12));
  for (let k = 1; k < offTimes.length; k++) assert.ok(offTimes[k]! > offTimes[k - 1]!);
  // a reform time within the rounding tolerance 1e-9·max(1, tEnd) of a grid time is on the grid: no warning
  // (1e-9 − 0 is exactly the tolerance for tEnd = 1)
  assert.deepEqual(simulateCoevolution({ tEnd: 1, dt: 0.5, reform: { time: 1e-9, size: 0.5 } }).warnings, []);
});
