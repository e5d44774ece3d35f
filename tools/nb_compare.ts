/**
 * Compare the outputs of two sets of executed notebooks cell by cell (cells matched by `id`): which cells'
 * outputs differ, and which cells exist in only one set. For a change that must keep the outputs (removing
 * checks from the notebooks, moving code into the library), and to see that two runs are byte-identical.
 *
 *   deno run -A tools/nb_compare.ts BEFORE_DIR AFTER_DIR     e.g. a copy of out/test/ and out/test/
 *
 * Exit code 1 when a cell present in both differs.
 * @module
 */
import { join, relative } from "node:path";
import { listNotebooks } from "./jupyter.ts";
import type { NotebookJson } from "./editions.ts";

/** How two executed copies of one notebook differ. */
export interface NotebookDiff {
  readonly changed: string[];
  readonly onlyBefore: string[];
  readonly onlyAfter: string[];
  readonly same: number;
}

const outputsOf = (nb: NotebookJson) =>
  new Map(
    nb.cells.filter((c) => c.cell_type === "code").map((
      c,
    ) => [String(c.id), JSON.stringify(c.outputs ?? [])]),
  );

/** Compare the code cells' outputs of two executed copies of a notebook. */
export function compareOutputs(before: NotebookJson, after: NotebookJson): NotebookDiff {
  const a = outputsOf(before), b = outputsOf(after);
  const changed: string[] = [], onlyBefore: string[] = [], onlyAfter: string[] = [];
  let same = 0;
  for (const [id, out] of a) {
    if (!b.has(id)) onlyBefore.push(id);
    else if (b.get(id) !== out) changed.push(id);
    else same++;
  }
  for (const id of b.keys()) if (!a.has(id)) onlyAfter.push(id);
  return { changed, onlyBefore, onlyAfter, same };
}

if (import.meta.main) {
  const [beforeDir, afterDir] = Deno.args;
  if (!beforeDir || !afterDir) throw new Error("usage: nb_compare.ts BEFORE_DIR AFTER_DIR");
  let differ = false;
  for (const nb of await listNotebooks(beforeDir)) {
    const rel = relative(beforeDir, nb);
    let after: NotebookJson;
    try {
      after = JSON.parse(await Deno.readTextFile(join(afterDir, rel)));
    } catch {
      console.log(`${rel}: missing in ${afterDir}`);
      continue;
    }
    const d = compareOutputs(JSON.parse(await Deno.readTextFile(nb)), after);
    differ ||= d.changed.length > 0;
    const parts = [`${d.same} code cells with identical outputs`];
    if (d.changed.length) parts.push(`outputs differ: ${d.changed.join(", ")}`);
    if (d.onlyBefore.length) parts.push(`only before: ${d.onlyBefore.join(", ")}`);
    if (d.onlyAfter.length) parts.push(`only after: ${d.onlyAfter.join(", ")}`);
    console.log(`${rel}: ${parts.join("; ")}`);
  }
  Deno.exit(differ ? 1 : 0);
}
