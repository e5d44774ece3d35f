import assert from "node:assert/strict";
import {
  complexity,
  density,
  locationQuotient,
  matrixFrom,
  opportunity,
  presence,
  proximity,
} from "../../src/mod.ts";
import { assertClose, assertColumn, stataExports, stataRows } from "./stata_fixture.ts";

const rows = stataRows();
const M = presence(locationQuotient(stataExports()));

Deno.test("opportunity: COI and COG reproduce Stata ecomplexity to 1e-9", () => {
  const o = opportunity(M);
  assert.deepEqual(o.warnings, []);
  assertColumn(rows, "coi", (r) => o.coi.get(r.origin));
  assertColumn(rows, "cog", (r) => o.cog.get(r.origin, r.hs92));
});

Deno.test("opportunity: COG is 0 where specialised; COI sd convention ratio", () => {
  const o = opportunity(M);
  for (let i = 0; i < M.nrow; i++) {
    for (let j = 0; j < M.ncol; j++) if (M.at(i, j)) assert.equal(o.cog.at(i, j), 0);
  }
  const pop = opportunity(M, { sd: "population" });
  assertClose(pop.coi.get("aut") / o.coi.get("aut"), Math.sqrt(300 / 299), 1e-12);
  // passing a precomputed complexity gives the same result
  const o2 = opportunity(M, { complexity: complexity(M) });
  assert.deepEqual(Array.from(o2.cog.data), Array.from(o.cog.data));
});

Deno.test("opportunity: density computed in the sweep with COG gives the bits of a given density", () => {
  // world trade and a matrix with a region present in most sectors and an empty sector
  const small = presence(
    [[1, 1, 1, 0, 1], [1, 0, 0, 0, 1], [0, 1, 1, 0, 0], [1, 1, 0, 0, 1], [0, 0, 1, 0, 1]],
    { regions: ["a", "b", "c", "d", "e"], sectors: ["p", "q", "r", "s", "t"] },
  );
  for (const m of [M, small]) {
    const phi = proximity(m);
    const swept = opportunity(m, { phi });
    const given = opportunity(m, { phi, density: density(m, { phi }) });
    assert.deepEqual(Array.from(swept.coi.values), Array.from(given.coi.values));
    assert.deepEqual(Array.from(swept.cog.data), Array.from(given.cog.data));
    assert.deepEqual(swept.warnings, given.warnings);
  }
});

Deno.test("opportunity: keepDensity returns density(M)'s bits; 1, 2 and 3 workers give the same bits", async () => {
  const { synthetic } = await import("../../bench/_complexity_pipeline.ts");
  const P = presence(locationQuotient(synthetic(300, 120, 0.25, 7)));
  const phi = proximity(P);
  const d = density(P, { phi, workers: 1 });
  const one = opportunity(P, { phi, workers: 1 });
  const given = opportunity(P, { phi, density: d, workers: 1 });
  for (const workers of [1, 2, 3]) {
    const o = opportunity(P, { phi, keepDensity: true, workers });
    assert.deepEqual(Array.from(o.density!.data), Array.from(d.data), `density, workers ${workers}`);
    assert.deepEqual(Array.from(o.cog.data), Array.from(one.cog.data), `COG, workers ${workers}`);
    assert.deepEqual(Array.from(o.coi.values), Array.from(one.coi.values), `COI, workers ${workers}`);
    const g = opportunity(P, { phi, density: d, workers });
    assert.deepEqual(
      Array.from(g.cog.data),
      Array.from(given.cog.data),
      `COG with density, workers ${workers}`,
    );
    assert.deepEqual(Array.from(density(P, { phi, workers }).data), Array.from(d.data));
  }
  assert.equal(one.density, undefined); // not kept unless asked
  assert.ok(one.cog.data.some((v) => v > 0));
});

Deno.test("opportunity: the kept density carries density's warnings (a sector related to nothing)", () => {
  const sectors = ["a", "b", "c"];
  const P = presence(matrixFrom([[1, 1, 0], [1, 0, 0], [0, 1, 1]], { regions: ["A", "B", "C"], sectors }));
  const phi = matrixFrom([[0, 0.5, 0], [0.5, 0, 0], [0, 0, 0]], { regions: sectors, sectors });
  const o = opportunity(P, { phi, keepDensity: true });
  assert.deepEqual(o.density!.warnings, density(P, { phi }).warnings);
  assert.match(o.density!.warnings.join(" "), /related to no other sector/);
  assert.deepEqual(o.density!.toArrays(), density(P, { phi }).toArrays());
});
