import assert from "node:assert/strict";
import * as aq from "arquero";
import { Matrix, matrixFrom, Series } from "../../src/indicators/matrix.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

Deno.test("matrixFrom() builds a labelled matrix from rows of objects, summing duplicates when asked", () => {
  const rows = [
    { region: "R2", sector: "I1", value: 1 },
    { region: "R1", sector: "I2", value: 2 },
    { region: "R1", sector: "I2", value: 3 },
  ];
  assert.throws(() => matrixFrom(rows), /row 3, column "region \+ sector".*a repeat of row 2/);
  const m = matrixFrom(rows, { duplicates: "sum" });
  assert.deepEqual(m.warnings, [
    '1 repeated region–sector pair(s) summed (duplicates: "sum"), first "R1" × "I2" (rows 2 and 3)',
    '2 of 4 region × sector cells are absent from the input and set to 0: ("R1", "I1"), ("R2", "I2") (missing: "error" makes them an error)',
  ]);
  assert.deepEqual(m.rows, ["R1", "R2"]);
  assert.deepEqual(m.cols, ["I1", "I2"]);
  assert.deepEqual(m.toArrays(), [[0, 5], [1, 0]]);
  assert.equal(m.get("R1", "I2"), 5);
  assert.ok(m.data instanceof Float64Array);
});

Deno.test("matrixFrom() reads arquero tables and danfojs-shaped frames alike", () => {
  const t = aq.table({ r: ["A", "B"], c: ["x", "x"], v: [1, 2] });
  const df = { $data: [], columns: ["r", "c", "v"], values: [["A", "x", 1], ["B", "x", 2]] };
  const opts = { region: "r", sector: "c", value: "v" };
  assert.deepEqual(matrixFrom(t, opts).toArrays(), matrixFrom(df, opts).toArrays());
});

Deno.test("matrixFrom() from nested arrays, with row and column sums", () => {
  const m = matrixFrom([[1, 2], [3, 4]], { regions: ["a", "b"], sectors: ["x", "y"] });
  assert.deepEqual(Array.from(m.rowSums()), [3, 7]);
  assert.deepEqual(Array.from(m.colSums()), [4, 6]);
  assert.deepEqual(m.transpose().toArrays(), [[1, 3], [2, 4]]);
  assert.deepEqual(m.toTable({ row: "region", col: "sector" }).objects()[1], {
    region: "a",
    sector: "y",
    value: 2,
  });
});

Deno.test("matrixFrom() names the row and column of a bad value", () => {
  assert.throws(
    () => matrixFrom([{ r: "A", c: "x", v: "3" }], { region: "r", sector: "c", value: "v" }),
    (e: unknown) =>
      e instanceof ValidationError &&
      /row 1, column "v": expected a finite number, received "3"/.test(e.message),
  );
  assert.throws(
    () => matrixFrom([[1, Number.NaN]], { regions: ["a"], sectors: ["x", "y"] }),
    /row 1, column "y"/,
  );
  assert.throws(() => matrixFrom([{ r: "A" }], { region: "r", sector: "c", value: "v" }), /column "c"/);
  assert.throws(() => matrixFrom([[1, 2]]), /region and sector labels \(options.regions, options.sectors\)/);
  assert.throws(
    () => matrixFrom([{ region: "A", sector: "x", value: 1 }], { regions: ["B"] }),
    /row 1, column "region": expected a label listed in the regions\/sectors option, received "A"/,
  );
});

Deno.test("Series.get() and ranked()", () => {
  const s = new Series(["a", "b", "c"], Float64Array.from([2, 5, 2]), { name: "lq" });
  assert.equal(s.get("b"), 5);
  assert.deepEqual(s.ranked(), ["b", "a", "c"]);
  assert.deepEqual(s.toTable({ label: "region" }).columnNames(), ["region", "lq"]);
  assert.deepEqual(s.toTable({ label: "region", value: "x" }).objects()[1], { region: "b", x: 5 });
  assert.deepEqual(s.warnings, []);
  assert.equal(new Series([], new Float64Array(0)).name, "value");
  assert.throws(() => s.get("z"), /Unknown label "z"/);
  assert.throws(() => new Matrix(["a"], ["x"], new Float64Array(2)), /needs 1 values/);
});

