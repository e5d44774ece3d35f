/** Every ready chart has a source line: the one given, or for a model's chart the simulation's (CONTRIBUTING §7). */
import assert from "node:assert/strict";
import { marchChart } from "../../src/plot/march.ts";
import { spiralChart } from "../../src/plot/spiral.ts";
import { quadrantChart } from "../../src/plot/quadrant.ts";
import { specialisationHeatmap } from "../../src/plot/specialisation_heatmap.ts";
import { technologySpaceChart } from "../../src/plot/technology_space.ts";
import { simulateSpiral } from "../../src/models/seci.ts";
import { classifyGovernance } from "../../src/classify/governance.ts";
import { matrixFrom } from "../../src/indicators/matrix.ts";
import type { Figure } from "../../src/plot/figure.ts";

const sourceLine = (fig: Figure) => fig.toSVG({ standalone: true }).match(/>((?:Source|来源)[^<]*)</)?.[1];

Deno.test("model charts say they are simulated (in lang) unless given a source", () => {
  const rows = [{ p1: 0.1, p2: 0.5, knowledge: 0.95 }, { p1: 0.9, p2: 0.5, knowledge: 0.74 }];
  assert.equal(sourceLine(marchChart(rows)), "Source: ClusterLab simulation");
  assert.equal(sourceLine(marchChart(rows, { lang: "zh" })), "来源：ClusterLab 模拟");
  assert.equal(
    sourceLine(marchChart(rows, { source: "Source: March (1991), replicated" })),
    "Source: March (1991), replicated",
  );
  assert.equal(
    sourceLine(spiralChart(simulateSpiral({ steps: 10, order: "public_hierarchy" }))),
    "Source: ClusterLab simulation",
  );
});

Deno.test("data charts draw the source they are given", () => {
  const gov = classifyGovernance([{ entity: "a", year: 1, K: 0.2, A: 0.3 }], {
    knowledge: "K",
    alliance: "A",
  });
  assert.equal(sourceLine(quadrantChart(gov.table, { source: "Source: CSY" })), "Source: CSY");
  assert.equal(sourceLine(quadrantChart(gov.table)), undefined);
  const x = matrixFrom([[1, 2], [3, 4]], { rows: ["r1", "r2"], cols: ["s1", "s2"] });
  assert.equal(sourceLine(specialisationHeatmap(x, { source: "Source: BRES" })), "Source: BRES");
  const s = ["s1", "s2", "s3"];
  const phi = matrixFrom([[0, 0.5, 0.2], [0.5, 0, 0.4], [0.2, 0.4, 0]], { rows: s, cols: s });
  assert.equal(sourceLine(technologySpaceChart(phi, { source: "Source: NSF" })), "Source: NSF");
});
