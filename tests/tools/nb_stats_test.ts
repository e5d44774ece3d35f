import assert from "node:assert/strict";
import { type LintDiagnostic, notebookStats, statsTable } from "../../tools/nb_stats.ts";
import { extractCode } from "../../tools/nb_check.ts";
import plugin from "../../tools/nb_lint_plugin.ts";

const nb = JSON.stringify({
  cells: [
    { cell_type: "markdown", source: "# Title\n\ntext", metadata: {} },
    {
      cell_type: "code",
      source: ["const n = 39;\n", "\n", "if (n !== 39) {\n", '  throw new Error("39");\n', "}\n", "n;"],
      metadata: {},
    },
    { cell_type: "code", source: "console.log(n);", metadata: { tags: ["teacher"] } },
    { cell_type: "code", source: "for (const k of [1]) if (k > n) throw new Error(`${k}`);", metadata: {} },
  ],
});

/** The plugin's findings on the extracted code, as `deno lint --json` reports them (1-based lines). */
function diagnostics(json: string): LintDiagnostic[] {
  const code = extractCode(json);
  const line = (offset: number) => code.slice(0, offset).split("\n").length;
  return Deno.lint.runPlugin(plugin, "x.nb.ts", code).map((d) => ({
    filename: "file:///x.nb.ts",
    code: d.id,
    range: { start: { line: line(d.range[0]) }, end: { line: line(d.range[1]) } },
  }));
}

Deno.test("notebookStats(): code lines are non-blank, checks count the lines they span", () => {
  const s = notebookStats("notebooks/x.ipynb", nb, diagnostics(nb));
  assert.deepEqual(s, {
    notebook: "notebooks/x.ipynb",
    codeCells: 3,
    codeLines: 5 + 1 + 1, // the blank line is not counted
    throws: 2,
    checkLines: 3 + 1, // the if with its braces, and the one-line loop
    teacherCells: 1,
    teacherLines: 1,
  });
  // without diagnostics nothing is a check
  assert.equal(notebookStats("x", nb, []).checkLines, 0);
});

Deno.test("statsTable(): one row per notebook and a total, the share of check lines", () => {
  const s = notebookStats("notebooks/x.ipynb", nb, diagnostics(nb));
  const table = statsTable([s, { ...s, notebook: "notebooks/course/y.ipynb", checkLines: 0, throws: 0 }]);
  const rows = table.split("\n");
  assert.equal(rows.length, 2 + 3);
  assert.equal(rows[2], "| x.ipynb | 3 | 7 | 2 | 4 | 57.1% | 1 (1) |");
  assert.equal(rows[3], "| course/y.ipynb | 3 | 7 | 0 | 0 | 0.0% | 1 (1) |");
  assert.equal(rows[4], "| total | 6 | 14 | 2 | 4 | 28.6% | 2 (2) |");
});
