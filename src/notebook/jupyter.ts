/**
 * Access to the Deno Jupyter kernel from library code. `Deno.jupyter` is a getter that throws outside the
 * kernel (while `"jupyter" in Deno` is true even there), so every access goes through {@link jupyter}.
 * @module
 */

/**
 * The kernel API when running inside `deno jupyter`, otherwise `undefined`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { jupyter } from "clusterlab/advanced";
 * assert.equal(jupyter(), undefined); // a test or a script is not inside the kernel
 * ```
 */
export function jupyter(): typeof Deno.jupyter | undefined {
  try {
    return typeof Deno.jupyter.display === "function" ? Deno.jupyter : undefined;
  } catch {
    return undefined;
  }
}
