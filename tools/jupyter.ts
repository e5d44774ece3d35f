/**
 * Shared set-up for the notebook tools: find a Python that has nbclient and nbconvert, and register the Deno
 * kernel in a project-local Jupyter data folder (`.jupyter/`, git-ignored) so headless runs never depend on,
 * or change, the user's own Jupyter configuration.
 * @module
 */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Edition } from "./editions.ts";

/** The project root (the folder of deno.json). */
export const ROOT: string = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** The runner script. */
export const RUNNER: string = join(ROOT, "tools", "run_notebooks.py");

async function run(cmd: string, args: string[], env?: Record<string, string>) {
  try {
    const out = await new Deno.Command(cmd, { args, env, stdout: "piped", stderr: "piped" }).output();
    return {
      ok: out.success,
      stdout: new TextDecoder().decode(out.stdout),
      stderr: new TextDecoder().decode(out.stderr),
    };
  } catch (e) {
    return { ok: false, stdout: "", stderr: String(e) };
  }
}

/** Finds the modules without importing them (importing nbconvert alone takes 0.3–0.4 s). */
const HAS_MODULES = "import importlib.util as u, sys\n" +
  "sys.exit(0 if all(u.find_spec(m) for m in ('nbclient', 'nbconvert', 'nbformat')) else 1)";

/**
 * A Python interpreter that has nbclient and nbconvert. `CLUSTERLAB_PYTHON` wins; then Debian's
 * `/usr/bin/python3` (where `python3-nbclient` installs), then `python3` on PATH.
 */
export async function findPython(): Promise<string> {
  const candidates = [Deno.env.get("CLUSTERLAB_PYTHON"), "/usr/bin/python3", "python3"].filter(
    (c): c is string => !!c,
  );
  for (const py of candidates) {
    if ((await run(py, ["-c", HAS_MODULES])).ok) return py;
  }
  throw new Error(
    `No Python with nbclient and nbconvert was found (tried ${candidates.join(", ")}).\n` +
      "Install them, e.g. on Debian/Ubuntu:\n" +
      "  sudo apt-get install python3-nbclient python3-nbconvert python3-jupyter-client python3-zmq\n" +
      "or set CLUSTERLAB_PYTHON to a Python that has them.",
  );
}

/** Patch a kernel.json: NO_COLOR and message-mode interrupts (a Stop keeps the kernel's state). */
export async function patchKernelSpec(file: string): Promise<void> {
  const spec = JSON.parse(await Deno.readTextFile(file));
  spec.interrupt_mode = "message";
  spec.env = { ...(spec.env ?? {}), NO_COLOR: "1" };
  // written whole, then renamed: a runner starting meanwhile reads the old file or the new one, never half
  const tmp = `${file}.${crypto.randomUUID()}.tmp`;
  await Deno.writeTextFile(tmp, JSON.stringify(spec, null, 1) + "\n");
  await Deno.rename(tmp, file);
}

const installed = new Map<string, Promise<Record<string, string>>>();

/**
 * Register the Deno kernel under `dataHome/jupyter/kernels/deno` and return the environment that makes
 * jupyter_client find it. Once per process and folder: notebooks executed at once (`executeMany`) share the
 * registration instead of rewriting kernel.json under each other's feet.
 */
export function installKernel(
  dataHome: string = join(ROOT, ".jupyter"),
): Promise<Record<string, string>> {
  let done = installed.get(dataHome);
  if (!done) {
    done = (async () => {
      const env = { XDG_DATA_HOME: dataHome, JUPYTER_DATA_DIR: join(dataHome, "jupyter") };
      const r = await run(Deno.execPath(), ["jupyter", "--install", "--force"], env);
      if (!r.ok) throw new Error(`deno jupyter --install failed:\n${r.stderr}`);
      await patchKernelSpec(join(dataHome, "jupyter", "kernels", "deno", "kernel.json"));
      return env;
    })();
    done.catch(() => installed.delete(dataHome)); // a failure is not remembered
    installed.set(dataHome, done);
  }
  return done;
}

