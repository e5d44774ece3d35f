/**
 * Permissions: importing ClusterLab, loading a shipped dataset, computing indicators and models and rendering
 * SVG run under `deno run --allow-read` alone; PNG rendering asks for more (`--allow-ffi --allow-sys`, for
 * the resvg addon) only when called. Tested in subprocesses (tests/reliability/fixtures/permission_probe.ts).
 * @module
 */
import assert from "node:assert/strict";
import { type Case, DIR, file } from "./case.ts";

interface StepOutcome {
  readonly step: string;
  readonly ok: boolean;
  readonly value?: unknown;
  readonly name?: string;
  readonly message?: string;
}

const PROBE = new URL("./fixtures/permission_probe.ts", import.meta.url).pathname;
const CONFIG = new URL("../../deno.json", import.meta.url).pathname;
const runs = new Map<string, Promise<Map<string, StepOutcome>>>();

/** Run the probe once per set of flags; its steps' outcomes by name. */
function probe(flags: readonly string[]): Promise<Map<string, StepOutcome>> {
  const key = flags.join(" ");
  let p = runs.get(key);
  if (!p) {
    p = (async () => {
      const csv = file("permission.csv", "region,value\nR1,3\n");
      const out = await new Deno.Command(Deno.execPath(), {
        args: ["run", "--no-prompt", "--config", CONFIG, ...flags, PROBE, csv, DIR],
        stdout: "piped",
        stderr: "piped",
        env: { NO_COLOR: "1" },
      }).output();
      const text = new TextDecoder().decode(out.stdout);
      const lines = text.split("\n").filter((l) => l.startsWith("{"));
      assert.ok(lines.length > 0, `the probe printed nothing: ${new TextDecoder().decode(out.stderr)}`);
      return new Map(lines.map((l) => JSON.parse(l) as StepOutcome).map((o) => [o.step, o]));
    })();
    runs.set(key, p);
  }
  return p;
}

const READ = ["--allow-read"];
const PNG = ["--allow-read", "--allow-ffi", "--allow-sys"];
const WRITE = ["--allow-read", "--allow-write"];

/** A step must succeed (with `value` when given). */
const succeeds = (flags: readonly string[], step: string, value?: unknown): Case["run"] => async () => {
  const o = (await probe(flags)).get(step);
  assert.ok(o, `no outcome for ${step}`);
  assert.ok(o.ok, `${step} failed under ${flags.join(" ")}: ${o.name}: ${o.message}`);
  if (value !== undefined) assert.deepEqual(o.value, value);
  return o.value;
};

/** A step must fail with Deno's permission error naming `flag`. */
const needs = (flags: readonly string[], step: string, flag: RegExp): Case["run"] => async () => {
  const o = (await probe(flags)).get(step);
  assert.ok(o && !o.ok, `${step} should need more than ${flags.join(" ")}`);
  assert.equal(o.name, "NotCapable", o.message);
  assert.match(o.message!, flag);
  return o.message;
};

const ok = { result: () => {} };

/** The cases of the permissions class. */
export const PERMISSIONS: Case[] = [
  { name: "--allow-read: importing ClusterLab", run: succeeds(READ, "import"), expect: ok },
  {
    name: "--allow-read: loading a shipped dataset",
    run: succeeds(READ, "loadDataset", 39 * 72 * 4),
    expect: ok,
  },
  {
    name: "--allow-read: matrix, quotients, presence, complexity, proximity, Herfindahl",
    run: succeeds(READ, "indicators", [39, 72, 39]),
    expect: ok,
  },
  { name: "--allow-read: a model (the SECI spiral)", run: succeeds(READ, "models", 21), expect: ok },
  { name: "--allow-read: rendering a chart to SVG", run: succeeds(READ, "svg", "<svg"), expect: ok },
  { name: "--allow-read: reading the user's CSV file", run: succeeds(READ, "readCSV", 1), expect: ok },
  {
    name: "--allow-read: a figure's bundle is HTML and text (the PNG needs the rasteriser)",
    run: succeeds(READ, "mimeBundle", "text/html,text/plain"),
    expect: ok,
  },
  {
    name: "--allow-read: toPNG asks for --allow-ffi and --allow-sys, naming them",
    run: needs(READ, "png", /--allow-ffi and --allow-sys/),
    expect: ok,
  },
  {
    name: "--allow-read --allow-write: save('x.png') loads the rasteriser, and Deno names the missing flag",
    run: needs(WRITE, "savePng", /--allow-(ffi|sys)/),
    expect: ok,
  },
  {
    name: "--allow-read --allow-ffi --allow-sys: toPNG draws a PNG",
    run: succeeds(PNG, "png", "80,78,71"),
    expect: ok,
  },
  {
    name: "--allow-read --allow-ffi --allow-sys: the bundle carries the PNG",
    run: succeeds(PNG, "mimeBundle", "image/png,text/html,text/plain"),
    expect: ok,
  },
];
