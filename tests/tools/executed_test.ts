/**
 * tools/executed.ts and the runner's editions: a notebook executes once per run (a second request reuses the
 * copy, a changed notebook executes again), and the student edition leaves out the cells tagged teacher.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { executedNotebook, executedPath, executeMany, executeOnce, testRun } from "../../tools/executed.ts";
import { ROOT } from "../../tools/jupyter.ts";

function notebook(cells: { source: string; tags?: string[] }[]): string {
  return JSON.stringify({
    cells: cells.map((c, i) => ({
      cell_type: "code",
      execution_count: null,
      id: `c${i + 1}`,
      metadata: c.tags ? { tags: c.tags } : {},
      outputs: [],
      source: c.source,
    })),
    metadata: { kernelspec: { display_name: "Deno", language: "typescript", name: "deno" } },
    nbformat: 4,
    nbformat_minor: 5,
  });
}

const stdout = (nb: { cells: readonly { outputs?: readonly unknown[] }[] }) =>
  nb.cells.flatMap((c) => (c.outputs ?? []) as { output_type: string; text?: string | string[] }[])
    .filter((o) => o.output_type === "stream")
    .map((o) => (Array.isArray(o.text) ? o.text.join("") : o.text))
    .join("");

Deno.test({
  name:
    "executeOnce(): once per run and edition; a changed notebook executes again; teacher cells only in theirs",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    // a dot folder: listNotebooks() skips it, so no other test executes this notebook
    const dir = await Deno.makeTempDir({ dir: join(ROOT, "notebooks"), prefix: ".executed-test-" });
    const nb = join(dir, "n.ipynb");
    try {
      await Deno.writeTextFile(
        nb,
        notebook([{ source: 'console.log("for everyone");' }, {
          source: 'console.log("for teachers");',
          tags: ["teacher"],
        }]),
      );
      assert.ok(testRun().length > 0);
      const first = await executeOnce(nb);
      assert.equal(first.ok, true, first.log);
      assert.equal(first.path, executedPath(nb));
      const stamp = await Deno.stat(`${first.path}.run.json`);
      const student = await executedNotebook(nb);
      assert.equal(student.cells.length, 1);
      assert.equal(stdout(student), "for everyone\n");
      // asked again in the same run: the same copy, not executed again
      const again = await executeOnce(nb);
      assert.deepEqual(again, first);
      assert.deepEqual((await Deno.stat(`${first.path}.run.json`)).mtime, stamp.mtime);
      // the teacher edition is another copy, with the teacher cell
      const teacher = await executedNotebook(nb, { edition: "teacher" });
      assert.equal(stdout(teacher), "for everyone\nfor teachers\n");
      assert.notEqual(executedPath(nb, "teacher"), first.path);
      // a changed notebook executes again, and a failing one says why
      await Deno.writeTextFile(
        nb,
        notebook([{ source: 'throw new Error("boom in the changed notebook");' }]),
      );
      const changed = await executeOnce(nb);
      assert.equal(changed.ok, false);
      assert.match(changed.log, /boom in the changed notebook/);
      await assert.rejects(() => executedNotebook(nb), /failed:[\s\S]*boom in the changed notebook/);
    } finally {
      await Deno.remove(dir, { recursive: true });
      const out = executedPath(nb).replace(/\/n\.ipynb$/, "");
      await Deno.remove(out, { recursive: true }).catch(() => {});
      await Deno.remove(executedPath(nb, "teacher").replace(/\/n\.ipynb$/, ""), { recursive: true }).catch(
        () => {},
      );
    }
  },
});

Deno.test({
  name: "executeMany(): several notebooks, two at a time, in the order given; each copy then reused",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const dir = await Deno.makeTempDir({ dir: join(ROOT, "notebooks"), prefix: ".executed-many-test-" });
    const paths = ["slow", "fast", "failing"].map((n) => join(dir, `${n}.ipynb`));
    try {
      await Deno.writeTextFile(
        paths[0]!,
        notebook([{ source: 'await new Promise((r) => setTimeout(r, 1000));\nconsole.log("slow");' }]),
      );
      await Deno.writeTextFile(paths[1]!, notebook([{ source: 'console.log("fast");' }]));
      await Deno.writeTextFile(paths[2]!, notebook([{ source: 'throw new Error("boom in many");' }]));
      const runs = await executeMany(paths.map((notebook) => ({ notebook })), { jobs: 2 });
      assert.deepEqual(runs.map((r) => r.path), paths.map((p) => executedPath(p)));
      assert.deepEqual(runs.map((r) => r.ok), [true, true, false]);
      assert.match(runs[2]!.log, /boom in many/);
      assert.equal(stdout(await executedNotebook(paths[0]!)), "slow\n");
      assert.equal(stdout(await executedNotebook(paths[1]!)), "fast\n");
      // asked again: the same copies, not executed again
      assert.deepEqual(await executeOnce(paths[1]!), runs[1]);
      await assert.rejects(() => executeMany([{ notebook: paths[0]! }], { jobs: 0 }), /positive integer/);
    } finally {
      await Deno.remove(dir, { recursive: true });
      await Deno.remove(executedPath(paths[0]!).replace(/\/slow\.ipynb$/, ""), { recursive: true }).catch(
        () => {},
      );
    }
  },
});
