import assert from "node:assert/strict";
import { complexity, density, locationQuotient, opportunity, presence, proximity } from "../../src/mod.ts";
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
