import assert from "node:assert/strict";
import { Random, scanLong, ValidationError } from "../../src/mod.ts";
import { scanCells } from "../../src/data/scan_long.ts";

const dir = await Deno.makeTempDir();
globalThis.addEventListener("unload", () => Deno.removeSync(dir, { recursive: true }));

type Kind = "integers" | "quarters" | "decimals" | "signed" | "wide";

/** A value's text as people write them: plain, long decimals, exponents, a sign, spaces. */
function valueText(rng: Random, kind: Kind): string {
  switch (kind) {
    case "integers":
      return String(1 + rng.int(5000));
    case "quarters":
      return String((1 + rng.int(400)) / 4);
    case "decimals": {
      const forms = [
        () => (rng.next() * 1000).toFixed(1 + rng.int(6)),
        () => String(rng.next() * 10 ** rng.int(8)), // up to 17 significant digits
        () => `${(rng.next() * 10).toFixed(3)}e${rng.int(7) - 3}`,
        () => `+${rng.int(100)}.5`,
        () => ` ${rng.int(100)} `,
        () => `.${rng.int(1000)}`,
      ];
      return forms[rng.int(forms.length)]!();
    }
    case "signed":
      return String((rng.next() < 0.3 ? -1 : 1) * (rng.int(2 ** 20) / 8));
    case "wide":
      return [
        String(rng.next() * 1e-30),
        String(rng.next() * 1e20),
        "0.5",
        String(rng.int(100)),
      ][rng.int(4)]!;
  }
}

/** A seeded long CSV: codes with leading zeros, repeated cells, years, values of one kind. */
async function longCsv(seed: number, kind: Kind, rows = 4000): Promise<string> {
  const rng = new Random(seed);
  const lines = ["sector,region,year,value"];
  for (let k = 0; k < rows; k++) {
    const region = `R${String(rng.int(30)).padStart(3, "0")}`;
    const sector = rng.next() < 0.1 ? String(rng.int(50)) : String(rng.int(50)).padStart(4, "0");
    lines.push(`${sector},${region},${2015 + rng.int(6)},${valueText(rng, kind)}`);
  }
  const file = `${dir}/long_${seed}_${kind}.csv${seed % 2 === 0 ? "" : ".gz"}`;
  const end = seed % 3 === 0 ? "\r\n" : "\n";
  const text = lines.join(end) + end;
  if (file.endsWith(".gz")) {
    const gz = new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"));
    await Deno.writeFile(file, new Uint8Array(await new Response(gz).arrayBuffer()));
  } else await Deno.writeTextFile(file, text);
  return file;
}

const KINDS: Kind[] = ["integers", "quarters", "decimals", "signed", "wide"];

Deno.test("the JS reader gives DuckDB's cells bit for bit on seeded inputs (sums, counts, years)", async () => {
  for (const [i, kind] of KINDS.entries()) {
    for (const seed of [2 * i + 1, 2 * i + 2]) {
      const file = await longCsv(seed, kind);
      for (const options of [{}, { year: "year" }, { aggregate: "count" as const, value: "n" }]) {
        const duck = await scanCells(file, { ...options, engine: "duckdb" });
        const js = await scanCells(file, { ...options, engine: "js" });
        const { engine: _d, ...d } = duck, { engine: _j, ...j } = js;
        assert.deepEqual(j, d, `${file} ${JSON.stringify(options)}`);
      }
    }
  }
});

Deno.test("the rounding note and the second pass are DuckDB's when values span too many magnitudes", async () => {
  const file = await longCsv(4, "wide", 2000);
  const js = await scanCells(file, { engine: "js" });
  assert.equal(js.warnings.length, 1);
  assert.match(js.warnings[0]!, /rounded to a multiple of 2\^/);
});

Deno.test("scanLong matrices from the JS reader equal DuckDB's: labels, every bit, warnings", async () => {
  for (const [i, kind] of KINDS.entries()) {
    const file = await longCsv(20 + i, kind);
    const options = [{ as: "matrix" as const }, { as: "matrices" as const, year: "year" }];
    for (const o of options) {
      const d = await scanLong(file, { ...o, engine: "duckdb" } as never) as unknown as Record<
        string,
        unknown
      >;
      const j = await scanLong(file, { ...o, engine: "js" } as never) as unknown as Record<string, unknown>;
      assert.equal(d.engine, "duckdb");
      assert.equal(j.engine, "js");
      assert.deepEqual({ ...j, engine: "" }, { ...d, engine: "" }, `${file} ${o.as}`);
    }
  }
});

async function failure(p: Promise<unknown>): Promise<ValidationError> {
  const e = await p.then(() => undefined, (x) => x);
  assert.ok(e instanceof ValidationError, `expected a ValidationError, got ${e}`);
  return e;
}

Deno.test('engine "js" says why it cannot read an input; "auto" hands it to DuckDB', async () => {
  const quoted = `${dir}/quoted.csv`;
  await Deno.writeTextFile(quoted, 'region,sector,value\n"R,1",01,2\n');
  const plain = `${dir}/plain.csv`;
  await Deno.writeTextFile(plain, "region,sector,value\nR1,01,2\nR2,01,3\n");
  const cases: [Parameters<typeof scanCells>[0], Parameters<typeof scanCells>[1], RegExp][] = [
    [quoted, {}, /double quote/],
    [plain, { where: "value > 2" }, /where filter is SQL/],
    [`${dir}/pl*.csv`, {}, /glob/],
  ];
  for (const [source, options, why] of cases) {
    const e = await failure(scanCells(source, { ...options, engine: "js" }));
    assert.equal(e.issues[0]!.column, "engine");
    assert.match(e.issues[0]!.received, why);
    assert.equal((await scanCells(source, options)).engine, "duckdb");
  }
  assert.deepEqual((await scanCells(quoted)).regions, ["R,1"]);
});

Deno.test('"auto" lets DuckDB report what the JS reader finds wrong, and what DuckDB forgives stays forgiven', async () => {
  const bad = `${dir}/bad.csv`;
  await Deno.writeTextFile(bad, "region,sector,value\nR1,01,2\nR1,,3\n");
  const e = await failure(scanCells(bad));
  assert.deepEqual(e.issues.map((i) => [i.row, i.column, i.received]), [[2, "sector", "null (empty)"]]);
  const mixed = `${dir}/mixed.csv`; // DuckDB's sniffer refuses LF and CRLF line ends in one file
  await Deno.writeTextFile(mixed, "region,sector,value\r\nR1,01,2\nR2,01,3\n");
  assert.equal((await failure(scanCells(mixed))).issues[0]!.column, "source");
  assert.match((await failure(scanCells(mixed, { engine: "js" }))).issues[0]!.received, /mixes LF and CRLF/);
  const trailing = `${dir}/trailing.csv`;
  await Deno.writeTextFile(trailing, "region,sector,value\nR1,01,2,\n");
  const c = await scanCells(trailing);
  assert.deepEqual([c.engine, [...c.value]], ["duckdb", [2]]);
  await failure(scanCells(trailing, { engine: "js" }));
});
