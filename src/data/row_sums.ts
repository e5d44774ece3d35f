/**
 * Rows of the JS reader (`csv_rows.ts`) summed to region × sector (× year) cells, with the DuckDB scan's
 * numbers ({@link secondPass}, `exact_sums.ts`): as a list of cells ordered by region, sector and year
 * (`scanCells`, `scanLong`'s table) or straight into dense matrices (`scanLong`'s matrix and matrices: no
 * list of cells in between, so the read costs little memory beyond the matrix).
 *
 * Order of summation: the rows of a cell are added in the order of the files and of their lines, starting
 * from 0 (as DuckDB's `SUM` starts). That order matters only where the first pass is not exact, and there
 * the second pass sums scaled integers exactly (order-free), as DuckDB does.
 * @module
 */
import { cellSum, oneRowSum, roundingNote, scaled, secondPass, valueStats } from "./exact_sums.ts";
import type { RowStore } from "./csv_rows.ts";

/** Compare by Unicode code point (DuckDB's order of VARCHAR: bytes of UTF-8), not by UTF-16 unit. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i), y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (U+D800–DFFF) stand for code points above U+FFFF: they sort after U+E000–FFFF.
    const sx = x >= 0xd800 && x <= 0xdfff, sy = y >= 0xd800 && y <= 0xdfff;
    if (sx !== sy) return sx ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/** Ids sorted by label (code point order) and the rank of each id. */
export function rankLabels(labels: readonly string[]): { sorted: string[]; rank: Int32Array } {
  const ids = Array.from(labels, (_, i) => i).sort((i, j) => compareCodePoints(labels[i]!, labels[j]!));
  const rank = new Int32Array(labels.length);
  ids.forEach((id, r) => (rank[id] = r));
  return { sorted: ids.map((i) => labels[i]!), rank };
}

/** A stable counting sort of `order` by `key[order[k]]` (keys in [0, size)): linear. */
function countingSort(order: Int32Array, key: Int32Array, size: number, out: Int32Array): void {
  const start = new Int32Array(size + 1);
  for (let k = 0; k < order.length; k++) start[key[order[k]!]! + 1]!++;
  for (let i = 0; i < size; i++) start[i + 1]! += start[i]!;
  for (let k = 0; k < order.length; k++) out[start[key[order[k]!]!]!++] = order[k]!;
}

/** The distinct years ascending, and the slot of each row's year. */
export function yearSlots(year: Int32Array, n: number): { years: number[]; slot: Int32Array } {
  const seen = new Map<number, number>();
  for (let k = 0; k < n; k++) if (!seen.has(year[k]!)) seen.set(year[k]!, 0);
  const years = [...seen.keys()].sort((a, b) => a - b);
  years.forEach((y, i) => seen.set(y, i));
  const slot = new Int32Array(n);
  for (let k = 0; k < n; k++) slot[k] = seen.get(year[k]!)!;
  return { years, slot };
}

/** Cells of the rows, as `scanCells` returns them (ids are positions in the sorted labels). */
export interface RowCells {
  readonly regions: string[];
  readonly sectors: string[];
  readonly region: Int32Array;
  readonly sector: Int32Array;
  readonly year: Int32Array | undefined;
  readonly value: Float64Array;
  readonly warnings: string[];
}

/**
 * The cells of the rows ordered by region, sector and year (labels by code point, as DuckDB orders them):
 * three stable counting sorts (year, then sector, then region: linear in the rows), then one walk that sums
 * each run of equal keys.
 */
export function cellsFromRows(rows: RowStore): RowCells {
  const n = rows.n;
  const r = rankLabels(rows.regions.labels), s = rankLabels(rows.sectors.labels);
  const rk = new Int32Array(n), sk = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    rk[k] = r.rank[rows.region[k]!]!;
    sk[k] = s.rank[rows.sector[k]!]!;
  }
  const years = rows.year ? yearSlots(rows.year, n) : undefined;
  let order = Int32Array.from({ length: n }, (_, k) => k), tmp = new Int32Array(n);
  const pass = (key: Int32Array, size: number) => {
    countingSort(order, key, size, tmp);
    [order, tmp] = [tmp, order];
  };
  if (years) pass(years.slot, years.years.length);
  pass(sk, s.sorted.length);
  pass(rk, r.sorted.length);
  const same = (a: number, b: number) =>
    rk[a] === rk[b] && sk[a] === sk[b] && (!years || years.slot[a] === years.slot[b]);
  let cells = 0;
  for (let k = 0; k < n; k++) if (k === 0 || !same(order[k]!, order[k - 1]!)) cells++;
  const region = new Int32Array(cells), sector = new Int32Array(cells), value = new Float64Array(cells);
  const year = years ? new Int32Array(cells) : undefined;
  const first = new Int32Array(cells + 1); // where each cell's run starts in `order`
  const v = rows.value;
  let c = -1;
  for (let k = 0; k < n; k++) {
    const row = order[k]!;
    if (k === 0 || !same(row, order[k - 1]!)) {
      c++;
      first[c] = k;
      region[c] = rk[row]!;
      sector[c] = sk[row]!;
      if (year) year[c] = rows.year![row]!;
    }
    value[c]! += v ? v[row]! : 1;
  }
  first[cells] = n;
  const warnings = v
    ? exactCells(value, v, n, (cell, add) => {
      for (let k = first[cell]!; k < first[cell + 1]!; k++) add(order[k]!);
    })
    : [];
  return { regions: r.sorted, sectors: s.sorted, region, sector, year, value, warnings };
}

