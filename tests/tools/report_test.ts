/**
 * `deno task report` (tools/report.ts, templates/report.ipynb), run as a user runs it, from a folder outside
 * the repository: the numbers the report shows and writes equal the library's for the same input and the
 * hand-checked location quotients; the HTML is one self-contained file; sections appear when the inputs
 * allow; bad input stops the report with the file, row and column.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { loadDataset, locationQuotient, matrixFrom, readLong } from "../../src/mod.ts";
import { ROOT } from "../../tools/jupyter.ts";
import { parseReportArgs } from "../../tools/report.ts";

/**
 * 4 regions × 3 sectors, each region 50 of 200 in all, sector totals a 70, b 50, c 80; (R3, a) and (R4, b)
 * are absent and (R1, c) is listed as 0. LQ_rs = (x_rs / 50) / (x_s / 200) = 4 x_rs / x_s.
 */
const SMALL = "region,sector,value\nR1,a,40\nR1,b,10\nR1,c,0\nR2,a,10\nR2,b,30\nR2,c,10\nR3,b,10\nR3,c,40\n" +
  "R4,a,20\nR4,c,30\n";
const HAND: Record<string, number> = {
  "R1|a": 16 / 7, // 4 · 40 / 70
  "R1|b": 0.8,
  "R1|c": 0,
  "R2|a": 4 / 7,
  "R2|b": 2.4,
  "R2|c": 0.5,
  "R3|a": 0,
  "R3|b": 0.8,
  "R3|c": 2,
  "R4|a": 8 / 7,
  "R4|b": 0,
  "R4|c": 1.5,
};

async function task(args: string[], cwd: string) {
  const r = await new Deno.Command(Deno.execPath(), {
    args: ["task", "-q", "--config", join(ROOT, "deno.json"), "report", ...args],
    cwd,
    // deno task keeps an INIT_CWD it inherits (from npm or a CI runner); set it as a shell would.
    env: { NO_COLOR: "1", INIT_CWD: cwd },
    stdout: "piped",
    stderr: "piped",
  }).output();
  return {
    ok: r.success,
    stdout: new TextDecoder().decode(r.stdout),
    stderr: new TextDecoder().decode(r.stderr),
  };
}

type Output = {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, string | string[]>;
};
type Cell = { id: string; cell_type: string; outputs?: Output[] };
const joined = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join("") : v ?? "");

/** Every text/markdown and text/html output of a cell of the executed report, concatenated. */
function shown(nb: { cells: Cell[] }, id: string): string {
  const cell = nb.cells.find((c) => c.id === id);
  assert.ok(cell, `the report has a cell ${id}`);
  return (cell.outputs ?? []).map((o) => joined(o.data?.["text/markdown"]) + joined(o.data?.["text/html"]))
    .join("\n");
}

/** The rows of the first HTML table in `html`, as arrays of cell texts. */
function htmlRows(html: string): string[][] {
  const table = html.match(/<table[\s\S]*?<\/table>/)?.[0] ?? "";
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
    .map((m) => [...m[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1]!.trim()))
    .filter((r) => r.length > 0);
}

async function outside(): Promise<string> {
  const dir = await Deno.realPath(await Deno.makeTempDir({ prefix: "clusterlab-report-" }));
  assert.ok(!dir.startsWith(ROOT));
  return dir;
}

Deno.test("parseReportArgs: paths from the folder the task was started in, defaults, errors", () => {
  const a = parseReportArgs(["--data", "jobs.csv.gz", "--lang", "zh", "--param", "year=2016"], "/home/me");
  assert.equal(a.data, "/home/me/jobs.csv.gz");
  assert.equal(a.out, "/home/me/out/report/jobs");
  assert.deepEqual(a.params, { CLUSTERLAB_YEAR: "2016" });
  assert.throws(() => parseReportArgs([], "/"), /--data FILE is required/);
  assert.throws(
    () => parseReportArgs(["--data", "x.csv", "--colour", "red"], "/"),
    /Unknown argument "--colour"/,
  );
  assert.throws(() => parseReportArgs(["--data", "x.csv", "--lang", "fr"], "/"), /--lang must be en or zh/);
  assert.throws(() => parseReportArgs(["--data"], "/"), /--data needs a value/);
});

