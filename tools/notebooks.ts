/**
 * The main job: execute every notebook in `notebooks/` on the shipped data with the Deno kernel, and write
 * executed copies and self-contained HTML renderings (plots included) to `out/`, with an index page.
 *
 *   deno task notebooks                         all notebooks
 *   deno task notebooks --only 03               notebooks whose file name starts with 03 (also course/03-…)
 *   deno task notebooks --only course/05        one lesson of the course
 *   deno task notebooks --param REGION=浙江     sets CLUSTERLAB_REGION for the notebooks (see `param()`); warns
 *                                               when no chosen notebook reads the parameter
 *   deno task notebooks --out DIR               another output folder
 *   deno task notebooks --dir STUDY             the notebooks of a study folder (`deno task new`) instead of
 *                                               notebooks/, into STUDY/out/ (or --out DIR)
 *   deno task notebooks --teacher               the teacher edition (cells tagged `teacher` kept, see
 *                                               tools/editions.ts) into out/teacher/ (or --out DIR); without
 *                                               it, the student edition (those cells left out) into out/
 *   deno task notebooks --jobs N                N notebooks at once, each with its own kernel (default: twice
 *                                               the number of CPUs); the files, their bytes and the printed lines
 *                                               (notebook by notebook, in order) are those of --jobs 1
 * @module
 */
import { basename, join, relative, resolve } from "node:path";
import { defaultJobs, executeNotebooks, listNotebooks, ROOT } from "./jupyter.ts";
import type { Edition } from "./editions.ts";

/**
 * Command-line arguments → notebooks prefixes, CLUSTERLAB_* environment, output folder, edition and the
 * number of notebooks executed at once.
 */
export function parseArgs(
  args: string[],
  cwd: string = Deno.cwd(),
): {
  only: string[];
  env: Record<string, string>;
  out: string;
  edition: Edition;
  jobs: number;
  dir?: string;
} {
  const only: string[] = [];
  const env: Record<string, string> = {};
  let out: string | undefined, dir: string | undefined;
  let edition: Edition = "student";
  let jobs = defaultJobs();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const next = () => {
      const v = args[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === "--only") only.push(next());
    else if (a === "--out") out = resolve(cwd, next());
    else if (a === "--dir") dir = resolve(cwd, next());
    else if (a === "--teacher") edition = "teacher";
    else if (a === "--jobs") {
      const v = next();
      if (!/^[1-9][0-9]*$/.test(v)) throw new Error(`--jobs expects a positive integer, received "${v}"`);
      jobs = Number(v);
    } else if (a === "--param") {
      const kv = next();
      const eq = kv.indexOf("=");
      if (eq < 1) throw new Error(`--param expects NAME=VALUE, received "${kv}"`);
      env[`CLUSTERLAB_${kv.slice(0, eq).toUpperCase()}`] = kv.slice(eq + 1);
    } else {
      throw new Error(
        `Unknown argument "${a}". Use --only PREFIX, --param NAME=VALUE, --out DIR, --dir STUDY, --teacher, ` +
          "--jobs N.",
      );
    }
  }
  const base = dir ?? ROOT;
  out ??= edition === "teacher" ? join(base, "out", "teacher") : join(base, "out");
  return { only, env, out, edition, jobs, ...(dir === undefined ? {} : { dir }) };
}

function escape(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}

