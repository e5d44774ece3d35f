import assert from "node:assert/strict";
import { quadrantExplorer } from "../../src/notebook/quadrant_explorer.ts";
import type { QuadrantExplorerData } from "../../src/notebook/client/quadrant.ts";
import { embeddedData } from "../../src/notebook/widget_html.ts";
import { clientRenderModule } from "../../src/notebook/client_render.ts";
import { classifyGovernance, GOVERNANCE_PHASES } from "../../src/classify/governance.ts";
import { ValidationError } from "../../src/core/validation_error.ts";
import { assertSnapshot } from "../plot/snapshot.ts";

const rows = [
  { entity: "a", year: 2020, K: 0.8, A: 0.2 },
  { entity: "b", year: 2020, K: 0.3, A: 0.6 },
  { entity: "c", year: 2020, K: 0.45, A: 0.45 },
  { entity: "a", year: 2021, K: 0.9, A: 0.4 },
  { entity: "b", year: 2021, K: 0.4, A: 0.7 },
  { entity: "c", year: 2021, K: 0.62, A: 0.58 },
];

Deno.test("quadrantExplorer(): one frame per year × threshold; quadrant counts equal classifyGovernance's", () => {
  const thresholds = [0.4, 0.5, 0.6];
  const w = quadrantExplorer(
    classifyGovernance(rows, { knowledge: "K", alliance: "A" }, { bootstrap: { replicates: 0 } }),
    { thresholds, highlight: ["c"] },
  );
  assert.equal(w.stats.frames, 6);
  assert.deepEqual(w.initialParams, { year: 2021, threshold: 0.5 });
  for (const [i, y] of [2020, 2021].entries()) {
    for (const [j, t] of thresholds.entries()) {
      const g = classifyGovernance(rows.filter((r) => r.year === y), { knowledge: "K", alliance: "A" }, {
        threshold: t,
        bootstrap: { replicates: 0 },
      });
      const quadrants = g.table.array("quadrant") as string[];
      const html = w.frameHTML([i, j]);
      for (const q of ["LL", "HL", "LH", "HH"] as const) {
        const n = quadrants.filter((x) => x === q).length;
        assert.ok(
          html.includes(`${GOVERNANCE_PHASES[q].en} (${n})`),
          `${y}, t = ${t}: ${q} should hold ${n}`,
        );
      }
    }
  }
  // c moves from LL to HH between 2020 and 2021 at t = 0.5; its point title says so
  assert.ok(w.frameHTML([0, 1]).includes("c 2020: K = 0.450, A = 0.450, emerging cluster"));
  assert.ok(w.frameHTML([1, 1]).includes("c 2021: K = 0.620, A = 0.580, mature innovation cluster"));
});

Deno.test("quadrantExplorer(): Chinese labels, plain tables accepted", () => {
  const w = quadrantExplorer(rows, { lang: "zh", thresholds: [0.5] });
  const html = w.toHTML();
  for (const s of ["年份", "分界阈值", "知识存量 K", "联盟存量 A", "成熟创新集群"]) {
    assert.ok(html.includes(s), s);
  }
});

Deno.test("quadrantExplorer(): bad input is a ValidationError naming the row and column", () => {
  assert.throws(() => quadrantExplorer([{ entity: "a", year: 2020, K: 1.2, A: 0.1 }]), (e: unknown) => {
    assert.ok(e instanceof ValidationError);
    assert.deepEqual(e.issues.map((i) => [i.row, i.column, i.received]), [[1, "K", "1.2"]]);
    return true;
  });
  assert.throws(
    () => quadrantExplorer([{ entity: "a", year: 2020, K: 0.2 }]),
    /column "A": expected a column/,
  );
  assert.throws(() => quadrantExplorer(rows, { highlight: ["z"] }), /column "highlight"/);
  assert.throws(() => quadrantExplorer(rows, { thresholds: [0, 0.5] }), /column "thresholds"/);
  assert.throws(
    () => quadrantExplorer(rows, { mode: "gif" as never }),
    /column "mode": expected "data" or "frames"/,
  );
  assert.throws(
    () => quadrantExplorer([...rows, { entity: "b", year: 2021, K: 0.1, A: 0.1 }]),
    /row 7, column "entity, year": expected one row per entity and year \(row 5 has the same\)/,
  );
});

