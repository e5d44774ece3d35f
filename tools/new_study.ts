/**
 * `deno task new DIR`: a study folder that uses ClusterLab from this clone.
 *
 *   deno task new DIR [--data FILE]
 *
 * DIR (relative to the folder the task was started in) must not exist or be empty. It receives:
 * - `deno.json`: the import map (`clusterlab`, `clusterlab/types`, `clusterlab/advanced`, `arquero`,
 *   `@observablehq/plot` → this clone's files by `file://` URL, so the versions stay those pinned in the
 *   clone's `src/deps/`), a frozen lock, and the tasks `notebooks` and `report`;
 * - `deno.lock`: the clone's lock (the same packages, integrity-checked), completed by `deno install` with
 *   the clone as a linked package;
 * - `data/`: FILE, or `example.csv` (the shipped UK cluster employment table) with its source;
 * - `study.ipynb`: a notebook that reads the CSV with `readLong`, shows the specialisation heatmap, the
 *   strongest location quotients and the economic complexity ranking;
 * - `analysis.ts`: the same first steps as a script (`deno run -A analysis.ts`);
 * - `README.md` (how to run it) and `.gitignore` (`out/`).
 * @module
 */
import { basename, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT } from "./jupyter.ts";
import { denoNotebook } from "./nb_from_percent.ts";

/** What `deno task new` was asked for. */
export interface NewStudyArgs {
  /** The study folder (absolute). */
  readonly dir: string;
  /** A data file to copy into `data/` (absolute), or undefined for the example. */
  readonly data?: string;
}

const USAGE = "usage: deno task new DIR [--data FILE]";

/** Parse the command line; relative paths are resolved against `cwd`. */
export function parseNewArgs(args: readonly string[], cwd: string): NewStudyArgs {
  let dir: string | undefined, data: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--data") {
      data = args[++i];
      if (data === undefined) throw new Error(`--data needs a file.\n${USAGE}`);
    } else if (a.startsWith("--")) throw new Error(`Unknown argument "${a}".\n${USAGE}`);
    else if (dir === undefined) dir = a;
    else throw new Error(`One folder only (received "${dir}" and "${a}").\n${USAGE}`);
  }
  if (dir === undefined) throw new Error(`The study folder is required.\n${USAGE}`);
  return { dir: resolve(cwd, dir), data: data === undefined ? undefined : resolve(cwd, data) };
}

/** The study's `deno.json`: the clone's entry points and pinned packages by `file://` URL, a frozen lock. */
export function studyConfig(root: string = ROOT): Record<string, unknown> {
  const url = (path: string) => pathToFileURL(join(root, path)).href;
  return {
    imports: {
      "clusterlab": url("src/mod.ts"),
      "clusterlab/types": url("src/types.ts"),
      "clusterlab/advanced": url("src/advanced.ts"),
      "arquero": url("src/deps/arquero.ts"),
      "@observablehq/plot": url("src/deps/plot.ts"),
    },
    lock: { path: "./deno.lock", frozen: true },
    // the charts use DOM types: type checking (deno check, the editor) needs these libraries, as in the clone
    compilerOptions: { lib: ["deno.ns", "deno.unstable", "dom", "dom.iterable", "esnext"] },
    tasks: {
      notebooks: `deno run -A ${join(root, "tools", "notebooks.ts")} --dir .`,
      report: `deno run -A ${join(root, "tools", "report.ts")}`,
    },
  };
}

type Cell = { cell_type: "code" | "markdown"; id: string; source: string[] };

function cell(cell_type: Cell["cell_type"], id: string, text: string): Cell {
  const lines = text.split("\n");
  return { cell_type, id, source: lines.map((l, i) => (i < lines.length - 1 ? `${l}\n` : l)) };
}

