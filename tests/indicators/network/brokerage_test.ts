import assert from "node:assert/strict";
import { brokerage } from "../../../src/indicators/network/brokerage.ts";
import { ValidationError } from "../../../src/core/validation_error.ts";
import { readCSV } from "../../../src/data/read.ts";

// deno-lint-ignore no-explicit-any
type Row = Record<string, any>;
const REF = new URL("../../fixtures/reference/network/", import.meta.url);
const rows = async (file: string) => (await readCSV(new URL(file, REF).pathname)).objects() as Row[];
/** sna's column of each role. */
const SNA: Record<string, string> = {
  coordinator: "w_I",
  itinerant: "w_O",
  gatekeeper: "b_OI",
  representative: "b_IO",
  liaison: "b_O",
  total: "t",
};
function close(actual: number | null, expected: number | null | string, what: string) {
  if (expected === null || expected === "NA" || expected === undefined) {
    assert.equal(actual, null, `${what}: sna gives NA`);
    return;
  }
  assert.ok(actual !== null, `${what}: null vs ${expected}`);
  const e = Number(expected);
  assert.ok(Math.abs(actual - e) <= 1e-9 * Math.max(1, Math.abs(e)), `${what}: ${actual} vs ${e}`);
}

for (const name of ["directed", "undirected"]) {
  Deno.test(`brokerage matches sna 2.7-1 on a random ${name} network of 24 organisations in 5 groups`, async () => {
    const ties = await rows(`brokerage_${name}_ties.csv`);
    const groups = await rows(`brokerage_${name}_groups.csv`);
    const r = brokerage(ties, { group: groups, groupBy: "group", directed: name === "directed" });
    const nodes = await rows(`brokerage_${name}_nodes.csv`);
    const mine = r.table.objects() as Row[];
    assert.deepEqual(mine.map((d) => d.id), nodes.map((d) => d.id));
    let nulls = 0;
    nodes.forEach((ref, i) => {
      for (const [role, col] of Object.entries(SNA)) {
        assert.equal(mine[i]![role], ref[`raw_${col}`], `${ref.id} ${role}`);
        close(mine[i]![`${role}_expected`], ref[`exp_${col}`], `${ref.id} ${role} expected`);
        close(mine[i]![`${role}_z`], ref[`z_${col}`], `${ref.id} ${role} z`);
        if (mine[i]![`${role}_z`] === null) nulls++;
      }
    });
    assert.ok(nulls > 0, "the fixture has groups of one and two: some z-scores are undefined");
    assert.ok(r.warnings.some((w) => w.startsWith(`${nulls} organisation × role z-scores are null`)));
    const net = await rows(`brokerage_${name}_network.csv`);
    const summary = new Map((r.summary.objects() as Row[]).map((d) => [d.role, d]));
    for (const [role, col] of Object.entries(SNA)) {
      const ref = net.find((d) => d.role === col)!;
      const s = summary.get(role)!;
      assert.equal(s.observed, ref.raw, `${role} observed`);
      close(s.expected, ref.exp, `${role} network expected`);
      close(s.sd, ref.sd, `${role} network sd`);
      close(s.z, ref.z, `${role} network z`);
    }
  });
}

Deno.test("brokerage by hand: each role on its own two-path, and a closed triad brokers nothing", () => {
  const group = { a1: "A", a2: "A", a3: "A", b1: "B", b2: "B", c1: "C" };
  const roleOf = (path: [string, string, string]) => {
    const ties = [{ source: path[0], target: path[1] }, { source: path[1], target: path[2] }];
    const r = brokerage(ties, { group });
    const b = (r.table.objects() as Row[]).find((d) => d.id === path[1])!;
    const roles = ["coordinator", "itinerant", "gatekeeper", "representative", "liaison"].filter((k) =>
      b[k] === 1
    );
    assert.equal(b.total, 1);
    return roles;
  };
  assert.deepEqual(roleOf(["a1", "a2", "a3"]), ["coordinator"]);
  assert.deepEqual(roleOf(["a1", "b1", "a2"]), ["itinerant"]);
  assert.deepEqual(roleOf(["a1", "b1", "b2"]), ["gatekeeper"]);
  assert.deepEqual(roleOf(["a1", "a2", "b1"]), ["representative"]);
  assert.deepEqual(roleOf(["a1", "b1", "c1"]), ["liaison"]);
  // a → b → c with a → c: no brokerage
  const closed = brokerage([
    { source: "a1", target: "b1" },
    { source: "b1", target: "c1" },
    { source: "a1", target: "c1" },
  ], { group });
  assert.deepEqual([...closed.table.array("total")], [0, 0, 0, 0, 0, 0]);
});

