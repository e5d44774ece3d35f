/**
 * Static checks of notebook code: `deno check` and `deno lint` do not read .ipynb, so the code cells of each
 * notebook (in `notebooks/` and `templates/`) are written to `<name>.nb.ts` beside it (git-ignored and removed afterwards; cells share one scope,
 * so concatenation keeps the semantics) and checked there. Formatting is checked here too, by formatting each
 * notebook through `deno fmt --ext=ipynb -` and comparing: `deno fmt --check` on the tree reports notebooks as
 * unformatted with an empty diff on a fresh clone (its incremental cache is empty), so deno.json excludes
 * `notebooks/` from `deno fmt` and `--fix` here writes the formatted notebooks.
 *
 *   deno run -A tools/nb_check.ts          check (format, type check, lint)
 *   deno run -A tools/nb_check.ts --fix    format the notebooks in place first
 * @module
 */
import { join } from "node:path";
import { listNotebooks, ROOT } from "./jupyter.ts";

/** The notebooks checked: `notebooks/` and the report template(s) in `templates/`. */
async function checkedNotebooks(): Promise<string[]> {
  return [...await listNotebooks(), ...await listNotebooks(join(ROOT, "templates"))];
}

/** The code cells of a notebook as one TypeScript module. */
export function extractCode(notebookJson: string): string {
  const nb = JSON.parse(notebookJson);
  const code = nb.cells
    .filter((c: { cell_type: string }) => c.cell_type === "code")
    .map((c: { source: string | string[] }, i: number) =>
      `// --- cell ${i + 1}\n${Array.isArray(c.source) ? c.source.join("") : c.source}`
    )
    .join("\n\n");
  return `${code}\n\nexport {};\n`;
}

/** The notebook JSON as `deno fmt` formats it (code cells formatted, JSON layout kept). */
export async function formatNotebook(text: string): Promise<string> {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["fmt", "--ext=ipynb", "-"],
    cwd: ROOT,
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(text));
  await writer.close();
  const out = await child.output();
  if (!out.success) throw new Error(new TextDecoder().decode(out.stderr));
  return new TextDecoder().decode(out.stdout);
}

if (import.meta.main) {
  const fix = Deno.args.includes("--fix");
  const unformatted: string[] = [];
  for (const nb of await checkedNotebooks()) {
    const text = await Deno.readTextFile(nb);
    const formatted = await formatNotebook(text);
    if (formatted === text) continue;
    if (fix) await Deno.writeTextFile(nb, formatted);
    else unformatted.push(nb);
  }
  if (unformatted.length > 0) {
    console.error(`not formatted (run deno run -A tools/nb_check.ts --fix):\n  ${unformatted.join("\n  ")}`);
  }
  const files: string[] = [];
  for (const nb of await checkedNotebooks()) {
    const ts = nb.replace(/\.ipynb$/, ".nb.ts");
    await Deno.writeTextFile(ts, extractCode(await Deno.readTextFile(nb)));
    files.push(ts);
  }
  if (files.length === 0) Deno.exit(0);
  let ok = unformatted.length === 0;
  for (const args of [["check", ...files], ["lint", "--rules-exclude=no-unused-vars", ...files]]) {
    const r = await new Deno.Command(Deno.execPath(), {
      args,
      cwd: ROOT,
      stdout: "inherit",
      stderr: "inherit",
    })
      .output();
    ok &&= r.success;
  }
  for (const f of files) await Deno.remove(f);
  console.log(
    ok ? `notebook code checked: ${files.length} notebooks` : "notebook code has problems (see above)",
  );
  Deno.exit(ok ? 0 : 1);
}
