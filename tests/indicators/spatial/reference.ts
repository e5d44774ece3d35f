/**
 * Reference values of tests/fixtures/reference/ (spdep_moran.R, libpysal_weights.py) and the UK case they were
 * computed on, rebuilt here from the shipped data.
 */
import { parseCsv } from "../../../scripts/build_data/csv.ts";
import { loadDataset } from "../../../src/data/datasets.ts";

const DIR = new URL("../../fixtures/reference/", import.meta.url);

async function rows(file: string): Promise<Record<string, string>[]> {
  const csv = parseCsv(await Deno.readTextFile(new URL(file, DIR)), file);
  return csv.rows.map((r) => Object.fromEntries(csv.header.map((h, j) => [h, r[j]!])));
}

/** case → statistic → value of spdep_moran.csv or libpysal_weights.csv. */
export async function statistics(file: "spdep_moran.csv" | "libpysal_weights.csv") {
  const out: Record<string, Record<string, number>> = {};
  for (const r of await rows(file)) (out[r.case!] ??= {})[r.statistic!] = Number(r.value);
  return out;
}

/** Rows of spdep_localmoran.csv of one case. */
export async function localRows(kase: string) {
  return (await rows("spdep_localmoran.csv")).filter((r) => r.case === kase);
}

/** spdep's k = 4 neighbour lists of the NUTS-2 seats and the KIBS location quotients it used. */
export async function ukKnn4(): Promise<
  { neighbours: Record<string, string[]>; lq: Record<string, number> }
> {
  const r = await rows("spdep_uk_knn4.csv");
  return {
    neighbours: Object.fromEntries(r.map((x) => [x.region!, x.neighbours!.split(" ")])),
    lq: Object.fromEntries(r.map((x) => [x.region!, Number(x.lq)])),
  };
}

/** The 5 × 5 lattice of spdep_moran.R: cell i = 5·row + col, rook neighbours, its values. */
export const LATTICE_VALUES = [9, 8, 7, 2, 1, 9, 9, 6, 3, 2, 8, 7, 5, 2, 1, 4, 5, 4, 3, 1, 3, 2, 3, 1, 0];

/** KIBS location quotients of 2018 by NUTS-2 region, computed here from uk-employment-clusters. */
export async function ukKibsLq(): Promise<Record<string, number>> {
  const t = (await loadDataset("uk-employment-clusters")).objects() as {
    region: string;
    cluster: string;
    year: number;
    value: number;
  }[];
  const y = t.filter((r) => r.year === 2018);
  const total = y.reduce((s, r) => s + r.value, 0);
  const byRegion = new Map<string, number>();
  for (const r of y) byRegion.set(r.region, (byRegion.get(r.region) ?? 0) + r.value);
  const kibs = y.filter((r) => r.cluster === "services_kibs");
  const kibsTotal = kibs.reduce((s, r) => s + r.value, 0);
  return Object.fromEntries(
    kibs.map((r) => [r.region, (r.value / byRegion.get(r.region)!) / (kibsTotal / total)]),
  );
}
