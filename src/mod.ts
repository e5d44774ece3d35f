/**
 * ClusterLab: indicators, classifiers and models of innovation clusters and knowledge governance, for Deno
 * Jupyter notebooks. 创新集群与知识治理的指标、分类与模型工具包。
 *
 * This entry point holds what a notebook author uses. Types of options and results are in
 * `src/types.ts` (`clusterlab/types`), building blocks (linear algebra, label tables, renderers) in
 * `src/advanced.ts` (`clusterlab/advanced`). The rooms and their order are described in ARCHITECTURE.md.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { locationQuotient, matrixFrom } from "clusterlab";
 * const x = matrixFrom([
 *   { region: "A", sector: "s", value: 3 },
 *   { region: "A", sector: "t", value: 1 },
 *   { region: "B", sector: "s", value: 1 },
 *   { region: "B", sector: "t", value: 3 },
 * ]);
 * assert.equal(locationQuotient(x).get("A", "s"), 1.5);
 * ```
 * @module
 */

// core
export { label, LABELS } from "./core/i18n.ts";
export { param } from "./core/param.ts";
export { Random } from "./core/random.ts";
export { ValidationError } from "./core/validation_error.ts";

// data
export { loadDanfo, toDanfo, toTable } from "./data/adapters.ts";
export { datasets, datasetTable, loadDataset } from "./data/datasets.ts";
export { readParquet, writeParquet } from "./data/parquet.ts";
export { loadGeometry } from "./data/geometry.ts";
export { parseDelimited, readArrow, readCSV, readJSON, readTSV } from "./data/read.ts";
export { readLong } from "./data/read_long.ts";
export { ACTIVITY, ORGANISATIONS, PANEL, PLATFORM_CASES, TIES } from "./data/schema.ts";
export { validate } from "./data/validate.ts";

// indicators
export { allianceStock, allianceStockFromCounts } from "./indicators/alliance_stock.ts";
export { bootstrapComplexity } from "./indicators/bootstrap_complexity.ts";
export { brokerage } from "./indicators/network/brokerage.ts";
export { centrality } from "./indicators/network/centrality.ts";
export { communities } from "./indicators/network/communities.ts";
export { components } from "./indicators/network/components.ts";
export { coreness } from "./indicators/network/coreness.ts";
export { coagglomeration } from "./indicators/coagglomeration.ts";
export { coherence } from "./indicators/coherence.ts";
export { complexity } from "./indicators/complexity.ts";
export { complexityPanel } from "./indicators/complexity_panel.ts";
export { cooccurrence } from "./indicators/cooccurrence.ts";
export { density } from "./indicators/density.ts";
export { diversity, ubiquity } from "./indicators/diversity.ts";
export { ellisonGlaeser } from "./indicators/ellison_glaeser.ts";
export { entropy } from "./indicators/entropy.ts";
export { entryExit } from "./indicators/entry_exit.ts";
export { entropyWeights } from "./indicators/entropy_weights.ts";
export { gini } from "./indicators/gini.ts";
export { herfindahl } from "./indicators/herfindahl.ts";
export { hooverIndex } from "./indicators/hoover_index.ts";
export { hooverSpecialisation } from "./indicators/hoover_specialisation.ts";
export { panelComposite } from "./indicators/knowledge_index.ts";
export { knowledgeStock } from "./indicators/knowledge_stock.ts";
export { krugman } from "./indicators/krugman.ts";
export { locationQuotient, rca } from "./indicators/location_quotient.ts";
export { locationalGini } from "./indicators/locational_gini.ts";
export { Matrix, matrixFrom, Series } from "./indicators/matrix.ts";
export { maurelSedillot } from "./indicators/maurel_sedillot.ts";
export { opportunity } from "./indicators/opportunity.ts";
export { presence } from "./indicators/presence.ts";
export { expy, prody } from "./indicators/prody.ts";
export { proximity } from "./indicators/proximity.ts";
export { rankFieldsByComplexity } from "./indicators/rank_fields.ts";
export { reflections } from "./indicators/reflections.ts";
export { relatedness } from "./indicators/relatedness.ts";
export { relatednessDensity } from "./indicators/relatedness_density.ts";
export { scanLong } from "./indicators/scan_long.ts";
export { shiftShare } from "./indicators/shift_share.ts";
export { theil } from "./indicators/theil.ts";
export { spatialWeightsFromGeoJSON } from "./indicators/spatial/geojson_weights.ts";
export { spatialWeightsFromGrid } from "./indicators/spatial/grid_weights.ts";
export { localMoran } from "./indicators/spatial/local_moran.ts";
export { moranI } from "./indicators/spatial/moran.ts";
export { spatialWeightsFromPoints } from "./indicators/spatial/point_weights.ts";
export { spatialWeights } from "./indicators/spatial/weights.ts";

