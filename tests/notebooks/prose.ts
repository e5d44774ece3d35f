/**
 * Helpers of the tests of what the notebooks' prose states (tests/notebooks/<notebook>_test.ts).
 *
 * - `executed(name, edition)` returns the executed copy of a notebook (tools/executed.ts: executed once per
 *   test run, shared with tests/notebooks_test.ts) with readers for the outputs of a cell found by its `id`:
 *   printed text, tables (the Markdown of a displayed table), HTML.
 * - `stated(import.meta.url, { … })` declares the values a notebook's prose states. A test compares what the
 *   notebook shows (or what library calls recompute on the shipped data) with these values, never with a
 *   number written inside the test. `deno run -A tools/prose_mutation.ts` makes each stated value wrong in
 *   turn (`CLUSTERLAB_STATED_WRONG=<file>#<key>:<up|down>`) and reports any whose tests still pass: a test
 *   that cannot fail is a defect.
 * @module
 */
import assert from "node:assert/strict";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { executedNotebook } from "../../tools/executed.ts";
import { type Edition, type NotebookCell, type NotebookJson, sourceOf } from "../../tools/editions.ts";

/** A row of a displayed table: column → the text shown. */
export type Row = Readonly<Record<string, string>>;

interface Output {
  readonly output_type: string;
  readonly name?: string;
  readonly text?: string | string[];
  readonly data?: Record<string, string | string[]>;
}

const joined = (
  v: string | string[] | undefined,
) => (v === undefined ? "" : Array.isArray(v) ? v.join("") : v);

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** A Markdown cell as the reader sees it: character references decoded, `<br>` a line break. */
function unescapeCell(s: string): string {
  return s.replace(/<br>/g, "\n").replace(
    /&(#x[0-9a-f]+|#\d+|[a-z]+);/gi,
    (m, e: string) =>
      e[0] === "#"
        ? String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
        : ENTITIES[e] ?? m,
  );
}

/** Parse the Markdown tables in `md` (arquero's `toMarkdown`: a header, a separator, one line per row). */
export function markdownTables(md: string): Row[][] {
  const tables: Row[][] = [];
  const lines = md.split("\n");
  const cellsOf = (l: string) => l.trim().replace(/^\|/, "").replace(/\|$/, "").split("|").map(unescapeCell);
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!lines[i]!.trim().startsWith("|") || !/^\s*\|(\s*:?-+:?\s*\|)+\s*$/.test(lines[i + 1]!)) continue;
    const header = cellsOf(lines[i]!);
    const rows: Row[] = [];
    let j = i + 2;
    for (; j < lines.length && lines[j]!.trim().startsWith("|"); j++) {
      const cells = cellsOf(lines[j]!);
      rows.push(Object.fromEntries(header.map((h, k) => [h, cells[k] ?? ""])));
    }
    tables.push(rows);
    i = j - 1;
  }
  return tables;
}

/** The outputs of one executed cell. */
export class ExecutedCell {
  constructor(readonly notebook: string, readonly cell: NotebookCell) {}

  get id(): string {
    return String(this.cell.id);
  }

  get source(): string {
    return sourceOf(this.cell);
  }

  private get outputs(): Output[] {
    return (this.cell.outputs ?? []) as Output[];
  }

  /** Everything printed to stdout. */
  stdout(): string {
    return this.outputs.filter((o) => o.output_type === "stream" && o.name === "stdout").map((o) =>
      joined(o.text)
    )
      .join("");
  }

  /** Printed text and the plain text of every displayed value, in order. */
  text(): string {
    return this.outputs.map((o) =>
      o.output_type === "stream" ? joined(o.text) : o.data ? joined(o.data["text/plain"]) + "\n" : ""
    ).join("");
  }

  /** The HTML of every displayed value. */
  html(): string {
    return this.outputs.map((o) => joined(o.data?.["text/html"])).join("\n");
  }

  /** Every table the cell displays (from the Markdown of its display bundle). */
  tables(): Row[][] {
    return this.outputs.flatMap((o) => markdownTables(joined(o.data?.["text/markdown"])));
  }

  /** The table the cell displays (the last, if several); fails when it displays none. */
  table(): Row[] {
    const t = this.tables();
    assert.ok(t.length > 0, `${this.notebook}#${this.id} displays no table`);
    return t.at(-1)!;
  }

  /** The number captured by the first group of `pattern` in the cell's text; fails when absent. */
  number(pattern: RegExp): number {
    const m = this.text().match(pattern);
    assert.ok(m?.[1] !== undefined, `${this.notebook}#${this.id}: ${pattern} not found in:\n${this.text()}`);
    return num(m[1]);
  }
}

/** An executed notebook, its cells found by id. */
export class ExecutedNotebook {
  constructor(readonly name: string, readonly edition: Edition, readonly json: NotebookJson) {}

  /** The ids of the cells, in order. */
  get ids(): string[] {
    return this.json.cells.map((c) => String(c.id));
  }

  has(id: string): boolean {
    return this.json.cells.some((c) => c.id === id);
  }

