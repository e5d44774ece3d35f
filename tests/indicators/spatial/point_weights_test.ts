import assert from "node:assert/strict";
import { greatCircleKm, spatialWeightsFromPoints } from "../../../src/indicators/spatial/point_weights.ts";
import { Random } from "../../../src/core/random.ts";
import { ValidationError } from "../../../src/core/validation_error.ts";

function randomPoints(n: number, seed: number): Record<string, [number, number]> {
  const rng = new Random(seed), out: Record<string, [number, number]> = {};
  for (let i = 0; i < n; i++) {
    out[`p${i}`] = [rng.next() * 360 - 180, (Math.asin(2 * rng.next() - 1) * 180) / Math.PI];
  }
  return out;
}

Deno.test("greatCircleKm: quarter meridian and antipodes on the mean-radius sphere; London–Beijing", () => {
  assert.ok(Math.abs(greatCircleKm([0, 0], [0, 90]) - (Math.PI / 2) * 6371.0088) < 1e-9);
  assert.ok(Math.abs(greatCircleKm([10, 20], [-170, -20]) - Math.PI * 6371.0088) < 1e-6);
  assert.equal(Math.round(greatCircleKm([-0.1276, 51.5072], [116.4074, 39.9042]) / 10), 814); // ≈ 8140 km
});

Deno.test("spatialWeightsFromPoints: the k-d tree finds what a brute-force scan finds (k nearest and distance band)", () => {
  const pts = randomPoints(600, 5), ids = Object.keys(pts);
  const K = spatialWeightsFromPoints(pts, { k: 6 }), D = spatialWeightsFromPoints(pts, { distance: 900 });
  for (const q of [0, 1, 77, 301, 599]) {
    const d = ids.map((id, j) => [greatCircleKm(pts[ids[q]!]!, pts[id]!), j] as const).filter(([, j]) =>
      j !== q
    )
      .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    assert.deepEqual(K.neighbours(ids[q]!).sort(), d.slice(0, 6).map(([, j]) => ids[j]!).sort(), `knn ${q}`);
    assert.deepEqual(
      D.neighbours(ids[q]!).sort(),
      d.filter(([km]) => km <= 900).map(([, j]) => ids[j]!).sort(),
      `band ${q}`,
    );
  }
  assert.ok(D.symmetric);
});

Deno.test("spatialWeightsFromPoints: symmetric k-nearest, ties by input order, validation", () => {
  const pts = { a: [0, 0], b: [1, 0], c: [-1, 0], d: [5, 0] } as const;
  assert.deepEqual(spatialWeightsFromPoints(pts, { k: 1 }).neighbours("a"), ["b"]); // b and c tie: b comes first
  const S = spatialWeightsFromPoints(pts, { k: 1, symmetric: true });
  assert.deepEqual(S.neighbours("b"), ["a", "d"]);
  assert.ok(S.symmetric);
  const fails = (o: unknown, text: string) =>
    // deno-lint-ignore no-explicit-any
    assert.throws(() => spatialWeightsFromPoints(pts, o as any), (e: unknown) =>
      e instanceof ValidationError && e.message.includes(text));
  fails({ k: 4 }, "an integer in [1, 3]");
  fails({ k: 1, distance: 5 }, "exactly one of k");
  fails({ distance: -1 }, "a positive number of km");
  assert.throws(
    () =>
      spatialWeightsFromPoints([{ region: "x", lon: 200, lat: 0 }, { region: "y", lon: 0, lat: 0 }], {
        k: 1,
      }),
    /row 1, column "lon": expected a longitude in \[−180, 180\], received 200/,
  );
  assert.throws(
    () => spatialWeightsFromPoints([{ id: "x" }], { k: 1 }),
    /column "region": expected a column "region"/,
  );
});