/** The study notebook: read the CSV in `data/`, location quotients, the heatmap, complexity. */
export function studyNotebook(dataFile: string): unknown {
  const cells = [
    cell(
      "markdown",
      "intro",
      `# My study · 我的研究

This notebook reads \`data/${dataFile}\` (one row per region × sector, optionally × year), computes location
quotients and economic complexity with ClusterLab, and shows them. Replace the file (or set the parameter
\`DATA\`) to run it on other data; \`deno task report --data data/${dataFile}\` renders the full report.

本笔记本读取 \`data/${dataFile}\`（每行一个“地区 × 部门（× 年份）”），用 ClusterLab 计算区位商与经济复杂度并作图。
替换该文件（或设置参数 \`DATA\`）即可分析其他数据；\`deno task report --data data/${dataFile}\` 生成完整报告。`,
    ),
    cell(
      "code",
      "read",
      `import * as aq from "arquero";
import {
  complexity,
  locationQuotient,
  matrixFrom,
  param,
  presence,
  readLong,
  showTable,
  specialisationHeatmap,
} from "clusterlab";

const DATA = param("DATA", "data/${dataFile}");
const LANG = param("LANG", "en", { choices: ["en", "zh"] });
// the columns are guessed from their names; name them if the guess is wrong: readLong(DATA, { region: "nuts2" })
const { table, columns, guessed, warnings } = await readLong(DATA);
console.log("columns:", columns, "guessed:", guessed.join(", "));
warnings.forEach((w) => console.log("warning:", w));
const years = columns.year === undefined ? [] : [...new Set(Array.from(table.array(columns.year) as ArrayLike<number>))].sort((a, b) => a - b);
const YEAR = years.length > 0 ? param("YEAR", years.at(-1)!, { choices: years }) : undefined;
const yearCol = columns.year ?? "";
const rows = YEAR === undefined
  ? table
  : table.filter(aq.escape((d: Record<string, unknown>) => d[yearCol] === YEAR));
const x = matrixFrom(rows, columns);
x.warnings.forEach((w) => console.log("warning:", w));
console.log(\`\${x.nrow} regions × \${x.ncol} sectors\${YEAR === undefined ? "" : \` in \${YEAR}\`}\`);`,
    ),
    cell(
      "markdown",
      "lq-text",
      `## Specialisation · 专业化

LQ = (x_rs / x_r·) / (x_·s / x) (Balassa 1965): LQ > 1 means the region is specialised in the sector.

区位商 LQ > 1 表示该地区在该部门上专业化。`,
    ),
    cell(
      "code",
      "lq",
      `const lq = locationQuotient(x);
lq.warnings.forEach((w) => console.log("warning:", w));
const strongest = lq.toTable({ row: "region", col: "sector", value: "lq" })
  .join(x.toTable({ row: "region", col: "sector", value: "value" }), ["region", "sector"])
  .orderby(aq.desc("lq"));
showTable(strongest, { limit: 10 });`,
    ),
    cell(
      "code",
      "heatmap",
      `specialisationHeatmap(lq, { lang: LANG, cellSize: x.nrow > 40 || x.ncol > 40 ? 8 : 12 });`,
    ),
    cell(
      "markdown",
      "complexity-text",
      `## Economic complexity · 经济复杂度

Presence M = 1[LQ ≥ 1]; ECI by the eigenvector method (Hausmann, Hidalgo et al. 2014).

存在矩阵 M = 1[LQ ≥ 1]；ECI 采用特征向量法（Hausmann、Hidalgo 等 2014）。`,
    ),
    cell(
      "code",
      "complexity",
      `const cx = complexity(presence(lq));
cx.warnings.forEach((w) => console.log("warning:", w));
showTable(
  aq.table({ region: [...x.rows], eci: Array.from(cx.eci.values), diversity: Array.from(cx.diversity.values) })
    .orderby(aq.desc("eci")),
  { limit: 15 },
);`,
    ),
  ].map((
    c,
  ) => (c.cell_type === "code"
    ? { ...c, execution_count: null, metadata: {}, outputs: [] }
    : { ...c, metadata: {} })
  );
  return denoNotebook(cells);
}

/** The study's script: the same first steps as the notebook, for `deno run -A analysis.ts`. */
export function studyScript(dataFile: string): string {
  return `// deno run -A analysis.ts [FILE]   (the imports resolve through this folder's deno.json)
import * as aq from "arquero";
import { complexity, locationQuotient, matrixFrom, presence, readLong } from "clusterlab";

const { table, columns, warnings } = await readLong(Deno.args[0] ?? "data/${dataFile}");
for (const w of warnings) console.log("warning:", w);
const yearCol = columns.year ?? "";
const last = yearCol === "" ? undefined : Math.max(...Array.from(table.array(yearCol) as ArrayLike<number>));
const rows = last === undefined ? table : table.filter(aq.escape((d: Record<string, unknown>) => d[yearCol] === last));
const x = matrixFrom(rows, columns);
const eci = complexity(presence(locationQuotient(x))).eci;
console.log(\`\${x.nrow} regions × \${x.ncol} sectors\${last === undefined ? "" : \` in \${last}\`}\`);
console.log(\`most complex: \${eci.ranked().slice(0, 5).join(", ")}\`);
`;
}

