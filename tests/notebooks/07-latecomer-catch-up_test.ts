/** What notebooks/07-latecomer-catch-up states, checked against its outputs and the shipped data. */
import assert from "node:assert/strict";
import { catchUpRatios, loadDataset } from "clusterlab";
import { approx, executed, num, proseTest, rowWhere, shows, stated, within } from "./prose.ts";

const S = stated(import.meta.url, {
  economies: ["KOR", "TWN", "ARG", "BRA"],
  leader: "JPN",
  firstYear: 1960,
  lastYear: 2015,
  korea1960: 1 / 4,
  taiwan1960: 1 / 3,
  parity: 1,
  argentinaSteady: 0.4,
  brazilLow: 0.3,
  brazilHigh: 0.5,
  brazilFit: { atMost: 0.5 },
  catchingUp: ["Korea 韩国", "Taiwan 台湾"],
  fallingBehind: ["Argentina 阿根廷", "Brazil 巴西"],
  c0: 0.06,
  g: 0.01,
  gLeader: 0.02,
  hCritical: 1 / 6,
  hFirst: 0.1,
  hLast: 1,
});
const nb = () => executed("07-latecomer-catch-up");
const fits = async () => (await nb()).cell("cell-04").table();

proseTest(
  "07 · GDP per capita of Korea, Taiwan, Argentina and Brazil relative to Japan, 1960–2015",
  async () => {
    const r = catchUpRatios(await loadDataset("catch-up-gdp"), S.leader, { entity: "code", value: "gdppc" });
    assert.deepEqual([...new Set(r.array("entity") as string[])].sort(), [...S.economies].sort());
    const years = [...new Set(r.array("year") as number[])].sort();
    assert.deepEqual([years[0], years.at(-1), years.length], [
      S.firstYear,
      S.lastYear,
      S.lastYear - S.firstYear + 1,
    ]);
    assert.equal(r.numRows(), S.economies.length * years.length);
    const shown = (await nb()).cell("cell-02").table();
    assert.deepEqual([...new Set(shown.map((x) => num(x.year)))], [S.firstYear, S.lastYear]);
  },
);

proseTest(
  "07 · Korea and Taiwan rise from a quarter and a third of Japan's level to parity (Taiwan above)",
  async () => {
    const t = await fits();
    const kor = rowWhere(t, "economy", "Korea 韩国"), twn = rowWhere(t, "economy", "Taiwan 台湾");
    approx(num(kor.ratio_1960), S.korea1960, 0.02, "Korea 1960");
    approx(num(twn.ratio_1960), S.taiwan1960, 0.02, "Taiwan 1960");
    approx(num(kor.ratio_2015), S.parity, 0.1, "Korea 2015");
    assert.ok(num(twn.ratio_2015) > S.parity, "Taiwan above Japan");
    for (const r of [kor, twn]) assert.ok(num(r.speed_rho) > 0, `${r.economy}: ρ > 0`);
    // the long-run ratio is poorly identified, and a warning says so
    assert.match(twn.note!, /steady ratio is not identified: the series is still in its exponential phase/);
  },
);

proseTest(
  "07 · Argentina starts above Japan and declines toward about 0.4; Brazil hovers at 0.3–0.5, poorly fitted",
  async () => {
    const t = await fits();
    const arg = rowWhere(t, "economy", "Argentina 阿根廷"), bra = rowWhere(t, "economy", "Brazil 巴西");
    assert.ok(num(arg.ratio_1960) > S.parity && num(arg.ratio_2015) < num(arg.ratio_1960));
    approx(num(arg.steady_ratio), S.argentinaSteady, 0.05, "Argentina's B*");
    within(num(bra.r2), S.brazilFit, "Brazil's R²");
    const r = catchUpRatios(await loadDataset("catch-up-gdp"), S.leader, { entity: "code", value: "gdppc" });
    const b = (r.objects() as { entity: string; ratio: number }[]).filter((d) => d.entity === "BRA").map((
      d,
    ) => d.ratio);
    approx(Math.min(...b), S.brazilLow, 0.05, "Brazil's lowest ratio");
    approx(Math.max(...b), S.brazilHigh, 0.05, "Brazil's highest ratio");
  },
);

proseTest(
  "07 · classified at the 2015 ratio: Korea and Taiwan catching up (below B*), Argentina and Brazil falling behind",
  async () => {
    const t = await fits();
    for (const e of S.catchingUp) {
      const r = rowWhere(t, "economy", e);
      assert.equal(r.class_en, "catching up", e);
      assert.ok(num(r.ratio_2015) < num(r.steady_ratio), `${e}: below B*`);
    }
    for (const e of S.fallingBehind) {
      const r = rowWhere(t, "economy", e);
      assert.equal(r.class_en, "falling behind", e);
      assert.ok(num(r.ratio_2015) > num(r.steady_ratio), `${e}: above B*`);
    }
    assert.equal(t.length, S.catchingUp.length + S.fallingBehind.length);
  },
);

proseTest(
  "07 · ρ = 0.06h + 0.01 − 0.02: below h = 1/6 the follower falls behind whatever its start",
  async () => {
    const grid = (await nb()).cell("cell-08").table();
    assert.deepEqual([num(grid[0]!.h), num(grid.at(-1)!.h)], [S.hFirst, S.hLast]);
    for (const r of grid) {
      const h = num(r.h);
      shows(r.rho, S.c0 * h + S.g - S.gLeader, `ρ at h = ${h}`);
      assert.equal(num(r.rho) > 0, h > S.hCritical, `sign of ρ at h = ${h}`);
      if (h < S.hCritical) assert.equal(r.class_en, "falling behind");
    }
    // B* = 1 − (g_m − g)/(c₀h) for the catching-up rows
    for (const r of grid.filter((x) => x.class_en === "catching up")) {
      shows(r.steady_ratio, 1 - (S.gLeader - S.g) / (S.c0 * num(r.h)), `B* at h = ${r.h}`);
    }
  },
);
