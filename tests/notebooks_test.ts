/**
 * Every notebook executes top to bottom with the Deno kernel on the shipped data, and a failing cell fails
 * the test with the cell's real error: the student edition of every notebook, and the teacher edition of those
 * that have cells tagged `teacher` (tools/editions.ts). Executed copies go to out/test/ (out/test/teacher/);
 * tests/notebooks/ reads the same copies (tools/executed.ts: each notebook executes once per run).
 *
 * Static rules of the notebooks: committed without outputs; no test code in a cell (no `throw`, assertion or
 * comparison-and-fail check: tools/nb_lint_plugin.ts); teacher cells only show.
 */
import { join, relative } from "node:path";
import { defaultJobs, listNotebooks, ROOT } from "../tools/jupyter.ts";
import { executeMany, executeOnce } from "../tools/executed.ts";
import { isTeacherCell, type NotebookJson, sourceOf } from "../tools/editions.ts";
import plugin from "../tools/nb_lint_plugin.ts";

const notebooks = await listNotebooks();
const read = async (nb: string) => JSON.parse(await Deno.readTextFile(nb)) as NotebookJson;
const name = (nb: string) => relative(join(ROOT, "notebooks"), nb);

const executions: { notebook: string; edition: "student" | "teacher" }[] = [];
for (const nb of notebooks) {
  const editions = (await read(nb)).cells.some(isTeacherCell)
    ? ["student", "teacher"] as const
    : ["student"] as const;
  for (const edition of editions) executions.push({ notebook: nb, edition });
}
// First every notebook, twice as many at a time as there are CPUs (tools/executed.ts: each copy is the one
// executing it alone gives); the test of each notebook then reads its copy, or executes it when run alone.
Deno.test({
  name: `every notebook executes without error (${defaultJobs()} at a time)`,
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const failed = (await executeMany(executions)).filter((r) => !r.ok);
    if (failed.length > 0) {
      throw new Error(`failed: ${failed.map((r) => `${r.notebook} (${r.edition})`).join(", ")}`);
    }
  },
});

for (const { notebook: nb, edition } of executions) {
  Deno.test({
    name: `notebook ${name(nb)}${edition === "teacher" ? " (teacher edition)" : ""} executes without error`,
    sanitizeResources: false,
    sanitizeOps: false,
    fn: async () => {
      const r = await executeOnce(nb, { edition });
      if (!r.ok) throw new Error(`${nb} failed:\n${r.log}`);
    },
  });
}

Deno.test("notebooks are committed without outputs", async () => {
  const dirty: string[] = [];
  for (const nb of notebooks) {
    for (const c of (await read(nb)).cells) {
      if (c.cell_type === "code" && ((c.outputs ?? []).length > 0 || c.execution_count !== null)) {
        dirty.push(relative(ROOT, nb));
        break;
      }
    }
  }
  if (dirty.length > 0) throw new Error(`Notebooks with outputs (strip them): ${dirty.join(", ")}`);
});

/** The notebook rule's findings in every code cell (teacher cells included), as "notebook#cell line: message". */
async function notebookRuleFindings(files: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const nb of files) {
    for (const [k, c] of (await read(nb)).cells.entries()) {
      if (c.cell_type !== "code") continue;
      const code = sourceOf(c);
      for (const d of Deno.lint.runPlugin(plugin, `${name(nb)}#${c.id ?? k}.nb.ts`, code)) {
        const line = code.slice(0, d.range[0]).split("\n").length;
        found.push(`${name(nb)}#${c.id ?? k} line ${line}: ${d.id}: ${d.message}`);
      }
    }
  }
  return found;
}

Deno.test("no notebook code cell contains a throw, an assertion or a comparison-and-fail check", async () => {
  const found = await notebookRuleFindings(notebooks);
  if (found.length > 0) throw new Error(`Test code in notebook cells:\n  ${found.join("\n  ")}`);
});

/** Names a cell declares at its top level (imports, const/let/var, functions, classes, types). */
function topLevelDeclarations(code: string): string[] {
  const names: string[] = [];
  const probe: Deno.lint.Plugin = {
    name: "probe",
    rules: {
      declarations: {
        create(ctx) {
          return {
            Program(node) {
              for (const s of node.body) {
                if (/Declaration$/.test(s.type)) ctx.report({ node: s, message: s.type });
              }
            },
          };
        },
      },
    },
  };
  for (const d of Deno.lint.runPlugin(probe, "cell.ts", code)) {
    names.push(code.slice(d.range[0], d.range[1]).split("\n")[0]!);
  }
  return names;
}

Deno.test("teacher cells only show: they declare nothing a later cell could need", async () => {
  const bad: string[] = [];
  for (const nb of notebooks) {
    for (const c of (await read(nb)).cells) {
      if (c.cell_type !== "code" || !isTeacherCell(c)) continue;
      for (const d of topLevelDeclarations(sourceOf(c))) bad.push(`${name(nb)}#${c.id}: ${d}`);
    }
  }
  if (bad.length > 0) {
    throw new Error(`Declarations in teacher cells (the student edition lacks them):\n  ${bad.join("\n  ")}`);
  }
});

Deno.test("every course exercise has a worked answer in a teacher cell, and no student cell answers it", async () => {
  const problems: string[] = [];
  for (const nb of notebooks.filter((n) => name(n).startsWith("course/"))) {
    const cells = (await read(nb)).cells.filter((c) => c.cell_type === "code");
    const exercises = cells.flatMap((c) =>
      [...sourceOf(c).matchAll(/\bconst (\w+) = exercise\(/g)].map((m) => m[1]!)
    );
    if (exercises.length === 0) problems.push(`${name(nb)}: no exercise`);
    for (const ex of exercises) {
      const call = new RegExp(`(^|[^.\\w])${ex}\\(\\s*([^)\\s][^)]*)\\)`, "m");
      const answered = (c: (typeof cells)[number]) => {
        const m = sourceOf(c).match(call);
        return m !== null && m[2]!.trim() !== "undefined";
      };
      if (!cells.some((c) => isTeacherCell(c) && answered(c))) {
        problems.push(`${name(nb)}: ${ex} has no worked answer`);
      }
      if (cells.some((c) => !isTeacherCell(c) && answered(c))) {
        problems.push(`${name(nb)}: ${ex} answered in a student cell`);
      }
    }
  }
  if (problems.length > 0) throw new Error(problems.join("\n"));
});
