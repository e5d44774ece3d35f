import assert from "node:assert/strict";
import { fitBinary } from "../../src/models/binary_regression.ts";
import { Random } from "../../src/core/random.ts";

const f64 = (v: number[]) => Float64Array.from(v);
const close = (a: number, b: number, tol: number, what = "value") =>
  assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);

Deno.test("fitBinary lpm: OLS slope, intercept and classical standard errors in closed form", () => {
  const x = [0, 1, 2, 3, 4], y = [0, 0, 1, 0, 1];
  const n = 5, mx = 2, my = 0.4;
  const sxx = x.reduce((s, v) => s + (v - mx) ** 2, 0); // 10
  const sxy = x.reduce((s, v, i) => s + (v - mx) * (y[i]! - my), 0); // 2
  const b = sxy / sxx, a = my - b * mx;
  const rss = y.reduce((s, v, i) => s + (v - a - b * x[i]!) ** 2, 0);
  const s2 = rss / (n - 2);
  const fit = fitBinary(f64(y), [f64(x)], { model: "lpm", names: ["x"] });
  assert.deepEqual(fit.names, ["(intercept)", "x"]);
  close(fit.estimate[1]!, b, 1e-14, "slope");
  close(fit.estimate[0]!, a, 1e-14, "intercept");
  close(fit.se[1]!, Math.sqrt(s2 / sxx), 1e-14, "se slope");
  close(fit.se[0]!, Math.sqrt(s2 * (1 / n + mx ** 2 / sxx)), 1e-14, "se intercept");
  assert.equal(fit.k, 2);
});

Deno.test("fitBinary logit: a binary regressor has the closed form logit(p₁) − logit(p₀), SE √(Σ 1/(n p q))", () => {
  // x = 0: 2 of 8 are 1; x = 1: 6 of 10 are 1
  const y = [1, 1, 0, 0, 0, 0, 0, 0, ...Array(6).fill(1), ...Array(4).fill(0)];
  const x = [...Array(8).fill(0), ...Array(10).fill(1)];
  const logit = (p: number) => Math.log(p / (1 - p));
  const fit = fitBinary(f64(y), [f64(x)]);
  assert.ok(fit.converged);
  close(fit.estimate[0]!, logit(2 / 8), 1e-10, "intercept");
  close(fit.estimate[1]!, logit(6 / 10) - logit(2 / 8), 1e-10, "slope");
  const v0 = 1 / (8 * 0.25 * 0.75), v1 = 1 / (10 * 0.6 * 0.4);
  close(fit.se[0]!, Math.sqrt(v0), 1e-9, "se intercept");
  close(fit.se[1]!, Math.sqrt(v0 + v1), 1e-9, "se slope");
  // log-likelihood: Σ n [p log p + q log q] over the two cells
  const ll = 8 * (0.25 * Math.log(0.25) + 0.75 * Math.log(0.75)) +
    10 * (0.6 * Math.log(0.6) + 0.4 * Math.log(0.4));
  close(fit.logLikelihood, ll, 1e-12, "log-likelihood");
});

/** Seeded data: groups with their own level, one regressor correlated with the groups. */
function synthetic(seed: number, n: number, groups: number) {
  const rng = new Random(seed);
  const g = Int32Array.from({ length: n }, () => rng.int(groups));
  const h = Int32Array.from({ length: n }, () => rng.int(4));
  const alpha = Array.from({ length: groups }, () => rng.normal({ sd: 0.7 }));
  const x = Float64Array.from(g, (gi) => rng.normal() + 0.3 * alpha[gi]!);
  const y = Float64Array.from(
    x,
    (xi, i) => (rng.next() < 1 / (1 + Math.exp(-(-0.5 + xi + alpha[g[i]!]!))) ? 1 : 0),
  );
  return { g, h, x, y };
}