Deno.test("matrixFrom(): the deprecated row/col/rows/cols options still work; an alias with its new name is an error", () => {
  const rows = [{ region: "R1", sector: "I1", value: 2 }, { region: "R2", sector: "I2", value: 3 }];
  // the published contract of version 0.1
  const old = matrixFrom(rows, { row: "region", col: "sector", value: "value" });
  assert.deepEqual(old.toArrays(), matrixFrom(rows).toArrays());
  const ordered = matrixFrom(rows, { rows: ["R2", "R1"], cols: ["I2", "I1"] });
  assert.deepEqual(ordered.rows, ["R2", "R1"]);
  assert.deepEqual(ordered.toArrays(), [[3, 0], [0, 2]]);
  const nested = matrixFrom([[1, 2]], { rows: ["a"], cols: ["x", "y"] });
  assert.deepEqual(
    nested.toArrays(),
    matrixFrom([[1, 2]], { regions: ["a"], sectors: ["x", "y"] }).toArrays(),
  );
  assert.throws(
    () => matrixFrom(rows, { region: "region", row: "region" }),
    (e: unknown) =>
      e instanceof ValidationError &&
      /column "row": expected either "region" or its deprecated alias "row", not both/.test(e.message),
  );
  assert.throws(() => matrixFrom([[1]], { regions: ["a"], rows: ["a"], sectors: ["x"] }), /"regions" or its/);
  assert.throws(
    () => matrixFrom(rows, { sector: "sector", col: "sector" }),
    /"sector" or its deprecated alias "col"/,
  );
  assert.throws(() => matrixFrom([[1]], { regions: ["a"], sectors: ["x"], cols: ["x"] }), /"sectors" or its/);
});

Deno.test("Matrix: data is required and used as is; map carries the given warnings", () => {
  const data = Float64Array.from([1, 2]);
  const m = new Matrix(["a"], ["x", "y"], data, { warnings: ["w"] });
  assert.equal(m.data, data);
  assert.deepEqual(m.warnings, ["w"]);
  assert.deepEqual(m.transpose().warnings, ["w"]);
  const doubled = m.map((v) => 2 * v, { warnings: ["twice"] });
  assert.deepEqual(doubled.toArrays(), [[2, 4]]);
  assert.deepEqual(doubled.warnings, ["twice"]);
  assert.deepEqual(m.map((v) => v).warnings, []);
  assert.deepEqual(m.toTable().objects()[1], { row: "a", col: "y", value: 2 });
});

Deno.test("Series and Matrix: the 0.1 positional forms equal today's options", () => {
  const values = Float64Array.from([2, 5]);
  const v01 = new Series(["a", "b"], values, "lq", ["note"]),
    today = new Series(["a", "b"], values, {
      name: "lq",
      warnings: ["note"],
    });
  assert.deepEqual([v01.name, v01.warnings, v01.labels], [today.name, today.warnings, today.labels]);
  assert.deepEqual(new Series(["a"], Float64Array.from([1]), undefined, ["w"]).warnings, ["w"]);
  assert.equal(new Series(["a"], Float64Array.from([1]), undefined, ["w"]).name, "value");
  assert.deepEqual(
    v01.toTable("region", "LQ").objects(),
    today.toTable({ label: "region", value: "LQ" }).objects(),
  );
  assert.deepEqual(v01.toTable("region").objects(), today.toTable({ label: "region" }).objects());
  assert.deepEqual(v01.toTable(undefined, "x").columnNames(), ["label", "x"]);
  const data = Float64Array.from([1, 2, 3, 4]);
  const m01 = new Matrix(["A", "B"], ["s", "t"], data, ["w"]);
  const m = new Matrix(["A", "B"], ["s", "t"], data, { warnings: ["w"] });
  assert.deepEqual([m01.toArrays(), m01.warnings], [m.toArrays(), m.warnings]);
  // 0.1: `data` optional, a zero matrix
  assert.deepEqual(
    new Matrix(["A"], ["s", "t"]).toArrays(),
    new Matrix(["A"], ["s", "t"], new Float64Array(2)).toArrays(),
  );
  assert.deepEqual(new Matrix(["A"], ["s"], undefined, ["w"]).warnings, ["w"]);
  const f = (v: number) => v * 2;
  assert.deepEqual([m.map(f, ["x"]).toArrays(), m.map(f, ["x"]).warnings], [
    m.map(f, { warnings: ["x"] }).toArrays(),
    ["x"],
  ]);
});

