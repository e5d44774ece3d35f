/**
 * Types of ClusterLab's public API: the options and results of every function exported by `src/mod.ts`.
 * Type-only: importing it loads nothing at run time.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import type { Lang } from "clusterlab/types";
 * const lang: Lang = "zh";
 * assert.equal(lang, "zh");
 * ```
 * @module
 */

// core
export type { NumberBounds } from "./core/checks.ts";
export type { MimeBundle } from "./core/display.ts";
export type { FiniteGuardOptions, FiniteReport } from "./core/finite.ts";
export type { SizeRequest } from "./core/size_guard.ts";
export type { Bilingual, Lang } from "./core/i18n.ts";
export type {
  KernelArgs,
  ParallelRowsOptions,
  RowKernel,
  ShareableCtor,
  WorkersOption,
} from "./core/parallel.ts";
export type { KernelTeam, PhaseKernel, TeamOptions } from "./core/kernel_team.ts";
export type { Complex } from "./core/linalg/general_eigen.ts";
export type { LanczosOptions, LanczosResult } from "./core/linalg/lanczos.ts";
export type { SolveLinearSystemOptions } from "./core/linalg/linear_solve.ts";
export type { SymmetricEigen } from "./core/linalg/tridiagonal_ql.ts";
export type { ParamOptions } from "./core/param.ts";
export type { ProgressOptions, ProgressReporter } from "./core/progress.ts";
export type { ValidationErrorOptions, ValidationIssue } from "./core/validation_error.ts";
export type { NormalOptions } from "./core/random.ts";
export type { SobolSequenceOptions } from "./core/sobol_sequence.ts";

// data
export type { DanfoLike, DanfoModule, LoadDanfoOptions, TableInput, TableResult } from "./data/adapters.ts";
export type {
  DatasetDescriptor,
  DatasetJoin,
  DatasetTableOptions,
  LoadDatasetOptions,
} from "./data/datasets.ts";
export type { DelimitedIssuesOptions, ReadFileOptions, ReadOptions } from "./data/read.ts";
export type { EncodingOptions, SourceBytes, SourceText } from "./data/source.ts";
export type { DuplicateKeyOptions } from "./data/keys.ts";
export type { LongFormat, ReadLongOptions, ReadLongResult } from "./data/read_long.ts";
export type { ColumnRole, GuessColumnsOptions, GuessedColumns, LongColumns } from "./data/column_roles.ts";
export type { FileFormat, FileSource, ResolvedFiles } from "./data/file_sources.ts";
export type { ReadParquetOptions, WriteParquetOptions, WriteParquetResult } from "./data/parquet.ts";
export type { ScanCells, ScanCellsOptions, ScanEngine } from "./data/scan_long.ts";
export type { ScanAggregate } from "./data/scan_sql.ts";
export type { Feature, FeatureCollection, Geometry, Position, Topology } from "./data/geojson.ts";
export type {
  GeoJSONGeometryOptions,
  GeometryName,
  RegionGeometry,
  TileGridGeometryOptions,
} from "./data/geometry.ts";
export type { GeometryMatch, MatchGeometryOptions } from "./data/geometry_match.ts";
export type { ColumnSpec, ColumnType, OrganisationType, TableSchema } from "./data/schema.ts";
export type { ValidateOptions, ValidationResult } from "./data/validate.ts";

