import assert from "node:assert/strict";
import {
  density,
  locationQuotient,
  matrixFrom,
  presence,
  proximity,
  relatednessDensity,
} from "../../src/mod.ts";
import { ValidationError } from "../../src/mod.ts";
import { econgeoMatrix } from "./econgeo_fixture.ts";
import { assertClose, assertThrowsAs, stataExports } from "./stata_fixture.ts";

const M = econgeoMatrix("presence", "input");
const phi = econgeoMatrix("relatedness", "input");

Deno.test("relatednessDensity: closed form (EconGeo relatedness_density, percent)", () => {
  const M = matrixFrom([[1, 0, 0], [0, 1, 1]], { regions: ["A", "B"], sectors: ["a", "b", "c"] });
  const phi = matrixFrom([[0, 1, 1], [1, 0, 3], [1, 3, 0]], {
    regions: ["a", "b", "c"],
    sectors: ["a", "b", "c"],
  });
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

Deno.test("relatednessDensity: EconGeo's density and its int / ext variants (NaN where EconGeo has NA)", () => {
  const all = relatednessDensity(M, phi);
  const cases = [
    ["all", "relatedness.density", all],
    ["inside", "relatedness.density.int", relatednessDensity(M, phi, { portfolio: "inside" })],
    ["outside", "relatedness.density.ext", relatednessDensity(M, phi, { portfolio: "outside" })],
  ] as const;
  for (const [portfolio, q, rd] of cases) {
    const exact = econgeoMatrix(q, "exact"), rounded = econgeoMatrix(q, "rounded");
    rd.data.forEach((v, k) => {
      const want = exact.data[k]!;
      if (Number.isNaN(want)) assert.ok(Number.isNaN(v), `${portfolio} cell ${k} should be NaN`);
      else {
        assertClose(v, want, 1e-12, `${portfolio} cell ${k}`);
        assert.ok(Math.abs(v - rounded.data[k]!) <= 0.5, `${portfolio} cell ${k} vs EconGeo's rounding`);
      }
    });
  }
  // inside ∪ outside is the whole matrix
  const inside = relatednessDensity(M, phi, { portfolio: "inside" });
  const outside = relatednessDensity(M, phi, { portfolio: "outside" });
  all.data.forEach((v, k) =>
    assert.equal(Number.isNaN(inside.data[k]!) ? outside.data[k] : inside.data[k], v)
  );
  assertThrowsAs(() => relatednessDensity(M, phi, { portfolio: "int" as never }), ValidationError);
});
