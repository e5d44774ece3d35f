import assert from "node:assert/strict";
import { parallelRows, sharedFloat64, splitRows, threadCount } from "../../src/core/parallel.ts";

/** out[i] = Σ_{j ≤ i} 1/(j + 1) · x[i]: rounding depends on the order, so a wrong split would show in the bits. */
function harmonic(a: { x: Float64Array; out: Float64Array }, lo: number, hi: number): void {
  for (let i = lo; i < hi; i++) a.out[i] = scaledHarmonic(a.x[i]!, i);
}
function scaledHarmonic(x: number, i: number): number {
  let s = 0;
  for (let j = 0; j <= i; j++) s += x / (j + 1);
  return s;
}
function failsAt(a: { out: Float64Array; bad: number }, lo: number, hi: number): void {
  for (let i = lo; i < hi; i++) {
    if (i === a.bad) throw new Error(`row ${i} fails`);
    a.out[i] = i;
  }
}

Deno.test("threadCount: auto stays serial for little work, numbers are validated and capped by rows", () => {
  assert.equal(threadCount(10, 100, "auto"), 1);
  assert.equal(threadCount(1e12, 1, "auto"), 1);
  assert.ok(threadCount(1e12, 100, "auto") >= 1 && threadCount(1e12, 100, "auto") <= 4);
  assert.equal(threadCount(1, 10, 3), 3);
  assert.equal(threadCount(1, 2, 3), 2);
  assert.throws(() => threadCount(1, 10, 0), RangeError);
  assert.throws(() => threadCount(1, 10, 1.5), /integer ≥ 1, received 1.5/);
});

Deno.test("splitRows: contiguous blocks covering every row once, balanced by the cumulative cost", () => {
  assert.deepEqual(splitRows(10, 2), [0, 5, 10]);
  assert.deepEqual(splitRows(3, 3), [0, 1, 2, 3]);
  // row 0 costs 8 of 10: two parts cut right after it
  assert.deepEqual(splitRows(3, 2, [0, 8, 9, 10]), [0, 1, 3]);
  // more parts than rows: empty blocks, still in order
  assert.deepEqual(splitRows(1, 3), [0, 1, 1, 1]);
});

Deno.test("parallelRows: 1, 2 and 3 threads give the bits of the serial loop, helpers travel with the kernel", () => {
  const n = 2000;
  const x = Float64Array.from({ length: n }, (_, i) => Math.sin(i) + 2);
  const serial = new Float64Array(n);
  parallelRows(n, harmonic, { x, out: serial }, { helpers: [scaledHarmonic] });
  for (const threads of [2, 3]) {
    const out = sharedFloat64(n, threads);
    parallelRows(n, harmonic, { x, out }, { threads, helpers: [scaledHarmonic], outputs: ["out"] });
    assert.deepEqual(Array.from(out), Array.from(serial), `threads ${threads}`);
  }
  assert.equal(serial[n - 1], scaledHarmonic(x[n - 1]!, n - 1));
});

Deno.test("parallelRows: an output not on shared memory is refused before anything runs", () => {
  const out = new Float64Array(10);
  assert.throws(
    () => parallelRows(10, harmonic, { x: new Float64Array(10), out }, { threads: 2, outputs: ["out"] }),
    /output out of a parallel kernel must be on a SharedArrayBuffer/,
  );
});

Deno.test("parallelRows: an error in a worker's rows is thrown on the calling thread, workers are ended", () => {
  const out = sharedFloat64(100, 2);
  // row 90 is in the worker's block: the worker fails, the calling thread redoes the block and throws
  assert.throws(
    () => parallelRows(100, failsAt, { out, bad: 90 }, { threads: 2, outputs: ["out"] }),
    /row 90 fails/,
  );
  // the next call works (no worker left over)
  parallelRows(100, failsAt, { out, bad: -1 }, { threads: 2, outputs: ["out"] });
  assert.equal(out[99], 99);
});
