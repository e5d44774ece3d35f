/**
 * Duplicates and keys: repeated keys are summed only when asked (`duplicates: "sum" | "error"`, a count in a
 * warning when summed) and never across a column that distinguishes observations (a `year`) silently;
 * entity–year uniqueness in the panel classifiers; a symmetric matrix where one is assumed (co-occurrence,
 * proximity); increasing, unique times in fits.
 * @module
 */
import assert from "node:assert/strict";
import {
  ACTIVITY,
  agentNetwork,
  allianceStock,
  catchUpRatios,
  classifyGovernance,
  classifyPlatform,
  couplingCoordination,
  density,
  entropyWeights,
  fitCatchUp,
  gatekeepers,
  knowledgeStock,
  locationQuotient,
  Matrix,
  matrixFrom,
  opportunity,
  panelComposite,
  presence,
  proximity,
  readCSV,
  relatedness,
  relatednessDensity,
  synergyPanel,
  technologySpaceChart,
  validate,
} from "../../src/mod.ts";
import { type Case, file } from "./case.ts";

const pair = (value: number, year?: number) => ({
  region: "R1",
  sector: "I1",
  value,
  ...(year ? { year } : {}),
});
const rows = [pair(3), pair(2), { region: "R2", sector: "I2", value: 1 }];
const across = [pair(3, 2015), pair(2, 2016)];
const s3 = ["a", "b", "c"];
const M = () => matrixFrom([[1, 0, 1], [0, 1, 1]], { regions: ["A", "B"], sectors: s3 });
const asym = () => matrixFrom([[0, 1, 0.2], [0.9, 0, 0.3], [0.2, 0.3, 0]], { regions: s3, sectors: s3 });
const s4 = ["a", "b", "c", "d"];
const asym4 = () =>
  matrixFrom([[0, 1, 0.2, 0.1], [0.9, 0, 0.3, 0.1], [0.2, 0.3, 0, 0.1], [0.1, 0.1, 0.1, 0]], {
    regions: s4,
    sectors: s4,
  });
const governanceRows = [{ entity: "a", year: 1, K: 0.8, A: 0.2 }, { entity: "a", year: 1, K: 0.3, A: 0.35 }];
const times = [0, 5, 10, 15, 20, 25];
const ratios = times.map((t) => 0.8 - 0.6 * Math.exp(-0.1 * t));
const repeatOf = (row: number, of: number) => ({ row, received: new RegExp(`a repeat of row ${of}`) });

