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
