/** Loader for the EconGeo reference values (tests/fixtures/reference/parity/econgeo.R; tests only). */
import { Matrix } from "../../src/indicators/matrix.ts";

interface Row {
  quantity: string;
  variant: string;
  row: string;
  col: string;
  value: number;
}

const url = new URL("../fixtures/reference/parity/econgeo.csv", import.meta.url);
const rows: Row[] = Deno.readTextFileSync(url).trim().split("\n").slice(1).map((line) => {
  const [quantity, variant, row, col, value] = line.split(",");
  return {
    quantity: quantity!,
    variant: variant!,
    row: row!,
    col: col!,
    value: value === "NA" ? NaN : Number(value),
  };
});

/** The regions and sectors of the reference matrix. */
export const REGIONS = ["R1", "R2", "R3", "R4", "R5", "R6"];
export const SECTORS = ["I1", "I2", "I3", "I4", "I5"];

/** A matrix quantity (regions × sectors; `relatedness` is sectors × sectors). */
export function econgeoMatrix(quantity: string, variant: string): Matrix {
  const sel = rows.filter((r) => r.quantity === quantity && r.variant === variant);
  const rl = [...new Set(sel.map((r) => r.row))], cl = [...new Set(sel.map((r) => r.col))];
  if (!sel.length) throw new Error(`no reference rows for ${quantity}/${variant}`);
  return new Matrix(rl, cl, Float64Array.from(sel.map((r) => r.value)));
}

/** A vector quantity by label. */
export function econgeoVector(quantity: string, variant: string): Map<string, number> {
  const sel = rows.filter((r) => r.quantity === quantity && r.variant === variant);
  if (!sel.length) throw new Error(`no reference rows for ${quantity}/${variant}`);
  return new Map(sel.map((r) => [r.row, r.value]));
}
