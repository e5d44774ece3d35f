/**
 * Categorical colours with enough distinct hues: Observable Plot's default scheme (`observable10`) has ten,
 * so an eleventh category repeats the first colour. {@link categoricalRange} keeps the ten for up to ten
 * categories and switches to twenty distinct colours (Tableau 20) for up to twenty; charts label more
 * categories than that directly. Internal to the plot room.
 * 分类配色：类别超过 10 个时改用 20 色方案。
 * @module
 */

/** Plot's default categorical scheme (observable10), in its order. */
export const OBSERVABLE10: readonly string[] = [
  "#4269d0",
  "#efb118",
  "#ff725c",
  "#6cc5b0",
  "#3ca951",
  "#ff8ab7",
  "#a463f2",
  "#97bbf5",
  "#9c6b4e",
  "#9498a0",
];

/** Tableau 20 (ten hues, each dark then light): twenty colours no two of which are alike. */
export const TABLEAU20: readonly string[] = [
  "#4e79a7",
  "#a0cbe8",
  "#f28e2b",
  "#ffbe7d",
  "#59a14f",
  "#8cd17d",
  "#b6992d",
  "#f1ce63",
  "#499894",
  "#86bcb6",
  "#e15759",
  "#ff9d9a",
  "#79706e",
  "#bab0ac",
  "#d37295",
  "#fabfd2",
  "#b07aa1",
  "#d4a6c8",
  "#9d7660",
  "#d7b5a6",
];

/**
 * `n` distinct colours for `n` categories: {@link OBSERVABLE10} up to 10, {@link TABLEAU20} up to 20, and
 * beyond 20 `undefined` (no palette has enough distinct colours: label the categories directly).
 */
export function categoricalRange(n: number): readonly string[] | undefined {
  if (n <= OBSERVABLE10.length) return OBSERVABLE10.slice(0, Math.max(n, 1));
  if (n <= TABLEAU20.length) return TABLEAU20.slice(0, n);
  return undefined;
}