/** Notebooks under `notebooks/` (recursively), sorted, skipping checkpoints. */
export async function listNotebooks(dir: string = join(ROOT, "notebooks")): Promise<string[]> {
  const found: string[] = [];
  async function walk(d: string) {
    for await (const e of Deno.readDir(d)) {
      if (e.name.startsWith(".")) continue;
      const p = join(d, e.name);
      if (e.isDirectory) await walk(p);
      else if (e.name.endsWith(".ipynb")) found.push(p);
    }
  }
  await walk(dir);
  return found.sort();
}

/** Options of {@link executeNotebooks}. */
export interface ExecuteOptions {
  readonly out: string;
  readonly html?: boolean;
  readonly env?: Record<string, string>;
  /** Pass output through to this process's stdout/stderr (default) or capture it. */
  readonly capture?: boolean;
  /** The student edition (default: cells tagged `teacher` left out) or the teacher edition (every cell). */
  readonly edition?: Edition;
  /** Leave the code cells' source out of the HTML (default false; a report shows its outputs only). */
  readonly hideCode?: boolean;
  /**
   * Notebooks executed at once, each with its own kernel (default {@link defaultJobs}: twice the CPUs).
   * The files and what is printed (notebook by notebook, in the order given) are the same for any number.
   */
  readonly jobs?: number;
}

/**
 * The default number of notebooks executed at once: twice the number of CPUs (`navigator.hardwareConcurrency`).
 * A notebook keeps its CPU busy only part of the time (its kernel starts, waits for the runner, loads data):
 * on the 2-CPU machine the main job took 33 s with 2 at once, 26 s with 3 and 21 s with 4 (bench/README.md).
 */
export function defaultJobs(): number {
  return 2 * Math.max(1, navigator.hardwareConcurrency || 1);
}

/**
 * Execute notebooks with the Deno kernel (through the runner) and, with `html`, render them. A notebook in
 * `notebooks/sub/` goes to `out/sub/`; a notebook outside `notebooks/` goes to `out/`. The student edition
 * is executed unless `edition: "teacher"` (tools/editions.ts). `jobs` notebooks run at once.
 */
export async function executeNotebooks(
  notebooks: string[],
  options: ExecuteOptions,
): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  const jobs = options.jobs ?? defaultJobs();
  if (!Number.isInteger(jobs) || jobs < 1) {
    throw new Error(`jobs must be a positive integer, received ${jobs}`);
  }
  const python = await findPython();
  const kernelEnv = await installKernel();
  const args = [
    RUNNER,
    "--out",
    options.out,
    "--root",
    join(ROOT, "notebooks"),
    "--jobs",
    String(jobs),
    "--edition",
    options.edition ?? "student",
    ...(options.html ? ["--html"] : []),
    ...(options.hideCode ? ["--no-input"] : []),
    ...notebooks,
  ];
  const cmd = new Deno.Command(python, {
    args,
    env: { ...kernelEnv, NO_COLOR: "1", CLUSTERLAB_DENO: Deno.execPath(), ...(options.env ?? {}) },
    stdout: options.capture ? "piped" : "inherit",
    stderr: options.capture ? "piped" : "inherit",
  });
  const r = await cmd.output();
  return options.capture
    ? {
      ok: r.success,
      stdout: new TextDecoder().decode(r.stdout),
      stderr: new TextDecoder().decode(r.stderr),
    }
    : { ok: r.success, stdout: "", stderr: "" };
}

/**
 * The arguments that open Jupyter `sub` (e.g. `["lab"]`, or none for `jupyter-lab`) on `dir`: as root
 * (uid 0, e.g. in a container) Jupyter refuses to start without `--allow-root`, so it is added then.
 */
export function jupyterArgs(sub: readonly string[], dir: string, uid: number | null): string[] {
  return [...sub, ...(uid === 0 ? ["--allow-root"] : []), dir];
}
