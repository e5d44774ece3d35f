/**
 * The two indicator choices for China's provinces that notebook 03 and course lesson 5 make, recomputed
 * with library calls on the shipped data, so that each test can check what the other notebook finds (both
 * state the difference for Zhejiang 2022).
 */
import * as aq from "arquero";
import { classifyGovernance, loadDataset, panelComposite } from "clusterlab";

/** Notebook 03's first section: four-indicator K with stocks, A from contract values and numbers, 2012–2022. */
export async function notebook03Quadrants(): Promise<Map<string, string>> {
  const china = await loadDataset("china-provinces-st");
  const years = Array.from({ length: 11 }, (_, i) => 2012 + i);
  const knowledge = {
    rd_expenditure: "+",
    invention_patent_grants: "+",
    papers_sci: "+",
    rd_researchers_fte: "+",
  } as const;
  const alliance = {
    tech_market_inflow_value: "+",
    tech_market_outflow_value: "+",
    tech_market_inflow_contracts: "+",
    tech_market_outflow_contracts: "+",
  } as const;
  const stocks = { rd_expenditure: { delta: 0.15 }, invention_patent_grants: { delta: 0.15 } };
  const k = panelComposite(china, { indicators: knowledge, stocks, years, scoreName: "K" });
  const a = panelComposite(china, { indicators: alliance, years, scoreName: "A" });
  const wide = k.table.join(a.table.select(aq.not("A")), [["entity", "year"], ["entity", "year"]]);
  const gov = classifyGovernance(wide, { knowledge, alliance }, { bootstrap: { replicates: 0 } });
  return quadrants(gov.table);
}

/** Course lesson 5: yearly flows for K, contract numbers for A, every complete province-year. */
export async function lesson05Quadrants(): Promise<Map<string, string>> {
  const knowledge = {
    rd_expenditure: "+",
    papers_sci: "+",
    valid_invention_patents: "+",
    rd_researchers_fte: "+",
  } as const;
  const alliance = { tech_market_outflow_contracts: "+", tech_market_inflow_contracts: "+" } as const;
  const wanted = [...Object.keys(knowledge), ...Object.keys(alliance)];
  const st = await loadDataset("china-provinces-st");
  const wide = st.filter(aq.escape((d: { indicator: string }) => wanted.includes(d.indicator)))
    .groupby("entity", "year").pivot("indicator", "value");
  const rows = (wide.objects() as Record<string, unknown>[]).filter((d) =>
    wanted.every((k) => typeof d[k] === "number")
  );
  const gov = classifyGovernance(rows, { knowledge, alliance }, { bootstrap: { replicates: 0 } });
  return quadrants(gov.table);
}

function quadrants(t: aq.ColumnTable): Map<string, string> {
  return new Map(
    (t.objects() as { entity: string; year: number; quadrant: string }[]).map((r) => [
      `${r.entity} ${r.year}`,
      r.quadrant,
    ]),
  );
}