Deno.test("fitBinary: absorbed fixed effects give the same slope, SEs and fit as explicit dummies (FWL)", () => {
  const { g, h, x, y } = synthetic(3, 400, 6);
  const dummies = [
    ...Array.from({ length: 5 }, (_, k) => Float64Array.from(g, (v) => (v === k + 1 ? 1 : 0))),
    ...Array.from({ length: 3 }, (_, k) => Float64Array.from(h, (v) => (v === k + 1 ? 1 : 0))),
  ];
  const fe = [{ name: "g", codes: g, levels: 6 }, { name: "h", codes: h, levels: 4 }];
  for (const model of ["logit", "lpm"] as const) {
    const absorbed = fitBinary(y, [x], { model, fixedEffects: fe, cluster: fe[0], correction: "cr1" });
    const explicit = fitBinary(y, [x, ...dummies], { model, cluster: fe[0], correction: "cr1" });
    assert.equal(absorbed.names.length, 1);
    assert.equal(absorbed.k, explicit.k, "K counts the dummies");
    close(absorbed.estimate[0]!, explicit.estimate[1]!, 1e-9, `${model} slope`);
    close(absorbed.se[0]!, explicit.se[1]!, 1e-8, `${model} cluster se`);
    for (let i = 0; i < 400; i += 37) {
      close(absorbed.fitted[i]!, explicit.fitted[i]!, 1e-9, `${model} fitted ${i}`);
    }
    if (model === "logit") close(absorbed.logLikelihood, explicit.logLikelihood, 1e-10, "log-likelihood");
  }
});

Deno.test("fitBinary: the cluster factor is G/(G−1) for Stata's logit, G/(G−1)·(N−1)/(N−K) for the LPM and cr1", () => {
  const { g, x, y } = synthetic(8, 300, 9);
  const cluster = { name: "g", codes: g, levels: 9 };
  const G = 9, N = 300, K = 2;
  const stata = fitBinary(y, [x], { cluster }), cr1 = fitBinary(y, [x], { cluster, correction: "cr1" });
  close(cr1.se[1]! ** 2 / stata.se[1]! ** 2, (N - 1) / (N - K), 1e-12, "logit: cr1 / stata");
  const lpm = fitBinary(y, [x], { model: "lpm", cluster }),
    lpmCr1 = fitBinary(y, [x], { model: "lpm", cluster, correction: "cr1" });
  assert.deepEqual(lpm.se, lpmCr1.se);
  assert.equal(stata.clusters, G);
  const one = fitBinary(y, [x], { cluster: { name: "g", codes: new Int32Array(300), levels: 1 } });
  assert.ok(Number.isNaN(one.se[1]!) && one.warnings.some((w) => /at least 2/.test(w)));
});

Deno.test("fitBinary logit: perfect prediction by a level is dropped; separation and no variation are reported", () => {
  // level 2 has only zeros: dropped with its 3 rows
  const y = f64([1, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0]);
  const x = f64([0.2, 0.1, 0.9, 0.5, 0.7, 0.3, 0.6, 0.4, 0.1, 0.2, 0.3]);
  const codes = Int32Array.from([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2]);
  const fit = fitBinary(y, [x], { fixedEffects: [{ name: "region", codes, levels: 3 }] });
  assert.equal(fit.n, 8);
  assert.deepEqual(Array.from(fit.used), [1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0]);
  assert.match(
    fit.warnings[0]!,
    /1 region level\(s\) predict the outcome perfectly \(1 with only 0s, 0 with only 1s\): their 3 observation\(s\)/,
  );
  // complete separation by x: the slope diverges
  const sep = fitBinary(f64([0, 0, 0, 1, 1, 1]), [f64([1, 2, 3, 4, 5, 6])], { maxIterations: 25 });
  assert.ok(
    sep.warnings.some((w) => /separates the outcomes \(completely\)/.test(w)),
    sep.warnings.join("; "),
  );
  assert.ok(sep.warnings.some((w) => /numerically 0 or 1/.test(w)));
  const flat = fitBinary(f64([0, 0, 0]), [f64([1, 2, 3])]);
  assert.ok(Number.isNaN(flat.estimate[1]!) && /no variation/.test(flat.warnings[0]!));
  // the LPM has no such problem
  assert.equal(fitBinary(f64([0, 0, 0, 1]), [f64([1, 2, 3, 4])], { model: "lpm" }).warnings.length, 0);
});

Deno.test("fitBinary: a regressor constant within the fixed effects is not identified", () => {
  const codes = Int32Array.from([0, 0, 1, 1]);
  const fit = fitBinary(f64([0, 1, 0, 1]), [f64([3, 3, 5, 5])], {
    model: "lpm",
    fixedEffects: [{ name: "g", codes, levels: 2 }],
  });
  assert.ok(Number.isNaN(fit.estimate[0]!));
  assert.ok(fit.warnings.some((w) => /collinear/.test(w)));
});
