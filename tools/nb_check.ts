/**
 * Static checks of notebook code: `deno check` and `deno lint` do not read .ipynb, so the code cells of each
 * notebook are written to `<name>.nb.ts` beside it (git-ignored and removed afterwards; cells share one scope,
 * so concatenation keeps the semantics) and checked there. `deno fmt --check` reads notebooks directly.
 * @module
 */
import { listNotebooks, ROOT } from "./jupyter.ts";

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

if (import.meta.main) {
  const files: string[] = [];
  for (const nb of await listNotebooks()) {
    const ts = nb.replace(/\.ipynb$/, ".nb.ts");
    await Deno.writeTextFile(ts, extractCode(await Deno.readTextFile(nb)));
    files.push(ts);
  }
  if (files.length === 0) Deno.exit(0);
  let ok = true;
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
