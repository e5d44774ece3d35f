/**
 * Each notebook executed at most once per test run, shared by every test file that reads it:
 * `tests/notebooks_test.ts` (does it execute?) and `tests/notebooks/` (does it show what its prose states?)
 * ask for the same executed copy, and whichever asks first executes the notebook.
 *
 * The executed copy goes to `out/test/<notebook>.ipynb` (the teacher edition to `out/test/teacher/…`), with a
 * stamp `….run.json`: the run, a hash of the notebook's file, the exit status and the runner's log. A copy is
 * reused when its stamp names the current run and the same notebook file. The run is the environment
 * variable `CLUSTERLAB_TEST_RUN`, which the first caller of a `deno test` process sets (a random id: the test
 * files of one `deno test` share the process's environment); a lock file makes concurrent callers (`deno test
 * --parallel`) wait for one execution.
 *
 * {@link executeMany} executes several notebooks `jobs` at once (each in its own runner and kernel, so each
 * copy is what executing it alone gives): `tests/notebooks_test.ts` starts every notebook that way, and each
 * of its tests, and of `tests/notebooks/`, waits for the copy it needs.
 *
 * Writing tests of a notebook's prose, set `CLUSTERLAB_TEST_RUN=dev` yourself: the copies of the first run
 * are then reused by later runs, and only a notebook whose file changed executes again (a change in `src/` or
 * `data/` is not noticed: unset the variable to execute everything afresh).
 * @module
 */
import { dirname, join, relative, resolve } from "node:path";
import { defaultJobs, executeNotebooks, ROOT } from "./jupyter.ts";
import type { Edition, NotebookJson } from "./editions.ts";

/** The outcome of executing a notebook. */
export interface Execution {
  /** The notebook (its path under `notebooks/`, e.g. "course/01-what-is-an-innovation-cluster.ipynb"). */
  readonly notebook: string;
  readonly edition: Edition;
  /** Did every cell run without error? */
  readonly ok: boolean;
  /** The executed copy. */
  readonly path: string;
  /** The runner's output (the failing cell and its error when `ok` is false). */
  readonly log: string;
}

interface Stamp {
  readonly run: string;
  readonly source: string;
  readonly ok: boolean;
  readonly log: string;
}

const RUN_VAR = "CLUSTERLAB_TEST_RUN";
const STALE_MS = 16 * 60_000; // the runner gives up on a cell after 15 minutes

/** The id of this test run (set on first use). */
export function testRun(): string {
  let run = Deno.env.get(RUN_VAR);
  if (!run) {
    run = `${new Date().toISOString()}-${crypto.randomUUID()}`;
    Deno.env.set(RUN_VAR, run);
  }
  return run;
}

async function sha256(text: string): Promise<string> {
  const d = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(d), (b) => b.toString(16).padStart(2, "0")).join("");
}

async function readJson<T>(path: string): Promise<T | undefined> {
  try {
    return JSON.parse(await Deno.readTextFile(path)) as T;
  } catch {
    return undefined;
  }
}

/** Where the executed copy of `notebook` (a path) goes, for an edition. */
export function executedPath(notebook: string, edition: Edition = "student"): string {
  const rel = relative(join(ROOT, "notebooks"), resolve(notebook));
  return join(ROOT, "out", "test", ...(edition === "teacher" ? ["teacher"] : []), rel);
}

/** Resolve "00-quickstart", "course/01-…" or a path to the notebook's path. */
export function notebookPath(name: string): string {
  const withExt = name.endsWith(".ipynb") ? name : `${name}.ipynb`;
  return resolve(
    ROOT,
    withExt.startsWith("notebooks/") || withExt.startsWith("/") ? withExt : join("notebooks", withExt),
  );
}

/**
 * Execute `notebook` ("00-quickstart", "course/01-…" or a path) once in this test run, or return the
 * execution already made in it.
 */
export async function executeOnce(notebook: string, options: { edition?: Edition } = {}): Promise<Execution> {
  const edition = options.edition ?? "student";
  const nb = notebookPath(notebook);
  const path = executedPath(nb, edition);
  const stampPath = `${path}.run.json`, lockPath = `${path}.lock`;
  const run = testRun();
  const source = await sha256(`${edition}\n${await Deno.readTextFile(nb)}`);
  const result = (s: Stamp): Execution => ({
    notebook: relative(join(ROOT, "notebooks"), nb),
    edition,
    ok: s.ok,
    path,
    log: s.log,
  });
  const fresh = async () => {
    const s = await readJson<Stamp>(stampPath);
    return s && s.run === run && s.source === source ? s : undefined;
  };
  await Deno.mkdir(dirname(path), { recursive: true });
  for (;;) {
    const done = await fresh();
    if (done) return result(done);
    try {
      await Deno.writeTextFile(lockPath, run, { createNew: true });
    } catch (e) {
      if (!(e instanceof Deno.errors.AlreadyExists)) throw e;
      const holder = await Deno.readTextFile(lockPath).catch(() => "");
      const age = Date.now() - ((await Deno.stat(lockPath).catch(() => null))?.mtime?.getTime() ?? 0);
      // another test file of this run is executing it; a lock of another run (or older than the runner's
      // own time-out) was left by an interrupted run
      if (holder === run && age < STALE_MS) await new Promise((r) => setTimeout(r, 250));
      else await Deno.remove(lockPath).catch(() => {});
      continue;
    }
    try {
      await Deno.remove(stampPath).catch(() => {});
      const out = join(ROOT, "out", "test", ...(edition === "teacher" ? ["teacher"] : []));
      const r = await executeNotebooks([nb], { out, capture: true, edition });
      const stamp: Stamp = { run, source, ok: r.ok, log: `${r.stderr}\n${r.stdout}`.trim() };
      await Deno.writeTextFile(stampPath, JSON.stringify(stamp, null, 1) + "\n");
      return result(stamp);
    } finally {
      await Deno.remove(lockPath).catch(() => {});
    }
  }
}

/**
 * Execute several notebooks, each once in this test run as {@link executeOnce} does, `jobs` at once
 * (default: twice the number of CPUs, see `defaultJobs()`); the executions in the order given.
 */
export async function executeMany(
  notebooks: readonly { readonly notebook: string; readonly edition?: Edition }[],
  options: { readonly jobs?: number } = {},
): Promise<Execution[]> {
  const jobs = options.jobs ?? defaultJobs();
  if (!Number.isInteger(jobs) || jobs < 1) {
    throw new Error(`jobs must be a positive integer, received ${jobs}`);
  }
  const results: Execution[] = new Array(notebooks.length);
  const errors: unknown[] = [];
  let next = 0;
  const worker = async () => {
    while (next < notebooks.length && errors.length === 0) {
      const i = next++;
      const { notebook, edition } = notebooks[i]!;
      try {
        results[i] = await executeOnce(notebook, edition === undefined ? {} : { edition });
      } catch (e) {
        errors.push(e); // the others finish what they started (no runner is left behind), then it is thrown
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, notebooks.length) }, worker));
  if (errors.length > 0) throw errors[0];
  return results;
}

/** The executed copy as JSON; fails with the runner's log when the notebook did not execute cleanly. */
export async function executedNotebook(
  notebook: string,
  options: { edition?: Edition } = {},
): Promise<NotebookJson> {
  const r = await executeOnce(notebook, options);
  if (!r.ok) throw new Error(`${r.notebook} (${r.edition} edition) failed:\n${r.log}`);
  return JSON.parse(await Deno.readTextFile(r.path)) as NotebookJson;
}
