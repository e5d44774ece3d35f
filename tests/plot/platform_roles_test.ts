import assert from "node:assert/strict";
import { platformRoleChart } from "../../src/plot/platform_roles.ts";
import { classifyPlatform } from "../../src/classify/platform.ts";
import { assertSnapshot } from "./snapshot.ts";

const result = classifyPlatform([
  { case: "ZGC", role: "initiator", holder: "public", evidence: "The Commission initiated it." },
  { case: "ZGC", role: "funder", holder: "mixed" },
  { case: "HZ", role: "controller", holder: "private" },
]);

Deno.test("platformRoleChart: a case × role grid coloured by holder, evidence quoted, order per case", () => {
  const svg = platformRoleChart(result).toSVG();
  const i = svg.indexOf('aria-label="cell"');
  const fills = (svg.slice(i, svg.indexOf("</g>", i)).match(/fill="(#[0-9a-f]{6})"/g) ?? []).map((f) =>
    f.slice(6, -1)
  );
  assert.equal(fills.length, 2 * 7);
  // ZGC: initiator public (blue), funder mixed (purple), five not coded (grey); HZ: controller private (orange).
  assert.deepEqual(fills.slice(0, 7), [
    "#3b6fb6",
    "#e6e6e6",
    "#e6e6e6",
    "#8e63b5",
    "#e6e6e6",
    "#e6e6e6",
    "#e6e6e6",
  ]);
  assert.equal(fills.filter((f) => f === "#e08a2c").length, 1);
  assert.equal(fills.indexOf("#e08a2c"), 7 + 2);
  assert.ok(svg.includes("<title>initiator: public\n“The Commission initiated it.”</title>"));
  // Case labels carry the order and the public share (ZGC: (1 + 0.5)/2 = 0.75 → public hierarchy).
  assert.ok(svg.includes("public hierarchy (0.75)"));
  assert.ok(svg.includes("private order (0.00)"));
});

Deno.test("platformRoleChart: Chinese roles, holders and title", () => {
  const zh = classifyPlatform(result.roles.select("case", "role", "holder", "evidence"), { lang: "zh" });
  const html = platformRoleChart(zh, { lang: "zh" }).toHTML();
  for (
    const t of [
      "平台各角色的持有者",
      "发起者",
      "主要出资者",
      "公共",
      "混合",
      "私人",
      "未编码",
      "公共层级 (0.75)",
    ]
  ) {
    assert.ok(html.includes(t), t);
  }
});

Deno.test("platformRoleChart: snapshots (English, Chinese)", async () => {
  await assertSnapshot(import.meta.url, "platform-roles", platformRoleChart(result).toSVG());
  const zh = classifyPlatform(result.roles.select("case", "role", "holder", "evidence"), { lang: "zh" });
  await assertSnapshot(import.meta.url, "platform-roles-zh", platformRoleChart(zh, { lang: "zh" }).toSVG());
});
