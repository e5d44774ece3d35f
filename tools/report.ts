/**
 * `deno task report`: your own long table → one self-contained HTML report (charts inline, with their PNGs;
 * no network) and the executed notebook, rendered from the template `templates/report.ipynb`.
 *
 *   deno task report --data FILE [--region COL] [--sector COL] [--value COL] [--year COL|none]
 *                    [--lang en|zh] [--out DIR] [--param NAME=VALUE]
 *
 * FILE is a CSV, TSV (also gzipped) or Parquet file with one row per region × sector (× year). Columns not
 * named are guessed from common names (`readLong`, `guessColumns`); the guess is printed, and a role that no
 * column or two columns fit stops the report with the list of columns. A bad cell stops it too, naming the
 * file, row and column. `--param YEAR=2016` analyses another year than the last, `--param TOP=50` shows more
 * of the heatmap, `--param TITLE=…` sets the title. Relative paths are read from the folder the task was
 * started in. Output (default `out/report/<file name>/`): `report.html`, `report.ipynb` and the result
 * tables as CSV (`lq.csv`, `regions.csv`, `sectors.csv`, `clusters.csv`).
 * @module
 */
import { basename, join, resolve } from "node:path";
import { readLong, ValidationError } from "../src/mod.ts";
import type { ReadLongResult } from "../src/types.ts";
import { executeNotebooks, ROOT } from "./jupyter.ts";

/** The template notebook the report is rendered from. */
export const TEMPLATE: string = join(ROOT, "templates", "report.ipynb");

/** What `deno task report` was asked for. */
export interface ReportArgs {
  /** The data file (absolute). */
  readonly data: string;
  /** Columns named on the command line (the others are guessed); year "none": no year column. */
  readonly region?: string;
  readonly sector?: string;
  readonly value?: string;
  readonly year?: string;
  /** Language of the report. */
  readonly lang: "en" | "zh";
  /** The output folder (absolute). */
  readonly out: string;
  /** Other template parameters (`--param NAME=VALUE` → `CLUSTERLAB_NAME`). */
  readonly params: Readonly<Record<string, string>>;
}

const USAGE = "usage: deno task report --data FILE [--region COL] [--sector COL] [--value COL] " +
  "[--year COL|none] [--lang en|zh] [--out DIR] [--param NAME=VALUE]";

/** Parse the command line; relative paths are resolved against `cwd`. */
export function parseReportArgs(args: readonly string[], cwd: string): ReportArgs {
  const o: Record<string, string> = {};
  const params: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const v = args[i + 1];
    const flag = a.replace(/^--/, "");
    if (
      !a.startsWith("--") ||
      !["data", "region", "sector", "value", "year", "lang", "out", "param"].includes(flag)
    ) {
      throw new Error(`Unknown argument "${a}".\n${USAGE}`);
    }
    if (v === undefined || v.startsWith("--")) throw new Error(`${a} needs a value.\n${USAGE}`);
    i++;
    if (flag === "param") {
      const eq = v.indexOf("=");
      if (eq < 1) throw new Error(`--param expects NAME=VALUE, received "${v}"`);
      params[`CLUSTERLAB_${v.slice(0, eq).toUpperCase()}`] = v.slice(eq + 1);
    } else o[flag] = v;
  }
  if (o.data === undefined) throw new Error(`--data FILE is required.\n${USAGE}`);
  const lang = o.lang ?? "en";
  if (lang !== "en" && lang !== "zh") throw new Error(`--lang must be en or zh, received "${lang}"`);
  const data = resolve(cwd, o.data);
  const stem = basename(data).replace(/\.(csv|tsv|tab|parquet|parq|pq)(\.gz)?$/i, "");
  return {
    data,
    region: o.region,
    sector: o.sector,
    value: o.value,
    year: o.year,
    lang,
    out: resolve(cwd, o.out ?? join("out", "report", stem)),
    params,
  };
}

/** The lines that say which column plays which role, and what the file holds. */
export function describeReading(read: ReadLongResult): string[] {
  const { table, columns, guessed } = read;
  const role = (r: "region" | "sector" | "value" | "year") =>
    columns[r] === undefined
      ? `  ${r.padEnd(6)} (none)`
      : `  ${r.padEnd(6)} ${JSON.stringify(columns[r])} (${guessed.includes(r) ? "guessed" : "given"})`;
  const count = (c: string) => new Set(Array.from(table.array(c) as ArrayLike<unknown>)).size;
  const years = columns.year === undefined ? "" : `, ${count(columns.year)} years`;
  return [
    `Columns of ${read.file}:`,
    ...(["region", "sector", "value", "year"] as const).map(role),
    `${table.numRows()} rows: ${count(columns.region)} regions, ${count(columns.sector)} sectors${years}`,
    ...read.warnings.map((w) => `warning: ${w}`),
  ];
}

/**
 * The template's environment for this report: the columns as given on the command line ("" for a guessed
 * one: the template guesses it again, with the same rule, and says so).
 */
export function reportEnv(args: ReportArgs): Record<string, string> {
  return {
    CLUSTERLAB_DATA: args.data,
    CLUSTERLAB_REGION_COL: args.region ?? "",
    CLUSTERLAB_SECTOR_COL: args.sector ?? "",
    CLUSTERLAB_VALUE_COL: args.value ?? "",
    CLUSTERLAB_YEAR_COL: args.year ?? "",
    CLUSTERLAB_LANG: args.lang,
    CLUSTERLAB_OUT: args.out,
    ...args.params,
  };
}

/** Read and check the data, then render the report; the exit code (0 ok, 1 bad input or a failed run). */
export async function report(argv: readonly string[], cwd: string): Promise<number> {
  let args: ReportArgs;
  try {
    args = parseReportArgs(argv, cwd);
  } catch (e) {
    console.error((e as Error).message);
    return 1;
  }
  const t0 = performance.now();
  let read: ReadLongResult;
  try {
    read = await readLong(args.data, {
      region: args.region,
      sector: args.sector,
      value: args.value,
      year: args.year === "none" ? false : args.year,
    });
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) console.error(`No such file: ${args.data}`);
    else if (e instanceof ValidationError) {
      console.error(
        `${e.message}\nNo report was written. Name the columns with --region, --sector, --value, --year.`,
      );
    } else throw e;
    return 1;
  }
  for (const line of describeReading(read)) console.log(line);
  await Deno.mkdir(args.out, { recursive: true });
  const r = await executeNotebooks([TEMPLATE], {
    out: args.out,
    html: true,
    hideCode: true,
    env: reportEnv(args),
  });
  if (!r.ok) return 1;
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(
    `\nReport (${seconds} s): ${join(args.out, "report.html")} (self-contained)\n` +
      `  executed notebook: ${join(args.out, "report.ipynb")}\n` +
      `  tables: ${
        ["lq", "regions", "sectors", "clusters"].map((f) => join(args.out, `${f}.csv`)).join(", ")
      }`,
  );
  return 0;
}

if (import.meta.main) {
  Deno.exit(await report(Deno.args, Deno.env.get("INIT_CWD") ?? Deno.cwd()));
}
