import assert from "node:assert/strict";
import { saltelliDesign } from "../../src/models/saltelli_design.ts";
import { sobolIndices } from "../../src/models/sobol_indices.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

/** Ishigami & Homma (1990): f = sin x1 + a sin² x2 + b x3⁴ sin x1, x uniform on [−π, π]³. */
const A = 7, B = 0.1;
const ishigami = (p: Record<string, number>) =>
  Math.sin(p.x1!) + A * Math.sin(p.x2!) ** 2 + B * p.x3! ** 4 * Math.sin(p.x1!);

/**
 * The indices of the Ishigami function in closed form (Sobol' & Levitan 1999; Saltelli et al. 2010, §4):
 * V = a²/8 + bπ⁴/5 + b²π⁸/18 + ½, V1 = ½(1 + bπ⁴/5)², V2 = a²/8, V3 = 0, V13 = b²π⁸(1/18 − 1/50) = 8b²π⁸/225.
 */
function ishigamiIndices(a: number, b: number) {
  const pi4 = Math.PI ** 4, pi8 = Math.PI ** 8;
  const V = a * a / 8 + b * pi4 / 5 + b * b * pi8 / 18 + 0.5;
  const V1 = 0.5 * (1 + b * pi4 / 5) ** 2, V2 = a * a / 8, V13 = 8 * b * b * pi8 / 225;
  return { S1: [V1 / V, V2 / V, 0], ST: [(V1 + V13) / V, V2 / V, V13 / V] };
}

const ranges = { x1: [-Math.PI, Math.PI], x2: [-Math.PI, Math.PI], x3: [-Math.PI, Math.PI] } as const;

Deno.test("the closed form gives the published Ishigami indices (a = 7, b = 0.1)", () => {
  const exact = ishigamiIndices(A, B);
  assert.deepEqual(exact.S1.map((s) => Math.round(s * 1e4) / 1e4), [0.3139, 0.4424, 0]);
  assert.deepEqual(exact.ST.map((s) => Math.round(s * 1e4) / 1e4), [0.5576, 0.4424, 0.2437]);
});

Deno.test("sobolIndices recovers the Ishigami indices: within 0.01 at N = 2^13, inside the 95 % intervals", () => {
  const exact = ishigamiIndices(A, B);
  const d = saltelliDesign(ranges, 2 ** 13);
  const s = sobolIndices(d, d.points.map(ishigami), { replicates: 300, seed: 3 });
  const rows = s.table.objects() as Record<string, number>[];
  assert.deepEqual(rows.map((r) => r.param), ["x1", "x2", "x3"]);
  rows.forEach((r, i) => {
    assert.ok(Math.abs(r.S1! - exact.S1[i]!) < 0.01, `S1 of x${i + 1}: ${r.S1} vs ${exact.S1[i]}`);
    assert.ok(Math.abs(r.ST! - exact.ST[i]!) < 0.01, `ST of x${i + 1}: ${r.ST} vs ${exact.ST[i]}`);
    assert.ok(r.S1_lower! <= exact.S1[i]! && exact.S1[i]! <= r.S1_upper!, `S1 interval of x${i + 1}`);
    assert.ok(r.ST_lower! <= exact.ST[i]! && exact.ST[i]! <= r.ST_upper!, `ST interval of x${i + 1}`);
    assert.ok(r.S1_upper! - r.S1_lower! < 0.1, "the intervals are informative");
  });
  // the variance is that of the outputs, near the closed form 13.845
  assert.ok(
    Math.abs(s.variance - (A * A / 8 + B * Math.PI ** 4 / 5 + B * B * Math.PI ** 8 / 18 + 0.5)) < 0.2,
  );
  // a coarser design is further off: the estimator converges (the test would catch a wrong formula)
  const coarse = saltelliDesign(ranges, 2 ** 6);
  const c = sobolIndices(coarse, coarse.points.map(ishigami), { replicates: 200 });
  const err = (t: typeof rows) => t.reduce((e, r, i) => e + Math.abs(r.ST! - exact.ST[i]!), 0);
  assert.ok(err(rows) < err(c.table.objects() as Record<string, number>[]));
});

Deno.test("sobolIndices is deterministic for a seed and its intervals follow the level", () => {
  const d = saltelliDesign(ranges, 256);
  const y = d.points.map(ishigami);
  const a = sobolIndices(d, y, { replicates: 200, seed: 5 });
  assert.deepEqual(sobolIndices(d, y, { replicates: 200, seed: 5 }).table.objects(), a.table.objects());
  const narrow = sobolIndices(d, y, { replicates: 200, seed: 5, level: 0.5 });
  const w = (t: typeof a) =>
    (t.table.objects() as Record<string, number>[]).map((r) => r.ST_upper! - r.ST_lower!);
  w(narrow).forEach((x, i) => assert.ok(x < w(a)[i]!));
  assert.deepEqual([a.n, a.replicates, a.level, a.seed], [256, 200, 0.95, 5]);
});

Deno.test("sobolIndices does not depend on the output's mean (f(B) is centred) nor on its scale", () => {
  const d = saltelliDesign(ranges, 128);
  const y = d.points.map(ishigami);
  const a = sobolIndices(d, y, { replicates: 100 }).table.objects() as Record<string, number>[];
  const b = sobolIndices(d, y.map((v) => 1e4 + 3 * v), { replicates: 100 }).table.objects() as Record<
    string,
    number
  >[];
  a.forEach((r, i) => {
    for (const k of ["S1", "S1_lower", "S1_upper", "ST", "ST_lower", "ST_upper"]) {
      assert.ok(Math.abs(r[k]! - b[i]![k]!) < 1e-9, `${r.param} ${k}: ${r[k]} vs ${b[i]![k]}`);
    }
  });
});

Deno.test("sobolIndices warns about a constant output and a non-power-of-two n", () => {
  const d = saltelliDesign({ x: [0, 1], y: [0, 1] }, 100);
  assert.match(d.warnings[0]!, /n = 100 is not a power of 2.*use 128/);
  const s = sobolIndices(d, d.points.map(() => 1), { replicates: 10 });
  assert.ok(Number.isNaN(s.table.get("S1", 0)));
  assert.ok(s.warnings.some((w) => /does not vary.*NaN/.test(w)));
  assert.ok(s.warnings.includes(d.warnings[0]!), "the design's notes are carried");
});

Deno.test("sobolIndices validates the design, the outputs and its options", () => {
  const d = saltelliDesign({ x: [0, 1], y: [0, 1] }, 8);
  const y = d.points.map((p) => p.x + p.y);
  const columns = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      assert.ok(e instanceof ValidationError, String(e));
      return e.issues.map((i) => [i.row, i.column]);
    }
    assert.fail("expected a ValidationError");
  };
  assert.deepEqual(columns(() => sobolIndices(d, y.slice(1))), [[undefined, "outputs"]]);
  const withNaN = y.slice();
  withNaN[9] = Number.NaN;
  assert.deepEqual(columns(() => sobolIndices(d, withNaN)), [[10, "outputs"]]);
  assert.deepEqual(columns(() => sobolIndices({} as never, y)), [[undefined, "design"]]);
  assert.deepEqual(columns(() => sobolIndices(d, y, { replicates: 0, level: 1, seed: -1 })), [
    [undefined, "replicates"],
    [undefined, "level"],
    [undefined, "seed"],
  ]);
});
