import assert from "node:assert/strict";
import { startTeam } from "../../src/core/kernel_team.ts";

const shared = (n: number) => new Float64Array(new SharedArrayBuffer(8 * n));

/** Phase 0: y_i = Σ_{j ≤ i} x_j / (j + 1); phase 1: z_i = y_i · x_i (reads the whole y of phase 0). */
function twoPhases(
  a: { x: Float64Array; y: Float64Array; z: Float64Array; bad: number },
  phase: number,
  lo: number,
  hi: number,
): void {
  for (let i = lo; i < hi; i++) {
    if (i === a.bad && phase === 1) throw new Error(`row ${i} fails`);
    if (phase === 0) {
      let s = 0;
      for (let j = 0; j <= i; j++) s += a.x[j]! / (j + 1);
      a.y[i] = s;
    } else a.z[i] = a.y[a.y.length - 1 - i]! * a.x[i]!;
  }
}

function run(threads: number, bad = -1) {
  const n = 1500;
  const x = shared(n);
  for (let i = 0; i < n; i++) x[i] = Math.cos(i) + 1.5;
  const args = { x, y: shared(n), z: shared(n), bad };
  const team = startTeam(threads, twoPhases, args, { phases: [{ n }, { n }] });
  try {
    for (let k = 0; k < 5; k++) { // repeated calls, as an eigen-solver makes them
      team.run(0);
      team.run(1);
      x[k] += 0.25; // the calling thread changes the input between calls
    }
  } finally {
    team.close();
  }
  return Array.from(args.z);
}

Deno.test("startTeam: 2 and 3 threads give the serial bits over repeated phased calls", () => {
  const serial = run(1);
  assert.deepEqual(run(2), serial);
  assert.deepEqual(run(3), serial);
  assert.ok(serial.every(Number.isFinite));
});

Deno.test("startTeam: an argument not on shared memory is refused", () => {
  const k = (a: { x: Float64Array }, _p: number, lo: number, hi: number) => void a.x.subarray(lo, hi);
  assert.throws(() => startTeam(2, k, { x: new Float64Array(4) }, { phases: [{ n: 4 }] }), /argument x/);
});

Deno.test("startTeam: a worker's error is thrown on the calling thread", () => {
  assert.throws(() => run(2, 1400), /row 1400 fails/); // 1400 is in the worker's block
  assert.throws(() => run(1, 1400), /row 1400 fails/);
});

Deno.test("startTeam: a closed team lets the process exit (workers leave their Atomics.wait loops)", async () => {
  const mod = new URL("../../src/core/kernel_team.ts", import.meta.url).href;
  const script = `
    import { startTeam } from ${JSON.stringify(mod)};
    function k(a, phase, lo, hi) { for (let i = lo; i < hi; i++) a.y[i] = phase + a.x[i]; }
    const x = new Float64Array(new SharedArrayBuffer(800)).fill(1), y = new Float64Array(new SharedArrayBuffer(800));
    const team = startTeam(3, k, { x, y }, { phases: [{ n: 100 }, { n: 100 }] });
    team.run(1);
    team.close();
    console.log(y[99]);`;
  const file = await Deno.makeTempFile({ suffix: ".js" });
  try {
    await Deno.writeTextFile(file, script);
    const child = new Deno.Command(Deno.execPath(), { args: ["run", "-A", file], stdout: "piped" }).spawn();
    const timer = setTimeout(() => child.kill(), 30_000);
    const out = await child.output();
    clearTimeout(timer);
    assert.equal(out.code, 0, "the process did not exit by itself");
    assert.equal(new TextDecoder().decode(out.stdout).trim(), "2");
  } finally {
    await Deno.remove(file);
  }
});
