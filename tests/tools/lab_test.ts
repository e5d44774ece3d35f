import assert from "node:assert/strict";
import { jupyterArgs } from "../../tools/jupyter.ts";

Deno.test("deno task lab: --allow-root only when running as root (uid 0), which Jupyter otherwise refuses", () => {
  assert.deepEqual(jupyterArgs(["lab"], "/nb", 0), ["lab", "--allow-root", "/nb"]);
  assert.deepEqual(jupyterArgs([], "/nb", 0), ["--allow-root", "/nb"]);
  assert.deepEqual(jupyterArgs(["lab"], "/nb", 1000), ["lab", "/nb"]);
  assert.deepEqual(jupyterArgs(["notebook"], "/nb", null), ["notebook", "/nb"]); // Windows: no uid
});
