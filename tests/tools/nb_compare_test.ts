import assert from "node:assert/strict";
import { compareOutputs } from "../../tools/nb_compare.ts";

const nb = (cells: [string, unknown[]][]) => ({
  cells: [
    { cell_type: "markdown", source: "# x", id: "md" },
    ...cells.map(([id, outputs]) => ({ cell_type: "code", source: "", id, outputs })),
  ],
});

Deno.test("compareOutputs(): cells matched by id; changed outputs, and cells only on one side", () => {
  const out = (text: string) => [{ output_type: "stream", name: "stdout", text }];
  const before = nb([["a", out("1\n")], ["b", out("2\n")], ["check", []]]);
  const after = nb([["a", out("1\n")], ["b", out("3\n")], ["new", out("4\n")]]);
  assert.deepEqual(compareOutputs(before, after), {
    changed: ["b"],
    onlyBefore: ["check"],
    onlyAfter: ["new"],
    same: 1,
  });
  assert.deepEqual(compareOutputs(before, before), { changed: [], onlyBefore: [], onlyAfter: [], same: 3 });
});
