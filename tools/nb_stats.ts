/**
 * How much of the notebooks' code is test code: per notebook, the code cells, the code lines (non-blank lines
 * of code cells), the `throw` statements and the lines of comparison-and-fail checks, with their share of the
 * code lines; and the cells tagged `teacher` (the teacher edition's extra cells, see tools/editions.ts).
 *
 * A check is what the notebook rule (tools/nb_lint_plugin.ts, `notebook/no-checks`) reports: the outermost
 * statement that fails a cell — an `if` whose branch throws, exits, asserts or prints an error, or whose
 * condition grades an exercise; a loop whose body contains one; a `throw` outside both. Its lines are the
 * non-blank lines it spans (braces included). The plugin reads the code through `deno lint --json`.
 *
 *   deno run -A tools/nb_stats.ts              the notebooks in the working tree
 *   deno run -A tools/nb_stats.ts --rev REV    the notebooks of a commit (e.g. the one before a change)
 *   deno run -A tools/nb_stats.ts --json       machine-readable
 * @module
 */
import { join, relative } from "node:path";
import { listNotebooks, ROOT } from "./jupyter.ts";
import { extractCode } from "./nb_check.ts";
import { isTeacherCell, type NotebookJson, sourceOf } from "./editions.ts";

/** The figures of one notebook. */
export interface NotebookStats {
  readonly notebook: string;
  readonly codeCells: number;
  readonly codeLines: number;
  readonly throws: number;
  readonly checkLines: number;
  readonly teacherCells: number;
  readonly teacherLines: number;
}

const nonBlank = (s: string) => s.split("\n").filter((l) => l.trim() !== "").length;

/** A `deno lint --json` diagnostic, as far as this tool reads it. */
export interface LintDiagnostic {
  readonly filename: string;
  readonly code: string;
  readonly range: { readonly start: { readonly line: number }; readonly end: { readonly line: number } };
}

/**
 * The figures of a notebook from its JSON and the plugin's diagnostics on its extracted code
 * (`extractCode(json)`, lines 1-based as `deno lint` reports them).
 */
export function notebookStats(notebook: string, json: string, diagnostics: LintDiagnostic[]): NotebookStats {
  const nb = JSON.parse(json) as NotebookJson;
  const code = nb.cells.filter((c) => c.cell_type === "code");
  const teacher = nb.cells.filter(isTeacherCell);
  const lines = extractCode(json).split("\n");
  const checked = new Set<number>();
  for (const d of diagnostics) {
    if (d.code !== "notebook/no-checks") continue;
    for (let l = d.range.start.line; l <= d.range.end.line; l++) {
      if ((lines[l - 1] ?? "").trim() !== "") checked.add(l);
    }
  }
  return {
    notebook,
    codeCells: code.length,
    codeLines: code.reduce((n, c) => n + nonBlank(sourceOf(c)), 0),
    throws: diagnostics.filter((d) => d.code === "notebook/no-throw").length,
    checkLines: checked.size,
    teacherCells: teacher.length,
    teacherLines: teacher.filter((c) => c.cell_type === "code").reduce(
      (n, c) => n + nonBlank(sourceOf(c)),
      0,
    ),
  };
}

async function git(args: string[]): Promise<string> {
  const r = await new Deno.Command("git", { args, cwd: ROOT, stdout: "piped", stderr: "piped" }).output();
  if (!r.success) throw new Error(`git ${args.join(" ")}: ${new TextDecoder().decode(r.stderr)}`);
  return new TextDecoder().decode(r.stdout);
}

/** The notebooks (path relative to the root → JSON) of the working tree or of commit `rev`. */
async function readNotebooks(rev: string | undefined): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (rev === undefined) {
    for (const nb of await listNotebooks()) out.set(relative(ROOT, nb), await Deno.readTextFile(nb));
    return out;
  }
  const files = (await git(["ls-tree", "-r", "--name-only", rev, "notebooks/"])).split("\n")
    .filter((f) => f.endsWith(".ipynb") && !f.split("/").some((p) => p.startsWith(".")))
    .sort();
  for (const f of files) out.set(f, await git(["show", `${rev}:${f}`]));
  return out;
}

/** Measure the notebooks of the working tree or of commit `rev`. */
export async function measure(rev?: string): Promise<NotebookStats[]> {
  const notebooks = await readNotebooks(rev);
  const files = new Map<string, string>(); // extracted file → notebook
  for (const [rel, json] of notebooks) {
    const ts = join(ROOT, rel.replace(/\.ipynb$/, ".stats.nb.ts")); // git-ignored (*.nb.ts)
    await Deno.writeTextFile(ts, extractCode(json));
    files.set(ts, rel);
  }
  try {
    const r = await new Deno.Command(Deno.execPath(), {
      args: ["lint", "--json", ...files.keys()],
      cwd: ROOT,
      stdout: "piped",
      stderr: "piped",
    }).output();
    const report = JSON.parse(new TextDecoder().decode(r.stdout)) as {
      diagnostics: LintDiagnostic[];
      errors: { message: string }[];
    };
    if (report.errors.length > 0) throw new Error(report.errors.map((e) => e.message).join("\n"));
    const byFile = new Map<string, LintDiagnostic[]>();
    for (const d of report.diagnostics) {
      const f = decodeURIComponent(new URL(d.filename).pathname);
      byFile.set(f, [...(byFile.get(f) ?? []), d]);
    }
    return [...files].map(([ts, rel]) => notebookStats(rel, notebooks.get(rel)!, byFile.get(ts) ?? []));
  } finally {
    for (const ts of files.keys()) await Deno.remove(ts).catch(() => {});
  }
}

/** The figures as a Markdown table with a total row. */
export function statsTable(stats: NotebookStats[]): string {
  const pct = (a: number, b: number) => (b === 0 ? "0.0%" : `${((100 * a) / b).toFixed(1)}%`);
  const sum = (k: keyof Omit<NotebookStats, "notebook">) => stats.reduce((n, s) => n + s[k], 0);
  const rows = [
    ...stats.map((s) => [s.notebook.replace(/^notebooks\//, ""), s]),
    ["total", {
      codeCells: sum("codeCells"),
      codeLines: sum("codeLines"),
      throws: sum("throws"),
      checkLines: sum("checkLines"),
      teacherCells: sum("teacherCells"),
      teacherLines: sum("teacherLines"),
    }],
  ] as [string, Omit<NotebookStats, "notebook">][];
  const lines = [
    "| notebook | code cells | code lines | `throw` | check lines | checks / code | teacher cells (code lines) |",
    "| -------- | ---------: | ---------: | ------: | ----------: | ------------: | -------------------------: |",
    ...rows.map(([n, s]) =>
      `| ${n} | ${s.codeCells} | ${s.codeLines} | ${s.throws} | ${s.checkLines} | ${
        pct(s.checkLines, s.codeLines)
      } | ${s.teacherCells} (${s.teacherLines}) |`
    ),
  ];
  return lines.join("\n");
}

if (import.meta.main) {
  const i = Deno.args.indexOf("--rev");
  const rev = i >= 0 ? Deno.args[i + 1] : undefined;
  if (i >= 0 && rev === undefined) throw new Error("--rev needs a commit");
  const stats = await measure(rev);
  if (Deno.args.includes("--json")) console.log(JSON.stringify(stats, null, 2));
  else {
    console.log(`notebooks of ${rev ?? "the working tree"}:\n`);
    console.log(statsTable(stats));
  }
}