Deno.test({
  name: "report on a small CSV: the numbers shown and written equal the library's and the hand-checked LQs",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const dir = await outside();
    try {
      await Deno.writeTextFile(join(dir, "small.csv"), SMALL);
      const r = await task(["--data", "small.csv", "--out", "rep"], dir);
      assert.ok(r.ok, r.stderr);
      assert.match(r.stdout, /region "region" \(guessed\)\n {2}sector "sector" \(guessed\)/);
      assert.match(r.stdout, /10 rows: 4 regions, 3 sectors/);
      const out = join(dir, "rep");
      // the library on the same input
      const { table, columns } = await readLong(join(dir, "small.csv"));
      const lq = locationQuotient(matrixFrom(table, columns));
      // lq.csv: every cell, exactly the library's numbers, and the hand-checked values
      const rows = (await Deno.readTextFile(join(out, "lq.csv"))).trim().split("\n");
      assert.equal(rows[0], "region,sector,value,lq");
      assert.equal(rows.length, 13);
      for (const line of rows.slice(1)) {
        const [region, sector, , v] = line.split(",");
        assert.equal(Number(v), lq.get(region!, sector!), line);
        assert.ok(Math.abs(Number(v) - HAND[`${region}|${sector}`]!) < 1e-12, line);
      }
      const nb = JSON.parse(await Deno.readTextFile(join(out, "report.ipynb")));
      // the summary: rows, regions, sectors, and 3 of 12 cells zero (two absent, one listed as 0)
      const summary = htmlRows(shown(nb, "summary"));
      const value = (m: string) => summary.find((row) => row[0]!.startsWith(m))?.[1];
      assert.equal(value("rows"), "10");
      assert.equal(value("regions"), "4");
      assert.equal(value("sectors"), "3");
      assert.equal(value("zero share"), "25.0%");
      assert.match(
        shown(nb, "summary"),
        /2 of 12 region × sector cells are absent from the input and set to 0/,
      );
      // the strongest specialisations as shown: the library's LQs at the shown precision, highest first
      const strongest = htmlRows(shown(nb, "strongest"));
      assert.deepEqual(strongest.slice(0, 3).map((row) => `${row[0]}|${row[1]}`), ["R2|b", "R1|a", "R3|c"]);
      for (const row of strongest) {
        const shownLq = Number(row[4]);
        const digits = row[4]!.split(".")[1]?.length ?? 0;
        assert.ok(Math.abs(shownLq - lq.get(row[0]!, row[1]!)) <= 0.5 * 10 ** -digits, row.join(" "));
      }
      // sections that the inputs do not allow say so
      assert.match(shown(nb, "map"), /No map: the region codes match none of the shipped maps/);
      assert.match(shown(nb, "time"), /No change over time/);
      // one self-contained HTML file: no scripts or styles from anywhere, charts inline with their PNGs
      const html = await Deno.readTextFile(join(out, "report.html"));
      assert.doesNotMatch(html, /<script[^>]+src=|<link[^>]+href=|(src|href)="(https?:)?\/\//);
      assert.ok(
        (html.match(/data:image\/png;base64,/g) ?? []).length >= 2,
        "the heatmap and the technology space PNGs",
      );
      assert.match(html, /<svg/);
      assert.doesNotMatch(html, /readLong\(DATA/, "the code is left out of the report");
      assert.doesNotMatch(html, /undefined/);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: "report with years and NUTS-2 codes, in Chinese: the map and the change over time appear",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const dir = await outside();
    try {
      const uk = (await loadDataset("uk-employment-clusters")).objects() as {
        region: string;
        cluster: string;
        year: number;
        value: number;
      }[];
      const keep = new Set([
        "primary_oil_gas",
        "services_kibs",
        "manufacture_automotive",
        "services_finance",
      ]);
      const lines = uk.filter((d) => d.year >= 2017 && keep.has(d.cluster))
        .map((d) => `${d.region},${d.cluster},${d.value},${d.year}`);
      await Deno.writeTextFile(
        join(dir, "uk.csv"),
        ["nuts2,industry,employment,year", ...lines].join("\n") + "\n",
      );
      const r = await task(["--data", "uk.csv", "--lang", "zh", "--out", "rep"], dir);
      assert.ok(r.ok, r.stderr);
      assert.match(r.stdout, /year {3}"year" \(guessed\)/);
      const nb = JSON.parse(await Deno.readTextFile(join(dir, "rep", "report.ipynb")));
      assert.match(shown(nb, "map"), /地图 `uk-nuts2` 匹配（39 \/ 39 个地区）/);
      const perYear = htmlRows(shown(nb, "time"));
      assert.deepEqual(perYear.map((row) => row[0]), ["2017", "2018"]);
      const total2018 = uk.filter((d) => d.year === 2018 && keep.has(d.cluster)).reduce(
        (a, d) => a + d.value,
        0,
      );
      assert.equal(Number(perYear[1]![1]), total2018);
      const html = await Deno.readTextFile(join(dir, "rep", "report.html"));
      assert.match(html, /专业化程度（区位商）/); // chart labels in the chosen language
      assert.match(html, /经济复杂度（ECI）/);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test({
  name:
    "report: a bad cell or an ambiguous column stops it with the file, row and column; nothing is written",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const dir = await outside();
    try {
      await Deno.writeTextFile(join(dir, "bad.csv"), "region,sector,value\nR1,a,3\nR2,a,\n");
      const bad = await task(["--data", "bad.csv", "--out", "rep"], dir);
      assert.equal(bad.ok, false);
      assert.match(
        bad.stderr,
        new RegExp(`Invalid ${join(dir, "bad.csv")}: 1 problem\\n  - row 2, column "value"`),
      );
      assert.match(bad.stderr, /No report was written/);
      await Deno.writeTextFile(join(dir, "two.csv"), "country,province,sector,value\nCN,浙江,a,3\n");
      const two = await task(["--data", "two.csv", "--out", "rep"], dir);
      assert.equal(two.ok, false);
      assert.match(
        two.stderr,
        /2 columns fit: "country", "province" \(columns: "country", "province", "sector", "value"\)/,
      );
      const missing = await task(["--data", "nothing.csv"], dir);
      assert.match(missing.stderr, /No such file: .*nothing\.csv/);
      await assert.rejects(() => Deno.stat(join(dir, "rep")), Deno.errors.NotFound);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