  /** The cell with this id; fails naming the notebook's ids when there is none. */
  cell(id: string): ExecutedCell {
    const c = this.json.cells.find((x) => x.id === id);
    assert.ok(c, `${this.name} (${this.edition} edition) has no cell "${id}"; cells: ${this.ids.join(", ")}`);
    return new ExecutedCell(this.name, c);
  }
}

const cache = new Map<string, Promise<ExecutedNotebook>>();

/** The executed copy of a notebook ("00-quickstart", "course/01-…"), of an edition (default student). */
export function executed(name: string, edition: Edition = "student"): Promise<ExecutedNotebook> {
  const key = `${edition}:${name}`;
  if (!cache.has(key)) {
    cache.set(
      key,
      executedNotebook(name, { edition }).then((json) => new ExecutedNotebook(name, edition, json)),
    );
  }
  return cache.get(key)!;
}

/** A test of a notebook's prose (it starts a kernel the first time, so the sanitizers are off). */
export function proseTest(name: string, fn: () => Promise<void> | void): void {
  Deno.test({ name, sanitizeOps: false, sanitizeResources: false, fn });
}

/** A shown number as a number; fails on text that is not one ("undefined", ""). */
export function num(text: string | undefined): number {
  const v = Number(String(text).replace(/,/g, "").trim());
  assert.ok(
    text !== undefined && String(text).trim() !== "" && Number.isFinite(v),
    `not a number: "${text}"`,
  );
  return v;
}

/** `actual` respects the stated bound (≥ atLeast or ≤ atMost). */
export function within(actual: number, bound: StatedBound, what = "value"): void {
  if ("atLeast" in bound) {
    assert.ok(actual >= bound.atLeast, `${what}: ${actual} is below the stated ${bound.atLeast}`);
  } else assert.ok(actual <= bound.atMost, `${what}: ${actual} is above the stated ${bound.atMost}`);
}

/** |actual − expected| ≤ tolerance. */
export function approx(actual: number, expected: number, tolerance: number, what = "value"): void {
  assert.ok(
    Math.abs(actual - expected) <= tolerance,
    `${what}: ${actual} is not within ${tolerance} of the stated ${expected}`,
  );
}

/** Half a unit of the last digit shown ("0.065208" → 5e-7): how far a shown number may be from its value. */
export function shownPrecision(text: string | undefined): number {
  const decimals = String(text).trim().match(/\.(\d+)/)?.[1]?.length ?? 0;
  return 0.5 * 10 ** -decimals * (1 + 1e-9);
}

/** The shown number equals `value` to the precision it is shown with (whatever the table's formatting). */
export function shows(text: string | undefined, value: number, what = "shown value"): void {
  approx(num(text), value, shownPrecision(text), what);
}

/** The sum of shown numbers equals `value` to the precision they are shown with. */
export function showsSum(texts: readonly (string | undefined)[], value: number, what = "shown sum"): void {
  const tol = texts.reduce((t, x) => t + shownPrecision(x), 0);
  approx(texts.reduce((t, x) => t + num(x), 0), value, tol, what);
}

/** A row of `rows` whose column `col` is `value`; fails when there is none. */
export function rowWhere(rows: readonly Row[], col: string, value: string): Row {
  const r = rows.find((x) => x[col] === value);
  assert.ok(r, `no row with ${col} = "${value}" in ${JSON.stringify(rows.map((x) => x[col]))}`);
  return r;
}

// ---------------------------------------------------------------------------------------------------------
// Stated values, and how they are made wrong

/** A bound the prose states ("at least 95%", "below 1"): it is wrong only in one direction. */
export type StatedBound = { readonly atLeast: number } | { readonly atMost: number };

/** A value the prose states. */
export type StatedValue = number | string | boolean | readonly (number | string)[] | StatedBound;

/** The directions a value can be made wrong in: numbers both ways, the rest one way. */
export type Wrong = "up" | "down";

/** A stated value as the mutation tool lists it. */
export interface StatedEntry {
  readonly file: string;
  readonly key: string;
  readonly directions: readonly Wrong[];
}

const registry: StatedEntry[] = [];

/** Every value declared with {@link stated} by the modules loaded so far. */
export function statedValues(): readonly StatedEntry[] {
  return registry;
}

const isBound = (v: StatedValue): v is StatedBound =>
  typeof v === "object" && !Array.isArray(v) && ("atLeast" in v || "atMost" in v);

/** A floor is wrong when raised, a ceiling when lowered; other numbers both ways; texts and booleans once. */
const directionsOf = (v: StatedValue): Wrong[] =>
  isBound(v)
    ? ["atLeast" in v ? "up" : "down"]
    : typeof v === "number" || (Array.isArray(v) && typeof v[0] === "number")
    ? ["up", "down"]
    : ["up"];

/** `v` made wrong: a number (or bound) moved by half its size (at least 1), a text marked, a boolean negated,
 * a list's first element made wrong. */
