import assert from "node:assert/strict";

const CONFIG = new URL("../../deno.json", import.meta.url).pathname;

/** A fresh process (no other test has rendered anything in it): what is loaded after each step. */
const PROBE = `
import { plot } from "${new URL("../../src/mod.ts", import.meta.url).href}";
import { linkedomLoaded, resvgLoaded } from "${new URL("../../src/deps/lazy.ts", import.meta.url).href}";
const seen = [[linkedomLoaded(), resvgLoaded()]];
const fig = plot({ marks: [] , title: "t" });
fig.toSVG();
seen.push([linkedomLoaded(), resvgLoaded()]);
const png = fig.toPNG();
seen.push([linkedomLoaded(), resvgLoaded(), png[1] === 0x50]);
console.log(JSON.stringify(seen));
`;

Deno.test("deps/lazy: importing ClusterLab evaluates neither linkedom nor resvg; the first chart loads the DOM, the first PNG the rasteriser", async () => {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["eval", "--config", CONFIG, "--ext=ts", PROBE],
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).output();
  const err = new TextDecoder().decode(out.stderr);
  assert.equal(out.code, 0, err);
  const seen = JSON.parse(new TextDecoder().decode(out.stdout).trim());
  assert.deepEqual(seen, [[false, false], [true, false], [true, true, true]]);
});
