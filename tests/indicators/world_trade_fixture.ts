/** Loader for the world-trade SITC fixture (tests and benchmarks). */
import { Matrix } from "../../src/indicators/matrix.ts";

const dir = new URL("../fixtures/world-trade-sitc/", import.meta.url);

async function gunzipText(name: string): Promise<string> {
  const bytes = await Deno.readFile(new URL(name, dir));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return await new Response(stream).text();
}

function parseCsv(text: string): string[][] {
  return text.trim().split("\n").slice(1).map((l) => l.split(",").map((c) => c.replace(/^"|"$/g, "")));
}

/** The 226 × 785 export matrix (countries × products, sorted labels, missing pairs 0). */
export async function worldTrade(): Promise<Matrix> {
  const rows = parseCsv(await gunzipText("world_trade_avg_1998_to_2000.csv.gz"));
  const countries = [...new Set(rows.map((r) => r[0]!))].sort();
  const products = [...new Set(rows.map((r) => r[1]!))].sort();
  const ci = new Map(countries.map((c, i) => [c, i])), pi = new Map(products.map((p, i) => [p, i]));
  const data = new Float64Array(countries.length * products.length);
  for (const [c, p, v] of rows) data[ci.get(c!)! * products.length + pi.get(p!)!]! += Number(v);
  return new Matrix(countries, products, data);
}

/** The reference one-cells "country|product" of RCA ≥ 1. */
export async function referenceOnes(): Promise<Set<string>> {
  return new Set(parseCsv(await gunzipText("reference_mcp_rca_ge_1.csv.gz")).map(([c, p]) => `${c}|${p}`));
}

/** Reference fitness per country and complexity per product. */
export function referenceFitness(): { fitness: Map<string, number>; complexity: Map<string, number> } {
  const read = (f: string) =>
    new Map(
      parseCsv(Deno.readTextFileSync(new URL(f, dir))).map(([k, v]) => [k!, Number(v)] as [string, number]),
    );
  return {
    fitness: read("reference_fitness_country.csv"),
    complexity: read("reference_complexity_product.csv"),
  };
}