Deno.test("brokerage: undirected ties count in both directions (gatekeeper and representative mirror)", () => {
  const group = new Map([["a", "R"], ["b", "S"], ["c", "S"]]);
  const ties = [{ source: "a", target: "b" }, { source: "b", target: "c" }];
  const directed = brokerage(ties, { group });
  const both = brokerage(ties, { group, directed: false });
  const b = (t: typeof both) => (t.table.objects() as Row[])[1]!;
  assert.deepEqual([b(directed).gatekeeper, b(directed).representative, b(directed).total], [1, 0, 1]);
  assert.deepEqual([b(both).gatekeeper, b(both).representative, b(both).total], [1, 1, 2]);
  assert.equal(both.density, 4 / 6);
  assert.equal(directed.density, 2 / 6);
});

Deno.test("brokerage: organisations without ties are isolates counted in n; group tables, maps and records agree", () => {
  const ties = [{ source: "a", target: "b" }, { source: "b", target: "c" }];
  const asRecord = brokerage(ties, { group: { a: "R", b: "S", c: "S", d: "R" } });
  const asTable = brokerage(ties, {
    group: [{ id: "a", region: "R" }, { id: "b", region: "S" }, { id: "c", region: "S" }, {
      id: "d",
      region: "R",
    }],
  });
  assert.deepEqual(asRecord.table.objects(), asTable.table.objects());
  assert.equal(asRecord.table.numRows(), 4);
  assert.equal(asRecord.density, 2 / 12);
  // E[total] = d²(1 − d)(N − 1)(N − 2)
  const d = 2 / 12;
  assert.ok(Math.abs(asRecord.table.get("total_expected", 0) - d * d * (1 - d) * 3 * 2) < 1e-15);
});

Deno.test("brokerage: a tie naming an organisation without a group is a ValidationError naming it", () => {
  assert.throws(
    () => brokerage([{ source: "a", target: "zz" }], { group: { a: "R", b: "S", c: "S" } }),
    (e: unknown) => e instanceof ValidationError && /row 1, column "target".*"zz"/.test(e.message),
  );
  assert.throws(
    () => brokerage([{ source: "a", target: "b" }], { group: { a: "R", b: "", c: "S" } }),
    (e: unknown) => e instanceof ValidationError && /group\["b"\].*non-empty text group/.test(e.message),
  );
  assert.throws(
    () => brokerage([{ source: "a", target: "b" }], { group: [{ id: "a", country: "R" }] }),
    (e: unknown) => e instanceof ValidationError && /column "region"/.test(e.message),
  );
  // deno-lint-ignore no-explicit-any
  assert.throws(() => brokerage([{ source: "a", target: "b" }], {} as any), /column "group"/);
  assert.throws(() => brokerage([{ source: "a", target: "b" }], { group: { a: "R", b: "S" } }), /at least 3/);
});

Deno.test("brokerage: the summary labels follow lang", () => {
  const r = brokerage([{ source: "a", target: "b" }, { source: "b", target: "c" }], {
    group: { a: "R", b: "S", c: "S" },
    lang: "zh",
  });
  assert.deepEqual([...r.summary.array("label")], [
    "协调人",
    "顾问（流动经纪人）",
    "守门人",
    "代理人",
    "联络人",
    "经纪总数",
  ]);
  assert.deepEqual([...r.summary.array("observed")], [0, 0, 1, 0, 0, 1]);
});
