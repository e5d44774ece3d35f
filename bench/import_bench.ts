/**
 * Warm import time of `src/mod.ts` (target < 0.5 s): a fresh `deno run` that imports the module, measured
 * with the module graph already cached. The baseline is a script that imports nothing.
 */
const script = new URL("./_import_mod.ts", import.meta.url).pathname;
const empty = new URL("./_import_nothing.ts", import.meta.url).pathname;

async function run(path: string) {
  const r = await new Deno.Command(Deno.execPath(), { args: ["run", "-A", path], stdout: "null" }).output();
  if (!r.success) throw new Error(`deno run ${path} failed`);
}

await run(script); // warm the cache

Deno.bench({ name: "deno run, empty script", group: "import", baseline: true, n: 5, warmup: 1 }, async () => {
  await run(empty);
});
Deno.bench({ name: "deno run, import src/mod.ts (warm)", group: "import", n: 5, warmup: 1 }, async () => {
  await run(script);
});
