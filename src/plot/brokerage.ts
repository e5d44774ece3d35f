/**
 * Brokerage roles by group 各组的经纪角色构成: the Gould & Fernandez roles of each group's organisations as
 * stacked bars (shares or counts), with title, legend and source line inside the SVG.
 * @module
 */
import { Plot } from "../deps/lazy.ts";
import type { Bilingual, Lang } from "../core/i18n.ts";
import { describeValue, ValidationError } from "../core/validation_error.ts";
import {
  BROKERAGE_ROLES,
  type BrokerageResult,
  type BrokerageRole,
} from "../indicators/network/brokerage.ts";
import { type Figure, plot } from "./figure.ts";
import { footerMarks, HEADER_HEIGHT, headerMarks, textWidth } from "./frame.ts";

/** Options of {@link brokerageChart}. */
export interface BrokerageChartOptions {
  /** How many groups, those with the most brokered pairs (default 12). */
  readonly top?: number;
  /** Bars of shares of the group's brokered pairs (default true) or of counts (false). */
  readonly share?: boolean;
  /** Display names of the groups (code → text; default the code). */
  readonly names?: Readonly<Record<string, string | Bilingual>>;
  /** Title (default "Brokerage roles by group" / "各组的经纪角色构成"). */
  readonly title?: string;
  /** Subtitle (default: how the roles are counted). */
  readonly subtitle?: string;
  /** Source line (data credit). */
  readonly source?: string;
  /** Language of the texts (default "en"). */
  readonly lang?: Lang;
  /** Width in pixels (default 720). */
  readonly width?: number;
}

const ROLES: readonly Exclude<BrokerageRole, "total">[] = [
  "coordinator",
  "itinerant",
  "gatekeeper",
  "representative",
  "liaison",
];
const COLORS = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#bab0ac"];
const TEXT = {
  title: { en: "Brokerage roles by group", zh: "各组的经纪角色构成" },
  share: { en: "Share of the group's brokered pairs (%)", zh: "占该组经纪总数的比例（%）" },
  count: { en: "Brokered pairs", zh: "经纪的组织对数" },
  sub: {
    en: "Gould & Fernandez (1989) roles of the organisations of each group; the",
    zh: "各组组织的 Gould–Fernandez（1989）经纪角色；经纪总数最多的",
  },
  groups: { en: "groups with most brokered pairs", zh: "个组" },
  source: { en: "Roles: Gould & Fernandez (1989)", zh: "角色：Gould 与 Fernandez（1989）" },
};

/**
 * Stacked bars of the brokerage roles of each group's organisations (the sums over the group's rows of
 * {@link brokerage}'s table), for the `top` groups that broker the most pairs, as shares of the group's
 * brokered pairs or as counts. The title, subtitle, legend and source line are part of the SVG, so of the
 * PNG.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { brokerage, brokerageChart } from "clusterlab";
 * const r = brokerage(
 *   [{ source: "a", target: "b" }, { source: "b", target: "c" }, { source: "c", target: "d" }],
 *   { group: { a: "R", b: "S", c: "S", d: "T" } },
 * );
 * const svg = brokerageChart(r, { source: "Toy data" }).toSVG();
 * assert.ok(svg.includes("Brokerage roles by group") && svg.includes("Gatekeeper") && svg.includes("Toy data"));
 * ```
 */
export function brokerageChart(result: BrokerageResult, options: BrokerageChartOptions = {}): Figure {
  const { top = 12, share = true, lang = "en", width = 720 } = options;
  if (!(Number.isInteger(top) && top >= 1)) {
    throw new ValidationError("options of brokerageChart", [{
      column: "top",
      expected: "a positive integer",
      received: describeValue(top),
    }]);
  }
  const sums = new Map<string, number[]>();
  for (const d of result.table.objects() as Record<string, unknown>[]) {
    const g = d.group as string;
    if (!sums.has(g)) sums.set(g, ROLES.map(() => 0));
    const s = sums.get(g)!;
    ROLES.forEach((r, k) => (s[k]! += d[r] as number));
  }
  const total = (g: string) => sums.get(g)!.reduce((x, y) => x + y, 0);
  const groups = [...sums.keys()].filter((g) => total(g) > 0)
    .sort((a, b) => total(b) - total(a) || a.localeCompare(b)).slice(0, top);
  const name = (g: string) => {
    const v = options.names?.[g];
    return v === undefined ? g : typeof v === "string" ? v : v[lang];
  };
  const rows = groups.flatMap((g) =>
    ROLES.map((r, k) => ({
      group: name(g),
      role: BROKERAGE_ROLES[r][lang],
      value: share ? (100 * sums.get(g)![k]!) / total(g) : sums.get(g)![k]!,
    }))
  );
  const labels = ROLES.map((r) => BROKERAGE_ROLES[r][lang]);
  const footer = footerMarks(
    labels.map((label, k) => ({ label, color: COLORS[k]! })),
    options.source ? `${options.source} · ${TEXT.source[lang]}` : TEXT.source[lang],
    width,
    40,
  );
  const subtitle = options.subtitle ??
    (lang === "zh"
      ? `${TEXT.sub.zh} ${groups.length} ${TEXT.groups.zh}`
      : `${TEXT.sub.en} ${groups.length} ${TEXT.groups.en}`);
  const title = options.title ?? TEXT.title[lang];
  const left = 16 + Math.max(20, ...groups.map((g) => textWidth(name(g), 11)));
  return plot({
    width,
    height: HEADER_HEIGHT + 24 * groups.length + 10 + footer.height,
    marginTop: HEADER_HEIGHT,
    marginBottom: footer.height,
    marginLeft: left,
    marginRight: 20,
    x: { label: null, grid: true },
    y: { label: null, domain: groups.map(name) },
    color: { domain: labels, range: COLORS },
    marks: [
      Plot.barX(rows, Plot.stackX({ x: "value", y: "group", fill: "role", order: labels })),
      Plot.ruleX([0]),
      Plot.text([share ? TEXT.share[lang] : TEXT.count[lang]], {
        frameAnchor: "bottom",
        dy: 36,
        fontSize: 11,
        fill: "#333",
      }),
      ...headerMarks(title, subtitle),
      ...footer.marks,
    ],
    description: title,
  });
}
