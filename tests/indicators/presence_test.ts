import assert from "node:assert/strict";
import {
  complexity,
  density,
  locationQuotient,
  Matrix,
  matrixFrom,
  opportunity,
  presence,
  proximity,
  reflections,
  ValidationError,
} from "../../src/mod.ts";
import { PresenceMatrix } from "../../src/indicators/presence.ts";
import { rpop, toSparsePresence } from "../../src/advanced.ts";
import { Random } from "../../src/core/random.ts";
import { assertColumn, assertThrowsAs, stataExports, stataRows } from "./stata_fixture.ts";

Deno.test("presence: ≥ 1 by default, > 1 with strict, custom threshold", () => {
  const lq = matrixFrom([[1, 0.5], [2, 1.2]], { regions: ["A", "B"], sectors: ["s1", "s2"] });
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

Deno.test("presence: both conventions reproduce the Stata M column (no cell at RCA = 1 there)", () => {
  const rows = stataRows();
  const lq = locationQuotient(stataExports());
  assertColumn(rows, "M", (r) => presence(lq).get(r.origin, r.hs92), 0);
  assertColumn(rows, "M", (r) => presence(lq, { convention: "stata" }).get(r.origin, r.hs92), 0);
  // the claim of the fixture README: the closest RCA to 1 is 1.0013, so ≥ and > agree on it
  const closest = Math.min(...lq.data.map((v) => Math.abs(v - 1)));
  assert.ok(closest > 1e-3 && closest < 2e-3, `closest |RCA − 1| = ${closest}`);
});

const ref = JSON.parse(
  Deno.readTextFileSync(new URL("../fixtures/reference/parity/presence_rules.json", import.meta.url)),
);

Deno.test("presence: cells at RCA exactly 1 split the conventions (py-ecomplexity ≥, Stata >)", () => {
  const counts = matrixFrom(ref.ones_counts, { regions: ["A", "B", "C"], sectors: ["s", "t"] });
  const lq = locationQuotient(counts);
  assert.deepEqual(lq.toArrays(), ref.ones_rca); // exactly 1, as numpy computes it
  assert.equal(lq.get("A", "s"), 1);
  assert.equal(lq.get("A", "t"), 1);
  assert.deepEqual(presence(lq).toArrays(), ref.ones_py);
  assert.deepEqual(presence(lq, { convention: "py-ecomplexity" }).toArrays(), ref.ones_py);
  assert.deepEqual(presence(lq, { convention: "stata" }).toArrays(), ref.ones_stata);
  // strict overrides the convention
  assert.deepEqual(presence(lq, { convention: "stata", strict: false }).toArrays(), ref.ones_py);
  assert.deepEqual(presence(lq, { convention: "py-ecomplexity", strict: true }).toArrays(), ref.ones_stata);
});

Deno.test("presence: Stata's rca2 and herf rules and RPOP match the re-implementation of the packages", () => {
  const counts = matrixFrom(ref.counts, { regions: ref.regions, sectors: ref.sectors });
  const lq = locationQuotient(counts);
  const stata = { convention: "stata", counts } as const;
  assert.deepEqual(presence(lq, { convention: "stata" }).toArrays(), ref.stata);
  assert.deepEqual(presence(lq, { ...stata, rca2: 3 }).toArrays(), ref.stata_rca2_3);
  assert.deepEqual(presence(lq, { ...stata, herf: 0.5 }).toArrays(), ref["stata_herf_0.5"]);
  assert.deepEqual(presence(lq, { ...stata, rca2: 3, herf: 0.5 }).toArrays(), ref["stata_rca2_3_herf_0.5"]);
  const population = ref.population as number[];
  const r = rpop(counts, population);
  r.data.forEach((v, k) =>
    assert.ok(Math.abs(v - ref.rpop.flat()[k]) <= 1e-15 * Math.max(1, v), `rpop ${k}`)
  );
  assert.deepEqual(presence(r).toArrays(), ref.py_rpop_only);
  assert.deepEqual(presence(lq, { counts, population }).toArrays(), ref.py_both);
  assert.deepEqual(presence(lq, { ...stata, population }).toArrays(), ref.stata_both);
  // the rules only add cells; the order of the counts' labels does not matter
  const shuffled = matrixFrom(
    ref.regions.flatMap((g: string, i: number) =>
      ref.sectors.map((s: string, j: number) => ({ region: g, sector: s, value: ref.counts[i][j] }))
    ).reverse(),
    { regions: [...ref.regions].reverse() },
  );
  assert.deepEqual(
    presence(lq, { convention: "stata", counts: shuffled, rca2: 3 }).toArrays(),
    ref.stata_rca2_3,
  );
});

Deno.test("presence: rules that need counts say so; counts with other labels are named", () => {
  const counts = matrixFrom(ref.counts, { regions: ref.regions, sectors: ref.sectors });
  const lq = locationQuotient(counts);
  for (const o of [{ rca2: 3 }, { herf: 0.5 }, { population: 1 }]) {
    const e = assertThrowsAs(() => presence(lq, o), ValidationError);
    assert.equal(e.issues[0]!.column, "counts");
  }
  const other = matrixFrom([[1, 2]], { regions: ["R1"], sectors: ["p1", "p2"] });
  const e = assertThrowsAs(() => presence(lq, { counts: other, herf: 1 }), ValidationError);
  assert.match(e.message, /4 × 4/);
  const e2 = assertThrowsAs(() => presence(lq, { convention: "spss" as never }), ValidationError);
  assert.equal(e2.issues[0]!.column, "convention");
  assertThrowsAs(() => presence(lq, { counts, rca2: -1 }), ValidationError);
  assertThrowsAs(() => presence(lq, { counts, population: [1, 2, 3, 0] }), ValidationError);
});

Deno.test("presence: empty rows/columns are warned about", () => {
  const lq = matrixFrom([[0, 2], [0, 0.1]], { regions: ["A", "B"], sectors: ["s1", "s2"] });
  const M = presence(lq);
  assert.deepEqual(M.warnings.length, 2);
  assert.ok(M.warnings[0]!.includes('"B"'));
  assert.ok(M.warnings[1]!.includes('"s1"'));
});

Deno.test("presence: bad options and NaN are ValidationErrors", () => {
  const lq = matrixFrom([[1]], { regions: ["A"], sectors: ["s"] });
  assertThrowsAs(() => presence(lq, { threshold: Number.NaN }), ValidationError);
  const e = assertThrowsAs(
    () => toSparsePresence(matrixFrom([[0.5]], { regions: ["A"], sectors: ["s"] })),
    ValidationError,
  );
  assert.deepEqual(e.issues[0]!.column, "s");
  assert.deepEqual(e.issues[0]!.received, "0.5");
  // The offending cell is named by its 1-based row and its column, also past the first row and column,
  // and a NaN in the very first cell is caught.
  const lq2 = (data: number[][]) => matrixFrom(data, { regions: ["A", "B"], sectors: ["s", "t"] });
  const e2 = assertThrowsAs(() => toSparsePresence(lq2([[1, 0], [0, 2]])), ValidationError);
  assert.deepEqual([e2.issues[0]!.row, e2.issues[0]!.column, e2.issues[0]!.received], [2, "t", "2"]);
  // matrixFrom already rejects NaN; a Matrix built directly can still carry one into presence().
  const raw = (data: number[]) => new Matrix(["A", "B"], ["s", "t"], Float64Array.from(data));
  const n1 = assertThrowsAs(() => presence(raw([Number.NaN, 1, 1, 1])), ValidationError);
  assert.deepEqual([n1.issues[0]!.row, n1.issues[0]!.column, n1.issues[0]!.received], [1, "s", "NaN"]);
  const n2 = assertThrowsAs(() => presence(raw([1, 1, 1, Number.NaN])), ValidationError);
  assert.deepEqual([n2.issues[0]!.row, n2.issues[0]!.column], [2, "t"]);
});

/** Has the dense `data` of `M` been built? Until its first read it is an own accessor (`Matrix.deferred`). */
const denseBuilt = (M: PresenceMatrix) => Object.getOwnPropertyDescriptor(M, "data")!.get === undefined;

/** A seeded 40 × 15 matrix of location quotients, about a third of them ≥ 1, and a row and a column of 0. */
function lqOf40x15(): Matrix {
  const rng = new Random(7);
  const data = Float64Array.from({ length: 40 * 15 }, (_, k) => k < 15 || k % 15 === 4 ? 0 : 3 * rng.next());
  const regions = Array.from({ length: 40 }, (_, i) => `r${i}`),
    sectors = Array.from({ length: 15 }, (_, j) => `s${j}`);
  return new Matrix(regions, sectors, data);
}

Deno.test("PresenceMatrix: the dense data is built on first read, with the values and shape of a Matrix", () => {
  const lq = lqOf40x15();
  const M = presence(lq), dense = M.sparse.toMatrix({ warnings: M.warnings });
  assert.equal(denseBuilt(M), false);
  // read from the sparse form: the values of the dense matrix, and still nothing built
  for (let i = 0; i < M.nrow; i++) {
    for (let j = 0; j < M.ncol; j++) {
      assert.equal(M.at(i, j), dense.at(i, j));
      assert.equal(M.get(`r${i}`, `s${j}`), dense.get(`r${i}`, `s${j}`));
    }
  }
  assert.deepEqual(M.rowSums(), dense.rowSums());
  assert.deepEqual(M.colSums(), dense.colSums());
  assert.equal(M.rowSums()[0], 0);
  assert.equal(M.colSums()[4], 0);
  assert.throws(() => M.get("r0", "nope"), /Unknown column "nope"/);
  assert.equal(denseBuilt(M), false);
  assert.deepEqual(M.toMatrix(), dense);
  assert.equal(denseBuilt(M), false);
  // outside the matrix, at() reads the dense storage as Matrix.at does (the next row, or undefined)
  assert.equal(M.at(0, 15), dense.at(1, 0));
  assert.equal(M.at(40, 0), undefined);
  assert.equal(denseBuilt(M), true);
  // once read: a plain own property (writable, enumerable, as the field of a Matrix), the same array each time
  const N = presence(lq);
  const data = N.data;
  assert.deepEqual(data, dense.data);
  assert.equal(N.data, data);
  assert.deepEqual(Object.getOwnPropertyDescriptor(N, "data"), {
    value: data,
    writable: true,
    enumerable: true,
    configurable: true,
  });
  assert.deepEqual(Object.keys(N), ["rows", "cols", "data", "warnings", "sparse"]);
});

Deno.test("PresenceMatrix: methods, equality, cloning and inspection see the same values, built or not", () => {
  const lq = lqOf40x15(), dense = presence(lq).toMatrix();
  assert.deepEqual(presence(lq).toArrays(), dense.toArrays());
  assert.deepEqual(presence(lq).transpose(), dense.transpose());
  assert.deepEqual(presence(lq).map((v, i, j) => v * (i + j)), dense.map((v, i, j) => v * (i + j)));
  assert.deepEqual(presence(lq).toTable().objects(), dense.toTable().objects());
  // deep equality reads the accessor: unbuilt and built matrices are equal, other values are not
  const built = presence(lq);
  void built.data;
  assert.deepStrictEqual(presence(lq), built);
  assert.deepStrictEqual(presence(lq), presence(lq));
  assert.notDeepStrictEqual(presence(lq), presence(lq, { threshold: 2 }));
  assert.notDeepStrictEqual(presence(lq, { threshold: 2 }), built);
  const clone = structuredClone(presence(lq));
  assert.deepEqual(clone.data, dense.data);
  assert.deepEqual(Object.keys(clone), ["rows", "cols", "data", "warnings", "sparse"]);
  // Deno's inspection shows the values (not an unread accessor), at every depth and nesting
  const shown = (x: unknown, o: Deno.InspectOptions = {}) => Deno.inspect(x, o);
  for (const o of [{}, { depth: 0 }, { depth: 1 }, { depth: 2 }, { colors: true, compact: false }]) {
    assert.equal(shown(presence(lq), o), shown(built, o));
    assert.equal(shown({ a: { b: [presence(lq)] } }, o), shown({ a: { b: [built] } }, o));
  }
  assert.match(shown(presence(lq)), /data: Float64Array\(600\) \[/);
  assert.match(shown({ a: { b: presence(lq) } }, { depth: 1 }), /b: \[PresenceMatrix\]/);
});

Deno.test("PresenceMatrix: presence → proximity → density → complexity → opportunity never builds the dense data", () => {
  const M = presence(lqOf40x15());
  const phi = proximity(M);
  const d = density(M, { phi });
  const cx = complexity(M);
  complexity(M, { method: "fitness" });
  reflections(M);
  const o = opportunity(M, { phi, complexity: cx });
  const od = opportunity(M, { phi, complexity: cx, density: d });
  opportunity(M);
  assert.equal(denseBuilt(M), false);
  // the same numbers as from the dense 0/1 matrix
  const dense = M.toMatrix();
  assert.deepEqual(proximity(dense), phi);
  assert.deepEqual(density(dense, { phi }), d);
  assert.deepEqual(complexity(dense), cx);
  assert.deepEqual(opportunity(dense, { phi, complexity: cx }), o);
  assert.deepEqual(opportunity(dense, { phi, complexity: cx, density: d }), od);
  assert.equal(denseBuilt(M), false);
});
