/** What notebooks/05-platform-governance states, checked against its outputs. */
import assert from "node:assert/strict";
import { executed, num, proseTest, type Row, rowWhere, stated } from "./prose.ts";

const S = stated(import.meta.url, {
  publicHierarchyFrom: 2 / 3,
  privateOrderUpTo: 1 / 3,
  zhongguancun: "public hierarchy",
  hangzhou: "private order",
  roles: 7,
  hangzhouRoles: 1,
  zhongguancunInferredRole: "controller",
  universityEqualWeights: 2.5 / 6,
  universityDecisionRights: 0.25,
  universityOrder: "hybrid order",
  steps: 60,
  publicRaises: ["externalisation", "combination"],
  privateRaises: ["socialisation", "internalisation"],
  orderChangesConversionsMoreThanGrowth: true,
});
const nb = () => executed("05-platform-governance");
const ZGC = "Zhongguancun credit platform", HZ = "Hangzhou e-commerce credit platform";

/** The order the cut-offs give a public share. */
const orderOf = (share: number) =>
  share >= S.publicHierarchyFrom
    ? "public hierarchy"
    : share <= S.privateOrderUpTo
    ? "private order"
    : "hybrid order";

proseTest("05 · Zhongguancun is a public hierarchy, Hangzhou a private order", async () => {
  const t = (await nb()).cell("cell-02").table();
  assert.equal(rowWhere(t, "case", ZGC).order_label, S.zhongguancun);
  assert.equal(rowWhere(t, "case", HZ).order_label, S.hangzhou);
});

proseTest(
  "05 · the order follows the cut-offs: ≥ 2/3 public hierarchy, ≤ 1/3 private order, else hybrid",
  async () => {
    const rows: Row[] = [...(await nb()).cell("cell-02").table(), ...(await nb()).cell("cell-06").table()];
    for (const r of rows) assert.equal(r.order_label, orderOf(num(r.public_share)), r.case);
    const t6 = (await nb()).cell("cell-06").table();
    assert.ok(t6.some((r) => r.order_label === "hybrid order"));
  },
);

proseTest(
  "05 · evidence: Hangzhou has a single coded role (the warning says so), the Zhongguancun controller is inferred",
  async () => {
    const cell = (await nb()).cell("cell-02");
    assert.match(
      cell.stdout(),
      new RegExp(`case "${HZ}": only ${S.hangzhouRoles} of ${S.roles} roles coded \\(controller\\)`),
    );
    assert.equal(num(rowWhere(cell.table(), "case", HZ).roles_coded), S.hangzhouRoles);
    const evidence = (await nb()).cell("cell-04").table();
    const inferred = evidence.filter((r) => r.basis === "inferred");
    assert.deepEqual(inferred.map((r) => [r.case, r.role]), [[ZGC, S.zhongguancunInferredRole]]);
    assert.ok(evidence.filter((r) => r.basis !== "inferred").every((r) => r.basis === "stated"));
    // roles coded + missing roles = every role
    for (const r of cell.table()) {
      assert.equal(num(r.roles_coded) + r.missing_roles!.split(", ").filter(Boolean).length, S.roles, r.case);
    }
  },
);

proseTest(
  "05 · the university platform: hybrid with equal weights, decision rights ×3 change its order",
  async () => {
    const cell = (await nb()).cell("cell-06");
    const eq = cell.number(/equal weights ([\d.]+)/), x3 = cell.number(/decision rights ×3 ([\d.]+)/);
    assert.equal(eq, Number(S.universityEqualWeights.toFixed(3)));
    assert.equal(x3, Number(S.universityDecisionRights.toFixed(3)));
    const uni = cell.table().find((r) => r.case!.includes("university"))!;
    assert.equal(uni.order_label, S.universityOrder);
    assert.equal(uni.order_if_decision_rights_x3, orderOf(S.universityDecisionRights));
    assert.notEqual(uni.order_if_decision_rights_x3, uni.order_label);
  },
);

proseTest(
  "05 · the spiral over 60 steps: public hierarchy raises externalisation and combination, private the others",
  async () => {
    const t = (await nb()).cell("cell-09").table();
    const zgc = rowWhere(t, "case", ZGC), hz = rowWhere(t, "case", HZ);
    for (const m of S.publicRaises) assert.ok(num(zgc[m]) > num(hz[m]), m);
    for (const m of S.privateRaises) assert.ok(num(hz[m]) > num(zgc[m]), m);
    assert.ok(t.every((r) => r.knowledge_t60 !== undefined && num(r.knowledge_t60) > 0));
    assert.match((await nb()).cell("cell-09").source, new RegExp(`steps: ${S.steps}\\b`));
  },
);

proseTest(
  "05 · with symmetric rates the order changes which conversions drive the spiral more than its growth",
  async () => {
    const t = (await nb()).cell("cell-09").table();
    const zgc = rowWhere(t, "case", ZGC), hz = rowWhere(t, "case", HZ);
    const ratio = (a: number, b: number) => Math.max(a, b) / Math.min(a, b);
    const conversions = ratio(num(zgc.combination), num(hz.combination));
    const growth = ratio(num(zgc.knowledge_t60), num(hz.knowledge_t60));
    assert.equal(conversions > growth, S.orderChangesConversionsMoreThanGrowth);
  },
);
