/**
 * Write a clean .ipynb (no outputs, Deno kernelspec) from a "percent" script: cells start with a line
 * `// %%` (code) or `// %% [markdown]` (markdown: the following lines are Markdown written as `// ` comments,
 * so the whole script stays valid TypeScript).
 *
 *   deno run -R -W tools/nb_from_percent.ts notebooks/src.ts notebooks/00-quickstart.ipynb
 * @module
 */
export function percentToNotebook(text: string): unknown {
  const cells: {
    cell_type: string;
    source: string[];
    metadata: Record<string, never>;
    outputs?: [];
    execution_count?: null;
  }[] = [];
  let current: { type: string; lines: string[] } | null = null;
  const flush = () => {
    if (!current) return;
    while (current.lines.length && current.lines.at(-1)!.trim() === "") current.lines.pop();
    while (current.lines.length && current.lines[0]!.trim() === "") current.lines.shift();
    const source = current.lines.map((l, i) => (i < current!.lines.length - 1 ? `${l}\n` : l));
    if (current.type === "code") {
      cells.push({ cell_type: "code", source, metadata: {}, outputs: [], execution_count: null });
    } else cells.push({ cell_type: "markdown", source, metadata: {} });
  };
  for (const line of text.split("\n")) {
    const m = line.match(/^\/\/ %%( \[markdown\])?\s*$/);
    if (m) {
      flush();
      current = { type: m[1] ? "markdown" : "code", lines: [] };
    } else if (current) current.lines.push(current.type === "markdown" ? line.replace(/^\/\/ ?/, "") : line);
  }
  flush();
  return denoNotebook(cells);
}

/** A notebook (nbformat 4.5) of `cells` for the Deno kernel (its kernelspec and language info). */
export function denoNotebook(cells: readonly unknown[]): Record<string, unknown> {
  return {
    cells,
    metadata: {
      kernelspec: { display_name: "Deno", language: "typescript", name: "deno" },
      language_info: {
        name: "typescript",
        file_extension: ".ts",
        mimetype: "text/x.typescript",
        pygments_lexer: "typescript",
        codemirror_mode: "typescript",
      },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

if (import.meta.main) {
  const [src, dst] = Deno.args;
  if (!src || !dst) throw new Error("usage: nb_from_percent.ts SOURCE.ts TARGET.ipynb");
  const nb = percentToNotebook(await Deno.readTextFile(src)) as { cells: { id?: string }[] };
  nb.cells.forEach((c, i) => (c.id = `cell-${String(i + 1).padStart(2, "0")}`));
  await Deno.writeTextFile(dst, JSON.stringify(nb, null, 1) + "\n");
}