// indicators
export type {
  AllianceCountOptions,
  AllianceStockFromCountsOptions,
  AllianceStockOptions,
  AllianceStockResult,
} from "./indicators/alliance_stock.ts";
export type { CoherenceOptions } from "./indicators/coherence.ts";
export type {
  BootstrapComplexityOptions,
  BootstrapComplexityResult,
} from "./indicators/bootstrap_complexity.ts";
export type { ComplexityOptions, ComplexityResult, ComplexitySd } from "./indicators/complexity.ts";
export type {
  ComplexityPanelOptions,
  ComplexityPanelResult,
  PanelStandardise,
} from "./indicators/complexity_panel.ts";
export type { PerLabel } from "./indicators/concentration_input.ts";
export type { CooccurrenceOptions } from "./indicators/cooccurrence.ts";
export type { DensityOptions } from "./indicators/density.ts";
export type { EllisonGlaeserOptions } from "./indicators/ellison_glaeser.ts";
export type { EntropyOptions } from "./indicators/entropy.ts";
export type { EntryExitOptions, EntryExitResult } from "./indicators/entry_exit.ts";
export type {
  EntropyWeightOptions,
  EntropyWeightResult,
  EntropyWeightsOptions,
  IndicatorDirection,
} from "./indicators/entropy_weights.ts";
export type { HooverIndexOptions } from "./indicators/hoover_index.ts";
export type { PanelCompositeOptions, PanelCompositeResult, StockSpec } from "./indicators/knowledge_index.ts";
export type { PanelInputOptions } from "./indicators/panel.ts";
export type { KnowledgeStockOptions, KnowledgeStockResult } from "./indicators/knowledge_stock.ts";
export type {
  LongOptions,
  MatrixInput,
  MatrixInputOptions,
  MatrixOptions,
  MatrixTableOptions,
  NestedOptions,
  SeriesOptions,
  SeriesTableOptions,
  WithWarnings,
} from "./indicators/matrix.ts";
export type { MaurelSedillotOptions } from "./indicators/maurel_sedillot.ts";
export type {
  BrokerageOptions,
  BrokerageResult,
  BrokerageRole,
  GroupInput,
} from "./indicators/network/brokerage.ts";
export type {
  CentralityMeasure,
  CentralityOptions,
  CentralityResult,
} from "./indicators/network/centrality.ts";
export type { CommunitiesOptions, CommunitiesResult } from "./indicators/network/communities.ts";
export type { ComponentsOptions, ComponentsResult } from "./indicators/network/components.ts";
export type { CorenessOptions, CorenessResult } from "./indicators/network/coreness.ts";
export type {
  NetworkSnapshot,
  NetworkStatisticsOptions,
  NetworkStatisticsResult,
} from "./indicators/network/network_statistics.ts";
export type { GraphLike, TieGraph, TieGraphOptions, TiesInput } from "./indicators/network/tie_graph.ts";
export type { OpportunityOptions, OpportunityResult } from "./indicators/opportunity.ts";
export type { PresenceConvention, PresenceMatrix, PresenceOptions } from "./indicators/presence.ts";
export type { ProximityOptions } from "./indicators/proximity.ts";
export type {
  RankedFields,
  RankFieldsByComplexityOptions,
  RankFieldsOptions,
} from "./indicators/rank_fields.ts";
export type { ReflectionsOptions, ReflectionsResult } from "./indicators/reflections.ts";
export type { RelatednessMethod, RelatednessOptions } from "./indicators/relatedness.ts";
export type { Portfolio, RelatednessDensityOptions } from "./indicators/relatedness_density.ts";
export type { FromMatrixOptions, SparseBinaryMatrix, SparseProductOptions } from "./indicators/sparse.ts";
export type {
  ScanLongInfo,
  ScanLongOptions,
  ScanLongResult,
  ScanMatricesResult,
  ScanMatrixResult,
} from "./indicators/scan_long.ts";
export type { ShiftShareOptions, ShiftShareResult } from "./indicators/shift_share.ts";
export type { TheilOptions, TheilResult } from "./indicators/theil.ts";
export type { GeoJSONWeightsOptions } from "./indicators/spatial/geojson_weights.ts";
export type { Contiguity, GridWeightsOptions } from "./indicators/spatial/grid_weights.ts";
export type { LisaQuadrant, LocalMoranOptions, LocalMoranResult } from "./indicators/spatial/local_moran.ts";
export type { MoranAssumption, MoranIOptions, MoranIResult } from "./indicators/spatial/moran.ts";
export type { PointWeightsOptions, SpatialPoints } from "./indicators/spatial/point_weights.ts";
export type { SpatialValueColumns, SpatialValues } from "./indicators/spatial/spatial_values.ts";
export type {
  NeighbourList,
  SparseWeights,
  SpatialWeightsOptions,
  WeightsStyle,
} from "./indicators/spatial/weights.ts";

