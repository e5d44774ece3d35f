import assert from "node:assert/strict";
import {
  density,
  locationQuotient,
  matrixFrom,
  presence,
  proximity,
  relatednessDensity,
} from "../../src/mod.ts";
import { assertClose, stataExports } from "./stata_fixture.ts";

Deno.test("relatednessDensity: closed form (EconGeo relatedness_density, percent)", () => {
  const M = matrixFrom([[1, 0, 0], [0, 1, 1]], { rows: ["A", "B"], cols: ["a", "b", "c"] });
  const phi = matrixFrom([[0, 1, 1], [1, 0, 3], [1, 3, 0]], { rows: ["a", "b", "c"], cols: ["a", "b", "c"] });
  const rd = relatednessDensity(M, phi);
  assert.deepEqual(rd.get("A", "b"), 25); // 100 · 1 / (1 + 3)
  assert.deepEqual(rd.get("A", "a"), 0);
  assert.deepEqual(rd.get("B", "a"), 100); // (1 + 1) / 2
  assert.deepEqual(rd.get("B", "c"), 75);
});

Deno.test("relatednessDensity equals 100 × density with the proximity φ", () => {
  const M = presence(locationQuotient(stataExports()));
  const d = density(M);
  const rd = relatednessDensity(M, proximity(M));
  for (let k = 0; k < d.data.length; k++) {
    assertClose(rd.data[k]!, 100 * d.data[k]!, 1e-12);
  }
});
