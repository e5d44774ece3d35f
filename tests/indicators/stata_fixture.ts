/** Loader for the Stata `ecomplexity` fixture (tests only). */
import { type Matrix, matrixFrom } from "../../src/indicators/matrix.ts";

export interface StataRow {
  origin: string;
  hs92: string;
  export_val: number;
  rca: number;
  M: number;
  density: number;
  eci: number;
  pci: number;
  diversity: number;
  ubiquity: number;
  coi: number;
  cog: number;
}

const url = new URL("../fixtures/ecomplexity-stata/stata_single_year_1995.csv", import.meta.url);

/** The 300 fixture rows, numbers parsed (Stata writes `.57` for 0.57). */
export function stataRows(): StataRow[] {
  const [header, ...lines] = Deno.readTextFileSync(url).trim().split("\n");
  const names = header!.split(",");
  return lines.map((line) => {
    const cells = line.split(",");
    const o: Record<string, unknown> = {};
    names.forEach((n, i) => {
      o[n] = n === "origin" || n === "hs92" ? cells[i] : Number(cells[i]);
    });
    return o as unknown as StataRow;
  });
}

/** The export matrix (origin × hs92). */
export function stataExports(): Matrix {
  return matrixFrom(stataRows() as unknown as Record<string, unknown>[], {
    region: "origin",
    sector: "hs92",
    value: "export_val",
  });
}

/** Assert |a − b| ≤ tol for every fixture row, naming the first failure. */
export function assertColumn(
  rows: StataRow[],
  column: keyof StataRow,
  actual: (r: StataRow) => number,
  tol = 1e-9,
): void {
  let worst = 0;
  for (const r of rows) {
    const want = r[column] as number, got = actual(r);
    const d = Math.abs(got - want);
    if (!(d <= tol)) {
      throw new Error(
        `${String(column)} for ${r.origin} × ${r.hs92}: expected ${want}, got ${got} (|Δ| = ${d})`,
      );
    }
    worst = Math.max(worst, d);
  }
}

/** Assert |actual − expected| ≤ tol. */
export function assertClose(actual: number, expected: number, tol = 1e-12, what = "value"): void {
  if (!(Math.abs(actual - expected) <= tol)) {
    throw new Error(`${what}: expected ${expected} ± ${tol}, got ${actual}`);
  }
}

/** Run `fn`, assert it throws an instance of `cls`, and return the error. */
export function assertThrowsAs<E extends Error>(fn: () => unknown, cls: new (...a: never[]) => E): E {
  try {
    fn();
  } catch (e) {
    if (e instanceof cls) return e;
    throw new Error(`expected ${cls.name}, got ${e}`);
  }
  throw new Error(`expected ${cls.name} to be thrown`);
}
