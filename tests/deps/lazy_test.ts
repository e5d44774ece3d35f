import assert from "node:assert/strict";

const CONFIG = new URL("../../deno.json", import.meta.url).pathname;

/** A fresh process (no other test has rendered anything in it): what is loaded after each step. */
const PROBE = `
import { plot } from "${new URL("../../src/mod.ts", import.meta.url).href}";
import { linkedomLoaded, plotLoaded, resvgLoaded } from "${
  new URL("../../src/deps/lazy.ts", import.meta.url).href
}";
const seen = [[plotLoaded(), linkedomLoaded(), resvgLoaded()]];
const fig = plot({ marks: [] , title: "t" });
fig.toSVG();
seen.push([plotLoaded(), linkedomLoaded(), resvgLoaded()]);
const png = fig.toPNG();
seen.push([plotLoaded(), linkedomLoaded(), resvgLoaded(), png[1] === 0x50]);
console.log(JSON.stringify(seen));
`;

Deno.test("deps/lazy: importing ClusterLab evaluates none of Plot, linkedom and resvg; the first chart loads Plot and the DOM, the first PNG the rasteriser", async () => {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["eval", "--config", CONFIG, "--ext=ts", PROBE],
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).output();
  const err = new TextDecoder().decode(out.stderr);
  assert.equal(out.code, 0, err);
  const seen = JSON.parse(new TextDecoder().decode(out.stdout).trim());
  assert.deepEqual(seen, [[false, false, false], [true, true, false], [true, true, true, true]]);
});
