/**
 * Contiguity weights on a grid of cells (a tile-grid map, a raster, a lattice): rook (shared edge) or queen
 * (shared edge or corner) neighbours, as spdep's `cell2nb(type = "rook" | "queen")` and PySAL's
 * `lat2W(rook = …)`. 网格邻接权重（车式/后式）。
 * @module
 */
import { describeValue, ValidationError, type ValidationIssue } from "../../core/validation_error.ts";
import { type TableInput, toTable } from "../../data/adapters.ts";
import { checkStyle, sparseFromLists, SpatialWeights, type WeightsStyle } from "./weights.ts";

/** Rook: cells sharing an edge; queen: cells sharing an edge or a corner. */
export type Contiguity = "rook" | "queen";

/** Options of {@link spatialWeightsFromGrid}. */
export interface GridWeightsOptions {
  /** `"rook"` (default) or `"queen"`. */
  readonly contiguity?: Contiguity;
  /** `"W"` row-standardised (default) or `"B"` binary. */
  readonly style?: WeightsStyle;
  /** Region id column (default "region"). */
  readonly region?: string;
  /** Column of the cell's column index, counted rightwards (default "col"). */
  readonly col?: string;
  /** Column of the cell's row index, counted downwards (default "row"). */
  readonly row?: string;
}

/** Validate a contiguity option. */
export function checkContiguity(c: unknown, fn: string): Contiguity {
  if (c !== "rook" && c !== "queen") {
    throw new ValidationError(`options of ${fn}`, [{
      column: "contiguity",
      expected: `"rook" or "queen"`,
      received: describeValue(c),
    }]);
  }
  return c;
}

/**
 * Contiguity weights of a grid: one row per region with its integer `col` and `row`. Two regions are rook
 * neighbours when their cells share an edge (|Δcol| + |Δrow| = 1), queen neighbours when they also may share
 * a corner (max(|Δcol|, |Δrow|) = 1). Two regions in one cell, a repeated id or a non-integer position is a
 * {@link ValidationError} naming the row. On a tile-grid map, grid neighbours approximate the real borders
 * (design choice of the grid's author): prefer real contiguity or distance weights when they are at hand.
 *
 * @param grid a table with `region`, `col`, `row` columns (e.g. `loadDataset("china-tile-grid")`)
 * @param options `contiguity` ("rook" default, "queen"), `style` ("W" default, "B"), column names
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { spatialWeightsFromGrid } from "clusterlab";
 * // a 2 × 2 lattice: a b / c d
 * const grid = [
 *   { region: "a", col: 0, row: 0 }, { region: "b", col: 1, row: 0 },
 *   { region: "c", col: 0, row: 1 }, { region: "d", col: 1, row: 1 },
 * ];
 * assert.deepEqual(spatialWeightsFromGrid(grid).neighbours("a"), ["b", "c"]);
 * assert.deepEqual(spatialWeightsFromGrid(grid, { contiguity: "queen" }).neighbours("a"), ["b", "c", "d"]);
 * ```
 */
export function spatialWeightsFromGrid(grid: TableInput, options: GridWeightsOptions = {}): SpatialWeights {
  const contiguity = checkContiguity(options.contiguity ?? "rook", "spatialWeightsFromGrid");
  const style = checkStyle(options.style ?? "W", "spatialWeightsFromGrid");
  const [region, col, row] = [options.region ?? "region", options.col ?? "col", options.row ?? "row"];
  const t = toTable(grid);
  const missing = [region, col, row].filter((c) => !t.columnNames().includes(c));
  if (missing.length > 0) {
    throw new ValidationError(
      "grid of spatialWeightsFromGrid",
      missing.map((c) => ({
        column: c,
        expected: `a column "${c}"`,
        received: `columns ${t.columnNames().join(", ")}`,
      })),
    );
  }
  const ids = (t.array(region) as unknown[]).map(String);
  const cols = t.array(col) as unknown[], rows = t.array(row) as unknown[];
  const issues: ValidationIssue[] = [];
  const cell = new Map<string, number>(), seen = new Set<string>();
  ids.forEach((id, r) => {
    if (seen.has(id)) {
      issues.push({ row: r + 1, column: region, expected: "unique region ids", received: id });
    }
    seen.add(id);
    for (const [name, v] of [[col, cols[r]], [row, rows[r]]] as const) {
      if (!Number.isInteger(v)) {
        issues.push({ row: r + 1, column: name, expected: "an integer", received: describeValue(v) });
      }
    }
    const key = `${cols[r]},${rows[r]}`;
    if (cell.has(key)) {
      issues.push({
        row: r + 1,
        column: `${col}, ${row}`,
        expected: "one region per cell",
        received: `cell (${key}) also holds ${ids[cell.get(key)!]}`,
      });
    } else cell.set(key, r);
  });
  if (issues.length > 0) throw new ValidationError("grid of spatialWeightsFromGrid", issues);
  const steps = contiguity === "rook"
    ? [[1, 0], [-1, 0], [0, 1], [0, -1]]
    : [[1, 0], [-1, 0], [0, 1], [0, -1], [1, 1], [1, -1], [-1, 1], [-1, -1]];
  const lists = ids.map((_, r) => {
    const c = cols[r] as number, w = rows[r] as number;
    return steps.map(([dc, dr]) => cell.get(`${c + dc!},${w + dr!}`)).filter((j): j is number =>
      j !== undefined
    );
  });
  return new SpatialWeights(sparseFromLists(ids, lists), style, [], {
    en: `${contiguity} contiguity of a grid`,
    zh: contiguity === "rook" ? "网格车式邻接" : "网格后式邻接",
  });
}
