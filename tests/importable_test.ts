/**
 * ClusterLab as a library, from a researcher's own folder (README, "Use it on your data"): a temporary folder
 * outside the repository, with no `deno.json`, holds a script and a notebook that import `src/mod.ts` by
 * absolute path, `file://` URL and `http://` URL; the script runs with plain `deno run` (no `--config`), the
 * notebook's kernel starts in that folder. The workspace way (a study `deno.json` holding the clone as a
 * member) and the frozen-lock way (`--frozen --lock=<clone>/deno.lock`) are run too. The clone's lock never
 * changes.
 */
import assert from "node:assert/strict";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { executeNotebooks, ROOT } from "../tools/jupyter.ts";

const MOD = join(ROOT, "src", "mod.ts");
const LOCK = join(ROOT, "deno.lock");

/** A script that imports the library from `spec`, computes a location quotient and loads a dataset. */
function script(spec: string): string {
  return `import { loadDataset, locationQuotient, matrixFrom } from ${JSON.stringify(spec)};
const x = matrixFrom([
  { region: "A", sector: "s", value: 3 },
  { region: "A", sector: "t", value: 1 },
  { region: "B", sector: "s", value: 1 },
  { region: "B", sector: "t", value: 3 },
]);
const regions = await loadDataset("uk-regions");
console.log(JSON.stringify({ lq: locationQuotient(x).get("A", "s"), regions: regions.numRows() }));
`;
}

async function deno(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = await new Deno.Command(Deno.execPath(), {
    args,
    cwd,
    env: { NO_COLOR: "1", ...env },
    stdout: "piped",
    stderr: "piped",
  }).output();
  return {
    ok: r.success,
    stdout: new TextDecoder().decode(r.stdout),
    stderr: new TextDecoder().decode(r.stderr),
  };
}

/** A temporary folder that is not inside the repository (the point of the test). */
async function outsideFolder(): Promise<string> {
  const dir = await Deno.realPath(await Deno.makeTempDir({ prefix: "clusterlab-study-" }));
  assert.ok(relative(ROOT, dir).startsWith(".."), `${dir} must be outside ${ROOT}`);
  return dir;
}

const expected = { lq: 1.5, regions: 39 }; // (3/4) / (4/8); the 39 NUTS-2 regions of Great Britain