/** The study's README: how to run it. */
export function studyReadme(dir: string, dataFile: string, root: string = ROOT): string {
  const rel = relative(dir, root) || ".";
  return `# ${basename(dir)}: a ClusterLab study

Made by \`deno task new\` from the ClusterLab clone in \`${root}\` (\`${rel}\` from here).

| file | what |
| --- | --- |
| \`data/${dataFile}\` | the data: one row per region × sector (× year); replace it with yours |
| \`study.ipynb\` | the notebook: reads the data, location quotients, heatmap, economic complexity |
| \`analysis.ts\` | the same as a script |
| \`deno.json\`, \`deno.lock\` | where \`clusterlab\` comes from (the clone, by \`file://\` URL) and the pinned, integrity-checked packages |

## Run it

\`\`\`sh
# the notebook, executed and rendered to out/study.html (self-contained) and out/study.ipynb
deno task notebooks                    # here; or, from the clone: deno task notebooks --dir ${dir}
# the script
deno run -A analysis.ts
# the full report on the data (HTML + executed notebook + CSV tables in out/report/…)
deno task report --data data/${dataFile}
# interactively: register the Deno kernel once, then open the folder in Jupyter
deno jupyter --install && jupyter lab
\`\`\`

Columns are guessed from their names (\`region\`, \`nuts2\`, \`province\`, \`country\`; \`sector\`, \`industry\`,
\`sic\`, \`field\`; \`value\`, \`employment\`, \`count\`, \`patents\`; \`year\`). If the guess fails, name them:
\`readLong(DATA, { region: "geo", sector: "nace", value: "emp" })\` in the notebook, \`--region geo --sector nace
--value emp\` for the report. Codes stay text (\`0161\` keeps its zero); an empty or non-numeric value is an
error naming the row and column, never a zero.

## Versions

\`deno.lock\` started as a copy of the clone's lock and is frozen: every package is the one the clone pins
(in one place, the clone's \`src/deps/\`), checked against its hash. After updating the clone (\`git pull\`),
refresh it with \`deno install --frozen=false --entrypoint analysis.ts\`. To add a package of your own:
\`deno add --frozen=false npm:PACKAGE@VERSION\`.
`;
}

/** Write the study folder; the list of files written (relative to the folder). */
export async function newStudy(args: NewStudyArgs, root: string = ROOT): Promise<string[]> {
  try {
    const entries = [...Deno.readDirSync(args.dir)];
    if (entries.length > 0) throw new Error(`${args.dir} exists and is not empty: choose a new folder`);
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
  const dataFile = args.data === undefined ? "example.csv" : basename(args.data);
  await Deno.mkdir(join(args.dir, "data"), { recursive: true });
  if (args.data === undefined) {
    await Deno.copyFile(join(root, "data", "uk-employment-clusters.csv"), join(args.dir, "data", dataFile));
    await Deno.writeTextFile(
      join(args.dir, "data", "SOURCE.md"),
      "`example.csv`: employment by NUTS-2 region of Great Britain × industry cluster, 2015–2018 " +
        "(ClusterLab's `uk-employment-clusters`). Source: Office for National Statistics / Nomis, Business " +
        "Register and Employment Survey, Crown copyright, Open Government Licence v3.0; cluster lookup © 2021 " +
        "Nesta (MIT).\n",
    );
  } else await Deno.copyFile(args.data, join(args.dir, "data", dataFile));
  const files: [string, string][] = [
    ["deno.json", JSON.stringify(studyConfig(root), null, 2) + "\n"],
    ["study.ipynb", JSON.stringify(studyNotebook(dataFile), null, 1) + "\n"],
    ["analysis.ts", studyScript(dataFile)],
    ["README.md", studyReadme(args.dir, dataFile, root)],
    [".gitignore", "out/\n"],
  ];
  for (const [name, text] of files) await Deno.writeTextFile(join(args.dir, name), text);
  await Deno.copyFile(join(root, "deno.lock"), join(args.dir, "deno.lock"));
  await lockStudy(args.dir);
  return [...files.map(([name]) => name), "deno.lock", `data/${dataFile}`];
}

/**
 * Complete the study's copy of the clone's lock with what a study adds (Deno records the clone as a linked
 * package, `workspace.links`): `deno install` from the packages already in the cache, once, before the lock is
 * frozen for every later run.
 */
async function lockStudy(dir: string): Promise<void> {
  const r = await new Deno.Command(Deno.execPath(), {
    args: ["install", "--frozen=false", "--entrypoint", "analysis.ts"],
    cwd: dir,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (!r.success) {
    throw new Error(`deno install in ${dir} failed:\n${new TextDecoder().decode(r.stderr)}`);
  }
}

if (import.meta.main) {
  try {
    const args = parseNewArgs(Deno.args, Deno.env.get("INIT_CWD") ?? Deno.cwd());
    const written = await newStudy(args);
    console.log(`Study folder ${args.dir}:\n${written.map((f) => `  ${f}`).join("\n")}`);
    console.log(
      `\nNext:\n  cd ${args.dir}\n  deno task notebooks        # executes study.ipynb into out/\n` +
        `  deno run -A analysis.ts\n  deno task report --data data/${basename(args.data ?? "example.csv")}`,
    );
  } catch (e) {
    console.error((e as Error).message);
    Deno.exit(1);
  }
}
