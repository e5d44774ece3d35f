import assert from "node:assert/strict";
import { coagglomeration, ellisonGlaeser, matrixFrom, ValidationError } from "../../src/mod.ts";
import { assertClose, assertThrowsAs } from "./stata_fixture.ts";

const ref = JSON.parse(
  Deno.readTextFileSync(new URL("../fixtures/reference/parity/concentration.json", import.meta.url)),
);
const m = matrixFrom(ref.counts, { regions: ref.regions, sectors: ref.sectors });

Deno.test("coagglomeration: the pairwise form equals Ellison & Glaeser's (1997) group formula with any H", () => {
  const g = coagglomeration(m);
  const n = ref.sectors.length;
  for (let j = 0; j < n; j++) {
    for (let k = 0; k < n; k++) {
      if (j === k) continue;
      assertClose(
        g.data[j * n + k]!,
        ref.coagglomeration[j][k],
        1e-12,
        `γᶜ ${ref.sectors[j]} × ${ref.sectors[k]}`,
      );
    }
  }
  assert.deepEqual(g.rows, ref.sectors);
  assert.deepEqual(g.cols, ref.sectors);
});

Deno.test("coagglomeration: symmetric; its diagonal is ellisonGlaeser with H = 0", () => {
  const g = coagglomeration(m);
  const eg = ellisonGlaeser(m, { plantHerfindahl: 0 });
  for (const a of m.cols) {
    assertClose(g.get(a, a), eg.get(a), 1e-12, `diagonal ${a}`);
    for (const b of m.cols) assert.equal(g.get(a, b), g.get(b, a));
  }
  // a sector located exactly like all activity has γᶜ = 0 with everything:
  // a column that mirrors the region totals has s_i = x_i: zero deviations
  const even = matrixFrom([[1, 5, 4], [2, 1, 7], [3, 6, 9]], {
    regions: ["A", "B", "C"],
    sectors: ["p", "q", "r"],
  });
  const rs = even.rowSums();
  const mirror = matrixFrom(
    even.rows.map((_, i) => [...even.toArrays()[i]!, rs[i]!]),
    { regions: even.rows, sectors: ["p", "q", "r", "all"] },
  );
  const gm = coagglomeration(mirror);
  for (const s of mirror.cols) assertClose(gm.get("all", s), 0, 1e-15, `all × ${s}`);
});

Deno.test("coagglomeration: empty sectors and single-region activity are NaN with warnings", () => {
  const z = matrixFrom([[3, 0, 1], [1, 0, 3]], { regions: ["A", "B"], sectors: ["s", "empty", "t"] });
  const g = coagglomeration(z);
  assert.ok(Number.isNaN(g.get("empty", "s")) && Number.isNaN(g.get("t", "empty")));
  assert.ok(Number.isFinite(g.get("s", "t")));
  assert.ok(g.warnings.some((w) => w.includes('"empty"')));
  const one = matrixFrom([[3, 1], [0, 0]], { regions: ["A", "B"], sectors: ["s", "t"] });
  const g1 = coagglomeration(one);
  assert.ok(g1.data.every(Number.isNaN));
  assert.ok(g1.warnings.some((w) => w.includes("one region")));
  assertThrowsAs(
    () => coagglomeration(matrixFrom([[1, -1]], { regions: ["A"], sectors: ["s", "t"] })),
    ValidationError,
  );
});
