import assert from "node:assert/strict";
import { Random } from "../../src/mod.ts";
import { hugeintToDouble, roundHalfEven } from "../../src/data/exact_sums.ts";
import { withEngine } from "../../src/data/duckdb_engine.ts";

Deno.test("hugeintToDouble() gives DuckDB's CAST(HUGEINT AS DOUBLE) bits, not always the nearest double", async () => {
  const rng = new Random(14);
  const values: bigint[] = [0n, 1n, -1n, (1n << 64n) - 1n, -(1n << 64n), (1n << 126n) + 12345n];
  for (let k = 0; k < 400; k++) {
    const bits = 1 + rng.int(126);
    let x = 0n;
    for (let b = 0; b < bits; b += 30) x = (x << 30n) | BigInt(rng.int(2 ** 30));
    x &= (1n << BigInt(bits)) - 1n;
    values.push(rng.next() < 0.5 ? -x : x);
  }
  const duck = await withEngine((db) =>
    db.rows(
      `SELECT i, CAST(CAST(v AS HUGEINT) AS DOUBLE) AS d FROM (VALUES ${
        values.map((v, i) => `(${i}, '${v}')`).join(", ")
      }) t(i, v) ORDER BY i`,
    )
  );
  let differs = 0;
  values.forEach((v, i) => {
    assert.ok(Object.is(hugeintToDouble(v), duck[i]!.d), `${v}`);
    if (hugeintToDouble(v) !== Number(v)) differs++;
  });
  assert.ok(differs > 0, "some conversions round twice (the case the mimicry is for)");
});

Deno.test("roundHalfEven() rounds as DuckDB's CAST(DOUBLE AS HUGEINT): halves to even", async () => {
  const xs = [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4999999999999996, 1e15 + 0.5, 2 ** 52 + 1, -7.25, 3];
  const duck = await withEngine((db) =>
    db.rows(
      `SELECT CAST(CAST(x AS HUGEINT) AS DOUBLE) AS r FROM (VALUES ${
        xs.map((x, i) => `(${i}, ${x}::DOUBLE)`).join(", ")
      }) t(i, x) ORDER BY i`,
    )
  );
  assert.deepEqual(xs.map(roundHalfEven).map((r) => r + 0), duck.map((r) => r.r));
});
