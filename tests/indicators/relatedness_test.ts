import assert from "node:assert/strict";
import { cooccurrence, matrixFrom, relatedness, ValidationError } from "../../src/mod.ts";
import { assertClose, assertThrowsAs } from "./stata_fixture.ts";

const M = matrixFrom([[1, 1, 0], [1, 1, 1], [0, 1, 1], [1, 0, 0]], {
  rows: ["A", "B", "C", "D"],
  cols: ["a", "b", "c"],
});

Deno.test("cooccurrence: MᵀM and MMᵀ with the diagonal 0 or kept", () => {
  assert.deepEqual(cooccurrence(M).toArrays(), [[0, 2, 1], [2, 0, 2], [1, 2, 0]]);
  assert.deepEqual(cooccurrence(M, { diagonal: true }).toArrays(), [[3, 2, 1], [2, 3, 2], [1, 2, 2]]);
  const r = cooccurrence(M, { of: "regions" });
  assert.deepEqual(r.rows, ["A", "B", "C", "D"]);
  assert.equal(r.get("A", "B"), 2);
  assert.equal(r.get("C", "D"), 0);
  assert.equal(r.get("A", "A"), 0);
});

Deno.test("relatedness: EconGeo normalisations by hand", () => {
  const C = cooccurrence(M); // [[0,2,1],[2,0,2],[1,2,0]]: s = (3, 4, 3), T = 10
  const s = [3, 4, 3], T = 10, c01 = 2;
  assertClose(
    relatedness(C, { method: "association" }).get("a", "b"),
    (c01 / T) / ((s[0]! / T) * (s[1]! / T)),
    1e-15,
  );
  assertClose(relatedness(C, { method: "cosine" }).get("a", "b"), c01 / Math.sqrt(12), 1e-15);
  assertClose(relatedness(C, { method: "jaccard" }).get("a", "b"), c01 / (3 + 4 - 2), 1e-15);
  const prob = c01 / (((s[1]! / T) * (s[0]! / (T - s[1]!)) + (s[0]! / T) * (s[1]! / (T - s[0]!))) * (T / 2));
  assertClose(relatedness(C).get("a", "b"), prob, 1e-15);
  assertClose(relatedness(C, { method: "prob" }).get("b", "a"), prob, 1e-15);
  assert.equal(relatedness(C, { method: "cosine" }).get("a", "a"), 0);
  // case-insensitive like EconGeo ("Jaccard")
  assert.equal(relatedness(C, { method: "Jaccard" as "jaccard" }).get("a", "b"), 0.4);
});

Deno.test("relatedness: isolated sectors give 0 with a warning; bad input is rejected", () => {
  const C = matrixFrom([[0, 0], [0, 0]], { regions: ["a", "b"], sectors: ["a", "b"] });
  const r = relatedness(C, { method: "association" });
  assert.deepEqual(r.toArrays(), [[0, 0], [0, 0]]);
  assert.equal(r.warnings.length, 1);
  assertThrowsAs(() => relatedness(C, { method: "pmi" as "prob" }), ValidationError);
  assertThrowsAs(
    () => relatedness(matrixFrom([[1, 2]], { regions: ["a"], sectors: ["a", "b"] })),
    ValidationError,
  );
  // a negative count is named by its 1-based row and column
  const neg = matrixFrom([[0, 1], [-1, 0]], { regions: ["a", "b"], sectors: ["a", "b"] });
  const e = assertThrowsAs(() => relatedness(neg), ValidationError);
  assert.deepEqual([e.issues[0]!.row, e.issues[0]!.column, e.issues[0]!.received], [2, "a", "-1"]);
});

Deno.test("relatedness(C, method): the 0.1 form equals relatedness(C, { method })", () => {
  const C = cooccurrence(M);
  for (const method of ["prob", "association", "cosine", "jaccard"] as const) {
    assert.deepEqual(Array.from(relatedness(C, method).data), Array.from(relatedness(C, { method }).data));
  }
  assert.deepEqual(Array.from(relatedness(C, undefined).data), Array.from(relatedness(C).data));
});
