import assert from "node:assert/strict";

Deno.test("importing src/mod.ts does not load danfojs (it is heavy and optional)", async () => {
  const r = await new Deno.Command(Deno.execPath(), {
    args: ["info", "--json", new URL("../src/mod.ts", import.meta.url).pathname],
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.ok(r.success, new TextDecoder().decode(r.stderr));
  const graph = new TextDecoder().decode(r.stdout);
  assert.ok(graph.includes("arquero"), "the graph should list arquero (sanity check of the probe)");
  assert.ok(!/danfojs|tensorflow/.test(graph), "src/mod.ts must not import danfojs");
});