/**
 * Redo the sums of `sums` (one per cell, first pass) as DuckDB's second pass does, when it would run: a
 * cell of one row from its value, a cell of several from the exact sum of its scaled integers. `rowsOf`
 * lists the rows of a cell. Returns DuckDB's warnings (the rounding note, when values had to be rounded).
 */
function exactCells(
  sums: Float64Array,
  value: Float64Array,
  n: number,
  rowsOf: (cell: number, add: (row: number) => void) => void,
): string[] {
  let largest = 0;
  for (let i = 0; i < sums.length; i++) largest = Math.max(largest, Math.abs(sums[i]!));
  const second = secondPass(valueStats(value, n), n, largest);
  if (!second) return [];
  const { scale } = second;
  for (let cell = 0; cell < sums.length; cell++) {
    let count = 0, only = 0, total = 0n;
    rowsOf(cell, (row) => {
      if (count++ === 0) only = row;
      else {
        if (count === 2) total = scaled(value[only]!, scale);
        total += scaled(value[row]!, scale);
      }
    });
    sums[cell] = count === 1 ? oneRowSum(value[only]!, scale) : cellSum(total, scale);
  }
  return second.exact ? [] : [roundingNote(second.bits)];
}

/** Dense sums of the rows: one matrix per year slot (or one), row-major by the given label positions. */
export interface DenseSums {
  /** The sums, one array of `nrow × ncol` per slot. */
  readonly data: Float64Array[];
  /** Rows per cell, one array per slot: 0 absent, 1 one row, 2 several (saturated). */
  readonly count: Uint8Array[];
  /** DuckDB's warnings on the sums (the rounding note); empty when none. */
  readonly warnings: string[];
}

/**
 * Sum the rows straight into dense matrices: cell = rowPos[region id] · ncol + colPos[sector id] of year
 * slot `slot[k]` (one slot without years). One pass, then DuckDB's second pass when it would run (only
 * the cells of several rows are summed again, in `BigInt`).
 */
export function denseFromRows(
  rows: RowStore,
  rowPos: Int32Array,
  colPos: Int32Array,
  shape: { readonly nrow: number; readonly ncol: number; readonly slots: number; readonly slot?: Int32Array },
): DenseSums {
  const { ncol, slots, slot } = shape, size = shape.nrow * ncol, n = rows.n;
  const data = Array.from({ length: slots }, () => new Float64Array(size));
  const count = Array.from({ length: slots }, () => new Uint8Array(size));
  const region = rows.region, sector = rows.sector, v = rows.value;
  for (let k = 0; k < n; k++) {
    const t = slot ? slot[k]! : 0;
    const cell = rowPos[region[k]!]! * ncol + colPos[sector[k]!]!;
    data[t]![cell]! += v ? v[k]! : 1;
    const seen = count[t]!;
    if (seen[cell]! < 2) seen[cell]!++;
  }
  if (!v) return { data, count, warnings: [] };
  let largest = 0;
  for (const d of data) for (let i = 0; i < size; i++) largest = Math.max(largest, Math.abs(d[i]!));
  const second = secondPass(valueStats(v, n), n, largest);
  if (!second) return { data, count, warnings: [] };
  const { scale } = second;
  const totals = new Map<number, bigint>();
  for (let k = 0; k < n; k++) {
    const t = slot ? slot[k]! : 0;
    const cell = rowPos[region[k]!]! * ncol + colPos[sector[k]!]!;
    if (count[t]![cell] === 2) {
      const key = t * size + cell;
      totals.set(key, (totals.get(key) ?? 0n) + scaled(v[k]!, scale));
    }
  }
  for (let t = 0; t < slots; t++) {
    const d = data[t]!, seen = count[t]!;
    for (let i = 0; i < size; i++) if (seen[i] === 1) d[i] = oneRowSum(d[i]!, scale);
  }
  for (const [key, total] of totals) data[Math.floor(key / size)]![key % size] = cellSum(total, scale);
  return { data, count, warnings: second.exact ? [] : [roundingNote(second.bits)] };
}