Deno.test({
  name: "a script in a folder without deno.json imports src/mod.ts by path and by file:// URL with deno run",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const lockBefore = await Deno.readFile(LOCK);
    const dir = await outsideFolder();
    try {
      await Deno.writeTextFile(join(dir, "by_path.ts"), script(MOD));
      await Deno.writeTextFile(join(dir, "by_url.ts"), script(pathToFileURL(MOD).href));
      for (const file of ["by_path.ts", "by_url.ts"]) {
        const r = await deno(["run", "-A", file], dir);
        assert.ok(r.ok, `${file}:\n${r.stderr}`);
        assert.deepEqual(JSON.parse(r.stdout), expected);
      }
      // the pinned, integrity-checked way: the clone's lock, frozen (an entry it lacks would be an error)
      const frozen = await deno(["run", "-A", "--frozen", `--lock=${LOCK}`, "by_path.ts"], dir);
      assert.ok(frozen.ok, frozen.stderr);
      assert.deepEqual(JSON.parse(frozen.stdout), expected);
      // nothing was written next to the script, and the clone's lock is unchanged
      const files = [...Deno.readDirSync(dir)].map((e) => e.name).sort();
      assert.deepEqual(files, ["by_path.ts", "by_url.ts"]);
      assert.deepEqual(await Deno.readFile(LOCK), lockBefore);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: "a script imports src/mod.ts by http(s) URL; shipped datasets are then fetched from the same server",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const dir = await outsideFolder();
    // a web server over the clone (as a GitHub raw URL or a static host would serve it)
    const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, async (req) => {
      const path = join(ROOT, decodeURIComponent(new URL(req.url).pathname));
      if (relative(ROOT, path).startsWith("..")) return new Response("forbidden", { status: 403 });
      try {
        const type = path.endsWith(".ts") ? "application/typescript" : "application/octet-stream";
        return new Response(await Deno.readFile(path), { headers: { "content-type": type } });
      } catch {
        return new Response("not found", { status: 404 });
      }
    });
    try {
      await Deno.writeTextFile(
        join(dir, "by_http.ts"),
        script(`http://127.0.0.1:${server.addr.port}/src/mod.ts`),
      );
      // a private Deno cache for the downloaded modules; npm packages come from the shared cache
      const denoDir = join(dir, "deno-dir");
      await Deno.mkdir(denoDir);
      const info = JSON.parse((await deno(["info", "--json"], dir)).stdout);
      await Deno.symlink(info.npmCache, join(denoDir, "npm"));
      const r = await deno(["run", "-A", "by_http.ts"], dir, { DENO_DIR: denoDir });
      assert.ok(r.ok, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout), expected);
    } finally {
      await server.shutdown();
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: "the workspace way: a study deno.json holding the clone as a member imports @clusterlab/core",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const lockBefore = await Deno.readFile(LOCK);
    const dir = await outsideFolder();
    try {
      await Deno.symlink(ROOT, join(dir, "clusterlab"));
      await Deno.writeTextFile(
        join(dir, "deno.json"),
        JSON.stringify({ workspace: ["./clusterlab"] }, null, 2),
      );
      await Deno.writeTextFile(join(dir, "study.ts"), script("@clusterlab/core"));
      const r = await deno(["run", "-A", "study.ts"], dir);
      assert.ok(r.ok, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout), expected);
      // the study has its own lock, the clone's is untouched
      const lock = JSON.parse(await Deno.readTextFile(join(dir, "deno.lock")));
      assert.ok(Object.keys(lock.specifiers).includes("npm:arquero@8.0.3"));
      assert.deepEqual(await Deno.readFile(LOCK), lockBefore);
      // Deno 2.9.6 says that the member's lock settings do not apply in a workspace (documented in README)
      assert.match(r.stderr, /"lock" field can only be specified in the workspace root/);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: "a notebook in a folder without deno.json imports src/mod.ts by path and URL; its kernel runs there",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const lockBefore = await Deno.readFile(LOCK);
    const dir = await outsideFolder();
    try {
      const cells = [
        `import { locationQuotient, matrixFrom, plot } from ${JSON.stringify(MOD)};\n` +
        `const { loadDataset } = await import(${JSON.stringify(pathToFileURL(MOD).href)});\n` +
        `const x = matrixFrom([{ region: "A", sector: "s", value: 3 }, { region: "A", sector: "t", value: 1 },\n` +
        `  { region: "B", sector: "s", value: 1 }, { region: "B", sector: "t", value: 3 }]);\n` +
        `console.log("cwd", Deno.cwd());\n` +
        `console.log("LQ(A, s) =", locationQuotient(x).get("A", "s"));\n` +
        `console.log("regions:", (await loadDataset("uk-regions")).numRows());`,
        `plot({ title: "LQ", marks: [], description: "an empty chart" });`,
      ];
      const nb = {
        cells: cells.map((source, i) => ({
          cell_type: "code",
          id: `cell-${i + 1}`,
          execution_count: null,
          metadata: {},
          outputs: [],
          source,
        })),
        metadata: { kernelspec: { display_name: "Deno", language: "typescript", name: "deno" } },
        nbformat: 4,
        nbformat_minor: 5,
      };
      const path = join(dir, "study.ipynb");
      await Deno.writeTextFile(path, JSON.stringify(nb, null, 1));
      const out = join(dir, "out");
      const r = await executeNotebooks([path], { out, capture: true });
      assert.ok(r.ok, r.stderr);
      const executed = JSON.parse(await Deno.readTextFile(join(out, "study.ipynb")));
      const text = executed.cells[0].outputs
        .filter((o: { name?: string }) => o.name === "stdout")
        .map((o: { text: string | string[] }) => (Array.isArray(o.text) ? o.text.join("") : o.text))
        .join("");
      assert.match(text, new RegExp(`cwd ${dir}\\n`)); // the kernel was started in the study folder
      assert.match(text, /LQ\(A, s\) = 1\.5\n/);
      assert.match(text, /regions: 39\n/);
      const chart = executed.cells[1].outputs.find((o: { output_type: string }) =>
        o.output_type === "execute_result"
      );
      assert.ok(chart?.data?.["image/png"], "the chart's PNG is rendered outside the clone too");
      assert.deepEqual(await Deno.readFile(LOCK), lockBefore);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
