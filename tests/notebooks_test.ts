/**
 * Every notebook executes top to bottom with the Deno kernel on the shipped data, and a failing cell fails
 * the test with the cell's real error. Executed copies go to out/test/.
 */
import { join, relative } from "node:path";
import { executeNotebooks, listNotebooks, ROOT } from "../tools/jupyter.ts";

for (const nb of await listNotebooks()) {
  Deno.test({
    name: `notebook ${relative(join(ROOT, "notebooks"), nb)} executes without error`,
    sanitizeResources: false,
    sanitizeOps: false,
    fn: async () => {
      const r = await executeNotebooks([nb], { out: join(ROOT, "out", "test"), capture: true });
      if (!r.ok) throw new Error(`${nb} failed:\n${r.stderr}\n${r.stdout}`);
    },
  });
}

Deno.test("notebooks are committed without outputs", async () => {
  const dirty: string[] = [];
  for (const nb of await listNotebooks()) {
    const json = JSON.parse(await Deno.readTextFile(nb));
    for (const c of json.cells) {
      if (c.cell_type === "code" && ((c.outputs ?? []).length > 0 || c.execution_count !== null)) {
        dirty.push(relative(ROOT, nb));
        break;
      }
    }
  }
  if (dirty.length > 0) throw new Error(`Notebooks with outputs (strip them): ${dirty.join(", ")}`);
});
