import assert from "node:assert/strict";
import type {
  CatchUpSimulation,
  CoevolutionOptions,
  CouplingOptions,
  GovernanceOptions,
  GovernanceRecommendationOptionsV01,
  MarchOptions,
  NetworkSpiralOptions,
  ODEOptions,
  PlatformOptions,
  PlatformOrderName,
  PolicyTradeoffOptions,
  RankFieldsOptions,
  SpiralOptions,
  SymbiosisSimulation,
  SynergyOptions,
  TechnologySpaceOptions,
  TieColumns,
} from "clusterlab/types";
import {
  classifyGovernance,
  couplingCoordination,
  governanceRecommendation,
  simulateCatchUp,
  simulateMarch,
  simulateSpiral,
  simulateSymbiosis,
  solveODE,
} from "clusterlab";

Deno.test("the 0.1 names of option types are deprecated aliases the 0.1 calls still type-check with", () => {
  const spiral: SpiralOptions = { steps: 5, order: "public_hierarchy" satisfies PlatformOrderName };
  assert.equal(
    simulateSpiral(spiral).stocks.numRows(),
    simulateSpiral({ steps: 5, order: "public_hierarchy" }).stocks.numRows(),
  );
  const march: MarchOptions = { p1: 0.5, p2: 0.5, runs: 3, seed: 2 };
  assert.equal(
    simulateMarch(march).knowledge,
    simulateMarch({ p1: 0.5, p2: 0.5 }, { runs: 3, seed: 2 }).knowledge,
  );
  const sym: SymbiosisSimulation = { r: [1, 1], N: [1, 1], sigma: [[0, 0], [0, 0]], x0: [0.5, 0.5], tEnd: 5 };
  assert.deepEqual(simulateSymbiosis(sym).final, simulateSymbiosis(sym, sym.x0, { tEnd: 5 }).final);
  const catchUp: CatchUpSimulation = { c: 0.05, gLeader: 0.02, ratio0: 0.3, tEnd: 10 };
  assert.deepEqual(simulateCatchUp(catchUp).steady, simulateCatchUp(catchUp, 0.3, { tEnd: 10 }).steady);
  const ode: ODEOptions = { tEnd: 1, dt: 0.5 };
  assert.deepEqual([...solveODE((_t, y, dy) => void (dy[0] = -y[0]!), [1], ode).y].length, 3);
  const coupling: CouplingOptions = { subsystems: ["K", "O"] };
  assert.equal(couplingCoordination([{ K: 0.25, O: 1 }], coupling).table.get("C", 0), 0.8);
  const governance: GovernanceOptions = {
    knowledge: "K",
    alliance: "A",
    id: ["entity"],
    bootstrap: { replicates: 0 },
  };
  const gov = classifyGovernance([{ entity: "a", year: 1, K: 0.7, A: 0.2 }], governance);
  assert.deepEqual(gov.table.columnNames().slice(0, 2), ["entity", "K"]);
  const rec: GovernanceRecommendationOptionsV01 = { name: "Alpha" };
  const full = classifyGovernance([{ entity: "a", year: 1, K: 0.7, A: 0.2 }], {
    knowledge: "K",
    alliance: "A",
  }, {
    bootstrap: { replicates: 0 },
  });
  assert.ok(governanceRecommendation(full, "a", rec).text.en.startsWith("Alpha 1"));
  // the pure renames: each is today's type
  const others: [
    CoevolutionOptions,
    NetworkSpiralOptions,
    PlatformOptions,
    PolicyTradeoffOptions,
    RankFieldsOptions,
    SynergyOptions,
    TechnologySpaceOptions,
    TieColumns,
  ] = [{ tEnd: 1 }, { steps: 1 }, { lang: "zh" }, { kind: "tradeoff" }, { economy: "e" }, {
    aggregate: "linear",
  }, {
    labels: {},
  }, { weight: "w" }];
  assert.equal(others.length, 8);
});