/** The cases of the duplicates-and-keys class. */
export const KEYS: Case[] = [
  // matrixFrom and the indicators that read long tables
  {
    name: 'matrixFrom: a repeated region–sector pair is an error by default (duplicates: "error")',
    run: () => matrixFrom(rows),
    expect: { error: { row: 2, column: "region + sector", received: /"R1" × "I1", a repeat of row 1/ } },
  },
  {
    name: 'matrixFrom: duplicates: "sum" adds the repeats and counts them in a warning',
    run: () => matrixFrom(rows, { duplicates: "sum" }),
    expect: {
      warning:
        /^1 repeated region–sector pair\(s\) summed \(duplicates: "sum"\), first "R1" × "I1" \(rows 1 and 2\)$/,
      check: (r) => assert.equal((r as Matrix).get("R1", "I1"), 5),
    },
  },
  {
    name: "matrixFrom: a pair repeated in two years names the years in the error",
    run: () => matrixFrom(across),
    expect: { error: { row: 2, message: /year 2016 vs 2015: filter one year first/ } },
  },
  {
    name: 'matrixFrom: duplicates: "sum" across years says the matrix is a total over years',
    run: () => matrixFrom(across, { duplicates: "sum" }),
    expect: { warning: /different year values \(2: 2015–2016\): the matrix is a total over years/ },
  },
  {
    name: 'matrixFrom: the distinguishing column can be named (year: "period")',
    run: () =>
      matrixFrom([{ region: "A", sector: "s", value: 1, period: "Q1" }, {
        region: "A",
        sector: "s",
        value: 2,
        period: "Q2",
      }], { year: "period" }),
    expect: { error: { message: /period "Q2" vs "Q1"/ } },
  },
  {
    name: "matrixFrom: year: null names no distinguishing column",
    run: () => matrixFrom(across, { year: null }),
    expect: { error: { row: 2, received: /a repeat of row 1/ } },
  },
  {
    name: 'matrixFrom: an unknown duplicates mode ("mean")',
    run: () => matrixFrom(rows, { duplicates: "mean" as "sum" }),
    expect: { error: { subject: /options of matrixFrom/, column: "duplicates", received: /"mean"/ } },
  },
  {
    name: "matrixFrom: more than 50 repeats are counted, not all listed",
    run: () => matrixFrom(Array.from({ length: 80 }, () => pair(1))),
    expect: { error: { column: "region + sector", received: /^79 repeats in all$/ } },
  },
  {
    name: "matrixFrom: one row per pair and year filtered reads without a warning",
    run: () => matrixFrom([pair(3, 2015), { region: "R1", sector: "I2", value: 1, year: 2015 }]),
    expect: { result: (r) => assert.deepEqual((r as Matrix).warnings, []) },
  },
  {
    name: "matrixFrom: nested arrays with a repeated region label",
    run: () => matrixFrom([[1], [2]], { regions: ["A", "A"], sectors: ["s"] }),
    expect: { error: { column: "regions", expected: /unique region labels/ } },
  },
  {
    name: "locationQuotient of a long table with a repeated pair",
    run: () => locationQuotient(rows),
    expect: { error: { subject: /matrix input/, row: 2 } },
  },
  {
    name: 'locationQuotient of a long table with duplicates: "sum" carries the warning',
    run: () => locationQuotient(rows, { duplicates: "sum" }),
    expect: { warning: /repeated region–sector pair\(s\) summed/ },
  },
  {
    name: "presence of a long table with a repeated pair",
    run: () => presence(rows),
    expect: { error: { row: 2, column: "region + sector" } },
  },
  {
    name: "validate ACTIVITY: a repeated region–sector–year key",
    run: () => validate([pair(1, 2015), pair(2, 2015)], ACTIVITY),
    expect: { error: { row: 2, column: "region + sector + year", received: /duplicate of row 1/ } },
  },
  {
    name: "readCSV with ACTIVITY: a repeated key names the file",
    run: () =>
      readCSV(file("dup-key.csv", "region,sector,value,year\nR1,01,3,2015\nR1,01,4,2015\n"), {
        schema: ACTIVITY,
      }),
    expect: { error: { file: "dup-key.csv", row: 2, column: "region + sector + year" } },
  },
  // entity–year uniqueness in panel classifiers and composites
  {
    name: "classifyGovernance: an entity–year twice",
    run: () =>
      classifyGovernance(governanceRows, { knowledge: "K", alliance: "A" }, { bootstrap: { replicates: 0 } }),
    expect: { error: { subject: /input of classifyGovernance/, ...repeatOf(2, 1), column: "entity + year" } },
  },
  {
    name: "classifyGovernance: with the year column named by the option",
    run: () =>
      classifyGovernance(governanceRows.map(({ year, ...r }) => ({ ...r, yr: year })), {
        knowledge: "K",
        alliance: "A",
      }, {
        year: "yr",
        bootstrap: { replicates: 0 },
      }),
    expect: { error: { column: "entity + yr" } },
  },
  {
    name: "classifyGovernance: one row per entity–year classifies",
    run: () =>
      classifyGovernance([{ entity: "a", year: 1, K: 0.8, A: 0.2 }, {
        entity: "a",
        year: 2,
        K: 0.3,
        A: 0.35,
      }], {
        knowledge: "K",
        alliance: "A",
      }, { bootstrap: { replicates: 0 } }),
    expect: { result: (r) => assert.equal((r as { table: { numRows(): number } }).table.numRows(), 2) },
  },
  {
    name: "couplingCoordination: a region–year twice",
    run: () =>
      couplingCoordination(
        [{ region: "A", year: 1, K: 0.25, O: 1 }, { region: "A", year: 1, K: 0.5, O: 1 }],
        ["K", "O"],
      ),
    expect: { error: { subject: /input of couplingCoordination/, row: 2, column: "region + year" } },
  },
  {
    name: "couplingCoordination: an entity–year twice",
    run: () =>
      couplingCoordination(
        [{ entity: "A", year: 1, K: 0.25, O: 1 }, { entity: "A", year: 1, K: 0.5, O: 1 }],
        ["K", "O"],
      ),
    expect: { error: { column: "entity + year" } },
  },
  {
    name: "entropyWeights: an entity–year twice",
    run: () =>
      entropyWeights([{ entity: "a", year: 1, x: 1, y: 2 }, { entity: "a", year: 1, x: 2, y: 3 }, {
        entity: "b",
        year: 1,
        x: 3,
        y: 1,
      }], {
        indicators: { x: "+", y: "+" },
      }),
    expect: { error: { subject: /input of entropyWeights/, row: 2, column: "entity + year" } },
  },
  {
    name: "panelComposite: an entity–year–indicator twice",
    run: () =>
      panelComposite([
        { entity: "A", year: 2020, indicator: "rd", value: 10 },
        { entity: "A", year: 2020, indicator: "rd", value: 5 },
        { entity: "B", year: 2020, indicator: "rd", value: 30 },
      ], { indicators: { rd: "+" } }),
    expect: { error: { row: 2, column: "entity + year + indicator" } },
  },
  {
    name: "synergyPanel: an entity–year–indicator twice (the later value would overwrite the first)",
    run: () =>
      synergyPanel([
        { entity: "A", year: 2020, indicator: "k", value: 1 },
        { entity: "A", year: 2020, indicator: "o", value: 2 },
        { entity: "A", year: 2021, indicator: "k", value: 2 },
        { entity: "A", year: 2021, indicator: "k", value: 9 },
        { entity: "A", year: 2021, indicator: "o", value: 3 },
      ], { k: "knowledge", o: "organisation" }),
    expect: { error: { subject: /input of synergyPanel/, row: 4, column: "entity + year + indicator" } },
  },
  {
    name: "catchUpRatios: the leader twice in one year",
    run: () =>
      catchUpRatios(
        [{ code: "JPN", year: 1960, gdppc: 10 }, { code: "JPN", year: 1960, gdppc: 11 }, {
          code: "KOR",
          year: 1960,
          gdppc: 2.5,
        }],
        "JPN",
        {
          entity: "code",
          value: "gdppc",
        },
      ),
    expect: { error: { subject: /input of catchUpRatios/, row: 2, column: "code + year" } },
  },
  {
    name: "catchUpRatios: a follower twice in one year",
    run: () =>
      catchUpRatios(
        [{ code: "JPN", year: 1960, gdppc: 10 }, { code: "KOR", year: 1960, gdppc: 2 }, {
          code: "KOR",
          year: 1960,
          gdppc: 2.5,
        }],
        "JPN",
        {
          entity: "code",
          value: "gdppc",
        },
      ),
    expect: { error: { row: 3, column: "code + year" } },
  },
  {
    name: "knowledgeStock: a year twice",
    run: () =>
      knowledgeStock([{ year: 2000, value: 100 }, { year: 2000, value: 100 }, { year: 2001, value: 100 }]),
    expect: { error: { row: 2, column: "year", expected: /consecutive years/ } },
  },
  {
    name: "knowledgeStock: an entity–year twice",
    run: () =>
      knowledgeStock([{ entity: "a", year: 2000, value: 100 }, { entity: "a", year: 2000, value: 50 }]),
    expect: { error: { row: 2, column: "year", expected: /for entity "a"/ } },
  },
  {
    name: "classifyPlatform: a case–role twice",
    run: () =>
      classifyPlatform([{ case: "ZGC", role: "initiator", holder: "public" }, {
        case: "ZGC",
        role: "initiator",
        holder: "private",
      }]),
    expect: { error: { row: 2, column: "case + role" } },
  },
  {
    name: "gatekeepers: an organisation id twice",
    run: () =>
      gatekeepers([{ source: "u", target: "f" }], [
        { id: "u", type: "university", region: "R" },
        { id: "u", type: "firm", region: "R" },
        { id: "f", type: "firm", region: "R" },
      ]),
    expect: { error: { expected: /a unique id/ } },
  },
  {
    name: "allianceStock: an organisation id twice",
    run: () =>
      allianceStock([{ source: "u", target: "f", year: 2020 }], [
        { id: "u", name: "U", type: "university", region: "R" },
        { id: "u", name: "U2", type: "firm", region: "R" },
        { id: "f", name: "F", type: "firm", region: "R" },
      ]),
    expect: { error: { expected: /a unique id/ } },
  },
  {
    name: "agentNetwork: a repeated tie is merged and counted in a warning",
    run: () =>
      agentNetwork([{ id: "a", type: "firm" }, { id: "b", type: "university" }], [{
        source: "a",
        target: "b",
      }, { source: "b", target: "a" }]),
    expect: { warning: /^1 repeated ties merged \(weights summed\)$/ },
  },
  // symmetric matrices where one is assumed
  {
    name: "density: an asymmetric proximity",
    run: () => density(M(), { phi: asym() }),
    expect: {
      error: {
        subject: /input of density/,
        row: 1,
        column: "b",
        expected: /a symmetric phi/,
        received: /1 vs 0\.9/,
      },
    },
  },
  {
    name: "relatednessDensity: an asymmetric relatedness",
    run: () => relatednessDensity(M(), asym()),
    expect: { error: { subject: /input of relatednessDensity/, expected: /symmetric/ } },
  },
  {
    name: "opportunity: an asymmetric proximity",
    run: () => opportunity(M(), { phi: asym() }),
    expect: { error: { subject: /input of opportunity/, expected: /symmetric/ } },
  },
  {
    name: "relatedness: an asymmetric co-occurrence matrix",
    run: () => relatedness(asym(), { method: "cosine" }),
    expect: { error: { subject: /input of relatedness/, expected: /a symmetric C/ } },
  },
  {
    name: "technologySpaceChart: an asymmetric proximity",
    run: () => technologySpaceChart(asym4()),
    expect: { error: { subject: /input of technologySpaceChart/, expected: /symmetric/ } },
  },
  {
    name: "relatednessDensity: a negative relatedness",
    run: () =>
      relatednessDensity(
        M(),
        matrixFrom([[0, -1, 0.2], [-1, 0, 0.3], [0.2, 0.3, 0]], { regions: s3, sectors: s3 }),
      ),
    expect: { error: { row: 1, column: "b", expected: /phi: a finite number ≥ 0/ } },
  },
  {
    name: "density: a proximity symmetric up to rounding (1e-15) is accepted",
    run: () =>
      density(M(), {
        phi: matrixFrom([[0, 0.5, 0.1 + 1e-17], [0.5, 0, 0.3], [0.1, 0.3, 0]], { regions: s3, sectors: s3 }),
      }),
    expect: { result: (r) => assert.equal((r as Matrix).nrow, 2) },
  },
  {
    name: "density: proximity() output in another sector order is aligned, symmetric by construction",
    run: () => {
      const phi = proximity(M());
      const reordered = matrixFrom(phi.toArrays().reverse().map((r) => [...r].reverse()), {
        regions: [...phi.rows].reverse(),
        sectors: [...phi.cols].reverse(),
      });
      return density(M(), { phi: reordered });
    },
    expect: { result: (r) => assert.deepEqual((r as Matrix).toArrays(), density(M()).toArrays()) },
  },
  // increasing, unique times in fits
  {
    name: "fitCatchUp: unsorted times",
    run: () => fitCatchUp([0, 10, 5, 15, 20, 25], ratios),
    expect: {
      error: { subject: /series of fitCatchUp/, row: 3, column: "time", received: /5, before row 2 \(10\)/ },
    },
  },
  {
    name: "fitCatchUp: a repeated time",
    run: () => fitCatchUp([0, 5, 5, 15, 20, 25], ratios),
    expect: { error: { row: 3, column: "time", received: /5, the same as row 2/ } },
  },
  {
    name: "fitCatchUp: decreasing times",
    run: () => fitCatchUp([...times].reverse(), ratios),
    expect: { error: { row: 2, column: "time", expected: /strictly increasing/ } },
  },
  {
    name: "fitCatchUp: increasing times fit the closed form",
    run: () => fitCatchUp(times, ratios, { model: "nelson-phelps" }),
    expect: { result: (r) => assert.ok(Math.abs((r as { speed: number }).speed - 0.1) < 1e-6) },
  },
];