// classify
export type {
  CatchUpClass,
  CatchUpModel,
  CatchUpParams,
  CatchUpSteadyState,
  ClassifyCatchUpFitOptions,
  ClassifyCatchUpOptions,
  FittedCatchUp,
} from "./classify/catch_up.ts";
export type {
  CouplingCoordinationOptions,
  CouplingOptions,
  CouplingResult,
  CouplingVariant,
  LevelBands,
} from "./classify/coupling.ts";
export type { ClassifyEigenvaluesOptions, StabilityResult } from "./classify/fixed_point.ts";
export type {
  GatekeeperClass,
  GatekeepersOptions,
  GatekeepersResult,
  GatekeeperThreshold,
} from "./classify/gatekeepers.ts";
export type {
  ClassifyGovernanceOptions,
  GovernanceDimension,
  GovernanceDimensions,
  GovernanceLagOptions,
  GovernanceMechanism,
  GovernanceOptions,
  GovernanceQuadrant,
  GovernanceQuadrantOptions,
  GovernanceResult,
  GovernanceThresholds,
} from "./classify/governance.ts";
export type {
  GovernanceRecommendation,
  GovernanceRecommendationOptions,
  GovernanceRecommendationOptionsV01,
  GovernanceTrajectoryStep,
} from "./classify/governance_recommendation.ts";
export type {
  ClusterCriteria,
  ClusterLabelKey,
  ClusterResult,
  ClusterThresholds,
  IdentifyClustersOptions,
  TieColumns,
  UsClusterLevel,
  UsLevelKey,
} from "./classify/identify_clusters.ts";
export type {
  ClassifyInteractionOptions,
  ClassifyInteractionsOptions,
  InteractionMode,
  InteractionResult,
} from "./classify/interaction.ts";
export type {
  ClassifyPlatformOptions,
  PlatformOptions,
  PlatformOrder,
  PlatformOrderName,
  PlatformResult,
  PlatformRole,
  RoleHolder,
} from "./classify/platform.ts";

// models
export type { BinaryFit, FitBinaryOptions } from "./models/binary_regression.ts";
export type {
  CatchUpFit,
  CatchUpRatiosOptions,
  CatchUpSimulation,
  FitCatchUpOptions,
  SimulateCatchUpOptions,
  SimulateCatchUpResult,
} from "./models/catch_up.ts";
export type {
  CoevolutionOptions,
  CoevolutionResult,
  SimulateCoevolutionOptions,
} from "./models/coevolution.ts";
export type { DemeanOptions, DemeanReport, Factor } from "./models/fixed_effects.ts";
export type { FitHakenOptions, HakenFit, HakenSeries } from "./models/haken.ts";
export type {
  MarchOptions,
  MarchParams,
  MarchResult,
  MarchSettings,
  SimulateMarchOptions,
} from "./models/march.ts";
export type {
  AgentNetwork,
  AgentNetworkFromGraphOptions,
  NetworkPlatformOptions,
  NetworkSpiralOptions,
  NetworkSpiralResult,
  SimulateNetworkSpiralOptions,
  TypeProfile,
} from "./models/network_spiral.ts";
export type {
  ResolvedTieDynamics,
  TieCandidateOptions,
  TieDynamicsOptions,
  TieFormationRule,
} from "./models/tie_dynamics.ts";
export type { ODEFunction, ODESolution, SolveODEOptions } from "./models/ode.ts";
export type { ODEOptions } from "./models/ode.ts";
export type {
  PolicyParams,
  PolicyScenarioKey,
  PolicyScenarioOptions,
  PolicyScenarioResult,
  PolicyShocks,
} from "./models/policy.ts";
export type { RelatednessEntryOptions, RelatednessEntryResult } from "./models/relatedness_entry.ts";
export type {
  KnowledgeForm,
  PerLevel,
  PowerMultipliersOptions,
  SeciLevel,
  SeciMode,
  SeciRates,
  SimulateSpiralOptions,
  SpiralOptions,
  SpiralResult,
} from "./models/seci.ts";
export type { DesignResult, ParameterRanges } from "./models/design_ranges.ts";
export type { LatinHypercubeOptions } from "./models/latin_hypercube.ts";
export type { SaltelliDesign, SaltelliDesignOptions } from "./models/saltelli_design.ts";
export type { SobolIndicesOptions, SobolIndicesResult } from "./models/sobol_indices.ts";
export type {
  SweepDesign,
  SweepGrid,
  SweepModel,
  SweepModelRef,
  SweepOptions,
  SweepOutput,
  SweepParams,
} from "./models/sweep.ts";
export type {
  EquilibriumResult,
  FixedPoint,
  SimulateSymbiosisOptions,
  StabilityOptions,
  SymbiosisParams,
  SymbiosisResult,
  SymbiosisSimulation,
} from "./models/symbiosis.ts";
export type {
  SynergyDegreeOptions,
  SynergyOptions,
  SynergyPanelOptions,
  SynergyPanelResult,
  SynergyResult,
} from "./models/synergy.ts";

