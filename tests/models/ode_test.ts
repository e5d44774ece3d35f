import assert from "node:assert/strict";
import { solveODE } from "../../src/models/ode.ts";
import { ValidationError } from "../../src/core/validation_error.ts";

const logistic = (_t: number, y: Float64Array, dy: Float64Array) => {
  dy[0] = 0.8 * y[0]! * (1 - y[0]! / 10);
};
const exact = (t: number) => 10 / (1 + 9 * Math.exp(-0.8 * t)); // y(0) = 1

Deno.test("solveODE() dopri5 matches the logistic closed form to 1e-7 relative", () => {
  const s = solveODE(logistic, [1], 20, { dt: 0.5 });
  assert.equal(s.t.length, 41);
  for (let k = 0; k < s.t.length; k++) {
    const e = exact(s.t[k]!);
    assert.ok(Math.abs(s.y[k]! - e) / e < 1e-7, `t=${s.t[k]}: ${s.y[k]} vs ${e}`);
  }
  assert.deepEqual(s.warnings, []);
});

Deno.test("solveODE() rk4 with h = 0.01 matches the logistic closed form to 1e-9", () => {
  const s = solveODE(logistic, [1], 10, { dt: 1, method: "rk4", step: 0.01 });
  for (let k = 0; k < s.t.length; k++) assert.ok(Math.abs(s.y[k]! - exact(s.t[k]!)) < 1e-9);
  assert.equal(s.stats.steps, 1000);
});

Deno.test("solveODE() rk4 error is fourth order: halving h divides the error by about 16", () => {
  const err = (h: number) =>
    Math.abs(solveODE(logistic, [1], 5, { method: "rk4", dt: 5, step: h }).at(5)[0]! - exact(5));
  const ratio = err(0.2) / err(0.1);
  assert.ok(ratio > 14 && ratio < 18, `ratio ${ratio}`);
});

Deno.test("solveODE() solves the linear system ẋ = y, ẏ = −x (rotation) to 1e-7", () => {
  const s = solveODE(
    (_t, y, dy) => {
      dy[0] = y[1]!;
      dy[1] = -y[0]!;
    },
    [1, 0],
    20,
    { dt: 1 },
  );
  for (let k = 0; k < s.t.length; k++) {
    assert.ok(Math.abs(s.y[2 * k]! - Math.cos(s.t[k]!)) < 1e-7);
    assert.ok(Math.abs(s.y[2 * k + 1]! + Math.sin(s.t[k]!)) < 1e-7);
  }
  assert.deepEqual([...s.component(0)].length, 21);
});

Deno.test("solveODE() reports blow-up as a warning and returns the finite part", () => {
  // ẏ = y², y(0) = 1 blows up at t = 1
  const s = solveODE(
    (_t, y, dy) => {
      dy[0] = y[0]! * y[0]!;
    },
    [1],
    2,
    { dt: 0.25 },
  );
  assert.ok(s.warnings.length === 1, s.warnings.join());
  assert.ok(s.t.at(-1)! < 1 + 1e-9);
  assert.ok(Math.abs(s.at(0.75)[0]! - 4) < 1e-6);
});

Deno.test("solveODE() rejects bad options with a ValidationError naming the parameter", () => {
  assert.throws(() => solveODE(logistic, [1], -1), (e: unknown) => {
    assert.ok(e instanceof ValidationError);
    assert.equal(e.issues[0]!.column, "tEnd");
    return true;
  });
  assert.throws(() => solveODE(logistic, [NaN], 1), /y0\[0\]/);
  assert.throws(() => solveODE(logistic, [1], 1, { method: "euler" as "rk4" }), /method/);
});

Deno.test("solveODE() linear system with real eigenvalues −1, −2 (closed form): dopri5 to 1e-7, rk4 to 1e-9", () => {
  // ẋ = −x + y, ẏ = −2y: y = y0 e^{−2t}, x = (x0 + y0) e^{−t} − y0 e^{−2t}
  const f = (_t: number, v: Float64Array, dv: Float64Array) => {
    dv[0] = -v[0]! + v[1]!;
    dv[1] = -2 * v[1]!;
  };
  const x = (t: number) => 3 * Math.exp(-t) - 2 * Math.exp(-2 * t);
  const y = (t: number) => 2 * Math.exp(-2 * t);
  for (const [method, tol] of [["dopri5", 1e-7], ["rk4", 1e-9]] as const) {
    const s = solveODE(f, [1, 2], 10, { dt: 0.5, method, step: 0.01 });
    assert.equal(s.t.length, 21);
    for (let k = 0; k < s.t.length; k++) {
      assert.ok(Math.abs(s.y[2 * k]! - x(s.t[k]!)) < tol, `${method} x(${s.t[k]})`);
      assert.ok(Math.abs(s.y[2 * k + 1]! - y(s.t[k]!)) < tol, `${method} y(${s.t[k]})`);
    }
  }
});

Deno.test("solveODE() non-autonomous ẏ = t·y: both methods evaluate f at the right times (y = e^{t²/2})", () => {
  // Time enters f, so the stage times t + c_i·h (Dormand–Prince c = 1/5, 3/10, 4/5, 8/9, 1; RK4 1/2, 1/2, 1)
  // matter: a wrong c_i changes the solution, unlike on the autonomous systems above.
  const f = (t: number, y: Float64Array, dy: Float64Array) => {
    dy[0] = t * y[0]!;
  };
  const d = solveODE(f, [1], 2, { dt: 0.5 });
  const r = solveODE(f, [1], 2, { dt: 0.5, method: "rk4", step: 0.001 });
  assert.deepEqual([...d.t], [0, 0.5, 1, 1.5, 2]);
  for (let k = 0; k < d.t.length; k++) {
    const exact = Math.exp(d.t[k]! ** 2 / 2);
    assert.ok(Math.abs(d.y[k]! / exact - 1) < 1e-7, `dopri5 t = ${d.t[k]}: ${d.y[k]} vs ${exact}`);
    assert.ok(Math.abs(r.y[k]! / exact - 1) < 1e-9, `rk4 t = ${r.t[k]}: ${r.y[k]} vs ${exact}`);
  }
});

Deno.test("solveODE(f, y0, { tEnd, … }): the 0.1 form equals solveODE(f, y0, tEnd, { … })", () => {
  const f = (_t: number, y: Float64Array, dy: Float64Array) => void (dy[0] = y[0]! * (1 - y[0]!));
  for (const o of [{ dt: 0.5 }, { dt: 1, method: "rk4", step: 0.01 }] as const) {
    const v01 = solveODE(f, [0.1], { tEnd: 10, ...o }), today = solveODE(f, [0.1], 10, o);
    assert.deepEqual([Array.from(v01.t), Array.from(v01.y)], [Array.from(today.t), Array.from(today.y)]);
  }
  assert.throws(() => solveODE(f, [0.1], { tEnd: -1 }), /tEnd/);
  assert.throws(
    () => solveODE(f, [0.1], { tEnd: 5, dt: 1 } as unknown as number, { dt: 0.5 }),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.column === "dt",
  );
});
