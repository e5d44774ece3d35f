import assert from "node:assert/strict";
import { networkChart, networkLayout } from "../../src/plot/network.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

// two 4-cliques joined by one tie, and a separate pair
const clique = (p: string) =>
  [[0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3]].map(([a, b]) => ({
    source: `${p}${a}`,
    target: `${p}${b}`,
  }));
const TIES = [...clique("a"), ...clique("b"), { source: "a0", target: "b0" }, { source: "x", target: "y" }];

Deno.test("networkLayout: deterministic per seed, inside the unit square, ties shorter than non-ties", () => {
  const a = networkLayout(TIES, { seed: 3 }), b = networkLayout(TIES, { seed: 3 });
  assert.deepEqual(a, b);
  assert.notDeepEqual(networkLayout(TIES, { seed: 4 }).nodes, a.nodes);
  assert.equal(a.nodes.length, 10);
  assert.equal(a.links.length, 14);
  assert.ok(a.nodes.every((d) => d.x >= 0 && d.x <= 1 && d.y >= 0 && d.y <= 1));
  const at = new Map(a.nodes.map((d) => [d.id, d]));
  const dist = (u: string, v: string) => Math.hypot(at.get(u)!.x - at.get(v)!.x, at.get(u)!.y - at.get(v)!.y);
  // members of a clique sit closer to each other than to the other clique
  const inside = clique("a").map((t) => dist(t.source, t.target));
  const across = ["b1", "b2", "b3"].flatMap((b) => ["a1", "a2", "a3"].map((a) => dist(a, b)));
  assert.ok(Math.max(...inside) < Math.min(...across), `${Math.max(...inside)} vs ${Math.min(...across)}`);
  assert.throws(() => networkLayout(TIES, { iterations: 0 }), ValidationError);
});

Deno.test("networkChart: title, subtitle, legend with counts and source line are in the SVG (so in the PNG)", () => {
  const color = { a0: "g", b0: "g", a1: "e", a2: "e", a3: "e", b1: "e", b2: "e" };
  const fig = networkChart(TIES, {
    color,
    categories: [{ key: "g", label: { en: "Gatekeeper", zh: "守门人" } }, {
      key: "e",
      label: { en: "Exchanger", zh: "交换者" },
    }],
    size: { a0: 5, b0: 4 },
    sizeLabel: { en: "betweenness", zh: "介数" },
    labels: 2,
    source: "Toy data",
  });
  const svg = fig.toSVG();
  for (
    const s of [
      ">Collaboration network<",
      ">Largest component: 8 of 10 organisations, 13 ties; node area: betweenness<",
      ">Gatekeeper (2)<",
      ">Exchanger (5)<",
      ">other (1)<", // b3 has no category
      ">Toy data · Layout: Fruchterman &amp; Reingold (1991), seed 42<",
      ">a0<",
      ">b0<",
    ]
  ) assert.ok(svg.includes(s), s);
  assert.ok(!svg.includes(">x<"), "the separate pair is not drawn");
  assert.ok(!svg.includes(">a1<"), "only the two largest are labelled");
  assert.deepEqual([...fig.toPNG().subarray(1, 4)], [80, 78, 71]); // "PNG"
  const zh = networkChart(TIES, { lang: "zh", component: "all" }).toSVG();
  assert.ok(zh.includes(">合作网络<") && zh.includes(">10 个组织，14 条联系<") && zh.includes("种子 42"));
  // isolates through nodes: counted in the total, drawn with component "all"
  const nodes = [...new Set(TIES.flatMap((t) => [t.source, t.target])), "lonely"];
  assert.ok(
    networkChart(TIES, { nodes }).toSVG().includes(">Largest component: 8 of 11 organisations, 13 ties<"),
  );
  assert.ok(networkChart(TIES, { nodes, component: "all" }).toSVG().includes(">11 organisations, 14 ties<"));
});

Deno.test("networkChart: labels of a dense centre do not overlap when there is room", () => {
  const star = Array.from({ length: 30 }, (_, i) => ({ source: "hub", target: `leaf${i}` }));
  const svg = networkChart([...star, ...clique("c"), { source: "c0", target: "hub" }], { labels: 6 }).toSVG();
  // node labels: the 10 px text groups (Plot leaves out text-anchor="middle", its default)
  const labels = [
    ...svg.matchAll(
      /<g ([^>]*font-size="10" [^>]*paint-order="stroke"[^>]*)aria-label="text">((?:<text[^>]*>[^<]*<\/text>)+)/g,
    ),
  ]
    .flatMap((m) =>
      [...m[2]!.matchAll(/translate\(([\d.]+),([\d.]+)\)"[^>]*>([^<]*)</g)].map((t) => {
        const anchor = m[1]!.match(/text-anchor="(\w+)"/)?.[1] ?? "middle";
        const w = t[3]!.length * 5.6, x = Number(t[1]), y = Number(t[2]);
        const left = anchor === "middle" ? x - w / 2 : anchor === "end" ? x - w : x;
        return [left, y - 6, left + w, y + 6];
      })
    );
  assert.equal(labels.length, 6);
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      const [a, b] = [labels[i]!, labels[j]!];
      assert.ok(a[2] <= b[0] || b[2] <= a[0] || a[3] <= b[1] || b[3] <= a[1], `labels ${i} and ${j} overlap`);
    }
  }
});

Deno.test("networkChart: a bad size is a ValidationError naming the organisation", () => {
  assert.throws(
    () => networkChart(TIES, { size: { a0: -1 } }),
    (e: unknown) => e instanceof ValidationError && /size\["a0"\]/.test(e.message),
  );
});
