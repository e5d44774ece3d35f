/**
 * A test that cannot fail is a defect: make every value the notebooks' prose states (declared with
 * `stated()` in tests/notebooks/) wrong in turn, and check that its test file then fails.
 *
 * The files first run unchanged (they must pass; the notebooks execute once, shared by every later run through
 * `CLUSTERLAB_TEST_RUN`, see tools/executed.ts). Then, for each stated value and each way of making it wrong
 * (numbers up and down by half their size, at least 1; texts marked; booleans negated; a list's first element),
 * the file runs with `CLUSTERLAB_STATED_WRONG=<file>#<key>:<direction>`. A run that still passes is listed as
 * a surviving mutation, and the exit code is 1.
 *
 *   deno run -A tools/prose_mutation.ts                          every file in tests/notebooks/
 *   deno run -A tools/prose_mutation.ts tests/notebooks/00-quickstart_test.ts
 *   deno run -A tools/prose_mutation.ts --jobs 2 …               two test runs at a time
 * @module
 */
import { basename, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT } from "./jupyter.ts";

interface Entry {
  readonly file: string;
  readonly key: string;
  readonly directions: readonly ("up" | "down")[];
}

async function testFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for await (const e of Deno.readDir(dir)) {
    const p = join(dir, e.name);
    if (e.isDirectory) found.push(...await testFiles(p));
    else if (e.name.endsWith("_test.ts")) found.push(p);
  }
  return found.sort();
}

async function runTests(files: string[], env: Record<string, string>): Promise<{ ok: boolean; out: string }> {
  const r = await new Deno.Command(Deno.execPath(), {
    args: ["test", "-A", "--no-check", ...files],
    cwd: ROOT,
    env,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const out = new TextDecoder().decode(r.stdout) + new TextDecoder().decode(r.stderr);
  return { ok: r.success, out };
}

if (import.meta.main) {
  const args = [...Deno.args];
  const j = args.indexOf("--jobs");
  const jobs = j >= 0 ? Number(args.splice(j, 2)[1]) : 1;
  if (!(jobs >= 1)) throw new Error("--jobs needs a positive number");
  const files = args.length > 0
    ? args.map((a) => resolve(a))
    : await testFiles(join(ROOT, "tests", "notebooks"));
  const { statedValues } = await import(pathToFileURL(join(ROOT, "tests", "notebooks", "prose.ts")).href);
  for (const f of files) await import(pathToFileURL(f).href); // Deno.test is a no-op outside `deno test`
  const entries = (statedValues() as readonly Entry[]).filter((e) =>
    files.some((f) => basename(f) === e.file)
  );
  const run = Deno.env.get("CLUSTERLAB_TEST_RUN") ?? `mutation-${new Date().toISOString()}`;
  const env = { CLUSTERLAB_TEST_RUN: run, NO_COLOR: "1" };

  console.log(`${files.length} test files, ${entries.length} stated values; first the unchanged run…`);
  const base = await runTests(files, env);
  if (!base.ok) {
    console.error(base.out);
    console.error("The unchanged tests fail: fix them first.");
    Deno.exit(1);
  }
  const byName = new Map(files.map((f) => [basename(f), f]));
  const jobsList = entries.flatMap((e) => e.directions.map((d) => ({ ...e, direction: d })));
  const survivors: string[] = [];
  let done = 0;
  const worker = async () => {
    for (;;) {
      const job = jobsList.shift();
      if (!job) return;
      const id = `${job.file}#${job.key}:${job.direction}`;
      const r = await runTests([byName.get(job.file)!], { ...env, CLUSTERLAB_STATED_WRONG: id });
      done++;
      if (r.ok) survivors.push(id);
      console.log(`${r.ok ? "SURVIVED" : "killed  "} ${id}`);
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  console.log(
    `\n${done} mutations of ${entries.length} stated values in ${
      files.map((f) => relative(ROOT, f)).join(", ")
    }: ${done - survivors.length} made a test fail, ${survivors.length} survived${
      survivors.length ? `:\n  ${survivors.join("\n  ")}` : ""
    }`,
  );
  Deno.exit(survivors.length === 0 ? 0 : 1);
}
