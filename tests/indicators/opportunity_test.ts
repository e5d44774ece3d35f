import assert from "node:assert/strict";
import { complexity, locationQuotient, opportunity, presence } from "../../src/mod.ts";
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
