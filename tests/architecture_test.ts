/**
 * The house drawn from the imports (CONTRIBUTING.md §1): every file of `src/` imports only its own room or the
 * rooms below it, third-party packages only through `src/deps/`, and no file-level import cycle exists.
 */
import assert from "node:assert/strict";
import { dirname, join, relative, resolve } from "node:path";

const SRC = new URL("../src/", import.meta.url).pathname;
/** Rooms from the ground up; the entry points (mod.ts, types.ts, advanced.ts) sit on top of all. */
export const ROOMS = [
  "deps",
  "core",
  "data",
  "indicators",
  "classify",
  "models",
  "plot",
  "notebook",
] as const;

function roomOf(file: string): number {
  const rel = relative(SRC, file);
  const top = rel.split("/")[0]!;
  const i = (ROOMS as readonly string[]).indexOf(top);
  return i >= 0 ? i : ROOMS.length; // entry points
}

async function sourceFiles(dir = SRC): Promise<string[]> {
  const out: string[] = [];
  for await (const e of Deno.readDir(dir)) {
    const p = join(dir, e.name);
    if (e.isDirectory) out.push(...await sourceFiles(p));
    else if (e.name.endsWith(".ts")) out.push(p);
  }
  return out.sort();
}

/** Static and dynamic import specifiers of a module (comments and doc examples excluded). */
export function importsOf(code: string): string[] {
  const body = code.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const specs: string[] = [];
  for (const m of body.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;'"]*?from\s*["']([^"']+)["']/g)) {
    specs.push(m[1]!);
  }
  for (const m of body.matchAll(/(?:^|\n)\s*import\s*["']([^"']+)["']/g)) specs.push(m[1]!);
  for (const m of body.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) specs.push(m[1]!);
  return specs;
}

const files = await sourceFiles();
const graph = new Map<string, string[]>();
for (const f of files) {
  graph.set(
    f,
    importsOf(await Deno.readTextFile(f)).map((s) => s.startsWith(".") ? resolve(dirname(f), s) : s),
  );
}

Deno.test("no file of src/ imports a room above its own", () => {
  const up: string[] = [];
  for (const [f, deps] of graph) {
    for (const d of deps) {
      if (!d.startsWith("/")) continue;
      if (roomOf(d) > roomOf(f)) up.push(`${relative(SRC, f)} → ${relative(SRC, d)}`);
    }
  }
  assert.deepEqual(up, []);
});

Deno.test("third-party packages are imported only through src/deps/ (bare specifiers fail outside the clone)", () => {
  const bare: string[] = [];
  for (const [f, deps] of graph) {
    const inDeps = roomOf(f) === 0;
    for (const d of deps) {
      if (d.startsWith("/") || d.startsWith("node:")) continue;
      if (!(inDeps && d.startsWith("npm:"))) bare.push(`${relative(SRC, f)} imports "${d}"`);
    }
  }
  assert.deepEqual(bare, []);
});

Deno.test("the import graph of src/ has no cycle", () => {
  const state = new Map<string, 1 | 2>();
  const cycles: string[] = [];
  const visit = (f: string, path: string[]) => {
    state.set(f, 1);
    for (const d of graph.get(f) ?? []) {
      if (!graph.has(d)) continue;
      if (state.get(d) === 1) {
        cycles.push([...path.slice(path.indexOf(d)), d].map((p) => relative(SRC, p)).join(" → "));
      } else if (!state.has(d)) visit(d, [...path, d]);
    }
    state.set(f, 2);
  };
  for (const f of graph.keys()) if (!state.has(f)) visit(f, [f]);
  assert.deepEqual(cycles, []);
});

Deno.test("importsOf reads static, side-effect and dynamic imports, not doc examples", () => {
  const code = `/**\n * import { x } from "npm:nope";\n */\nimport { a } from "./a.ts";\nimport "./b.ts";\n` +
    `export * from "./c.ts";\nconst m = await import("./d.ts");\n// import { e } from "./e.ts";\n`;
  assert.deepEqual(importsOf(code).sort(), ["./a.ts", "./b.ts", "./c.ts", "./d.ts"]);
});
