import assert from "node:assert/strict";
import { catchUpChart } from "../../src/plot/catch_up.ts";
import { ValidationError } from "../../src/core/validation_error.ts";
import { assertSnapshot } from "./snapshot.ts";

/** Number of `<tag` elements inside the mark group `<g … aria-label="mark">`. */
const inMark = (svg: string, mark: string, tag: string) => {
  const g = svg.match(new RegExp(`<g[^>]*aria-label="${mark}"[^>]*>([\\s\\S]*?)</g>`));
  return g ? (g[1]!.match(new RegExp(`<${tag}\\b`, "g")) ?? []).length : 0;
};

const points = [
  { entity: "KOR", year: 1960, ratio: 0.24, fitted: 0.25 },
  { entity: "KOR", year: 1961, ratio: 0.23, fitted: 0.26 },
  { entity: "KOR", year: 1962, ratio: 0.21, fitted: 0.27 },
  { entity: "ARG", year: 1960, ratio: 1.39, fitted: 1.3 },
  { entity: "ARG", year: 1961, ratio: 1.32, fitted: 1.25 },
];

Deno.test("catchUpChart(): one dot per observation, one fitted line and one end label per entity", () => {
  const f = catchUpChart(points, { leader: "Japan" });
  const svg = f.toSVG();
  assert.equal(inMark(svg, "dot", "circle"), 5);
  assert.equal(inMark(svg, "line", "path"), 2);
  assert.equal(inMark(svg, "text", "text"), 2);
  assert.equal(inMark(svg, "rule", "line"), 1); // parity at ratio 1
  assert.ok(svg.includes("GDP per capita relative to Japan") && svg.includes("Year"));
  assert.ok(svg.includes("KOR 1962: 0.21")); // title channel of the dots
  assert.equal(catchUpChart(points, { leader: "Japan" }).toSVG(), svg);
});

Deno.test("catchUpChart(): Chinese labels; simulated paths are lines without dots", () => {
  const zh = catchUpChart(points, { leader: "日本", lang: "zh" });
  assert.ok(zh.toSVG().includes("人均GDP相对于 日本") && zh.toSVG().includes("年份"));
  assert.ok(zh.toHTML().includes("后发追赶：观测值（点）与拟合曲线（线）"));
  const sim = catchUpChart(points.map(({ entity, year, ratio }) => ({ entity, year, ratio })), {
    kind: "simulated",
    xLabel: "model year",
    lang: "zh",
  });
  const svg = sim.toSVG();
  assert.equal(inMark(svg, "dot", "circle"), 0);
  assert.equal(inMark(svg, "line", "path"), 2); // the two simulated paths
  assert.ok(svg.includes("model year"));
  assert.ok(sim.toHTML().includes("后发追赶：模型路径"));
});

Deno.test("catchUpChart(): bad points are a ValidationError naming row and column", () => {
  assert.throws(
    () =>
      catchUpChart([{ entity: "KOR", year: 1960, ratio: 0.2 }, { entity: "KOR", year: 1961, ratio: NaN }]),
    (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.deepEqual([e.issues[0]!.row, e.issues[0]!.column], [2, "ratio"]);
      return true;
    },
  );
  assert.throws(
    () => catchUpChart(points, { kind: "bars" as "observed" }),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "kind",
  );
});

Deno.test("catchUpChart(): snapshots (observed and fitted; simulated in Chinese)", async () => {
  await assertSnapshot(import.meta.url, "catch-up", catchUpChart(points, { leader: "Japan" }).toSVG());
  const sim = points.map(({ entity, year, ratio }) => ({ entity, year, ratio }));
  await assertSnapshot(
    import.meta.url,
    "catch-up-simulated-zh",
    catchUpChart(sim, { kind: "simulated", leader: "日本", lang: "zh" }).toSVG(),
  );
});

Deno.test("catchUpChart(): 11 entities get 11 distinct colours (Plot's ten would repeat the first)", () => {
  const many = Array.from(
    { length: 11 },
    (_, i) => ({ entity: `E${String(i).padStart(2, "0")}`, year: 2000, ratio: 0.5 }),
  );
  const svg = catchUpChart(many).toSVG();
  const i = svg.indexOf('aria-label="dot"');
  const fills = svg.slice(i, svg.indexOf("</g>", i)).match(/fill="(#[0-9a-f]{6})"/g) ?? [];
  assert.equal(fills.length, 11);
  assert.equal(new Set(fills).size, 11);
});
