import assert from "node:assert/strict";
import {
  type ProgressOptions,
  type ProgressReporter,
  progressReporter,
  registerProgressDisplay,
} from "../../src/core/progress.ts";

Deno.test("progressReporter: a reporter as given; the 0.1 values false (none) and display options (the registered display)", () => {
  const reporter: ProgressReporter = { start() {}, tick() {}, done() {} };
  assert.equal(progressReporter(reporter), reporter);
  assert.equal(progressReporter(undefined), undefined);
  assert.equal(progressReporter(false), undefined);
  const built: ProgressOptions[] = [];
  const previous = registerProgressDisplay((options) => {
    built.push(options);
    return reporter;
  });
  try {
    assert.equal(progressReporter({ target: "none" }, { label: "sweep" }), reporter);
    assert.deepEqual(built, [{ label: "sweep", target: "none" }]); // defaults under the given options
    assert.equal(progressReporter({ label: "mine" }, { label: "sweep" }), reporter);
    assert.deepEqual(built[1], { label: "mine" });
    registerProgressDisplay(undefined);
    assert.equal(progressReporter({ label: "mine" }), undefined); // no display registered: none
  } finally {
    registerProgressDisplay(previous);
  }
});
