import assert from "node:assert/strict";
import { SpatialWeights, spatialWeights } from "../../../src/indicators/spatial/weights.ts";
import { spatialWeightsFromPoints } from "../../../src/indicators/spatial/point_weights.ts";
import { loadDataset } from "../../../src/data/datasets.ts";
import { ValidationError } from "../../../src/core/validation_error.ts";
import { statistics, ukKnn4 } from "./reference.ts";

Deno.test("spatialWeights: row-standardised and binary styles, lag, neighbour list round trip", () => {
  const nb = { A: ["B", "C"], B: ["A"], C: ["A", "B"] };
  const W = spatialWeights(nb);
  assert.equal(W.style, "W");
  assert.equal(W.weight("A", "B"), 0.5);
  assert.equal(W.weight("B", "C"), 0);
  assert.deepEqual([...W.lag([1, 2, 4])], [3, 1, 1.5]);
  assert.deepEqual([...W.cardinalities()], [2, 1, 2]);
  assert.deepEqual(W.toNeighbourList(), { A: ["B", "C"], B: ["A"], C: ["A", "B"] });
  const B = W.withStyle("B");
  assert.deepEqual([...B.lag([1, 2, 4])], [6, 1, 3]);
  assert.ok(B instanceof SpatialWeights);
  assert.equal(W.symmetric, false); // C lists B, B does not list C
  assert.match(W.warnings.join(" "), /not symmetric: 1 pair/);
});

Deno.test("spatialWeights: S0, S1, S2 of asymmetric k = 4 weights equal libpysal's W.s0/s1/s2", async () => {
  const ref = await statistics("libpysal_weights.csv");
  const { neighbours } = await ukKnn4();
  for (const style of ["B", "W"] as const) {
    const W = spatialWeights(neighbours, { style });
    for (const k of ["S0", "S1", "S2"] as const) {
      assert.ok(Math.abs(W[k] - ref[`uk-knn4-${style}`]![k]!) < 1e-9, `${style} ${k}: ${W[k]}`);
    }
  }
});

Deno.test("spatialWeightsFromPoints: k = 4 nearest seats equal spdep's knearneigh(longlat = TRUE)", async () => {
  const { neighbours } = await ukKnn4();
  const points = (await loadDataset("region-points")).params({}).filter((d: { set: string }) =>
    d.set === "uk-nuts2"
  );
  const W = spatialWeightsFromPoints(points, { k: 4 });
  for (const [id, list] of Object.entries(neighbours)) assert.deepEqual(W.neighbours(id).sort(), list, id);
  assert.deepEqual(W.rule, { en: "k = 4 nearest neighbours", zh: "k = 4 最近邻" });
});

Deno.test("spatialWeights: bad neighbour lists are ValidationErrors naming the region", () => {
  const fails = (nb: unknown, text: string) =>
    assert.throws(
      // deno-lint-ignore no-explicit-any
      () => spatialWeights(nb as any),
      (e: unknown) => e instanceof ValidationError && e.message.includes(text),
    );
  fails(
    { A: ["B"], B: ["Z"] },
    'column "B": expected neighbour ids that are themselves regions (keys) of the list, received "Z"',
  );
  fails({ A: ["A"] }, "no region listed as its own neighbour");
  fails({ A: ["B", "B"], B: [] }, "each neighbour listed once");
  fails({ A: "B" }, "an array of neighbour ids");
  fails([], "a record of region id");
  fails({}, "at least one region");
  assert.throws(
    () => spatialWeights({ A: [] }, { style: "C" as never }),
    /"W" \(row-standardised\) or "B" \(binary\)/,
  );
  assert.throws(() => spatialWeights({ A: [] }).neighbours("Q"), /a region of the weights/);
});
