import assert from "node:assert/strict";
import { normalTwoSided, normalUpperTail } from "../../src/core/normal.ts";

Deno.test("normalUpperTail: R's pnorm(x, lower.tail = FALSE) to 1e-12 relative on both sides of the switch at 3", () => {
  // Rscript -e 'options(digits = 17); pnorm(c(-5, -1, 0, 0.5, 2, 2.999, 3, 3.0001, 4, 6, 10, 20), lower.tail = FALSE)'
  const ref: [number, number][] = [
    [-5, 9.9999971334842808e-01],
    [-1, 8.4134474606854293e-01],
    [0, 0.5],
    [0.5, 3.0853753872598694e-01],
    [2, 2.2750131948179212e-02],
    [2.999, 1.3543365337271064e-03],
    [3, 1.3498980316300946e-03],
    [3.0001, 1.3494549132607172e-03],
    [4, 3.1671241833119924e-05],
    [6, 9.8658764503769809e-10],
    [10, 7.6198530241605269e-24],
    [20, 2.7536241186062337e-89],
  ];
  for (const [x, q] of ref) {
    assert.ok(Math.abs(normalUpperTail(x) / q - 1) < 1e-12, `${x}: ${normalUpperTail(x)} vs ${q}`);
  }
  assert.equal(normalUpperTail(50), 0);
  assert.ok(Number.isNaN(normalUpperTail(NaN)));
});

Deno.test("normalTwoSided: symmetric, 1 at 0, capped at 1", () => {
  assert.equal(normalTwoSided(0), 1);
  assert.equal(normalTwoSided(2), normalTwoSided(-2));
  assert.ok(Math.abs(normalTwoSided(2) - 2 * 2.2750131948179212e-02) < 1e-15);
});
