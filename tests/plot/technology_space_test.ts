import assert from "node:assert/strict";
import { matrixFrom, technologySpaceChart } from "../../src/mod.ts";
import { assertSnapshot } from "./snapshot.ts";

const labels = ["a", "b", "c", "d"];
// φ = 1 − distance for four points on a line at 0, 0.2, 0.5, 0.9: classical MDS recovers the distances
const pos = [0, 0.2, 0.5, 0.9];
const phi = matrixFrom(pos.map((x, i) => pos.map((y, j) => (i === j ? 0 : 1 - Math.abs(x - y)))), {
  rows: labels,
  cols: labels,
});

Deno.test("technologySpaceChart: bilingual title and an SVG", () => {
  const zh = technologySpaceChart(phi, { highlight: ["b"], highlightName: "中国", lang: "zh" }).toSVG();
  assert.ok(zh.startsWith("<svg"));
  const en = technologySpaceChart(phi, { highlight: ["b"], highlightName: "China" });
  assert.ok(en.toSVG().includes("<svg"));
});

Deno.test("technologySpaceChart: long labels of the outermost nodes stay inside the chart", () => {
  const left = "A very long label on the left edge", right = "Another very long label on the right";
  const svg = technologySpaceChart(phi, { names: { a: left, d: right }, width: 760 }).toSVG();
  const xOf = (text: string) => {
    const m = svg.match(new RegExp(`<text[^>]*translate\\(([0-9.]+),[^>]*>${text}</text>`));
    assert.ok(m, `label "${text}" drawn`);
    return Number(m[1]);
  };
  // 9 px labels are about 5 px per Latin character, centred on the node
  assert.ok(xOf(left) - (left.length * 5) / 2 >= 0, "left label inside");
  assert.ok(xOf(right) + (right.length * 5) / 2 <= 760, "right label inside");
});

Deno.test("technologySpaceChart: snapshots (English highlight, Chinese)", async () => {
  await assertSnapshot(
    import.meta.url,
    "technology-space",
    technologySpaceChart(phi, { highlight: ["b", "c"], highlightName: "China" }).toSVG(),
  );
  await assertSnapshot(
    import.meta.url,
    "technology-space-zh",
    technologySpaceChart(phi, { highlight: ["b"], highlightName: "中国", lang: "zh", names: { a: "甲" } })
      .toSVG(),
  );
});

Deno.test("technologySpaceChart: the 0.1 labels equal names", () => {
  const today = technologySpaceChart(phi, { names: { a: "Alpha", d: "Delta" } }).toSVG();
  assert.equal(technologySpaceChart(phi, { labels: { a: "Alpha", d: "Delta" } }).toSVG(), today);
  assert.ok(today.includes(">Alpha</text>"));
  assert.throws(() => technologySpaceChart(phi, { labels: { a: "x" }, names: { a: "y" } }), /"labels"/);
});

/** φ of `n` sectors on a circle: near neighbours close; sector s0's neighbours the most central. */
function ring(n: number) {
  const names = Array.from({ length: n }, (_, i) => `s${i}`);
  const d = (i: number, j: number) => Math.min(Math.abs(i - j), n - Math.abs(i - j)) / n;
  return matrixFrom(names.map((_, i) => names.map((_, j) => (i === j ? 0 : 1 - d(i, j)))), {
    rows: names,
    cols: names,
  });
}

Deno.test("technologySpaceChart: more than 60 sectors label the most central highlighted ones, named in the caption", () => {
  const big = ring(72);
  const highlight = Array.from({ length: 30 }, (_, i) => `s${2 * i}`);
  const fig = technologySpaceChart(big, { highlight });
  const texts = [...fig.toSVG().matchAll(/<text[^>]*>(s\d+)<\/text>/g)].map((m) => m[1]!);
  assert.equal(texts.length, 20, "20 labels by default");
  for (const t of texts) assert.ok(highlight.includes(t), `${t} is highlighted`);
  assert.match(fig.toHTML(), /Labels: 20 of the 30 specialised sectors, the most central first/);
  assert.match(
    fig.toSVG({ standalone: true }),
    /Labels: 20 of the 30 specialised sectors, the most central first/,
  );
  // no highlight: the most central sectors of all; labelLimit and showLabels as asked
  const plain = technologySpaceChart(big, { labelLimit: 5 }).toSVG();
  assert.equal([...plain.matchAll(/<text[^>]*>s\d+<\/text>/g)].length, 5);
  assert.equal(
    [...technologySpaceChart(big, { showLabels: true }).toSVG().matchAll(/>s\d+<\/text>/g)].length,
    72,
  );
  assert.equal(
    [...technologySpaceChart(big, { showLabels: false }).toSVG().matchAll(/>s\d+<\/text>/g)].length,
    0,
  );
  // ≤ 60 sectors: every node, no caption
  assert.doesNotMatch(technologySpaceChart(phi).toHTML(), /most central/);
});

Deno.test("technologySpaceChart: a highlighted sector not in the matrix is a warning shown under the chart", () => {
  const fig = technologySpaceChart(phi, { highlight: ["b", "zz"] });
  assert.deepEqual(fig.warnings, ["highlight: 1 sector(s) not in the matrix, not drawn: zz"]);
  assert.match(fig.toMimeBundle()["text/html"], /⚠ highlight: 1 sector\(s\) not in the matrix/);
  assert.deepEqual(technologySpaceChart(phi, { highlight: ["b"] }).warnings, []);
});

Deno.test("technologySpaceChart: key labels of a large space do not overlap", () => {
  // 72 sectors on a ring with long names: only labels that fit apart are drawn
  const names = Object.fromEntries(
    Array.from({ length: 72 }, (_, i) => [`s${i}`, `a long sector name ${i}`]),
  );
  const svg = technologySpaceChart(ring(72), { names, labelLimit: 72 }).toSVG();
  const boxes = [
    ...svg.matchAll(
      /<text[^>]*transform="translate\(([-\d.]+),([-\d.]+)\)"[^>]*>(a long sector name \d+)<\/text>/g,
    ),
  ]
    .map((m) => ({ x: Number(m[1]), y: Number(m[2]), w: m[3]!.length * 5 }));
  assert.ok(boxes.length >= 5 && boxes.length < 72, `${boxes.length} labels`);
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      assert.ok(
        Math.abs(a.x - b.x) >= (a.w + b.w) / 2 || Math.abs(a.y - b.y) >= 11,
        `${a.x},${a.y} ${b.x},${b.y}`,
      );
    }
  }
});