async function notebookTitle(path: string): Promise<string> {
  const nb = JSON.parse(await Deno.readTextFile(path));
  const md = nb.cells.find((c: { cell_type: string }) => c.cell_type === "markdown");
  const src: string = md ? (Array.isArray(md.source) ? md.source.join("") : md.source) : "";
  return src.match(/^#\s+(.+)$/m)?.[1]?.trim() ?? basename(path, ".ipynb");
}

/**
 * Write `out/index.html`, linking the rendered HTML of every notebook in `notebooks` that has one (the
 * teacher edition's index says so in its heading); links are relative to `base` (default `notebooks/`).
 */
export async function writeIndex(
  out: string,
  notebooks: string[],
  edition: Edition = "student",
  base: string = join(ROOT, "notebooks"),
): Promise<void> {
  const items: string[] = [];
  for (const nb of notebooks) {
    const rel = relative(base, nb).replace(/\.ipynb$/, "");
    try {
      await Deno.stat(join(out, `${rel}.html`));
    } catch {
      continue;
    }
    items.push(
      `<li><a href="${escape(rel)}.html">${escape(await notebookTitle(nb))}</a> <code>${
        escape(rel)
      }</code></li>`,
    );
  }
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ClusterLab notebooks</title>
<style>body{font-family:"Noto Sans CJK SC",system-ui,sans-serif;max-width:50em;margin:2em auto;line-height:1.5}</style>
</head><body><h1>ClusterLab notebooks · 创新集群笔记本${
    edition === "teacher" ? " — teacher edition · 教师版" : ""
  }</h1><ul>
${items.join("\n")}
</ul></body></html>\n`;
  await Deno.writeTextFile(join(out, "index.html"), html);
}

/**
 * The parameter names a notebook reads: every `param("NAME", …)` call in its code cells, upper-cased as
 * `param()` does (`CLUSTERLAB_<NAME>`).
 */
export function notebookParams(notebookJson: string): string[] {
  const nb = JSON.parse(notebookJson);
  const names = new Set<string>();
  for (const c of nb.cells ?? []) {
    if (c.cell_type !== "code") continue;
    const src: string = Array.isArray(c.source) ? c.source.join("") : c.source;
    for (const m of src.matchAll(/\bparam\(\s*["'`]([A-Za-z0-9_]+)["'`]/g)) names.add(m[1]!.toUpperCase());
  }
  return [...names].sort();
}

/**
 * Warnings for `--param` values that none of the chosen notebooks reads (a typo, or a notebook without that
 * parameter): without them a rerun would silently show the default region or year.
 */
export function unreadParams(params: string[], read: Map<string, string[]>): string[] {
  const warnings: string[] = [];
  for (const p of params) {
    if ([...read.values()].some((names) => names.includes(p))) continue;
    const which = [...read].map(([nb, names]) => `${nb} (${names.join(", ") || "none"})`).join("; ");
    warnings.push(`--param ${p}: no chosen notebook reads it; parameters they read: ${which}`);
  }
  return warnings;
}

if (import.meta.main) {
  const { only, env, out, edition, jobs, dir } = parseArgs(Deno.args, Deno.env.get("INIT_CWD") ?? Deno.cwd());
  const base = dir ?? join(ROOT, "notebooks");
  const all = (await listNotebooks(base)).filter((nb) => !relative(base, nb).startsWith("out/"));
  const chosen = only.length === 0
    ? all
    : all.filter((nb) => only.some((p) => basename(nb).startsWith(p) || relative(base, nb).startsWith(p)));
  if (chosen.length === 0) {
    console.error(`No notebook matches ${only.join(", ")}`);
    Deno.exit(1);
  }
  const read = new Map<string, string[]>();
  for (const nb of chosen) {
    read.set(relative(base, nb), notebookParams(await Deno.readTextFile(nb)));
  }
  const unread = unreadParams(Object.keys(env).map((k) => k.replace(/^CLUSTERLAB_/, "")), read);
  for (const w of unread) console.warn(`Warning: ${w}`);
  await Deno.mkdir(out, { recursive: true });
  const r = await executeNotebooks(chosen, { out, html: true, env, edition, jobs });
  await writeIndex(out, all, edition, base);
  console.log(
    `\nExecuted notebooks and HTML renderings (${edition} edition) are in ${out}/ (index: ${
      join(out, "index.html")
    })`,
  );
  if (!r.ok) Deno.exit(1);
}
