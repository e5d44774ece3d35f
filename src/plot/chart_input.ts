/**
 * Checks and measures the ready charts share: the columns a chart needs, and the approximate width of a
 * label (Plot lays text out without measuring it, so margins are sized from these estimates).
 * @module
 */
import type { ColumnTable } from "../deps/arquero.ts";
import { describeValue, ValidationError } from "../core/validation_error.ts";

/**
 * Throw a ValidationError naming every column of `columns` that `table` lacks. `source` says what the
 * table should be ("a couplingCoordination table"); `where` is the subject of the error.
 */
export function requireColumns(
  table: ColumnTable,
  columns: readonly string[],
  where: string,
  source: string,
): void {
  const have = typeof table?.columnNames === "function" ? table.columnNames() : undefined;
  if (have === undefined) {
    throw new ValidationError(where, [{
      column: "table",
      expected: `an arquero table (${source})`,
      received: describeValue(table),
    }]);
  }
  const missing = columns.filter((c) => !have.includes(c));
  if (missing.length > 0) {
    throw new ValidationError(
      where,
      missing.map((c) => ({
        column: c,
        expected: `a column "${c}" (${source})`,
        received: `columns ${have.join(", ")}`,
      })),
    );
  }
}

/**
 * Approximate width of `text` (design choice: Plot does not measure text): `latin` units per character, `cjk`
 * per character from U+2E80 on (CJK radicals, ideographs, full-width forms), which are about twice as wide.
 */
export function textWidth(text: string, latin: number, cjk: number): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! >= 0x2e80 ? cjk : latin;
  return w;
}

/** The largest {@link textWidth} of `texts` (0 for none). */
export function widestText(texts: readonly string[], latin: number, cjk: number): number {
  return texts.reduce((m, s) => Math.max(m, textWidth(s, latin, cjk)), 0);
}

/**
 * How the column labels of a grid of cells are drawn so that they stay readable (11 px text): rotated by
 * −60° when a cell is wide enough that neighbouring labels keep 12 px apart (cellSize · sin 60° ≥ 12),
 * else upright (−90°, labels `cellSize` apart); below 10 px per cell only every k-th label is drawn
 * (`ticks`), so that labels are ≥ 10 px apart.
 */
export function columnTicks(
  colLabels: readonly string[],
  cellSize: number,
): { tickRotate: number; ticks?: string[] } {
  const tickRotate = cellSize * Math.sin(Math.PI / 3) >= 12 ? -60 : -90;
  const every = Math.ceil(10 / cellSize);
  return every > 1 ? { tickRotate, ticks: colLabels.filter((_, i) => i % every === 0) } : { tickRotate };
}

/**
 * Frame of a grid of cells (heatmaps, the star chart): margins wide enough for the row labels (left) and
 * the column labels as {@link columnTicks} draws them (bottom), capped at 260 and 300 px, and `cellSize`
 * pixels per cell.
 */
export function cellGridFrame(
  rowLabels: readonly string[],
  colLabels: readonly string[],
  cellSize: number,
): { marginLeft: number; marginBottom: number; width: number; height: number } {
  // widths in 11 px characters: a CJK character is about 1.9 Latin ones; upright labels need their length
  const marginLeft = Math.min(260, 12 + 6.5 * widestText(rowLabels, 1, 1.9));
  const perChar = columnTicks(colLabels, cellSize).tickRotate === -90 ? 6.3 : 5.5;
  const marginBottom = Math.min(300, Math.ceil(36 + perChar * widestText(colLabels, 1, 1.9)));
  return {
    marginLeft,
    marginBottom,
    width: marginLeft + 20 + cellSize * colLabels.length,
    height: marginBottom + 30 + cellSize * rowLabels.length,
  };
}
