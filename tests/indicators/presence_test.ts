import assert from "node:assert/strict";
import {
  locationQuotient,
  Matrix,
  matrixFrom,
  presence,
  PresenceMatrix,
  toSparsePresence,
  ValidationError,
} from "../../src/mod.ts";
import { assertColumn, assertThrowsAs, stataExports, stataRows } from "./stata_fixture.ts";

Deno.test("presence: ≥ 1 by default, > 1 with strict, custom threshold", () => {
  const lq = matrixFrom([[1, 0.5], [2, 1.2]], { rows: ["A", "B"], cols: ["s1", "s2"] });
  assert.deepEqual(presence(lq).toArrays(), [[1, 0], [1, 1]]);
  assert.deepEqual(presence(lq, { strict: true }).toArrays(), [[0, 0], [1, 1]]);
  assert.deepEqual(presence(lq, { threshold: 1.5 }).toArrays(), [[0, 0], [1, 0]]);
  assert.deepEqual(presence(lq, { threshold: 0.5, strict: true }).toArrays(), [[1, 0], [1, 1]]);
  const p = presence(lq);
  assert.ok(p instanceof PresenceMatrix);
  assert.deepEqual(p.sparse.nnz, 3);
  assert.deepEqual(Array.from(p.sparse.rowPtr), [0, 1, 3]);
  assert.deepEqual(Array.from(p.sparse.colIdx), [0, 0, 1]);
});

Deno.test("presence: reproduces the Stata M column (RCA ≥ 1)", () => {
  const rows = stataRows();
  const M = presence(locationQuotient(stataExports()));
  assertColumn(rows, "M", (r) => M.get(r.origin, r.hs92), 0);
});

Deno.test("presence: empty rows/columns are warned about", () => {
  const lq = matrixFrom([[0, 2], [0, 0.1]], { rows: ["A", "B"], cols: ["s1", "s2"] });
  const M = presence(lq);
  assert.deepEqual(M.warnings.length, 2);
  assert.ok(M.warnings[0]!.includes('"B"'));
  assert.ok(M.warnings[1]!.includes('"s1"'));
});

Deno.test("presence: bad options and NaN are ValidationErrors", () => {
  const lq = matrixFrom([[1]], { rows: ["A"], cols: ["s"] });
  assertThrowsAs(() => presence(lq, { threshold: Number.NaN }), ValidationError);
  const e = assertThrowsAs(
    () => toSparsePresence(matrixFrom([[0.5]], { rows: ["A"], cols: ["s"] })),
    ValidationError,
  );
  assert.deepEqual(e.issues[0]!.column, "s");
  assert.deepEqual(e.issues[0]!.received, "0.5");
  // The offending cell is named by its 1-based row and its column, also past the first row and column,
  // and a NaN in the very first cell is caught.
  const lq2 = (data: number[][]) => matrixFrom(data, { rows: ["A", "B"], cols: ["s", "t"] });
  const e2 = assertThrowsAs(() => toSparsePresence(lq2([[1, 0], [0, 2]])), ValidationError);
  assert.deepEqual([e2.issues[0]!.row, e2.issues[0]!.column, e2.issues[0]!.received], [2, "t", "2"]);
  // matrixFrom already rejects NaN; a Matrix built directly can still carry one into presence().
  const raw = (data: number[]) => new Matrix(["A", "B"], ["s", "t"], Float64Array.from(data));
  const n1 = assertThrowsAs(() => presence(raw([Number.NaN, 1, 1, 1])), ValidationError);
  assert.deepEqual([n1.issues[0]!.row, n1.issues[0]!.column, n1.issues[0]!.received], [1, "s", "NaN"]);
  const n2 = assertThrowsAs(() => presence(raw([1, 1, 1, Number.NaN])), ValidationError);
  assert.deepEqual([n2.issues[0]!.row, n2.issues[0]!.column], [2, "t"]);
});
