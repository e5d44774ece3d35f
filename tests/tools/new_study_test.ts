/**
 * `deno task new DIR` (tools/new_study.ts) and `deno task notebooks --dir DIR`: a study folder outside the
 * repository, made as a user makes it, whose script runs with `deno run` and whose notebook the main job
 * executes and renders; the clone's lock never changes.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT } from "../../tools/jupyter.ts";
import { parseNewArgs, studyConfig } from "../../tools/new_study.ts";
import { parseArgs } from "../../tools/notebooks.ts";
import { extractCode } from "../../tools/nb_check.ts";

async function run(args: string[], cwd: string) {
  const r = await new Deno.Command(Deno.execPath(), {
    args,
    cwd,
    // deno task keeps an INIT_CWD it inherits (from npm or a CI runner); set it as a shell would.
    env: { NO_COLOR: "1", INIT_CWD: cwd },
    stdout: "piped",
    stderr: "piped",
  }).output();
  return {
    ok: r.success,
    stdout: new TextDecoder().decode(r.stdout),
    stderr: new TextDecoder().decode(r.stderr),
  };
}

const task = (args: string[], cwd: string) =>
  run(["task", "-q", "--config", join(ROOT, "deno.json"), ...args], cwd);

Deno.test("parseNewArgs and notebooks --dir: paths from the folder the task was started in", () => {
  assert.deepEqual(parseNewArgs(["study", "--data", "../jobs.csv"], "/home/me/work"), {
    dir: "/home/me/work/study",
    data: "/home/me/jobs.csv",
  });
  assert.throws(() => parseNewArgs([], "/"), /The study folder is required/);
  assert.throws(() => parseNewArgs(["a", "b"], "/"), /One folder only/);
  const p = parseArgs(["--dir", "study"], "/home/me");
  assert.equal(p.dir, "/home/me/study");
  assert.equal(p.out, "/home/me/study/out");
  assert.equal(parseArgs([]).out, join(ROOT, "out")); // without --dir: as before
  const cfg = studyConfig("/opt/clusterlab") as { imports: Record<string, string>; lock: unknown };
  assert.equal(cfg.imports.clusterlab, pathToFileURL("/opt/clusterlab/src/mod.ts").href);
  assert.deepEqual(cfg.lock, { path: "./deno.lock", frozen: true });
});

Deno.test({
  name: "deno task new makes a study folder whose script and notebook run; notebooks --dir renders it",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const lockBefore = await Deno.readFile(join(ROOT, "deno.lock"));
    const home = await Deno.realPath(await Deno.makeTempDir({ prefix: "clusterlab-new-" }));
    assert.ok(!home.startsWith(ROOT));
    try {
      await Deno.writeTextFile(
        join(home, "mine.csv"),
        "nuts2,sic,employment\nUKC1,0161,30\nUKC1,0162,10\nUKC2,0161,5\nUKC2,2011,20\nUKD1,2011,40\nUKE1,0162,25\n",
      );
      const made = await task(["new", "study", "--data", "mine.csv"], home);
      assert.ok(made.ok, made.stderr);
      const study = join(home, "study");
      const files = [...Deno.readDirSync(study)].map((e) => e.name).sort();
      assert.deepEqual(files, [
        ".gitignore",
        "README.md",
        "analysis.ts",
        "data",
        "deno.json",
        "deno.lock",
        "study.ipynb",
      ]);
      assert.equal(
        await Deno.readTextFile(join(study, "data", "mine.csv")),
        await Deno.readTextFile(join(home, "mine.csv")),
      );
      const lock = JSON.parse(await Deno.readTextFile(join(study, "deno.lock")));
      assert.equal(lock.specifiers["npm:arquero@8.0.3"], "8.0.3");
      // the script, with the study's deno.json (frozen lock, checked) and nothing else
      const script = await run(["run", "-A", "analysis.ts"], study);
      assert.ok(script.ok, script.stderr);
      assert.match(script.stdout, /^4 regions × 3 sectors\nmost complex: /);
      // the notebook's code and the script type-check (as tools/nb_check.ts checks the repository's notebooks)
      await Deno.writeTextFile(
        join(study, "study.nb.ts"),
        extractCode(await Deno.readTextFile(join(study, "study.ipynb"))),
      );
      const check = await run(["check", "study.nb.ts", "analysis.ts"], study);
      assert.ok(check.ok, check.stderr);
      await Deno.remove(join(study, "study.nb.ts"));
      // the main job on the folder, started from elsewhere
      const nb = await task(["notebooks", "--dir", "study"], home);
      assert.ok(nb.ok, nb.stderr);
      const executed = JSON.parse(await Deno.readTextFile(join(study, "out", "study.ipynb")));
      const text = executed.cells.flatMap((c: { outputs?: { name?: string; text?: string | string[] }[] }) =>
        (c.outputs ?? []).filter((o) => o.name === "stdout").map((o) => [o.text ?? ""].flat().join(""))
      ).join("");
      assert.match(
        text,
        /columns: \{ region: "nuts2", sector: "sic", value: "employment" \} guessed: region, sector, value/,
      );
      assert.match(text, /4 regions × 3 sectors\n/);
      assert.match(text, /6 of 12 region × sector cells are absent from the input and set to 0/);
      const html = await Deno.readTextFile(join(study, "out", "study.html"));
      assert.match(html, /data:image\/png;base64,/);
      assert.match(await Deno.readTextFile(join(study, "out", "index.html")), /href="study\.html">My study/);
      // a second study in the same (now non-empty) folder is refused
      const again = await task(["new", "study"], home);
      assert.equal(again.ok, false);
      assert.match(again.stderr, /exists and is not empty/);
      assert.deepEqual(await Deno.readFile(join(ROOT, "deno.lock")), lockBefore);
    } finally {
      await Deno.remove(home, { recursive: true });
    }
  },
});
