import assert from "node:assert/strict";
import { spiralChart } from "../../src/plot/spiral.ts";
import { simulateSpiral } from "../../src/models/seci.ts";
import { assertSnapshot } from "./snapshot.ts";

Deno.test("spiralChart renders SVG with bilingual labels, deterministically", () => {
  const r = simulateSpiral({ steps: 60, order: "public_hierarchy" });
  const en = spiralChart(r).toSVG();
  assert.ok(en.startsWith("<svg"));
  assert.ok(en.includes("Socialisation") && en.includes("Internalisation"));
  assert.equal(spiralChart(r).toSVG(), en);
  const zh = spiralChart(r, { lang: "zh" }).toHTML();
  assert.ok(zh.includes("社会化") && zh.includes("内在化"));
  // one dot per step plus the turn markers
  assert.ok((en.match(/<circle/g) ?? []).length >= 61);
});

Deno.test("spiralChart draws the spiral as polar arcs (≤ 5° per vertex) and labels turns", () => {
  const r = simulateSpiral({ steps: 80, order: "private_order" });
  const svg = spiralChart(r, { radius: "linear" }).toSVG();
  const phase = r.cycle.array("phase") as Float64Array;
  // the grey spiral path: at least one vertex per 5° of cumulative phase
  const paths = [...svg.matchAll(/<g[^>]*stroke="#bbb"[^>]*><path d="([^"]+)"/g)].map((m) => m[1]!);
  assert.equal(paths.length, 1);
  const vertices = paths[0]!.split(/[ML]/).filter((v) => v.trim() !== "").length;
  assert.ok(vertices >= phase.at(-1)! / (Math.PI / 36), `${vertices} vertices for phase ${phase.at(-1)}`);
  assert.ok(r.turns >= 1);
  for (let t = 1; t <= r.turns; t++) assert.ok(svg.includes(`>turn ${t}<`), `turn ${t} label`);
  const zh = spiralChart(r, { lang: "zh" }).toSVG();
  assert.ok(zh.includes(">第 1 圈<"));
});

Deno.test("spiralChart: snapshots (log radius; linear radius in Chinese)", async () => {
  const r = simulateSpiral({ steps: 40, order: "private_order" });
  await assertSnapshot(import.meta.url, "spiral", spiralChart(r).toSVG());
  await assertSnapshot(
    import.meta.url,
    "spiral-linear-zh",
    spiralChart(r, { radius: "linear", lang: "zh" }).toSVG(),
  );
});