// classify
export { catchUpSteadyState, classifyCatchUp, classifyCatchUpFit } from "./classify/catch_up.ts";
export { couplingCoordination } from "./classify/coupling.ts";
export { gatekeepers } from "./classify/gatekeepers.ts";
export {
  classifyGovernance,
  GOVERNANCE_LAGS,
  GOVERNANCE_PHASES,
  GOVERNANCE_QUADRANT_MECHANISMS,
} from "./classify/governance.ts";
export { governanceRecommendation } from "./classify/governance_recommendation.ts";
export {
  CLUSTER_LABELS,
  clusterLabelKey,
  identifyClusters,
  US_CLUSTER_LEVEL_ORDER,
  US_CLUSTER_LEVELS,
} from "./classify/identify_clusters.ts";
export { classifyInteraction, classifyInteractions } from "./classify/interaction.ts";
export { classifyPlatform } from "./classify/platform.ts";

// models
export { catchUpRatios, fitCatchUp, simulateCatchUp } from "./models/catch_up.ts";
export { simulateCoevolution } from "./models/coevolution.ts";
export { fitHaken } from "./models/haken.ts";
export { latinHypercube } from "./models/latin_hypercube.ts";
export { simulateMarch } from "./models/march.ts";
export { agentNetwork, simulateNetworkSpiral } from "./models/network_spiral.ts";
export { solveODE } from "./models/ode.ts";
export { policyScenario } from "./models/policy.ts";
export { relatednessEntry } from "./models/relatedness_entry.ts";
export { saltelliDesign } from "./models/saltelli_design.ts";
export { simulateSpiral } from "./models/seci.ts";
export { sobolIndices } from "./models/sobol_indices.ts";
export { sweep } from "./models/sweep.ts";
export {
  competitiveToSymbiosis,
  equilibrium,
  fixedPoints,
  simulateSymbiosis,
  stability,
} from "./models/symbiosis.ts";
export { synergyDegree, synergyPanel } from "./models/synergy.ts";

// plot
export { brokerageChart } from "./plot/brokerage.ts";
export { catchUpChart } from "./plot/catch_up.ts";
export { couplingHeatmap } from "./plot/coupling_heatmap.ts";
export { Figure, plot } from "./plot/figure.ts";
export { marchChart } from "./plot/march.ts";
export { networkSpiralChart } from "./plot/network_spiral.ts";
export { networkChart } from "./plot/network.ts";
export { platformRoleChart } from "./plot/platform_roles.ts";
export { policyTradeoffChart } from "./plot/policy_tradeoff.ts";
export { quadrantChart } from "./plot/quadrant.ts";
export { rankIntervalChart } from "./plot/rank_interval.ts";
export { seciFlowsChart } from "./plot/seci_flows.ts";
export { regionMap } from "./plot/region_map.ts";
export { specialisationHeatmap } from "./plot/specialisation_heatmap.ts";
export { spiralChart } from "./plot/spiral.ts";
export { starChart } from "./plot/star_chart.ts";
export { technologySpaceChart } from "./plot/technology_space.ts";

// notebook
export { exercise } from "./notebook/exercise.ts";
export { interactive } from "./notebook/interactive.ts";
export { Progress } from "./notebook/progress.ts";
export { quadrantExplorer } from "./notebook/quadrant_explorer.ts";
export { sliderRange } from "./notebook/slider.ts";
export { spiralExplorer } from "./notebook/spiral_explorer.ts";
export { showTable } from "./notebook/table.ts";
