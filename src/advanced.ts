/**
 * Building blocks for advanced users: the linear algebra, the label tables behind the classifiers and
 * models, the renderers and the display protocol. Notebook authors rarely need them; everything here is
 * documented and tested like the main entry point.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { symmetricEigen } from "clusterlab/advanced";
 * const { values } = symmetricEigen(new Float64Array([2, 1, 1, 2]), 2);
 * assert.deepEqual([...values].map((v) => Math.round(v * 1e12) / 1e12).sort(), [1, 3]);
 * ```
 * @module
 */

// core
export { increasingIssues } from "./core/checks.ts";
export { base64, DISPLAY, escapeHTML, escapeMarkdown, escapeText } from "./core/display.ts";
export { rocAuc } from "./core/auc.ts";
export { bilingual, LANGS } from "./core/i18n.ts";
export { eigenvaluesGeneral } from "./core/linalg/general_eigen.ts";
export { lanczosEigen } from "./core/linalg/lanczos.ts";
export { solveLinearSystem } from "./core/linalg/linear_solve.ts";
export { symmetricEigen } from "./core/linalg/symmetric_eigen.ts";
export { tridiagonalEigen } from "./core/linalg/tridiagonal_ql.ts";
export { normalTwoSided, normalUpperTail } from "./core/normal.ts";
export {
  checkWorkers,
  parallelRows,
  shareable,
  shareArgs,
  sharedFloat64,
  splitRows,
  threadCount,
} from "./core/parallel.ts";
export { startTeam } from "./core/kernel_team.ts";
export { guardFinite, MIN_NORMAL, scanFinite } from "./core/finite.ts";
export { checkSize, DEFAULT_MEMORY_BUDGET, formatBytes, memoryBudget } from "./core/size_guard.ts";
export { mulberry32 } from "./core/random.ts";
export { SOBOL_MAX_DIMENSIONS, sobolSequence } from "./core/sobol_sequence.ts";
export { describeValue } from "./core/validation_error.ts";

// data
export { fromDanfo, isDanfoFrame, isTable } from "./data/adapters.ts";
export { guessColumns, ROLE_NAMES } from "./data/column_roles.ts";
export { datasetColumns, DATASETS, datasetURL } from "./data/datasets.ts";
export { sqlIdentifier, sqlString } from "./data/duckdb_engine.ts";
export { isTopology, ringsOf, toFeatureCollection } from "./data/geojson.ts";
export { GEOMETRY_NAMES, geometryFromGeoJSON, tileGridGeometry } from "./data/geometry.ts";
export { matchGeometry } from "./data/geometry_match.ts";
export { delimitedIssues } from "./data/read.ts";
export { duplicateKeyIssues } from "./data/keys.ts";
export { decodeSource } from "./data/source.ts";
export { longFormatOf } from "./data/read_long.ts";
export { scanCells } from "./data/scan_long.ts";
export { ORGANISATION_TYPES, PLATFORM_ROLES, ROLE_HOLDERS } from "./data/schema.ts";

// indicators
export { KNOWLEDGE_SUPPLIER_TYPES, KNOWLEDGE_USER_TYPES } from "./indicators/alliance_stock.ts";
export { correlation, fitnessComplexity } from "./indicators/complexity.ts";
export { giniOfValues } from "./indicators/gini.ts";
export { BROKERAGE_ROLE_ORDER, BROKERAGE_ROLES } from "./indicators/network/brokerage.ts";
export { CENTRALITY_MEASURES } from "./indicators/network/centrality.ts";
export { modularity } from "./indicators/network/communities.ts";
export { networkStatistics } from "./indicators/network/network_statistics.ts";
export { tieGraph } from "./indicators/network/tie_graph.ts";
export { PRESENCE_CONVENTIONS, presenceWarnings, toSparsePresence } from "./indicators/presence.ts";
export { rpop } from "./indicators/rpop.ts";
export { KdTree } from "./indicators/spatial/kd_tree.ts";
export { LISA_QUADRANTS } from "./indicators/spatial/local_moran.ts";
export { EARTH_RADIUS_KM, greatCircleKm } from "./indicators/spatial/point_weights.ts";
export { describeWeights, SpatialWeights, WEIGHTS_STYLES } from "./indicators/spatial/weights.ts";

// classify
export { CATCH_UP_CLASSES } from "./classify/catch_up.ts";
export {
  COUPLING_C_STAGES,
  COUPLING_D_LEVELS,
  couplingFan,
  couplingStandard,
  couplingWang,
  levelIndex,
} from "./classify/coupling.ts";
export {
  GOVERNANCE_CUTOFF_NOTES,
  GOVERNANCE_MECHANISMS,
  governanceLag,
  governancePortfolio,
  governanceQuadrant,
} from "./classify/governance.ts";
export { classifyEigenvalues, FIXED_POINT_TYPES } from "./classify/fixed_point.ts";
export { GATEKEEPER_CLASS_ORDER, GATEKEEPER_CLASSES } from "./classify/gatekeepers.ts";
export { CLUSTER_CRITERIA, CLUSTER_LABEL_ORDER, CLUSTER_THRESHOLDS } from "./classify/identify_clusters.ts";
export { INTERACTION_MODES } from "./classify/interaction.ts";
export { PLATFORM_ORDERS, PLATFORM_ROLE_LABELS, ROLE_HOLDER_LABELS } from "./classify/platform.ts";

// models
export { fitBinary } from "./models/binary_regression.ts";
export { catchUpRatio } from "./models/catch_up.ts";
export { COEVOLUTION_DEFAULTS, COEVOLUTION_POPULATIONS } from "./models/coevolution.ts";
export { FixedEffects } from "./models/fixed_effects.ts";
export {
  agentNetworkFromGraph,
  DEFAULT_TYPE_PROFILES,
  ORGANISATION_TYPE_LABELS,
} from "./models/network_spiral.ts";
export { POLICY_SCENARIOS } from "./models/policy.ts";
export {
  BA_LABELS,
  KNOWLEDGE_FORM_LABELS,
  KNOWLEDGE_FORMS,
  ORDER_PUBLIC_SHARE,
  powerMultipliers,
  SECI_LEVEL_LABELS,
  SECI_LEVELS,
  SECI_MODE_LABELS,
  SECI_MODES,
  seciGrowthRate,
} from "./models/seci.ts";
export { symbiosisJacobian } from "./models/symbiosis.ts";

// plot
export { chartDocument } from "./plot/document.ts";
export { FONT_FAMILY, PNG_LATIN_FONTS, rasterSVG } from "./plot/fonts.ts";
export { displayName } from "./plot/names.ts";
export { LISA_CATEGORIES, lisaLegend } from "./plot/lisa_colors.ts";
export { MapFigure } from "./plot/region_map.ts";
export { networkLayout } from "./plot/network.ts";
export { STAR_CHART_TEXT } from "./plot/star_chart.ts";
export { technologySpaceLayout } from "./plot/technology_space_layout.ts";

// notebook
export { CLIENT_RENDER_JS, clientRenderModule, widgetScript } from "./notebook/client_render.ts";
export { spiralRadius } from "./notebook/client/spiral.ts";
export { dataInteractive } from "./notebook/data_interactive.ts";
export { jupyter } from "./notebook/jupyter.ts";
export { spiralRun } from "./notebook/spiral_explorer.ts";
export {
  columnDigits,
  enableTableDisplay,
  MISSING_CELL,
  setTableDisplayLimit,
  tableBundle,
} from "./notebook/table.ts";
export { embeddedData } from "./notebook/widget_html.ts";
