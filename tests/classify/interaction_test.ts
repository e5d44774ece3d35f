import assert from "node:assert/strict";
import {
  classifyInteraction,
  classifyInteractions,
  INTERACTION_MODES,
} from "../../src/classify/interaction.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

Deno.test("classifyInteraction(): the six Pistorius & Utterback modes, with tolerance and Chinese labels", () => {
  assert.equal(classifyInteraction(-0.3, -0.2).mode, "competition");
  assert.equal(classifyInteraction(0.3, 0.2).mode, "mutualism");
  const pp = classifyInteraction(0.3, -0.2);
  assert.equal(pp.mode, "predatorPrey");
  assert.equal(pp.beneficiary, "i");
  assert.equal(classifyInteraction(-0.3, 0.2).beneficiary, "j");
  assert.equal(classifyInteraction(0.3, 0.01).mode, "commensalism");
  assert.equal(classifyInteraction(0.3, 0.01, { tolerance: 0 }).mode, "mutualism");
  assert.equal(classifyInteraction(-0.3, 0).mode, "amensalism");
  assert.equal(classifyInteraction(0.04, -0.04).mode, "neutralism");
  assert.equal(classifyInteraction(0.5, 0.5, { lang: "zh" }).label, "互利共生");
  const t = classifyInteractions([[0, 0.2, -0.3], [0.1, 0, 0], [-0.4, 0, 0]], {
    populations: ["K", "O", "I"],
  });
  assert.deepEqual(t.array("mode"), ["mutualism", "competition", "neutralism"]);
});

Deno.test("classifyInteraction(): |σ| equal to the tolerance is neutral, just above it counts", () => {
  // the sign rule is sgn(σ) = 0 when |σ| ≤ tolerance (default 0.05)
  assert.deepEqual(classifyInteraction(0.05, -0.05).signs, [0, 0]);
  assert.equal(classifyInteraction(0.05, -0.05).mode, "neutralism");
  const c = classifyInteraction(0.0500001, 0.05);
  assert.equal(c.mode, "commensalism");
  assert.equal(c.beneficiary, "i");
  const a = classifyInteraction(0.2, -0.2, { tolerance: 0.2 });
  assert.equal(a.mode, "neutralism");
  const h = classifyInteraction(0, -0.2000001, { tolerance: 0.2 });
  assert.deepEqual([h.mode, h.beneficiary], ["amensalism", "j"]);
});

Deno.test("classifyInteractions(): one row per pair i < j with labels in the language asked", () => {
  const t = classifyInteractions([[0, 0.3, 0], [-0.2, 0, 0], [0, 0, 0]], { lang: "zh" });
  assert.deepEqual(t.objects(), [
    {
      i: "P1",
      j: "P2",
      sigma_ij: 0.3,
      sigma_ji: -0.2,
      mode: "predatorPrey",
      label: INTERACTION_MODES.predatorPrey.zh,
    },
    { i: "P1", j: "P3", sigma_ij: 0, sigma_ji: 0, mode: "neutralism", label: "中性共存" },
    { i: "P2", j: "P3", sigma_ij: 0, sigma_ji: 0, mode: "neutralism", label: "中性共存" },
  ]);
});

Deno.test("invalid interaction parameters name the parameter", () => {
  assert.throws(() => classifyInteraction(NaN, 0), /sigmaIJ/);
  assert.throws(() => classifyInteraction(0, 0, { tolerance: -0.1 }), /tolerance/);
  assert.throws(() => classifyInteraction(0, 0, { lang: "fr" as never }), ValidationError);
  assert.throws(() => classifyInteractions([[0, 1], [1, 0]], { populations: ["K"] }), /populations/);
  assert.throws(() => classifyInteractions([[0, 1], [1]]), /sigma\[1\]/);
});

Deno.test("classifyInteractions(σ, { names }): the 0.1 option names equals populations", () => {
  const sigma = [[0, 0.2, -0.3], [0.1, 0, 0], [-0.4, 0, 0]];
  assert.deepEqual(
    classifyInteractions(sigma, { names: ["K", "O", "I"], lang: "zh" }).objects(),
    classifyInteractions(sigma, { populations: ["K", "O", "I"], lang: "zh" }).objects(),
  );
  assert.throws(() => classifyInteractions([[0, 1], [1, 0]], { names: ["K"] }), /column "names"/);
  assert.throws(
    () => classifyInteractions(sigma, { names: ["K", "O", "I"], populations: ["K", "O", "I"] }),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "names",
  );
});
