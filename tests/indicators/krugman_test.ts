import assert from "node:assert/strict";
import { krugman } from "../../src/indicators/krugman.ts";
import { hooverSpecialisation } from "../../src/indicators/hoover_specialisation.ts";
import { matrixFrom } from "../../src/indicators/matrix.ts";

const close = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) < tol, `${a} vs ${b}`);

// Hand computation: total 20, reference shares (0.3, 0.35, 0.35); R1 (0.6, 0.2, 0.2) → 0.3 + 0.15 + 0.15 = 0.6;
// R2 (0, 0.5, 0.5) → 0.3 + 0.15 + 0.15 = 0.6.
const m = matrixFrom([[6, 2, 2], [0, 5, 5]], { regions: ["R1", "R2"], sectors: ["A", "B", "C"] });

Deno.test("krugman(): Σ|s_rs − s_s| by hand", () => {
  const k = krugman(m);
  close(k.get("R1"), 0.6);
  close(k.get("R2"), 0.6);
});

Deno.test("krugman(): a region shaped like the whole scores 0; disjoint regions approach 2", () => {
  const same = matrixFrom([[1, 2], [2, 4]], { regions: ["a", "b"], sectors: ["x", "y"] });
  close(krugman(same).get("a"), 0);
  const disjoint = matrixFrom([[1, 0], [0, 999]], { regions: ["a", "b"], sectors: ["x", "y"] });
  close(krugman(disjoint).get("a"), 2 * 0.999);
});

Deno.test("hooverSpecialisation(): half the Krugman index (EconGeo spec_coeff)", () => {
  const h = hooverSpecialisation(m);
  close(h.get("R1"), 0.3);
  close(h.get("R2"), 0.3);
});

Deno.test("krugman(): empty region NaN, all-zero matrix NaN, with warnings", () => {
  const k = krugman(matrixFrom([[0, 0], [1, 1]], { regions: ["E", "R"], sectors: ["A", "B"] }));
  assert.ok(Number.isNaN(k.get("E")));
  assert.match(k.warnings[0]!, /no activity \("E"\)/);
  const z = krugman(matrixFrom([[0, 0]], { regions: ["E"], sectors: ["A", "B"] }));
  assert.ok(Number.isNaN(z.get("E")));
  assert.match(z.warnings[0]!, /all zero/);
});
