/**
 * Platform role chart 平台角色图: which side — public, private or mixed — holds each role of a knowledge
 * platform, case by case, with the public share and order of each case (the public hierarchy of the
 * Zhongguancun credit platform and the private order of the Hangzhou e-commerce cluster in the source text;
 * the order is {@link classifyPlatform}'s).
 * @module
 */
import { Plot } from "../deps/lazy.ts";
import type { Bilingual, Lang } from "../core/i18n.ts";
import { PLATFORM_ROLES } from "../data/schema.ts";
import { PLATFORM_ROLE_LABELS, type PlatformResult, ROLE_HOLDER_LABELS } from "../classify/platform.ts";
import { type Figure, plot } from "./figure.ts";

/** Options of {@link platformRoleChart}. */
export interface PlatformRoleChartOptions {
  /** Language of titles and labels (default "en"). */
  readonly lang?: Lang;
  /** Chart title. */
  readonly title?: string;
  /** Source line under the chart, e.g. "Source: …" (default none); drawn in the HTML, the standalone SVG
   * and the PNG. */
  readonly source?: string;
}

const TEXT: Record<"title" | "holder" | "notCoded", Bilingual> = {
  title: { en: "Who holds each platform role", zh: "平台各角色的持有者" },
  holder: { en: "Role holder", zh: "角色持有者" },
  notCoded: { en: "not coded", zh: "未编码" },
};

/**
 * Case × role grid of a {@link classifyPlatform} result: cells coloured by holder (public blue, mixed
 * purple, private orange, grey when the role is not coded), the case label carrying its public share and
 * order, and each cell's `<title>` quoting the evidence.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { classifyPlatform, platformRoleChart } from "clusterlab";
 * const r = classifyPlatform([{ case: "ZGC", role: "initiator", holder: "public" }], { lang: "zh" });
 * const fig = platformRoleChart(r, { lang: "zh" });
 * assert.equal(fig.toSVG().match(/<rect/g)?.length, 7); // one cell per role of the one case
 * assert.ok(fig.toSVG().includes("<title>发起者: 公共</title>"));
 * assert.ok(fig.toHTML().includes("平台各角色的持有者"));
 * ```
 */
export function platformRoleChart(result: PlatformResult, options: PlatformRoleChartOptions = {}): Figure {
  const { lang = "en" } = options;
  const summary = result.table.objects() as Record<string, unknown>[];
  const caseLabel = new Map(summary.map((s) => [
    s.case as string,
    `${s.case}\n${s.order_label} (${(s.public_share as number).toFixed(2)})`,
  ]));
  const coded = new Map<string, { holder: string; evidence: string }>();
  for (const r of result.roles.objects() as Record<string, unknown>[]) {
    coded.set(`${r.case}\u0000${r.role}`, {
      holder: r.holder as string,
      evidence: (r.evidence as string) ?? "",
    });
  }
  const notCoded = TEXT.notCoded[lang];
  const cells = summary.flatMap((s) =>
    PLATFORM_ROLES.map((role) => {
      const c = coded.get(`${s.case}\u0000${role}`);
      const holder = c ? ROLE_HOLDER_LABELS[c.holder as keyof typeof ROLE_HOLDER_LABELS][lang] : notCoded;
      return {
        case: caseLabel.get(s.case as string)!,
        role: PLATFORM_ROLE_LABELS[role][lang],
        holder,
        evidence: c?.evidence ?? "",
      };
    })
  );
  const holders = [
    ROLE_HOLDER_LABELS.public[lang],
    ROLE_HOLDER_LABELS.mixed[lang],
    ROLE_HOLDER_LABELS.private[lang],
    notCoded,
  ];
  const longest = Math.max(...summary.map((s) => String(s.case).length));
  const title = options.title ?? TEXT.title[lang];
  return plot({
    source: options.source,
    marginLeft: Math.min(320, Math.max(120, longest * 6.5 + 10)),
    marginBottom: 80,
    width: Math.min(1100, Math.max(640, longest * 6.5 + 10 + 7 * 80)),
    height: 60 + 56 * summary.length + 60,
    title,
    x: { label: null, domain: PLATFORM_ROLES.map((r) => PLATFORM_ROLE_LABELS[r][lang]), tickRotate: -20 },
    y: { label: null, domain: summary.map((s) => caseLabel.get(s.case as string)!) },
    color: {
      domain: holders,
      range: ["#3b6fb6", "#8e63b5", "#e08a2c", "#e6e6e6"],
      legend: true,
      label: TEXT.holder[lang],
    },
    marks: [
      Plot.cell(cells, {
        x: "role",
        y: "case",
        fill: "holder",
        inset: 1,
        title: (d: typeof cells[number]) => `${d.role}: ${d.holder}${d.evidence ? `\n“${d.evidence}”` : ""}`,
      }),
      Plot.text(cells, {
        x: "role",
        y: "case",
        text: "holder",
        fontSize: 10,
        fill: (d: typeof cells[number]) => (d.holder === notCoded ? "#666" : "white"),
      }),
    ],
    description: title,
  });
}
