import assert from "node:assert/strict";
import { matchGeometry } from "../../src/advanced.ts";
import { loadDataset } from "../../src/mod.ts";

Deno.test("matchGeometry: the shipped data's regions find their maps", async () => {
  const uk = (await loadDataset("uk-regions")).array("region") as string[];
  const uk2 = await matchGeometry(uk);
  assert.equal(uk2?.name, "uk-nuts2");
  assert.equal(uk2?.share, 1);
  const provinces = [...new Set((await loadDataset("china-provinces-st")).array("entity") as string[])];
  assert.equal((await matchGeometry(provinces))?.name, "china-provinces");
  const economies = [...new Set((await loadDataset("nsf-patents")).array("economy") as string[])];
  const world = await matchGeometry(economies, { minShare: 0.5 });
  assert.equal(world?.name, "world-countries");
});

Deno.test("matchGeometry: below minShare there is no map; repeated labels count once; minShare is checked", async () => {
  const some = ["UKC1", "UKC1", "UKC1", "north", "south"]; // 1 of 3 distinct labels
  assert.equal(await matchGeometry(some), undefined);
  const m = await matchGeometry(some, { minShare: 0.3 });
  assert.equal(m?.share, 1 / 3);
  assert.deepEqual(m?.matched, ["UKC1"]);
  assert.deepEqual(m?.unmatched, ["north", "south"]);
  assert.equal(await matchGeometry([]), undefined);
  await assert.rejects(
    () => matchGeometry(["UKC1"], { minShare: 0 }),
    /minShare.*expected a number in \(0, 1\]/,
  );
});
