import assert from "node:assert/strict";
// the reference: d3-array itself (tests may import it directly; src/ goes through src/deps/)
import { ticks as d3Ticks } from "npm:d3-array@3.2.4";
import {
  attrs,
  axisX,
  circle,
  esc,
  lin,
  path,
  px,
  rule,
  svg,
  text,
  ticks,
  tip,
} from "../../../src/notebook/client/svg.ts";

Deno.test("lin() maps the domain linearly onto the range (also reversed); px() rounds to 0.01", () => {
  const sy = lin(0, 1, 480, 20);
  assert.equal(sy(0), 480);
  assert.equal(sy(1), 20);
  assert.equal(sy(0.5), 250);
  assert.equal(px(1.23456), 1.23);
  assert.equal(px(-0.005), -0);
});

Deno.test("ticks() are d3's nice ticks (d3-array ticks, the reference) with as many decimals as the step", () => {
  for (const [d0, d1] of [[0, 1], [-3.7, 3.7], [0, 0.07], [2010, 2023], [-1.2, 12.9], [0, 1e-4]]) {
    const got = ticks(d0!, d1!, 5);
    const want = d3Ticks(d0!, d1!, 5);
    assert.equal(got.length, want.length, `${d0}..${d1}`);
    got.forEach((t, i) => assert.ok(Math.abs(t.v - want[i]!) < 1e-12, `${d0}..${d1}: ${t.v} vs ${want[i]}`));
  }
  assert.deepEqual(ticks(0, 1, 5).map((t) => t.s), ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]);
  assert.deepEqual(ticks(2010, 2023, 5).map((t) => t.s), [
    "2010",
    "2012",
    "2014",
    "2016",
    "2018",
    "2020",
    "2022",
  ]);
});

Deno.test("elements: escaped attributes in writing order, nulls left out, 0.01 px coordinates", () => {
  assert.equal(esc('a<b & "c">'), "a&lt;b &amp; &quot;c&quot;&gt;");
  assert.equal(attrs({ x: 1, y: null, fill: "a&b", z: undefined, n: 0 }), ' x="1" fill="a&amp;b" n="0"');
  assert.equal(tip(undefined), "");
  assert.equal(tip("<K>"), "<title>&lt;K&gt;</title>");
  assert.equal(
    rule(0, 1.006, 2, 3.333, { stroke: "#666" }),
    '<line x1="0" y1="1.01" x2="2" y2="3.33" stroke="#666"/>',
  );
  assert.equal(path([[0, 0]], {}), "");
  assert.equal(
    path([[0, 0], [1.234, 2]], { stroke: "red" }),
    '<path d="M0,0L1.23,2" fill="none" stroke="red"/>',
  );
  assert.equal(
    circle(1, 2, 3, { fill: "red" }, "t"),
    '<circle cx="1" cy="2" r="3" fill="red"><title>t</title></circle>',
  );
  assert.equal(text(1, 2, "北京 & co"), '<text x="1" y="2">北京 &amp; co</text>');
  assert.match(
    svg(10, 20, 'a"b', "<g/>"),
    /^<svg [^>]*width="10" height="20" viewBox="0 0 10 20"[^>]*aria-label="a&quot;b"[^>]*><g\/><\/svg>$/,
  );
});

Deno.test("axisX(): a tick and a label per nice tick, the title at the right end", () => {
  const s = axisX(lin(0, 1, 44, 500), 0, 1, 480, "K →");
  assert.equal(s.match(/<line/g)?.length, 6);
  assert.ok(s.includes('<text x="135.2" y="496">0.2</text>'));
  assert.ok(s.endsWith('<text x="500" y="512" text-anchor="end">K →</text></g>'));
});
