import assert from "node:assert/strict";
import {
  coherence,
  identifyClusters,
  locationQuotient,
  matrixFrom,
  presence,
  proximity,
  ValidationError,
} from "../../src/mod.ts";
import { econgeoMatrix, econgeoVector, REGIONS } from "./econgeo_fixture.ts";
import { assertClose, assertThrowsAs, stataExports } from "./stata_fixture.ts";

const M = econgeoMatrix("presence", "input");
const phi = econgeoMatrix("relatedness", "input");

Deno.test("coherence: EconGeo relatedness.density.int.avg / ext.avg (exact, and within EconGeo's rounding)", () => {
  for (const [portfolio, q] of [["inside", "int"], ["outside", "ext"]] as const) {
    const c = coherence(M, phi, { portfolio });
    const exact = econgeoVector(`relatedness.density.${q}.avg`, "exact");
    const rounded = econgeoVector(`relatedness.density.${q}.avg`, "rounded");
    for (const r of REGIONS) {
      assertClose(c.get(r), exact.get(r)!, 1e-12, `${portfolio} ${r}`);
      // EconGeo rounds every RD to whole percent and then the mean: at most ½ + ½ away
      assert.ok(Math.abs(c.get(r) - rounded.get(r)!) <= 1, `${portfolio} ${r} vs EconGeo's rounded value`);
    }
    assert.equal(c.name, portfolio === "inside" ? "coherence" : "flexibility");
  }
  assert.deepEqual(coherence(M, phi).values, coherence(M, phi, { portfolio: "inside" }).values);
});

Deno.test("coherence: the identifyClusters column is coherence() bit for bit", () => {
  const x = stataExports();
  const P = presence(locationQuotient(x));
  const c = coherence(P, proximity(P));
  const t = identifyClusters(x).table;
  const region = t.array("region") as string[], col = t.array("coherence") as number[];
  region.forEach((r, k) => assert.ok(Object.is(col[k], c.get(r)), `${r}: ${col[k]} vs ${c.get(r)}`));
});

Deno.test("coherence: a region without present (or absent) sectors is NaN with a warning", () => {
  const sectors = ["a", "b"];
  const P = matrixFrom([[1, 1], [0, 0], [1, 0]], { regions: ["full", "none", "half"], sectors });
  const f = matrixFrom([[0, 1], [1, 0]], { regions: sectors, sectors });
  const inside = coherence(P, f);
  assert.ok(Number.isNaN(inside.get("none")));
  assert.equal(inside.get("full"), 100);
  assert.ok(inside.warnings.some((w) => w.includes('"none"') && w.includes("coherence undefined")));
  const outside = coherence(P, f, { portfolio: "outside" });
  assert.ok(Number.isNaN(outside.get("full")));
  assert.equal(outside.get("half"), 100); // b's only neighbour a is present
  assert.ok(outside.warnings.some((w) => w.includes('"full"') && w.includes("flexibility undefined")));
  assertThrowsAs(() => coherence(P, f, { portfolio: "all" as never }), ValidationError);
  assertThrowsAs(() => coherence(matrixFrom([[2, 0]], { regions: ["x"], sectors }), f), ValidationError);
});