// plot
export type { BrokerageChartOptions } from "./plot/brokerage.ts";
export type { CatchUpChartOptions, CatchUpPoint } from "./plot/catch_up.ts";
export type { CouplingHeatmapOptions } from "./plot/coupling_heatmap.ts";
export type { FigureOptions, PNGOptions, SVGOptions } from "./plot/figure.ts";
export type { MarchChartOptions, MarchPoint } from "./plot/march.ts";
export type { Names, NamesV01 } from "./plot/names.ts";
export type { NetworkSpiralChartOptions } from "./plot/network_spiral.ts";
export type {
  NetworkCategory,
  NetworkChartOptions,
  NetworkLayoutLink,
  NetworkLayoutNode,
  NetworkLayoutOptions,
  PerNode,
} from "./plot/network.ts";
export type { PlatformRoleChartOptions } from "./plot/platform_roles.ts";
export type { PolicyTradeoffChartOptions, PolicyTradeoffOptions } from "./plot/policy_tradeoff.ts";
export type { QuadrantChartOptions } from "./plot/quadrant.ts";
export type { RankIntervalChartOptions } from "./plot/rank_interval.ts";
export type { SeciFlowsChartOptions } from "./plot/seci_flows.ts";
export type { RegionMapOptions } from "./plot/region_map.ts";
export type { SpecialisationHeatmapOptions } from "./plot/specialisation_heatmap.ts";
export type { SpiralChartOptions } from "./plot/spiral.ts";
export type { StarChartOptions } from "./plot/star_chart.ts";
export type { TechnologySpaceChartOptions, TechnologySpaceOptions } from "./plot/technology_space.ts";
export type {
  TechnologySpaceLayout,
  TechnologySpaceLayoutOptions,
  TechnologySpaceLink,
  TechnologySpaceNode,
} from "./plot/technology_space_layout.ts";

// notebook
export type { ClientChart, WidgetScriptOptions } from "./notebook/client_render.ts";
export type { QuadrantExplorerData } from "./notebook/client/quadrant.ts";
export type { SpiralExplorerData, SpiralExplorerRun } from "./notebook/client/spiral.ts";
export type { DataInteractiveOptions } from "./notebook/data_interactive.ts";
export type { Check, CheckResult, ExerciseAnswer, ExerciseOptions } from "./notebook/exercise.ts";
export type { InteractiveOptions, WidgetOptions } from "./notebook/interactive.ts";
export type { InteractiveMode, InteractiveStats, ToPageOptions } from "./notebook/interactive_figure.ts";
export type { QuadrantExplorerOptions } from "./notebook/quadrant_explorer.ts";
export type { SliderSpec, SliderSpecs, SliderValue } from "./notebook/slider.ts";
export type { SpiralExplorerOptions } from "./notebook/spiral_explorer.ts";
export type { ShowTableOptions, TableLike, TableView } from "./notebook/table.ts";

export type { InteractiveFigure } from "./notebook/interactive_figure.ts";