// deno-lint-ignore no-explicit-any
const CLR: any = (await import("data:text/javascript," + encodeURIComponent(clientRenderModule()))).default;

/** The quadrant rule as the JSON states it, read independently of the browser code. */
function ruleQuadrant(d: QuadrantExplorerData, K: number, A: number, t: number): string {
  assert.equal(d.rule.high, ">=");
  return `${K >= t ? "H" : "L"}${A >= t ? "H" : "L"}`;
}

Deno.test("quadrantExplorer() data mode: K, A per entity × year and the rule give classifyGovernance's counts", () => {
  const panel = [...rows, { entity: "d", year: 2021, K: 0.5, A: 0.5 }]; // d only in 2021, on the threshold
  const thresholds = [0.4, 0.45, 0.5, 0.6];
  const w = quadrantExplorer(
    classifyGovernance(panel, { knowledge: "K", alliance: "A" }, { bootstrap: { replicates: 0 } }),
    { thresholds, highlight: ["c"] },
  );
  assert.equal(w.mode, "data");
  assert.equal(w.stats.frames, 8);
  const d = embeddedData(w.toHTML()) as QuadrantExplorerData;
  assert.deepEqual(d.years, [2020, 2021]);
  assert.deepEqual(d.thresholds, thresholds);
  assert.deepEqual(d.entities, ["a", "b", "c", "d"]);
  assert.deepEqual(d.highlight, [2]);
  assert.deepEqual(d.K, [0.8, 0.9, 0.3, 0.4, 0.45, 0.62, null, 0.5]);
  assert.deepEqual(d.A, [0.2, 0.4, 0.6, 0.7, 0.45, 0.58, null, 0.5]);
  for (const [yi, y] of d.years.entries()) {
    for (const [ti, t] of thresholds.entries()) {
      const g = classifyGovernance(panel.filter((r) => r.year === y), { knowledge: "K", alliance: "A" }, {
        threshold: t,
        bootstrap: { replicates: 0 },
      });
      const want = g.table.objects() as { entity: string; quadrant: string }[];
      const got = d.entities.flatMap((e, i) => {
        const K = d.K[i * d.years.length + yi], A = d.A[i * d.years.length + yi];
        return K === null || A === null ? [] : [{ entity: e, quadrant: ruleQuadrant(d, K, A, t) }];
      });
      assert.deepEqual(
        got.sort((a, b) => a.entity.localeCompare(b.entity)),
        want.map((r) => ({ entity: r.entity, quadrant: r.quadrant })).sort((a, b) =>
          a.entity.localeCompare(b.entity)
        ),
        `${y}, t = ${t}`,
      );
      // the browser renderer shows the same counts in its captions and colours each point by quadrant
      const svg: string = CLR.quadrant(d, [yi, ti]);
      for (const q of ["LL", "HL", "LH", "HH"] as const) {
        const n = want.filter((r) => r.quadrant === q).length;
        assert.ok(svg.includes(`${GOVERNANCE_PHASES[q].en} (${n})`), `${y}, t = ${t}: ${q} should hold ${n}`);
        assert.equal(
          (svg.match(new RegExp(`class="clr-point[^"]*" data-entity="[^"]*" data-q="${q}"`, "g")) ?? [])
            .length,
          n,
        );
      }
    }
  }
  // the highlighted entity's point sits at (K, A) on the 0..1 axes (margins 44 left, 20 right/top, 40 bottom)
  const svg: string = CLR.quadrant(d, [1, 2]);
  const [, cx, cy] = svg.match(/<circle cx="([\d.]+)" cy="([\d.]+)" r="6"[^>]*data-entity="c"/)!;
  assert.equal(Number(cx), Math.round((44 + 0.62 * (520 - 64)) * 100) / 100);
  assert.equal(Number(cy), Math.round((480 - 0.58 * 460) * 100) / 100);
  assert.equal((svg.match(/class="clr-trail"/g) ?? []).length, 1);
  // the static initial view is the kernel's Plot frame; the same options give the same bytes
  assert.ok(w.toHTML().includes(`<div class="clw-frame">${w.initial.toHTML()}</div>`));
  assert.equal(
    w.toHTML(),
    quadrantExplorer(
      classifyGovernance(panel, { knowledge: "K", alliance: "A" }, { bootstrap: { replicates: 0 } }),
      { thresholds, highlight: ["c"] },
    ).toHTML(),
  );
});