export function wrong(v: StatedValue, direction: Wrong): StatedValue {
  if (isBound(v)) {
    return "atLeast" in v
      ? { atLeast: wrong(v.atLeast, direction) as number }
      : { atMost: wrong(v.atMost, direction) as number };
  }
  if (typeof v === "number") {
    const step = Math.max(Math.abs(v) / 2, 1);
    return direction === "up" ? v + step : v - step;
  }
  if (typeof v === "string") return `${v}✗`;
  if (typeof v === "boolean") return !v;
  const list = v as readonly (number | string)[];
  if (list.length === 0) return ["✗"];
  return [wrong(list[0]!, direction) as number | string, ...list.slice(1)] as StatedValue;
}

/**
 * Declare what a notebook's prose states. With `CLUSTERLAB_STATED_WRONG=<file>#<key>:<direction>` (set by
 * tools/prose_mutation.ts) that one value is returned wrong, and the tests that read it must fail.
 */
export function stated<T extends Record<string, StatedValue>>(moduleUrl: string, values: T): T {
  const file = basename(fileURLToPath(moduleUrl));
  for (const [key, v] of Object.entries(values)) registry.push({ file, key, directions: directionsOf(v) });
  let target: string | undefined;
  try {
    target = Deno.env.get("CLUSTERLAB_STATED_WRONG");
  } catch {
    target = undefined;
  }
  const m = target?.match(/^(.+)#(.+):(up|down)$/);
  if (!m || m[1] !== file || !(m[2]! in values)) return values;
  return { ...values, [m[2]!]: wrong(values[m[2]!]!, m[3] as Wrong) };
}

// ---------------------------------------------------------------------------------------------------------
// The two editions of a course lesson (tools/editions.ts)

/** The exercise ids of a lesson ("1.1", …), from its `exercise({ id: "…" })` calls. */
export function exerciseIds(nb: ExecutedNotebook): string[] {
  return nb.json.cells.flatMap((c) =>
    [...sourceOf(c).matchAll(/exercise\(\{\s*id: "([\d.]+)"/g)].map((m) => m[1]!)
  );
}

/** The solutions a teacher cell prints ("solutions: 1.1 A; 1.2 8") as id → text. */
export function solutions(nb: ExecutedNotebook): Record<string, string> {
  const text = nb.json.cells.map((c) => new ExecutedCell(nb.name, c).stdout()).join("\n");
  const line = text.match(/^solutions: (.*)$/m)?.[1];
  assert.ok(line, `${nb.name} (${nb.edition} edition) prints no solutions`);
  return Object.fromEntries(
    line.split("; ").map((s) => [s.slice(0, s.indexOf(" ")), s.slice(s.indexOf(" ") + 1)]),
  );
}

/**
 * The tests every lesson shares: the student edition has no teacher cell, shows each question and checks the
 * (missing) answer of each exercise, and shows no solution; the teacher edition grades every worked answer as
 * right; the cells both editions share have the same outputs.
 */
export function editionTests(name: string, label: string): void {
  proseTest(
    `${label} · student edition: no teacher cell, every exercise asked and checked, no solution shown`,
    async () => {
      const student = await executed(name, "student"), teacher = await executed(name, "teacher");
      const teacherOnly = teacher.ids.filter((id) => !student.has(id));
      assert.ok(teacherOnly.length > 0, "the teacher edition has cells of its own");
      const tagged = teacher.json.cells.filter((c) => (c.metadata?.tags ?? []).includes("teacher")).map((c) =>
        String(c.id)
      );
      assert.deepEqual(teacherOnly, tagged, "the student edition lacks exactly the cells tagged teacher");
      const ids = exerciseIds(student);
      assert.ok(ids.length > 0);
      const all = student.json.cells.map((c) => new ExecutedCell(name, c).text()).join("\n");
      for (const id of ids) {
        assert.ok(
          all.includes(`… ${id} No answer yet: replace undefined with your answer.`),
          `check of ${id}`,
        );
        assert.match(all, new RegExp(`^${id.replace(".", "\\.")} \\S`, "m"), `question ${id} shown`);
      }
      assert.ok(!/^solutions: /m.test(all) && !all.includes("✓"), "no solution in the student edition");
    },
  );

  proseTest(`${label} · teacher edition: every worked answer is graded right`, async () => {
    const teacher = await executed(name, "teacher");
    const all = teacher.json.cells.map((c) => new ExecutedCell(name, c).stdout()).join("\n");
    const ids = exerciseIds(teacher);
    for (const id of ids) assert.ok(all.includes(`✓ ${id} Right!\n✓ ${id} 正确！`), `worked answer of ${id}`);
    assert.ok(!all.includes("✗"), "no worked answer is wrong");
    assert.deepEqual(Object.keys(solutions(teacher)), ids);
  });

  proseTest(`${label} · the cells both editions share have the same outputs`, async () => {
    const student = await executed(name, "student"), teacher = await executed(name, "teacher");
    for (const id of student.ids) {
      assert.deepEqual(student.cell(id).cell.outputs, teacher.cell(id).cell.outputs, `outputs of ${id}`);
    }
  });
}
