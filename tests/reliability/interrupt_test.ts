/**
 * Long runs can be interrupted from the notebook and keep what they had: a real Deno kernel (message-mode
 * interrupts, as `deno task lab` and the runner register it) runs a long sweep with `options.rows`, is
 * interrupted (Jupyter's Stop), and the rows finished before the interrupt are still there, the kernel alive
 * and its state kept. "Keep" means: the kernel's variables survive, and a sweep's `rows` array holds every
 * row completed before the interrupt (the running row is lost); a function that returns only at its end
 * (simulateMarch's runs) keeps nothing of the interrupted call. The same holds for a sweep on 2 workers: its
 * loop waits for them in `Atomics.wait`, inside JavaScript, so the interrupt stops it there.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { findPython, installKernel, ROOT } from "../../tools/jupyter.ts";

let python: string | undefined;
try {
  python = await findPython();
} catch {
  python = undefined;
}

for (const workers of [1, 2]) {
  Deno.test({
    name: `reliability: an interrupted sweep keeps the rows it finished; the kernel keeps its state${
      workers > 1 ? " (2 workers)" : ""
    }`,
    ignore: python === undefined,
    sanitizeResources: false,
    sanitizeOps: false,
    fn: async () => {
      const dataHome = await Deno.makeTempDir({ prefix: "clusterlab-interrupt-" });
      const model = new URL("../fixtures/sweep_models.ts", import.meta.url).href;
      try {
        const env = await installKernel(dataHome);
        const out = await new Deno.Command(python!, {
          args: [
            join(ROOT, "tests", "reliability", "fixtures", "interrupt.py"),
            ROOT,
            "4",
            ...(workers > 1 ? [model] : []),
          ],
          env: { ...env, NO_COLOR: "1" },
          stdout: "piped",
          stderr: "piped",
        }).output();
        const text = new TextDecoder().decode(out.stdout).trim().split("\n").at(-1) ?? "";
        assert.ok(out.success && text.startsWith("{"), new TextDecoder().decode(out.stderr));
        const r = JSON.parse(text) as {
          interrupted: string[];
          kept: number | null;
          later: number | null;
          alive: boolean;
        };
        assert.ok(
          !r.interrupted.includes('"finished"'),
          "the sweep ran to its end: the interrupt did not stop it",
        );
        assert.ok(r.kept !== null && r.kept > 0 && r.kept < 2000, `rows kept: ${r.kept} (${text})`);
        assert.equal(r.later, r.kept, "the sweep went on after the interrupt");
        assert.equal(r.alive, true);
      } finally {
        await Deno.remove(dataHome, { recursive: true });
      }
    },
  });
}