Deno.test("matrixFrom(): absent region × sector pairs are zero-filled with a warning that counts them", () => {
  const long = [
    { region: "R1", sector: "I1", value: 2 },
    { region: "R1", sector: "I2", value: 0 }, // listed with 0: not absent
    { region: "R2", sector: "I1", value: 1 },
    { region: "R3", sector: "I3", value: 4 },
  ];
  const m = matrixFrom(long);
  assert.deepEqual(m.toArrays(), [[2, 0, 0], [1, 0, 0], [0, 0, 4]]);
  // 9 cells, 4 listed: (R1, I3), (R2, I2), (R2, I3), (R3, I1), (R3, I2) are absent
  assert.deepEqual(m.warnings, [
    '5 of 9 region × sector cells are absent from the input and set to 0: ("R1", "I3"), ("R2", "I2"), ' +
    '("R2", "I3"), ("R3", "I1"), ("R3", "I2") (missing: "error" makes them an error)',
  ]);
  assert.deepEqual(matrixFrom(long, { missing: "zero" }).warnings, m.warnings);
  // more than five: the rest are counted
  const sparse = matrixFrom([
    { region: "A", sector: "a", value: 1 },
    { region: "B", sector: "b", value: 1 },
    { region: "C", sector: "c", value: 1 },
  ]);
  assert.match(sparse.warnings[0]!, /^6 of 9 .* and 1 more \(missing/);
  // every pair listed: no warning; nested arrays have no absent cell
  const full = matrixFrom([
    { region: "A", sector: "a", value: 1 },
    { region: "A", sector: "b", value: 0 },
  ]);
  assert.deepEqual(full.warnings, []);
  assert.deepEqual(matrixFrom([[0, 1]], { regions: ["A"], sectors: ["a", "b"] }).warnings, []);
  // labels given by regions/sectors but never listed are absent too
  const wide = matrixFrom([{ region: "A", sector: "a", value: 1 }], { regions: ["A", "B"] });
  assert.match(wide.warnings[0]!, /^1 of 2 region × sector cells are absent .*\("B", "a"\)/);
});

Deno.test('matrixFrom({ missing: "error" }): an absent pair is a ValidationError naming the pairs', () => {
  const long = [
    { region: "R1", sector: "I1", value: 2 },
    { region: "R2", sector: "I2", value: 1 },
  ];
  assert.throws(
    () => matrixFrom(long, { missing: "error" }),
    (e: unknown) =>
      e instanceof ValidationError && e.issues.length === 1 && e.issues[0]!.column === "region × sector" &&
      /2 region × sector pairs absent: \("R1", "I2"\), \("R2", "I1"\)/.test(e.message),
  );
  const complete = [...long, { region: "R1", sector: "I2", value: 0 }, {
    region: "R2",
    sector: "I1",
    value: 0,
  }];
  assert.deepEqual(matrixFrom(complete, { missing: "error" }).toArrays(), [[2, 0], [0, 1]]);
  assert.throws(
    () => matrixFrom(long, { missing: "drop" as "zero" }),
    /column "missing": expected "zero" or "error", received "drop"/,
  );
  // the column names in the issue are those of the table
  assert.throws(
    () =>
      matrixFrom([{ r: "A", s: "x", v: 1 }, { r: "B", s: "y", v: 1 }], {
        region: "r",
        sector: "s",
        value: "v",
        missing: "error",
      }),
    /column "r × s"/,
  );
});

Deno.test("Matrix.deferred: a subclass's data is built once, on first read, and checked like given data", () => {
  let builds = 0;
  class Lazy extends Matrix {
    constructor(readonly values: number[]) {
      super(["a"], ["x", "y"], Matrix.deferred);
    }
    protected override denseData(): Float64Array {
      builds++;
      return Float64Array.from(this.values);
    }
  }
  const m = new Lazy([1, 2]);
  assert.equal(builds, 0);
  assert.deepEqual(m.toArrays(), [[1, 2]]);
  assert.equal(m.data, m.data);
  assert.equal(builds, 1);
  assert.throws(() => new Lazy([1]).data, /Matrix 1 × 2 needs 2 values, received 1/);
  class Unbuilt extends Matrix {
    constructor() {
      super(["a"], ["x"], Matrix.deferred);
    }
  }
  assert.throws(() => new Unbuilt().data, /must override it/);
});