Deno.test("quadrantExplorer() data mode: Chinese labels and the display names travel in the data", () => {
  const names = { a: "A", b: { en: "Bee", zh: "乙" } };
  const d = embeddedData(
    quadrantExplorer(rows, { lang: "zh", names, thresholds: [0.5] }).toHTML(),
  ) as QuadrantExplorerData;
  assert.deepEqual(d.labels, ["A", "乙", "c"]);
  assert.equal(d.phases.HH, GOVERNANCE_PHASES.HH.zh);
  assert.equal(d.text.K, "知识存量 K →");
  assert.ok(CLR.quadrant(d, [1, 0]).includes(`${GOVERNANCE_PHASES.HH.zh} (1)`));
  // frames mode labels the points with the same names
  assert.ok(
    quadrantExplorer(rows, { names, thresholds: [0.5], mode: "frames" }).toHTML().includes(">Bee</text>"),
  );
  assert.throws(() => quadrantExplorer(rows, { names: ["a"] as never }), /column "names"/);
});

Deno.test("quadrantExplorer(): snapshots of the static fallback and of the browser renderer's drawing", async () => {
  const w = quadrantExplorer(rows, { thresholds: [0.4, 0.5, 0.6], highlight: ["c"] });
  await assertSnapshot(import.meta.url, "quadrant-explorer-static", w.initial.toSVG());
  const zh = quadrantExplorer(rows, { thresholds: [0.4, 0.5], lang: "zh", mode: "frames" });
  await assertSnapshot(import.meta.url, "quadrant-explorer-frames-zh", zh.initial.toSVG());
  const d = embeddedData(w.toHTML()) as QuadrantExplorerData;
  await assertSnapshot(import.meta.url, "client-quadrant", CLR.quadrant(d, [1, 1]));
  await assertSnapshot(import.meta.url, "client-quadrant-2020", CLR.quadrant(d, [0, 2]));
});

Deno.test("quadrantExplorer(): the 0.1 label column equals names (an entity's label from its first row)", () => {
  const labelled = rows.map((r) => ({ ...r, name: `${r.entity.toUpperCase()}-${r.year}` }));
  const gov = classifyGovernance(labelled, { knowledge: "K", alliance: "A" }, {
    keep: ["name"],
    bootstrap: { replicates: 0 },
  });
  for (const mode of ["data", "frames"] as const) {
    const v01 = quadrantExplorer(gov, { label: "name", thresholds: [0.5], mode });
    const today = quadrantExplorer(gov, {
      names: { a: "A-2020", b: "B-2020", c: "C-2020" },
      thresholds: [0.5],
      mode,
    });
    assert.equal(v01.toHTML(), today.toHTML());
  }
  assert.throws(
    () => quadrantExplorer(gov, { label: "nope" }),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "label",
  );
  assert.throws(
    () => quadrantExplorer(gov, { label: "name", names: { a: "x" } }),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "label",
  );
});
